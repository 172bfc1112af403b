"""Clean: article records become documents (cleaned body text plus metadata), or reject rows.

One pass over a line frame (one row per non-empty source line) decides for each line whether it
is header, furniture, page tail, a repeated paragraph, or body; the kept lines, joined by a
blank line, are the document text. See docs/cleaning.md for the rules.
"""

from __future__ import annotations

import hashlib

import polars as pl

from tasks import furniture as F
from tasks.ascii_patterns import Rx, is_ascii, patterns_for
from tasks.dates import published
from tasks.furniture_signals import signal_furniture
from tasks.header import dateline_place, given_dateline_place, header_lines, header_metadata
from tasks.language import with_language
from tasks.normalise import ascii_normalised, collapsed_spaces, normalised_text
from tasks.windows import group_starts, last_index_in, next_in, position_in, sum_in_runs

PARAGRAPH_SEPARATOR = "\n\n"
PARAGRAPH_KIND = pl.Enum(["heading", "body"])
_LONG_PARAGRAPH_WORDS = 30
_HEADING_MAX_WORDS = 12
_LABEL_MAX_WORDS = 8

CLEAN_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(), "source_path": pl.String(), "source_id": pl.String(), "title": pl.String(),
    "subtitle": pl.String(), "section": pl.String(), "authors": pl.List(pl.String()),
    "published_date": pl.Date(), "published_at": pl.Datetime("us"), "dateline": pl.String(),
    "outlet": pl.String(), "url": pl.String(), "language": pl.String(), "text": pl.String(),
    "paragraph_kinds": pl.List(PARAGRAPH_KIND), "paragraph_words": pl.List(pl.Int32()), "n_words": pl.Int32(),
    "n_removed_lines": pl.Int32(), "n_duplicate_paragraphs": pl.Int32(), "reject_reason": pl.String(),
    "reject_detail": pl.String(),
}


def _key(text: pl.Expr, rx: Rx = patterns_for(False)) -> pl.Expr:
    """A comparison key that ignores case, punctuation and spacing (repeated titles differ in those).

    `rx` as in `tasks.furniture`: the ASCII form gives the same key to ASCII text only."""
    # Only runs other than a single space need replacing (a space would become itself): matching
    # every space between words made this the costliest pass of cleaning.
    return text.str.to_lowercase().str.replace_all(rx(r"[^\w]*[^\w ][^\w]*| {2,}"), " ").str.strip_chars()


def _same_key(key: pl.Expr, rx: Rx, where: pl.Expr | bool = True) -> pl.Expr:
    """`where` and the line's `_key` is `key` (never null when `key` is not). The line's key, the
    costliest pass of cleaning, is only computed where its first word character (`first_char`,
    null when the line has none) is also the first character of `key`."""
    first = pl.col("first_char")
    maybe = where & (first.eq_missing(key.str.slice(0, 1)) | first.is_null())
    # Empty, not null, elsewhere: polars replaces in a column with nulls several times slower.
    return maybe & (_key(pl.when(maybe).then(pl.col("line")).otherwise(pl.lit("")), rx) == key).fill_null(False)


_LINE_FEATURES = {"furniture": pl.String, "byline": pl.String, "date_line": pl.Boolean, "section_like": pl.Boolean,
                  "name_like": pl.Boolean, "tail_marker": pl.Boolean, "sign_off": pl.Boolean,
                  "repeat_title": pl.Boolean}


def _line_features(lines: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    line, words = pl.col("line"), pl.col("nw")
    short = pl.when(words <= 8).then(line)
    byline = pl.coalesce(pl.when(~short.str.contains(r"[.!?]$")).then(F.byline_names(short, rx)),
                         short.str.extract(rx(F.STAFF_LINE), 1))
    features = lines.select(
        "rec", "i", "line",
        furniture=F.furniture_kind(line, words, rx),
        byline=byline,
        date_line=F.is_date_line(line, words, rx),
        section_like=F.is_section_line(line, words, rx),
        name_like=F.is_name_line(line, rx) & (words <= 5),
        tail_marker=F.is_tail_marker(line, rx),
        sign_off=F.is_sign_off(line, words, rx),
        # the given title's key has the form of its own text (`_line_frame`)
        repeat_title=pl.col("given_key").is_not_null() & _same_key(pl.col("given_key"), rx),
    )
    # A byline without "By" is read on date lines alone ("Farah Qureshi | Last Updated: ...").
    dated = F.dated_byline_names(pl.when("date_line").then(line), rx)
    return features.with_columns(byline=pl.coalesce("byline", dated)).drop("line")


def _line_frame(records: pl.DataFrame) -> tuple[pl.DataFrame, Rx]:
    """One row per non-empty line, in (rec, i) order, with what each line may be; and the form of
    the patterns for the lines (ASCII when every body is).

    The window expressions downstream rely on that order instead of sorting again.
    """
    # Plain ASCII text needs only its line ends and control characters fixed; the Unicode passes
    # (NFC, exotic spaces, invisible characters) run on the other bodies alone. ASCII text without
    # a control character, tab or CR (nearly all of it) is already normal. The regex engine finds
    # a set of at most ten bytes with a fast scan, and a larger set (the 31 bytes here) with its
    # automaton, byte by byte: four scans cost a sixth of one (6 -> 45 ms on Reuters bodies).
    body = pl.col("body")
    control = pl.any_horizontal(body.str.contains(chars) for chars in (
        r"[\x00-\x09]", r"[\x0B-\x14]", r"[\x15-\x1E]", r"[\x1F\x7F]"))
    # Spaces to collapse or trim on some line (one body in twenty on Reuters): literal searches
    # find them; the other bodies skip collapsing, which costs more per line than per body.
    spaced = pl.any_horizontal(body.str.contains("  ", literal=True), body.str.contains(" \n", literal=True),
                               body.str.contains("\n ", literal=True), body.str.starts_with(" "),
                               body.str.ends_with(" "))
    ascii_only, tidy = records.select(
        ascii_only=(body.str.len_bytes() == body.str.len_chars()).fill_null(True),
        tidy=~(control | spaced).fill_null(False),
    ).with_columns(tidy=pl.col("ascii_only") & pl.col("tidy")).get_columns()
    title_rx = patterns_for(is_ascii(records["given_title"]))
    columns = ["rec", "given_title", "given_subtitle", _key(pl.col("given_title"), title_rx).alias("given_key")]
    # The other passes are skipped when no body needs them: polars compiles their regexes even
    # for an empty frame.
    parts = [records.filter(tidy).select(*columns, "body")]
    if not tidy.all():
        parts.append(records.filter(ascii_only & ~tidy).select(*columns, body=collapsed_spaces(ascii_normalised("body"))))
    if not ascii_only.all():
        parts.append(records.filter(~ascii_only).select(*columns, body=collapsed_spaces(normalised_text("body"))))
    body = pl.concat(parts).sort("rec")
    # ASCII bodies stay ASCII once normalised, and so do their lines.
    rx = patterns_for(bool(ascii_only.all()))
    lines = (
        body.select("rec", "given_title", "given_subtitle", "given_key", line=pl.col("body").str.split("\n"))
        .explode("line")
        .filter(pl.col("line").is_not_null() & (pl.col("line") != ""))
        # Lines hold single spaces only (collapsed above), so counting spaces counts words (the
        # regex counts faster than the literal search here).
        .with_columns(i=position_in("rec").cast(pl.Int32),
                      nw=(pl.col("line").str.count_matches(" ") + 1).cast(pl.Int32),
                      # lower-cased after the extract: lower-casing whole lines was the costlier part;
                      # the whole match's last character, since a capture group runs a slower engine
                      first_char=pl.col("line").str.extract(rx(r"^[^\w]*\w"), 0).str.slice(-1).str.to_lowercase()
                      .str.slice(0, 1))
    )
    # Only lines that could be furniture or header go through the full set of rules.
    suspects = lines.filter(F.may_be_furniture(pl.col("line"), pl.col("nw")))
    features = _line_features(suspects, rx)
    defaults = [pl.col(c).fill_null(False) for c, t in _LINE_FEATURES.items() if t == pl.Boolean]
    return (
        lines.join(features, on=["rec", "i"], how="left", maintain_order="left")
        .with_columns(defaults)
        .with_columns(meta=pl.col("furniture").is_not_null() | pl.col("byline").is_not_null() | pl.col("date_line"))
    ), rx


def _kept_lines(lines: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """Marks `keep` (body text), `duplicate` and the paragraph kind of every line."""
    i = pl.col("i")
    # At most one line per record is its title line; its key is a column before the window takes
    # it (inside the window the key would be computed group by group).
    lines = lines.with_columns(_title_key=_key(pl.when(i == pl.col("title_i")).then(pl.col("line")), rx))
    title_key = pl.coalesce("given_key", pl.col("_title_key").max().over("rec")).fill_null("")
    lines = lines.with_columns(_title_key=title_key)
    long_body = (pl.col("nw") >= _LONG_PARAGRAPH_WORDS) & pl.col("furniture").is_null()
    last_marker = last_index_in(pl.col("tail_marker"), i, "rec")
    last_long = last_index_in(long_body, i, "rec")
    in_tail = last_marker.is_not_null() & (last_long.is_null() | (last_long < last_marker))
    # A closing run of three or more bare labels (a photo gallery's captions, a list of links)
    # is page furniture as a whole even though no single line of it is.
    # A column first: the run sum below reads it four times, and each read ran the regex again.
    lines = lines.with_columns(
        _label=(pl.col("nw") <= _LABEL_MAX_WORDS)
        & ~pl.when(pl.col("nw") <= _LABEL_MAX_WORDS).then(pl.col("line")).str.contains(r"[.!?:;\"”’)]$"))
    label = pl.col("_label")
    # Lines are in (rec, i) order: a run starts at each line that is no label and at each record.
    run_length = sum_in_runs(label, ~label | group_starts("rec"))
    # Without any long paragraph there is no article for such a run to close: a table of figures
    # ("Shr 12 cts vs 15 cts", results by constituency) is all labels and is the article itself.
    closing_labels = label & (run_length >= 3) & (i > pl.when(long_body).then(i).max().over("rec")).fill_null(False)
    # Furniture by its form and place, whatever its words (`tasks/furniture_signals.py`).
    # (the line's last characters only: an end-anchored pattern still reads the line from its start)
    prose = (pl.col("nw") >= 8) & pl.col("furniture").is_null() & ~pl.col("meta") & pl.when(pl.col("nw") >= 8).then(
        pl.col("line").str.slice(-4)).str.contains(r"[.!?]['\"”’)]*$")
    known = pl.col("meta") | pl.col("tail_marker")
    lines = lines.with_columns(_signal=signal_furniture(lines, i > pl.col("header_end").fill_null(-1), prose, known),
                               _about=_issuer_boilerplate(lines))
    candidate = (
        (i > pl.col("header_end").fill_null(-1))
        & ~pl.col("meta")
        & ~pl.col("tail_marker")
        & ~in_tail
        & ~closing_labels
        & ~pl.col("_signal")
        & ~pl.col("_about")
        # Only a short line can repeat the headline.
        & ~_same_key(pl.col("_title_key"), rx, where=pl.col("nw") <= 40)
    )
    marked = lines.with_columns(candidate=candidate)
    # The last line of what is kept may be a wire sign-off ("Reuter").
    last_kept = pl.when("candidate").then(i).max().over("rec")
    marked = marked.with_columns(
        candidate=pl.col("candidate") & ~(pl.col("sign_off") & (i == last_kept))
    )
    # One hash over (record, line) of the candidates; a window per (record, candidate) group was slower.
    # Only a line whose record has another candidate of its byte length can repeat one: the lines
    # are hashed on those rows alone (one in ten), the rest hash two integers.
    rec_length = pl.col("rec").cast(pl.UInt64) * (1 << 32) + pl.col("line").str.len_bytes().cast(pl.UInt64)
    marked = marked.with_columns(_maybe=pl.col("candidate") & pl.when("candidate").then(rec_length).is_duplicated())
    repeated = pl.col("_maybe") & ~pl.when("_maybe").then(pl.struct("rec", "line")).is_first_distinct()
    marked = marked.with_columns(duplicate=repeated).with_columns(keep=pl.col("candidate") & ~pl.col("duplicate"))
    next_nw = next_in(pl.col("nw"), "rec")
    # The regexes are given only the lines their rule can apply to, the others null. (polars'
    # str.contains still scans the text a null row holds; anchored patterns on short lines keep
    # that to ~1 ms per rule on Reuters.)
    short = pl.when(pl.col("nw") <= _HEADING_MAX_WORDS).then(pl.col("line"))
    next_is_sentence = next_in(pl.when(pl.col("nw") >= 8).then(pl.col("line")).str.contains(r"[.!?:\"”’)]$"), "rec")
    heading = (
        (pl.col("nw") <= _HEADING_MAX_WORDS)
        & ~short.str.contains(r"[.,;:]['\"”’)]?$")
        & short.str.contains(r"^[\"'“‘(]?[A-Z0-9]")
        & (next_nw >= 8)
        & next_is_sentence.fill_null(False)
    )
    kept = marked.filter("keep").with_columns(
        kind=pl.when(heading).then(pl.lit("heading")).otherwise(pl.lit("body")).cast(PARAGRAPH_KIND)
    )
    return marked, kept


def _issuer_boilerplate(lines: pl.DataFrame) -> pl.Expr:
    """A press release closes with its issuer's boilerplate, "About Women in Transport Forum" over "The
    Women in Transport Forum is a ...": true on such a heading whose next line opens with its name, and
    on that line (furniture, as an author's bio is)."""
    # Such headings are few: they and the lines under them are read apart (the whole frame's next
    # lines cost 20 ms on Reuters), then marked by their (rec, i) key.
    heads = lines.filter((pl.col("nw") <= 8) & pl.col("line").str.starts_with("About ")).select(
        "rec", "i", name=pl.col("line").str.slice(6).str.replace(r"^[Tt]he ", ""))
    if heads.height == 0:
        return pl.lit(False)
    under = (lines.filter(pl.col("rec").is_in(heads["rec"].implode()))
             .join(heads.select("rec", "name", i=pl.col("i") + 1), on=["rec", "i"], how="inner")
             .filter(pl.col("line").str.replace(r"^The ", "").str.starts_with(pl.concat_str("name", pl.lit(" ")))))
    if under.height == 0:
        return pl.lit(False)
    key = pl.col("rec").cast(pl.Int64) * (1 << 20) + pl.col("i")
    marked = pl.concat([under.select(key), under.select(key - 1)]).to_series()
    return key.is_in(marked.implode())


def _sha16(texts: pl.Series) -> pl.Series:
    # The UTF-8 bytes come from polars in one cast, not one `encode` per text.
    sha = hashlib.sha256
    return pl.Series([sha(t).hexdigest()[:16] for t in texts.cast(pl.Binary).to_list()], dtype=pl.String)


def clean_documents(records: pl.DataFrame) -> pl.DataFrame:
    """One row per record: a cleaned document, or the record's reject reason.

    `records` is the output of `tasks.ingest.parse_records`. Rows that arrive rejected pass
    through; a record left with no body text after cleaning is rejected as `no_body`.
    """
    records = records.with_row_index("rec")
    accepted = records.filter(pl.col("reject_reason").is_null())
    lines, rx = _line_frame(accepted)
    lines = header_lines(lines, rx)
    marked, kept = _kept_lines(lines, rx)
    # Lines are in (rec, i) order, and a group keeps the order of its rows.
    # The lines are gathered as lists and joined afterwards: `str.join` as an aggregation took
    # five times as long (50 -> 10 ms on Reuters).
    bodies = kept.group_by("rec").agg(
        n_words=pl.col("nw").sum().cast(pl.Int32),
        paragraphs=pl.col("line"),
        paragraph_kinds=pl.col("kind"),
        # Each kept line is one paragraph with single spaces only: its `nw` is its word count,
        # which segmentation would otherwise count again.
        paragraph_words=pl.col("nw"),
    ).select("rec", "n_words", text=pl.col("paragraphs").list.join(PARAGRAPH_SEPARATOR), paragraph_kinds="paragraph_kinds",
             paragraph_words="paragraph_words", first_paragraph=pl.col("paragraphs").list.first())
    counts = marked.group_by("rec").agg(
        n_removed_lines=(~pl.col("keep") & ~pl.col("duplicate")).sum().cast(pl.Int32),
        n_duplicate_paragraphs=pl.col("duplicate").sum().cast(pl.Int32),
    )
    header = header_metadata(lines)
    given_date, given_at = pl.col("given").struct.field("date"), pl.col("given").struct.field("at")
    guessed_date, guessed_at = pl.col("guessed").struct.field("date"), pl.col("guessed").struct.field("at")
    docs = (
        accepted.join(bodies, on="rec", how="left")
        .join(counts, on="rec", how="left")
        .join(header, on="rec", how="left")
        .with_columns(given=published("given_published"), guessed=published("date_line"))
        .with_columns(
            title=pl.coalesce("given_title", "guessed_title"),
            subtitle=pl.coalesce("given_subtitle", "guessed_subtitle"),
            section=pl.coalesce("given_section", "guessed_section"),
            authors=pl.coalesce("given_authors", "guessed_authors", pl.lit([], dtype=pl.List(pl.String))),
            published_date=pl.coalesce(given_date, guessed_date),
            published_at=pl.when(given_date.is_not_null()).then(given_at).otherwise(guessed_at),
            dateline=pl.coalesce(given_dateline_place(pl.col("given_dateline"),
                                                      patterns_for(is_ascii(accepted["given_dateline"]))),
                                 dateline_place(pl.col("first_paragraph"), rx)),
            outlet=pl.col("given_outlet"),
            url=pl.col("given_url"),
            n_words=pl.col("n_words").fill_null(0),
            reject_reason=pl.when(pl.col("text").is_null()).then(pl.lit("no_body")),
            reject_detail=pl.when(pl.col("text").is_null()).then(
                pl.lit("no article text is left once the title, metadata and page furniture are removed")),
        )
    )
    good = docs.filter(pl.col("reject_reason").is_null())
    # Paragraphs hold single spaces and are joined by one blank line: the text has a space or line
    # break fewer than its words and paragraph breaks (two characters each) together.
    whole_words = pl.col("n_words") + pl.col("paragraph_kinds").list.len() - 1
    good = with_language(good.with_columns(doc_id=pl.col("text").map_batches(_sha16, return_dtype=pl.String)),
                         whole_words=whole_words)
    rejected = pl.concat([
        records.filter(pl.col("reject_reason").is_not_null()),
        docs.filter(pl.col("reject_reason").is_not_null()).select(records.columns),
    ], how="vertical_relaxed")
    out = pl.concat([good.select(list(CLEAN_SCHEMA) + ["rec"]),
                     rejected.select("rec", "source_path", "source_id", "reject_reason", "reject_detail")],
                    how="diagonal_relaxed")
    return out.sort("rec").select([pl.col(c).cast(t) for c, t in CLEAN_SCHEMA.items()])


def duplicate_detail(first_path: pl.Expr, first_id: pl.Expr, doc_id: pl.Expr) -> pl.Expr:
    """The reject detail of a duplicate, naming the input that was kept."""
    return pl.format("exact duplicate of {} ({}): both clean to document {}", first_path, first_id, doc_id)


def reject_duplicates(documents: pl.DataFrame) -> pl.DataFrame:
    """Marks every document whose text repeats an earlier one (by source path, then id) as `duplicate`."""
    accepted = pl.col("reject_reason").is_null()
    # Only the documents of an id that two accepted rows share can change: they alone are ranked
    # (a few hundred rows on Reuters, where sorting all of them was most of this step).
    repeated = documents.lazy().filter(accepted & pl.col("doc_id").is_not_null()).select(
        pl.col("doc_id").filter(pl.col("doc_id").is_duplicated()).unique()).collect().to_series()
    if repeated.is_empty():
        return documents
    indexed = documents.with_row_index("_row")
    shared = pl.col("doc_id").is_in(repeated.implode())
    order = ["source_path", "source_id"]
    ranked = indexed.filter(shared).sort(order)
    # Field by field: comparing whole structs panics in polars when a group has no accepted row
    # (a shard whose inputs are all rejected).
    first_path = pl.col("source_path").filter(accepted).first().over("doc_id")
    first_id = pl.col("source_id").filter(accepted).first().over("doc_id")
    moved = pl.col("source_path").ne_missing(first_path) | pl.col("source_id").ne_missing(first_id)
    is_dup = accepted & pl.col("doc_id").is_not_null() & moved
    marked = ranked.with_columns(
        reject_reason=pl.when(is_dup).then(pl.lit("duplicate")).otherwise("reject_reason"),
        reject_detail=pl.when(is_dup).then(duplicate_detail(first_path, first_id, pl.col("doc_id")))
        .otherwise("reject_detail"),
    )
    return pl.concat([indexed.filter(~shared.fill_null(False)), marked]).sort("_row").drop("_row")
