"""Round 9 indirect rules (docs/quotes.md): a second reporting verb of the same speaker ("..., adding that B",
"... but denied that B") reports a clause of its own; a participle after the subject's document ("issued a statement
saying B") reports its subject's words; a long "According to X," source is still read."""

from __future__ import annotations

import pytest

from tests.tasks.quote_frames import indirect


@pytest.mark.parametrize("sentence, expected", [
    ("The Iraqi military said in a statement that they found a vehicle carrying missiles, adding that two rockets were "
     "launched from the Haditha district.",
     [("they found a vehicle carrying missiles", "The Iraqi military", "say"),
      ("two rockets were launched from the Haditha district", "The Iraqi military", "add")]),
    ("Smith said the plan would work, adding he expected approval soon.",
     [("the plan would work", "Smith", "say"), ("he expected approval soon", "Smith", "add")]),
    ("Trump said that he did indicate to the Ukrainians that the aid was contingent on reforms but denied that he made "
     "any specific deal about the Bidens.",
     [("he did indicate to the Ukrainians that the aid was contingent on reforms", "Trump", "say"),
      ("he made any specific deal about the Bidens", "Trump", "deny")]),
    # "adding" with no clause after it reports nothing
    ("The company said profits rose 5 pct, adding to gains made last year.",
     [("profits rose 5 pct, adding to gains made last year", "The company", "say")]),
])
def test_second_reporting_verb_reports_its_own_clause(sentence, expected):
    assert indirect(sentence) == expected


def test_participle_after_the_subjects_document_reports_speech():
    assert indirect("Presidential physician Sean Conley issued a statement saying Trump has been given zinc and "
                    "vitamin D.") == [("Trump has been given zinc and vitamin D", "Presidential physician Sean Conley", "say")]
    assert indirect("The group filed a motion claiming the declaration is unconstitutional.") == [
        ("the declaration is unconstitutional", "The group", "claim")]
    # without the document a participle still needs its comma
    assert indirect("The Exchange declined to comment on reports saying the request had been delayed.") == []


def test_long_according_to_source_at_the_sentence_start():
    found = indirect("According to the department's Export Sales Report covering transactions in the week ended "
                     "February 26, China has outstanding wheat commitments for the season.")
    assert [t for t, _, cue in found] == ["China has outstanding wheat commitments for the season"]
