"""The one list of reporting verbs and their lemmas, plus the small word lists attribution needs.

Every other module builds its regexes from here, so adding a verb is a one-line change.
"""

from __future__ import annotations

import re

# Verbs that introduce a reported clause ("X said (that) ...") and can frame a direct quote.
CLAUSE_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "say", "saying"),
    "tell": ("told", "tells", "tell", "telling"),
    "add": ("added", "adds", "adding"),
    "state": ("stated", "states", "stating"),
    "claim": ("claimed", "claims", "claiming"),
    "warn": ("warned", "warns", "warning"),
    "deny": ("denied", "denies", "denying"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "announce": ("announced", "announces", "announcing"),
    "report": ("reported", "reports", "reporting"),
    "write": ("wrote", "writes", "writing", "written"),
    "read": ("read", "reads", "reading"),
    "note": ("noted", "notes", "noting"),
    "insist": ("insisted", "insists", "insisting"),
    "argue": ("argued", "argues", "arguing"),
    "explain": ("explained", "explains", "explaining"),
    "assert": ("asserted", "asserts", "asserting"),
    "allege": ("alleged", "alleges", "alleging"),
    "acknowledge": ("acknowledged", "acknowledges", "acknowledging"),
    "admit": ("admitted", "admits", "admitting"),
    "declare": ("declared", "declares", "declaring"),
    "remark": ("remarked", "remarks", "remarking"),
    "comment": ("commented", "comments", "commenting"),
    "tweet": ("tweeted", "tweets", "tweeting"),
    "post": ("posted", "posting"),
    "reply": ("replied", "replies", "replying"),
    "respond": ("responded", "responding"),
    "maintain": ("maintained", "maintains", "maintaining"),
    "stress": ("stressed", "stresses", "stressing"),
    "emphasize": ("emphasized", "emphasised", "emphasizing", "emphasising"),
    "clarify": ("clarified", "clarifies", "clarifying"),
    "concede": ("conceded", "concedes", "conceding"),
    "contend": ("contended", "contends", "contending"),
    "complain": ("complained", "complains", "complaining"),
    "testify": ("testified", "testifies", "testifying"),
    "reveal": ("revealed", "reveals", "revealing"),
    "point out": ("pointed out", "points out", "pointing out"),
    "continue": ("continued",),
    "speak": ("spoke", "speaking"),
}

# Verbs that frame a quoted fragment ("called it a 'sham'") but never introduce a clause.
FRAGMENT_VERBS: dict[str, tuple[str, ...]] = {
    "call": ("called", "calls", "calling"),
    "label": ("labeled", "labelled", "labels", "labeling", "labelling"),
    "describe": ("described", "describes", "describing"),
    "characterize": ("characterized", "characterised", "characterizes", "characterizing"),
    "refer": ("referred", "refers", "referring"),
    "denounce": ("denounced", "denounces", "denouncing"),
    "condemn": ("condemned", "condemns", "condemning"),
    "accuse": ("accused", "accuses", "accusing"),
    "dub": ("dubbed", "dubs"),
    "vow": ("vowed", "vows", "vowing"),
    "thank": ("thanked", "thanks", "thanking"),
    "put": ("put",),
}

# Round 13: speech verbs that frame a whole direct quote (`X observed, "..."`, `Y elaborated, "..."`) but are too often
# something else before a bare clause to introduce an indirect one (`observed a minute's silence`, `recalled 2005 cars`).
DIRECT_VERBS: dict[str, tuple[str, ...]] = {
    "observe": ("observed", "observes"),
    "recall": ("recalled", "recalls"),
    "elaborate": ("elaborated", "elaborates"),
    "exclaim": ("exclaimed", "exclaims"),
    "recount": ("recounted", "recounts"),
    "lament": ("lamented", "laments"),
    "quip": ("quipped", "quips"),
}

LEMMA: dict[str, str] = {
    form: lemma
    for table in (CLAUSE_VERBS, FRAGMENT_VERBS, DIRECT_VERBS)
    for lemma, forms in table.items()
    for form in forms
}

# "speaking", "reading", "writing" are too often nouns or non-reporting to frame an indirect clause.
_NOT_FOR_CLAUSES = {"speaking", "reading", "writing", "written", "put", "continued", "spoke", "reports", "posted", "posting"}


def _alternation(forms) -> str:
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


def _by_first_letter(forms) -> str:
    """The same alternation grouped by first letter (`s(?:aid|ays|...)|t(?:old|...)`), each group keeping
    the longest-first order: `re` tries each of the ~200 branches at every word start, and no two forms
    that start differently can match at one position, so the matches are the same (2-3x faster in `re`)."""
    groups: dict[str, list[str]] = {}
    for f in sorted((re.escape(f) for f in forms), key=len, reverse=True):
        groups.setdefault(f[0], []).append(f[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# ALL_FORMS and FINITE_FORMS go to Python's `re` only; CLAUSE_FORMS to polars, whose engine needs no grouping.
ALL_FORMS = _by_first_letter(LEMMA)
CLAUSE_FORMS = _alternation(f for fs in CLAUSE_VERBS.values() for f in fs if f not in _NOT_FOR_CLAUSES)
FINITE_FORMS = _by_first_letter(f for f in LEMMA if not f.endswith("ing"))
PARTICIPLES = _alternation(f for fs in CLAUSE_VERBS.values() for f in fs if f.endswith("ing") and f not in _NOT_FOR_CLAUSES)

PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}

# Leading words that make a comma-chunk an adverbial rather than a speaker.
ADVERBIAL_STARTS = {
    "on", "in", "at", "after", "following", "while", "when", "during", "since", "as", "last", "earlier",
    "yesterday", "today", "according", "however", "meanwhile", "regarding", "before", "speaking", "in",
    "for", "with", "from", "by", "but", "and", "also", "then", "later", "late", "early", "once", "if",
    "although", "though", "because", "responding", "commenting", "asked", "writing", "to", "of", "over",
    "separately", "previously", "this", "that", "these", "those", "there", "here", "now", "still",
}

# Words stripped from the end of a subject before the verb ("Pelosi has also", "Trump on Friday").
TRAILING_NOISE = re.compile(
    r"(?:\s+(?:has|have|had|also|then|later|previously|repeatedly|again|further|reportedly|earlier|"
    r"once|publicly|quickly|formally|specifically|would|will|could|had|was|is|not|never|yesterday|today|"
    r"tonight|(?:on|last|this|earlier|late on|early on) (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|night|morning)|(?:in|on|since|last|this|early|late|earlier) (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)|"
    r"in a (?:statement|tweet|post|letter|video|livestream)|"
    r"(?:on|via|in a post on) (?:Twitter|Facebook|X|Instagram|social media|television|TV)))+$",
    re.IGNORECASE,
)

# The last word of every TRAILING_NOISE phrase: a subject ending otherwise has no noise to strip.
NOISE_LAST_WORDS = {
    "has", "have", "had", "also", "then", "later", "previously", "repeatedly", "again", "further", "reportedly",
    "earlier", "once", "publicly", "quickly", "formally", "specifically", "would", "will", "could", "was", "is",
    "not", "never", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "week", "month", "year", "night", "morning", "statement", "tweet", "post", "letter",
    "video", "livestream", "twitter", "facebook", "x", "instagram", "media", "television", "tv", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}

# Words that open a sentence or clause without being part of its subject ("So I said", "However Bonham said",
# "But they said", "Both Tesco and Salling said", "Well, it ..."): dropped from the front of a speaker mention.
DISCOURSE_LEADS = {
    "so", "but", "and", "or", "nor", "however", "both", "even", "just", "well", "oh", "yes", "no", "also", "then",
    "yet", "still", "now", "thus", "meanwhile", "instead", "indeed", "moreover", "furthermore", "hence", "therefore",
    "anyway", "perhaps", "maybe", "okay", "ok", "again", "only", "too", "plus", "besides", "otherwise", "nonetheless",
    "nevertheless", "though", "although", "actually", "really", "finally", "secondly", "sadly", "unfortunately",
}

# Time adverbials that open a sentence before its subject ("Until now Mannesmann said", "Earlier today Kurzweil
# reported", "So far the company said"): dropped from the front of a mention when a name, pronoun or determiner
# follows ("Today newspaper said" keeps its word). Longest first, so "earlier today" goes whole.
TIME_LEADS = (
    "until recently", "until now", "up to now", "up until now", "till now", "so far", "for now", "for the moment",
    "at the moment", "at present", "since then", "to date", "earlier today", "earlier this week", "earlier",
    "yesterday", "today", "previously", "recently", "currently", "lately",
)
# what may follow a time lead for it to be one: a capitalised word, a pronoun or a determiner
TIME_LEAD_NEXT = r"(?:[A-Z]|(?:it|they|he|she|we|I|the|an?|its|his|her|their)(?:\s|$))"
# Round 14: a prepositional phrase that opens the sentence without a comma before its subject ("On the live television he
# said", "With the acquisition Salling said", "On Thursday officials reported"): a determiner and one to three lower-case
# words before a TIME_LEAD_NEXT word, or a weekday before any word. Group 1 or 2 is what is kept (polars has no look-ahead).
_OPENING_PREPOSITIONS = ("On", "In", "At", "With", "After", "During", "Following", "Under", "Upon", "From", "Since", "Before")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
PREPOSITION_LEAD = (
    r"^(?:" + "|".join(_OPENING_PREPOSITIONS) + r")\s+"
    r"(?:(?:the|a|an|this|that|its|his|her|their)\s+(?:[a-z][\w'’-]*\s+){1,3}(" + TIME_LEAD_NEXT + ")"
    r"|(?:" + _WEEKDAYS + r")(?:\s+(?:morning|afternoon|evening|night))?\s+(\S))"
    # "This Wednesday Greek Foreign Minister George Katrougalos", "Last week the company": group 3
    r"|^(?:This|Last)\s+(?:" + _WEEKDAYS + r"|week|weekend|month|year)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+(" + TIME_LEAD_NEXT + ")"
)
# the words PREPOSITION_LEAD opens with, for a cheap `str.startswith` before the regex
PREPOSITION_FIRST = tuple(f"{w} " for w in (*_OPENING_PREPOSITIONS, "This", "Last"))

# Countries and US states: a place that "said" something is its government or authorities (an organisation),
# never a person ("Ohio said", "Saudi Arabia denied", "Netflix Japan said", "Sustainable Australia said"). Names
# that are also common first names or surnames (Jordan, Chad, Georgia, Israel as a surname) count only alone.
PLACE_NAMES = frozenset("""
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh
barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia
cameroon canada chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany ghana greece grenada guatemala guinea guyana
haiti honduras hungary iceland india indonesia iran iraq ireland italy jamaica japan kazakhstan kenya kiribati kosovo
kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
mozambique myanmar burma namibia nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine
panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
britain england scotland
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois iowa
kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri nebraska nevada
ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming
""".split()) | {
    "saudi arabia", "south africa", "north korea", "south korea", "new zealand", "sri lanka", "costa rica", "el salvador",
    "united states", "united kingdom", "united arab emirates", "west germany", "east germany", "soviet union",
    "ivory coast", "sierra leone", "south sudan", "puerto rico", "hong kong", "new york", "new jersey", "new mexico",
    "new hampshire", "north carolina", "south carolina", "north dakota", "south dakota", "west virginia", "rhode island",
    "the united states", "the united kingdom", "the netherlands", "the philippines", "the u.s.", "the u.s", "the uk", "u.s.",
}
# the company forms round 8 added to ORGANIZATION_WORDS: they still end a full name ("Kodak" -> "Eastman Kodak Co")
COMPANY_FORMS = frozenset({"co", "corp", "cos", "plc", "llc", "ag", "sa", "nv", "gmbh", "holdings"})
PLACE_NAMES_ALONE = frozenset({"jordan", "chad", "georgia", "israel", "virginia", "washington", "wales", "montana", "indiana"})

DOCUMENT_WORDS = re.compile(
    r"\b(?:statement|proclamation|motion|complaint|decision|ruling|opinion|letter|report|release|tweet|"
    r"post|memo|order|filing|lawsuit|document|message|bulletin|communiqu[eé]|poll|study|survey|indictment|submission|announcement)s?\b",
    re.IGNORECASE,
)
ORGANIZATION_WORDS = re.compile(
    r"\b(?:command|ministry|department|office|party|committee|cell|court|commission|council|agency|"
    r"forces|military|army|police|government|administration|media|times|news|group|campaign|"
    r"union|fund|association|institute|university|company|corporation|inc|ltd|bank|board|"
    r"house|senate|congress|parliament|pentagon|white house|cnn|bbc|npr|reuters|ap|organizers|"
    r"resistance|movement|coalition|alliance|network|authority|authorities|service|embassy|"
    r"legislators|washington|centre|center|corps|"
    # round 8: company forms (Reuters: "Eastman Kodak Co", "RT Property Co", "WPP Group Plc") and the bodies news
    # quotes as such ("the Treasury", "the newspaper", "the exchange", "The parties")
    r"co|corp|cos|plc|llc|ag|sa|nv|gmbh|holdings|firm|firms|companies|parties|newspaper|paper|magazine|treasury|"
    r"federation|foundation|guard|broadcaster|bureau|exchange|club|league|cabinet|regime|airline|airlines|"
    r"partnership|utility|chamber|journal|herald|tribune|gazette|telegraph|trust|guild|radio|team)\b",
    re.IGNORECASE,
)
SOURCE_WORDS = re.compile(
    r"^(?:an? |some |several |two |three |many |the )?(?:[\w-]+ ){0,4}?(?:source|sources|official|officials|"
    r"expert|experts|analyst|analysts|witness|witnesses|eyewitness|reports|residents|diplomat|diplomats|"
    r"spokesperson|spokesman|spokeswoman|commander|aide|aides|observers|people|critics|supporters|"
    r"accounts|researchers|scientists|investigators|economists|traders|trader|dealers|dealer|bankers|banker|brokers|"
    r"broker|delegates|managers|lawyers|doctors|activists|protesters|locals|members|workers|employees|leaders|ministers|"
    r"officer|officers|agent|agents|underwriters)\b",
    re.IGNORECASE,
)

# Round 12 (docs/quotes.md). Verbs that come before their speaker after a comma ("..., said the company", "..., argued the
# government's lawyer"); after those other than SAY_WORDS the words must name a speaker (SPEAKERISH: "..., claimed the
# lives of four", "..., declared a state of emergency" are objects).
INVERTED_VERBS = "said|added|says|wrote|told|argued|noted|reported|explained|warned|insisted|stated|claimed|declared|confirmed"
SAY_WORDS = ["said", "added", "says", "wrote", "told"]
SPEAKERISH = (r"^[A-Z]|(?i)(?:^|\s)(?:lawyer|attorney|spokesman|spokeswoman|spokesperson|official|officials|minister|"
              r"president|chairman|company|government|report|statement|ministry|agency|court|police|sources?|analysts?|"
              r"economists?|traders?|dealers?|bankers?|experts?|department|bank|firm|group|paper|newspaper|union|committee|"
              r"commission|director|executive|secretary|leader|board|prosecutors?|judge|study|survey|researchers?|"
              r"scientists?)(?:\s|$)")
# "..., traders said.", "The economy, analysts said, will grow", "..., police revealed on Saturday": a bare plural source
# noun (a few lower-case modifiers before it) is a speaker too
BARE_SOURCE = (r"^(?:[a-z][\w-]*\s+){0,3}(?:sources|officials|analysts|traders|dealers|police|bankers|brokers|economists|"
               r"experts|witnesses|residents|diplomats|observers|critics|investigators|researchers|scientists|authorities|"
               r"reports|executives|spokesmen|lawyers|doctors|activists|protesters|organizers|organisers|managers|"
               r"officers|regulators|legislators|lawmakers|prosecutors|militants|rebels|forecasters)$")
