"""Indirect quotes, round 12 of docs/quotes.md: reported-speech frames news uses everywhere that the rules missed on
articles they were not fitted to (a day or an adjunct set off by a comma, "at least" after the verb, an -ed adjective
opening the clause, reported speech in a sentence that also quotes), and the false hits they must not bring."""

from __future__ import annotations

from tests.tasks.quote_frames import indirect, run


def clauses(*paragraphs: str) -> list[str]:
    return [text for text, _, _ in indirect(*paragraphs)]


def test_at_least_after_the_verb_opens_the_clause():
    assert indirect("Port official Lena Dahl said at least six vessels were waiting for the storm to pass.") == [
        ("at least six vessels were waiting for the storm to pass", "Port official Lena Dahl", "say")]
    assert clauses("Mayor Ivo Brandt said at most two bridges would close this winter.") == [
        "at most two bridges would close this winter"]
    # "at" + a time is still an adjunct before the clause
    assert clauses("Mayor Ivo Brandt said at noon the bridge would reopen on Friday.") == ["the bridge would reopen on Friday"]


def test_a_day_set_off_by_a_comma_before_the_clause():
    assert indirect("The Chilean Armed Forces said on Sunday, the 36 people infected included 26 army personnel.") == [
        ("the 36 people infected included 26 army personnel", "The Chilean Armed Forces", "say")]
    assert clauses("The Harbour Gazette reported on Thursday, coverage had risen to 55 percent.") == [
        "coverage had risen to 55 percent"]
    assert clauses("The ministry said on Monday, March 2, the plant would close for a month.") == [
        "the plant would close for a month"]
    # a count after the comma is the verb's object, not a clause
    assert indirect("The regional health minister reported on Tuesday, 21 confirmed cases of the virus on a supply ship.") == []


def test_an_adjunct_set_off_by_a_comma_before_the_clause():
    assert clauses("The company said at the time of the acquisition, its assets will include only lithium operations.") == [
        "its assets will include only lithium operations"]
    assert clauses("Airbus said in the airline's configuration, the jet will seat 16 in first class.") == [
        "the jet will seat 16 in first class"]
    # a place or date after the comma is no clause opener
    assert clauses("Senator Ada Moss said in Washington, Congress would act on the bill soon.") == []


def test_an_ed_adjective_may_open_the_clause():
    assert indirect("President Ivan Petrov said unspecified foreign security forces were involved in the protests.") == [
        ("unspecified foreign security forces were involved in the protests", "President Ivan Petrov", "say")]
    assert clauses("Chief executive Tom Reed said improved results mirrored the benefits of a restructuring.") == [
        "improved results mirrored the benefits of a restructuring"]


def test_an_ed_verb_with_no_subject_is_still_no_clause():
    # inside a relative clause, before an object word or a capitalised word, or no finite verb after a noun-phrase object
    assert clauses("The union, which the newspaper said lacked the votes, met on Monday.") == []
    assert clauses("The Valley Courier reported killed the bill in committee last week.") == []
    assert clauses("It said hoped GATT would find the retaliation unlawful.") == []
    assert clauses("Robins Co reported consolidated net earnings for the month ended January 31 of 17.3 mln dlrs.") == []


def test_reported_speech_in_a_sentence_that_also_quotes():
    assert ("she made the decision without influence from the White House" in
            clauses('Murphy claimed she made the decision without influence from the White House, insisting she was "never pressured".'))
    assert clauses('Councillor Ben Ode tweeted he was not aware of the event: "Wow! Thousands of people."') == [
        "he was not aware of the event"]
    assert clauses('Minister Dilson Funaro added that the program shows its intention to renegotiate, and added: "Our problems are our business."') == [
        "the program shows its intention to renegotiate"]
    assert clauses('US officials called the attack "self-defense," but experts say it was linked to the earlier strikes.') == [
        "it was linked to the earlier strikes"]


def test_quoted_words_are_never_in_an_indirect_clause():
    q = run('Mayor Ada Moss said the plan was "a disaster" for the town.')
    assert q.filter(q["quote_type"] == "indirect").is_empty() and q["quote_type"].to_list() == ["partial"]
    # the verb attributes the quote before it: what follows is its speaker or an adjunct
    assert clauses('"President Lee treats the law with contempt," said Attorney General Xavier Becerra.') == []
    assert clauses('"It is no write-down," the official said in comments suggesting some banks ought to get concessions.') == []


def test_an_adjunct_with_a_second_preposition_needs_a_finite_verb():
    assert clauses('"I expect little change," Angell said in an interview with the New York Times.') == []
    assert clauses("Spokesman Rich Hall said in a telephone interview from the company's Chicago headquarters.") == []
    assert clauses("Analyst Stephen Hess told Reuters in commenting on the Tower report made public today.") == []
    # one preposition ("in a recent interview") or a "that" keep the clause
    assert clauses("Chairman Joseph Pinola told Reuters in a recent interview the farm economy would recover.") == [
        "the farm economy would recover"]
    assert clauses("President Reagan said on March 27 when ordering the tariffs that he hoped the dispute would end.") == [
        "he hoped the dispute would end"]


def test_an_appositive_after_an_inverted_speaker_is_no_clause():
    assert indirect("The cause of the crash was faulty repair work, said Shun Takeda, the official leading the inquiry.") == [
        ("The cause of the crash was faulty repair work", "Shun Takeda", "say")]
    assert clauses('In an official statement, the commission said, "The debate is off."') == []


def test_a_verb_after_a_relative_clause_is_the_main_verb():
    assert clauses("The official, who declined to be identified, said Orion, the merchant arm of the bank, had operated at a profit.") == [
        "Orion, the merchant arm of the bank, had operated at a profit"]


def test_as_and_a_participle_has_no_speaker():
    assert clauses("As revealed at trial, the parents had kept their children indoors for years.") == []


def test_a_bare_plural_source_after_the_clause_is_its_speaker():
    assert indirect("Prices rose sharply in late trading, traders said.") == [
        ("Prices rose sharply in late trading", "traders", "say")]
    assert indirect("Despite the assurances, the couple left the country, police revealed on Saturday.") == [
        ("Despite the assurances, the couple left the country", "police", "reveal")]
    assert indirect("The economy, local analysts said, will grow by three percent.") == [
        ("The economy, local analysts said, will grow by three percent", "local analysts", "say")]
    # a lower-case word that names no source is no speaker
    assert clauses("Prices rose sharply in late trading, volumes said.") == []


def test_other_verbs_before_their_speaker():
    assert indirect("It is not for the Court to opine about the motivations, argued the government lawyer, Richard Keen.") == [
        ("It is not for the Court to opine about the motivations", "Richard Keen", "argue")]  # round 13: the name
    # after those verbs an object is no speaker
    assert clauses("A storm hit the northern coast on Monday, claimed the lives of four fishermen.") == []
    assert clauses("The governor toured the flooded towns, declared a state of emergency.") == []


def test_a_bare_source_after_a_conjunction_opens_its_own_clause():
    # (the clause is what the analysts maintained, not the sentence before the comma)
    assert indirect("Images of those days surfaced with the sell-off on Monday, but analysts maintained times are different.") == [
        ("times are different", "analysts", "maintain")]
