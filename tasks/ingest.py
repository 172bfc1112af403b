"""Ingest: the bytes of each input file become article records (one per article), or reject rows.

A `.txt` file is one article; `.jsonl` and `.csv` hold one article per record; `.html` is reduced
to its main text and metadata by trafilatura. A record's own fields (title, authors, ...) are kept
as `given_*` columns so that cleaning can let them win over what it guesses from the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import PurePosixPath

import polars as pl

from tasks.decode import decode_bytes

RECORD_SCHEMA: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "source_id": pl.String(),
    "format": pl.String(),
    "encoding": pl.String(),
    "body": pl.String(),
    "given_title": pl.String(),
    "given_subtitle": pl.String(),
    "given_section": pl.String(),
    "given_authors": pl.List(pl.String()),
    "given_published": pl.String(),
    "given_dateline": pl.String(),
    "given_outlet": pl.String(),
    "given_url": pl.String(),
    "reject_reason": pl.String(),
    "reject_detail": pl.String(),
}
FILE_FORMATS = {".txt": "txt", ".text": "txt", ".md": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl",
                ".csv": "csv", ".html": "html", ".htm": "html"}
# Field names a record may use for the same thing; the first is the documented one.
_FIELD_ALIASES = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "subtitle": ("subtitle", "standfirst", "description"),
    "section": ("section", "category"),
    "authors": ("authors", "author", "byline"),
    "published": ("published", "date", "published_at", "datetime"),
    "dateline": ("dateline",),
    "outlet": ("outlet", "source", "publisher", "sitename"),
    "url": ("url", "link"),
}

csv.field_size_limit(sys.maxsize)

# Limits (docs/limits.md). Past them an input is rejected as `too_large`, or (lines) broken up, so
# that no later stage meets an input it cannot finish in reasonable time and memory.
MAX_ARTICLE_CHARS = 1_000_000  # ten times the longest long-read; anything bigger is not one article
MAX_HTML_CHARS = 5_000_000  # an HTML page, markup included, before trafilatura reads it
MAX_LINE_CHARS = 10_000  # one line is one paragraph; real paragraphs stay under ~3,000 characters
# Where a too-long line is broken: after a sentence end, else at a space (never inside a word if it can be helped).
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")
_SPACE = re.compile(r"\s+")
_JSON_TYPES = {"list": "an array", "str": "a string", "int": "a number", "float": "a number", "bool": "true or false",
               "NoneType": "null", "dict": "an object"}


def file_format(path: str) -> str:
    return FILE_FORMATS.get(PurePosixPath(path).suffix.lower(), "txt")


def _row(source_path: str, source_id: str | None, fmt: str, **values) -> dict:
    row = dict.fromkeys(RECORD_SCHEMA)
    row.update(source_path=source_path, source_id=source_id, format=fmt, **values)
    return row


def _reject(source_path: str, source_id: str | None, fmt: str, reason: str, detail: str) -> dict:
    return _row(source_path, source_id, fmt, reject_reason=reason, reject_detail=detail)


def _json_type(value) -> str:
    return _JSON_TYPES.get(type(value).__name__, type(value).__name__)


def _text_field(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise TypeError(f"expected text, got {_json_type(value)}")


def _authors_field(value) -> list[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        names = [str(v).strip() for v in value if v is not None and str(v).strip()]
    elif isinstance(value, str):
        names = [n.strip() for n in value.replace(" and ", ";").replace(",", ";").split(";") if n.strip()]
    else:
        raise TypeError(f"authors: expected a list or text, got {_json_type(value)}")
    return names or None


def _pick(record: dict, field: str):
    for name in _FIELD_ALIASES[field]:
        if record.get(name) not in (None, ""):
            return record[name]
    return None


def _record_row(source_path: str, fmt: str, encoding: str, record: dict, fallback_id: str, seen: dict) -> dict:
    """One JSONL/CSV record; a record that cannot be an article says why."""
    raw_id = record.get("id")
    source_id = str(raw_id).strip() if raw_id not in (None, "") else fallback_id
    if source_id in seen:
        return _reject(source_path, source_id, fmt, "malformed_record",
                       f"{fallback_id}: id {source_id!r} is already used by {seen[source_id]} in the same file")
    seen[source_id] = fallback_id
    try:
        body = _text_field(_pick(record, "text"))
        values = {f"given_{name}": _text_field(_pick(record, name))
                  for name in ("title", "subtitle", "section", "published", "dateline", "outlet", "url")}
        values["given_authors"] = _authors_field(_pick(record, "authors"))
    except TypeError as exc:
        return _reject(source_path, source_id, fmt, "malformed_record", f"{fallback_id}: {exc}")
    if body is None:
        return _reject(source_path, source_id, fmt, "no_body", f"{fallback_id}: the record has no text field")
    return _row(source_path, source_id, fmt, encoding=encoding, body=body, **values)


def _jsonl_rows(source_path: str, text: str, encoding: str, first_line: int = 1) -> list[dict]:
    rows, seen = [], {}
    for line_no, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        where = f"line {line_no}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            rows.append(_reject(source_path, where, "jsonl", "malformed_record", f"{where}: not valid JSON ({exc})"))
            continue
        if not isinstance(record, dict):
            rows.append(_reject(source_path, where, "jsonl", "malformed_record",
                                f"{where}: expected a JSON object, got {_json_type(record)}"))
            continue
        rows.append(_record_row(source_path, "jsonl", encoding, record, where, seen))
    return rows


def _csv_rows(source_path: str, text: str, encoding: str) -> list[dict]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return [_reject(source_path, None, "csv", "empty", "the CSV file has no header row")]
    except csv.Error as exc:
        return [_reject(source_path, None, "csv", "malformed_record", f"the CSV header cannot be read ({exc})")]
    if not any(name in header for name in _FIELD_ALIASES["text"]):
        return [_reject(source_path, None, "csv", "malformed_record",
                        f"the CSV header has no 'text' column (columns: {', '.join(header)})")]
    rows, seen = [], {}
    while True:
        where = f"row {reader.line_num + 1}"
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append(_reject(source_path, where, "csv", "malformed_record", f"{where}: {exc}"))
            break
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            rows.append(_reject(source_path, where, "csv", "malformed_record",
                                f"{where}: {len(values)} fields where the header has {len(header)}"))
            continue
        # Missing trailing fields are empty ones (spreadsheets drop them); a missing text is caught below.
        values += [""] * (len(header) - len(values))
        rows.append(_record_row(source_path, "csv", encoding, dict(zip(header, values)), where, seen))
    return rows


def _html_row(source_path: str, text: str, encoding: str) -> dict:
    import trafilatura  # imported here: loading it costs ~0.3 s and most runs hold no HTML

    stem = PurePosixPath(source_path).stem
    if len(text) > MAX_HTML_CHARS:
        return _reject(source_path, stem, "html", "too_large", f"the HTML page has {len(text):,} characters, "
                       f"over the limit of {MAX_HTML_CHARS:,} characters per page")
    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=False, include_images=False)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        return _reject(source_path, stem, "html", "no_body", "the HTML page has no main text that could be extracted")
    meta = extracted.as_dict()
    return _row(source_path, stem, "html", encoding=encoding, body=body,
                given_title=meta.get("title") or None, given_subtitle=meta.get("description") or None,
                given_authors=_authors_field(meta.get("author")), given_published=meta.get("date") or None,
                given_outlet=meta.get("sitename") or None, given_url=meta.get("url") or None,
                given_section=(meta.get("categories") or [None])[0] if isinstance(meta.get("categories"), list) else None)


def _file_rows(source_path: str, raw: bytes | None, read_error: str | None, first_line: int = 1) -> list[dict]:
    fmt = file_format(source_path)
    stem = PurePosixPath(source_path).stem
    if read_error is not None:
        reason, _, detail = read_error.partition(": ")
        return [_reject(source_path, stem, fmt, reason, detail)]
    decoded = decode_bytes(raw)
    if decoded.text is None:
        return [_reject(source_path, stem, fmt, decoded.reason, decoded.detail)]
    if fmt == "jsonl":
        return _jsonl_rows(source_path, decoded.text, decoded.encoding, first_line) or [
            _reject(source_path, stem, fmt, "empty", "the JSONL file holds no records")]
    if fmt == "csv":
        return _csv_rows(source_path, decoded.text, decoded.encoding) or [
            _reject(source_path, stem, fmt, "empty", "the CSV file holds no records")]
    if fmt == "html":
        return [_html_row(source_path, decoded.text, decoded.encoding)]
    return [_row(source_path, stem, fmt, encoding=decoded.encoding, body=decoded.text)]


def _split_line(line: str) -> list[str]:
    """A line longer than MAX_LINE_CHARS as pieces that are not: each cut after the last sentence
    end in the second half of its window, else at the last space there, else at the limit."""
    pieces, at = [], 0
    while len(line) - at > MAX_LINE_CHARS:
        window_end = at + MAX_LINE_CHARS
        half = at + MAX_LINE_CHARS // 2
        ends = list(_SENTENCE_END.finditer(line, half, window_end))
        spaces = list(_SPACE.finditer(line, half, window_end)) if not ends else []
        if ends:
            piece_end, rest = ends[-1].start() + len(ends[-1].group().rstrip()), ends[-1].end()
        elif spaces:
            piece_end, rest = spaces[-1].start(), spaces[-1].end()
        else:
            piece_end = rest = window_end
        pieces.append(line[at:piece_end])
        at = rest
    return pieces + [line[at:]]


def _within_limits(row: dict) -> dict:
    """The record, rejected when its text is over MAX_ARTICLE_CHARS, its long lines broken up."""
    body = row["body"]
    if body is None or len(body) <= MAX_LINE_CHARS:
        return row
    if len(body) > MAX_ARTICLE_CHARS:
        return _reject(row["source_path"], row["source_id"], row["format"], "too_large",
                       f"the article has {len(body):,} characters, over the limit of {MAX_ARTICLE_CHARS:,} "
                       "characters per article")
    lines = body.split("\n")
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        row["body"] = "\n".join(piece for line in lines for piece in _split_line(line))
    return row


def parse_records(files: pl.DataFrame) -> pl.DataFrame:
    """One row per article record (or per input that cannot be one, with its reject reason).

    `files` has `source_path`, `raw` (bytes) and `read_error` ("reason: detail" when the file could
    not be read), and `first_line` when `raw` is a piece of a larger JSONL file. Decoding and
    format parsing look at one file at a time by nature.
    """
    rows: list[dict] = []
    first = pl.col("first_line") if "first_line" in files.columns else pl.lit(1)
    for source_path, raw, read_error, first_line in files.select(
            "source_path", "raw", "read_error", first.fill_null(1)).iter_rows():
        rows.extend(_within_limits(row) for row in _file_rows(source_path, raw, read_error, first_line))
    return pl.DataFrame(rows, schema=RECORD_SCHEMA, orient="row")
