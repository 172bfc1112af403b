"""Numeric claims: quantities an article asserts (counts, money, percents, measures, durations,
ages), one row per claim, following the "Numeric claims" section of the annotation guide.

How it works, all as polars expressions over the whole batch:
1. candidates: every number with the text around it, ranges joined, and the sign, qualifier and
   unit around a number moved into it (`tasks/claim_candidates.py`);
2. values, units and kinds are derived column-wise (`tasks/numbers.py`, `tasks/units.py`),
   then the claim filter (`tasks/claim_exclusions.py`), qualifiers and trends
   (`tasks/claim_context.py`) and counted objects (`tasks/claim_objects.py`).
"""

from __future__ import annotations

import polars as pl

from tasks import units as U
from tasks.ascii_patterns import Rx, is_ascii, patterns_for
from tasks.claim_candidates import CUR, candidates, currency_code, map_back, on_rows, with_numbers
from tasks.claim_context import after_qualifier, qualifier, trend
from tasks.claim_exclusions import drop_non_claims, spelling_flags
from tasks.claim_neighbours import base_of_comparison, with_borrowed_units
from tasks.claim_objects import with_objects
from tasks.claim_compound_units import with_compound_units
from tasks.claim_proportions import with_proportions
from tasks.numbers import B, SCALE, SCALES, number_value
from tasks.windows import position_in

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

_CUR_RE = rf"(?i)^(?:{CUR})\s?"


def _parts(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """Currency prefix, value and scale word of both numbers of each candidate, and whether the
    first is a race time, computed once per distinct spelling of either and joined back (one
    table: the parser's regexes are compiled and their automata built once). Plain digits
    ("2,500", most of them) skip the parser."""
    n, k, body = pl.col("n"), pl.col("_k"), pl.col("_body")
    uniq = pl.concat([c.select(n="n1"), c.select(n=pl.col("n2").drop_nulls())]).select(n.unique())
    uniq = uniq.with_columns(_plain=n.str.contains(rx(r"^[\d,]*\.?\d+$")))
    fast = uniq.filter("_plain").select(
        "n", _v=n.str.replace_all(",", "").cast(pl.Float64, strict=False), _race=pl.lit(False))
    # the prefix length and the body are columns: each is read more than once
    slow = uniq.filter(~pl.col("_plain")).select("n", _k=_cut(n, rx(_CUR_RE))).with_columns(_body=n.str.slice(k))
    slow = slow.select(
        "n",
        _cur=currency_code(pl.when(k > 0).then(n.str.slice(0, k)), rx),
        _v=number_value(body),
        _scale=body.str.extract(rx(rf"(?i)(?:\d\s?|[a-z]\s+)({SCALE})$"), 1),
        _race=n.str.contains(rx(r"^\d{1,2}:\d{2}:\d{2}")),
    )
    parts = pl.concat([fast, slow], how="diagonal")
    # the claim filter's flags of the number as written ride along with the first number's join
    n1_parts = spelling_flags(parts.select(n1="n", n1_cur="_cur", n1_v="_v", n1_scale="_scale", race="_race"), "n1", rx)
    c = map_back(c, n1_parts, "n1")
    return map_back(c, parts.select(n2="n", n2_cur="_cur", n2_v="_v", n2_scale="_scale"), "n2")


def _cut(expr: pl.Expr, pattern: str) -> pl.Expr:
    """Length of the match of an anchored, capture-free `pattern` in `expr` (0 without one):
    a replace needs only the DFA, an extract the much slower capture engine."""
    return (expr.str.len_chars() - expr.str.replace(pattern, "").str.len_chars()).cast(pl.Int32)


def _parse(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    c = _parts(c, rx).with_columns(
        n1_pct=pl.col("p1").is_not_null(), n2_pct=pl.lit(False))
    # The unit columns are computed once per distinct unit as written ("pct", "mln dlrs"), null
    # included, and joined back.
    key = pl.col("key")
    table = U.unit_table()
    units = c.select(pl.col("unit_raw").unique()).with_columns(
        key=pl.col("unit_raw").str.to_lowercase().str.strip_chars(" -.").str.replace_all(rx(r"\s+"), " ")
        # "or more kilograms" (a qualifier before a written unit): literal, on a few hundred keys
        .str.strip_prefix("or more ").str.strip_prefix("or less ").str.strip_prefix("or fewer ").str.strip_prefix("or so "))
    units = units.with_columns(
        u_unit=key.replace_strict({k: v[0] for k, v in table.items()}, default=None),
        u_kind=key.replace_strict({k: v[1] for k, v in table.items()}, default=None),
        u_mult=key.replace_strict({k: v[2] for k, v in table.items()}, default=1.0,
                                  return_dtype=pl.Float64),
    )
    c = map_back(c, units.drop("key"), "unit_raw")  # the key is read here only
    no_unit = pl.col("n1_cur").is_null() & pl.col("unit_raw").is_null()
    # The context rules read only the rows they can apply to (a regex pass costs as much on the others).
    # "magnitude 5.2", and a decimal right before "quake" ("a 6.4 quake": no count has a decimal)
    # (the string tests keep each regex on the rows it can match)
    magnitude = on_rows(c, pl.col("unit_raw").is_null(),
                        pl.col("pre").str.contains(rx(r"(?i)magnitude\s+(?:of\s+|was\s+|is\s+)?$")), pl.Boolean, False)
    # A bare decimal near an earthquake word is its magnitude: "a 6.4 quake", "the magnitude of
    # the earthquake was 6.6", "the quake measured 5.9", "5.9 on the Richter scale" (no count has
    # a decimal; the words before are read up to the context's 40 characters).
    magnitude = magnitude | on_rows(
        c, pl.col("unit_raw").is_null() & pl.col("_decimal") & pl.col("n2").is_null(),
        pl.col("post").str.contains(rx(r"(?i)^(?:[\s-]+(?:earthquake|quake|temblor|tremor)s?|\s+on\s+the\s+richter)(?-u:\b)"))
        | pl.col("pre").str.contains(rx(r"(?i)(?-u:\b)(?:magnitude|earthquake|quake|temblor|tremor)(?-u:\b)"))
        # ... unless a plural noun counts it ("after the quake, 2.5 people per house"; "was", "has",
        # "is" are no plurals)
        & ~pl.col("post").str.contains(rx(r"^\s+(?:[a-z]*[b-hj-tv-z]s|people|children|men|women)(?-u:\b)")), pl.Boolean, False)
    # "which one", "the one you mentioned", "another one": a pronoun, not a number
    pronoun = on_rows(c, (pl.col("_n1_lower") == "one") & pl.col("unit_raw").is_null(),
                      pl.col("pre").str.contains(rx(r"(?i)(?-u:\b)(?:the|this|that|which|any|every|each|no|another)\s+$")),
                      pl.Boolean, False)
    return c.with_columns(
        # "5m" without a currency is five metres ("$5m", "10M" are millions); "1500 b" is not
        # 1500 billion, a lone "b" scale needs a currency ("$5b")
        metres=(pl.col("n1_scale") == "m") & no_unit,
        bare_b=pl.col("n1_scale").str.to_lowercase().eq("b") & no_unit,
        magnitude=magnitude,
        pronoun=pronoun,
    )


# A name's apposition closed by a comma ("Hagan, North Carolina's first female Democratic
# Senator, was 66.") stands for the name as well.
_WAS_AGE_PRE = r"(?:(?:^|[^\w,])(?:[Hh]e|[Ss]he|I)|(?-u:\b)[A-Z][a-z]+,?)\s+was\s+$"
_WAS_AGE_POST = r"^(?:\s*[.;]|\s+when(?-u:\b)|\s+at\s+the\s+time(?-u:\b))"
# "Andrew Kinsman, 49, was": a number set off by commas right after a name is the name's age
# (not after a month, a weekday or a sentence adverb: "In May, 12, ..." is no age).
_NAME_AGE_PRE = r"(?-u:\b)[A-Z][a-z]+(?:[A-Z][a-z]+)?,\s+$"
_NAME_AGE_POST = r"^,\s"
_NOT_NAMES = (r"(?i)(?-u:\b)(?:january|february|march|april|may|june|july|august|september|october|"
              r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|however|"
              r"meanwhile|today|yesterday|tomorrow|also|then|thus|so|and|but|or|in|on|at|of|by|for|"
              r"to|from|with|total|totals|totalled|totaled|vs|versus|v),\s+$")


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
    frame = with_numbers(sentences)
    # Sentences with numbers all ASCII (all of Reuters; one Reuters sentence without a number has
    # a "ü"): every pattern from here on runs in its ASCII form, with smaller automata.
    ascii_text = is_ascii(frame["text"])
    rx = patterns_for(ascii_text)
    c = candidates(frame, ascii_text)
    if c.height == 0:
        return empty
    c = with_proportions(with_compound_units(_parse(c, rx), rx))
    keep = pl.col("n1_v").is_finite() & ~pl.col("pronoun")
    c = drop_non_claims(c, keep, rx) if claims_only else c.filter(keep)
    # "He was 95.", "Park was 64 when ...": a whole number after a person's "was" is an age. Only a
    # pronoun or a name right before "was": "the toll was 12" is a count.
    # a lone number of a plausible age, with no unit, currency, range or age marker
    lone = (pl.col("n1_cur").is_null() & pl.col("unit_raw").is_null() & pl.col("n2").is_null() & pl.col("age").is_null()
            & pl.col("n1_v").is_between(1, 120))
    c = c.with_columns(_bare=lone & ~pl.col("n1_pct") & pl.col("n1").str.contains(r"^\d{1,3}$"))  # read twice below
    bare = pl.col("_bare")
    was_age = on_rows(c, bare, pl.col("pre").str.contains(rx(_WAS_AGE_PRE)) & pl.col("post").str.contains(rx(_WAS_AGE_POST)),
                      pl.Boolean, False)
    # "when she was one": a number word as well, after a pronoun only (the string test keeps the
    # regexes off the other rows)
    was_age = was_age | on_rows(c, lone & pl.col("pre").str.ends_with("was "), pl.col("n1").str.contains(r"^[a-z]+(?:-[a-z]+)?$")
                                & pl.col("pre").str.contains(rx(r"(?:^|[^\w,])(?:[Hh]e|[Ss]he)\s+was\s+$"))
                                & pl.col("post").str.contains(rx(_WAS_AGE_POST)), pl.Boolean, False)
    name_age = on_rows(c, bare & pl.col("post").str.starts_with(","),
                       pl.col("post").str.contains(rx(_NAME_AGE_POST)) & pl.col("pre").str.contains(rx(_NAME_AGE_PRE))
                       & ~pl.col("pre").str.contains(rx(_NOT_NAMES)), pl.Boolean, False)
    c = c.with_columns(age=pl.when(was_age | name_age).then(pl.lit("was")).otherwise("age")).drop("_bare")
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
    sign2 = pl.when(pl.col("neg2")).then(-1.0).otherwise(1.0)
    c = c.with_columns(_v1=pl.col("n1_v") * scale_fix * pl.col("u_mult") * sign, _v2=pl.col("n2_v") * pl.col("u_mult") * sign2,
                       _sign=sign)
    sign = pl.col("_sign")
    # "between 1 and 2 million": the lower end borrows the upper end's scale.
    c = c.with_columns(_v1=pl.when(pl.col("n1_scale").is_null() & pl.col("n2_scale").is_not_null()
                                   & (pl.col("n1_v") < pl.col("n2_v"))).then(
        v1 * pl.col("n2_scale").str.to_lowercase().replace_strict(
            SCALES, default=1.0, return_dtype=pl.Float64)).otherwise(v1))
    # A unit after the range ("380,000 to 12.11 mln") scales the upper end; the lower end keeps its
    # own size when scaling it would make it the larger one. Still inverted ("fell from 400 mln
    # to 300 mln"), the pair is a change, not a range: the claim is the new value, trend down.
    # Two negative ends are a range in either order ("from -18 °C to -34 °C" is -34 to -18):
    # `value` is the lower end, `value_max` the upper.
    # Scaled, a lower end a hundred times the upper was not meant at that scale; closer, the pair
    # fell ("from 12 to 9 million dollars": 12 million, then 9 million).
    c = c.with_columns(_v1=pl.when(v2.is_not_null() & (v1.abs() > 100 * v2.abs()) & (pl.col("n1_v") <= v2.abs()))
                       .then(pl.col("n1_v") * sign).otherwise(v1))
    c = c.with_columns(_inverted=(v2.is_not_null() & (v1 > v2) & ((v1 >= 0) | (v2 >= 0))).fill_null(False),
                       _trend=on_rows(c, *trend(rx), pl.String), _after=on_rows(c, *after_qualifier(rx), pl.String))
    inverted = pl.col("_inverted")
    # the value text differs from the match on the rows with a qualifier or age marker only (one
    # in ten): a when/then would cut and test every row's match
    lead = pl.col("qual").is_not_null() | pl.col("age").is_not_null()
    value_text = on_rows(c, lead, pl.col("m").str.slice(pl.col("qual").str.len_chars().fill_null(0)).str.strip_chars_start()
                         .str.replace(rx(r"(?i)^(?:(?:between|from)\s+the\s+)?(?:aged|age\s+of|(?-i:age)|ages(?:\s+of)?|in\s+age)\s+"), ""),
                         pl.String)
    c = c.with_columns(
        value=pl.when(inverted).then(v2).otherwise(pl.min_horizontal(v1, v2)),
        value_max=pl.when(~inverted & v2.is_not_null()).then(pl.max_horizontal(v1, v2)),
        unit=unit, kind=kind, qualifier=qualifier(rx),
        # "up from 2.48", "an increase from 88 deaths": a lone number after "from" is where the
        # change started, a level, not the change
        trend=pl.when(inverted & pl.col("_trend").is_null()).then(pl.lit("down"))
        .when(pl.col("rp").eq_missing("from") & pl.col("n2").is_null()).then(None).otherwise("_trend"),
        value_text=pl.when(lead).then(value_text).otherwise("m"),
    )
    # "the toll exceeded 100", "to exceed 90 percent": a verb that sets a floor, more_than; negated
    # ("will not exceed 100 mln dlrs", "not to exceed 20 pct") a ceiling, at_most. Literal tests
    # (as a qualifier word in the lead regex, read backwards from every number, it cost ~1%); the
    # negation regex reads their rows only.
    pre = pl.col("pre")
    exceed = (pl.col("qual").is_null() & pl.col("_after").is_null()
              & (pre.str.ends_with("exceed ") | pre.str.ends_with("exceeds ") | pre.str.ends_with("exceeded ")
                 | pre.str.ends_with("exceeding ")))
    not_exceed = on_rows(c, exceed, pre.str.contains(rx(r"(?i)(?:(?-u:\b)(?:not|never|cannot)|n['’]t)\s+(?:to\s+|be\s+)?exceed\w*\s+$")),
                         pl.Boolean, False)
    c = c.with_columns(qualifier=pl.when(not_exceed).then(pl.lit("at_most")).when(exceed).then(pl.lit("more_than"))
                       .otherwise("qualifier"))
    # "raised $2.3 million", "raises 50 mln dlrs": money raised is an amount, not a rise ("raised
    # prices by 5 pct", "raised by $2" stay changes, and so does the passive: a price "was raised
    # 50 cts"); read on the rising money rows only (few)
    tail = r"raise[sd]\s+(?:a\s+further\s+|another\s+)?$"
    raised = on_rows(c, (pl.col("trend") == "up") & (pl.col("kind") == "money"),
                     pl.col("pre").str.contains(rx(rf"(?i){B}{tail}"))
                     & ~pl.col("pre").str.contains(rx(rf"(?i){B}(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?{tail}")),
                     pl.Boolean, False)
    c = c.with_columns(trend=pl.when(raised).then(None).otherwise("trend"))
    c = with_objects(c, rx)
    if c["ratio"].any():  # odds are rare: the other batches skip this pass
        # hyphenated odds, or odds after "a", qualify the noun after them ("a one-in-five chance",
        # "a one in five chance"), no population
        compound = on_rows(c, pl.col("ratio"), pl.col("m").str.contains("-in-", literal=True)
                           | pl.col("pre").str.contains(rx(r"(?i)(?:^|\s)an?\s+$")), pl.Boolean, False)
        c = c.with_columns(object=pl.when(compound).then(None).otherwise("object"),
                           obj_stop=pl.when(compound).then(0).otherwise("obj_stop"))
    pre = c["pre"]  # read at a few rows by `with_borrowed_units`: not carried through the sort
    c = c.select(
        "doc_id", "paragraph_id", "sentence_id", "sent_start", "start", "end", "obj_stop", "m",
        "post", "value", "value_max", "value_text", "qualifier", "trend", "unit", "object",
        "kind", "u_mult", _scaled=pl.col("n1_scale").is_not_null(), _base=base_of_comparison(c),
        _row=pl.int_range(pl.len(), dtype=pl.UInt32))
    c = with_borrowed_units(c.with_columns(
        char_start=(pl.col("sent_start") + pl.col("start")).cast(pl.Int32),
        char_end=(pl.col("sent_start") + pl.col("end") + pl.col("obj_stop")).cast(pl.Int32),
    ).sort("doc_id", "char_start"), pre)
    # Objects never run into the next claim.
    same_doc = pl.col("doc_id").shift(-1) == pl.col("doc_id")
    nxt = pl.when(same_doc).then(pl.col("char_start").shift(-1))
    c = c.with_columns(char_end=pl.when(nxt.is_not_null() & (pl.col("char_end") > nxt))
                       .then(pl.col("sent_start") + pl.col("end")).otherwise(pl.col("char_end")))
    # the claim text is the match and, on the rows that take one in (two in five), its object
    taken = pl.col("char_end") - pl.col("sent_start") - pl.col("end")
    text = on_rows(c, taken > 0, pl.col("m") + pl.col("post").str.slice(0, taken), pl.String)
    c = c.with_columns(text=pl.when(taken > 0).then(text).otherwise(pl.col("m")))
    # A currency word between two numbers ("6.0612 YEN 145.15 STG") is the unit of the first and
    # the prefix of the second: the second claim starts where the first ends.
    prev_end = pl.when(pl.col("doc_id").shift(1) == pl.col("doc_id")).then(pl.col("char_end").shift(1))
    cut = (prev_end - pl.col("char_start")).clip(lower_bound=0).fill_null(0).cast(pl.Int32)
    c = c.with_columns(cut=cut)
    # Only a cut text can start with a space (a match starts with its number, sign or lead
    # word), so the cut and the strip run on the cut rows only (few), scattered back.
    at = c["cut"].gt(0).arg_true().cast(pl.UInt32)
    if at.len():
        text = pl.col("text")
        rows = c.select("text", "cut")[at].with_columns(text=text.str.slice(pl.col("cut")))
        rows = rows.select(text=text.str.strip_chars_start(),
                           cut=pl.col("cut") + text.str.len_chars() - text.str.strip_chars_start().str.len_chars().cast(pl.Int32))
        c = c.with_columns(text=c["text"].clone().scatter(at, rows["text"]), cut=c["cut"].clone().scatter(at, rows["cut"]))
    c = c.with_columns(char_start=(pl.col("char_start") + pl.col("cut")).cast(pl.Int32))
    # A value text the claim text does not hold loses its first word and is tested again; both
    # read only those rows (few), and the test is not repeated on the others.
    value_text, in_text = pl.col("value_text"), pl.col("_in_text")
    c = c.filter(pl.col("char_end") > pl.col("char_start")).drop("cut").with_columns(
        _in_text=pl.col("text").str.contains(value_text, literal=True))
    c = c.with_columns(value_text=pl.when(in_text).then(value_text).otherwise(
        on_rows(c, ~in_text, value_text.str.replace(rx(r"^\S+\s+"), ""), pl.String)))
    c = c.with_columns(_in_text=in_text | on_rows(
        c, ~in_text, pl.col("text").str.contains(value_text, literal=True), pl.Boolean, False))
    c = c.filter((value_text != "") & in_text).drop("_in_text")
    # claim numbers restart per document (the rows are sorted by document)
    c = c.with_columns(claim_id=pl.col("doc_id") + "-c" + position_in("doc_id").cast(pl.String))
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
