"""Indirect quotes: reported speech without marks, one per sentence, introduced by a reporting verb
from tasks.reporting_verbs or by "according to".

Polars picks the sentences that have a reporting verb and no quotation mark; a handful of anchored
regexes then split each into speaker and reported clause. A clause that holds quoted words is left
to the direct/partial extractor (spans never overlap).
"""

from __future__ import annotations

import re

import polars as pl

from tasks.attribution import Mention, subject_mention
from tasks.reporting_verbs import CLAUSE_FORMS, LEMMA, PARTICIPLES

_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[\w'’&.-]+)"
_ADV = r"(?:\s+(?:has|had|have|also|later|then|further|previously|repeatedly|again|reportedly|publicly|formally))*"
_CLAUSE_START = (
    r"(?:that\s+|(?=(?:he|she|they|it|we|I|the|a|an|there|this|these|those|his|her|their|its|our|many|some|most|"
    r"all|no|one|two|three|several|more|at least|about|[A-Z0-9])\b))"
)
_OBJECT = r"(?:reporters|journalists|the press|the media|(?:local|state) media|him|her|them|us|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
_WHEN = r"(?:(?:on|in|at|via|during|earlier|late|last)\s+[^,;]{1,40}?\s+|(?:yesterday|today|tonight|recently)\s+)?"

ACCORDING_HEAD = re.compile(r"^According to (?P<sp>[^,]{2,80}),\s+(?P<cl>.{12,}?)[.]?$")
ACCORDING_TAIL = re.compile(r"^(?P<cl>.{12,}?),?\s+according to (?P<sp>[^,.]{2,80}?)\.?$")
TAIL_SPEAKER_VERB = re.compile(rf"^(?P<cl>.{{20,}}?),\s+(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,6}}?){_ADV}\s+(?P<v>{CLAUSE_FORMS})(?:\s+[^,.]{{0,30}})?\.?$")
TAIL_VERB_SPEAKER = re.compile(rf"^(?P<cl>.{{20,}}?),\s+(?P<v>said|added|says|wrote|told)\s+(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,8}}?)\.?$")
HEAD_TELL = re.compile(rf"^(?P<sp>.{{1,140}}?){_ADV}\s+(?P<v>told|tells|telling)\s+{_OBJECT}\s+{_WHEN}{_CLAUSE_START}(?P<cl>.{{12,}}?)\.?$")
HEAD = re.compile(rf"^(?P<sp>.{{1,140}}?){_ADV}\s+(?P<v>(?!telling|told|tells)(?:{CLAUSE_FORMS}))\s+{_WHEN}{_CLAUSE_START}(?P<cl>.{{12,}}?)\.?$")
PARTICIPLE = re.compile(rf"^(?P<sp>.{{1,200}}?),\s+(?P<v>{PARTICIPLES})\s+{_CLAUSE_START}(?P<cl>.{{12,}}?)\.?$")

_SELECT = rf"\b(?:{CLAUSE_FORMS})\b|\b[Aa]ccording to\b"


def indirect_candidates(sentences: pl.DataFrame) -> pl.DataFrame:
    """doc_id, char_start, text of the sentences that may report speech without quotation marks."""
    if sentences.is_empty():
        return pl.DataFrame(schema={"doc_id": pl.String, "char_start": pl.Int64, "text": pl.String})
    return (
        sentences.filter(pl.col("text").str.contains(_SELECT) & ~pl.col("text").str.contains(r'["“”„]'))
        .sort("doc_id", "char_start")
        .select("doc_id", pl.col("char_start").cast(pl.Int64), "text")
    )


def _hit(sentence: str, base: int, m: re.Match, cue: str, mention: Mention | None) -> dict | None:
    start, end = m.start("cl"), m.end("cl")
    while end > start and sentence[end - 1] in " .,;:":
        end -= 1
    if end - start < 12 or mention is None or not mention.text:
        return None
    return dict(char_start=base + start, char_end=base + end, text=sentence[start:end], cue=cue, mention=mention)


def _mention_in(sentence: str, base: int, m: re.Match, group: str = "sp") -> Mention:
    sp = m.group(group).strip(" ,")
    return Mention(sp, base + m.start(group), base + m.start(group) + len(sp))


def indirect_quote(sentence: str, base: int) -> dict | None:
    """The reported clause, cue and speaker mention of one sentence, or None."""
    for regex in (ACCORDING_HEAD, ACCORDING_TAIL):
        m = regex.match(sentence)
        if m:
            return _hit(sentence, base, m, "according to", _mention_in(sentence, base, m))
    for regex in (TAIL_VERB_SPEAKER, TAIL_SPEAKER_VERB):
        m = regex.match(sentence)
        if m and (m.group("sp")[:1].isupper() or m.group("sp").split()[0].lower() in {"he", "she", "they", "it", "the", "a", "an"}):
            return _hit(sentence, base, m, LEMMA[m.group("v")], _mention_in(sentence, base, m))
    for regex in (HEAD_TELL, HEAD, PARTICIPLE):
        m = regex.match(sentence)
        if m:
            subject = m.group("sp")
            if regex is not PARTICIPLE and re.search(r"\b(?:if|whether|when|because|after|before)\s*$", subject):
                continue
            return _hit(sentence, base, m, LEMMA[m.group("v")], subject_mention(subject, base))
    return None
