"""The reported-clause tests of indirect quotes: whether the words after a reporting verb, when no "that"
introduces them, are a clause (a finite verb near their start) rather than the verb's object ("announced his
resignation"), which lower-case words cannot open such a clause, and the words that may stand between the verb and
its clause ("by saying", "only").

Regex strings for polars (`tasks/indirect_quotes.py` applies them, in their ASCII forms on ASCII text).
"""

from __future__ import annotations

# A reported clause without "that" needs a finite verb near its start: other verbs than say/tell
# also take a noun-phrase object ("announced his resignation", "declared a state of emergency", "stated
# her intention to ..."), which is not speech. The head of the clause is cut at the first comma,
# bracket or subordinating word ("declared an emergency so he could ...", "the outbreak, which causes").
CLAUSE_CUT = (r"(?:[,;:(]|\s(?:so|because|as|while|when|after|before|until|unless|since|although|though|but|"
              r"which|who|whose|whom|where|if|to)\s).*$")
# "announced the debate between X and Y, which was slated for ..., has been cancelled": a relative clause, an
# "including ..." / "to be ..." aside or an appositive ("reported X, the caretaker prime minister, recommended") between
# commas is dropped before the cut
ASIDE = r",\s+(?:which|who|whose|whom|including|the|a|an|to be)\s[^,]*,"
# "reported 22 sold units in the past year", "reported 21 confirmed cases": a past form between a number and a plural noun
# is an adjective, no verb of a clause (round 14); the finite-verb test reads past the three words
NUMBER_ADJECTIVE = r"^[0-9][0-9,.]*\s+(?:[a-z]+ed|sold|built|held|paid|made|sent|lost|left|won)\s+[a-z]{2,}s(?:\s|$)"
_FINITE_WORD = (r"(?:(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|"
                r"did|does|do|wo|ca)(?:n['’]t)?|went|made|won|took|gave|got|came|knew|thought|found|left|lost|"
                r"began|saw|told|became|held|kept|ran|sent|spent|built|brought|bought|paid|met|sold|led|fell|rose|grew|"
                r"hit|set|put|cut|felt|meant|stood|wrote|spoke|broke|chose|fought|sought|caught|taught|struck|"
                r"shot|ate|drew|flew|forgot|hid|wore|tore|threw|understood)")
# A present-tense verb ends in -s like a plural noun: counted only before an object pronoun or a determiner
# ("the commission's scope allows it to ...", "the company expects a loss", "indicates 82%") or after he/she/it,
# not before "to"/"for" ("new measures to").
_PRESENT_S = (r"[a-z]+[^s\s]s\s+(?:(?:it|them|him|her|us|the|a|an|no|its|their|his|our)(?:\s|$)|[0-9])"
              r"|(?:he|she|it)\s+[a-z]+[^s\s]s(?:[\s.]|$)")  # or after a pronoun subject ("it runs flights")
# An -ed word before "by" is a participle ("incidents perpetrated by church authorities"), not the clause's verb.
# An -ed word is a past form unless it is a noun like need, speed, hundred (-eed, short, -dred).
_ED_WORD = r"(?:[a-z]{2,}[^er\s]ed|[a-z]+[^d\s]red|[a-z]*ied|agreed|disagreed|freed|guaranteed|decreed|fled|used|owed|fed)"
_PAST_ED = rf"{_ED_WORD}(?:\.|\s*$|\s+(?:[^b]|b[^y]|by\S))"
FINITE_NEAR = rf"^(?:[^\s,;:]+\s+){{0,11}}?(?:{_FINITE_WORD}(?:[\s.]|$)|{_PAST_ED}|{_PRESENT_S})"
# A clause opening with a lower-case word is the riskier guess ("maintains control of the board and has ...",
# "warned neighbouring states not to ..."): its verb must be an auxiliary or a past form before any "and"/"or".
LOWER_CUT = r"\s(?:and|or)\s.*$"
FINITE_STRICT = rf"^(?:[^\s,;:]+\s+){{0,11}}?(?:{_FINITE_WORD}(?:[\s.]|$)|{_PAST_ED})"
IS_FINITE = rf"^(?:{_FINITE_WORD}|{_ED_WORD})$"
# after an -ed adjective opener and a verb other than say/tell, an -ed word is no proof of a clause ("reported consolidated
# net earnings for the month ended January 31"): an auxiliary or an irregular past is needed
FINITE_WORD_ONLY = rf"^(?:[^\s,;:]+\s+){{0,11}}?{_FINITE_WORD}(?:[\s.]|$)"
IS_IRREGULAR_FINITE = rf"^{_FINITE_WORD}$"
# "said unspecified foreign forces were involved", "said armed men stormed ...", "said increased costs would ..."
# (round 12): an -ed word opening a bare clause is an adjective when a lower-case noun follows it (not an object word: "which
# police said killed five", "lacked the votes") and a finite verb comes after it
ED_OBJECT_NEXT = (r"^\s*(?:[^a-z\s]|(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|him|them|it|us|me|some|"
                  r"any|all|no|by|to|in|on|at|for|with|from|of|up|out|off|about|into|over|as)(?:\s|$))")
# a relative clause before the verb ("the plan, which officials said lacked support"): the -ed word is its verb
RELATIVE_SUBJECT = r"(?:^|\W)(?:which|who|whom|that)\s[^,]*$"
# "replied by saying B": the reporting verb's clause follows "by saying" (the subject's words, as after "replied that")
BY_SAYING = r"^\s+by\s+saying(\s)"
# "saying only that B", "said only it was B": "only" before "that" or a pronoun subject limits the saying, not the
# clause (it goes, with the space before it; the clause's offsets count from its end)
ONLY_BEFORE_CLAUSE = r"^\s+only,?(\s+(?:that|he|she|they|it|we|I)(?-u:\b))"
# "saying only this organisation appeared capable": before a determiner or a number it is the clause's own and opens it
# (elsewhere, "said only yesterday that", it stays no clause opener)
ONLY_START = r"only\s+(?:(?:the|a|an|this|these|those|his|her|their|its|our|one|two|three)\b|[0-9])"
# Words that open an adverbial or an object after the verb, not a clause (a bare clause may open with a
# lower-case noun, adjective or gerund: see AFTER_TELL_LOWER in tasks/indirect_quotes.py).
NOT_CLAUSE_OPENERS = [
    "in", "on", "at", "to", "for", "with", "by", "from", "about", "of", "during", "after", "before", "via", "as",
    "over", "under", "into", "onto", "upon", "through", "against", "without", "within", "between", "among", "since",
    "until", "while", "when", "if", "whether", "because", "although", "though", "and", "or", "but", "so", "not",
    "also", "then", "there", "here", "only", "just", "yes", "no", "nothing", "something", "anything", "everything",
    "how", "what", "why", "where", "who", "whom", "which", "earlier", "later", "last", "next", "late", "early",
    "again", "further", "instead", "otherwise", "too", "very", "up", "down", "out", "off", "back", "away", "goodbye",
    "hello", "thanks", "sorry", "little", "much", "nobody", "none", "whatever", "both", "either", "neither",
    "each", "every", "any", "such", "me", "you", "us", "him", "her", "them", "it", "itself", "himself",
    "herself", "themselves", "recently", "once", "now", "still", "already", "yet", "ago", "ahead", "along",
    "around", "near", "across", "behind", "beyond", "per", "like", "unlike", "including", "regarding", "concerning",
    "following", "despite", "amid", "toward", "towards",
]

# Round 12 (docs/quotes.md): adjuncts between the reporting verb and its clause.
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "said on Sunday, the 36 people ...", "noted on Monday, the fatalities were ...": a day set off by a comma before the
# clause, with the date that may follow it ("on Monday, March 2, the ...")
DAY_COMMA = (rf"(?:(?:late |early )?on\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?,\s+"
             rf"(?:{_MONTH}\s+[0-9]{{1,2}},?\s+(?:[0-9]{{4}},?\s+)?)?")
# "said at least 71 people were ...": "at least"/"at most" open the clause, not a time ("at noon"); no look-ahead in
# polars' engine, so the word after "at" is spelled as not starting "le"/"mo"
AT_TIME = r"at\s+(?:[^lm,;\s]|l[^e,;]|m[^o,;])"
# "said at the time of the acquisition, its assets will ...", "said in the first four months, cargo rose ...": an adjunct
# set off by a comma (tried first: without it the clause would open inside the adjunct, "the acquisition, its assets ...")
ADJUNCT_COMMA = r"(?:in|at|during|after|before|for|from)\s+[^,;]{1,60}?,\s+"
# "said in a letter to SEC Chairman John Shad", "said in a telephone interview from the company's headquarters": after an
# adjunct with a second preposition in it even "said" needs a finite verb in what follows (the clause found may be the
# adjunct's own noun phrase; "said in a statement the ..." does not need one)
TWO_PREPOSITIONS = (r"(?:^|\s)(?:in|at|via|during|on|from)\s(?:\S+\s+)*?"
                    r"(?:to|from|with|in|at|during|for|by|of|on|after|before|following)\s")
# "told Reuters in commenting on the report made public": the words after a gerund adjunct are its object
GERUND_ADJUNCT = r"(?:^|\s)(?:in|by|after|while|when|before)\s+[a-z]+ing\s"
# "The official, who declined to be identified, said Orion ...": the verb after a relative clause is the main verb
RELATIVE_BEFORE_VERB = r"(?:^|,)\s*(?:who|which|whose|whom)\s[^,]*,\s+\S+\s+$"
# a verb somewhere in a stretch of text (an auxiliary or a past form): loose, for the appositive test of the parentheticals
VERBISH = r"(?:^|\s)(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|[a-z]{3,}ed)\s"
