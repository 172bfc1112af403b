"""Attributions inside or around the reported clause, for the indirect extractor (tasks/indirect_quotes.py): "According to
X, B", "B, according to X", and the parentheticals "On Sunday, according to police, B", "The economy, he said, will grow",
"..., reads the motion, B" (regex strings for polars; the extractor applies their ASCII forms on ASCII text).
"""

from __future__ import annotations

from tasks.reporting_verbs import CLAUSE_FORMS, INVERTED_VERBS
from tasks.tail_attributions import TOKEN

ACCORDING_HEAD = r"^(?P<pre>According to )(?P<sp>[^,]{2,120}),\s+(?P<cl>.+)$"
ACCORDING_TAIL = r"^(?P<cl>.{12,}?)(?P<pre>,?\s+according to )(?P<sp>[^,.]{2,80}?)\.?$"
# A parenthetical attribution inside the sentence: "On Sunday, according to police, a man ...", "The economy, he
# said, will grow", "..., reads the motion, the declaration ...". The clause is what follows, or the whole sentence
# when what follows continues the subject before the parenthetical ("The economy, he said, will grow").
ACCORDING_MID = r"^(?P<pre>.{3,}?,?\s+according to )(?P<sp>[^,]{2,80}),\s+(?P<cl>.+)$"
PAREN_SV = rf"^(?P<pre>.{{3,}}?,\s+)(?P<sp>{TOKEN}(?:\s+{TOKEN}){{0,5}}?)\s+(?P<v>{CLAUSE_FORMS}),\s+(?P<cl>.+)$"
PAREN_VS = rf"^(?P<pre>.{{8,}}?,\s+(?P<v>{INVERTED_VERBS.replace('|told', '')}|reads)\s+)(?P<sp>{TOKEN}(?:\s+{TOKEN}){{0,5}}?),\s+(?P<cl>.+)$"
# what follows continues the subject before the parenthetical: a lower-case word that cannot open a clause
CONTINUES_SUBJECT = r"^[a-z]"
OPENS_CLAUSE = (r"^(?:he|she|they|it|we|the|a|an|there|this|these|those|his|her|their|its|our|many|some|most|all|no|one|"
                r"two|three|several|more|at|about|but|and|while|although|though|whereas|yet|so|when|after|before|because|if|"
                r"since|as|in|on|for|with|by|from|during)(?:\W|$)")
# "..., argued the government's lawyer, Richard Keen.": a role, then its name as the sentence's last words (round 13)
ROLE = r"^(?:the|a|an|its|his|her|their)\s+[a-z]"
NAME_ONLY = r"^(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]+\.?\s*$"
CONJUNCTION = r"^(?:but|and|while|although|though|whereas|yet)\s"  # "X did Y, according to Z, but ...": the clause is before
PAREN_TAIL = rf",?\s+(?:according to|{INVERTED_VERBS}|reads)?\s*$"
IN_RELATIVE = r"(?:^|,)[^,]*(?-u:\b)(?:which|who|whom|whose)(?-u:\b)[^,]*,\s+$"  # "fighters which, the statement said, ..."
