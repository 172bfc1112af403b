"""Ingest: the bytes of each input file become article records (one per article), or reject rows.

A `.txt` file is one article; `.jsonl` and `.csv` hold one article per record; `.html` is reduced
to its main text and metadata by trafilatura. A record's own fields (title, authors, ...) are kept
as `given_*` columns so that cleaning can let them win over what it guesses from the text.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import PurePosixPath

import polars as pl

from tasks.decode import Decoded, decode_bytes
# The limits are part of ingest's interface (tests and flows import them from here).
from tasks.limits import MAX_ARTICLE_CHARS, MAX_HTML_CHARS, MAX_LINE_CHARS, all_within_limits  # noqa: F401

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

_JSON_TYPES = {"list": "an array", "str": "a string", "int": "a number", "float": "a number", "bool": "true or false",
               "NoneType": "null", "dict": "an object"}
_GIVEN_TEXT = ("title", "subtitle", "section", "published", "dateline", "outlet", "url")
_RECORD_KEYS = ("id", *(name for names in _FIELD_ALIASES.values() for name in names))
# What Python's `str.strip()` removes (`str.isspace`), for the expressions that mirror it.
_PY_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
             "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# A JSONL line that polars may decode: one flat object of strings, nulls and integers in strict
# JSON, the grammar Python's json.loads reads the same way. Left to Python: floats (printed
# differently), escaped surrogates (Python keeps a lone one), keys with escapes, anything nested.
_JS = r"[ \t\r]*"
_JSON_STRING = (r'"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u(?:[0-9a-cA-Ce-fE-F][0-9a-fA-F]{3}|[dD][0-7][0-9a-fA-F]{2}))*"')
_JSON_PAIR = rf'"[^"\\\x00-\x1f]*"{_JS}:{_JS}(?:{_JSON_STRING}|null|0|-?[1-9][0-9]{{0,14}}){_JS}'
_SIMPLE_JSON = rf"^{_JS}\{{{_JS}(?:{_JSON_PAIR}(?:,{_JS}{_JSON_PAIR})*)?\}}{_JS}$"
# In such a line a quote after `{` or `,` (and spaces) opens a key: inside a string it would be
# escaped. The key's known names, each with the first character of its value.
_KEY_AT = rf'[{{,]{_JS}"(?:{"|".join(_RECORD_KEYS)})"{_JS}:{_JS}.'
_NUMBER_AUTHORS = rf'"(?:{"|".join(_FIELD_ALIASES["authors"])})"{_JS}:{_JS}[-0-9]$'


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


def _record_id(record: dict, fallback_id: str) -> str:
    raw_id = record.get("id")
    return str(raw_id).strip() if raw_id not in (None, "") else fallback_id


def _duplicate_detail(fallback_id: str, source_id: str, first: str) -> str:
    return f"{fallback_id}: id {source_id!r} is already used by {first} in the same file"


def _record_values(source_path: str, fmt: str, encoding: str, record: dict, fallback_id: str, source_id: str) -> dict:
    """One JSONL/CSV record whose id is free; a record that cannot be an article says why."""
    try:
        body = _text_field(_pick(record, "text"))
        values = {f"given_{name}": _text_field(_pick(record, name)) for name in _GIVEN_TEXT}
        values["given_authors"] = _authors_field(_pick(record, "authors"))
    except TypeError as exc:
        return _reject(source_path, source_id, fmt, "malformed_record", f"{fallback_id}: {exc}")
    if body is None:
        return _reject(source_path, source_id, fmt, "no_body", f"{fallback_id}: the record has no text field")
    return _row(source_path, source_id, fmt, encoding=encoding, body=body, **values)


def _record_row(source_path: str, fmt: str, encoding: str, record: dict, fallback_id: str, seen: dict) -> dict:
    """One CSV record; an id already used in the same file rejects it."""
    source_id = _record_id(record, fallback_id)
    if source_id in seen:
        return _reject(source_path, source_id, fmt, "malformed_record",
                       _duplicate_detail(fallback_id, source_id, seen[source_id]))
    seen[source_id] = fallback_id
    return _record_values(source_path, fmt, encoding, record, fallback_id, source_id)


def _jsonl_line(source_path: str, encoding: str, line: str, where: str) -> dict:
    """One JSONL line parsed by Python; `_has_id` marks a record whose id counts in the file's
    duplicate check (a line that is no JSON object has none)."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        row = _reject(source_path, where, "jsonl", "malformed_record", f"{where}: not valid JSON ({exc})")
        return {**row, "_has_id": False}
    if not isinstance(record, dict):
        row = _reject(source_path, where, "jsonl", "malformed_record",
                      f"{where}: expected a JSON object, got {_json_type(record)}")
        return {**row, "_has_id": False}
    source_id = _record_id(record, where)
    return {**_record_values(source_path, "jsonl", encoding, record, where, source_id), "_has_id": True}


def _text_expr(value: pl.Expr) -> pl.Expr:
    """`_text_field` of a string column."""
    text = value.str.strip_chars(_PY_SPACE)
    return pl.when(text != "").then(text)


def _authors_expr(value: pl.Expr) -> pl.Expr:
    """`_authors_field` of a string column."""
    names = (value.str.replace_all(" and ", ";", literal=True).str.replace_all(",", ";", literal=True).str.split(";")
             .list.eval(pl.element().str.strip_chars(_PY_SPACE)).list.filter(pl.element() != ""))
    return pl.when(names.list.len() > 0).then(names)


def _simple_records(lines: pl.DataFrame) -> pl.DataFrame:
    """The records of lines that are flat JSON objects of strings, nulls and integers, decoded by polars.

    `_SIMPLE_JSON` admits only lines that decode the same in polars as in Python, so the field
    rules of `_record_values` run here as expressions.
    """
    present = set(lines["keys"].explode().drop_nulls().unique())
    keys = [key for key in _RECORD_KEYS if key in present]
    if keys:
        lines = lines.with_columns(pl.col("line").str.json_decode(pl.Struct(dict.fromkeys(keys, pl.String)))
                                   .struct.unnest())

    def pick(field: str) -> pl.Expr:
        given = [pl.when(pl.col(name) != "").then(pl.col(name)) for name in _FIELD_ALIASES[field] if name in present]
        return pl.coalesce(given) if given else pl.lit(None, pl.String)

    raw_id = pl.col("id") if "id" in present else pl.lit(None, pl.String)
    values = lines.with_columns(
        source_id=pl.when(raw_id.is_null() | (raw_id == "")).then("where").otherwise(raw_id.str.strip_chars(_PY_SPACE)),
        body=_text_expr(pick("text")),
        given_authors=_authors_expr(pick("authors")),
        **{f"given_{name}": _text_expr(pick(name)) for name in _GIVEN_TEXT},
    )
    no_body = pl.col("body").is_null()
    return values.select(
        "file", "line_no", "source_path", "source_id",
        format=pl.lit("jsonl"),
        encoding=pl.when(~no_body).then("encoding"),
        body="body",
        **{name: pl.when(~no_body).then(name) for name in RECORD_SCHEMA if name.startswith("given_")},
        reject_reason=pl.when(no_body).then(pl.lit("no_body")),
        reject_detail=pl.when(no_body).then(pl.format("{}: the record has no text field", "where")),
        _has_id=pl.lit(True),
    )


def _jsonl_records(pieces: pl.DataFrame) -> pl.DataFrame:
    """One row per non-blank line of the JSONL `pieces` (`file`, `source_path`, `text`, `encoding`,
    `first_line`), with `file` and `line_no` to keep them in order.

    Polars decodes the common case (flat objects of text fields) in one pass; Python parses the
    other lines, so that a malformed one is rejected with Python's own message.
    """
    schema = {"file": pl.Int64, "line_no": pl.Int64, **RECORD_SCHEMA, "_has_id": pl.Boolean}
    lines = (
        pieces.select("file", "source_path", "encoding", "first_line", line=pl.col("text").str.split("\n"))
        .explode("line")
        .with_columns(line_no=pl.int_range(pl.len()).over("file") + pl.col("first_line"))
        .filter(pl.col("line").str.strip_chars(_PY_SPACE) != "")
        .with_columns(where=pl.format("line {}", "line_no"))
    )
    found = pl.col("line").str.extract_all(_KEY_AT)
    lines = lines.with_columns(found=pl.when(pl.col("line").str.contains(_SIMPLE_JSON)).then(found)).with_columns(
        keys=pl.col("found").list.eval(pl.element().str.extract(r'"([^"]*)"')),
        number_authors=pl.col("found").list.eval(pl.element().str.contains(_NUMBER_AUTHORS)).list.any(),
    )
    # Python keeps the last of two equal keys, polars the first; a number is no list of authors.
    fast = (pl.col("keys").list.n_unique() == pl.col("keys").list.len()) & ~pl.col("number_authors")
    lines = lines.with_columns(fast=fast.fill_null(False))
    parts = [_simple_records(lines.filter("fast")).select(list(schema)).cast(schema)]
    rows = [{"file": file, "line_no": line_no, **_jsonl_line(path, encoding, line, where)}
            for file, line_no, path, encoding, line, where
            in lines.filter(~pl.col("fast")).select("file", "line_no", "source_path", "encoding", "line", "where")
            .iter_rows()]
    if rows:
        parts = [pl.concat([*parts, pl.DataFrame(rows, schema=schema, orient="row")]).sort("file", "line_no")]
    return _without_duplicate_ids(parts[0])


def _without_duplicate_ids(records: pl.DataFrame) -> pl.DataFrame:
    """A record whose id an earlier record of the same file already uses is rejected, naming that one."""
    first = pl.col("line_no").filter("_has_id").first().over("file", "source_id")
    marked = records.with_columns(duplicate=pl.col("_has_id") & (pl.col("line_no") != first),
                                  first_where=pl.format("line {}", first))
    duplicates = marked.filter("duplicate")
    if duplicates.height:
        details = [_duplicate_detail(f"line {line_no}", source_id, first_where)
                   for line_no, source_id, first_where in duplicates.select("line_no", "source_id", "first_where")
                   .iter_rows()]
        rejected = duplicates.with_columns(
            *[pl.lit(None, dtype).alias(name) for name, dtype in RECORD_SCHEMA.items()
              if name not in ("source_path", "source_id", "format")],
        ).with_columns(reject_reason=pl.lit("malformed_record"), reject_detail=pl.Series(details, dtype=pl.String))
        marked = pl.concat([marked.filter(~pl.col("duplicate")), rejected]).sort("file", "line_no")
    return marked.select("file", "line_no", *RECORD_SCHEMA)


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


def _file_rows(source_path: str, raw: bytes | None, read_error: str | None) -> list[dict] | Decoded:
    """The rows of one input; a JSONL input is returned decoded, to be parsed with the others."""
    fmt = file_format(source_path)
    stem = PurePosixPath(source_path).stem
    if read_error is not None:
        reason, _, detail = read_error.partition(": ")
        return [_reject(source_path, stem, fmt, reason, detail)]
    decoded = decode_bytes(raw)
    if decoded.text is None:
        return [_reject(source_path, stem, fmt, decoded.reason, decoded.detail)]
    if fmt == "jsonl":
        return decoded
    if fmt == "csv":
        return _csv_rows(source_path, decoded.text, decoded.encoding) or [
            _reject(source_path, stem, fmt, "empty", "the CSV file holds no records")]
    if fmt == "html":
        return [_html_row(source_path, decoded.text, decoded.encoding)]
    return [_row(source_path, stem, fmt, encoding=decoded.encoding, body=decoded.text)]


def parse_records(files: pl.DataFrame) -> pl.DataFrame:
    """One row per article record (or per input that cannot be one, with its reject reason).

    `files` has `source_path`, `raw` (bytes) and `read_error` ("reason: detail" when the file could
    not be read), and `first_line` when `raw` is a piece of a larger JSONL file. Decoding looks at
    one file at a time by nature; the JSONL lines of all files are parsed together.
    """
    rows: list[dict] = []
    pieces: list[dict] = []
    first = pl.col("first_line") if "first_line" in files.columns else pl.lit(1)
    for file, (source_path, raw, read_error, first_line) in enumerate(files.select(
            "source_path", "raw", "read_error", first.fill_null(1)).iter_rows()):
        out = _file_rows(source_path, raw, read_error)
        if isinstance(out, Decoded):
            pieces.append({"file": file, "source_path": source_path, "text": out.text, "encoding": out.encoding,
                           "first_line": first_line})
        else:
            rows.extend({"file": file, "line_no": 0, **row} for row in out)
    jsonl = _jsonl_records(pl.DataFrame(pieces, schema={"file": pl.Int64, "source_path": pl.String, "text": pl.String,
                                                        "encoding": pl.String, "first_line": pl.Int64}))
    with_records = set(jsonl["file"].unique())
    rows.extend({"file": piece["file"], "line_no": 0,
                 **_reject(piece["source_path"], PurePosixPath(piece["source_path"]).stem, "jsonl", "empty",
                           "the JSONL file holds no records")}
                for piece in pieces if piece["file"] not in with_records)
    schema = {"file": pl.Int64, "line_no": pl.Int64, **RECORD_SCHEMA}
    records = pl.concat([pl.DataFrame(rows, schema=schema, orient="row"), jsonl]).sort("file", "line_no")
    return all_within_limits(records.select(*RECORD_SCHEMA))
