"""Round 13 of docs/quotes.md: the quote frames round 12 left (speech verbs that frame only direct quotes, ...), and
the false hits they must not bring."""

from __future__ import annotations

import polars as pl

from tests.tasks.quote_frames import indirect, run


def direct(*paragraphs: str) -> list[tuple]:
    """(speaker, cue) of the direct and partial quotes."""
    q = run(*paragraphs).filter(pl.col("quote_type") != "indirect").sort("char_start")
    return list(q.select("speaker", "cue").iter_rows())


def test_speech_verbs_that_frame_a_direct_quote():
    assert direct('Karin Olsen of the relief agency observed, "I have never seen a drive like this."') == [
        ("Karin Olsen", "observe")]
    assert direct('"It is already December in the bond market," quipped Robert Lanz of Meridian Securities.') == [
        ("Robert Lanz", "quip")]
    assert direct('Mayor Ivo Brandt elaborated, "A city that is present must protect its people."') == [
        ("Mayor Ivo Brandt", "elaborate")]
    assert direct('The fund observed in its outlook that "adjustments take time to work through to trade flows."')[0][0] == "The fund"


def test_direct_only_verbs_introduce_no_indirect_clause():
    # a product recall or an observed silence is no reported speech
    assert indirect("Harlow Motors recalled 2005 models made at its Leeds plant after a fire.") == []
    assert indirect("The crowd observed a minute of silence before the match began.") == []
    assert indirect("Engineers observed the dam had cracked near its base.") == []


def test_a_name_after_an_inverted_role_is_the_speaker():
    got = indirect("It is not for the court to judge the motives of ministers, argued the government's lawyer, Richard Keen.")
    assert [(sp, cue) for _, sp, cue in got] == [("Richard Keen", "argue")]
    assert got[0][0].startswith("It is not for the court")
    # an appositive that is no name, or a named speaker before it, leaves the speaker as it was
    got = indirect("The plant will close by the end of the year, said the company's chairman, a former banker.")
    assert [sp for _, sp, _ in got] == ["the company's chairman"]
    got = indirect("The plant will close by the end of the year, said Harlan Ullman, Westbury Steel.")
    assert [sp for _, sp, _ in got] == ["Harlan Ullman"]


def test_a_lone_first_name_is_the_full_name_given_before():
    got = indirect("Republican state representative Terri Collins who sponsored the bill spoke on Monday.",
                   "Terri said the bill would become law after the court revisits the case.")
    assert [sp for _, sp, _ in got] == ["Terri Collins"]
    # a family name first: the article's later mentions use it alone
    got = indirect("Deputy prime minister Kim Mahn-je met bankers in Seoul.",
                   "Kim said the market was vulnerable to a sudden influx of foreign funds.")
    assert [sp for _, sp, _ in got] == ["Kim Mahn-je"]


def test_a_firm_name_is_no_first_and_last_name():
    # no office or `who` before the pair: a firm's two words ("Wyse Technology", "First Interstate Bancorp")
    got = indirect("Wyse Technology sold its terminal unit to Link on Friday.", "Wyse said the sale closes in May.")
    assert [sp for _, sp, _ in got] == ["Wyse"]
    got = indirect("First Interstate Bancorp withdrew its bid for the bank.", "Interstate said the bid was too costly.")
    assert [sp for _, sp, _ in got] == ["Interstate"]
