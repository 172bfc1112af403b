"""The header of a saved article: which top lines are title, subtitle, section, byline and date.

Works on the line frame built by `tasks.clean` (one row per non-empty line: `rec`, `i`, `line`,
`nw`, and the line features). Everything is a window expression over `rec`, so a whole batch of
articles is read at once.

The rule, from how news pages are laid out: the header is the run of top lines that ends with the
last "meta" line (date stamp, byline, counter, caption) before the article proper starts. Between
those meta lines, at most two lines of prose may stand: the headline and the standfirst. A record
that brings its own title (JSONL, CSV, HTML) allows no prose in its header, since its text starts
with the article.
"""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import Rx, patterns_for
from tasks.furniture import FILES_FROM, POST, TITLE_LABEL
from tasks.furniture_signals import SEPARATOR, SMALL_WORD, STOPWORDS
from tasks.windows import cum_sum_in

HEADER_WINDOW = 12
# A paragraph this long is the article's (as `tasks.clean` counts a long body paragraph).
_LONG_WORDS = 30
_TITLE_MAX_WORDS = 30
# "ERBIL, Kurdistan Region - ", "WASHINGTON, Feb 26 (Reuters) - "; a press release's dateline carries the
# year and the wire between slashes: "MYSURU, India, March 6, 2020 /PRNewswire/ -- ".
_DATELINE = (r"^(?P<place>[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]+)*(?:,\s+[A-Z][\w'.\-]+(?:\s+[A-Z][\w'.\-]+){0,3})?)"
             r"(?:,\s+\w+\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?)?\s*(?:[(/](?:[A-Za-z .]{1,25})[)/]\s*)?[-–—]{1,2}\s+\S")
_PLACED_NAME = rf"{FILES_FROM}$"
_POST = rf" {POST}$"
# "CAIRO: On Tuesday, ...", as South Asian and Gulf papers print it: one to three upper-case words
# and a colon, then a capitalised word. Labels open a paragraph the same way ("UPDATE: The ...").
_COLON_DATELINE = r"^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,2}): [A-Z0-9\"“]"
# Read on the place alone, so the pattern needs no look-ahead (the regex engine has none).
_LABELS = (r"^(?:UPDATED?|BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|ANALYSIS|OPINION|LIVE(?: UPDATES)?|VIDEO|PHOTOS?|LISTEN"
           r"|EDITOR'S NOTE|NOTE|CORRECTION|CLARIFICATION|WARNING|ALERT|URGENT|FLASH|JUST IN|DEVELOPING|FACT CHECK"
           r"|EXPLAINER|EDITORIAL|COMMENT|REVIEW|INTERVIEW|PODCAST|PREVIEW|REPORT|SPOILERS?|FILE)$")
# A place in title case is a dateline only with the agency after it: "Hong Kong (CNN) — ".
_AGENCY_DATELINE = r"^([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) \([A-Z][A-Za-z]{1,12}(?: [A-Z][A-Za-z]{1,12}){0,2}\) [-–—]{1,2}\s+\S"
# Words only a site's menu holds: "Home About Archive Contact" is a nav bar, though "About" is a function word.
_NAV_WORD = r"\b(?:Home|Contact|Archives?|Subscribe|Donate|Log ?[Ii]n|Sign [Ii]n|Search|Menu)\b"
# A banner word a page prints alone or before a colon above its headline ("WATCH LIVE: 8 News Now").
_BANNER = r"^(?:BREAKING(?: NEWS)?|EXCLUSIVE|WATCH(?: LIVE)?|LIVE(?: UPDATES)?|JUST IN|DEVELOPING|UPDATED?)(?::|$)"


def _first_i(condition: pl.Expr) -> pl.Expr:
    return pl.when(condition).then(pl.col("i")).min().over("rec")


def above_headline_form(line: pl.Expr, words: pl.Expr) -> pl.Expr:
    """A line shaped like what pages print above their headline: a nav bar or breadcrumb split by
    bars, dots or guillemets ("For You · Headlines · World"), the document title "Headline | Site"
    (but not a labelled headline, "Breaking News | Council ..."), a banner ("WATCH LIVE: ..."), or a
    run of capitalised words with no function word: a masthead in capitals or a menu ("News Analysis
    Data Events Podcasts"), or with a word only menus hold ("Home About Archive Contact"). A headline
    in title case keeps its function words ("Man Killed in Crash"); one without, at four words or
    more, is rare, and is skipped only with another headline under it."""
    capitalised = ~line.str.contains(SMALL_WORD) & ~line.str.contains(STOPWORDS)
    return (
        (line.str.contains(SEPARATOR) & ~line.str.contains(TITLE_LABEL))
        | line.str.contains(_BANNER)
        | (capitalised & ((words >= 4) | ~line.str.contains(r"\p{Ll}")))
        | (~line.str.contains(SMALL_WORD) & (words >= 3) & line.str.contains(_NAV_WORD))
    )


def header_lines(lines: pl.DataFrame, rx: Rx = patterns_for(False)) -> pl.DataFrame:
    """Adds `header_end` (last header line index, null when none), `title_i` and `subtitle_i`.

    `rx`: the form of the patterns for these lines (`tasks.furniture`)."""
    given_title = pl.col("given_title").is_not_null()
    content = ~pl.col("meta") & ~pl.col("section_like") & ~pl.col("name_like") & ~pl.col("repeat_title")
    # "Selin Aksoy in Istanbul" is a byline only under prose (the headline or standfirst): as the
    # first line or under a section name, a title-case headline ("Man Killed in Crash") reads the same.
    # (On a name line, whose words are capitalised, a lower-case " in " can only open the place.)
    placed = pl.col("name_like") & pl.col("line").str.contains(" in ", literal=True)
    under_prose = ((pl.col("rec").shift(1) == pl.col("rec")) & content.shift(1)).fill_null(False)
    lines = lines.with_columns(name_like=pl.col("name_like") & ~(placed & ~under_prose))
    # Captions and pull-quote credits also sit inside the article, often right after the lede: they
    # are furniture, but on their own they must not pull the lede into the header as a standfirst.
    # A caption between header lines (standfirst, picture, byline) is still inside the header.
    header_kind = pl.col("meta") & ~pl.col("furniture").fill_null("").is_in(["caption", "quote_credit"])
    lines = _above_headline(lines, content, header_kind)
    # Lines above the headline are no prose of the header.
    # A prose line longer than a headline or standfirst may be is the article's first paragraph: it
    # weighs as more prose than a header allows, so that a widget under it ("ADVERTISEMENT" after the
    # lede) does not pull it into the header as a standfirst.
    counted = (content & ~(pl.col("i") <= pl.col("above_end").fill_null(-1))).cast(pl.Int32) * pl.when(
        pl.col("nw") > _TITLE_MAX_WORDS).then(3).otherwise(1)
    # A column of its own: inside the window below, a running sum would be evaluated group by group.
    lines = lines.with_columns(_prose_before=cum_sum_in(counted, "rec") - counted)
    allowed_prose = pl.when(given_title).then(0).otherwise(2)
    header_meta = (
        (header_kind | pl.col("repeat_title"))
        & (pl.col("i") < HEADER_WINDOW)
        & (pl.col("_prose_before") <= allowed_prose)
    )
    first_content = _first_i(content)
    # The line rules are given only the one line per record they can apply to, the others null
    # (polars' str.contains still scans a null row's text, but these patterns are anchored).
    at_first = pl.col("i") == pl.col("first_content")
    first_line = pl.when(at_first).then(pl.col("line"))
    title_like = (
        (pl.col("nw") <= _TITLE_MAX_WORDS)
        # Headlines do not end with a full stop; a first line that does is already the article.
        & ~first_line.str.contains(r"[^.]\.$")
        & ~first_line.str.contains(rx(_DATELINE))
        & ~first_line.str.contains(rx(_AGENCY_DATELINE))
    )
    with_end = lines.with_columns(
        header_meta_end=pl.when(header_meta).then(pl.col("i")).max().over("rec"),
        first_content=first_content,
        _n_lines=pl.col("i").max().over("rec") + 1,
    )
    guessed_title = (
        ~given_title
        & at_first
        & title_like
        & (pl.col("i") < HEADER_WINDOW)
        & (pl.col("i") < pl.col("_n_lines") - 1)
    )
    # When the first prose line is a sentence, not a headline, a short line above it ("Budget vote")
    # that looked like a section name is the headline after all.
    above_first = pl.col("section_like") & (pl.col("i") == pl.col("first_content") - 1)
    short_title = (
        ~given_title
        & above_first
        & ~pl.when(above_first).then(pl.col("line")).str.contains(r" [/>»›|] ")
    )
    # Both rules are columns before the windows take them: inside a window their regexes ran
    # record by record (four times slower).
    with_title = with_end.with_columns(_guessed=guessed_title, _short=short_title).with_columns(
        title_i=pl.coalesce("above_title",
                            pl.when("_guessed").then(pl.col("i")).min().over("rec"),
                            pl.when("_short").then(pl.col("i")).min().over("rec")),
    )
    # A batch whose records all bring their title (Reuters) pays nothing for these.
    if with_title["given_title"].is_null().any():
        with_title = _name_form_titles(with_title)
    with_title = with_title.with_columns(header_end=pl.max_horizontal("header_meta_end", "title_i"))
    subtitle = (
        pl.col("given_subtitle").is_null()
        & content
        & (pl.col("i") > pl.col("title_i"))
        & (pl.col("i") < pl.col("header_meta_end"))
    )
    subtitle_i = pl.when(subtitle).then(pl.col("i")).min().over("rec")
    return with_title.with_columns(subtitle_i=subtitle_i).drop("_prose_before", "_n_lines", "_guessed", "_short",
                                                               "above_title")


def _name_form_titles(lines: pl.DataFrame) -> pl.DataFrame:
    """`title_i` for headlines of three or four capitalised words, which have a name line's form
    ("Impeachment Trial Opens") and are passed over as a byline would be.

    Over a deck in title case ("Senators Sworn In As Jurors"), which was then taken for the title, the
    line over it is the headline; with no other title, such a line over the byline and date ("Home
    Secretary Announces Review") is the title."""
    same_rec = (pl.col("rec").shift(1) == pl.col("rec")).fill_null(False)
    over_deck = (same_rec & pl.col("name_like").shift(1) & ~pl.col("meta").shift(1) & (pl.col("nw").shift(1) >= 3)
                 & (pl.col("i") - 1 > pl.col("above_end").fill_null(-1))).fill_null(False)
    named = (pl.col("given_title").is_null() & pl.col("name_like") & ~pl.col("meta") & (pl.col("nw") >= 3)
             & (pl.col("i") < pl.col("first_content").fill_null(HEADER_WINDOW)) & (pl.col("i") < HEADER_WINDOW))
    return lines.with_columns(
        _named=named, _over_deck=over_deck & ~pl.when(over_deck).then(pl.col("line")).str.contains(SMALL_WORD),
    ).with_columns(
        title_i=pl.coalesce("title_i", pl.when("_named").then(pl.col("i")).min().over("rec")),
    ).with_columns(
        title_i=pl.col("title_i") - pl.col("_over_deck").filter(pl.col("i") == pl.col("title_i")).any()
        .over("rec").cast(pl.Int32),
    ).drop("_named", "_over_deck")


def _above_headline(lines: pl.DataFrame, content: pl.Expr, header_kind: pl.Expr) -> pl.DataFrame:
    """Adds `above_end`, the last line above the headline of a page that prints a site name, tagline,
    nav bar or banner over it, and `above_title`, that headline (both null when nothing is above it).

    Read in the lines above the first byline or date of the header, on a page with no given title:
    the headline is the headline-like line under the last marker line, a section name or a line of
    `above_headline_form`, that has one under it. So a tagline over a breadcrumb, or a masthead over
    a nav bar, is passed over, while a kicker or section over the headline only leads to it."""
    # The few top lines of untitled records are read apart and joined back: a batch whose records
    # all bring their title (Reuters) pays nothing.
    zone = (
        lines.filter(pl.col("given_title").is_null() & (pl.col("i") < HEADER_WINDOW))
        .with_columns(_first_meta=_first_i(header_kind))
        .filter(pl.col("i") < pl.col("_first_meta"))
    )
    # A title-case line with no function word is a menu ("News Analysis Data Events Podcasts") only below
    # something else: as the page's first line it is the headline ("Lion Air Crash Probe Widens", "Iraq
    # Condemns Base Attacks, Captures Rocket Launcher Amid Regional Tensions") over a standfirst.
    title_case_only = (~pl.col("line").str.contains(SEPARATOR) & ~pl.col("line").str.contains(_BANNER)
                       & pl.col("line").str.contains(r"\p{Ll}"))
    first_content = pl.col("i") == _first_i(content)
    # (a menu of capitalised words has a name line's form: "Home About Archive Contact")
    form = (above_headline_form(pl.col("line"), pl.col("nw")) & (content | pl.col("name_like"))
            & ~(title_case_only & first_content))
    headline_like = content & ~form & (pl.col("nw") <= _TITLE_MAX_WORDS) & ~pl.col("line").str.contains(r"[^.]\.$")
    zone = zone.with_columns(
        _marker=(pl.col("section_like") & ~pl.col("meta")) | form, _candidate=headline_like,
    ).with_columns(_last_candidate=pl.when("_candidate").then(pl.col("i")).max().over("rec"))
    above_end = pl.col("i").filter(pl.col("_marker") & (pl.col("i") < pl.col("_last_candidate"))).max()
    ends = (
        zone.group_by("rec")
        .agg(above_end=above_end,
             above_title=pl.col("i").filter(pl.col("_candidate") & (pl.col("i") > above_end)).min(),
             # a banner over the headline ("BREAKING") names no section: the marker above it may
             above_section=pl.col("i").filter(pl.col("_marker") & ~pl.col("line").str.contains(_BANNER)
                                              & (pl.col("i") <= above_end)).max())
        .filter(pl.col("above_end").is_not_null())
    )
    if ends.height == 0:
        return lines.with_columns(above_end=pl.lit(None, pl.Int32), above_title=pl.lit(None, pl.Int32),
                                  above_section=pl.lit(None, pl.Int32))
    return lines.join(ends, on="rec", how="left", maintain_order="left")


def header_metadata(lines: pl.DataFrame) -> pl.DataFrame:
    """One row per `rec` with what its header says: title, subtitle, section, authors, date line."""
    in_header = pl.col("i") <= pl.col("header_end")
    before_title = pl.col("i") < pl.col("title_i").fill_null(pl.col("first_content"))
    # Of the lines above a headline, only the marker right over it may name the section (over a banner).
    section = (in_header & before_title & pl.col("section_like") & ~pl.col("meta")
               & ~pl.col("line").str.contains(_BANNER)
               & (pl.col("i") >= pl.coalesce("above_section", "above_end").fill_null(-1)))
    author_name = in_header & (pl.col("i") > pl.col("title_i").fill_null(-1)) & pl.col("name_like") & ~pl.col("meta")
    header = (
        lines.filter(in_header | pl.col("byline").is_not_null())
        .group_by("rec")
        .agg(
            guessed_title=pl.col("line").filter(pl.col("i") == pl.col("title_i")).first(),
            guessed_subtitle=pl.col("line").filter(pl.col("i") == pl.col("subtitle_i")).first(),
            guessed_section=pl.col("line").filter(section).str.join(" / "),
            byline=pl.col("byline").drop_nulls().str.join(", "),
            name_lines=pl.col("line").filter(author_name).str.join(", "),
            date_line=pl.col("line").filter(in_header & pl.col("date_line")).first(),
        )
        .with_columns(
            guessed_section=pl.when(pl.col("guessed_section") != "").then("guessed_section"),
            # "Breaking News | Council approves budget": the label is not part of the title.
            guessed_title=pl.col("guessed_title").str.replace(TITLE_LABEL, "${1}"),
            guessed_authors=pl.when(pl.col("byline") != "").then(pl.col("byline")).otherwise(pl.col("name_lines"))
            .str.replace_all(r"\s+(?:and|&)\s+", ", ")
            .str.split(",")
            # "By Lily Chan, CNN": the outlet's initials are not an author; "Selin Aksoy in Istanbul":
            # the place is where she files from.
            .list.eval(pl.element().str.strip_chars(" |•·").str.replace(_PLACED_NAME, ""))
            # "By Danny Mercer, Showbiz Reporter": nor is the reporter's post.
            .list.eval(pl.element().filter((pl.element() != "") & ~pl.element().str.contains(r"^[A-Z]{2,6}$")
                                           & ~pl.element().str.contains(_POST)))
            # the same byline printed over the article and again under it is one author
            .list.unique(maintain_order=True),
        )
        .drop("byline", "name_lines")
    )
    return _late_date_line(lines, in_header, header)


def _late_date_line(lines: pl.DataFrame, in_header: pl.Expr, header: pl.DataFrame) -> pl.DataFrame:
    """`date_line` for a record whose header has none: a date stamp among the top lines that comes
    before the article's first long paragraph. A page may print more above its stamp than a headline
    and a standfirst ("NEWS PROVIDED BY", the provider's name, "Mar 06, 2020, 09:00 IST"): the header
    then ends early, but the stamp still dates the page."""
    top = pl.col("i") < HEADER_WINDOW
    # Date lines are few (13 rows of Reuters' top lines): the long paragraphs are looked up for
    # their records alone.
    dates = lines.filter(pl.col("date_line") & top & ~in_header).select("rec", "i", "line")
    if dates.height == 0:
        return header
    long_body = (pl.col("nw") >= _LONG_WORDS) & pl.col("furniture").is_null() & top
    first_long = (lines.filter(long_body & pl.col("rec").is_in(dates["rec"].unique().implode()))
                  .group_by("rec").agg(_first_long=pl.col("i").min()))
    late = (dates.join(first_long, on="rec", how="left")
            .filter(pl.col("i") < pl.col("_first_long").fill_null(HEADER_WINDOW))
            .group_by("rec").agg(_late=pl.col("line").sort_by("i").first()))
    return (header.join(late, on="rec", how="left")
            .with_columns(date_line=pl.coalesce("date_line", "_late")).drop("_late"))


def dateline_place(first_paragraph: pl.Expr, rx: Rx = patterns_for(False)) -> pl.Expr:
    """The place of a dateline opening the body ("ERBIL, Kurdistan Region - ...", "CAIRO: On ...")."""
    colon_place = first_paragraph.str.extract(rx(_COLON_DATELINE), 1)
    return pl.coalesce(first_paragraph.str.extract(rx(_DATELINE), 1),
                       first_paragraph.str.extract(rx(_AGENCY_DATELINE), 1),
                       pl.when(~colon_place.str.contains(_LABELS)).then(colon_place))


def given_dateline_place(given: pl.Expr, rx: Rx = patterns_for(False)) -> pl.Expr:
    """A supplied dateline ("SALVADOR, Feb 26 -") reduced to its place; `rx` the form of the
    patterns for the datelines (`tasks.furniture`)."""
    return (
        given.str.replace(rx(r"\s*[-–—]+\s*$"), "")
        .str.replace(rx(r"(?i),?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}$"), "")
        .str.replace(rx(r"\s*\([^)]*\)$"), "")
        .str.strip_chars(" ,")
    )
