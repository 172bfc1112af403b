"""Numeric claims: quantities an article asserts (counts, money, percents, measures, durations,
ages), one row per claim, following the "Numeric claims" section of the annotation guide.

How it works, all as polars expressions over the whole batch of sentences:
1. sentences without a digit or number word are dropped with one DFA-only `str.contains`;
2. one small regex (`FIND_RE`: a number, an optional range tail, and the non-claims that look
   like numbers, such as URLs, "COVID-19", clock times and ISO dates, so they are consumed whole
   and dropped) finds candidates, cut out with `replace_all` + `split` (polars has no regex
   "find all with offsets"), which gives code-point offsets from `len_chars`;
3. what belongs to a number but sits around it (qualifier, age marker, `between`, sign before
   it; unit after it) is read with anchored regexes on the short context strings of the
   candidates only. Keeping these out of the find regex keeps its DFA small: folded in, they
   made the scan five times slower;
4. values, units and kinds are derived column-wise (`tasks/numbers.py`, `tasks/units.py`),
   then the claim filter (`tasks/claim_exclusions.py`), qualifiers and trends
   (`tasks/claim_context.py`) and counted objects (`tasks/claim_objects.py`).
"""

from __future__ import annotations

import re

import polars as pl

from tasks import units as U
from tasks.claim_context import LEAD_PARTS_RE, LEAD_RE, qualifier, trend
from tasks.claim_exclusions import drop_non_claims
from tasks.claim_objects import with_objects
from tasks.numbers import B, FRACTION_WORDS, NUMBER, SCALE, SCALES, TENS, UNITS, number_value

QUALIFIER = pl.Enum(["exact", "approximately", "at_least", "more_than", "at_most", "less_than",
                     "nearly"])
TREND = pl.Enum(["up", "down"])
KIND = pl.Enum(["count", "money", "percent", "measure", "duration", "age"])
SCHEMA = {
    "claim_id": pl.String, "doc_id": pl.String, "paragraph_id": pl.String,
    "sentence_id": pl.String, "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.String,
    "value": pl.Float64, "value_max": pl.Float64, "value_text": pl.String,
    "qualifier": QUALIFIER, "trend": TREND, "unit": pl.String, "object": pl.String,
    "kind": KIND, "quote_id": pl.String,
}

_CUR = "|".join(
    re.escape(c) if not c[0].isalpha() else rf"{B}{re.escape(c)}"
    for c in sorted(U.CURRENCY_PREFIXES, key=len, reverse=True)
)
_PCT = r"(?:%|\s?(?:per\s+cent|percent|pct)" + B + ")"
_NUMX = rf"(?:(?:{_CUR})\s?)?{NUMBER}"
_LONG_UNITS = [k for k in U.unit_table() if len(k) > 1]
_SHORT_UNITS = "".join(k for k in U.unit_table() if len(k) == 1)
UNIT_RE = rf"(?i)^(?:\s?%|[\s-]?(?:{U._alt(_LONG_UNITS)}){B}|(?-i:[{_SHORT_UNITS}]){B})"
_JUNK = (
    rf"(?:https?://|www\.)\S+|{B}[a-z]+[-‐]?\d+[a-z\d]*(?:[-/]\d+)*{B}"
    rf"|\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*[ap]\.?m{B}\.?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    rf"|\d{{1,2}}\s*[ap]\.m\.|\d{{1,2}}\s*[ap]m{B}"
    rf"|\d{{1,2}}\s+o['’]clock|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    # fiscal and season years ("2013-14", "1986/87") are dates, not ranges
    rf"|(?:1[89]|20)\d{{2}}[-–/]\d{{2}}{B}"
    rf"|\d{{4}}s{B}|['’]\d{{2}}s{B}|\+?\d{{1,3}}[\s.-]?\(?\d{{2,4}}\)?[\s.-]\d{{3,4}}[\s.-]\d{{3,4}}"
    rf"|\d{{1,4}}(?:st|nd|rd|th){B}"
)
_SEP = r"\s*[-–—]\s*|\s+(?:to|and)\s+"
# Numbers only: a range ("36-40", "between 1 and 2 million") is two matches whose gap is a
# separator, joined afterwards in `_ranges`. Folding the range tail, the percent sign or the
# unit into this regex multiplies the states of its DFA and made the scan up to 80x slower.
# A race or flight time ("finished in 2:14:04") is a duration; with "am"/"pm" it is a clock
# time, which the claim filter drops.
RACE_TIME = r"\d{1,2}:\d{2}:\d{2}(?:\.\d{1,3})?(?-u:\b)"
FIND_RE = rf"(?i){RACE_TIME}|{_JUNK}|{_NUMX}"
_JUNK_RE = rf"(?i)^(?:{_JUNK})$"
_GAP_RE = rf"(?i)^(?P<p1>{_PCT})?(?P<sep>{_SEP})$"
_HAS_NUMBER = (rf"[0-9½¼¾⅓⅔⅛]|(?i){B}(?:{'|'.join(list(UNITS) + list(TENS) + list(FRACTION_WORDS))}"
               rf"|dozens?|hundred|thousand|million|billion){B}")
_CUR_RE = rf"(?i)^(?:{_CUR})\s?"


def _parts(c: pl.DataFrame, col: str) -> pl.DataFrame:
    """Currency prefix, value and scale word of one number of each candidate, computed once per
    distinct spelling and joined back. Plain digits ("2,500", most of them) skip the parser."""
    k = _cut(pl.col(col), _CUR_RE)
    body = pl.col(col).str.slice(k)
    uniq = c.select(pl.col(col).unique().drop_nulls())
    plain = pl.col(col).str.contains(r"^[\d,]*\.?\d+$")
    fast = uniq.filter(plain).with_columns(
        pl.col(col).str.replace_all(",", "").cast(pl.Float64, strict=False).alias(f"{col}_v"))
    slow = uniq.filter(~plain).with_columns(
        pl.when(k > 0).then(pl.col(col).str.slice(0, k).str.strip_chars().str.to_lowercase()
                            .str.replace_all(r"\s+", " "))
        .replace_strict(U.CURRENCY_PREFIXES, default=None).alias(f"{col}_cur"),
        number_value(body).alias(f"{col}_v"),
        body.str.extract(rf"(?i)\d\s?({SCALE})$", 1).alias(f"{col}_scale"),
    )
    return _map_back(c, pl.concat([fast, slow], how="diagonal"), col)


def _find(frame: pl.DataFrame, pattern: str) -> pl.DataFrame:
    """Every match of `pattern` in `text` with code-point offsets in its sentence and up to 40/60
    characters of context around it. The pattern has no capture groups, so the scan needs only
    the DFA."""
    # Offsets without list.eval (slow per list): segments of all rows are laid end to end, a
    # global running sum of their lengths minus the length of the texts before gives the
    # offset inside each text. Odd segments are the matches.
    n_seg = pl.col("seg").list.len()
    pieces = (
        frame.with_columns(
            seg=pl.col("text").str.replace_all("\x00", " ", literal=True)
            .str.replace_all(pattern, "\x00${0}\x00").str.split("\x00"))
        .filter(n_seg > 1)
        .with_columns(before=pl.col("text").str.len_chars().cum_sum() - pl.col("text").str.len_chars(),
                      first=n_seg.cum_sum() - n_seg)
        .explode("seg")
        .with_columns(end=pl.col("seg").str.len_chars().cum_sum() - pl.col("before"),
                      i=pl.int_range(pl.len()) - pl.col("first"))
        .filter(pl.col("i") % 2 == 1)
    )
    start = pl.col("end").cast(pl.Int64) - pl.col("seg").str.len_chars()
    return pieces.select(
        "sentence_id", "doc_id", "paragraph_id", "sent_start",
        start=start.cast(pl.Int32), end=pl.col("end").cast(pl.Int32), m="seg",
        pre=pl.col("text").str.slice((start - 40).clip(0), start.clip(upper_bound=40)),
        post=pl.col("text").str.slice(pl.col("end"), 60),
    )


def _drop_junk(c: pl.DataFrame) -> pl.DataFrame:
    """Drops the non-claims `FIND_RE` consumed whole (URLs, clock times, dates); tested once per
    distinct match, since matches repeat a lot ("5 pct", "1986")."""
    uniq = c.select(pl.col("m").unique())
    junk = uniq.filter(pl.col("m").str.contains(_JUNK_RE) & ~pl.col("m").str.contains(f"^{RACE_TIME}$"))["m"]
    return c.filter(~pl.col("m").is_in(junk.implode()))


def _ranges(c: pl.DataFrame) -> pl.DataFrame:
    """Joins two numbers into one range candidate when the text between them is a separator
    (`-`, `to`, `and`, optionally after a percent sign) and the range is well formed: `between X
    and Y`, `from X to Y`, `X-Y`, or `X to Y` when X carries no `%` (`rose 5 pct to 7 mln dlrs`
    is two claims). `n1`/`n2` are the two numbers, `p1` the first one's percent sign."""
    same = pl.col("sentence_id").shift(-1) == pl.col("sentence_id")
    c = c.with_columns(gap_len=(pl.col("start").shift(-1) - pl.col("end")).clip(0, 40))
    gap_len = pl.col("gap_len")
    gap = pl.when(same & (gap_len > 0) & (gap_len < 16)).then(
        pl.col("post").str.slice(0, gap_len))
    c = c.with_columns(g=gap.str.extract_groups(_GAP_RE))
    # rp and sep are columns: the rule below reads them seven times
    c = c.with_columns(
        _rp=pl.when(pl.col("g").struct["sep"].is_not_null()).then(pl.col("pre")).str.extract(r"(?i)(?:^|\W)(between|from)\s+(?:the\s+ages?\s+of\s+)?$", 1).str.to_lowercase(),
        _sep=pl.col("g").struct["sep"].str.strip_chars().str.to_lowercase())
    rp, sep = pl.col("_rp"), pl.col("_sep")
    p1 = pl.col("g").struct["p1"]
    # "from 1985 to 119.3 billion yuan": a year is where a change starts, never a range's lower end.
    year_first = pl.col("m").str.contains(r"^(?:19|20)\d\d$")
    valid = (
        ~year_first & (
            (rp == "between") & (sep == "and")
            | (rp == "from") & (sep == "to")
            | rp.is_null() & (sep.str.contains("^[-–—]$") | (sep == "to") & p1.is_null()))
    ).fill_null(False)
    c = c.with_columns(merge=valid).with_columns(
        merge=pl.col("merge") & ~(pl.col("merge").shift(1) & pl.col("sentence_id").shift(1).eq(pl.col("sentence_id"))).fill_null(False))
    taken = pl.col("merge").shift(1).fill_null(False)
    nx = lambda k: pl.col(k).shift(-1)  # noqa: E731
    return c.with_columns(
        n1=pl.col("m"),
        n2=pl.when("merge").then(nx("m")),
        p1=pl.when("merge").then(p1),
        m=pl.when("merge").then(pl.col("m") + p1.fill_null("") + pl.col("g").struct["sep"] + nx("m")).otherwise("m"),
        end=pl.when("merge").then(nx("end")).otherwise("end"),
        post=pl.when("merge").then(nx("post")).otherwise("post"),
    ).filter(~taken).drop("g", "merge", "gap_len", "_rp", "_sep")


def _map_back(c: pl.DataFrame, uniq: pl.DataFrame, key: str) -> pl.DataFrame:
    """Columns computed once per distinct `key` value (null included), mapped back onto every
    row. The join takes only the key column (joining the wide candidate frame would copy every
    column): one hash lookup for all columns, three times faster than one `replace_strict` per column."""
    looked_up = c.select(key).join(uniq, on=key, how="left", nulls_equal=True, maintain_order="left")
    return c.with_columns(looked_up.drop(key))


def _cut(expr: pl.Expr, pattern: str) -> pl.Expr:
    """Length of the match of an anchored, capture-free `pattern` in `expr` (0 without one):
    a replace needs only the DFA, an extract the much slower capture engine."""
    return (expr.str.len_chars() - expr.str.replace(pattern, "").str.len_chars()).cast(pl.Int32)


def _take_prefix(c: pl.DataFrame) -> pl.DataFrame:
    """Moves what belongs to the number from the end of `pre` into the match: a sign, age
    marker, qualifier, `between`/`from`."""
    c = c.with_columns(neg=pl.col("pre").str.contains(r"(?:^|[\s(\[:=])[-−]$"))
    sign = pl.col("neg")
    # Cut by a length that is 0 on the other rows: a when/then would cut every row and then
    # merge the two columns.
    c = c.with_columns(
        sign_char=pl.when(sign).then(pl.col("pre").str.slice(-1)),
        pre=pl.col("pre").str.slice(0, pl.col("pre").str.len_chars() - sign.cast(pl.Int32)),
        start=pl.col("start") - sign.cast(pl.Int32))
    # The whole match of a capture-free pattern needs only the DFA, and is the lead itself: no
    # replace copies the context to measure it, no slice cuts it out again.
    c = c.with_columns(lead=pl.col("pre").str.extract(LEAD_RE, 0))
    c = c.with_columns(k=pl.col("lead").str.len_chars().fill_null(0).cast(pl.Int32))
    k = pl.col("k")
    c = c.with_columns(lead=pl.when(k > 0).then(pl.col("lead")))
    g = pl.col("lead").str.extract_groups(LEAD_PARTS_RE)
    parts = c.filter(pl.col("k") > 0).select(pl.col("lead").unique()).with_columns(
        age=g.struct["age"], qual=g.struct["qual"], rp=pl.coalesce(g.struct["rp"], g.struct["rp0"]),
        neg_word=g.struct["neg"])
    # Mapped back onto the rows with a lead only (one in ten), then scattered into null columns.
    rows = c.select("lead", _row=pl.int_range(pl.len(), dtype=pl.UInt32)).filter(pl.col("lead").is_not_null())
    found = rows.join(parts, on="lead", how="left", maintain_order="left")
    c = c.with_columns(
        pl.repeat(None, c.height, dtype=parts.schema[name], eager=True).scatter(found["_row"], found[name]).alias(name)
        for name in ("age", "qual", "rp", "neg_word"))
    return c.with_columns(
        neg=pl.col("neg") | pl.col("neg_word").is_not_null(),
        start=(pl.col("start") - pl.col("k")).cast(pl.Int32),
        m=pl.concat_str(pl.col("lead").fill_null(""), pl.col("sign_char").fill_null(""), pl.col("m")),
        pre=pl.col("pre").str.slice(0, pl.col("pre").str.len_chars() - pl.col("k")),
    ).drop("lead", "k", "neg_word", "sign_char")


def _take_unit(c: pl.DataFrame) -> pl.DataFrame:
    # The unit is the whole match (never empty), which needs only the DFA; its length is a column
    # first: an expression used three times is evaluated three times.
    c = c.with_columns(unit_raw=pl.col("post").str.extract(UNIT_RE, 0))
    unit = pl.col("unit_raw")
    c = c.with_columns(k=unit.str.len_chars().fill_null(0).cast(pl.Int32))
    k = pl.col("k")
    # Appended and cut by what is empty or 0 on the other rows: a when/then would do both on
    # every row and then merge the columns.
    return c.with_columns(
        m=pl.concat_str(pl.col("m"), unit.fill_null("")),
        end=(pl.col("end") + k).cast(pl.Int32),
        post=pl.col("post").str.slice(k)).drop("k")


def _candidates(sentences: pl.DataFrame) -> pl.DataFrame:
    """Claim candidates: one per number or range, with its qualifier, sign and unit."""
    frame = sentences.filter(pl.col("text").str.contains(_HAS_NUMBER)).select(
        "sentence_id", "doc_id", "paragraph_id", sent_start="char_start", text="text")
    return _take_unit(_take_prefix(_ranges(_drop_junk(_find(frame, FIND_RE)))))


def _parse(c: pl.DataFrame) -> pl.DataFrame:
    c = _parts(_parts(c, "n1"), "n2").with_columns(
        n1_pct=pl.col("p1").is_not_null(), n2_pct=pl.lit(False))
    # The unit columns are computed once per distinct unit as written ("pct", "mln dlrs"), null
    # included, and joined back.
    key = pl.col("key")
    table = U.unit_table()
    units = c.select(pl.col("unit_raw").unique()).with_columns(
        key=pl.col("unit_raw").str.to_lowercase().str.strip_chars(" -.").str.replace_all(r"\s+", " "))
    units = units.with_columns(
        u_unit=key.replace_strict({k: v[0] for k, v in table.items()}, default=None),
        u_kind=key.replace_strict({k: v[1] for k, v in table.items()}, default=None),
        u_mult=key.replace_strict({k: v[2] for k, v in table.items()}, default=1.0,
                                  return_dtype=pl.Float64),
    )
    c = _map_back(c, units, "unit_raw")
    no_unit = pl.col("n1_cur").is_null() & pl.col("unit_raw").is_null()
    return c.with_columns(
        # "5m" without a currency is five metres ("$5m", "10M" are millions); "1500 b" is not
        # 1500 billion, a lone "b" scale needs a currency ("$5b")
        metres=(pl.col("n1_scale") == "m") & no_unit,
        bare_b=pl.col("n1_scale").str.to_lowercase().eq("b") & no_unit,
        magnitude=pl.col("pre").str.contains(r"(?i)magnitude\s+(?:of\s+|was\s+|is\s+)?$")
        & pl.col("unit_raw").is_null(),
        race=pl.col("n1").str.contains(r"^\d{1,2}:\d{2}:\d{2}"),
        # "which one", "the one you mentioned": a pronoun, not a number
        pronoun=(pl.col("n1").str.to_lowercase() == "one") & pl.col("unit_raw").is_null()
        & pl.col("pre").str.contains(r"(?i)(?-u:\b)(?:the|this|that|which|any|every|each|no)\s+$"),
    )


def extract_numeric_claims(sentences: pl.DataFrame, quotes: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per numeric claim in `sentences` (see docs/numeric_claims.md for the rules)."""
    return _extract(sentences, quotes, claims_only=True).select(
        *[pl.col(k).cast(v) for k, v in SCHEMA.items()])


def find_quantities(sentences: pl.DataFrame) -> pl.DataFrame:
    """Every quantity the parser reads, years and identifiers included: the number parser without
    the claim filter, for scoring against other parsers' test suites. Columns as the claims table
    plus `unit_factor`, what converted the number as written into `value` (0.01 for "cents")."""
    return _extract(sentences, None, claims_only=False).select(
        *[pl.col(k).cast(v) for k, v in SCHEMA.items()], unit_factor="u_mult")


def _extract(sentences: pl.DataFrame, quotes: pl.DataFrame | None, claims_only: bool) -> pl.DataFrame:
    empty = pl.DataFrame(schema={**SCHEMA, "u_mult": pl.Float64})
    if sentences.height == 0:
        return empty
    c = _candidates(sentences)
    if c.height == 0:
        return empty
    c = _parse(c)
    keep = pl.col("n1_v").is_finite() & ~pl.col("pronoun")
    c = drop_non_claims(c, keep) if claims_only else c.filter(keep)
    cur = pl.coalesce("n1_cur", "n2_cur")
    pct = pl.col("n1_pct") | pl.col("n2_pct")
    unit = (
        pl.when(cur.is_not_null()).then(cur)
        .when(pl.col("u_unit").is_not_null()).then(pl.col("u_unit"))
        .when(pct).then(pl.lit("%"))
        .when(pl.col("metres")).then(pl.lit("m"))
        .when(pl.col("race")).then(pl.lit("seconds"))
        .when(pl.col("age").is_not_null()).then(pl.lit("years"))
        .when(pl.col("magnitude")).then(pl.lit("magnitude"))
    )
    kind = (
        pl.when(pl.col("age").is_not_null() | (pl.col("u_kind") == "age")).then(pl.lit("age"))
        .when(cur.is_not_null()).then(pl.lit("money"))
        .when(pl.col("u_kind").is_not_null()).then(pl.col("u_kind"))
        .when(pct).then(pl.lit("percent"))
        .when(pl.col("metres") | pl.col("magnitude")).then(pl.lit("measure"))
        .when(pl.col("race")).then(pl.lit("duration"))
        .otherwise(pl.lit("count"))
    )
    # Each step is a column: the value expressions reuse each other, and nested they were
    # evaluated again for every use (the scale lookup about twenty times per row).
    sign = pl.when(pl.col("neg")).then(-1.0).otherwise(1.0)
    scale_fix = pl.when(pl.col("metres")).then(1e-6).when(pl.col("bare_b")).then(1e-9).otherwise(1.0)
    v1, v2 = pl.col("_v1"), pl.col("_v2")
    c = c.with_columns(_v1=pl.col("n1_v") * scale_fix * pl.col("u_mult") * sign, _v2=pl.col("n2_v") * pl.col("u_mult"),
                       _sign=sign)
    sign = pl.col("_sign")
    # "between 1 and 2 million": the lower end borrows the upper end's scale.
    c = c.with_columns(_v1=pl.when(pl.col("n1_scale").is_null() & pl.col("n2_scale").is_not_null()
                                   & (pl.col("n1_v") < pl.col("n2_v"))).then(
        v1 * pl.col("n2_scale").str.to_lowercase().replace_strict(
            SCALES, default=1.0, return_dtype=pl.Float64)).otherwise(v1))
    # A unit after the range ("380,000 to 12.11 mln") scales the upper end; the lower end keeps its
    # own size when scaling it would put it above the upper one. Still inverted ("fell from 400 mln
    # to 300 mln"), the pair is a change, not a range: the claim is the new value, trend down.
    c = c.with_columns(_v1=pl.when(v2.is_not_null() & (v1 > v2) & (pl.col("n1_v") * sign <= v2))
                       .then(pl.col("n1_v") * sign).otherwise(v1))
    c = c.with_columns(_inverted=(v2.is_not_null() & (v1 > v2)).fill_null(False), _trend=trend())
    inverted = pl.col("_inverted")
    c = c.with_columns(
        value=pl.when(inverted).then(v2).otherwise(v1),
        value_max=pl.when(~inverted).then(v2),
        unit=unit, kind=kind, qualifier=qualifier(),
        trend=pl.when(inverted & pl.col("_trend").is_null()).then(pl.lit("down")).otherwise("_trend"),
        value_text=pl.when(pl.col("qual").is_not_null() | pl.col("age").is_not_null())
        .then(pl.col("m").str.slice(pl.col("qual").str.len_chars().fill_null(0)).str.strip_chars_start()
              .str.replace(r"(?i)^(?:(?:between|from)\s+the\s+)?(?:aged|age\s+of|ages(?:\s+of)?)\s+", ""))
        .otherwise("m"),
    )
    c = with_objects(c).select(
        "doc_id", "paragraph_id", "sentence_id", "sent_start", "start", "end", "obj_stop", "m",
        "post", "value", "value_max", "value_text", "qualifier", "trend", "unit", "object",
        "kind", "u_mult")
    c = c.with_columns(
        char_start=(pl.col("sent_start") + pl.col("start")).cast(pl.Int32),
        char_end=(pl.col("sent_start") + pl.col("end") + pl.col("obj_stop")).cast(pl.Int32),
    ).sort("doc_id", "char_start")
    # Objects never run into the next claim.
    same_doc = pl.col("doc_id").shift(-1) == pl.col("doc_id")
    nxt = pl.when(same_doc).then(pl.col("char_start").shift(-1))
    c = c.with_columns(char_end=pl.when(nxt.is_not_null() & (pl.col("char_end") > nxt))
                       .then(pl.col("sent_start") + pl.col("end")).otherwise(pl.col("char_end")))
    c = c.with_columns(
        text=pl.col("m") + pl.col("post").str.slice(0, pl.col("char_end") - pl.col("sent_start") - pl.col("end")),
    )
    # A currency word between two numbers ("6.0612 YEN 145.15 STG") is the unit of the first and
    # the prefix of the second: the second claim starts where the first ends.
    prev_end = pl.when(pl.col("doc_id").shift(1) == pl.col("doc_id")).then(pl.col("char_end").shift(1))
    cut = (prev_end - pl.col("char_start")).clip(lower_bound=0).fill_null(0).cast(pl.Int32)
    c = c.with_columns(cut=cut).with_columns(text=pl.col("text").str.slice(pl.col("cut")))
    c = c.with_columns(cut=pl.col("cut") + pl.col("text").str.len_chars()
                       - pl.col("text").str.strip_chars_start().str.len_chars().cast(pl.Int32))
    c = c.with_columns(text=pl.col("text").str.strip_chars_start(),
                       char_start=(pl.col("char_start") + pl.col("cut")).cast(pl.Int32))
    c = c.filter(pl.col("char_end") > pl.col("char_start")).drop("cut").with_columns(
        value_text=pl.when(pl.col("text").str.contains(pl.col("value_text"), literal=True)).then("value_text")
        .otherwise(pl.col("value_text").str.replace(r"^\S+\s+", ""))
    ).filter((pl.col("value_text") != "") & pl.col("text").str.contains(pl.col("value_text"), literal=True))
    # claim numbers restart per document: the row number minus the document's first row
    first = pl.col("doc_id") != pl.col("doc_id").shift(1)
    row = pl.int_range(pl.len())
    idx = row - pl.when(first.fill_null(True)).then(row).otherwise(None).forward_fill()
    c = c.with_columns(claim_id=pl.col("doc_id") + "-c" + idx.cast(pl.String))
    return _attach_quotes(c, quotes)


def _attach_quotes(c: pl.DataFrame, quotes: pl.DataFrame | None) -> pl.DataFrame:
    if quotes is None or quotes.height == 0:
        return c.with_columns(quote_id=pl.lit(None, pl.String))
    q = quotes.select("quote_id", "doc_id", q_start="char_start", q_end="char_end")
    # claims are told apart by row number (an integer key groups faster than the id string)
    hits = (
        c.select("doc_id", "char_start", "char_end", _row=pl.int_range(pl.len(), dtype=pl.UInt32))
        .join(q, on="doc_id")
        .filter((pl.col("char_start") >= pl.col("q_start")) & (pl.col("char_end") <= pl.col("q_end")))
        .group_by("_row").agg(pl.col("quote_id").sort().first())
    )
    quote_id = pl.repeat(None, c.height, dtype=pl.String, eager=True).scatter(hits["_row"], hits["quote_id"])
    return c.with_columns(quote_id.alias("quote_id"))


def count_claims(documents: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """`documents` with `n_claims` (Int32) filled from the claims table."""
    n = claims.group_by("doc_id").agg(n_claims=pl.len().cast(pl.Int32))
    return (
        documents.drop("n_claims", strict=False)
        .join(n, on="doc_id", how="left")
        .with_columns(pl.col("n_claims").fill_null(0))
    )
