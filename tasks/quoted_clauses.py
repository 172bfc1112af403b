"""Reported speech in sentences that also quote (round 12 of docs/quotes.md): "Murphy claimed she decided alone,
insisting she was "never pressured"", "Trump tweeted he was not aware of it: "Wow! ..."". The indirect extractor used to
skip every sentence with a quotation mark; now such a sentence keeps its reported clause when the clause, cut before
the quoted words, holds none (the quoted words are the partial or direct quote, and spans never overlap), and its verb
is not the attribution of a quote before it ('"...," said X', '"...," the official said in ...').
"""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import Rx
from tasks.reporting_verbs import CLAUSE_FORMS, PARTICIPLES

MARK = r'["“”„]'
MARK_START = r'^["“]'
# where a clause with quoted words is cut: ", saying ...", ", insisting she was "...", ", and added: "...", `: "`,
# `. "` (a sentence the segmenter did not split, "at about 7:45 p.m. "No troops were ...")
_QUOTE_CUT = (rf'(?:,\s+(?:{PARTICIPLES})[\s:,]|(?:,?\s+(?:and|but)\s+(?:also\s+)?(?:{CLAUSE_FORMS}))?:\s*["“]'
              r'|[.!?]\s+["“]).*$')
# "It takes two months, the official said, adding: "..."": the attribution left at the end of a cut clause goes
_TRAILING_ATTRIBUTION = rf",\s+[^,]{{1,60}}?\s(?:{CLAUSE_FORMS})\s*$"
# what is left ending with its own reporting verb ("he would tell Nakasone: "...") introduces the quote, reports nothing
_ENDS_WITH_VERB = rf"(?-u:\b)(?:{CLAUSE_FORMS})(?:\s+\S+){{0,3}}\s*$"
# the subject before the verb ends with a quote and its speaker (a name, a pronoun, a determiner phrase; not "but
# experts"): '"...," said X' / '"...," the official said in ...' attribute that quote, what follows is no clause
ATTRIBUTES_QUOTE = (r'(?:[,.!?]["”]|["”],)\s*(?:[A-Z]\S*|he|she|they|it|we|I|the|a|an|one|his|her|their|its)\s+'
                    r'(?:\S+\s+){0,8}$|["”]\s*$')


def without_quoted_words(hits: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """`hits` (reported clauses `cl`) whose clause holds no quotation mark: a clause is cut before a second reporting
    participle, a colon or a sentence end that opens quoted words, and dropped if a mark is still in it."""
    cl = pl.col("cl")
    marked = cl.str.contains(MARK)
    if not hits.select(marked.any()).item():
        return hits
    # the cuts run over the marked clauses only (`when/then` would run them over every row): "" elsewhere
    only = pl.when(marked).then(cl).otherwise(pl.lit(""))
    cut = only.str.replace(rx(_QUOTE_CUT), "").str.replace(rx(_TRAILING_ATTRIBUTION), "")
    hits = hits.with_columns(_cut=pl.when(marked).then(cut))
    kept = pl.col("_cut").is_null() | ~pl.col("_cut").str.contains(rx(_ENDS_WITH_VERB))
    return hits.filter(kept).with_columns(cl=pl.coalesce("_cut", cl)).drop("_cut").filter(~cl.str.contains(MARK))
