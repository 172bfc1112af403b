"""Each contract passes the real output and fails a frame broken in one way."""

from pathlib import Path

import polars as pl
import pytest
from pandera.api.polars.types import PolarsData

from flows.inputs import list_inputs, read_files
from flows.shard import build_shard, rejected_rows
from schemas.contracts import (ContractViolation, added_column_failures, count_failures, cross_table_failures,
                               schema_failures, slice_equals, with_document_text)
from schemas.documents import CleanDocumentsSchema, DocumentsSchema
from schemas.paragraphs import ParagraphsSchema
from schemas.rejected import RecordsSchema, RejectedSchema
from schemas.sentences import SentencesSchema
from tasks.clean import clean_documents
from tasks.ingest import parse_records

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds():
    return build_shard(read_files(ROOT / "raw", list_inputs(ROOT / "raw")))


def _fails(model, frame, check=None, table="t"):
    failures = schema_failures("test", table, model, frame)
    assert failures.height > 0, "the contract accepted a broken frame"
    if check:
        assert any(c.startswith(check) for c in failures["check"].to_list()), failures
    return failures


def test_real_tables_pass(seeds):
    assert schema_failures("t", "documents", DocumentsSchema, seeds.documents).height == 0
    assert schema_failures("t", "paragraphs", ParagraphsSchema, seeds.paragraphs).height == 0
    assert schema_failures("t", "sentences", SentencesSchema, seeds.sentences).height == 0
    assert cross_table_failures("t", seeds.documents, seeds.paragraphs, seeds.sentences).height == 0


def test_documents_contract(seeds):
    docs = seeds.documents
    _fails(DocumentsSchema, docs.with_columns(doc_id=pl.lit("XYZ")), "str_matches")
    _fails(DocumentsSchema, pl.concat([docs, docs.head(1)]), "field_uniqueness")
    _fails(DocumentsSchema, docs.with_columns(n_words=pl.lit(-1, dtype=pl.Int32)))
    _fails(DocumentsSchema, docs.with_columns(text=pl.lit("a\n\n\nb")), "text_has_no_empty_paragraph")
    _fails(DocumentsSchema, docs.with_columns(extra=pl.lit(1)))
    at = pl.datetime(2020, 1, 1, 10)
    _fails(DocumentsSchema, docs.with_columns(published_at=at, published_date=pl.date(2021, 1, 1)),
           "published_at_is_on_published_date")


def test_added_columns_checked_and_failures_reported_in_full(seeds):
    docs = seeds.documents
    assert added_column_failures("t", "documents", DocumentsSchema, docs, passed=CleanDocumentsSchema).height == 0
    # a broken count goes through the whole model, which names it as schema_failures does
    broken = docs.with_columns(n_paragraphs=pl.lit(0, dtype=pl.Int32))
    failures = added_column_failures("t", "documents", DocumentsSchema, broken, passed=CleanDocumentsSchema)
    assert failures.equals(schema_failures("t", "documents", DocumentsSchema, broken)) and failures.height > 0
    # so does a frame whose columns are not the model's (strict), and a null count
    extra = docs.with_columns(extra=pl.lit(1))
    assert added_column_failures("t", "documents", DocumentsSchema, extra, passed=CleanDocumentsSchema).height > 0
    nulls = docs.with_columns(n_claims=pl.lit(None, dtype=pl.Int32))
    assert added_column_failures("t", "documents", DocumentsSchema, nulls, passed=CleanDocumentsSchema).height > 0
    # the columns `passed` settled are not scanned again (the caller vouches they are unchanged)
    settled = docs.with_columns(n_words=pl.lit(-1, dtype=pl.Int32))
    assert added_column_failures("t", "documents", DocumentsSchema, settled, passed=CleanDocumentsSchema).height == 0
    # a model that checks its shared columns differently from `passed` checks them again
    assert added_column_failures("t", "documents", DocumentsSchema, docs.with_columns(n_words=pl.lit(-1, dtype=pl.Int32)),
                                 passed=ParagraphsSchema).height > 0


def test_settled_id_patterns_skipped_only_while_passing(seeds):
    from schemas.contracts import _passes
    s = seeds.sentences
    broken = s.with_columns(paragraph_id=pl.col("doc_id") + "-x0")  # same document, no paragraph id
    # the caller's cross-table checks settle the pattern: the one query does not scan for it
    assert _passes(SentencesSchema, broken, settled=("paragraph_id",))
    # they would fail on this frame, so the caller passes nothing settled and the check reports it
    assert cross_table_failures("t", seeds.documents, seeds.paragraphs, broken)["check"].to_list().count("inside_its_paragraph") == s.height
    _fails(SentencesSchema, broken, "str_matches")
    # a failing frame goes through pandera, which runs every check, settled or not
    failures = schema_failures("t", "sentences", SentencesSchema, broken.with_columns(position=pl.lit(-1, pl.Int32)),
                               settled=("paragraph_id",))
    named = set(failures.select("column", check=pl.col("check").str.extract(r"^(\w+)")).iter_rows())
    assert {("paragraph_id", "str_matches"), ("position", "greater_than_or_equal_to")} <= named, failures


def test_clean_documents_contract():
    cleaned = clean_documents(parse_records(pl.DataFrame(
        {"source_path": ["a.txt"], "raw": [b"Title\n\nBody text of the article, long enough.\n\nMore."], "read_error": [None]},
        schema={"source_path": pl.String, "raw": pl.Binary, "read_error": pl.String})))
    docs = cleaned.drop("reject_reason", "reject_detail")
    assert schema_failures("t", "clean", CleanDocumentsSchema, docs).height == 0
    _fails(CleanDocumentsSchema, docs.with_columns(paragraph_kinds=pl.lit(["body"], dtype=pl.List(pl.Enum(["heading", "body"])))),
           "one_kind_per_paragraph")
    words = pl.col("paragraph_words")
    for bad in (words.list.slice(1), words.list.eval(pl.element() + 1), words.list.eval(pl.element() * 0)):
        _fails(CleanDocumentsSchema, docs.with_columns(paragraph_words=bad), "paragraph_words_add_up")
    _fails(CleanDocumentsSchema, docs.with_columns(paragraph_words=pl.lit(None, dtype=pl.List(pl.Int32))))


def test_paragraphs_and_sentences_contracts(seeds):
    p, s = seeds.paragraphs, seeds.sentences
    _fails(ParagraphsSchema, p.with_columns(char_end=pl.col("char_start")), "span_is_not_empty")
    _fails(ParagraphsSchema, p.with_columns(text=pl.col("text") + "x"), "text_length_matches_span")
    _fails(ParagraphsSchema, p.with_columns(paragraph_id=pl.col("paragraph_id") + "0"), "id_is_doc_and_position")
    _fails(ParagraphsSchema, p.with_columns(text=" " + pl.col("text"), char_end=pl.col("char_end") + 1), "text_is_trimmed")
    _fails(SentencesSchema, s.with_columns(paragraph_id=pl.lit("ffffffffffffffff-p0")), "paragraph_is_of_same_document")
    _fails(SentencesSchema, s.with_columns(position=pl.col("position") + 1), "id_is_doc_and_position")


def test_child_id_pattern_still_reported(seeds):
    """The fast pass leaves the paragraph and sentence id patterns to id_is_doc_and_position; a
    broken id still fails, and pandera still names the pattern."""
    from schemas.contracts import _pandera_failures, _passes

    upper = pl.col("doc_id").str.to_uppercase()
    for model, frame, id_column in ((ParagraphsSchema, seeds.paragraphs, "paragraph_id"),
                                    (SentencesSchema, seeds.sentences, "sentence_id")):
        for bad in (frame.with_columns(pl.col(id_column) + "x"),
                    frame.with_columns(pl.col(id_column).str.replace("-", "_")),
                    frame.with_columns(upper, pl.col(id_column).str.to_uppercase())):
            assert not _passes(model, bad)
            failures = _pandera_failures("t", "t", model, bad)
            assert failures.filter((pl.col("column") == id_column) & (pl.col("check").str.starts_with("str_matches"))).height


def test_records_and_rejected_contracts():
    records = parse_records(pl.DataFrame({"source_path": ["a.txt"], "raw": [b"x"], "read_error": [None]},
                                         schema={"source_path": pl.String, "raw": pl.Binary, "read_error": pl.String}))
    assert schema_failures("t", "records", RecordsSchema, records).height == 0
    _fails(RecordsSchema, records.with_columns(body=pl.lit(None, dtype=pl.String)), "body_or_reason")
    _fails(RecordsSchema, records.with_columns(format=pl.lit("pdf")))
    rejected = pl.DataFrame({"source_path": ["a"], "source_id": [None], "reason": ["nonsense"], "detail": ["x"]})
    _fails(RejectedSchema, rejected)


def test_cross_table_checks_name_the_broken_rows(seeds):
    d, p, s = seeds.documents, seeds.paragraphs, seeds.sentences
    shifted = p.with_columns(char_start=pl.col("char_start") + 1, char_end=pl.col("char_end") + 1)
    failures = cross_table_failures("t", d, shifted, s)
    assert set(failures.filter(pl.col("check") == "text_equals_document_slice")["key"]) == set(p["paragraph_id"])
    orphan = cross_table_failures("t", d.slice(1), p, s)
    assert "doc_id_exists_in_documents" in orphan["check"].to_list()
    gap = cross_table_failures("t", d, p.filter(pl.col("position") != 1), s)
    assert "positions_contiguous_from_0" in gap["check"].to_list()
    counts = count_failures("t", d, paragraphs=p.filter(pl.col("position") != 1), sentences=s)
    assert set(counts["check"]) == {"n_paragraphs_matches_paragraphs"} and counts.height == 5


def test_a_violation_summarises_failures_readably(seeds):
    failures = cross_table_failures("segment", seeds.documents.slice(1), seeds.paragraphs, seeds.sentences)
    message = str(ContractViolation("segment", failures))
    assert "contract failed after stage 'segment'" in message
    assert "paragraphs.doc_id_exists_in_documents" in message


def test_rejected_rows_keep_source_and_reason():
    frame = pl.DataFrame({"source_path": ["a"], "source_id": ["x"], "reject_reason": ["empty"], "reject_detail": ["d"]})
    assert rejected_rows(frame).columns == ["source_path", "source_id", "reason", "detail"]


def test_the_one_query_path_agrees_with_pandera(seeds):
    """`schema_failures` asks pandera only about frames its own one-query pass rejects; that
    pass must accept exactly what pandera accepts."""
    from schemas.contracts import _BUILTIN, _pandera_failures, _passes
    from schemas.numeric_claims import NumericClaimsSchema
    from schemas.quotes import QuotesSchema

    models = [DocumentsSchema, CleanDocumentsSchema, ParagraphsSchema, SentencesSchema, RecordsSchema,
              RejectedSchema, NumericClaimsSchema, QuotesSchema]
    used = {c.name for m in models for col in m.to_schema().columns.values() for c in col.checks}
    assert used <= set(_BUILTIN)
    frames = [
        (DocumentsSchema, seeds.documents), (ParagraphsSchema, seeds.paragraphs),
        (SentencesSchema, seeds.sentences), (QuotesSchema, seeds.quotes),
        (NumericClaimsSchema, seeds.numeric_claims),
    ]
    broken = [
        lambda f: f.with_columns(pl.col(f.columns[0]).shift(1)),  # a null key
        lambda f: f.with_columns(char_start=pl.col("char_start") + 1) if "char_start" in f.columns else f.head(0),
        lambda f: pl.concat([f, f.head(1)]),
        lambda f: f.drop(f.columns[-1]),
        lambda f: f.with_columns(extra=pl.lit(1)),
        lambda f: f.with_columns(pl.col(f.columns[-1]).cast(pl.String)),
        lambda f: f.with_columns(pl.col("source_path").str.slice(0, 0)) if "source_path" in f.columns else f,
        lambda f: f.with_columns(value=pl.lit(float("nan"))) if "value" in f.columns else f,
    ]
    for model, frame in frames:
        assert frame.height > 0 and _passes(model, frame)
        for brk in broken:
            bad = brk(frame)
            assert _passes(model, bad) == (_pandera_failures("t", "t", model, bad).height == 0), (model, bad)


def test_slice_equals_is_the_character_slice():
    # ASCII and non-ASCII documents, offsets past the end or negative, nulls, an unknown document
    docs = pl.DataFrame({"doc_id": ["a", "u"], "text": ["The cat sat.", "Ça a coûté 5 €."]})
    rows = pl.DataFrame({
        "doc_id": ["a", "a", "a", "a", "a", "u", "u", "u", "x", "a", "a"],
        "char_start": [4, 0, 8, -4, 5, 2, 11, 13, 0, None, 3],
        "char_end": [7, 3, 40, -1, 5, 9, 14, 15, 3, 3, 3],
        "text": ["cat", "the", "sat.", "sat", "", "a coûté", "5 €", "€.", "The", "The", None],
    }, schema={"doc_id": pl.String, "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.String})
    joined = with_document_text(rows, docs)
    expected = joined.select(
        pl.col("doc_text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start")) == pl.col("text"))
    got = joined.select(slice_equals("char_start", "char_end", "text"))
    assert got.to_series().to_list() == expected.to_series().to_list()


def test_empty_paragraph_check_is_the_one_regex():
    # the check splits `\n\n\n|^\s|\s$|\n\n\s|\s\n\n` into scans that can start from a literal
    spaces = ["\t", "\n", "\x0b", "\x0c", "\r", " ", "\x85", "\xa0", "\u1680", "\u2003", "\u2028", "\u3000", "\x1c", "\u200b"]
    texts = ["a\n\nb", "ab", "", None, "a\n\n\nb"] + [t for s in spaces for t in (
        f"{s}a", f"a{s}", f"a{s}\n\nb", f"a\n\n{s}b", f"a{s}b", f"a\n{s}\nb")]
    frame = pl.DataFrame({"text": texts}, schema={"text": pl.String})
    check = next(c for c in CleanDocumentsSchema.to_schema().checks if c.name == "text_has_no_empty_paragraph")
    got = check._check_fn(PolarsData(frame.lazy(), "*")).collect().to_series()
    expected = frame.select((~pl.col("text").str.contains(r"\n\n\n|^\s|\s$|\n\n\s|\s\n\n")).fill_null(False)).to_series()
    assert got.to_list() == expected.to_list()
    assert not all(got) and any(got)


def test_position_gaps_whatever_the_row_order(seeds):
    d, p, s = seeds.documents, seeds.paragraphs, seeds.sentences

    def gaps(paragraphs):
        failures = cross_table_failures("t", d, paragraphs, s)
        return failures.filter(pl.col("check") == "positions_contiguous_from_0")["key"].to_list()

    assert gaps(p.reverse()) == [] and gaps(p.sample(fraction=1.0, shuffle=True, seed=1)) == []
    # a document's first paragraph again, as a run of its own at the end
    assert gaps(pl.concat([p, p.head(1)])) == [p["doc_id"][0]]
