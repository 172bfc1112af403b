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
