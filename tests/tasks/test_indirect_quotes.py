"""Indirect quotes: a reported clause is a clause, not a noun-phrase object (round 7 rules of docs/quotes.md)."""

from __future__ import annotations

from tests.tasks.quote_frames import indirect


def test_noun_phrase_object_of_a_reporting_verb_is_not_a_quote():
    assert indirect("Governor Lena Strand announced her resignation effective next Friday, June 4.") == []
    assert indirect("The mayor declared a state of emergency so crews could begin clearing the roads.") == []
    assert indirect("The senator has stated her intention to run again, but had not yet chosen a date.") == []
    assert indirect("The agency confirmed a case of measles in a child from the northern district.") == []
    assert indirect("The health board declared the outbreak, which causes a mild fever, to be an epidemic.") == []
    assert indirect("A storm claimed the lives of four members of the Coastal Rescue Units (CRU) amid high seas.") == []


def test_bare_clause_after_other_verbs_needs_a_finite_verb():
    assert indirect("The Harbour Gazette announced the ferry service would end in March.") == [
        ("the ferry service would end in March", "The Harbour Gazette", "announce")]
    assert indirect("Governor Lena Strand declared flags would be flown at half-mast on Monday.") == [
        ("flags would be flown at half-mast on Monday", "Governor Lena Strand", "declare")]
    # a present-tense verb before an object or a number
    assert indirect("The Valley Courier noted the council's plan allows it to borrow more.") == [
        ("the council's plan allows it to borrow more", "The Valley Courier", "note")]
    assert indirect("The annual report notes the survey indicates 82% of residents own a car.") == [
        ("the survey indicates 82% of residents own a car", "The annual report", "note")]
    # "that" and "said" keep their clause as before
    assert indirect("The board announced that its chairman would step down.")[0][0] == "its chairman would step down"
    assert indirect("Mayor Ingrid Solberg said the bridge repairs on Route 9.")[0][0] == "the bridge repairs on Route 9"


def test_bare_clause_may_open_with_a_lower_case_word():
    assert indirect("A 2015 federal court decision said citizenship in the territories can only be granted by Congress.") == [
        ("citizenship in the territories can only be granted by Congress", "A 2015 federal court decision", "say")]
    assert indirect("Prosecutor Anna Berg told reporters today psychiatric assessments will be carried out.") == [
        ("psychiatric assessments will be carried out", "Prosecutor Anna Berg", "tell")]
    assert indirect("On Thursday, Judge Paul Weiss wrote denying the islanders citizenship violated the constitution.") == [
        ("denying the islanders citizenship violated the constitution", "Judge Paul Weiss", "write")]


def test_lower_case_opener_that_is_no_clause():
    # an adverbial, an adverb or a verb with no subject after the reporting verb
    assert indirect("The minister said in a statement on Tuesday.") == []
    assert indirect("Jonas Berg said goodbye to his family at the airport.") == []
    assert indirect("The union, which the newspaper reported left several members unpaid, met on Monday.") == []
    assert indirect("Councillor Ada Finch spoke publicly about the plan that was approved.") == []


def test_verb_form_after_a_determiner_or_preposition_is_no_verb():
    assert indirect("The states that held elections were Ohio, Utah and Maine.") == []
    assert indirect("Amongst reported incidents of fraud, two officials were convicted last year.") == []


def test_possessive_before_a_noun_form_but_not_before_said():
    assert indirect("Lawson's comments followed another frantic day in the London markets.") == []
    # (the speaker is cleaned to "Moody" elsewhere, as before)
    assert [(t, c) for t, _, c in indirect("Moody's said it affirmed the ratings of the bank's main unit.")] == [
        ("it affirmed the ratings of the bank's main unit", "say")]


def test_negated_or_withheld_speech_is_not_reported():
    assert indirect("The minister did not say the new tax would be raised next year.") == []
    assert indirect("The company declined to say the plant would close.") == []
    assert indirect("In three other states closed down the roads to traffic.") == []
    # an infinitive still reports
    assert [(t, c) for t, _, c in indirect("Markets took the rumours seriously enough for dealers to say it added to the nervousness.")] == [
        ("it added to the nervousness", "say")]
    assert indirect("Buyers avoid the 14 pct value-added tax imposed here on gold coins.") == []


def test_noun_ending_in_ed_is_no_finite_verb():
    assert indirect("Artist Lena Holm emphasized the need for boundaries at the weekend.") == []
    assert indirect("The firm announced two hundred job cuts at its plant in Leeds.") == []
    assert indirect("The board announced it ordered new trains for the line.")[0][0] == "it ordered new trains for the line"
    assert indirect("The embassy confirmed two pilgrims from Myanmar also died.")[0][0] == "two pilgrims from Myanmar also died"


def test_aside_between_commas_is_skipped_by_the_finite_verb_test():
    assert indirect("The station reported Adam Ruiz, the acting mayor, recommended the bridge close.")[0][0] == (
        "Adam Ruiz, the acting mayor, recommended the bridge close")
    assert indirect("The council announced the new district, to be called Northgate, would govern itself.")[0][0] == (
        "the new district, to be called Northgate, would govern itself")


def test_by_saying_reports_the_subjects_words():
    # round 10: "by saying B" is the subject's reported clause, with or without "that"
    assert indirect("Mayor Ann Cole defended the cuts by saying the budget had to be balanced.") == [
        ("the budget had to be balanced", "Mayor Ann Cole", "say")]
    assert indirect("In August, the parents tried to have the boy released by saying they forgave him.") == [
        ("they forgave him", "the parents", "say")]
    assert indirect("Mayor Ann Cole replied by saying that the report was wrong.") == [
        ("the report was wrong", "Mayor Ann Cole", "reply")]
    # other participles after "by" take objects; "by saying" with no clause reports nothing
    assert indirect("The Harbour Bank will signal a change by announcing a quarter point cut in its rates.") == []
    assert indirect("Mayor Ann Cole opened the meeting by saying hello to everyone.") == []
    assert indirect("The team won by scoring twice in the second half.") == []


def test_only_after_a_reporting_verb():
    # "only" before "that" or a pronoun goes with the verb; before a determiner or a number it opens the clause
    assert indirect("The Harbour Bank declined to comment, saying only that the review was continuing.") == [
        ("the review was continuing", "The Harbour Bank", "say")]
    assert indirect("The Harbour Bank would not give details, saying only it was a private matter.") == [
        ("it was a private matter", "The Harbour Bank", "say")]
    assert indirect("Governor Lena Strand agreed, saying only this group appeared capable of the attack.") == [
        ("only this group appeared capable of the attack", "Governor Lena Strand", "say")]
    assert indirect("Port officials said only 20 ships were working.") == [
        ("only 20 ships were working", "Port officials", "say")]
    # "only" before a time or an adverbial opens no clause
    assert indirect("Mayor Ann Cole said only yesterday that the plan was dead.") == []


def test_time_of_life_before_a_pronoun_opens_the_clause():
    # "she said as a teenager she was ...": the adjunct belongs to the reported clause
    got = indirect("In an interview, Baloch said as a teenager she was forced into a marriage.")
    assert [g[0] for g in got] == ["as a teenager she was forced into a marriage"]
    # only "as a/an <noun>" before a pronoun: "as usual the market ..." opens no clause at "as"
    assert not any(g[0].startswith("as ") for g in indirect("Baloch said as usual the market was quiet."))
