from __future__ import annotations

import time

import polars as pl
import pytest

from tasks.quote_marks import find_quote_spans
from tasks.quotes import QUOTES_SCHEMA, extract_quotes
from tests.tasks.quote_frames import indirect, run


def rows(quotes: pl.DataFrame, kind: str | None = None) -> list[tuple]:
    if kind:
        quotes = quotes.filter(pl.col("quote_type") != "indirect")
    return list(quotes.select("text", "speaker", "cue").iter_rows())


def test_empty_input_gives_empty_frame_with_schema():
    empty = pl.DataFrame(schema={"doc_id": pl.String, "text": pl.String})
    out = extract_quotes(empty, pl.DataFrame(schema={"doc_id": pl.String, "paragraph_id": pl.String, "char_start": pl.Int32}), pl.DataFrame())
    assert out.schema == pl.Schema(QUOTES_SCHEMA) and out.is_empty()


def test_attribution_after_before_and_inverted():
    q = run('"We reject all reckless actions," Iraq\'s Security Media Cell said.',
            'Nancy Pelosi, the Speaker of the House, said on Friday "We are committed to keeping our border safe."',
            '"President Trump treats the rule of law with utter contempt," said California Attorney General Xavier Becerra.')
    assert rows(q, "direct") == [
        ("We reject all reckless actions", "Iraq's Security Media Cell", "say"),
        ("We are committed to keeping our border safe.", "Nancy Pelosi", "say"),
        ("President Trump treats the rule of law with utter contempt", "California Attorney General Xavier Becerra", "say"),
    ]


def test_middle_attribution_and_statement_owner():
    q = run("The Iraqi joint operations command statement said that two rockets were launched.",
            "“While we affirm our adherence to Iraq's sovereignty…” read the statement, “we reject all reckless actions.”")
    direct = q.filter(pl.col("quote_type") != "indirect")
    assert direct["speaker"].to_list() == ["The Iraqi joint operations command"] * 2
    assert direct["cue"].to_list() == ["read", "read"]


def test_pronoun_and_continuation_keep_the_speaker():
    q = run('The attacks are "an extension of the series of violations," Ghazi Faisal Hussein told Al-Fassel.',
            'Iranian proxies persist in "violating public order," he said.',
            '"Targeting them harms the partnership."')
    assert q["speaker"].to_list() == ["Ghazi Faisal Hussein"] * 3
    assert q["quote_type"].to_list() == ["partial", "partial", "direct"]


def test_multi_paragraph_quote_is_one_quote():
    q = run('Graham said: "ISIS is not defeated.', '"The caliphate is destroyed, but there are fighters over there."')
    assert q.height == 1 and q["n_paragraphs"][0] == 2 and q["speaker"][0] == "Graham"


def test_quoted_names_titles_and_headings_are_not_quotes():
    q = run('The group, identifying themselves as "The Revolutionaries" (al-Thawriyoun), attacked the base.',
            'It is part of the so-called "Islamic Resistance in Iraq."',
            'The coalition against the "Islamic State of Iraq and Syria" (ISIS) was hit.')
    assert q.filter(pl.col("quote_type") != "indirect").is_empty()


def test_scare_quote_attributed_is_partial_and_apostrophes_are_not_marks():
    q = run("Following the attack, the Pentagon labeled the targeting of US forces as a \"serious escalation.\"",
            "Haniyeh’s assassination won’t be forgotten, adding that the “blood won’t go to waste.”")
    assert q["text"].to_list()[0] == "serious escalation."
    assert q["speaker"][0] == "the Pentagon" and q["quote_type"][0] == "partial"
    assert "blood won’t go to waste." in q["text"].to_list()


def test_indirect_quote_with_reporting_verb_and_according_to():
    q = run("The statement added that their forces had seized a Kia vehicle from which the missiles were launched.",
            "Two women and a man were injured, according to the reports.")
    ind = q.filter(pl.col("quote_type") == "indirect")
    assert ind["text"].to_list() == ["their forces had seized a Kia vehicle from which the missiles were launched",
                                     "Two women and a man were injured"]
    assert ind["cue"].to_list() == ["add", "according to"]


def test_indirect_clause_without_that_opening_with_a_name():
    assert indirect("The Harbour Gazette reported Mendel had resigned from the board on Friday.") == [
        ("Mendel had resigned from the board on Friday", "The Harbour Gazette", "report")]
    assert indirect("Mayor Ingrid Solberg said Tuesday Route 9 would reopen next month.") == [
        ("Route 9 would reopen next month", "Mayor Ingrid Solberg", "say")]


def test_indirect_clause_after_that_and_an_adverbial():
    assert indirect("The Valley Courier reported that, after a long meeting, the council approved the budget.") == [
        ("after a long meeting, the council approved the budget", "The Valley Courier", "report")]


def test_indirect_according_to_inside_the_sentence():
    assert indirect("On Monday in Dorset, according to local police, a lorry overturned and blocked the road.") == [
        ("a lorry overturned and blocked the road", "local police", "according to")]
    # the clause before the attribution when a new clause follows it
    assert indirect("The firm paid the fine, according to regulators, but it denies any wrongdoing.")[0][:2] == (
        "The firm paid the fine", "regulators")


def test_indirect_parenthetical_attribution():
    assert indirect("At noon on Sunday, the agency said, the storm reached the coast.") == [
        ("the storm reached the coast", "the agency", "say")]
    assert indirect("Because the road was closed, reads the report, the bus took a longer route.") == [
        ("the bus took a longer route", "the report", "read")]
    # the parenthetical splits subject and verb: the whole sentence is the clause
    assert indirect("Most of the new houses, the builder noted, have solar panels on the roof.") == [
        ("Most of the new houses, the builder noted, have solar panels on the roof", "the builder", "note")]
    # inside a relative clause it is not a sentence-level attribution
    assert indirect("The ferry carried tourists who, the operator said, had booked online.") == []


def test_indirect_pronoun_subject_of_a_participle_is_the_pronoun():
    q = indirect("Karl Brenner appealed the fine.", "He filed the appeal last week, arguing that, as a farmer, he was exempt.")
    assert q == [("as a farmer, he was exempt", "Karl Brenner", "argue")]


@pytest.mark.parametrize("text", ['"' * 10_001, '“ ' * 10_000, 'a "b ” c “ d " e ' * 2_000, '"open and never closed'])
def test_unbalanced_and_huge_mark_runs_are_linear_and_safe(text):
    # A guard against a quadratic blow-up (minutes), not a speed target: CPU seconds, which a loaded
    # host does not inflate as it does wall time, with a bound ~100x the linear cost.
    t0 = time.process_time()
    spans = find_quote_spans(text)
    run(text)
    assert time.process_time() - t0 < 5 and all(s.start <= s.end for s in spans)


# Reuters names units with a parenthetical ("Corp (CMB) president"); cleaning the mention drops it, so
# the speaker is no longer one slice of the text. Its offsets used to leak str.find's -1 (or land one
# character early) and broke the contract on the whole corpus.
@pytest.mark.parametrize("text", [
    "Chase Manhattan Corp (CMB) president Thomas Labrecque said the sharp decline in rates would continue.",
    "Meanwhile, European Community (EC) external trade chief Willy de Clercq said that the bill would be vetoed.",
    "Officials at  Chase   Manhattan, in a statement issued late, said the rates would fall further next year.",
])
def test_indirect_speaker_with_parenthetical_or_odd_spaces_has_no_false_offsets(text):
    q = run(text)  # schema (offsets >= 0) and speaker_is_document_slice
    assert q.height == 1 and q["speaker"][0] and "(" not in q["speaker"][0]


@pytest.mark.parametrize("text", [
    'Speaking to the panel, Farm Credit Administration (FCA) board member Jim Billington said "My reading is that the system is in trouble."',
    'Jim Billington, Farm Credit Administration (FCA) board member told a House panel the system was "in trouble."',
])
def test_direct_speaker_with_parenthetical_keeps_name_without_offsets(text):
    q = run(text)
    assert q["speaker"][0].startswith(("Farm Credit Administration board member", "Jim Billington"))
    assert q["speaker_start"][0] is None or text[q["speaker_start"][0]:q["speaker_end"][0]] == q["speaker"][0]


def test_a_one_word_reply_that_opens_its_sentence_is_speech():
    out = run("“Yes,” the mayor said.")
    assert out.select("text", "speaker").rows() == [("Yes", "the mayor")]
    assert run("The group, known as “Black Cube,” said it would sue.").height == 0


def test_word_counts_are_the_non_space_runs():
    from tasks.quotes import _n_words

    texts = pl.Series(["", " ", "a", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a b c", None, "x\u2009y z", "a\x1cb"])
    assert _n_words(texts).to_list() == texts.str.count_matches(r"\S+").to_list()
