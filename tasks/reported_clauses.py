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
