"""Page furniture told by its form and place, not by its words: polars expressions over a line frame.

The word lists of `tasks.furniture` ("Advertisement", "Read more", ...) catch the widgets of the
sites they were written from; every other site brings its own words. These signals, after the ideas
of jusText and trafilatura, describe what such lines look like on any site. A *bare* line is short
(at most 12 words), ends like no sentence (a closing "!" excepted: pages exhort their readers), opens
no quotation and holds no number. Each bare line weighs:

- 1 when no word starts with a small letter ("Pinterest Reddit Flipboard"), 1 when fewer than one
  word in five is a function word ("Download The X App for Latest News"), 1 when it speaks to the
  reader ("Follow us", "your inbox"), 1 when a label and a colon open it ("Tags: ...");
- `_THRESHOLD` (enough alone) when items are split by bars, bullets, middle dots or guillemets;
- 1 in a run of two such lines or known furniture (header lines, word-list widgets), 2 in a run of
  three or more (share bars, tag and link lists); 1 when the page prints the line twice;
- 1 above the article's first sentence, or in a tail of two lines or more below its last.

A bare line weighing `_THRESHOLD` or more is furniture; where an in-body heading stands (between two
sentences of prose, up to `_HEADING_WORDS` words, no separator) it needs one more. Left alone: a
page with no sentence of prose, and a page with two rows of figures or more (a table: "Year", "Six
mths" are its rows' labels), and the line right above a row of figures (a table's head).
"""

from __future__ import annotations

import polars as pl

from tasks.windows import group_starts, next_in, sum_in_runs

BARE_MAX_WORDS = 12
_THRESHOLD = 3
_HEADING_WORDS = 8
# Function words: a line of prose, even a short caption, holds some; a menu or tag list none.
STOPWORDS = (r"(?i)\b(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|is|are|was|were|be|been|has|have|had"
              r"|he|she|it|they|we|you|i|his|her|their|its|our|this|that|these|those|as|not|no|will|would|can"
              r"|could|after|before|over|into|about|than|who|which|what|when|where|how|why|if|said|says)\b")
# "!" is left out: a page exhorts its reader ("Subscribe to our newsletter!"), a report rarely
# ends a short line so outside a quotation.
_SENTENCE_END = r"[.?;,]['\"”’)\]]*$"
_OPENS_QUOTE = r"^['\"“‘«—–-]"
# A number standing as a word ("Shr 23 cts vs 42 cts", "IRAN 1.6 2.2 1.9").
_NUMBER = r"(?:^| )[-+($£€]*\d"
SEPARATOR = r" [|·•»›] |^[←→‹›«»] | [←→‹›«»]$"
SMALL_WORD = r"(?:^| )\p{Ll}"
# The page speaking to its reader ("Follow us", "Why you can trust ...", "our newsletter"); a
# report speaks of others, and its short lines quote the second person only inside quotation marks.
_READER = r"(?i)\b(?:you|your|us|our)\b"
# A label and a colon opening the line: "Read more: ...", "Tags: ...", "Filed under: ...", "In This
# Article: ..." (up to three words, in title case too).
_LABEL_PREFIX = r"^\p{Lu}\p{Ll}*(?: \p{L}+){0,2}: \S"


def bare_line(line: pl.Expr, words: pl.Expr) -> pl.Expr:
    """A short line that is no sentence, quotation or figure (null for longer lines). A number is
    the article's (a score, a date, a row of a table) far more often than a widget's."""
    # one pattern for the three: each pass over the lines costs about as much as the three together
    return ~pl.when(words <= BARE_MAX_WORDS).then(line).str.contains(f"{_SENTENCE_END}|{_OPENS_QUOTE}|{_NUMBER}")


def figure_row(line: pl.Expr, words: pl.Expr) -> pl.Expr:
    """A row of a table: a short line with a number ("Net 412,737", "Shr 23 cts vs 42 cts"), or a
    longer one with a number in every three words (rows run together: "CHILE 22 8 109 76 PERU ...")."""
    return line.str.contains(_NUMBER) & ((words <= BARE_MAX_WORDS) | (line.str.count_matches(_NUMBER) * 3 >= words))


def signal_weight(line: pl.Expr) -> pl.Expr:
    """The weight of the signals a bare line carries on its own (its neighbours are counted apart).
    Given bare lines only: masked rows would still be scanned (see `signal_furniture`)."""
    signals = (
        ~line.str.contains(SMALL_WORD),  # menu case
        # few function words: fewer than one word in five ("Download The X App for Latest News")
        line.str.count_matches(STOPWORDS) * 5 < line.str.count_matches(" ") + 1,
        line.str.contains(_READER),
        line.str.contains(_LABEL_PREFIX),
    )
    # items split by bars or bullets are a menu or a list of links whatever their words
    separated = line.str.contains(SEPARATOR).cast(pl.Int32) * _THRESHOLD
    return pl.sum_horizontal(*(s.cast(pl.Int32) for s in signals)) + separated


def signal_furniture(lines: pl.DataFrame, after_header: pl.Expr, prose: pl.Expr, known: pl.Expr) -> pl.Series:
    """Whether each line (a frame in (rec, i) order with `rec`, `i`, `line`, `nw`) is furniture by
    its signals.

    `after_header`: the line is below the header; `prose`: the line is a sentence of the article
    (long and ending like one), and a record with no such line is left alone; `known`: the line is
    header or furniture by the other rules (a bare line next to one stands in the same run)."""
    line, words = pl.col("line"), pl.col("nw")
    # The patterns run on the short lines alone: given a null, str.contains still scans the text the
    # row holds, and an unanchored pattern would read every long line of the batch.
    short = lines["nw"] <= BARE_MAX_WORDS
    shape = pl.repeat(False, lines.height, eager=True).scatter(
        short.arg_true(), lines.filter(short).select(bare_line(line, words).fill_null(False)).to_series())
    shape = lines.select(_shape=shape, _after=after_header.fill_null(False))
    bare = shape["_shape"] & shape["_after"]
    # Only the records with a bare line below their header need the rest (a sixth of Reuters').
    in_play = lines["rec"].is_in(lines["rec"].filter(bare).unique().implode())
    if not in_play.any():
        return bare
    frame = pl.concat([lines.filter(in_play), shape.filter(in_play)], how="horizontal").select(
        "rec", "i", "line", "nw", "_after",
        _bare=pl.col("_shape") & pl.col("_after"),
        # a short exhortation ("Like this story? Share it!") ends like a sentence but is bare
        _prose=prose.fill_null(False) & ~pl.col("_shape"),
        _known=known.fill_null(False),
    )
    return pl.repeat(False, lines.height, eager=True).scatter(in_play.arg_true(), _flagged(frame))


def _figures(frame: pl.DataFrame) -> pl.Series:
    """The rows of a table below the header (`figure_row`), other than known lines (a date stamp or
    a counter: "12 comments"). A long line is read only under a bare line, as the first row of a
    table whose head that line would be: the count of numbers reads the whole line."""
    line, words = pl.col("line"), pl.col("nw")
    previous_bare = (pl.col("rec").shift(1).eq_missing(pl.col("rec")) & pl.col("_bare").shift(1)).fill_null(False)
    read = pl.col("_after") & ~pl.col("_known") & ((words <= BARE_MAX_WORDS) | previous_bare)
    where = frame.select(read).to_series()
    rows = frame.filter(where).select(figure_row(line, words)).to_series()
    return pl.repeat(False, frame.height, eager=True).scatter(where.arg_true(), rows)


def _flagged(frame: pl.DataFrame) -> pl.Series:
    bare, is_prose, i = pl.col("_bare"), pl.col("_prose"), pl.col("i")
    line, words = pl.col("line"), pl.col("nw")
    bare_rows = frame["_bare"]
    # The patterns run on the bare lines alone, and their results are put back in place.
    own = frame.filter(bare_rows).select(signal_weight(line).alias("w"), line.str.contains(SEPARATOR).alias("s"))
    at = bare_rows.arg_true()
    frame = frame.with_columns(
        _figures=_figures(frame),
        _own=pl.repeat(0, frame.height, dtype=pl.Int32, eager=True).scatter(at, own.to_series(0)),
        _separated=pl.repeat(False, frame.height, eager=True).scatter(at, own.to_series(1)),
    )
    # One aggregation joined back: four windows over the records cost twice as much.
    per_record = frame.group_by("rec").agg(
        _first_prose=pl.when(is_prose).then(i).min(),
        _last_prose=pl.when(is_prose).then(i).max(),
        _last_line=i.max(),
        # Two rows of figures make a table (an earnings report, a price list): its short lines
        # ("Year", "Six mths", "DURUM WHEAT") are the article, however bare.
        _table=pl.col("_figures").sum() >= 2,
    )
    frame = frame.join(per_record, on="rec", how="left", maintain_order="left")
    same_rec_before = pl.col("rec").shift(1).eq_missing(pl.col("rec"))
    prev_prose = (same_rec_before & is_prose.shift(1)).fill_null(False)
    next_prose = next_in(is_prose, "rec").fill_null(False)
    junk = bare | pl.col("_known")
    run = sum_in_runs(junk, ~junk | group_starts("rec"))
    repeated = pl.when(bare).then(pl.struct("rec", "line")).is_duplicated().fill_null(False)
    first_prose, last_prose = pl.col("_first_prose"), pl.col("_last_prose")
    # Above the first sentence of the article, or in a tail of two lines or more below its last
    # (a single closing line is often the article's own: a source, a sign-off).
    outside = (i < first_prose) | ((i > last_prose) & (pl.col("_last_line") - last_prose >= 2))
    weight = (
        pl.col("_own")
        + (run >= 2).cast(pl.Int32) + (run >= 3).cast(pl.Int32)
        + repeated.cast(pl.Int32)
        + outside.fill_null(False).cast(pl.Int32)
    )
    heading_slot = prev_prose & next_prose & (words <= _HEADING_WORDS) & ~pl.col("_separated")
    # The head of a table stands right above its first row ("Area Crop", "CURRENT WEEK YEAR").
    table_head = next_in(pl.col("_figures"), "rec").fill_null(False)
    needed = pl.when(heading_slot).then(_THRESHOLD + 1).otherwise(_THRESHOLD)
    return frame.select(
        bare & (weight >= needed) & first_prose.is_not_null() & ~pl.col("_table") & ~table_head
    ).to_series()
