"""Hostile inputs, built on the fly: none crashes a shard or the build; each lands in documents or rejected.

Most cases go through `build_shard` without Prefect (fast); one flow test runs a folder of all of
them through `build_dataset` and checks that inputs add up and every reject says why in words.
"""

from __future__ import annotations

import codecs
import io
import os
import random
import zipfile
from pathlib import Path

import polars as pl
import pytest

from flows.inputs import hash_inputs, list_inputs, read_files
from flows.shard import build_shard
from tasks.ingest import MAX_ARTICLE_CHARS, MAX_LINE_CHARS
from tests.conftest import files_frame, write_raw

BODY = ("The council voted on Tuesday to approve the new budget after a long debate that lasted into the night.\n\n"
        "Officials said the plan would take effect next month and would be reviewed at the end of the year.")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", BODY)
    return buffer.getvalue()


def _random_bytes(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


def article(title: str, extra: str = "") -> str:
    # The title is repeated in the body so that no two hostile articles clean to the same text.
    return f"{title}\n\n{BODY} This story is about {title.lower()}. {extra}".strip()


# name -> content; every one must become documents or rejected rows, never an exception.
HOSTILE: dict[str, str | bytes] = {
    "empty.txt": b"",
    "whitespace.txt": " \n\t \r\n \xa0 ".encode(),
    "image.txt": b"\x89PNG\r\n\x1a\n" + _random_bytes(3000),
    "archive.txt": _zip(),
    "random.bin": _random_bytes(5000),
    "invalid_utf8.txt": article("Invalid bytes").encode() + b" \xff\xfe\xc3\x28 end.",
    "utf16_bom.txt": codecs.BOM_UTF16_LE + article("UTF-16 with a BOM").encode("utf-16-le"),
    "utf16_no_bom.txt": article("UTF-16 without a BOM").encode("utf-16-le"),
    "utf16_be.txt": article("UTF-16 big-endian").encode("utf-16-be"),
    "cp1252.txt": article("Windows text", "It cost “€5” – café.").encode("cp1252"),
    "latin1.txt": article("Latin-1 text", "Ångström señor.").encode("latin-1"),
    "mojibake.txt": article("Mojibake", "It’s a café.").encode("utf-8").decode("cp1252").encode("utf-8"),
    "nul.txt": article("NUL bytes", "A stray\x00NUL byte.").encode(),
    "control.txt": article("Control characters", "Bell\x07 escape\x1b[31m delete\x7f next\x85line."),
    "rtl.txt": "أخبار الميزانية\n\nصوت المجلس يوم الثلاثاء على الموافقة على الميزانية الجديدة بعد نقاش طويل. "
               "\u202eמשפט בעברית\u202c שלום עולם.",
    "combining.txt": article("Combining marks", "Cafe\u0301 na\u0308ive Z\u0351\u0352\u0353\u0354alg\u0300\u0301o."),
    "emoji.txt": article("Emoji 🎉 budget", "Thumbs 👍🏽 family 👨‍👩‍👧 flag 🇫🇷 done."),
    "only_quotes.txt": '"Yes."\n\n“No!”\n\n"Maybe," "perhaps."\n\n“We will see what happens next,” “and then decide.”',
    "only_numbers.txt": "Figures\n\n1 2 3 4\n\n5,000 6.5% $7bn 12 km\n\n42",
    "number_table.txt": "Results\n\n" + "\n".join(f"{i} {i * 17} {i * 3.5}% ${i}m" for i in range(1, 40)),
    "unbalanced_quotes.txt": article("Quotes", 'He said "this is wrong and “nested ‘deep “deeper” ’ quotes. She said "ok.'),
    "nested_quotes.txt": article("Nested", '“He told me ‘she said “never” to them’ and left,” the mayor said.'),
    "many_quotes.txt": "Quote marks\n\n" + 'He said "' * 10_000 + BODY,
    "many_curly_quotes.txt": "Curly marks\n\n" + "“Yes,” he said. " * 5_000,
    "long_number.txt": article("Long numbers", f"The debt was {'9' * 400} dollars and {'1' * 400}.5% of {'2' * 400}."),
    "script.html": ("<html><head><script>alert(1)</script><title>Budget</title></head><body>"
                    "<iframe src='https://example.com'></iframe><article><p>" + BODY.replace("\n\n", "</p><p>")
                    + "</p></article><script>document.write('x')</script></body></html>"),
    "no_body.html": "<html><head><title>x</title><script>alert(1)</script></head></html>",
    "broken.html": "<html><body><div><p>" + "<b>" * 500 + BODY,
    "records.jsonl": "\n".join([
        '{"id": "1", "title": "Fine", "text": "A real record body that is fine and long enough to keep."}',
        "{broken",
        "[1, 2]",
        '{"id": "1", "text": "Same id again, in the same file."}',
        '{"id": "2", "text": 5}',
        '{"id": "3", "text": ["a list"]}',
        '{"id": "4", "title": {"a": 1}, "text": "A title that is an object."}',
        '{"id": "5"}',
        '"just a string"',
        "null",
        '{"id": "6", "authors": 12, "text": "Authors that are a number."}',
    ]),
    "records.csv": ('id,title,text\n1,T,A real csv body here that is fine.\n2,Only a title\n1,X,Duplicate id row\n'
                    '3,a,b,c,d\n4,"unterminated,text\n'),
    "header_only.csv": "id,title,text\n",
    "no_text_column.csv": "id,title\n1,T\n",
    "name with spaces é 名前.txt": article("Spaces and Unicode in the name"),
    "name\nwith newline.txt": article("A newline in the name"),
}


@pytest.fixture(scope="module")
def hostile_tables():
    return build_shard(files_frame(HOSTILE))


def accounted(tables) -> dict[str, int]:
    counts: dict[str, int] = {}
    for frame in (tables.documents, tables.rejected):
        for path in frame["source_path"]:
            counts[path] = counts.get(path, 0) + 1
    return counts


def test_every_hostile_input_lands_in_documents_or_rejected(hostile_tables):
    counts = accounted(hostile_tables)
    assert set(counts) == set(HOSTILE)
    # One row per single-article file; a file of records has one row per record.
    assert all(n == 1 for path, n in counts.items() if not path.endswith((".jsonl", ".csv")))
    assert counts["records.jsonl"] == 11 and counts["records.csv"] == 5


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty"), ("whitespace.txt", "empty"), ("image.txt", "binary"), ("archive.txt", "binary"),
    ("random.bin", "binary"), ("no_body.html", "no_body"), ("header_only.csv", "empty"),
    ("no_text_column.csv", "malformed_record"),
])
def test_hostile_rejects_have_their_reason(hostile_tables, name, reason):
    rejected = hostile_tables.rejected.filter(pl.col("source_path") == name)
    assert rejected["reason"].cast(pl.String).to_list() == [reason]


@pytest.mark.parametrize("name", ["invalid_utf8.txt", "utf16_bom.txt", "utf16_no_bom.txt", "utf16_be.txt", "cp1252.txt",
                                  "latin1.txt", "mojibake.txt", "nul.txt", "control.txt", "rtl.txt", "combining.txt",
                                  "emoji.txt", "only_quotes.txt", "number_table.txt", "unbalanced_quotes.txt",
                                  "nested_quotes.txt", "many_quotes.txt", "many_curly_quotes.txt", "long_number.txt",
                                  "script.html", "name with spaces é 名前.txt", "name\nwith newline.txt"])
def test_readable_hostile_inputs_become_documents(hostile_tables, name):
    docs = hostile_tables.documents.filter(pl.col("source_path") == name)
    assert docs.height == 1, hostile_tables.rejected.filter(pl.col("source_path") == name)
    text = docs["text"][0]
    assert "\x00" not in text and "\ufffd" not in text and "\x1b" not in text


def test_encodings_decode_to_the_same_words(hostile_tables):
    text = dict(zip(hostile_tables.documents["source_path"], hostile_tables.documents["text"]))
    assert "“€5” – café" in text["cp1252.txt"]
    assert "Ångström señor" in text["latin1.txt"]
    assert "It’s a café" in text["mojibake.txt"]
    for name in ("utf16_bom.txt", "utf16_no_bom.txt", "utf16_be.txt"):
        assert text[name].startswith("The council voted")
    assert "<script" not in text["script.html"] and "alert" not in text["script.html"]


def test_malformed_records_are_rejected_one_by_one(hostile_tables):
    rejected = hostile_tables.rejected.filter(pl.col("source_path") == "records.jsonl")
    assert rejected.height == 9
    details = " | ".join(rejected["detail"])
    for words in ("not valid JSON", "expected a JSON object, got an array", "already used by line 1",
                  "expected text, got an array", "got an object", "no text field", "got null",
                  "authors: expected a list or text, got a number"):
        assert words in details
    assert "NoneType" not in details and "dict" not in details
    kept = hostile_tables.documents.filter(pl.col("source_path") == "records.jsonl")
    assert sorted(kept["source_id"]) == ["1", "2"]


def test_every_reject_detail_is_a_sentence(hostile_tables):
    for detail in hostile_tables.rejected["detail"]:
        assert detail and len(detail.split()) >= 4, detail
        assert "Traceback" not in detail and "Error(" not in detail, detail


def test_offsets_of_hostile_documents_slice_the_text(hostile_tables):
    text = dict(zip(hostile_tables.documents["doc_id"], hostile_tables.documents["text"]))
    for name in ("paragraphs", "sentences", "quotes", "numeric_claims"):
        for doc_id, start, end, span in getattr(hostile_tables, name).select(
                "doc_id", "char_start", "char_end", "text").iter_rows():
            assert text[doc_id][start:end] == span, (name, doc_id)


@pytest.mark.slow
def test_a_50_mb_article_is_rejected_too_large_and_the_shard_goes_on():
    big = ("Big story\n\n" + BODY + "\n\n") * (50 * 1024 * 1024 // (len(BODY) + 13))
    tables = build_shard(files_frame({"big.txt": big, "small.txt": article("Small story")}))
    assert tables.documents["source_path"].to_list() == ["small.txt"]
    row = tables.rejected.row(0, named=True)
    assert row["reason"] == "too_large" and f"{MAX_ARTICLE_CHARS:,}" in row["detail"]


@pytest.mark.slow
def test_a_single_5_mb_line_is_rejected_and_a_long_line_under_the_article_limit_is_split():
    line = ("word " * (5 * 1024 * 1024 // 5)).strip()
    long_paragraph = " ".join(f"Sentence number {i} is about the budget." for i in range(3000))
    tables = build_shard(files_frame({"line.txt": "Title\n\n" + line, "para.txt": "A long paragraph\n\n" + long_paragraph}))
    assert tables.rejected["reason"].cast(pl.String).to_list() == ["too_large"]
    doc = tables.documents.row(0, named=True)
    assert doc["source_path"] == "para.txt"
    assert doc["text"].split() == long_paragraph.split()  # nothing lost, only broken into paragraphs
    assert tables.paragraphs["text"].str.len_chars().max() <= MAX_LINE_CHARS
    assert tables.paragraphs["text"].str.ends_with(".").all()  # broken after sentence ends


# --- the raw folder: links, special files, odd names --------------------------------------------


def hostile_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    write_raw(outside, {"secret.txt": article("Secret")})
    raw = write_raw(tmp_path / "raw", {name: content for name, content in HOSTILE.items()})
    (raw / "link_outside.txt").symlink_to(outside / "secret.txt")
    (raw / "folder_outside").symlink_to(outside)
    (raw / "dangling.txt").symlink_to(raw / "missing.txt")
    (raw / "link_inside.txt").symlink_to(raw / "emoji.txt")
    os.mkfifo(raw / "pipe.txt")
    (raw / "folder.txt").mkdir()
    (raw / os.fsdecode(b"latin1-name-\xe9.txt")).write_bytes(article("A name in Latin-1").encode())
    return raw


def test_the_listing_never_blocks_or_crashes_on_special_files(tmp_path):
    raw = hostile_folder(tmp_path)
    inputs = hash_inputs(raw, list_inputs(raw), None)  # a FIFO must not block here (pytest-timeout guards)
    problems = dict(zip(inputs["source_path"], inputs["problem"]))
    assert problems["pipe.txt"].startswith("unreadable: it is a named pipe")
    assert problems["dangling.txt"].startswith("unreadable:")
    assert problems["link_outside.txt"].startswith("symlink_outside:")
    assert problems["folder_outside"].startswith("symlink_outside:")
    assert problems["latin1-name-\\xe9.txt"].startswith("unreadable: the file name is not valid UTF-8")
    assert problems["link_inside.txt"] is None and problems["name\nwith newline.txt"] is None
    assert "folder.txt" not in problems and "outside/secret.txt" not in problems
    files = read_files(raw, inputs)
    assert files.filter(pl.col("source_path") == "link_outside.txt")["raw"][0] is None  # never read


def test_a_file_that_vanishes_or_becomes_a_pipe_after_listing_is_unreadable(tmp_path):
    raw = write_raw(tmp_path / "raw", {"gone.txt": article("Gone"), "pipe.txt": article("Pipe"), "ok.txt": article("Ok")})
    inputs = list_inputs(raw)
    (raw / "gone.txt").unlink()
    (raw / "pipe.txt").unlink()
    os.mkfifo(raw / "pipe.txt")
    tables = build_shard(read_files(raw, inputs))
    reasons = dict(zip(tables.rejected["source_path"], tables.rejected["reason"].cast(pl.String)))
    assert reasons == {"gone.txt": "unreadable", "pipe.txt": "unreadable"}
    assert tables.documents["source_path"].to_list() == ["ok.txt"]


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_folder_of_every_hostile_input_builds_and_adds_up(tmp_path):
    from flows.build import build_dataset

    raw = hostile_folder(tmp_path)
    out = tmp_path / "out"
    summary = build_dataset(raw_dir=str(raw), out_dir=str(out), shard_size=4)
    documents = pl.read_parquet(out / "documents" / "*.parquet")
    rejected = pl.read_parquet(out / "rejected" / "*.parquet")
    inputs = pl.read_parquet(out / ".current" / "_inputs.parquet")
    assert summary["inputs"] == summary["documents"] + summary["rejected"] == documents.height + rejected.height
    # Every input file is there: once for a single article, once per record for JSONL/CSV.
    assert set(documents["source_path"]) | set(rejected["source_path"]) == set(inputs["source_path"])
    reasons = dict(zip(rejected["source_path"], rejected["reason"].cast(pl.String)))
    assert reasons["pipe.txt"] == "unreadable" and reasons["link_outside.txt"] == "symlink_outside"
    assert reasons["link_inside.txt"] == "duplicate"  # the same article as emoji.txt, read through the link
    for detail in rejected["detail"]:
        assert len(detail.split()) >= 4 and "Traceback" not in detail, detail


def test_a_shard_of_only_rejected_inputs_does_not_crash():
    # reject_duplicates compared whole structs, which panicked in polars when no row was accepted.
    tables = build_shard(files_frame({"a.txt": b"", "b.txt": b"\x89PNG\r\n\x1a\n", "c.txt": " "}))
    assert tables.documents.height == 0 and tables.rejected.height == 3
