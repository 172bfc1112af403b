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
