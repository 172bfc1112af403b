"""Round 11 speaker rules (docs/quotes.md): a time adverbial before the subject is no part of the speaker."""

from __future__ import annotations

import polars as pl
import pytest

from tasks.attribution import subject_mention
from tests.tasks.quote_frames import run


@pytest.mark.parametrize("subject, speaker", [
    ("Until now Mannesmann ", "Mannesmann"),
    ("Earlier today Kurzweil ", "Kurzweil"),
    ("So far the company ", "the company"),
    ("For now Exxon ", "Exxon"),
    ("But until recently Chrysler ", "Chrysler"),
    ("Yesterday British Farm Minister Michael Jopling ", "British Farm Minister Michael Jopling"),
    ("Earlier it ", "it"),
    # a time word before a lower-case noun is the name itself ("Today newspaper"), and a name is kept whole
    ("Today newspaper ", "Today newspaper"),
])
def test_time_opener_is_no_part_of_the_subject(subject, speaker):
    assert subject_mention(subject, 0).text == speaker


def test_time_opener_before_an_indirect_subject_goes_with_its_offsets():
    text = "Until now Mannesmann said it wanted to buy a stake in Fichtel."
    q = run(text).filter(pl.col("quote_type") == "indirect")
    assert q["speaker"].to_list() == ["Mannesmann"]
    assert text[q["speaker_start"][0]:q["speaker_end"][0]] == "Mannesmann"
    kept = run("Today newspaper reported the talks had ended.").filter(pl.col("quote_type") == "indirect")
    assert kept["speaker"].to_list() == ["Today newspaper"]


def speakers(*paragraphs: str) -> list[str]:
    return run(*paragraphs).sort("char_start")["speaker"].to_list()


def test_sentence_opener_is_no_first_name():
    # "Both Sears and Kellwood": "Both" is no first name of Sears, nor "Earlier" of Reuters
    got = speakers("Sears said it was the only retailer to take steps.",
                   "Both Sears and Kellwood Co agreed to pay penalties.")
    assert got == ["Sears"]
    assert speakers("Earlier Reuters reported the talks had ended.") == ["Reuters"]
    # a real first name still expands
    assert speakers("Analyst Richard Schwarz follows Kodak.", "Schwarz said the margins would be slimmer.") == ["Richard Schwarz"]


def test_pronoun_finds_a_name_after_a_sentence_opener():
    got = speakers("Kodak said sales would rise, according to Michael Ellman.",
                   'But Richard Schwarz, who follows Kodak, said margins would be slimmer. "The problem will be a profit," he said.')
    assert got[-1] == "Richard Schwarz"
    # a run after a preposition is a place, not a person: "In Los Angeles" leaves the pronoun to the named person
    got = speakers("Broker John Mann watched the floor.",
                   'In Los Angeles, one office manager was busy. "It is unusual to see this," he said.')
    # "Broker John Mann" since round 12 (the pronoun window had cut the document's first letter: "roker John Mann")
    assert got[-1] == "Broker John Mann"


def test_first_name_opens_a_word():
    # "pro-Western Zaire": the capitalised half of a hyphenated word is no first name
    got = speakers("Bankers said a deal would let pro-Western Zaire obtain cash.", "Zaire said it would limit repayments.")
    assert got[-1] == "Zaire"
    assert speakers("Chairman John Zaire spoke.", "Zaire said it would limit repayments.")[-1] == "John Zaire"


@pytest.mark.parametrize("subject, speaker", [
    # a ranking appositive describes the subject before it, which speaks
    ("Mine officials in Malaysia, the world's leading producer, ", "Mine officials in Malaysia"),
    ("The Socialist Party, the second biggest in the outgoing coalition, ", "The Socialist Party"),
    ("The company, the second-largest natural gas producer in Texas, ", "The company"),
    # ... not after an opener, nor when the appositive is no ranking
    ("In London, the world's largest bank ", "the world's largest bank"),
    ("John Smith, a spokesman for the company, ", "John Smith"),
])
def test_ranking_appositive_leaves_the_subject_before_it(subject, speaker):
    assert subject_mention(subject, 0).text == speaker
