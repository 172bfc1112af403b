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
# Applied to the text after the first reporting verb, so the costly search for the verb runs once.
AFTER_TELL = re.compile(rf"\s+{_OBJECT}\s+{_WHEN}{_CLAUSE_START}(?P<cl>.{{12,}}?)\.?$")
AFTER_VERB = re.compile(rf"\s+{_WHEN}{_CLAUSE_START}(?P<cl>.{{12,}}?)\.?$")
FIRST_VERB = re.compile(rf"\b(?:{CLAUSE_FORMS})\b")
TAIL_HINT = re.compile(rf",\s+(?:[^,]{{1,60}}\s)?(?:{CLAUSE_FORMS})\b[^,]{{0,40}}$")

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


def _hit(sentence: str, base: int, m, cue: str, mention: Mention | None) -> dict | None:
    start, end = m.start("cl"), m.end("cl")
    while end > start and sentence[end - 1] in " .,;:":
        end -= 1
    if end - start < 12 or mention is None or not mention.text:
        return None
    return dict(char_start=base + start, char_end=base + end, text=sentence[start:end], cue=cue, mention=mention)


def _mention_in(sentence: str, base: int, m: re.Match, group: str = "sp") -> Mention:
    sp = m.group(group).strip(" ,")
    return Mention(sp, base + m.start(group), base + m.start(group) + len(sp))


class _Shifted:
    """A match on a tail of the sentence, reported in sentence coordinates."""

    def __init__(self, m: re.Match, shift: int):
        self.m, self.shift = m, shift

    def start(self, g):
        return self.m.start(g) + self.shift

    def end(self, g):
        return self.m.end(g) + self.shift


def indirect_quote(sentence: str, base: int) -> dict | None:
    """The reported clause, cue and speaker mention of one sentence, or None."""
    if "ccording to" in sentence:
        for regex in (ACCORDING_HEAD, ACCORDING_TAIL):
            m = regex.match(sentence)
            if m:
                return _hit(sentence, base, m, "according to", _mention_in(sentence, base, m))
    if TAIL_HINT.search(sentence):
        for regex in (TAIL_VERB_SPEAKER, TAIL_SPEAKER_VERB):
            m = regex.match(sentence)
            if m and (m.group("sp")[:1].isupper() or m.group("sp").split()[0].lower() in {"he", "she", "they", "it", "the", "a", "an"}):
                return _hit(sentence, base, m, LEMMA[m.group("v")], _mention_in(sentence, base, m))
    v = FIRST_VERB.search(sentence)
    if v is None or v.start() > 200:
        return None
    verb, subject = v.group(), sentence[: v.start()]
    rest = AFTER_TELL if verb in {"told", "tells", "telling"} else AFTER_VERB
    m = rest.match(sentence, v.end())
    if m is None or not subject.strip():
        return None
    participle = verb.endswith("ing")
    if participle and not subject.rstrip().endswith(","):
        return None
    if not participle and re.search(r"\b(?:if|whether|when|because|after|before)\s*$", subject):
        return None
    return _hit(sentence, base, m, LEMMA[verb], subject_mention(subject.rstrip(" ,"), base, participle=participle))
