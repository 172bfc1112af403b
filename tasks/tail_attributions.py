"""Attributions after the clause: "B, X said." / "B, said X." (the speaker after the sentence's last comma), split
off the indirect extractor (tasks/indirect_quotes.py) that applies them.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from tasks.ascii_patterns import ascii_form, patterns_for
from tasks.reporting_verbs import CLAUSE_FORMS, INVERTED_VERBS

TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[\w'’&.-]+)"
_ADV = r"(?:\s+(?:has|had|have|also|later|then|further|previously|repeatedly|again|reportedly|publicly|formally))*"
TAIL_VERB_SPEAKER = rf"^(?P<cl>.{{20,}}?)(?P<pre>,\s+(?P<v>{INVERTED_VERBS})\s+)(?P<sp>{TOKEN}(?:\s+{TOKEN}){{0,8}}?)\.?$"
TAIL_SPEAKER_VERB = rf"^(?P<cl>.{{20,}}?)(?P<pre>,\s+)(?P<sp>{TOKEN}(?:\s+{TOKEN}){{0,6}}?){_ADV}\s+(?P<v>{CLAUSE_FORMS})(?:\s+[^,.]{{0,30}})?\.?$"
# The same two patterns from the comma on: nothing they allow after `pre`'s comma is a comma, so that comma is the
# sentence's last and `cl` is all before it (at least 20 characters, no line break for `.`). The captures then run
# over the short tail instead of the whole sentence (0.16 -> 0.06 s on Reuters).
# (the last comma and its tail as the whole match: a capture group made the engine report captures, 2x slower)
_LAST_COMMA = r",[^,]*$"
TAIL_VS_AFTER_COMMA = rf"^(?P<pre>\s+(?P<v>{INVERTED_VERBS})\s+)(?P<sp>{TOKEN}(?:\s+{TOKEN}){{0,8}}?)\.?$"
TAIL_SV_AFTER_COMMA = rf"^(?P<pre>\s+)(?P<sp>{TOKEN}(?:\s+{TOKEN}){{0,6}}?){_ADV}\s+(?P<v>{CLAUSE_FORMS})(?:\s+[^,.]{{0,30}})?\.?$"

# The Unicode classes inside the bounded token repeats of TAIL_SV_AFTER_COMMA push polars' regex
# off its lazy DFA: ASCII tails (all of Reuters) take its ASCII form (19k Reuters tails 73 -> 40 ms
# for the capture, loaded host), the same matches there.
_TAIL_SV_ASCII = ascii_form(TAIL_SV_AFTER_COMMA)
TAIL_HINT = rf",[^,]*(?-u:\b)(?:{CLAUSE_FORMS})(?-u:\b)[^,]*$"
# Round 14: "B, officials told state media, adding that C.", "B, Hahn said, without giving details.", "B, police reported
# Friday morning, local time.": a trailing aside after the attribution is set aside before the last comma is looked for (C
# is reported by tasks/added_clauses.py), where the sentence's own last comma has no attribution ("..., adding that C, the
# newspaper said." keeps its). The aside holds no comma but after `adding that`/`adding <pronoun>`.
TRAILING_ASIDE = r",\s+(?:adding\s+(?:that|he|she|they|it|we|I)\s.*|without\s+[a-z]+ing\s[^,]*|local time\.?)$"
_ASIDE_HINT = [", adding ", ", without ", ", local time"]


@lru_cache(maxsize=None)
def _tail_groups(ascii_text: bool) -> dict[str, pl.Expr]:
    tail, ascii_ = pl.col("tail"), pl.col("_ascii")
    # ASCII tails (all of Reuters) take the twin; each pattern runs only on its rows. When every
    # sentence is ASCII the pattern as written is left out: polars compiles it even for no rows.
    sv = tail.str.extract_groups(_TAIL_SV_ASCII) if ascii_text else (
        pl.when(ascii_).then(pl.when(ascii_).then(tail).str.extract_groups(_TAIL_SV_ASCII))
        .otherwise(pl.when(~ascii_).then(tail).str.extract_groups(TAIL_SV_AFTER_COMMA)))
    return {"tail_vs": tail.str.extract_groups(patterns_for(ascii_text)(TAIL_VS_AFTER_COMMA)), "tail_sv": sv}


def tail_attributions(cand: pl.DataFrame, ascii_text: bool) -> pl.DataFrame:
    """The tail_vs/tail_sv groups of TAIL_VERB_SPEAKER / TAIL_SPEAKER_VERB of the candidate sentences that may have
    one, matched after the last comma, or before a trailing aside where the sentence's own tail has none."""
    rx, text = patterns_for(ascii_text), pl.col("text")
    aside = text.str.contains_any(_ASIDE_HINT)
    rows = _matched(cand.filter(text.str.contains(rx(TAIL_HINT)) | aside).with_columns(body=text), ascii_text)
    again = rows.filter(aside & pl.col("tail_vs_cl").is_null() & pl.col("tail_sv_cl").is_null())
    if again.is_empty():
        return rows
    again = _matched(again.select(cand.columns).with_columns(body=text.str.replace(rx(TRAILING_ASIDE), "")), ascii_text)
    key = ["doc_id", "char_start"]
    return pl.concat([rows.join(again, on=key, how="anti"), again]).sort(key)


def _matched(rows: pl.DataFrame, ascii_text: bool) -> pl.DataFrame:
    """`rows` with the tail groups of their `body` (the sentence, or the sentence before its trailing aside)."""
    text, tail = pl.col("body"), pl.col("tail")
    rows = rows.with_columns(_last=text.str.extract(patterns_for(ascii_text)(_LAST_COMMA), 0))
    rows = rows.with_columns(tail=pl.col("_last").str.slice(1), head=text.str.head(text.str.len_chars() - pl.col("_last").str.len_chars()))
    rows = rows.with_columns(head_ok=(pl.col("head").str.len_chars() >= 20) & ~pl.col("head").str.contains("\n", literal=True))
    rows = rows.with_columns(_ascii=tail.str.len_bytes() == tail.str.len_chars())
    for prefix, groups in _tail_groups(ascii_text).items():
        # one struct column first: field lookups inside when/then would run the regex once per field
        rows = rows.with_columns(g=groups)
        g = pl.col("g")
        ok = pl.col("head_ok") & g.struct.field("pre").is_not_null()
        fields = {"cl": pl.col("head"), "pre": pl.lit(",") + g.struct.field("pre"), "v": g.struct.field("v"), "sp": g.struct.field("sp")}
        rows = rows.with_columns(pl.when(ok).then(e).alias(f"{prefix}_{n}") for n, e in fields.items())
    return rows.drop("body", "_last", "tail", "head", "head_ok", "g", "_ascii")
