"""Round 8 speaker rules (docs/quotes.md): what a speaker mention keeps and which kind it gets."""

from __future__ import annotations

import polars as pl
import pytest

from tasks.speaker_kinds import speaker_kind
from tests.tasks.quote_frames import run


def speakers(*paragraphs: str) -> list[tuple]:
    return list(run(*paragraphs).select("speaker", "speaker_kind").iter_rows())


@pytest.mark.parametrize("sentence, speaker", [
    # a sentence opener is no part of the subject
    ("The deal was signed on Monday. However Bonham said the terms were not final.", "Bonham"),
    ("But analysts said the market would recover by the end of the year.", "analysts"),
    ("Both Tesco and Salling said the merger would go ahead next year.", "Tesco and Salling"),
    # "and" between capitalised words is inside a name
    ("American Telephone and Telegraph Co said it would cut prices for long distance calls.",
     "American Telephone and Telegraph Co"),
    ("Standard and Poor's Corp said it had downgraded the debt of the company.", "Standard and Poor's Corp"),
    ("Thai and foreign bankers said the liquidity problem would grow worse next month.", "Thai and foreign bankers"),
    # a trailing time phrase goes
    ("Gazeta Wyborcza in March reported that the minister had resigned from the cabinet.", "Gazeta Wyborcza"),
    ("The fire started at noon in the old town hall, according to police on Thursday.", "police"),
    # Reuters ticker brackets
    ("<WPP Group Plc> said it had agreed to buy the agency for 50 mln dlrs.", "WPP Group Plc"),
    ("Reuters Holdings Plc <RTRS.L> said its profits rose by ten pct in the year.", "Reuters Holdings Plc"),
])
def test_mention_keeps_only_the_speaker(sentence, speaker):
    assert speakers(sentence)[0][0] == speaker


def test_pronoun_with_auxiliary_or_opener_is_the_pronoun():
    # "So I", "I would": the pronoun, resolved (here to nobody) rather than kept as a name
    out = speakers("Jane Smith spoke to the press. So I said it was wrong, she added later on.")
    assert all(sp != "So I" for sp, _ in out)
    out = speakers("And making my own destiny, I would say the team was ready for it.")
    assert out == [(None, "unknown")]


def test_interview_bracket_and_you_are_no_speakers():
    out = speakers("((WN)) Well it was said that the vote would go ahead later this year.")
    assert out[0][0] is None


def test_coordinated_title_stays_the_antecedent_of_he():
    out = speakers("British Trade and Industry Secretary Paul Channon said Japan must heed a report by an advisory body.",
                   '"I recognise that the strong yen has brought problems to Japan," he told a group of businessmen.')
    assert [sp for sp, _ in out] == ["British Trade and Industry Secretary Paul Channon"] * 2


@pytest.mark.parametrize("speaker, kind", [
    ("Eastman Kodak Co", "organization"),
    ("RT Property Co", "organization"),
    ("South Africa's state-owned energy firm Soekor", "organization"),
    ("The IMC", "organization"),
    ("the Treasury", "organization"),
    ("The FSB", "organization"),
    ("the newspaper", "organization"),
    ("The parties", "organization"),
    ("Ohio", "organization"),
    ("Saudi Arabia", "organization"),
    ("Netflix Japan", "organization"),
    ("Sustainable Australia", "organization"),
    ("Officials", "source"),
    ("Analysts", "source"),
    ("U.S. Officials", "source"),
    ("The researchers", "source"),
    ("the Texas Democrat", "person"),
    ("the survey", "document"),
    # names that are also places count only when they stand alone
    ("Michael Jordan", "person"),
    ("Jimmy Wales", "person"),
    ("Prime Minister of India", "person"),
    ("Nigel Lawson", "person"),
])
def test_speaker_kind(speaker, kind):
    assert speaker_kind(speaker) == kind


def test_expansion_keeps_company_form_and_skips_possessive_first_names():
    out = speakers("Eastman Kodak Co makes film. Kodak said its sales rose by ten pct in the year.",
                   "AMR Corp's American Airlines flies to Dallas. American said it would add flights to Chicago.")
    assert ("Eastman Kodak Co", "organization") in out
    assert all(sp != "Corp's American" for sp, _ in out)


@pytest.mark.parametrize("sentence, clause", [
    ("Baker said in a U.S. Television interview on Sunday that Washington would not intervene in the markets.",
     "Washington would not intervene in the markets"),
    ("Brazil announced on February 20 that it was suspending interest payments on its debt.",
     "it was suspending interest payments on its debt"),
    ("The minister told reporters at a news conference in Brasilia that the plan would be ready soon.",
     "the plan would be ready soon"),
])
def test_clause_after_an_adjunct_starts_after_that(sentence, clause):
    q = run(sentence)
    assert q.filter(pl.col("quote_type") == "indirect")["text"].to_list() == [clause]


def test_but_clause_after_a_quote_is_no_attribution():
    out = speakers('US officials called the attack "self-defense," but experts say it was linked to the strikes.')
    assert out[0] == ("US officials", "source")
