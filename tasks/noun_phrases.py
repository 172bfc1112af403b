"""Speaker noun phrases: cleaning a mention (brackets, tickers, relative clauses, openers, trailing adverbs)
and finding the noun phrase that opens or ends a clause, with `located` for its document offsets.

Used by `tasks/attribution.py` (the speaker around a quote, the subject before a verb) and `tasks/indirect_speakers.py`.
Works on short strings with a word-level scan, so the regexes stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.reporting_verbs import (
    DISCOURSE_LEADS,
    DOCUMENT_WORDS,
    LEMMA,
    ORGANIZATION_WORDS,
    PREPOSITION_FIRST,
    PREPOSITION_LEAD,
    PRONOUNS,
    NOISE_LAST_WORDS,
    TIME_LEAD_NEXT,
    TIME_LEADS,
    TRAILING_NOISE,
)
from tasks.speaker_kinds import ORGANIZATION_RUNS, SOURCE_RUNS, TITLE_WORDS, name_ending

_RELATIVE = re.compile(r"\s+(?:who|which|whose|that|where|when)\b.*$")
# A word that looks like a finite verb: a set lookup and a suffix test (the regex these replaced tried
# ~200 alternatives per word).
_FINITE_WORDS = frozenset(LEMMA) | {
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "did", "does", "do", "may",
    "might", "must", "should", "took", "gave", "spoke", "went", "made", "held", "led", "met", "won", "lost", "sent",
    "got", "came", "became", "began", "ran",
}


def _is_finite(word: str) -> bool:
    stem = word[:-2]
    return word in _FINITE_WORDS or (word.endswith("ed") and stem.isascii() and stem.isalpha() and stem.islower())


@dataclass
class Mention:
    text: str
    start: int | None
    end: int | None


_NAME_PAREN = re.compile(r"\b(of|and|by|for|from|to|the|[a-z-]+(?:held|owned|based))\s+\(([^)]*)\)")
_PAREN = re.compile(r"\s*\(+[^()]*\)+")  # "((WN)) Well it": a doubled bracket goes whole
# A Reuters ticker after a name ("Reuters Holdings Plc <RTRS.L>") goes; a bracketed name stays ("<Noranda Inc>").
TICKER = r"\s*<[A-Z0-9.][A-Z0-9. ]{0,9}>"
_TICKER = re.compile(r"(?<=\S)" + TICKER)
# "I've", "I would", "we did": a pronoun subject with its auxiliary is the pronoun
_PRONOUN_AUX = re.compile(r"^(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?:['’](?:ve|m|d|ll|re|s)|\s+(?:would|could|did|do|does|will|can|"
                          r"may|might|must|should|have|had|has|was|were|am|is|are))$")
_LY_TAIL = re.compile(r"(?<=\w)\s+[a-z]+ly$")
_NAME_OF_PLACE = re.compile(r"^(.*?[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+of\s+(?:[A-Z]|[a-z]+\s+[a-z]+\s)[\w\s'’-]+$")


def _noisy_end(s: str) -> bool:
    """Whether TRAILING_NOISE can match: its phrases all end in one of NOISE_LAST_WORDS (the regex
    alone tries every position of the string)."""
    tail = s[-16:]
    return not tail.isascii() or tail.rsplit(None, 1)[-1].lower() in NOISE_LAST_WORDS if tail.strip() else False


# Pure and called ~45k times on Reuters with many repeats (the same subject recurs): memoised.
@lru_cache(maxsize=65536)
def clean_np(s: str) -> str:
    # a parenthetical after "of"/"privately-held" is the name itself ("A subsidiary of (Kyowa) and"): keep its words
    if "(" in s:
        s = _NAME_PAREN.sub(r"\1 \2", s)
        s = _PAREN.sub("", s)
    # each regex below is tried only when the words it needs are there: `re` would try every position
    if "wh" in s or "that" in s:
        s = _RELATIVE.sub("", s)
    s = s.rstrip(" ,;:")
    if _noisy_end(s):
        s = TRAILING_NOISE.sub("", s)  # "wrote Trump on Twitter, ": the platform goes too
    if s.endswith(_ADVERB_ENDS):  # "One of them even went as far as to say": the adverb before the verb goes
        s = s.rsplit(None, 1)[0]
    if s.endswith(("ly", "ly\n")):
        s = _LY_TAIL.sub(lambda m: m.group() if m.group().strip() in _LY_NOUNS else "", s)  # "... jointly"
    s = s.strip(" ,;:—–-\n.\"“”")
    if "<" in s or s[:1] in ")]:;":  # what an interview line or a Reuters ticker bracket leaves ("<WPP Group Plc>")
        s = _TICKER.sub("", s.lstrip(" )]:;,")).replace("<", "").replace(">", "").strip()
    if " " in s and s.split(" ", 1)[0].lower().rstrip(",") in _TIME_FIRST:  # "Until now Mannesmann", "So far the"
        s = _TIME_LEAD.sub("", s, 1)
    if " " in s and s.split(" ", 1)[0].lower().rstrip(",") in DISCOURSE_LEADS:
        s = _drop_discourse(s)
        if " " in s and s.split(" ", 1)[0].lower().rstrip(",") in _TIME_FIRST:  # "But until now Mannesmann"
            s = _TIME_LEAD.sub("", s, 1)
    if s.startswith(PREPOSITION_FIRST):  # "On the live television he", "With the acquisition Salling"
        s = _PREPOSITION_LEAD.sub(r"\1\2\3", s, 1)
    if len(s) <= 12 and s[:1] in "IWwHhSsTt":  # the longest is "They should"
        m = _PRONOUN_AUX.match(s)
        if m:
            s = m.group(1)
    m = _NAME_OF_PLACE.match(s) if "of" in s else None
    if m and m.group(1).split()[-1].lower() not in TITLE_WORDS and not ORGANIZATION_WORDS.search(m.group(1).split()[-1]):
        s = m.group(1)
    return s


_TIME_LEAD = re.compile(r"^(?i:" + "|".join(TIME_LEADS).replace(" ", r"\s+") + r"),?\s+(?=" + TIME_LEAD_NEXT + ")")
_TIME_FIRST = {lead.split()[0] for lead in TIME_LEADS}
_PREPOSITION_LEAD = re.compile(PREPOSITION_LEAD)


def _drop_discourse(s: str) -> str:
    """"So I", "However Bonham", "Both Tesco and Salling", "But they": the words that open the sentence go."""
    words = s.split()
    while words and words[0].lower().rstrip(",") in DISCOURSE_LEADS:
        words = words[1:]
    return " ".join(words)


_ADVERB_ENDS = (" even", " also", " then", " still", " already", " never", " always", " often", " just")
_LY_NOUNS = {"family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "italy", "kelly", "emily"}


@lru_cache(maxsize=65536)
def noun_phrase(chunk: str) -> str:
    """The leading noun phrase of a clause: stop at the first word that looks like a finite verb."""
    out: list[str] = []
    words = chunk.split()
    for i, w in enumerate(words):
        # "a tweet sent from X's account" stays one phrase: the document's owner follows
        by = i + 1 < len(words) and words[i + 1] in {"by", "from"} and bool(out) and bool(DOCUMENT_WORDS.fullmatch(out[-1]))
        if w[:1].islower() and _is_finite(w.strip(",.;:")) and not (out and out[-1].lower() in _LY_NOUNS) and not by:
            break
        out.append(w)
    return " ".join(out)


_NP_STOP = {
    "in", "at", "on", "to", "by", "from", "with", "what", "which", "who", "whom", "that", "whose", "where", "when",
    "while", "and", "but", "as", "after", "before", "since", "if", "because", "than", "has", "have", "had", "is",
    "was", "are", "were", "be", "been", "also", "then", "said", "says", "such", "like", "into", "over", "about",
    "among", "per", "via", "through", "during", "against", "why", "how", "there", "here", "it", "its", "his",
    "her", "their", "our", "my", "your", "this", "these", "those", "not", "no", "so", "or", "nor", "yet",
}


@lru_cache(maxsize=65536)
def tail_noun_phrase(chunk: str) -> str:
    """The noun phrase that ends a chunk ("... in what the police" -> "the police")."""
    words = chunk.split()
    phrase, first = _tail_phrase(words)
    # "A spokesman for the company", "Officials at the ministry", "One of the analysts", "a source close to the
    # talks": the person or source before the preposition speaks, not the body after it
    if phrase and first >= 2 and words[first - 1] in _OF_BODY and words[first - 2].lower().strip(",") in _PERSON_HEADS:
        head = tail_noun_phrase(" ".join(words[:first - 1]))
        if head:
            return f"{head} {words[first - 1]} {phrase}"
    if phrase and first >= 3 and words[first - 1] == "to" and words[first - 2] == "close" and \
            words[first - 3].lower() in _PERSON_HEADS:
        head = tail_noun_phrase(" ".join(words[:first - 2]))
        if head:
            return f"{head} close to {phrase}"
    return phrase


_OF_BODY = {"of", "for", "at", "from", "with"}
# the heads of a phrase that names a person or source by their place in a body (a lower-case word: "Officials", "One"
# open a sentence)
_PERSON_HEADS = frozenset(SOURCE_RUNS | {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources", "head", "chief",
    "chairman", "chairwoman", "president", "director", "executive", "executives", "member", "members", "one", "some",
    "many", "most", "several", "each", "both", "all", "representative", "representatives", "lawyer", "lawyers",
    "attorney", "attorneys", "economist", "economists", "analyst", "analysts", "manager", "managers", "officer",
    "officers", "minister", "ministers", "secretary", "governor", "leader", "leaders", "researcher", "researchers",
})


def _tail_phrase(words: list[str]) -> tuple[str, int]:
    """The noun phrase that ends `words` and the index of its first word."""
    out: list[str] = []
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        bare = w.strip(",.;:").lower()
        if not out and bare in _TRAILING_ADVERBS:
            continue  # "this person also said": the adverb before the verb is no part of the subject
        if out and (w[-1:] == ";" or w in _DASHES):
            break  # "the Defence Secretary; he described": a semicolon or a spaced dash ends the clause
        if bare in {"his", "her", "its", "their"} and out:
            out.append(w)
            break
        if bare in _NP_STOP and not (bare in {"his", "her", "its", "their", "it"} and not out):
            # "American Telephone and Telegraph Co", "Tesco and Salling", "Thai and foreign bankers": "and" after a
            # capitalised word is inside the phrase
            if bare == "and" and out and i > 0 and words[i - 1][:1].isupper():
                out.append(w)
                continue
            break
        if w[:1].islower() and _is_finite(bare) and bare not in {"led", "elected", "based"}:
            break
        out.append(w)
        first = i
        if bare in {"the", "a", "an"}:
            if i >= 3 and words[i - 1] == "of":  # "Cardinal Marc Ouellet of the Holy See": the person, not the body
                name = name_ending(words[:i - 1])
                if name:
                    return name, i - 3
            if i >= 2 and words[i - 1] in _TOPIC_PREPOSITIONS and DOCUMENT_WORDS.fullmatch(words[i - 2].strip(",")):
                # "The report on the economy said", "The family's statement on the death read": the document speaks,
                # not its topic
                head = tail_noun_phrase(" ".join(words[:i - 1]))
                if head:
                    return f"{head} {words[i - 1]} {' '.join(reversed(out))}", i - 2
            break
    return " ".join(reversed(out)), first


_TOPIC_PREPOSITIONS = {"on", "about", "into", "regarding", "concerning"}


_TRAILING_ADVERBS = {"also", "then"}
_DASHES = {"—", "–"}


_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=65536)
def usable_np(np: str) -> bool:
    words = np.split()
    lowered_lead = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if lowered_lead is not None and 0 < lowered_lead <= 4 and words[0].lower() not in _NP_STOP:
        return True  # "former federal prosecutor Elie Honig"
    return bool(np) and bool(_LETTER.search(np)) and (
        np[:1].isupper() or np.lower() in PRONOUNS or np.lower().startswith(("the ", "a ", "an ", "his ", "her ", "its ", "their "))
    ) and np.lower() not in _NO_SPEAKER or _lower_group(np)


# a lone opener left by an interview line or a subordinate clause (") Because", "What", "So you") speaks for nobody
_NO_SPEAKER = {"the", "a", "an", "you", "because", "what", "why", "how", "when", "where", "if", "whether", "having",
               "saying", "being", "so you", "the more"} | DISCOURSE_LEADS


def _lower_group(np: str) -> bool:
    """"many economists", "union leaders": a lower-case phrase whose head names a group of sources or an organisation
    (what is left of "Though many economists", "But analysts" once the opener goes)."""
    words = np.split()
    head = words[-1].lower() if words else ""
    if len(words) > 2 and words[1] in _OF_BODY | {"close"} and words[0] in _PERSON_HEADS:
        return np[:1].islower()  # "lawyers for the victims' survivors", "sources close to the talks"
    return np[:1].islower() and (head in SOURCE_RUNS or head in ORGANIZATION_RUNS)


_COMMA = re.compile(r"(,)")


def comma_chunks(before: str, base: int) -> list[tuple[str, int]]:
    out, pos = [], 0
    for part in _COMMA.split(before):
        if part != ",":
            out.append((part, base + pos))
        pos += len(part)
    return out


def located(np: str, chunk: str, chunk_start: int, last: bool = False) -> Mention:
    """The mention with offsets only when it is verbatim in the chunk: cleaning drops parentheticals
    ("Corp (CMB) president") and collapses line breaks, and such a speaker is no single document slice."""
    at = chunk.rfind(np) if last else chunk.find(np)
    if not np or at < 0:
        return Mention(np, None, None)
    return Mention(np, chunk_start + at, chunk_start + at + len(np))

