"""Who said it: find the speaker mention and cue around a quote, and resolve pronouns, surnames and
"the statement" to the most specific mention the article gives.

Works on short strings (the attribution clause next to a quote), so the regexes stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.reporting_verbs import (
    ADVERBIAL_STARTS,
    ALL_FORMS,
    DOCUMENT_WORDS,
    LEMMA,
    ORGANIZATION_WORDS,
    PRONOUNS,
    SOURCE_WORDS,
    TRAILING_NOISE,
)

_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr)\.|[\w'’&-]+)"
_ADV = r"(?:\s+(?:has|had|have|also|later|then|further|previously|repeatedly|again|once|quickly|publicly|reportedly|earlier|simply))*"
_VERB = rf"(?P<v>\b(?:{ALL_FORMS})\b)"
AFTER_SPEAKER_VERB = re.compile(rf"^[\s,;:—–-]*(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?){_ADV}\s+{_VERB}")
AFTER_VERB_SPEAKER = re.compile(rf"^[\s,;:—–-]*{_VERB}\s+(?P<sp>{_TOKEN}(?:[\s,]+{_TOKEN}){{0,9}}?)\s*(?=[,.;:!?]|$)")
AFTER_ACCORDING = re.compile(rf"^[\s,;:—–-]*according to\s+(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,9}}?)\s*(?=[,.;:!?]|$)", re.I)
BEFORE_ACCORDING = re.compile(r"\baccording to\s+(?P<sp>[^,;:]+?)\s*[,:]?\s*$", re.I)
LAST_VERB = re.compile(rf"\b(?:{ALL_FORMS})\b")
SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]]{2}[.!?])[\"”’]?\s+(?=[A-Z\"“‘'\[])")
_RELATIVE = re.compile(r"\s+(?:who|which|whose|that|where|when)\b.*$")
_FINITE = re.compile(
    rf"^(?:{ALL_FORMS}|is|was|are|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should|"
    r"[a-z]+ed|took|gave|spoke|went|made|held|led|met|won|lost|sent|got|came|became|began|ran)$"
)
TITLE_WORDS = {
    "president", "vice", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman",
    "governor", "gov.", "mayor", "judge", "justice", "secretary", "minister", "prime", "attorney",
    "general", "speaker", "leader", "chairman", "chairwoman", "chair", "dr.", "mr.", "mrs.", "ms.",
    "captain", "sheriff", "spokesman", "spokeswoman", "ambassador", "former", "us", "u.s.", "ex",
    "interior", "health", "police", "prosecutor", "federal", "district", "state", "first", "lady",
    "assemblywoman", "assemblyman", "lt.", "gen.", "commander", "chief", "deputy", "king", "queen",
}


@dataclass
class Mention:
    text: str
    start: int | None
    end: int | None


def _clean_np(s: str) -> str:
    s = _RELATIVE.sub("", s)
    s = TRAILING_NOISE.sub("", s)
    return s.strip(" ,;:—–-\n")


def _noun_phrase(chunk: str) -> str:
    """The leading noun phrase of a clause: stop at the first word that looks like a finite verb."""
    words = chunk.split()
    out: list[str] = []
    for w in words:
        if w[:1].islower() and _FINITE.match(w.strip(",.;:")):
            break
        out.append(w)
    return " ".join(out)


def _has_name(np: str) -> bool:
    caps = [w for w in np.split()[1:] if w[:1].isupper()]
    return bool(caps) or (len(np.split()) == 1 and np[:1].isupper())


def subject_mention(before: str, base: int) -> Mention | None:
    """The speaker in the text before a reporting verb: the subject, or its proper-name appositive."""
    chunks = []
    pos = 0
    for part in re.split(r"(,)", before):
        if part != ",":
            chunks.append((part, base + pos))
        pos += len(part)
    best: Mention | None = None
    for text, start in chunks:
        lead = text.lstrip()
        first = lead.split(" ", 1)[0].lower() if lead else ""
        if not lead or first in ADVERBIAL_STARTS or (first.endswith("ing") and lead[:1].islower()):
            continue
        np = _clean_np(_noun_phrase(_clean_np(lead)))
        if not np or np.lower() in {"the", "a", "an"}:
            continue
        s = start + len(text) - len(lead)
        mention = Mention(np, s, s + len(np))
        if best is None:
            best = mention
        elif _has_name(np) and not _has_name(best.text):
            best = mention
    return best


@dataclass
class Attribution:
    speaker: Mention | None
    cue: str | None
    frames_directly: bool = False  # the quote follows the verb/colon: a direct quote


def attribution_after(suffix: str, base: int) -> Attribution | None:
    """'"...," X said' / '"...," said X' / '"...", according to X'."""
    for regex, lemma in ((AFTER_ACCORDING, "according to"), (AFTER_VERB_SPEAKER, None), (AFTER_SPEAKER_VERB, None)):
        m = regex.match(suffix)
        if m:
            sp = _clean_np(m.group("sp"))
            if not sp or (regex is AFTER_SPEAKER_VERB and sp[:1].islower() and sp.lower() not in PRONOUNS and not sp.lower().startswith(("the ", "a ", "an ", "his ", "her ", "its ", "their "))):
                continue
            start = base + m.start("sp")
            return Attribution(Mention(sp, start, start + len(sp)), lemma or LEMMA[m.group("v")])
    return None


def attribution_before(prefix: str, base: int) -> Attribution | None:
    """'X said: "..."', 'X told Y that "...', 'According to X, "...', '..., read the statement, "...'."""
    m = BEFORE_ACCORDING.search(prefix)
    if m:
        sp = _clean_np(m.group("sp"))
        return Attribution(Mention(sp, base + m.start("sp"), base + m.start("sp") + len(sp)), "according to", True)
    verbs = list(LAST_VERB.finditer(prefix))
    if not verbs:
        if prefix.rstrip().endswith(":"):
            return Attribution(subject_mention(prefix.rstrip()[:-1], base), None, True)
        return None
    v = verbs[-1]
    before, between = prefix[: v.start()], prefix[v.end():]
    direct = bool(re.fullmatch(r"(?:\s+(?:on|in|at|via|to|during|through)\b[^,:\"“]{0,60}?)?\s*[,:]?\s*", between))
    if not re.search(r"\w", before) and re.search(r"\w", between):
        np = _clean_np(between)
        s = base + v.end() + (len(between) - len(between.lstrip()))
        return Attribution(Mention(np, s, s + len(np)), LEMMA[v.group()], True)
    return Attribution(subject_mention(before, base), LEMMA[v.group()], direct)


def speaker_kind(speaker: str | None) -> str:
    if not speaker:
        return "unknown"
    low = speaker.lower()
    if DOCUMENT_WORDS.search(low):
        return "document"
    if SOURCE_WORDS.match(low):
        return "source"
    if ORGANIZATION_WORDS.search(low) or (speaker.isupper() and len(speaker) <= 6):
        return "organization"
    if low in PRONOUNS:
        return "unknown"
    return "person" if speaker[:1].isupper() else "unknown"


_OWNER_PATTERNS = [
    re.compile(r"(?P<o>[A-Z][\w'’.-]*(?:\s+(?:of|for|the|on|and|[A-Z][\w'’.-]*)){0,8})\s+(?:issued|released|put out|said in|published)\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?statement"),
    re.compile(r"statement\s+(?:from|by|of)\s+(?P<o>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’.-]*)){0,8})"),
    re.compile(r"(?P<o>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)(?:'s|’s)?\s+statement\b"),
]


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


@dataclass
class SpeakerResolver:
    """Per-document memory of speakers, so pronouns and surnames resolve to earlier mentions."""

    text: str
    history: list[tuple[str, str]] = field(default_factory=list)  # (speaker, kind)

    def resolve(self, mention: Mention | None, at: int) -> tuple[Mention | None, str]:
        if mention is None or not mention.text:
            return None, "unknown"
        low = mention.text.lower()
        if low in PRONOUNS:
            return self._pronoun(low)
        if low.startswith(("the statement", "the proclamation")) or re.fullmatch(r"(?:the|their|its|his|her|a)\s+(?:\w+\s+)?statement", low) or re.search(r"(?:'s|’s) statement$", mention.text):
            owner = self._statement_owner(mention.text, at)
            if owner:
                return owner, speaker_kind(owner.text) if speaker_kind(owner.text) != "document" else "organization"
        name = self._expand_surname(mention, at)
        return name, speaker_kind(name.text)

    def remember(self, speaker: str | None, kind: str) -> None:
        if speaker:
            self.history.append((speaker, kind))

    def _pronoun(self, pronoun: str) -> tuple[Mention | None, str]:
        wanted = {"person": ("person", "source"), "plural": ("organization", "source", "person"), "thing": ("organization", "document")}[PRONOUNS[pronoun]]
        for speaker, kind in reversed(self.history[-6:]):
            if kind in wanted:
                return Mention(speaker, None, None), kind
        return None, "unknown"

    def _statement_owner(self, mention: str, at: int) -> Mention | None:
        own = re.match(r"(?P<o>.+?)(?:'s|’s)\s+statement$", mention) or re.search(r"statement\s+(?:from|by|of)\s+(?P<o>.+)$", mention)
        if own:
            return self._expand_surname(Mention(_strip_titles(own.group("o")), None, None), at)
        window = self.text[max(0, at - 3000): at]
        best = None
        for regex in _OWNER_PATTERNS:
            for m in regex.finditer(window):
                owner = m.group("o").strip()
                if owner.lower() in {"the", "a"} or DOCUMENT_WORDS.search(owner.lower()):
                    continue
                if best is None or m.start() > best[0]:
                    best = (m.start(), owner)
        return Mention(best[1], None, None) if best else None

    def _expand_surname(self, mention: Mention, at: int) -> Mention:
        bare = _strip_titles(mention.text)
        if " " in bare or not bare[:1].isupper() or bare.lower() in PRONOUNS:
            return mention
        m = re.search(rf"(?:[A-Z][\w'’.-]+\s+){{1,3}}{re.escape(bare)}(?:\s+[A-Z][\w'’-]+(?=[,;.]))?", self.text[:at])
        if not m:
            return mention
        full = _strip_titles(m.group())
        return Mention(full, None, None) if full != bare else mention
