"""Who said it: find the speaker mention and cue around a quote, and resolve pronouns, surnames and
"the statement" to the most specific mention the article gives.

Works on short strings (the attribution clause next to a quote), so the regexes stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.noun_phrases import (
    Mention,
    clean_np,
    comma_chunks,
    located,
    noun_phrase,
    tail_noun_phrase,
    usable_np,
)
from tasks.reporting_verbs import ADVERBIAL_STARTS, ALL_FORMS, FINITE_FORMS, LEMMA, PRONOUNS
from tasks.speaker_kinds import PARTY_TAG, TITLE_WORDS, is_name_chunk, is_pure_name, speaker_kind

# The word alternative is possessive: whatever follows a token (`\s`, `[\s,]`, `\s*` before punctuation or the end)
# cannot start with a word character, so giving characters back never leads to a match, and the patterns below
# failed slowly by trying every shorter token (same matches; a failing AFTER_SPEAKER_VERB cost ~20-40k instructions).
_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr)\.|[\w'’&-]++)"
_ADV = r"(?:\s+(?:has|had|have|also|later|then|further|previously|repeatedly|again|once|quickly|publicly|reportedly|earlier|simply))*"
_VERB = rf"(?P<v>\b(?:{FINITE_FORMS})\b)"
AFTER_SPEAKER_VERB = re.compile(rf"^[\s,;:—–-]*(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?){_ADV}\s+{_VERB}")
# "tweeted Mayor of London Sadiq Khan (no relation)." : a short bracket after the name is no part of it
AFTER_VERB_SPEAKER = re.compile(rf"^[\s,;:—–-]*{_VERB}\s+(?P<sp>{_TOKEN}(?:[\s,]+{_TOKEN}){{0,9}}?)\s*(?:\([^()]{{1,30}}\)\s*)?(?=[,.;:!?]|$)")
AFTER_ACCORDING = re.compile(rf"^[\s,;:—–-]*according to\s+(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?)\s*(?=[,.;:!?]|$)", re.I)
BEFORE_ACCORDING = re.compile(r"\baccording to\s+(?P<sp>[^,;:]+?)\s*[,:]?\s*$", re.I)
LAST_VERB = re.compile(rf"\b(?:{ALL_FORMS})\b")
# Leads with the punctuation so the regex engine skips to [.!?] instead of trying the lookbehind at
# every character (7x faster); callers use only where a break ends, which is unchanged.
SENTENCE_BREAK = re.compile(r"[.!?](?<=[a-z0-9)\]]{2}[.!?]|[A-Z]{2}[.!?])[\"”’]?\s+(?=[A-Z\"“‘'\[])")

_QUOTED_AS = re.compile(r"\bquoted\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")
_WHO_WHICH = re.compile(r"\s*(?:who|which)\s*")
_WITH = re.compile(r"\s*with\s")
_OWN_SUBJECT = re.compile(r"^\s*(?:which|whom|that)\s+(?=(?:[A-Z]|(?:he|she|they|the|a|an|his|her|their|its)\s))")


def subject_mention(before: str, base: int, participle: bool = False, subject_first: bool = False) -> Mention | None:
    """The speaker in the text before a reporting verb: the noun phrase right before the verb, else
    the clause subject (preferring its proper-name appositive: "The Vice President, Mike Pence,")."""
    m = _subject_mention(before, participle, subject_first)
    return None if m is None else Mention(m.text, None if m.start is None else m.start + base, None if m.end is None else m.end + base)


# Reuters repeats subjects ("The company", "Bank officials"): memoised on the string, offsets relative to it.
@lru_cache(maxsize=65536)
def _subject_mention(before: str, participle: bool, subject_first: bool) -> Mention | None:
    base = 0
    quoted = _QUOTED_AS.search(before) if "quoted" in before else None  # `re` tries a \b pattern at every position
    if quoted:
        return Mention(quoted.group(1), base + quoted.start(1), base + quoted.end(1))
    chunks = comma_chunks(before, base)
    last_text, last_start = chunks[-1]
    own = _OWN_SUBJECT.match(last_text)
    if own:  # "the decision, which Ross has referred to as": the relative clause has its own subject
        last_text, last_start = last_text[own.end():], last_start + own.end()
    tail = clean_np(tail_noun_phrase(clean_np(last_text)))
    if tail.lower() in {"who", "which"} or (not tail and _WHO_WHICH.fullmatch(last_text)):
        tail = ""
        # "Thomas Gray, 24, who cited": the age between the name and "who" is skipped
        k = 3 if len(chunks) > 2 and chunks[-2][0].strip().isdigit() else 2
        if len(chunks) >= k:
            prev_text, prev_start = chunks[-k]
            np = clean_np(tail_noun_phrase(prev_text))
            if usable_np(np):
                return located(np, prev_text, prev_start, last=True)
    tail_ok = usable_np(tail) and (not participle or is_pure_name(tail) or tail.lower() in PRONOUNS)
    if tail_ok and not subject_first and len(chunks) > 1:
        named = _appositive_name(chunks)
        if named is not None:
            return named
    if tail_ok and (not subject_first or _WITH.match(last_text)):  # "..., with Scalise calling it"
        return located(tail, last_text, last_start, last=True)
    best: Mention | None = None
    for text, start in chunks:
        lead = text.lstrip()
        first = lead.split(" ", 1)[0].lower() if lead else ""
        if first in {"while", "and", "but", "which", "who", "whereas"}:
            lead = lead.split(" ", 1)[1] if " " in lead else ""
            first = lead.split(" ", 1)[0].lower() if lead else ""
        if not lead or first in ADVERBIAL_STARTS or first.endswith("ly") or (first.endswith("ing") and lead[:1].islower()):
            continue
        np = clean_np(noun_phrase(clean_np(lead)))
        if not usable_np(np):
            continue
        if best is None or (is_pure_name(np) and not is_pure_name(best.text)):
            best = located(np, text, start)
            if is_pure_name(np):
                break  # nothing later replaces a proper name
    return best if best is not None or not tail_ok else located(tail, last_text, last_start, last=True)


_NOT_APPOSITIVE = {"but", "and", "or", "so", "yet", "while", "whereas", "although", "though", "which", "that", "whose",
                   "whom", "because", "since", "as", "if", "when", "after", "before", "where", "he", "she", "it", "they",
                   "we", "i"}


def _appositive_name(chunks: list[tuple[str, int]]) -> Mention | None:
    """"John Smith, a spokesman for the company, said", "Russell Zimmerman, executive director of the X, said": a
    name followed by its appositive (or an adjunct, "Smith, in a statement,") speaks, not the noun the appositive ends
    with. None when the last chunk is a clause of its own ("Smith resigned, and the company said") or a name."""
    name_text, name_start = chunks[-2]
    name, last = name_text.strip(), chunks[-1][0].strip()
    if not last or not (name[:1].isupper() or len(chunks) > 2):
        return None  # the common case, checked first: no capitalised chunk before the last one
    if len(chunks) > 2 and is_name_chunk(chunks[-3][0].strip()):
        if not PARTY_TAG.match(name):
            return None  # "Zambia, Mozambique, Botswana and Zimbabwe": a list of names
        name_text, name_start = chunks[-3]  # "Sen. Tom Harkin, D-Iowa, sponsor of the bill"
        name = name_text.strip()
    if _DESCRIPTION.match(last) and noun_phrase(last) == last:
        return _described(name_text, name_start)
    if not last or not is_name_chunk(_untitled(name)) or is_pure_name(last) or all(w[:1].isupper() for w in last.split()):
        return None  # "Speaking in Hermosillo, Sonora State, Deputy Finance Minister Francisco Suarez Davila": a titled name
    first = last.split(None, 1)[0].lower()
    if first in _NOT_APPOSITIVE or first.endswith("ly") or (last[:1].isupper() and " and " in last and " of " not in last):
        return None  # a clause of its own ("..., because it said"), or a list ("Manny, Moe and Jack Inc")
    if first != "who" and noun_phrase(last) != last:
        return None  # a finite verb: its own clause
    np = clean_np(name)
    return located(np, name_text, name_start) if usable_np(np) else None


def _untitled(name: str) -> str:
    """A name without the titles before it ("Captain Rosalo Ylagan" -> "Rosalo Ylagan"), for the name test."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


# An appositive that ranks what it follows ("Mine officials in Malaysia, the world's leading producer, said", "Ford,
# the nation's second largest auto maker, said"): it describes the subject before it, which speaks.
_DESCRIPTION = re.compile(
    r"^(?:the|one of the)\s+(?:[\w-]+['’]s\s+)?(?:(?:second|third|fourth|fifth|sixth|single|very)[\s-]+)?"
    r"(?:largest|biggest|leading|top|main|major|smallest|dominant|principal|oldest|largest-ever|No\.?\s*\d+)\b")


def _described(text: str, start: int) -> Mention | None:
    """The subject a ranking appositive follows: the whole chunk when it is a noun phrase with no verb, no opener,
    and a source, organisation or name as its speaker."""
    lead = text.strip()
    first = lead.split(None, 1)[0].lower() if lead else ""
    if not lead or first in ADVERBIAL_STARTS or first in _NOT_APPOSITIVE or first.endswith("ly") or noun_phrase(lead) != lead:
        return None
    np = clean_np(lead)
    if not usable_np(np) or np.lower() in PRONOUNS or speaker_kind(np) == "unknown":
        return None
    return located(np, text, start)


@dataclass
class Attribution:
    speaker: Mention | None
    cue: str | None
    frames_directly: bool = False  # the quote follows the verb/colon: a direct quote


_LOWER_NEXT = re.compile(r"^[\s,]*[a-z]")
_NEW_CLAUSE = {"but", "and", "or", "so", "yet", "while", "whereas", "although", "though"}


# 'rose in a "sharp increase" last week, according to a spokesperson.': the source that ends the sentence, when
# nothing attributes the quote before it (tried last; no quotation mark in between)
LATE_ACCORDING = re.compile(rf"^[^\"“”,;:]{{0,40}},\s*according to\s+(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?)\s*(?=[.!?]|$)", re.I)
_AFTER_PATTERNS = ((AFTER_ACCORDING, "according to"), (AFTER_VERB_SPEAKER, None), (AFTER_SPEAKER_VERB, None),
                   (LATE_ACCORDING, "according to"))


def attribution_after(suffix: str, base: int, quoted: str) -> Attribution | None:
    """'"...," X said' / '"...," said X' / '"...", according to X'. A quote that ends its own
    sentence with a period cannot be attributed by what follows (an editor's bracketed period, "incurable[.]", too)."""
    end = quoted.rstrip("'’ ]")[-1:]
    if end == "." or (end in "?!" and not _LOWER_NEXT.match(suffix)):
        return None
    for regex, lemma in _AFTER_PATTERNS:
        m = regex.match(suffix)
        if m:
            if m.group("sp").split(None, 1)[0].lower() in _NEW_CLAUSE:
                continue  # '"self-defense," but experts say ...': a clause of its own, not the quote's attribution
            sp = clean_np(m.group("sp"))
            if " per " in sp:  # "said Russell Zimmerman per ABC News": the outlet that carried the words goes
                sp = sp.split(" per ", 1)[0]
            if regex is AFTER_VERB_SPEAKER and not _ADJUNCT_WORDS.isdisjoint(sp.split()):
                # 'said Kipchoge after the run', 'said Gardner in a telephone interview with Reuters': an adjunct after
                # the inverted name goes ("said Residents in the Copperbelt", "said Jardine Ltd in Tokyo" keep theirs)
                adjunct = _ADJUNCT_TAIL.match(sp)
                sp = adjunct.group(1) if adjunct else sp
            if not usable_np(sp):
                continue
            if regex is AFTER_VERB_SPEAKER and not is_pure_name(sp) and suffix[m.end():m.end() + 1] == ",":
                named = _CLOSING_NAME.match(suffix, m.end())
                if named and speaker_kind(named.group("name")) == "person":  # 'said Acme's chief executive, John Smith.'
                    return Attribution(Mention(named.group("name"), base + named.start("name"), base + named.end("name")),
                                       LEMMA[m.group("v")])
            return Attribution(located(sp, m.group("sp"), base + m.start("sp")), lemma or LEMMA[m.group("v")])
    return None


_ADJUNCT_WORDS = frozenset({"in", "on", "after", "during", "before", "via", "upon"})
_ADJUNCT_TAIL = re.compile(
    r"^(.*?[A-Z][\w'’.&-]*)\s+(?:in|on|after|during|before|via|upon)\s+(?!(?:a|an|the|its|his|her|their)\s+[A-Z])[a-z].*$", re.S)


# the appositive chain after an inverted speaker that ends the sentence with a person's name
_CLOSING_NAME = re.compile(r"(?:,[^,.;:!?\"“”]{1,60})?,\s*(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})\s*(?:[.!?]|$)")


ACCORDING_START = re.compile(r"^\s*According to (?P<sp>[^,]{2,80}),")


# "the team's claims", "his comments", "a report": a verb form after a determiner or possessive is a noun
_NOUN_LEAD = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|these|those|this|that)|['’]s)\s+$", re.I)


_WHO_WHICH_WORD = re.compile(r"\s*(?:who|which)\b")
_DIRECT_GAP = re.compile(r"(?:\s+(?:on|in|at|via|to|during|through)\b[^,:\"“]{0,60}?)?\s*[,:]?\s*")
_WORD = re.compile(r"\w")


def _noun_lead(prefix: str, at: int) -> bool:
    """_NOUN_LEAD before `at`, searched only over the last word and the spaces before `at`: the
    determiners are at most 5 letters, and a search over the whole prefix per verb was quadratic."""
    j = at
    while j > 0 and prefix[j - 1].isspace():
        j -= 1
    return j < at and bool(_NOUN_LEAD.search(prefix, max(0, j - 6), at))


def _according_before(prefix: str) -> re.Match | None:
    """BEFORE_ACCORDING.search, skipped on ASCII text without the words (there IGNORECASE folds only ASCII
    letters): `re` tried the pattern at every word start of every prefix (~10k instructions each)."""
    if prefix.isascii() and "according to" not in prefix.lower():
        return None
    return BEFORE_ACCORDING.search(prefix)


def attribution_before(prefix: str, base: int) -> Attribution | None:
    """'X said: "..."', 'X told Y that "...', 'According to X, "...', '..., read the statement, "...'."""
    m = _according_before(prefix) or ACCORDING_START.match(prefix)
    if m and m.re is ACCORDING_START and LAST_VERB.search(prefix, m.end()) and not _WHO_WHICH_WORD.match(prefix, m.end()):
        # "According to ISNA, the prosecutor, Ali Mehr, said "...": the source reports; the verb's subject speaks
        inner = attribution_before(prefix[m.end():], base + m.end())
        if inner is not None and inner.speaker is not None:
            return inner
    if m:
        sp = clean_np(m.group("sp"))
        return Attribution(located(sp, m.group("sp"), base + m.start("sp")), "according to", True)
    verbs = [v for v in LAST_VERB.finditer(prefix) if not _noun_lead(prefix, v.start())]
    if not verbs:
        if prefix.rstrip().endswith(":"):
            # no verb: "Trump took a parting shot on Twitter:" is the subject's, not the object's
            return Attribution(subject_mention(prefix.rstrip()[:-1], base, subject_first=True), None, True)
        return None
    v = verbs[-1]
    before, between = prefix[: v.start()], prefix[v.end():]
    direct = bool(_DIRECT_GAP.fullmatch(between))
    if not _WORD.search(before) and _WORD.search(between):
        np = clean_np(between)
        return Attribution(located(np, between, base + v.end()) if usable_np(np) else None, LEMMA[v.group()], True)
    ing = v.group().endswith("ing")  # ", saying": the clause subject speaks, not the noun before the comma
    return Attribution(subject_mention(before, base, participle=ing, subject_first=ing), LEMMA[v.group()], direct)


def subject_fallback(prefix: str, base: int) -> Mention | None:
    """With no reporting verb, a proper-name subject still says whose words a fragment is
    ("Trump, on Twitter, attacked it as "..."")."""
    m = subject_mention(prefix, base, participle=True)
    return m if m and (is_pure_name(m.text) or m.text.lower() in PRONOUNS) else None
