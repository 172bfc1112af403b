"""Who said it: find the speaker mention and cue around a quote, and resolve pronouns, surnames and
"the statement" to the most specific mention the article gives.

Works on short strings (the attribution clause next to a quote), so the regexes stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.reporting_verbs import (
    ADVERBIAL_STARTS,
    DISCOURSE_LEADS,
    PLACE_NAMES,
    PLACE_NAMES_ALONE,
    ALL_FORMS,
    FINITE_FORMS,
    DOCUMENT_WORDS,
    LEMMA,
    ORGANIZATION_WORDS,
    PRONOUNS,
    SOURCE_WORDS,
    NOISE_LAST_WORDS,
    TRAILING_NOISE,
)

# The word alternative is possessive: whatever follows a token (`\s`, `[\s,]`, `\s*` before punctuation or the end)
# cannot start with a word character, so giving characters back never leads to a match, and the patterns below
# failed slowly by trying every shorter token (same matches; a failing AFTER_SPEAKER_VERB cost ~20-40k instructions).
_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr)\.|[\w'’&-]++)"
_ADV = r"(?:\s+(?:has|had|have|also|later|then|further|previously|repeatedly|again|once|quickly|publicly|reportedly|earlier|simply))*"
_VERB = rf"(?P<v>\b(?:{FINITE_FORMS})\b)"
AFTER_SPEAKER_VERB = re.compile(rf"^[\s,;:—–-]*(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?){_ADV}\s+{_VERB}")
AFTER_VERB_SPEAKER = re.compile(rf"^[\s,;:—–-]*{_VERB}\s+(?P<sp>{_TOKEN}(?:[\s,]+{_TOKEN}){{0,9}}?)\s*(?=[,.;:!?]|$)")
AFTER_ACCORDING = re.compile(rf"^[\s,;:—–-]*according to\s+(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?)\s*(?=[,.;:!?]|$)", re.I)
BEFORE_ACCORDING = re.compile(r"\baccording to\s+(?P<sp>[^,;:]+?)\s*[,:]?\s*$", re.I)
LAST_VERB = re.compile(rf"\b(?:{ALL_FORMS})\b")
# Leads with the punctuation so the regex engine skips to [.!?] instead of trying the lookbehind at
# every character (7x faster); callers use only where a break ends, which is unchanged.
SENTENCE_BREAK = re.compile(r"[.!?](?<=[a-z0-9)\]]{2}[.!?]|[A-Z]{2}[.!?])[\"”’]?\s+(?=[A-Z\"“‘'\[])")
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
TITLE_WORDS = {
    "president", "vice", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman",
    "governor", "gov.", "mayor", "judge", "justice", "secretary", "minister", "prime", "attorney",
    "general", "speaker", "leader", "chairman", "chairwoman", "chair", "dr.", "mr.", "mrs.", "ms.",
    "captain", "sheriff", "spokesman", "spokeswoman", "ambassador", "former", "us", "u.s.", "ex",
    "interior", "health", "police", "prosecutor", "federal", "district", "state", "first", "lady", "supreme",
    "republican", "democrat", "democratic", "senate", "minority", "majority", "whip", "newly", "elected", "assemblywoman",
    "assemblywoman", "assemblyman", "lt.", "gen.", "commander", "chief", "deputy", "king", "queen",
}


@dataclass
class Mention:
    text: str
    start: int | None
    end: int | None


_NAME_PAREN = re.compile(r"\b(of|and|by|for|from|to|the|[a-z-]+(?:held|owned|based))\s+\(([^)]*)\)")
_PAREN = re.compile(r"\s*\(+[^()]*\)+")  # "((WN)) Well it": a doubled bracket goes whole
_TICKER = re.compile(r"(?<=\S)\s*<[A-Z0-9.][A-Z0-9. ]{0,9}>")  # "Reuters Holdings Plc <RTRS.L>": the ticker goes, a bracketed name stays
# "I've", "I would", "we did": a pronoun subject with its auxiliary is the pronoun
_PRONOUN_AUX = re.compile(r"^(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?:['’](?:ve|m|d|ll|re|s)|\s+(?:would|could|did|do|does|will|can|"
                          r"may|might|must|should|have|had|has|was|were|am|is|are))$")
_LY_TAIL = re.compile(r"(?<=\w)\s+[a-z]+ly$")
_NAME_OF_PLACE = re.compile(r"^(.*?[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+of\s+[A-Z][\w\s]+$")


def _noisy_end(s: str) -> bool:
    """Whether TRAILING_NOISE can match: its phrases all end in one of NOISE_LAST_WORDS (the regex
    alone tries every position of the string)."""
    tail = s[-16:]
    return not tail.isascii() or tail.rsplit(None, 1)[-1].lower() in NOISE_LAST_WORDS if tail.strip() else False


# Pure and called ~45k times on Reuters with many repeats (the same subject recurs): memoised.
@lru_cache(maxsize=65536)
def _clean_np(s: str) -> str:
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
    if s.endswith(("ly", "ly\n")):
        s = _LY_TAIL.sub(lambda m: m.group() if m.group().strip() in _LY_NOUNS else "", s)  # "... jointly"
    s = s.strip(" ,;:—–-\n.\"“”")
    if "<" in s or s[:1] in ")]:;":  # what an interview line or a Reuters ticker bracket leaves ("<WPP Group Plc>")
        s = _TICKER.sub("", s.lstrip(" )]:;,")).replace("<", "").replace(">", "").strip()
    if " " in s and s.split(" ", 1)[0].lower().rstrip(",") in DISCOURSE_LEADS:
        s = _drop_discourse(s)
    if len(s) <= 12 and s[:1] in "IWwHhSsTt":  # the longest is "They should"
        m = _PRONOUN_AUX.match(s)
        if m:
            s = m.group(1)
    m = _NAME_OF_PLACE.match(s) if "of" in s else None
    if m and m.group(1).split()[-1].lower() not in TITLE_WORDS and not ORGANIZATION_WORDS.search(m.group(1).split()[-1]):
        s = m.group(1)
    return s


def _drop_discourse(s: str) -> str:
    """"So I", "However Bonham", "Both Tesco and Salling", "But they": the words that open the sentence go."""
    words = s.split()
    while words and words[0].lower().rstrip(",") in DISCOURSE_LEADS:
        words = words[1:]
    return " ".join(words)


_LY_NOUNS = {"family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "italy", "kelly", "emily"}


@lru_cache(maxsize=65536)
def _noun_phrase(chunk: str) -> str:
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
def _tail_noun_phrase(chunk: str) -> str:
    """The noun phrase that ends a chunk ("... in what the police" -> "the police")."""
    words = chunk.split()
    out: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        bare = w.strip(",.;:").lower()
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
        if bare in {"the", "a", "an"}:
            break
    return " ".join(reversed(out))


_HYPHEN_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn)-[A-Z]")
_NOT_NAME_LEAD = TITLE_WORDS | {"the", "a", "an"}
_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=65536)
def _is_pure_name(np: str) -> bool:
    words = np.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or _HYPHEN_PARTICLE.match(w) for w in words) and words[0].lower() not in _NOT_NAME_LEAD


@lru_cache(maxsize=65536)
def _usable(np: str) -> bool:
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
    head = np.rsplit(None, 1)[-1].lower() if np.strip() else ""
    return np[:1].islower() and (head in _SOURCE_RUNS or head in _ORGANIZATION_RUNS)


def _chunks(before: str, base: int) -> list[tuple[str, int]]:
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


_COMMA = re.compile(r"(,)")
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
    chunks = _chunks(before, base)
    last_text, last_start = chunks[-1]
    own = _OWN_SUBJECT.match(last_text)
    if own:  # "the decision, which Ross has referred to as": the relative clause has its own subject
        last_text, last_start = last_text[own.end():], last_start + own.end()
    tail = _clean_np(_tail_noun_phrase(_clean_np(last_text)))
    if tail.lower() in {"who", "which"} or (not tail and _WHO_WHICH.fullmatch(last_text)):
        tail = ""
        if len(chunks) > 1:
            prev_text, prev_start = chunks[-2]
            np = _clean_np(_tail_noun_phrase(prev_text))
            if _usable(np):
                return located(np, prev_text, prev_start, last=True)
    tail_ok = _usable(tail) and (not participle or _is_pure_name(tail) or tail.lower() in PRONOUNS)
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
        np = _clean_np(_noun_phrase(_clean_np(lead)))
        if not _usable(np):
            continue
        if best is None or (_is_pure_name(np) and not _is_pure_name(best.text)):
            best = located(np, text, start)
            if _is_pure_name(np):
                break  # nothing later replaces a proper name
    return best if best is not None or not tail_ok else located(tail, last_text, last_start, last=True)


@dataclass
class Attribution:
    speaker: Mention | None
    cue: str | None
    frames_directly: bool = False  # the quote follows the verb/colon: a direct quote


_LOWER_NEXT = re.compile(r"^[\s,]*[a-z]")
_NEW_CLAUSE = {"but", "and", "or", "so", "yet", "while", "whereas", "although", "though"}


_AFTER_PATTERNS = ((AFTER_ACCORDING, "according to"), (AFTER_VERB_SPEAKER, None), (AFTER_SPEAKER_VERB, None))


def attribution_after(suffix: str, base: int, quoted: str) -> Attribution | None:
    """'"...," X said' / '"...," said X' / '"...", according to X'. A quote that ends its own
    sentence with a period cannot be attributed by what follows."""
    end = quoted.rstrip("'’ ")[-1:]
    if end == "." or (end in "?!" and not _LOWER_NEXT.match(suffix)):
        return None
    for regex, lemma in _AFTER_PATTERNS:
        m = regex.match(suffix)
        if m:
            if m.group("sp").split(None, 1)[0].lower() in _NEW_CLAUSE:
                continue  # '"self-defense," but experts say ...': a clause of its own, not the quote's attribution
            sp = _clean_np(m.group("sp"))
            if not _usable(sp):
                continue
            return Attribution(located(sp, m.group("sp"), base + m.start("sp")), lemma or LEMMA[m.group("v")])
    return None


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
        sp = _clean_np(m.group("sp"))
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
        np = _clean_np(between)
        return Attribution(located(np, between, base + v.end()) if _usable(np) else None, LEMMA[v.group()], True)
    ing = v.group().endswith("ing")  # ", saying": the clause subject speaks, not the noun before the comma
    return Attribution(subject_mention(before, base, participle=ing, subject_first=ing), LEMMA[v.group()], direct)


def subject_fallback(prefix: str, base: int) -> Mention | None:
    """With no reporting verb, a proper-name subject still says whose words a fragment is
    ("Trump, on Twitter, attacked it as "..."")."""
    m = subject_mention(prefix, base, participle=True)
    return m if m and (_is_pure_name(m.text) or m.text.lower() in PRONOUNS) else None


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
_ORGANIZATION_RUNS = frozenset(w for w in _ORGANIZATION_NAMES if " " not in w)
assert all(w.split()[-1] in _ORGANIZATION_RUNS for w in _ORGANIZATION_NAMES)
_DOCUMENT_NAMES = frozenset(w + s for w in _alternatives(DOCUMENT_WORDS.pattern, r"\b(?:", r")s?\b") for s in ("", "s"))
# SOURCE_WORDS can only match where one of its nouns is a whole run of the string: a cheap test before the regex
_SOURCE_RUNS = frozenset(_alternatives(SOURCE_WORDS.pattern.split("{0,4}?")[-1], "(?:", r")\b"))


def organization_word(s: str, whole: bool = False) -> bool:
    """ORGANIZATION_WORDS.search (fullmatch when `whole`), as set lookups where that is exact."""
    if s.isascii():
        s = s.lower()
        return s in _ORGANIZATION_NAMES if whole else not _ORGANIZATION_RUNS.isdisjoint(_WORD_RUN.findall(s))
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
    source = (not _SOURCE_RUNS.isdisjoint(runs) and _SOURCE_LOW.match(low)) if ascii_ else SOURCE_WORDS.match(low)
    # "Officials", "Analysts", "U.S. Officials": capitalised, yet a source noun is no surname
    if (source and not _is_pure_name(speaker)) or head in _SOURCE_RUNS:
        return "source"
    if _place(low, head):
        return "organization"
    # "Carl Hensman of the Bill and Melinda Gates Foundation", "Steve Peers of the University of Essex": a person's
    # name before "of" is the person's
    if " of " in speaker:
        named = speaker.split(" of ", 1)[0]
        if " " in named and _is_pure_name(named) and not organization_word(named):
            return "person"
    # "S and P", "P and O", "Duff and Phelps", "Standard and Poor's": initials or one word each side of "and" are a firm
    if (head in _ORGANIZATION_NAMES if ascii_ else ORGANIZATION_WORDS.fullmatch(head)) or (speaker.isupper() and len(speaker) <= 6) or (
            " and " in speaker and _FIRM_AND.fullmatch(speaker)):
        return "organization"
    org = not _ORGANIZATION_RUNS.isdisjoint(runs) if ascii_ else ORGANIZATION_WORDS.search(low)
    if org and not speaker.split()[-1][:1].isupper():
        return "organization"
    if org and len(speaker.split()) > 2 and not _is_pure_name(" ".join(speaker.split()[-2:])):
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
