"""Person names in running text: the capitalised runs a sentence offers as he/she antecedents, their shape as a
person's name (titles, openers, particles and possessives handled), and the lone surnames the resolver expands.

Used by `tasks/speakers.py` (`SpeakerResolver`) and `tasks/indirect_speakers.py`. Pure string functions,
memoised: the same runs and mentions recur across a document and across Reuters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.reporting_verbs import ADVERBIAL_STARTS, DISCOURSE_LEADS, PRONOUNS
from tasks.speaker_kinds import NAME_PARTICLE_SET, NAME_PARTICLES, TITLE_WORDS, is_pure_name, organization_word

PARTICLE = "(?:" + "|".join(NAME_PARTICLES) + ")"
# A first name (plus middle initials or a particle) right before a surname: "Emily W. ", "Bill de ". The word is
# possessive: whitespace must follow it, so giving letters back never matched (-11% instructions per search).
# It opens a word: "pro-Western Zaire" gives Zaire no first name. (The look-behind follows the capital: one that led
# the pattern would cost `re` its skip to the next capital.)
FIRST_NAME = re.compile(r"([A-Z](?<![\w'’-][A-Z])[a-z][\w'’-]*+)\s+((?:[A-Z]\.\s+)*)$")
# "Akram al-Kaabi": a particle may be joined to the surname by a hyphen. A run opens with a capitalised word or a
# particle; the one leading class lets `re` skip in C to the ten letters that can open a match (a leading lookahead
# was tried at every position), and a lookbehind picks the branch of that letter, the particles in PARTICLE's order.
# A particle opens a word: inside one ("federal Judge John Smith", "while Reagan said") it swallowed the name after it.
_BY_LETTER = {c: [p[1:] for p in NAME_PARTICLES if p[0] == c] for c in dict.fromkeys(p[0] for p in NAME_PARTICLES)}
NAME_RUN = re.compile(
    rf"[A-Z{''.join(_BY_LETTER)}](?:(?<=[A-Z])[\w'’-]+|(?<![\w'’-].)(?:"
    + "|".join(f"(?<={c})(?:{'|'.join(rest)})" for c, rest in _BY_LETTER.items()) + "))"
    rf"(?:\s+(?:[A-Z]\.\s+)*(?:{PARTICLE}[\s-]+){{0,2}}[A-Z][\w'’-]+)*"
)
# a name right after these is a place ("held in Saudi Arabia", "outside Washington"), not a person
# ("according to Muyembe" names a source, round 14)
_PLACE_LEAD = re.compile(r"\b(?:in|at|from|outside|near|(?<![Aa]ccording )to|into|across|throughout)\s+(?:the\s+)?$")
NOT_NAMES = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "after", "before", "while", "when", "as",
    "but", "and", "he", "she", "it", "they", "we", "i", "his", "her", "their", "its", "there", "here", "if", "for",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "other", "another",
    "according", "however", "meanwhile", "also", "former", "then", "since", "during", "with", "from", "by", "of",
}
# Words that open a sentence before its subject, determiners and quantifiers among them ("Both Sears and Kellwood",
# "Earlier Reuters reported", "Neither Genentech"): never a first name, and dropped from the front of a candidate run.
# A preposition is no such word: "In Los Angeles" is a place, not the name "Los Angeles". A weekday after "Last" goes
# with it ("Last Friday Reagan").
_LEADS = frozenset((DISCOURSE_LEADS | ADVERBIAL_STARTS | {
    "all", "some", "each", "every", "neither", "either", "several", "many", "most", "few", "such", "previously",
    "recently", "currently", "lately", "until", "till", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}) - {"on", "in", "at", "for", "with", "from", "by", "to", "of", "over", "after", "before", "during", "since",
      "following", "regarding", "according", "as"})
# Round 14: the prepositions NOT_NAMES lacks are no first names either ("Without Nigeria the free trade zone ..." made the
# country "Without Nigeria"), nor is "Past" ("Past EVD outbreak mortality rates")
_PREPOSITIONS = frozenset({
    "without", "within", "despite", "against", "under", "among", "amongst", "amid", "beyond", "through", "throughout",
    "toward", "towards", "upon", "via", "unlike", "like", "across", "behind", "beside", "besides", "near", "past", "into",
    "onto", "until", "except", "per", "over", "around", "about", "above", "below", "beneath", "inside", "outside",
})
NOT_FIRST_NAMES = TITLE_WORDS | NOT_NAMES | _LEADS | _PREPOSITIONS
POSSESSIVE_END = re.compile(r"['’]s$")
_PARTICLE_NAME = re.compile(rf"{PARTICLE}\s+[A-Z][\w'’-]+")
SECOND_SURNAME = re.compile(r"\s+([A-Z][a-zà-ÿ][\w'’-]*)(?=[\s,.;:]+[a-z(,]|,)")  # 'Ricardo Rosselló Nevares, Puerto Rico's governor'
# A person's title or honorific right before a word ("President Reagan", "Mr. Baker", "Sheikh Yamani"): a surname the
# article never gives a first name is still a person when it carries one. Capitalised and no office that opens a
# firm or body ("General Motors", "Justice Department", "State Street" are no titles here).
PERSON_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|President|Senator|Sen|Rep|Congressman|Congresswoman|Governor|Gov|Mayor|"
    r"Judge|Premier|Chancellor|Ambassador|Chairman|Chairwoman|Minister|Secretary|King|Queen|Prince|Princess|Pope|"
    r"Sheikh|Cardinal|Archbishop|Bishop|Rabbi|Rev|Reverend|Professor|Prof|Gen|Col|Lt|Sgt|Capt|Sheriff)\.?\s+$")
@lru_cache(maxsize=65536)
def strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=16384)
def name_candidates(sentence: str) -> tuple[tuple[str, bool], ...]:
    """Capitalised runs of a sentence that may name a person (not after "in"/"at"/...: places), each with
    whether it opens the sentence. Memoised: consecutive pronouns look at the same previous sentence."""
    # A run that opens with a particle ("de Blasio", or "al" inside "totally") is never a pure name, so
    # never a person here: dropped before the resolver looks it up. _PLACE_LEAD ends in a space, so a
    # run not preceded by one needs no search.
    out = []
    for m in NAME_RUN.finditer(sentence):
        run = m.group()
        if run[0].isupper():
            i = m.start()
            if not (i and sentence[i - 1].isspace() and _PLACE_LEAD.search(sentence, max(0, i - 12), i)):
                # whether the run opens the sentence (its subject, openers included: "Last Friday Reagan")
                out.append((run, not sentence[:i].strip()))
    return tuple(out)


def drop_leads(run: str) -> str:
    """A capitalised run without the sentence opener it starts with ("Both Schlumberger" -> "Schlumberger")."""
    words = run.split()
    if len(words) < 2 or words[0].lower() not in _LEADS:
        return run
    while len(words) > 1 and words[0].lower() in _LEADS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def name_shape(raw: str) -> str | None:
    """A capitalised run as a person's name (titles and possessive dropped), or None when its words
    rule a person out; whether the article gives a first name is the resolver's to check."""
    name = POSSESSIVE_END.sub("", strip_titles(drop_leads(raw)))
    words = name.split()
    if len(words) > 2 and (len(words) > 4 or organization_word(name)):
        # "Japanese Finance Minister Kiichi Miyazawa", "Treasury Secretary James Baker": a nationality, portfolio or
        # body before the title; the name follows it (a firm stays one: "General Motors Corp" -> "Motors Corp")
        cut = [i for i, w in enumerate(words[:-1]) if w.lower() in TITLE_WORDS]
        if cut:
            words = words[cut[-1] + 1:]
            name = " ".join(words)
    if not words or words[0].lower() in NOT_NAMES or words[-1].lower() in NOT_NAMES or name.lower() in TITLE_WORDS:
        return None
    if organization_word(name) or len(words) > 4 or not is_pure_name(_without_particles(words)) or words[-1].lower() in TITLE_WORDS:
        return None
    return name


_ARTICLES = {"la", "le", "el", "los", "las", "les", "the"}


def _without_particles(words: list[str]) -> str:
    """A name's words without the particles inside it when it has the shape of a person's name, one first name,
    particles, one surname ("Barend du Plessis", "Karel van der Berg"); else the words as they are, so that
    places and firms with a particle stay no pure name ("Rio de Janeiro Port", "La Electricidad de Caracas",
    "Fuerzas Electricas de Catalunya", "Spain's Minas de Almaden")."""
    inner = [i for i, w in enumerate(words[1:-1], 1) if w in NAME_PARTICLE_SET]
    if not inner or inner[0] != 1 or inner[-1] != len(words) - 2 or len(inner) != len(words) - 2:
        return " ".join(words)
    first = words[0]
    if first.lower() in _ARTICLES or first.endswith(("'s", "’s")):
        return " ".join(words)
    return f"{first} {words[-1]}"

@lru_cache(maxsize=65536)
def surname(text: str) -> tuple[str | None, bool]:
    """The surname `expand` looks up (titles and possessive dropped), or None when the text is no lone
    surname; and whether that surname differs from the text beyond its titles."""
    bare = POSSESSIVE_END.sub("", strip_titles(text))
    particle = _PARTICLE_NAME.fullmatch(bare)
    if (" " in bare and not particle) or not (bare[:1].isupper() or particle) or bare.lower() in PRONOUNS:
        return None, False
    return bare, bare != text and bare != strip_titles(text)

