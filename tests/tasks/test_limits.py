"""Limits: the documented maximums and what happens past them; every task finishes in time linear
in its input (timed on n and 4n with process time, a generous bound on the ratio)."""

from __future__ import annotations

import time

import polars as pl
import pytest

from tasks.clean import clean_documents
from tasks.ingest import MAX_ARTICLE_CHARS, MAX_HTML_CHARS, MAX_LINE_CHARS, parse_records
from tasks.numeric_claims import extract_numeric_claims
from tasks.quotes import extract_quotes
from tasks.segment import count_sentences, segment_paragraphs, segment_sentences
from tests.conftest import files_frame

SENTENCE = "The mayor said the budget of $4.5bn would rise by 12% next year. "


def test_an_article_over_the_limit_is_rejected_too_large():
    records = parse_records(files_frame({"a.txt": "x " * (MAX_ARTICLE_CHARS // 2 + 1),
                                         "b.jsonl": '{"id": "1", "text": "%s"}\n{"id": "2", "text": "fine"}' % ("y " * MAX_ARTICLE_CHARS)}))
    reasons = records.select("source_path", "source_id", "reject_reason").rows()
    assert reasons == [("a.txt", "a", "too_large"), ("b.jsonl", "1", "too_large"), ("b.jsonl", "2", None)]
    assert f"{MAX_ARTICLE_CHARS:,}" in records["reject_detail"][0]


def test_an_html_page_over_the_limit_is_rejected_before_extraction():
    page = "<html><body><p>" + "word " * (MAX_HTML_CHARS // 5) + "</p></body></html>"
    row = parse_records(files_frame({"a.html": page})).row(0, named=True)
    assert row["reject_reason"] == "too_large" and "HTML page" in row["reject_detail"]


@pytest.mark.parametrize("line", [SENTENCE * 400, "word " * 5000, "x" * 25_000])
def test_a_line_over_the_limit_is_broken_and_keeps_every_character(line):
    body = parse_records(files_frame({"a.txt": "Title\n\n" + line}))["body"][0]
    pieces = body.split("\n")[2:]
    assert max(map(len, pieces)) <= MAX_LINE_CHARS and len(pieces) > 1
    assert "".join("".join(pieces).split()) == "".join(line.split())


def _stages(text: str) -> dict[str, float]:
    spent = {}
    clock = time.process_time
    t = clock(); records = parse_records(files_frame({"a.txt": text})); spent["ingest"] = clock() - t
    t = clock(); docs = clean_documents(records).filter(pl.col("reject_reason").is_null()); spent["clean"] = clock() - t
    t = clock(); paragraphs = segment_paragraphs(docs); sentences = segment_sentences(paragraphs)
    paragraphs = count_sentences(paragraphs, sentences); spent["segment"] = clock() - t
    t = clock(); quotes = extract_quotes(docs, paragraphs, sentences); spent["quotes"] = clock() - t
    t = clock(); extract_numeric_claims(sentences, quotes); spent["numeric_claims"] = clock() - t
    return spent


def _least(runs) -> dict[str, float]:
    runs = list(runs)
    return {stage: min(run[stage] for run in runs) for stage in runs[0]}


SHAPES = {
    "paragraphs": lambda n: "Story\n\n" + "\n\n".join(f"Paragraph {i}: {SENTENCE}" for i in range(n)),
    "one_long_paragraph": lambda n: "Story\n\n" + " ".join(f"Sentence {i} was said by the mayor." for i in range(n)),
    "quote_marks_one_paragraph": lambda n: "Story\n\n" + "“Yes,” he said. " * n,
    "straight_quote_marks": lambda n: "Story\n\n" + 'He said "' * (4 * n) + SENTENCE,
    "numbers_one_sentence": lambda n: "Story\n\n" + " ".join(f"{i} people and {i}.5% of ${i}m" for i in range(n)) + ".",
}
@pytest.mark.slow
@pytest.mark.parametrize("shape, n", [
    ("paragraphs", 500), ("one_long_paragraph", 500), ("quote_marks_one_paragraph", 500), ("straight_quote_marks", 500),
    ("numbers_one_sentence", 1000),
])
def test_every_stage_is_linear_in_its_input(shape, n):
    make = SHAPES[shape]
    _stages(make(50))  # warm up (imports, regex compilation)
    # The least of three runs per stage: a single run on a busy host once took 17x for 4x (CI).
    small, large = (_least(_stages(make(size)) for _ in range(3)) for size in (n, 4 * n))
    slow = {stage: round(large[stage] / max(small[stage], 0.02), 1) for stage in small
            if large[stage] > 8 * max(small[stage], 0.02)}
    assert not slow, f"4x the input took more than 8x the time: {slow}"
