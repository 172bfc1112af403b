"""Property tests (hypothesis), one class per task function: no exception on any text, offsets
always slice the document text, cleaning is idempotent, ids are stable."""

from __future__ import annotations

import hashlib

import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tasks.clean import clean_documents, reject_duplicates
from tasks.decode import decode_bytes
from tasks.ingest import MAX_LINE_CHARS, parse_records
from tasks.normalise import normalised_text
from tasks.numeric_claims import extract_numeric_claims
from tasks.quotes import extract_quotes
from tasks.segment import count_sentences, segment_paragraphs, segment_sentences
from tests.conftest import files_frame

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Examples that run the whole clean-segment-annotate chain cost ~0.2 s each on 2 cores.
PIPELINE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that hits the rules: words, capitals, sentence ends, quote marks, digits, units, line breaks,
# plus anything Unicode has (controls, RTL, combining marks, emoji, surrogate-free).
_PIECES = st.sampled_from([
    "The ", "mayor ", "said ", "Mr. ", "U.S. ", "Smith ", "“", "”", '"', "‘", "’", "'", ". ", "! ", "? ", "… ",
    "\n", "\n\n", "\r\n", " ", "42 ", "3.5% ", "$1.2bn ", "400,000 ", "km ", "about ", "By ", "Share ", "\u00a0",
    "\u200b", "\x00", "\x1b", "\u202e", "e\u0301", "🎉", "أخبار ", "—", "(", ")", "January 4, 2019 ", "9" * 40,
])
TEXT = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=8)), max_size=60).map("".join)


def _docs(texts: list[str]) -> pl.DataFrame:
    """Documents as segmentation gets them: cleaned text never holds NUL (segment uses it as a marker)."""
    texts = [t.replace("\x00", "") for t in texts]
    return pl.DataFrame({"doc_id": [f"{i:016x}" for i in range(len(texts))], "text": texts})


def _pipeline(texts: list[str]):
    records = parse_records(files_frame({f"{i}.txt": t for i, t in enumerate(texts)}))
    cleaned = reject_duplicates(clean_documents(records))
    docs = cleaned.filter(pl.col("reject_reason").is_null())
    paragraphs = segment_paragraphs(docs)
    sentences = segment_sentences(paragraphs)
    return records, cleaned, docs, count_sentences(paragraphs, sentences), sentences


def _assert_slices(docs: pl.DataFrame, rows: pl.DataFrame) -> None:
    text = dict(zip(docs["doc_id"], docs["text"]))
    for doc_id, start, end, span in rows.select("doc_id", "char_start", "char_end", "text").iter_rows():
        assert 0 <= start <= end <= len(text[doc_id])
        assert text[doc_id][start:end] == span


class TestDecodeBytes:
    @SETTINGS
    @given(st.binary(max_size=3000))
    def test_any_bytes_decode_or_say_why(self, raw):
        decoded = decode_bytes(raw)
        assert (decoded.text is None) == (decoded.reason is not None)
        assert decoded.text is None or decoded.text.strip()

    @SETTINGS
    @given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
    @example("\u200b\u00d0", "utf-8")  # a mojibake hint that ftfy leaves alone, behind an invisible mark
    def test_encoded_text_comes_back(self, text, encoding):
        text = text.replace("\x00", "")
        if encoding == "utf-16-le":
            # Without a BOM, UTF-16 is recognised by the NUL byte beside each ASCII character;
            # other text gives no reliable sign and is rightly read as bytes of another encoding.
            if len(text) < 2 or not text.isascii():
                return
        try:
            raw = text.encode(encoding)
        except UnicodeEncodeError:
            return
        decoded = decode_bytes(raw)
        if decoded.text is not None and encoding.startswith("utf") and "+ftfy" not in decoded.encoding:
            assert decoded.text.replace("\ufeff", "") == text.replace("\ufeff", "")


class TestParseRecords:
    @SETTINGS
    @given(st.dictionaries(st.sampled_from(["a.txt", "b.jsonl", "c.csv", "d.html", "e", "f g\n.md"]),
                           st.one_of(TEXT, st.binary(max_size=500)), max_size=4))
    def test_every_file_gives_rows_never_an_exception(self, files):
        records = parse_records(files_frame(files))
        assert set(records["source_path"]) == set(files)
        ok = records.filter(pl.col("reject_reason").is_null())
        assert ok["body"].is_not_null().all()
        rejected = records.filter(pl.col("reject_reason").is_not_null())
        assert rejected["reject_detail"].is_not_null().all()

    @settings(max_examples=20, deadline=None)
    @given(st.integers(MAX_LINE_CHARS + 1, 3 * MAX_LINE_CHARS), st.sampled_from(["word ", "x", "Yes. ", "a\u00a0"]))
    def test_long_lines_are_broken_and_nothing_is_lost(self, size, unit):
        line = (unit * (size // len(unit) + 1))[:size]
        body = parse_records(files_frame({"a.txt": "Title\n" + line}))["body"][0]
        assert max(len(x) for x in body.split("\n")) <= MAX_LINE_CHARS
        assert "".join(body.split()) == "".join(("Title\n" + line).split())


class TestNormalisedText:
    @SETTINGS
    @given(TEXT)
    def test_idempotent_and_free_of_controls(self, text):
        once = pl.select(normalised_text(pl.lit(text))).item()
        twice = pl.select(normalised_text(pl.lit(once))).item()
        assert once == twice
        assert not any(ord(c) < 32 and c != "\n" for c in once)


class TestCleanDocuments:
    @PIPELINE
    @given(st.lists(TEXT, min_size=1, max_size=4))
    def test_one_row_per_record_and_ids_from_text(self, texts):
        records, cleaned, docs, _, _ = _pipeline(texts)
        assert cleaned.height == records.height
        for doc_id, text in docs.select("doc_id", "text").iter_rows():
            assert doc_id == hashlib.sha256(text.encode()).hexdigest()[:16]
            assert text == text.strip() and "\n\n\n" not in text

    @PIPELINE
    @given(TEXT)
    def test_cleaning_a_cleaned_text_changes_nothing(self, text):
        _, _, docs, _, _ = _pipeline([text])
        if docs.is_empty():
            return
        doc = docs.row(0, named=True)
        # The cleaned text with its title given back (as a JSONL record would) cleans to itself.
        record = parse_records(files_frame({"a.txt": doc["text"]})).with_columns(
            given_title=pl.lit(doc["title"], dtype=pl.String))
        again = clean_documents(record)
        assert again["text"][0] == doc["text"]
        assert again["doc_id"][0] == doc["doc_id"]

    @settings(max_examples=20, deadline=None)
    @given(st.lists(TEXT, min_size=1, max_size=4))
    def test_ids_do_not_depend_on_the_batch(self, texts):
        _, _, together, _, _ = _pipeline(texts)
        alone = {t for text in texts for t in _pipeline([text])[2]["doc_id"]}
        assert set(together["doc_id"]) <= alone


class TestRejectDuplicates:
    @PIPELINE
    @given(st.lists(TEXT, min_size=1, max_size=4))
    def test_one_document_per_text(self, texts):
        _, cleaned, docs, _, _ = _pipeline(texts + texts[:1])
        assert docs["doc_id"].n_unique() == docs.height


class TestSegmentParagraphs:
    @SETTINGS
    @given(st.lists(TEXT.filter(str.strip), min_size=1, max_size=3))
    def test_offsets_slice_and_ids_are_positions(self, texts):
        docs = _docs(texts)
        paragraphs = segment_paragraphs(docs)
        _assert_slices(docs, paragraphs)
        for doc_id, ids in paragraphs.group_by("doc_id", maintain_order=True).agg("paragraph_id").iter_rows():
            assert ids == [f"{doc_id}-p{i}" for i in range(len(ids))]


class TestSegmentSentences:
    @SETTINGS
    @given(st.lists(TEXT, min_size=1, max_size=3))
    def test_offsets_slice_inside_their_paragraph(self, texts):
        docs = _docs(texts)
        paragraphs = segment_paragraphs(docs)
        sentences = segment_sentences(paragraphs)
        _assert_slices(docs, sentences)
        bounds = dict(zip(paragraphs["paragraph_id"], zip(paragraphs["char_start"], paragraphs["char_end"])))
        for pid, start, end in sentences.select("paragraph_id", "char_start", "char_end").iter_rows():
            assert bounds[pid][0] <= start < end <= bounds[pid][1]


class TestExtractQuotes:
    @PIPELINE
    @given(st.lists(TEXT, min_size=1, max_size=3))
    def test_any_text_and_offsets_slice(self, texts):
        _, _, docs, paragraphs, sentences = _pipeline(texts)
        quotes = extract_quotes(docs, paragraphs, sentences)
        _assert_slices(docs, quotes)
        assert quotes["quote_id"].n_unique() == quotes.height


class TestExtractNumericClaims:
    @PIPELINE
    @given(st.lists(TEXT, min_size=1, max_size=3))
    def test_any_text_and_offsets_slice(self, texts):
        _, _, docs, paragraphs, sentences = _pipeline(texts)
        claims = extract_numeric_claims(sentences, extract_quotes(docs, paragraphs, sentences))
        _assert_slices(docs, claims)
        assert claims["claim_id"].n_unique() == claims.height
