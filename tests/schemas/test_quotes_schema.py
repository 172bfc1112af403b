from __future__ import annotations

import pandera.errors
import polars as pl
import pytest

from schemas.quotes import QuotesSchema, check_quotes_against
from tasks.quotes import QUOTES_SCHEMA

DOC = "0123456789abcdef"
TEXT = 'Lead paragraph.\n\n"We reject it," the minister said.'


def _frames():
    documents = pl.DataFrame({"doc_id": [DOC], "text": [TEXT]})
    paragraphs = pl.DataFrame({"paragraph_id": [f"{DOC}-p0", f"{DOC}-p1"], "doc_id": [DOC, DOC],
                               "char_start": [0, 17], "char_end": [15, len(TEXT)]},
                              schema_overrides={"char_start": pl.Int32, "char_end": pl.Int32})
    return documents, paragraphs


def _quote(**change):
    row = dict(quote_id=f"{DOC}-q0", doc_id=DOC, paragraph_id=f"{DOC}-p1", char_start=18, char_end=30,
               text="We reject it", quote_type="direct", speaker="the minister", speaker_start=33,
               speaker_end=45, speaker_kind="person", cue="say", n_words=3, n_paragraphs=1)
    row.update(change)
    return pl.DataFrame([row], schema=QUOTES_SCHEMA)


def test_good_quote_passes_both_contracts():
    documents, paragraphs = _frames()
    quotes = _quote()
    assert TEXT[18:30] == "We reject it" and TEXT[33:45] == "the minister"
    QuotesSchema.validate(quotes)
    assert check_quotes_against(quotes, documents, paragraphs).is_empty()


@pytest.mark.parametrize("change", [
    {"char_end": 18},                 # empty span
    {"n_words": 0},
    {"n_paragraphs": 0},
    {"quote_id": "not-an-id"},
    {"speaker": None},                # offsets without a speaker
    {"speaker_kind": "unknown", "speaker": None, "speaker_start": None, "speaker_end": None, "text": "We reject"},
])
def test_bad_rows_fail_the_schema(change):
    with pytest.raises(pandera.errors.SchemaError):
        QuotesSchema.validate(_quote(**change))


def test_duplicate_quote_ids_fail_the_schema():
    with pytest.raises(pandera.errors.SchemaError):
        QuotesSchema.validate(pl.concat([_quote(), _quote()]))


def test_cross_table_checks_report_each_broken_rule():
    documents, paragraphs = _frames()
    bad = pl.concat([
        _quote(text="We reject IT"),
        _quote(quote_id=f"{DOC}-q1", char_start=20, paragraph_id=f"{DOC}-p0", text="reject it", char_end=30),
        _quote(quote_id=f"{DOC}-q2", paragraph_id="ffffffffffffffff-p1"),
    ])
    checks = set(check_quotes_against(bad, documents, paragraphs)["check"])
    assert {"text_is_document_slice", "overlaps_previous_quote", "paragraph_holds_start", "paragraph_in_document"} <= checks
