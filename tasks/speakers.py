"""Speaker resolution: pronouns, surnames, titles, roles ("the governor") and "the statement" to the
most specific mention the article gives, in reading order within one document.

Per-document memory only; every lookup is a bounded window or a memoised per-document scan, so a
document with many attributions stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import chain
from typing import Iterator

from tasks.noun_phrases import Mention
from tasks.speaker_kinds import TITLE_WORDS, is_pure_name, organization_word, speaker_kind
from tasks.document_scans import finditer_near, last_break, organization_names, role_pattern, titled_names
from tasks.name_gender import gender_of
from tasks.person_names import (FIRST_NAME, NAME_RUN, NOT_FIRST_NAMES, NOT_NAMES, PERSON_TITLE, POSSESSIVE_END, SECOND_SURNAME,
                                drop_leads, name_candidates, name_shape, strip_titles, surname)
from tasks.reporting_verbs import COMPANY_FORMS, DOCUMENT_WORDS, PRONOUNS

_OWNER_PATTERNS = [
    re.compile(r"(?P<o>(?:[Tt]he\s+(?:[a-z]+\s+of\s+)?)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|on|and|[A-Z][\w'’.-]*)){0,8})\s+(?:issued|released|put out|said in|published)\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?statement"),
    re.compile(r"statement\s+(?:from|by|of)\s+(?P<o>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’.-]*)){0,8})"),
    re.compile(r"(?P<o>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)(?:'s|’s)?\s+statement\b"),
]
# The most whitespace runs a match has before its final "statement" (3 + 8 + 5; 1 + 5 + 1), so that
# document_scans.finditer_near tries each pattern only near the word; None: the pattern opens with the word.
_OWNER_RUNS = [16, None, 7]
_DOC_OWNER = re.compile(
    r"^(?:an?|the|this|that)\s+(?:[a-z]+\s+)?" + DOCUMENT_WORDS.pattern.removeprefix(r"\b") +
    r"\s+(?:(?:sent|released|issued|published|posted|put out|written|signed)\s+)?(?:by|from)\s+(?P<o>(?:the\s+)?[A-Z].*)$", re.I)
# the account a post came from stands for its owner
_ACCOUNT = re.compile(r"['’]s\s+(?:official\s+|personal\s+)?(?:(?:Twitter|Facebook|X|Instagram|YouTube|TikTok|Truth Social|social media)\s+)?(?:account|page|feed|handle|channel)$", re.I)
ROLE = re.compile(r"^(?:the|a)\s+(?P<role>(?:[a-z]+\s+){0,2}(?:president|governor|judge|senator|mayor|minister|speaker|commission|committee|court|secretary|chairman|spokesman|spokeswoman|prosecutor|sheriff|leader|department|ministry|agency|council|government|campaign|company|group))$", re.I)
_WORD_PUNCT = "_'’-"
_POSSESSIVE = re.compile(r"['’]s(?![\w'’-])")
# Round 13: a lone first name ("Terri said" after "Terri Collins"): the word once followed by one capitalised word that
# ends the run ("Terri Collins who", "Terri Collins,")
_SURNAME_AFTER = re.compile(r"\s+([A-Z][a-z][\w'’-]*)(?![\w'’-]|\s+[A-Z]|\s+(?:of|de|for)\s)")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s+$")
_WHO = re.compile(r",?\s+who\s")
# the title words that name a person's office ("First Interstate Bancorp", "State Street" open firms)
_OFFICE_WORDS = TITLE_WORDS - {"first", "state", "federal", "district", "us", "u.s.", "general", "supreme", "senate", "interior",
                               "health", "police", "republican", "democrat", "democratic", "majority", "minority", "newly",
                               "elected", "vice", "prime", "deputy", "chief", "lady", "ex", "former"}
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_CLAUSE_LINK = re.compile(r"\s+(?:during|on|in|at|after|before|when|while)\s")
_STATEMENT_WORD = re.compile(r"\b(?:statement|proclamation)\b")
_OWN_STATEMENT = re.compile(r"(?P<o>(?:[Tt]he\s+)?[\w.-]+(?:\s+[A-Z][\w.-]+)*)(?:'s|’s)\s+statement$")
_STATEMENT_OF = re.compile(r"statement\s+(?:from|by|of)\s+(?P<o>.+)$")
_SENTENCE_GAP = re.compile(r"[.!?]\s")
_OBJECT_PRONOUN = {"him": "he", "her": "she", "them": "they"}



@lru_cache(maxsize=65536)
def _route(text: str) -> tuple[str | None, tuple[str, int] | None, bool, str | None]:
    """What kind of mention a text is (pronoun, document with its owner, statement, role), from the
    text alone: memoised, since Reuters repeats "the company", "he", "officials" thousands of times."""
    low = _OBJECT_PRONOUN.get(text.lower(), text.lower())  # "According to him, ..." (round 14)
    if low in PRONOUNS:
        return low, None, False, None
    owner = _DOC_OWNER.match(text)
    if owner:
        return None, (_ACCOUNT.sub("", _CLAUSE_LINK.split(owner.group("o"))[0]), owner.start("o")), False, None
    statement = bool(_STATEMENT_WORD.search(low) and not DOCUMENT_WORDS.fullmatch(low.split()[0]) or low.startswith(("the statement", "their statement", "its statement")))
    role = ROLE.match(text)
    return None, None, statement, role.group("role") if role else None


_PRONOUN_GENDER = {"he": "m", "she": "f"}
# the speaker kinds a pronoun class may stand for, latest speaker first
_WANTED_KINDS = {"person": ("person", "source"), "plural": ("organization", "source", "person"), "thing": ("organization", "document")}


class SpeakerResolver:
    """Per-document memory of speakers, so pronouns, surnames, roles and "the statement" resolve to
    the most specific earlier mention."""

    # A plain slotted class: one is built per visited document (~11k on Reuters), and the dataclass
    # __init__ with five default factories cost twice as much as these literals.
    __slots__ = ("text", "history", "_last_person", "_full", "_gender", "_people", "_role_hits", "_lower", "_titled")

    def __init__(self, text: str):
        self.text = text
        self.history: list[tuple[str, str]] = []  # (speaker, kind)
        self._last_person: tuple[str, int] | None = None  # the last person speaker and where it was attributed
        self._full: dict[str, str | None] = {}
        self._gender: dict[str, str | None] = {}
        self._people: dict[str, str | None] = {}
        self._role_hits: dict[tuple[str, str], tuple[list[int], list[re.Match]]] = {}
        self._lower: str | None = None
        self._titled: dict[str, bool] = {}

    def resolve(self, mention: Mention | None, at: int) -> tuple[Mention | None, str]:
        if mention is None or not mention.text:
            return None, "unknown"
        pronoun, owner, statement, role = _route(mention.text)
        if pronoun:  # names after the pronoun ("he praised Soleimani's life:") are not its antecedent
            return self._pronoun(pronoun, min(at, mention.start) if mention.start is not None else at)
        if owner:  # "A tweet sent from Biden's Twitter account", "a statement released by Erdogan's office"
            who, o_at = owner
            named = self.expand(Mention(who, *((mention.start + o_at, mention.start + o_at + len(who)) if mention.start is not None else (None, None))), at)
            return named, speaker_kind(named.text)
        if statement:
            found = self._statement_owner(mention.text, at)
            if found:
                kind = speaker_kind(found.text)
                return found, "organization" if kind == "document" else kind
        if role:
            named = self._named_role(role, at)
            if named:
                return named, speaker_kind(named.text)
        name = self.expand(mention, at)
        return name, speaker_kind(name.text)

    def remember(self, speaker: str | None, kind: str, at: int = -1) -> None:
        if speaker:
            self.history.append((speaker, kind))
            if kind == "person":
                self._last_person = (speaker, at)

    def _pronoun(self, pronoun: str, at: int) -> tuple[Mention | None, str]:
        """he/she: the first person named in this sentence or the previous one (the subject the
        reader has in mind), agreeing in gender; else the last speaker that agrees; else the nearest
        name. they/it: the last organisation, source or document speaker."""
        cls = PRONOUNS[pronoun]
        gender = _PRONOUN_GENDER.get(pronoun)
        if cls == "person" and pronoun != "i":
            # names are looked up lazily: each costs a document scan the first time, and the answer is often the first
            people, since = self._recent_people(at)
            last = self._last_person
            met: list[str] = []
            # the speaker keeps its title ("Scripps Oceanography director Margaret Leinen", "British Trade and Industry
            # Secretary Paul Channon"), the candidates are the names alone
            same = (lambda name: name == last[0] or last[0].endswith(" " + name)) if last else (lambda name: False)
            if last and last[1] >= since:
                for name in people:
                    met.append(name)
                    if same(name):
                        break
            if met and same(met[-1]) and self._agrees(last[0], gender):
                # the person quoted in this or the previous sentence is the likeliest "he" ("..., Hook said. He added")
                return Mention(last[0], None, None), "person"
            first = next((name for name in chain(met, people) if self._agrees(name, gender)), None)
            if first is not None:
                return Mention(first, None, None), "person"
        wanted = _WANTED_KINDS[cls]
        for speaker, kind in reversed(self.history[-6:]):
            if kind in wanted and (kind != "person" or self._agrees(speaker, gender)):
                return Mention(speaker, None, None), kind
        if cls == "person":
            names = [g for m in NAME_RUN.finditer(self.text, max(0, at - 400), at)
                     if " " in (g := drop_leads(m.group())) and is_pure_name(g)]
            if names:
                return self.expand(Mention(names[-1], None, None), at), "person"
        return None, "unknown"

    def _recent_people(self, at: int) -> tuple[Iterator[str], int]:
        """Person names of the current sentence (before `at`) and the previous one, outside quotes,
        in the order a reader meets them (current sentence first), each once; and where the previous
        sentence starts."""
        para = _paragraph_start(self.text, at)
        if last_break(self.text, para, at, at) is None:  # no break in the paragraph before `at`
            para = _paragraph_start(self.text, max(0, para - 2))  # first sentence: the previous paragraph too
        lo = max(para, at - 600)
        window = self.text[lo: at]
        if '"' in window or "“" in window:
            window = _QUOTED.sub(lambda m: " " * len(m.group()), window)
        # the last two sentence breaks, found backwards (only they are needed)
        last = last_break(window, 0, len(window))
        before = last_break(window, 0, last.start()) if last else None
        cuts = [0] + [m.end() for m in (before, last) if m]
        # the current sentence (up to `at`) first, then the previous one
        sentences = (window[cuts[-1]:], window[cuts[-2]:cuts[-1]]) if len(cuts) > 1 else (window,)
        since = lo + cuts[-2] if len(cuts) > 1 else lo
        return self._names_in(sentences, at), since

    def _names_in(self, sentences: tuple[str, ...], at: int) -> Iterator[str]:
        out: list[str] = []
        people = self._people
        for sentence in sentences:
            for raw, opens in name_candidates(sentence):
                name = people[raw] if raw in people else self._person(raw, at)
                if name is None and opens:
                    name = self._titled_subject(raw, at)
                if name and name not in out:
                    out.append(name)
                    yield name

    def _person(self, raw: str, at: int) -> str | None:
        if raw not in self._people:
            self._people[raw] = self._as_person(raw, at)
        return self._people[raw]

    def _as_person(self, raw: str, at: int) -> str | None:
        name = name_shape(raw)
        if name is None:
            return None
        full = self.expand(Mention(name, None, None), at).text
        if " " not in full:
            return None  # a lone capitalised word is a person only if the article gave it a first name
        return full if speaker_kind(full) == "person" else None

    def _titled_subject(self, raw: str, at: int) -> str | None:
        """A surname the article never gives a first name, as the subject that opens a sentence ("President Reagan
        said", "Subroto told reporters"), is a person when some mention of it carries a person's title ("President
        Reagan", "Mr. Baker", "Minister Subroto"); "Twitter" or "Wednesday" carry none. Elsewhere such names are
        mostly objects ("after talks with President Suharto", "Reagan's announcement"), not what a he/she goes back to."""
        name = name_shape(raw)
        if name is None or " " in name or raw.endswith(("'s", "’s")):
            return None
        full = self.expand(Mention(name, None, None), at).text
        return full if " " not in full and self._is_titled(full) and speaker_kind(full) == "person" else None

    def _is_titled(self, word: str) -> bool:
        """Whether a person's title stands right before some mention of `word` in the document (once per word)."""
        if word not in self._titled:
            text = self.text
            self._titled[word] = any(PERSON_TITLE.search(text, max(0, s - 16), s) for s, _ in self._occurrences(word))
        return self._titled[word]

    def _agrees(self, name: str, gender: str | None) -> bool:
        if gender is None:  # they, I: any gender agrees (no scan of the name)
            return True
        found = self._gender_of(name)
        return found is None or found == gender

    def _gender_of(self, name: str) -> str | None:
        """Votes over every mention of the surname (tasks/name_gender.py), once per document."""
        surname = name.split()[-1]
        if surname not in self._gender:
            self._gender[surname] = gender_of(self.text, self._ascii_lower(), self._occurrences(surname))
        return self._gender[surname]

    def _ascii_lower(self) -> str | None:
        """The lower-cased text of an ASCII document (same offsets), for the lower-case twins of
        IGNORECASE patterns (3-4x faster in `re`); None for other documents (and the empty one, which
        has nothing to look up)."""
        if self._lower is None:
            self._lower = self.text.lower() if self.text.isascii() else ""
        return self._lower or None

    def _named_role(self, role: str, at: int) -> Mention | None:
        """'the governor' -> 'Kay Ivey' from the nearest earlier 'Governor Kay Ivey'; 'the commission'
        -> the nearest earlier capitalised name whose head it is (within 5000 characters)."""
        head = role.split()[-1].lower()
        person = self._last_match("person", head, at)
        if person and is_pure_name(person.group(1)):
            return self.expand(Mention(person.group(1), None, None), at)
        org = self._last_match("org", head, at)
        return Mention(org.group().strip(), None, None) if org else None

    def _last_match(self, kind: str, head: str, at: int) -> re.Match | None:
        """Each role pattern scans the document once ("the company" recurs in most Reuters stories);
        later lookups bisect its matches."""
        if (kind, head) not in self._role_hits:
            # the org pattern backtracks at every capitalised word: skip it when its head never appears
            absent = kind == "org" and head.capitalize() not in self.text
            if absent:
                found = []
            elif kind == "person" and self._ascii_lower() is not None:
                found = titled_names(self.text, self._lower, head)
            elif kind == "org":
                found = organization_names(self.text, head)
            else:
                found = list(role_pattern(kind, head).finditer(self.text))
            self._role_hits[kind, head] = ([m.end() for m in found], found)
        ends, found = self._role_hits[kind, head]
        i = bisect_right(ends, at) - 1
        return found[i] if i >= 0 and found[i].start() >= at - 5000 else None

    def _statement_owner(self, mention: str, at: int) -> Mention | None:
        own = _OWN_STATEMENT.search(mention) or _STATEMENT_OF.search(mention)
        if own:
            owner = Mention(strip_titles(own.group("o")), None, None)
            role = ROLE.match(owner.text)
            named = self._named_role(role.group("role"), at) if role else None
            return named or self.expand(owner, at)
        window = self.text[max(0, at - 3000): at]
        if "statement" not in window:  # every owner pattern holds the word; their scans backtrack at each capital
            return None
        best = None
        for regex, runs in zip(_OWNER_PATTERNS, _OWNER_RUNS):
            for m in regex.finditer(window) if runs is None else finditer_near(regex, window, "statement", runs):
                owner = m.group("o").strip()
                # "Turkey. According to a statement": an owner never spans a sentence or ends in a function word
                if owner.lower() in {"the", "a"} or DOCUMENT_WORDS.search(owner.lower()) or _SENTENCE_GAP.search(owner) or owner.split()[-1].lower() in NOT_NAMES:
                    continue
                if best is None or m.start() > best[0]:
                    best = (m.start(), POSSESSIVE_END.sub("", owner))  # "The family's statement on the death"
        return Mention(best[1], None, None) if best else None

    def _occurrences(self, word: str):
        """Whole-word occurrences by plain string search: a compiled regex per surname would cost
        more than the search itself."""
        text, n = self.text, len(word)
        i = text.find(word)
        while i >= 0:
            j = i + n
            # c.isalnum() or c in "_'’-" is `re`'s [\w'’-] for one character, without a regex call
            if (i == 0 or not ((c := text[i - 1]).isalnum() or c in _WORD_PUNCT)) and (
                j >= len(text) or not ((c := text[j]).isalnum() or c in _WORD_PUNCT) or _POSSESSIVE.match(text, j)  # "Donald Trump's 214"
            ):
                yield i, j
            i = text.find(word, j)

    def expand(self, mention: Mention, at: int) -> Mention:
        """A surname, or a title and surname ("President Trump", "Mayor de Blasio"), to the full name
        the article introduced ("Donald Trump", "Bill de Blasio", "Emily W. Murphy")."""
        bare, renamed = surname(mention.text)
        if bare is None:
            return mention
        if bare not in self._full:
            self._full[bare] = None
            for m_start, m_end in self._occurrences(bare):
                first = FIRST_NAME.search(self.text, max(0, m_start - 40), m_start)
                # a possessive is no first name ("AMR Corp's American" -> "American")
                if first and first.group(1).lower() not in NOT_FIRST_NAMES and not organization_word(first.group(1), whole=True) \
                        and not first.group(1).endswith(("'s", "’s")):
                    second = SECOND_SURNAME.match(self.text[m_end: m_end + 30])
                    last = second.group(1) if second and second.group(1).lower() not in NOT_NAMES and (
                        second.group(1).lower() in COMPANY_FORMS or not organization_word(second.group(1), whole=True)) else ""
                    self._full[bare] = " ".join(w for w in (first.group(1), first.group(2).strip(), bare, last) if w)
                    break
            if self._full[bare] is None and not renamed and bare == mention.text and bare.isalpha():
                self._full[bare] = self._first_name_of(bare)
        full = self._full[bare]
        if full and full != mention.text:
            return Mention(full, None, None)
        return Mention(bare, None, None) if renamed else mention


    def _first_name_of(self, first: str) -> str | None:
        """`first Surname` when the article once gives the lone word a surname after a person's title or role, or with
        `who` after it ("state representative Terri Collins who ..."): a firm also has two-word names ("Wyse
        Technology", "Salomon Brothers"), and a he/she after them was no safe test (3 of 15 Reuters changes worse)."""
        for m_start, m_end in self._occurrences(first):
            after = _SURNAME_AFTER.match(self.text, m_end, m_end + 30)
            if after is None:
                continue
            before = _WORD_BEFORE.search(self.text, max(0, m_start - 30), m_start)
            titled = before is not None and before.group(1).lower() in _OFFICE_WORDS
            if not titled and (before is None or before.group(1)[:1].isupper() or not _WHO.match(self.text, after.end())):
                continue
            last = after.group(1)
            full = f"{first} {last}"
            if (last.lower() not in NOT_NAMES and last.lower() not in COMPANY_FORMS and not organization_word(full)
                    and first.lower() not in NOT_FIRST_NAMES and is_pure_name(full) and not last.endswith(("'", "’", "'s", "’s"))):
                return full
        return None


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding `at` starts (0 in the first paragraph: `rfind` + 2 made that 1 and cut the
    document's first letter off the pronoun window, "The Reagan administration" -> "he Reagan")."""
    i = text.rfind("\n\n", 0, at)
    return 0 if i < 0 else i + 2


