"""What a speaker mention names: a person's name, an organisation, a group of sources, a document or a place.

`speaker_kind` gives the `speaker_kind` column of the quotes table; `is_pure_name` and the word sets here also
decide, in `tasks/attribution.py`, `tasks/noun_phrases.py` and `tasks/speakers.py`, which mentions are names.
Lookups only: no text is searched here but the mention itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.reporting_verbs import (
    ADVERBIAL_STARTS,
    DISCOURSE_LEADS,
    DOCUMENT_WORDS,
    ORGANIZATION_WORDS,
    PLACE_NAMES,
    PLACE_NAMES_ALONE,
    PRONOUNS,
    SOURCE_WORDS,
)

TITLE_WORDS = {
    "president", "vice", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman",
    "governor", "gov.", "mayor", "judge", "justice", "secretary", "minister", "prime", "attorney",
    "general", "speaker", "leader", "chairman", "chairwoman", "chair", "dr.", "mr.", "mrs.", "ms.",
    "captain", "sheriff", "spokesman", "spokeswoman", "ambassador", "former", "us", "u.s.", "ex",
    "interior", "health", "police", "prosecutor", "federal", "district", "state", "first", "lady", "supreme",
    "republican", "democrat", "democratic", "senate", "minority", "majority", "whip", "newly", "elected", "assemblywoman",
    "assemblywoman", "assemblyman", "lt.", "gen.", "commander", "chief", "deputy", "king", "queen",
}

_HYPHEN_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn)-[A-Z]")
_NOT_NAME_LEAD = TITLE_WORDS | {"the", "a", "an"}


@lru_cache(maxsize=65536)
def is_pure_name(np: str) -> bool:
    words = np.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or _HYPHEN_PARTICLE.match(w) for w in words) and words[0].lower() not in _NOT_NAME_LEAD


def _lowercase_twin(regex: re.Pattern) -> re.Pattern:
    """The same word list without IGNORECASE, for text already lower-cased: 3-4x faster in `re`, and
    equal on ASCII text (IGNORECASE also folds a few non-ASCII letters, so those keep the original)."""
    return re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)


_SOURCE_LOW = _lowercase_twin(SOURCE_WORDS)


def _alternatives(pattern: str, head: str, tail: str) -> list[str]:
    """The words of a `head(?:a|b|...)tail` word-list pattern (checked, so an edit of a list cannot desync)."""
    assert pattern.startswith(head) and pattern.endswith(tail), pattern
    words = pattern[len(head):-len(tail)].replace("communiqu[eé]", "communique|communiqué").split("|")
    assert all(re.fullmatch(r"[a-zé ]+", w) for w in words), pattern
    return words


# On ASCII lower-case text the lists are set lookups. Every word is letters only, so `\b(?:...)\b` matches in a string
# exactly where a whole `\w+` run is one of them: a search is a test of the string's runs (a two-word entry, "white
# house", ends in a listed word), a fullmatch one of the string itself.
_WORD_RUN = re.compile(r"\w+")
_ORGANIZATION_NAMES = frozenset(_alternatives(ORGANIZATION_WORDS.pattern, r"\b(?:", r")\b"))
ORGANIZATION_RUNS = frozenset(w for w in _ORGANIZATION_NAMES if " " not in w)
assert all(w.split()[-1] in ORGANIZATION_RUNS for w in _ORGANIZATION_NAMES)
_DOCUMENT_NAMES = frozenset(w + s for w in _alternatives(DOCUMENT_WORDS.pattern, r"\b(?:", r")s?\b") for s in ("", "s"))
# SOURCE_WORDS can only match where one of its nouns is a whole run of the string: a cheap test before the regex
SOURCE_RUNS = frozenset(_alternatives(SOURCE_WORDS.pattern.split("{0,4}?")[-1], "(?:", r")\b"))


def organization_word(s: str, whole: bool = False) -> bool:
    """ORGANIZATION_WORDS.search (fullmatch when `whole`), as set lookups where that is exact."""
    if s.isascii():
        s = s.lower()
        return s in _ORGANIZATION_NAMES if whole else not ORGANIZATION_RUNS.isdisjoint(_WORD_RUN.findall(s))
    return bool(ORGANIZATION_WORDS.fullmatch(s) if whole else ORGANIZATION_WORDS.search(s))


@lru_cache(maxsize=65536)
def speaker_kind(speaker: str | None) -> str:
    if not speaker:
        return "unknown"
    low = speaker.lower()
    ascii_ = low.isascii()
    head = low.split()[-1]
    if head in _DOCUMENT_NAMES if ascii_ else DOCUMENT_WORDS.fullmatch(head):
        return "document"
    if low in PRONOUNS:
        return "unknown"
    runs = _WORD_RUN.findall(low) if ascii_ else None
    source = (not SOURCE_RUNS.isdisjoint(runs) and _SOURCE_LOW.match(low)) if ascii_ else SOURCE_WORDS.match(low)
    # "Officials", "Analysts", "U.S. Officials": capitalised, yet a source noun is no surname
    if (source and not is_pure_name(speaker)) or head in SOURCE_RUNS:
        return "source"
    if _place(low, head):
        return "organization"
    # "Carl Hensman of the Bill and Melinda Gates Foundation", "Steve Peers of the University of Essex": a person's
    # name before "of" is the person's
    if " of " in speaker:
        named = speaker.split(" of ", 1)[0]
        if " " in named and is_pure_name(named) and not organization_word(named):
            return "person"
    # "S and P", "P and O", "Duff and Phelps", "Standard and Poor's": initials or one word each side of "and" are a firm
    if (head in _ORGANIZATION_NAMES if ascii_ else ORGANIZATION_WORDS.fullmatch(head)) or (speaker.isupper() and len(speaker) <= 6) or (
            " and " in speaker and _FIRM_AND.fullmatch(speaker)):
        return "organization"
    org = not ORGANIZATION_RUNS.isdisjoint(runs) if ascii_ else ORGANIZATION_WORDS.search(low)
    if org and not speaker.split()[-1][:1].isupper():
        return "organization"
    if org and len(speaker.split()) > 2 and not is_pure_name(" ".join(speaker.split()[-2:])):
        return "organization"
    words = speaker.split()
    if words[0].lower() in {"the", "a", "an"} and len(words) > 1:
        # "The FSB", "the Treasury", "The Coast Guard": a name after an article is no person's, unless a title ends it
        # ("the Texas Democrat") or it ends in a first name and surname ("the Exchequer Nigel Lawson")
        if words[-1].lower() in TITLE_WORDS:
            return "person" if words[-1][:1].isupper() else "unknown"
        if len(words) <= 3 and any(w[:1].isupper() for w in words[1:]):
            return "organization"
        if not any(w[:1].isupper() for w in words[1:]):
            return "unknown"
    return "person" if speaker[:1].isupper() else "unknown"


# the last word of every place name: a speaker ending otherwise names no place
_PLACE_HEADS = frozenset(p.rsplit(None, 1)[-1] for p in PLACE_NAMES | PLACE_NAMES_ALONE)
_FIRM_AND = re.compile(r"[A-Z][\w'’.&-]*\s+and\s+[A-Z][\w'’.&-]*")


def _place(low: str, head: str) -> bool:
    """A country or US state ("Ohio", "Saudi Arabia", "the U.S.") or a name ending in one ("Netflix Japan"), not
    after a title ("Prime Minister of India" is a person)."""
    if head not in _PLACE_HEADS:  # one set lookup for nearly every speaker
        return False
    if low in PLACE_NAMES or low in PLACE_NAMES_ALONE:
        return True
    if " " not in low or head in PLACE_NAMES_ALONE:
        return False
    words = low.split()
    last_two = " ".join(words[-2:])
    if head not in PLACE_NAMES and last_two not in PLACE_NAMES:
        return False
    return not any(w in TITLE_WORDS for w in words)


# "Chancellor of the Exchequer Nigel Lawson", "Archbishop of Canterbury": an office named after what it heads
_OFFICE_HEADS = {"chancellor", "director", "head", "professor", "commissioner", "dean", "officer", "member", "executive",
                 "manager", "duke", "duchess", "prince", "princess", "earl", "bishop", "archbishop", "emir", "sultan"}
# Lower-case words inside a name ("Bill de Blasio", "Ludwig van Beethoven"): the one list of the quote modules
# (tasks/speakers.py builds its name-run pattern from it). Arabic particles joined by a hyphen are _HYPHEN_PARTICLE's.
NAME_PARTICLES = ("de", "del", "dela", "da", "di", "du", "der", "den", "van", "von", "al", "bin", "le", "la")
NAME_PARTICLE_SET = frozenset(NAME_PARTICLES)


def name_ending(words: list[str]) -> str:
    """The person's name that ends `words` (two or more capitalised words, particles allowed, the last no title
    or organisation word), else ""."""
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() and w[-1:].isalpha() or (run and w in NAME_PARTICLE_SET):
            run.append(w)
        else:
            break
    while run and run[-1] in NAME_PARTICLE_SET:
        run.pop()
    caps = sum(1 for w in run if w[:1].isupper())
    last = run[0].lower() if run else ""
    if caps < 2 or last in TITLE_WORDS or last in _OFFICE_HEADS or ORGANIZATION_WORDS.search(run[0]) or run[-1] == "The":
        return ""  # "The Sunni Moslem Voice of the Homeland radio": a name that opens with "The" is no person's
    return " ".join(reversed(run))


PARTY_TAG = re.compile(r"^[DRI]-[A-Z][\w.]*$")  # "D-Iowa"


def is_name_chunk(name: str) -> bool:
    """A chunk that is a name and nothing else: not an opener ("Additionally", "In London") or an abbreviation ("Fla.")."""
    lead = name.split(None, 1)[0].lower() if name else ""
    return (is_pure_name(name) and not name.endswith(".") and lead not in ADVERBIAL_STARTS and lead not in DISCOURSE_LEADS
            and not lead.endswith("ly") and not PARTY_TAG.match(name))
