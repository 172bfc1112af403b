import json

import polars as pl

from tasks.ingest import parse_records
from tests.conftest import files_frame


def _records(files):
    return parse_records(files_frame(files))


def test_a_text_file_is_one_record_named_by_its_stem():
    out = _records({"news/a b.txt": "Title\n\nBody text."})
    assert out.select("source_path", "source_id", "format").row(0) == ("news/a b.txt", "a b", "txt")
    assert out["body"][0] == "Title\n\nBody text."


def test_jsonl_records_keep_their_given_fields():
    lines = [json.dumps({"id": 7, "title": "T", "text": "Body.", "authors": ["A B", "C D"], "published": "2024-01-02",
                         "url": "https://x.org/a", "outlet": "X", "section": "World"})]
    out = _records({"a.jsonl": "\n".join(lines)})
    row = out.row(0, named=True)
    assert row["source_id"] == "7"
    assert row["given_title"] == "T" and row["given_authors"] == ["A B", "C D"]
    assert row["given_url"] == "https://x.org/a" and row["given_section"] == "World"


def test_malformed_jsonl_lines_are_rejected_one_by_one():
    good = json.dumps({"id": "a", "title": "T", "text": "Body."})
    out = _records({"a.jsonl": "\n".join([good, "{not json", json.dumps([1, 2]), json.dumps({"id": "b", "text": 5.5}),
                                          json.dumps({"id": "c", "text": {"x": 1}}), json.dumps({"id": "d"}),
                                          json.dumps({"id": "a", "text": "again"})])})
    reasons = out["reject_reason"].to_list()
    assert reasons[0] is None
    assert reasons[1:] == ["malformed_record", "malformed_record", None, "malformed_record", "no_body", "malformed_record"]
    assert "already used" in out["reject_detail"][6]
    assert out["body"][3] == "5.5"


def test_csv_records_and_bad_rows():
    csv_text = 'id,title,text,authors\n1,First,"Body, with comma.","A B and C D"\n2,Second\n3,Third,"Multi\nline body."\n'
    out = _records({"a.csv": csv_text})
    assert out["reject_reason"].to_list() == [None, "no_body", None]
    assert out["given_authors"][0].to_list() == ["A B", "C D"]
    assert out["body"][2] == "Multi\nline body."


def test_csv_without_a_text_column_is_rejected_whole():
    out = _records({"a.csv": "id,title\n1,x\n"})
    assert out.height == 1 and out["reject_reason"][0] == "malformed_record"
    assert "no 'text' column" in out["reject_detail"][0]


def test_html_goes_through_trafilatura_with_metadata():
    html = """<html><head><title>Big news - Paper</title><meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2024-08-06T11:46:00Z"></head><body>
    <nav>Home | World | Sport</nav><article><h1>Big news</h1>
    <p>The first paragraph of the article is long enough to be kept as the main text of the page.</p>
    <p>"We will not stop," the minister said on Tuesday, adding that more talks were planned soon.</p>
    </article><script>alert('x')</script><footer>Share this</footer></body></html>"""
    row = _records({"p.html": html}).row(0, named=True)
    assert row["reject_reason"] is None
    assert "first paragraph" in row["body"] and "alert" not in row["body"] and "Home | World" not in row["body"]
    assert row["given_authors"] == ["Jane Doe"]
    assert row["given_published"] == "2024-08-06"


def test_html_without_a_body_is_rejected():
    out = _records({"p.html": "<html><head><script>var a=1;</script></head><body><iframe src='x'></iframe></body></html>"})
    assert out["reject_reason"][0] == "no_body"


def test_read_errors_become_reject_rows():
    frame = pl.DataFrame({"source_path": ["x.txt"], "raw": [None], "read_error": ["unreadable: permission denied"]},
                         schema={"source_path": pl.String, "raw": pl.Binary, "read_error": pl.String})
    row = parse_records(frame).row(0, named=True)
    assert (row["reject_reason"], row["reject_detail"]) == ("unreadable", "permission denied")


def test_jsonl_field_rules_hold_for_every_kind_of_line():
    # Flat objects of text are decoded by polars, the rest by Python: both follow the same rules.
    lines = ['{"id": 12, "title": "  T  ", "text": "Body \\u00e9.", "authors": "A and B, C"}\r',
             '{"id": " x ", "text": "B.", "text": "The last of two equal keys wins."}',
             '{"id": 1.5, "headline": "H", "title": "", "body": "B."}',
             '{"id": "y", "text": " ", "body": "B."}',
             '{"id": "z", "author": 5, "text": "B."}',
             '{"id": "x", "text": "B."}']
    out = _records({"a.jsonl": "\n".join(lines)}).rows(named=True)
    assert [r["source_id"] for r in out] == ["12", "x", "1.5", "y", "z", "x"]
    assert (out[0]["given_title"], out[0]["body"], out[0]["given_authors"]) == ("T", "Body é.", ["A", "B", "C"])
    assert out[1]["body"] == "The last of two equal keys wins."
    assert (out[2]["given_title"], out[2]["body"]) == ("H", "B.")
    assert out[3]["reject_reason"] == "no_body"
    assert out[4]["reject_detail"] == "line 5: authors: expected a list or text, got a number"
    assert out[5]["reject_detail"] == "line 6: id 'x' is already used by line 2 in the same file"
