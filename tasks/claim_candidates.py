"""Claim candidates: every number in the sentences with up to 40/60 characters of the text
before and after it, ranges joined, and what belongs to a number but sits around it moved into
it (sign, age marker, qualifier, `between`/`from` before it; unit after it).

How it works, all as polars expressions over the whole batch of sentences:
1. sentences without a digit or number word are dropped with one DFA-only `str.contains`;
2. one small regex (`FIND_RE`: a number, an optional range tail, and the non-claims that look
   like numbers, such as URLs, "COVID-19", clock times and ISO dates, so they are consumed whole
   and dropped) finds candidates, cut out with `replace_all` + `split` (polars has no regex
   "find all with offsets"), which gives code-point offsets from `len_chars`;
3. what belongs to a number but sits around it (qualifier, age marker, `between`, sign before
   it; unit after it) is read with anchored regexes on the short context strings of the
   candidates only. Keeping these out of the find regex keeps its DFA small: folded in, they
   made the scan five times slower.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from tasks import units as U
from tasks.ascii_patterns import Rx, is_ascii, patterns_for
from tasks.claim_context import LEAD_PARTS_RE, LEAD_RE
from tasks.numbers import B, FRACTION_WORDS, NUMBER, TENS, UNITS

CUR = "|".join(
    re.escape(c) if not c[0].isalpha() else rf"{B}{re.escape(c)}"
    for c in sorted(U.CURRENCY_PREFIXES, key=len, reverse=True)
)


def currency_code(prefix: pl.Expr, rx: Rx) -> pl.Expr:
    """The currency a prefix as written names (`US$`, `U.S. $`, `Rs.` -> USD, USD, INR), else null."""
    return (prefix.str.strip_chars().str.to_lowercase().str.replace_all(rx(r"\s+"), " ")
            .replace_strict(U.CURRENCY_PREFIXES, default=None))


_PCT = r"(?:%|\s?(?:per\s+cent|percent|pct)" + B + ")"
_NUMX = rf"(?:(?:{CUR})\s?)?{NUMBER}"
_LONG_UNITS = [k for k in U.unit_table() if len(k) > 1]
_SHORT_UNITS = "".join(k for k in U.unit_table() if len(k) == 1)
# A qualifier may stand between a number and a unit written out ("1,000 or more kilograms",
# "five or so miles"): the unit as written then holds it, and the claim reads it from there.
UNIT_RE = (rf"(?i)^(?:\s?%|(?:\s+or\s+(?:more|less|fewer|so)(?-u:\b))?[\s-]?(?:{U.unit_alternation(_LONG_UNITS)}){B}"
           rf"|(?-i:[{_SHORT_UNITS}]){B})")
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
_SEP = r"\s*[-–—]\s*|\s+(?:to|and|or)\s+"
# Numbers only: a range ("36-40", "between 1 and 2 million") is two matches whose gap is a
# separator, joined afterwards in `_ranges`. Folding the range tail, the percent sign or the
# unit into this regex multiplies the states of its DFA and made the scan up to 80x slower.
# A race or flight time ("finished in 2:14:04") is a duration; with "am"/"pm" it is a clock
# time, which the claim filter drops.
RACE_TIME = r"\d{1,2}:\d{2}:\d{2}(?:\.\d{1,3})?(?-u:\b)"
FIND_RE = rf"(?i){RACE_TIME}|{_JUNK}|{_NUMX}"
_JUNK_RE = rf"(?i)^(?:{_JUNK})$"
# The gap between a range's two numbers: the lower end's percent sign (`p1`) or other unit as
# written (`u1`: " mg", " per kg", " °C", " mln dlrs": a letter or a degree sign first, then no
# digits and no clause punctuation), the separator, and the upper end's sign ("from -18 to -34").
# No unit is tried first: " to -" is a separator and a sign, not the unit " to" and a dash.
_GAP_RE = (rf"(?i)^(?:(?P<p1>{_PCT})|(?P<u1>[\s-]?(?:[^\W\d_]|[°%])[^\d,;:!?()\[\]\"“”]*?))??"
           rf"(?P<sep>{_SEP})(?P<neg2>[-−])?$")
_HAS_NUMBER = (rf"[0-9½¼¾⅓⅔⅛]|(?i){B}(?:{'|'.join(list(UNITS) + list(TENS) + list(FRACTION_WORDS))}"
               rf"|dozens?|hundred|thousand|million|billion){B}")


# Built once per process and pattern form: `extract_groups` compiles its pattern when the
# expression is built, and polars' small regex cache does not keep it from one call to the next.
@lru_cache(maxsize=None)
def _gap_groups(pattern: str) -> pl.Expr:
    return pl.col("gap").str.extract_groups(pattern)


@lru_cache(maxsize=None)
def _lead_groups(pattern: str) -> pl.Expr:
    return pl.col("lead").str.extract_groups(pattern)


def with_numbers(sentences: pl.DataFrame) -> pl.DataFrame:
    """The sentences that may hold a number, with the columns `candidates` reads."""
    # the ASCII form on ASCII sentences: the same matches, a smaller automaton to build
    has_number = patterns_for(is_ascii(sentences["text"]))(_HAS_NUMBER)
    return sentences.filter(pl.col("text").str.contains(has_number)).select(
        "sentence_id", "doc_id", "paragraph_id", sent_start="char_start", text="text")


def candidates(frame: pl.DataFrame, ascii_text: bool) -> pl.DataFrame:
    """Claim candidates in the sentences of `with_numbers`: one per number or range, with its
    qualifier, sign and unit. `ascii_text`: all of `frame`'s text is ASCII, and the patterns run
    in their ASCII forms (`tasks/ascii_patterns.py`)."""
    rx = patterns_for(ascii_text)
    c = _find(frame, rx, ascii_text)
    return _take_unit(_take_prefix(_ranges(_half_compounds(c, rx), rx), rx), rx)


def _half_compounds(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """"two half-brothers", "one half-sister", "two half-point cuts": a "half" or "quarter" glued
    to a noun by a hyphen belongs to the noun (two brothers, not one), and leaves the number. A
    time unit keeps it ("one half-hour" is half an hour)."""
    glued = pl.col("post").str.starts_with("-")
    # "a half-point cut" stays: an article alone is no number
    at = on_rows(c, glued, pl.col("m").str.contains(rx(r"(?i)\s(?:half|quarter)$"))
                 & ~pl.col("m").str.contains(rx(r"(?i)^an?\s+(?:half|quarter)$"))
                 & ~pl.col("post").str.contains(rx(rf"(?i)^-(?:hour|day|week|month|year|century|dozen)s?{B}")),
                 pl.Boolean, False)
    at = _rows_where(at)
    if at.len() == 0:
        return c
    rows = c.select("m", "post", "end")[at].with_columns(
        k=(pl.col("m").str.len_chars() - pl.col("m").str.replace(rx(r"(?i)\s+(?:half|quarter)$"), "").str.len_chars()).cast(pl.Int32))
    rows = rows.select(m=pl.col("m").str.slice(0, pl.col("m").str.len_chars() - pl.col("k")),
                       post=pl.col("m").str.slice(pl.col("m").str.len_chars() - pl.col("k")) + pl.col("post"),
                       end=(pl.col("end") - pl.col("k")).cast(pl.Int32))
    return c.with_columns(**{name: c[name].clone().scatter(at, rows[name]) for name in ("m", "post", "end")})


def _find(frame: pl.DataFrame, rx: Rx, ascii_text: bool) -> pl.DataFrame:
    """Every match of `FIND_RE` in `text` but the non-claims it consumes whole (`_is_junk`), with
    code-point offsets in its sentence and up to 40/60 characters of context around it. The
    pattern has no capture groups, so the scan needs only the DFA."""
    # Offsets without list.eval (slow per list): segments of all rows are laid end to end, a
    # global running sum of their lengths minus the length of the texts before gives the
    # offset inside each text. Odd segments are the matches. Only the segments and the row
    # number go through the explode; the matches' rows are gathered afterwards.
    marked = pl.col("text")
    if frame["text"].str.contains("\x00", literal=True).any():  # the mark must not be in the text
        marked = marked.str.replace_all("\x00", " ", literal=True)
    n_seg = pl.col("seg").list.len()
    # in ASCII text a length in characters is the length in bytes, which needs no walk
    length = (lambda e: e.str.len_bytes()) if ascii_text else (lambda e: e.str.len_chars())  # noqa: E731
    pieces = (
        frame.select(seg=marked.str.replace_all(rx(FIND_RE), "\x00${0}\x00").str.split("\x00"),
                     _row=pl.int_range(pl.len(), dtype=pl.UInt32), _len=length(pl.col("text")))
        # no filter for the texts without a match (one in forty): it copied every list
        .with_columns(before=pl.col("_len").cum_sum() - pl.col("_len"), first=n_seg.cum_sum() - n_seg)
        .explode("seg")
        .with_columns(_seg_len=length(pl.col("seg")))
        .with_columns(end=pl.col("_seg_len").cum_sum() - pl.col("before"), i=pl.int_range(pl.len()) - pl.col("first"))
        .filter(pl.col("i") % 2 == 1)
    )
    # The junk goes before the rows are gathered and their context cut: filtering these three
    # columns is cheaper than filtering the candidates with their context strings.
    pieces = pieces.select("_row", "seg", "end", "_seg_len").filter(~pl.col("seg").is_in(_is_junk(pieces["seg"], rx).implode()))
    rows = frame.select("sentence_id", "doc_id", "paragraph_id", "sent_start", "text")[pieces["_row"]]
    start = pl.col("end").cast(pl.Int64) - pl.col("_seg_len")
    # A character offset is found by walking the string from its start; in ASCII text it is the
    # byte offset, and a byte slice goes there directly.
    text = pl.col("text").cast(pl.Binary).bin if ascii_text else pl.col("text").str
    back = (lambda e: e.cast(pl.String)) if ascii_text else (lambda e: e)  # noqa: E731
    return pl.concat([rows, pieces.select("seg", "end", "_seg_len")], how="horizontal").select(
        "sentence_id", "doc_id", "paragraph_id", "sent_start",
        start=start.cast(pl.Int32), end=pl.col("end").cast(pl.Int32), m="seg",
        pre=back(text.slice((start - 40).clip(0), start.clip(upper_bound=40))),
        post=back(text.slice(pl.col("end"), 60)),
        # what tells a cut context from a sentence's end (`claim_objects`)
        sent_len=length(pl.col("text")).cast(pl.Int32),
    )


def _is_junk(matches: pl.Series, rx: Rx) -> pl.Series:
    """The non-claims among `matches` that `FIND_RE` consumed whole (URLs, clock times, dates);
    tested once per distinct match, since matches repeat a lot ("5 pct", "1986")."""
    uniq = matches.unique().to_frame("m")
    return uniq.filter(pl.col("m").str.contains(rx(_JUNK_RE)) & ~pl.col("m").str.contains(rx(f"^{RACE_TIME}$")))["m"]


def _ranges(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """Joins two numbers into one range candidate when the text between them is a separator
    (`-`, `to`, `and`), optionally after the lower end's percent sign or unit, and the range is
    well formed: `between X and Y`, `from X to Y`, `X-Y`, or `X to Y` when X carries no unit
    (`rose 5 pct to 7 mln dlrs` is two claims). A unit on the lower end must be the upper end's,
    as written (`between 44 mg and 50 mg`, `from $350 per kg to $680 per kg`; not `between 5 mg
    and 7 km`), and so must a currency before both (`$5 to $7`, not `$5 to £7`). `n1`/`n2` are the
    two numbers, `p1` the first one's percent sign, `u1` its other unit as written, `neg2` the
    second one's sign (`from -18 °C to -34 °C`)."""
    # Only the rows whose next number is close enough are read (three in eight on Reuters; the
    # gap holds the lower end's unit, " billion markka to "), and
    # only the joined rows are rewritten: a when/then over all rows builds every branch.
    same = pl.col("sentence_id").shift(-1) == pl.col("sentence_id")
    gap_len = (pl.col("start").shift(-1) - pl.col("end")).clip(0, 40)
    c = c.with_columns(_close=(same & (gap_len > 0) & (gap_len < 24)).fill_null(False), _gap_len=gap_len)
    rows = c.select("pre", "post", "m", "_close", "_gap_len", _row=pl.int_range(pl.len(), dtype=pl.UInt32)).filter("_close")
    rows = rows.with_columns(gap=pl.col("post").str.slice(0, pl.col("_gap_len")))
    # A gap that is no separator makes no range: the DFA drops those rows (most of them) before
    # the capture engine, ten times slower, reads the parts of the others.
    rows = rows.filter(pl.col("gap").str.contains(rx(_GAP_RE))).with_columns(g=_gap_groups(rx(_GAP_RE)))
    # rp and sep are columns: the rule below reads them seven times. The lower end's sign is still
    # in `pre` ("from -18"): `_take_prefix` moves it into the number afterwards.
    rows = rows.with_columns(
        _rp=pl.when(pl.col("g").struct["sep"].is_not_null()).then(pl.col("pre")).str.extract(rx(r"(?i)(?:^|\W)(between|from)\s+(?:the\s+ages?\s+of\s+)?[-−]?$"), 1).str.to_lowercase(),
        _sep=pl.col("g").struct["sep"].str.strip_chars().str.to_lowercase())
    rp, sep = pl.col("_rp"), pl.col("_sep")
    p1, u1 = pl.col("g").struct["p1"], pl.col("g").struct["u1"]
    # "from 1985 to 119.3 billion yuan": a year is where a change starts, never a range's lower end.
    year_first = pl.col("m").str.contains(rx(r"^(?:19|20)\d\d$"))
    valid = (
        ~year_first & (
            # "between 300 to 350 mln stg" is written too, and is a range as well
            (rp == "between") & ((sep == "and") | (sep == "to"))
            | (rp == "from") & (sep == "to")
            | rp.is_null() & (sep.str.contains(rx("^[-–—]$")) | (sep == "to") & p1.is_null() & u1.is_null())
            # "five or six feet", "10 or 12 people", "one or two hundred": a range when the lower
            # end carries no unit of its own ("5 pct or 12 mln dlrs" is two claims)
            | rp.is_null() & (sep == "or") & p1.is_null() & u1.is_null())
        # a sign comes after a word only: "1,000 dlrs--750 dlrs" is a dash, not -750
        & (pl.col("g").struct["neg2"].is_null() | (sep == "to") | (sep == "and"))
    ).fill_null(False)
    rows = rows.filter(valid).select("_row", "m", "gap", p1=p1, u1=u1, neg2=pl.col("g").struct["neg2"].is_not_null())
    if rows.height == 0:  # polars compiles the patterns below even for an empty frame
        return c.drop("_close", "_gap_len").with_columns(
            n1="m", n2=pl.lit(None, pl.String), p1=pl.lit(None, pl.String), u1=pl.lit(None, pl.String),
            neg2=pl.lit(False))
    # Both ends' units and currencies agree, read on the well-formed pairs only (few): the upper
    # end's text starts with the lower end's unit, and ends there (" m" is not " mg").
    nxt = c.select(n_m="m", n_post="post")[rows["_row"] + 1]
    rows = pl.concat([rows, nxt], how="horizontal")
    u1, n_post, p1 = pl.col("u1"), pl.col("n_post"), pl.col("p1")
    same_unit = u1.is_null() | n_post.str.starts_with(u1) & ~n_post.str.slice(u1.str.len_chars(), 1).str.contains(rx(r"^\w"))
    # after a percent, the upper end has a percent or no unit ("from 5 pct to 7 mln dlrs" is two)
    same_unit = same_unit & (p1.is_null() | n_post.str.contains(rx(rf"(?i)^{_PCT}")) | ~n_post.str.contains(rx(UNIT_RE)))

    cur1, cur2 = (currency_code(pl.col(n).str.extract(rx(rf"(?i)^({CUR})"), 1), rx) for n in ("m", "n_m"))
    same_cur = (cur1.is_null() & p1.is_null()) | cur2.is_null() | (cur1 == cur2)
    rows = rows.select("_row", "p1", "u1", "neg2", "gap", merge=(same_unit & same_cur).fill_null(False))
    merge = pl.repeat(False, c.height, dtype=pl.Boolean, eager=True).scatter(rows["_row"], rows["merge"])
    c = c.drop("_close", "_gap_len").with_columns(merge=merge).with_columns(
        merge=pl.col("merge") & ~(pl.col("merge").shift(1) & pl.col("sentence_id").shift(1).eq(pl.col("sentence_id"))).fill_null(False))
    # the joined rows: the first number's row takes the second's end and context
    at = c.select(_row=pl.int_range(pl.len(), dtype=pl.UInt32)).filter(c["merge"])["_row"]
    parts = rows.join(at.to_frame(), on="_row", how="semi", maintain_order="left")
    nxt = c.select("m", "end", "post")[at + 1]
    m = c["m"]  # scatter writes in place: the frame's columns are cloned first
    return c.with_columns(
        n1=m,
        n2=pl.repeat(None, c.height, dtype=pl.String, eager=True).scatter(at, nxt["m"]),
        p1=pl.repeat(None, c.height, dtype=pl.String, eager=True).scatter(at, parts["p1"]),
        u1=pl.repeat(None, c.height, dtype=pl.String, eager=True).scatter(at, parts["u1"]),
        neg2=pl.repeat(False, c.height, dtype=pl.Boolean, eager=True).scatter(at, parts["neg2"]),
        m=m.clone().scatter(at, m.gather(at) + parts["gap"] + nxt["m"]),
        end=c["end"].clone().scatter(at, nxt["end"]),
        post=c["post"].clone().scatter(at, nxt["post"]),
    ).filter(~pl.col("merge").shift(1).fill_null(False)).drop("merge")


def map_back(c: pl.DataFrame, uniq: pl.DataFrame, key: str) -> pl.DataFrame:
    """Columns computed once per distinct `key` value (null included), mapped back onto every
    row. The join takes only the key column (joining the wide candidate frame would copy every
    column): one hash lookup for all columns, three times faster than one `replace_strict` per column."""
    if c[key].null_count() == 0:
        looked_up = c.select(key).join(uniq, on=key, how="left", maintain_order="left")
        return c.with_columns(looked_up.drop(key))
    # Only the rows with a key are looked up (a range's second number is null on 96 rows in 100,
    # the unit on half of them); the others all take the null key's columns.
    rows = c.select(key, _row=pl.int_range(pl.len(), dtype=pl.UInt32)).filter(pl.col(key).is_not_null())
    found = rows.join(uniq, on=key, how="left", maintain_order="left")
    null_key = uniq.filter(pl.col(key).is_null())
    return c.with_columns(
        pl.repeat(null_key[name][0] if null_key.height else None, c.height, dtype=dtype, eager=True)
        .scatter(found["_row"], found[name]).alias(name)
        for name, dtype in uniq.schema.items() if name != key)


def on_rows(c: pl.DataFrame, cond: pl.Expr, expr: pl.Expr, dtype: pl.DataType, default=None) -> pl.Series:
    """`expr` on the rows of `c` where `cond` holds, `default` on the others. A regex costs about
    250 instructions per row even where it cannot matter, and a when/then runs it on every row;
    only the columns `expr` reads are filtered."""
    rows = c.select(*set(expr.meta.root_names()), _row=pl.int_range(pl.len(), dtype=pl.UInt32),
                    _cond=cond).filter("_cond")
    out = pl.repeat(default, c.height, dtype=dtype, eager=True)
    # an empty frame would still compile the expression's regexes
    return out.scatter(rows["_row"], rows.select(expr).to_series()) if rows.height else out


def _take_prefix(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """Moves what belongs to the number from the end of `pre` into the match: a sign, age
    marker, qualifier, `between`/`from`."""
    # the sign test reads the rows that end with a dash only (a suffix test costs next to nothing)
    dash = pl.col("pre").str.ends_with("-") | pl.col("pre").str.ends_with("−")
    c = c.with_columns(neg=on_rows(c, dash, pl.col("pre").str.contains(rx(r"(?:^|[\s(\[:=])[-−]$")), pl.Boolean, False))
    # The strings are cut and joined on the rows with a sign (few) or a lead (one in ten) only,
    # and scattered back: over every row, each cut and join copied all the context strings.
    signed = _rows_where(c["neg"])
    pre, sign_char = c["pre"], pl.repeat(None, c.height, dtype=pl.String, eager=True)
    if signed.len():
        cut = pre.gather(signed)
        pre = pre.clone().scatter(signed, cut.str.slice(0, cut.str.len_chars() - 1))
        sign_char = sign_char.scatter(signed, cut.str.slice(-1))
    # The whole match of a capture-free pattern needs only the DFA, and is the lead itself: no
    # replace copies the context to measure it, no slice cuts it out again.
    c = c.with_columns(pre=pre, sign_char=sign_char, start=pl.col("start") - pl.col("neg").cast(pl.Int32)).with_columns(
        lead=pl.col("pre").str.extract(rx(LEAD_RE), 0))
    c = c.with_columns(k=pl.col("lead").str.len_chars().fill_null(0).cast(pl.Int32))
    k = pl.col("k")
    c = c.with_columns(lead=pl.when(k > 0).then(pl.col("lead")))
    g = _lead_groups(rx(LEAD_PARTS_RE))
    parts = c.filter(pl.col("k") > 0).select(pl.col("lead").unique()).with_columns(
        age=g.struct["age"], qual=pl.coalesce(g.struct["qual"], g.struct["tilde"]), rp=pl.coalesce(g.struct["rp"], g.struct["rp0"]),
        neg_word=g.struct["neg"])
    # Mapped back onto the rows with a lead only (one in ten); the others get nulls.
    c = map_back(c, parts, "lead")
    at = _rows_where(c["neg"] | (c["k"] > 0))
    if at.len():
        rows = c.select("lead", "sign_char", "m", "pre", "k")[at].select(
            m=pl.concat_str(pl.col("lead").fill_null(""), pl.col("sign_char").fill_null(""), "m"),
            pre=pl.col("pre").str.slice(0, pl.col("pre").str.len_chars() - pl.col("k")))
        c = c.with_columns(m=c["m"].clone().scatter(at, rows["m"]), pre=c["pre"].clone().scatter(at, rows["pre"]))
    return c.with_columns(
        neg=pl.col("neg") | pl.col("neg_word").is_not_null(),
        start=(pl.col("start") - pl.col("k")).cast(pl.Int32),
    ).drop("lead", "k", "neg_word", "sign_char")


def _rows_where(cond: pl.Series) -> pl.Series:
    """Row numbers (UInt32) where `cond` is true."""
    return cond.arg_true().cast(pl.UInt32)


def _take_unit(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    # The unit is the whole match (never empty), which needs only the DFA. It is appended to the
    # match and cut from the context on its rows only (under half), and scattered back.
    c = c.with_columns(unit_raw=pl.col("post").str.extract(rx(UNIT_RE), 0))
    at = _rows_where(c["unit_raw"].is_not_null())
    if at.len() == 0:
        return c
    rows = c.select("m", "post", "end", "unit_raw")[at].with_columns(k=pl.col("unit_raw").str.len_chars().cast(pl.Int32))
    rows = rows.select(m=pl.col("m") + pl.col("unit_raw"), post=pl.col("post").str.slice(pl.col("k")),
                       end=(pl.col("end") + pl.col("k")).cast(pl.Int32))
    return c.with_columns(**{name: c[name].clone().scatter(at, rows[name]) for name in ("m", "post", "end")})
