"""Where the reported clause opens after its verb, for the indirect extractor (tasks/indirect_quotes.py): the object of
"told" ("told reporters"), the adjuncts ("on Sunday", "in a statement", "earlier this week"), "that", and the bare clause
that opens with a lower-case word (regex strings for polars; the extractor applies their ASCII forms on ASCII text).
"""

from __future__ import annotations

from tasks.reported_clauses import ADJUNCT_COMMA, AT_TIME, DAY_COMMA, ONLY_START, WEEKDAY

_START = (
    r"(?:he|she|they|it|we|I|the|a|an|there|this|these|those|his|her|their|its|our|many|some|most|"
    r"all|both|no|one|two|three|several|more|at least|at most|about)\b|[A-Z0-9]"
)
_OBJECT = r"(?:reporters|journalists|the press|the media|(?:local|state) media|him|her|them|us|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
# "said earlier he might ...": `earlier` takes a time after it when one follows (a lazy run after it read "he might
# rename" as an adjunct and opened the clause at "the monument"); the run stays the fallback ("confirmed earlier reports that")
_WHEN = (rf"(?:{ADJUNCT_COMMA}|(?:(?:on|in|via|during|late|last)\s+|{AT_TIME})[^,;]{{0,40}}?\s+|{DAY_COMMA}"
         rf"|earlier\s+(?:(?:today|yesterday|tonight)\s+|(?:this|last|on|in)\s+[^,;]{{0,30}}?\s+)?|earlier\s+[^,;]{{0,40}}?\s+"
         rf"|(?:yesterday|today|tonight|recently|{WEEKDAY})\s+)?")
# Only the short lead is captured (long captures are slow); the clause runs from there to the sentence end.
# "she said as a teenager she was forced ...": a time of life before a pronoun subject opens the clause with it
_AS_A = r"as\s+an?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:he|she|they|we|I)\s"
_CLAUSE = rf"(?:(?P<that>that,?\s+)|{ONLY_START}|{_AS_A}|{_START})"

AFTER_TELL = rf"^(?P<pre>\s+{_OBJECT}\s+{_WHEN}){_CLAUSE}"
AFTER_VERB = rf"^(?P<pre>\s+{_WHEN}){_CLAUSE}"
# "Baker said in a U.S. Television interview on Sunday that Washington would ...", "told reporters at a news conference
# in Washington that ...": a "that" after an adjunct with a capitalised or determiner word inside, where the patterns
# above open the clause at that word (round 8). Tried only where they found no "that" and one follows.
_ADJUNCT = r"(?:on|in|at|via|during|to|with|before|after|from)\s+[^,;]{1,60}?\s+"
AFTER_TELL_THAT = rf"^(?P<pre>\s+{_OBJECT}\s+{_ADJUNCT})(?P<that>that,?\s+)(?:{_START})"
AFTER_VERB_THAT = rf"^(?P<pre>\s+{_ADJUNCT})(?P<that>that,?\s+)(?:{_START})"
# an adjunct holding a verb is a clause of its own ("said on Monday the company that has ...")
ADJUNCT_VERB = r"(?-u:\b)(?:is|are|was|were|has|have|had|would|will|could|can|said|says|did|does)(?-u:\b)"
# "said citizenship in ... can only be resolved", "told reporters today psychiatric assessments will ...": a bare
# clause may open with a lower-case noun, adjective or gerund (then the finite verb is required), unless its first
# word is one of NOT_CLAUSE_OPENERS.
_DAY = rf"(?:(?:yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?\s+(?:that,?\s+)?|{DAY_COMMA})?"
AFTER_TELL_LOWER = rf"^(?P<pre>\s+{_OBJECT}\s+{_DAY})(?P<w>[a-z][a-z'’-]+)\s"
AFTER_VERB_LOWER = rf"^(?P<pre>\s+{_DAY})(?P<w>[a-z][a-z'’-]+)\s"
