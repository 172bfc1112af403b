"""tasks/name_gender.py: the gender an article gives a name."""

import random
import re

from tasks import name_gender as ng


def test_gender_votes_on_lower_case_text_match_the_ignorecase_patterns():
    """The ASCII path of name_gender (suffix test before the title patterns, a search for the next
    pronoun) gives what the IGNORECASE patterns give on the original text, at every position."""
    rng = random.Random(7)
    pieces = list("hseirm. !?\"'-_aAbcH\n") + ["he", "She", "his", "HIM", "her", "hers", "Mr. ", "ms", "Mrs.", "Sir", "chairman", "the"]
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 70)))
        lower = text.lower()
        for i in range(len(text) + 1):
            m = ng._NEXT_PRONOUN.match(text, i, i + 90)
            assert ng._next_pronoun_low(lower, i) == (m.group(1).lower() if m else None), (text, i)
            lead = text[max(0, i - 30): i]
            near = max(0, len(lead.rstrip()) - 15)
            if ng._FEMALE_TITLES.search(lead, near) or ng._MALE_TITLES.search(lead, near):
                assert lead.lower().rstrip().removesuffix(".").endswith(ng._TITLE_ENDS), lead
        spans = [(m.start(), m.end()) for m in re.finditer(r"\bA\b", text)]
        assert ng.gender_of(text, lower, spans) == ng.gender_of(text, None, spans), text
