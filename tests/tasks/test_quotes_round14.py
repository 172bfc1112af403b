"""Round 14 of docs/quotes.md: frames seen on the eight articles labelled blind for the round (and on Reuters), each
with the false hits it must not bring."""

from __future__ import annotations

import polars as pl

from tests.tasks.quote_frames import indirect, run


def direct(*paragraphs: str) -> list[tuple]:
    """(speaker, cue) of the direct and partial quotes."""
    q = run(*paragraphs).filter(pl.col("quote_type") != "indirect").sort("char_start")
    return list(q.select("speaker", "cue").iter_rows())


def test_earlier_after_the_verb_is_no_adjunct_running_into_the_clause():
    assert [t for t, _, _ in indirect("Erdogan also said earlier he might rename the monument.")] == [
        "he might rename the monument"]
    # a time after "earlier" is still the adjunct, and "earlier" before a noun still finds the "that" after it
    assert [t for t, _, _ in indirect("The company said earlier this week the plant would close in May.")] == [
        "the plant would close in May"]
    assert [t for t, _, _ in indirect("Dealers confirmed earlier tentative reports that the mill had bought wheat.")] == [
        "the mill had bought wheat"]


def test_a_tail_attribution_before_a_trailing_aside():
    got = indirect("A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work.")
    assert got == [("A total of 39 are confirmed dead", "officials", "tell"), ("rescuers ended their work", "officials", "add")]
    got = indirect("Sales abroad showed a three pct increase in the first five months, Kaske said, without giving figures.")
    assert got == [("Sales abroad showed a three pct increase in the first five months", "Kaske", "say")]
    assert indirect("The ship sank near the port of Genoa, police reported Friday morning, local time.") == [
        ("The ship sank near the port of Genoa", "police", "report")]


def test_a_trailing_aside_keeps_the_sentences_own_tail():
    # the attribution after the aside is the sentence's: nothing is cut before "adding"
    got = indirect("Stacy would not name a figure, adding that the question will be discussed with the agency, the newspaper said.")
    assert [(sp, cue) for _, sp, cue in got] == [("the newspaper", "say"), ("the newspaper", "add")]
    # an aside without an attribution before it reports nothing
    assert indirect("Prices fell sharply in the morning session, without giving any sign of a recovery.") == []


def test_a_second_said_reports_a_clause_opened_by_a_pronoun_or_determiner():
    got = indirect("Governor Boris Dubrovsky said officers were present where the minibus exploded, but said this too was "
                   "unrelated to the other blast.")
    assert [(t, cue) for t, _, cue in got] == [("officers were present where the minibus exploded", "say"),
                                              ("this too was unrelated to the other blast", "say")]
    assert {sp for _, sp, _ in got} == {"Governor Boris Dubrovsky"}
    # "said nothing", "said so": no clause, the sentence stays one quote
    got = indirect("The minister said the talks went well and said nothing about the budget deficit.")
    assert [t for t, _, _ in got] == ["the talks went well and said nothing about the budget deficit"]


def test_a_quote_ending_with_a_bracketed_period_is_not_attributed_by_what_follows():
    got = direct('Professor Jean Muyembe, who monitored the trial, said, "From now on, Ebola is curable[.]" He went on to '
                 'say thousands of deaths could be prevented.')
    assert got == [("Professor Jean Muyembe", "say")]


def test_a_prepositional_opener_without_a_comma_is_no_part_of_the_speaker():
    assert direct('On the live television he said, "Constantinople will never exist again."') == [(None, "say")]
    got = indirect("Tesco sold its Polish stores to Salling Group.",
                   "With the acquisition Salling said it seeks to improve its coverage in Southern Poland.")
    assert [sp for _, sp, _ in got] == ["Salling"]
    got = indirect("On Thursday officials reported the number of cases in the outbreak rose to 58.")
    assert [sp for _, sp, _ in got] == ["officials"]
    # a name that opens with a preposition-like word keeps it ("On Semiconductor"); no determiner, no weekday after it
    got = indirect("On Semiconductor said its sales rose in the quarter.")
    assert [sp for _, sp, _ in got] == ["On Semiconductor"]


def test_a_preposition_is_no_first_name():
    got = indirect("Nigeria is Africa's biggest economy. Without Nigeria the free trade zone would have been handicapped.",
                   "Nigeria previously announced it planned to join the free trade area before the summit.")
    assert [sp for _, sp, _ in got] == ["Nigeria"]
    got = indirect("Under Moody's review are the company's senior debt and debentures.",
                   "Moody's said it would examine the effects of the proposed mergers on the group's finances.")
    assert [sp for _, sp, _ in got] == ["Moody"]


def test_a_name_after_according_to_is_a_person_for_he():
    got = direct("Professor Jean-Jacques Muyembe led the trial in Beni.",
                 "Past outbreak mortality rates averaged around 50%. According to Muyembe, many people do not seek treatment.",
                 '"Now that patients come out cured," he told the press, "they will start believing it."')
    assert [sp for sp, _ in got] == ["Jean-Jacques Muyembe", "Jean-Jacques Muyembe"]


def test_a_past_form_between_a_number_and_a_noun_is_no_verb_of_a_clause():
    assert indirect("The chain's press release reported 22 sold units in the past year and a half, for 200 million pounds.") == []
    assert indirect("The ministry reported 21 confirmed cases in the capital on Monday.") == []
    # a verb after the noun still makes the clause
    assert [t for t, _, _ in indirect("The agency reported 22 sold units were returned to the plant.")] == [
        "22 sold units were returned to the plant"]


def test_this_or_last_with_a_day_or_week_is_no_part_of_the_speaker():
    assert [sp for _, sp, _ in indirect("Last month Volkswagen said it was postponing its investments.")] == ["Volkswagen"]
    assert [sp for _, sp, _ in indirect("Last week the company said it would close the plant.")] == ["the company"]
    # "Last" before other words stays ("Last Resort Inc said")
    assert [sp for _, sp, _ in indirect("Last Resort Inc said it would close the plant.")] == ["Last Resort Inc"]


def test_an_object_pronoun_after_according_to_is_resolved():
    got = direct("Defence spokesman Yahya Sarea said the attack used ten drones.",
                 'According to him, it was accomplished with the help of "honourable people inside the kingdom".')
    assert got == [("Yahya Sarea", "according to")]


def test_a_parenthetical_after_a_short_opening():
    got = indirect("The foundation said she had been ill.", "Day, they said, desired no memorials or grave markers.")
    assert got[-1] == ("Day, they said, desired no memorials or grave markers", "The foundation", "say")
    got = indirect("However, Rico said, it would require another five cents to stimulate output.")
    assert got == [("it would require another five cents to stimulate output", "Rico", "say")]
    # a lone opener before the parenthetical is no clause ("So, he said, ...": nothing reported after it)
    assert indirect("So, he said, thanks.") == []


def test_both_opens_a_clause_after_the_verb():
    got = indirect("Reuters, citing anonymous sources, reported both production and export of oil had been disrupted.")
    assert got == [("both production and export of oil had been disrupted", "Reuters", "report")]
    # objects after a verb other than say/tell still need a finite verb
    assert indirect("The company announced both a dividend and a stock split on Monday.") == []
