"""The second reported clause of a sentence: "X said that A, adding that B", "X said A but denied that B". The
indirect extractor finds one reported clause per sentence, from its first reporting verb to the sentence end; a
second verb of the same speaker splits that clause in two, and B is reported speech of its own (cue add, deny, ...).
"""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import Rx
from tasks.reporting_verbs import LEMMA

# ", adding that B" / ", adding he B": without "that" only a pronoun opens B ("adding to its gains" reports nothing)
ADDING = r"^(?P<head>.{12,}?),\s+adding\s+(?P<that>that,?\s+)?(?P<rest>.{12,})$"
_PRONOUN_START = r"^(?:he|she|they|it|we|I)\s"
# "and/but (also) denied that B": the verb and "that" are both needed ("and denied the report" is its object); after
# "and/but said" (round 14) a pronoun or determiner opening B will do ("..., but said this too was unrelated")
_AND_VERBS = (r"(?:and|but)\s+(?:also\s+)?(?:(?P<v>added|said|denied|claimed|noted|stated|warned|insisted|argued|confirmed)\s+that"
              r"|(?P<bare>said))")
AND_VERB = rf"^(?P<head>.{{12,}}?),?\s+{_AND_VERBS},?\s+(?P<rest>.{{12,}})$"
_BARE_START = r"^(?:he|she|they|it|we|I|the|a|an|this|these|those|there|its|his|her|their)\s"
# the unanchored search first: the capture with its lazy head runs only on the few clauses it finds
_AND_VERB_HINT = _AND_VERBS.replace("?P<v>", "?:").replace("?P<bare>", "?:")


def split_added_clauses(hits: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """`hits` (one reported clause `cl` per sentence, at `cl_at`) with each clause that holds a second reporting verb
    of its speaker cut before it, and the clause after it as a row of its own (same speaker, the second verb's cue)."""
    if hits.is_empty():
        return hits
    hits = _after_tail(hits, rx)
    cl = pl.col("cl")
    maybe = cl.str.contains(", adding ", literal=True) | cl.str.contains(rx(_AND_VERB_HINT))
    rows = hits.with_row_index("_i").filter(maybe)
    if rows.is_empty():
        return hits
    add = rows.filter(cl.str.contains(", adding ", literal=True)).with_columns(_m=cl.str.extract_groups(rx(ADDING)))
    add = add.filter(pl.col("_m").struct.field("rest").is_not_null() & (
        pl.col("_m").struct.field("that").is_not_null() | pl.col("_m").struct.field("rest").str.contains(rx(_PRONOUN_START))))
    add = add.with_columns(_cue=pl.lit("add"))
    rest = rows.filter(~pl.col("_i").is_in(add["_i"].implode()) & cl.str.contains(rx(_AND_VERB_HINT)))
    verb = rest.with_columns(_m=cl.str.extract_groups(rx(AND_VERB))).filter(pl.col("_m").struct.field("rest").is_not_null())
    bare = pl.col("_m").struct.field("bare").is_not_null()
    verb = verb.filter(~bare | pl.col("_m").struct.field("rest").str.contains(rx(_BARE_START)))
    verb = verb.with_columns(_cue=pl.when(bare).then(pl.lit("say")).otherwise(
        pl.col("_m").struct.field("v").replace_strict(LEMMA, default=None)))
    parts = (pl.col("_m").struct.field("head").alias("_head"), pl.col("_m").struct.field("rest").alias("_rest"))
    split = pl.concat([add.with_columns(*parts).drop("_m"), verb.with_columns(*parts).drop("_m")])
    if split.is_empty():
        return hits
    head, tail = pl.col("_head"), pl.col("_rest")
    first = split.with_columns(cl=head)
    second = split.with_columns(cl_at=pl.col("cl_at") + cl.str.len_chars() - tail.str.len_chars(), cl=tail, cue=pl.col("_cue"))
    kept = hits.with_row_index("_i").filter(~pl.col("_i").is_in(split["_i"].implode()))
    cols = hits.columns
    return pl.concat([kept.select(cols), first.select(cols), second.select(cols)]).sort("doc_id", "char_start", "cl_at")


def _after_tail(hits: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """`hits` and, for each clause before a tail attribution followed by ", adding that C" ("B, officials told state media,
    adding that C."), C as a row of its own (the tail's speaker, cue add): the tail rule's clause stops before the speaker."""
    text = pl.col("text")
    rows = hits.filter((pl.col("rule") == "tail") & text.str.contains(", adding ", literal=True)
                       & ~pl.col("cl").str.contains(", adding ", literal=True))
    if rows.is_empty():
        return hits
    rest = pl.col("_m").struct.field("rest")
    rows = rows.with_columns(_m=text.str.extract_groups(rx(ADDING))).filter(
        rest.is_not_null() & (pl.col("_m").struct.field("that").is_not_null() | rest.str.contains(rx(_PRONOUN_START)))
        & (text.str.len_chars() - rest.str.len_chars() > pl.col("cl_at") + pl.col("cl").str.len_chars()))
    added = rows.with_columns(cl_at=text.str.len_chars() - rest.str.len_chars(), cl=rest, cue=pl.lit("add")).select(hits.columns).cast(hits.schema)
    return pl.concat([hits, added]).sort("doc_id", "char_start", "cl_at")
