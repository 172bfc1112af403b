"""What each table and column means, written once.

The data dictionary (docs/tables.md), a release's datapackage.json and croissant.json and the
DuckDB column comments are all generated from `TABLES`; types and nullability come from the
Pandera models, so a description can never disagree with the contract about a column's type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandera.polars as pa
import polars as pl

from schemas.documents import DocumentsSchema
from schemas.numeric_claims import NumericClaimsSchema
from schemas.paragraphs import ParagraphsSchema
from schemas.quotes import QuotesSchema
from schemas.rejected import RejectedSchema
from schemas.sentences import SentencesSchema

_OFFSET = "0-based character offset into `documents.text`"


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    row: str
    model: type[pa.DataFrameModel]
    columns: dict[str, str]
    primary_key: tuple[str, ...] = ()
    # A total order (ends in a unique key) so that a release's rows never depend on the shards.
    sort: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType
    nullable: bool
    description: str

    @property
    def enum(self) -> list[str] | None:
        return self.dtype.categories.to_list() if isinstance(self.dtype, pl.Enum) else None


def _fk(column: str, table: str, target: str) -> ForeignKey:
    return ForeignKey((column,), table, (target,))


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("documents", "one row per accepted article", DocumentsSchema, {
        "doc_id": "16 hex digits of SHA-256(text); primary key",
        "source_path": "input file, relative to the raw folder (POSIX separators)",
        "source_id": "record `id` for JSONL/CSV, file name stem for single-article files",
        "title": "headline",
        "subtitle": "standfirst / dek under the headline",
        "section": 'section or breadcrumb ("News", "Security", "News / Iraq / Editor\'s Choice")',
        "authors": "bylines, in order; empty list when unknown",
        "published_date": "publication date",
        "published_at": "publication date and time when a time is given, as written",
        "dateline": 'place of the dateline ("ERBIL, Kurdistan Region")',
        "outlet": "publisher, when given or recognisable",
        "url": "canonical URL, when given",
        "language": "ISO 639-1 code of the body text",
        "text": 'cleaned body: paragraphs in reading order joined by one blank line ("\\n\\n")',
        "n_words": "whitespace-separated words in `text`",
        "n_removed_lines": "source lines dropped as page furniture or metadata",
        "n_duplicate_paragraphs": "body paragraphs dropped because they repeated an earlier one verbatim",
        "n_paragraphs": "rows in `paragraphs` for this document",
        "n_sentences": "rows in `sentences` for this document",
        "n_quotes": "rows in `quotes` for this document",
        "n_claims": "rows in `numeric_claims` for this document",
    }, primary_key=("doc_id",), sort=("doc_id",)),
    Table("paragraphs", "one row per paragraph of a document's text", ParagraphsSchema, {
        "paragraph_id": "`<doc_id>-p<position>`; primary key",
        "doc_id": "the document (foreign key to documents)",
        "position": "0-based order in the document, contiguous",
        "kind": "in-body heading or body text",
        "text": "the paragraph, equal to `documents.text[char_start:char_end]`",
        "char_start": f"start of the paragraph: {_OFFSET}",
        "char_end": f"end of the paragraph (exclusive): {_OFFSET}",
        "n_sentences": "sentences in the paragraph",
        "n_words": "whitespace-separated words",
    }, primary_key=("paragraph_id",), sort=("doc_id", "position"),
        foreign_keys=(_fk("doc_id", "documents", "doc_id"),)),
    Table("sentences", "one row per sentence", SentencesSchema, {
        "sentence_id": "`<doc_id>-s<position>`; primary key",
        "doc_id": "the document",
        "paragraph_id": "the paragraph that contains it",
        "position": "0-based order in the document, contiguous",
        "char_start": f"start of the sentence: {_OFFSET}",
        "char_end": f"end of the sentence (exclusive): {_OFFSET}",
        "text": "equal to `documents.text[char_start:char_end]`",
    }, primary_key=("sentence_id",), sort=("doc_id", "position"),
        foreign_keys=(_fk("doc_id", "documents", "doc_id"), _fk("paragraph_id", "paragraphs", "paragraph_id"))),
    Table("quotes", "one row per quote (direct, partial or indirect)", QuotesSchema, {
        "quote_id": "`<doc_id>-q<n>`; primary key",
        "doc_id": "the document",
        "paragraph_id": "the paragraph where the quote starts",
        "char_start": f"start of the quoted words (without quotation marks): {_OFFSET}",
        "char_end": f"end of the quoted words (exclusive): {_OFFSET}",
        "text": "equal to `documents.text[char_start:char_end]`",
        "quote_type": "direct, partial or indirect (see docs/quotes.md)",
        "speaker": "most specific mention of who said it; null when unknown",
        "speaker_start": "start offset of the speaker mention used; null when resolved from elsewhere",
        "speaker_end": "end offset (exclusive) of the speaker mention used; null when resolved from elsewhere",
        "speaker_kind": "what the speaker is: person, organization, source, document or unknown",
        "cue": "reporting verb lemma (`say`, `tell`, ...) or `according to`",
        "n_words": "words in `text`",
        "n_paragraphs": "paragraphs the quote spans (> 1 for a multi-paragraph quote)",
    }, primary_key=("quote_id",), sort=("doc_id", "char_start", "quote_id"),
        foreign_keys=(_fk("doc_id", "documents", "doc_id"), _fk("paragraph_id", "paragraphs", "paragraph_id"))),
    Table("numeric_claims", "one row per quantity the article asserts", NumericClaimsSchema, {
        "claim_id": "`<doc_id>-c<n>`; primary key",
        "doc_id": "the document",
        "paragraph_id": "the paragraph the claim is in",
        "sentence_id": "the sentence the claim is in",
        "char_start": f"start of the whole claim (qualifier, number, unit, object): {_OFFSET}",
        "char_end": f"end of the whole claim (exclusive): {_OFFSET}",
        "text": "equal to `documents.text[char_start:char_end]`",
        "value": "the number, normalised (`$1.13bn` -> 1130000000)",
        "value_max": "upper end of a range",
        "value_text": "the number as written",
        "qualifier": "exact, approximately, at least, more than, at most, less than or nearly",
        "trend": "up or down when the number is a change",
        "unit": "normalised unit (`%`, `USD`, `km`, `hours`); null for plain counts",
        "object": "what is counted or measured, as written",
        "kind": "count, money, percent, measure, duration or age",
        "quote_id": "the quote the claim sits in, if any",
    }, primary_key=("claim_id",), sort=("doc_id", "char_start", "claim_id"),
        foreign_keys=(_fk("doc_id", "documents", "doc_id"), _fk("paragraph_id", "paragraphs", "paragraph_id"),
                      _fk("sentence_id", "sentences", "sentence_id"), _fk("quote_id", "quotes", "quote_id"))),
    # A JSONL or CSV file can hold several rejected records without ids, so rejected has no key.
    Table("rejected", "one row per input that did not become a document", RejectedSchema, {
        "source_path": "input file, relative to the raw folder",
        "source_id": "record id or file stem",
        "reason": "why it was rejected",
        "detail": 'a sentence a user understands ("exact duplicate of raw/002.txt (doc 1f2e...)")',
    }, sort=("source_path", "source_id", "reason", "detail")),
)}


def columns(table: str) -> list[Column]:
    """The columns of `table` in written order (the order of `Table.columns`), typed by its model."""
    spec = TABLES[table]
    schema = spec.model.to_schema().columns
    return [Column(name, schema[name].dtype.type, bool(schema[name].nullable), text)
            for name, text in spec.columns.items()]


def polars_schema(table: str) -> dict[str, pl.DataType]:
    return {c.name: c.dtype for c in columns(table)}


def _type_text(column: Column) -> str:
    dtype = column.dtype
    if column.enum is not None:
        text = "enum " + ", ".join(f"`{v}`" for v in column.enum)
    elif isinstance(dtype, pl.List):
        text = f"list[{_type_text(Column('', dtype.inner, False, ''))}]"
    elif isinstance(dtype, pl.Datetime):
        text = f"datetime ({'µs' if dtype.time_unit == 'us' else dtype.time_unit}, "
        text += f"{'no zone' if dtype.time_zone is None else dtype.time_zone})"
    elif dtype == pl.String:
        text = "string"
    else:
        text = str(dtype).lower()
    return text + (", null" if column.nullable else "")


def markdown() -> str:
    """The per-table sections of docs/tables.md."""
    out = []
    for name, spec in TABLES.items():
        out += [f"## {name}: {spec.row}", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| {c.name} | {_type_text(c)} | {c.description} |" for c in columns(name)]
        out.append("")
    return "\n".join(out)


def _frictionless_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return "array"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    return {pl.Date: "date", pl.Boolean: "boolean"}.get(dtype, "string")


def table_schema(table: str) -> dict:
    """A Frictionless Table Schema for `table`: typed, described fields, keys and constraints."""
    spec = TABLES[table]
    fields = []
    for column in columns(table):
        entry = {"name": column.name, "type": _frictionless_type(column.dtype), "description": column.description}
        constraints = {"required": True} if not column.nullable else {}
        if column.enum is not None:
            constraints["enum"] = column.enum
        if isinstance(column.dtype, pl.List):
            entry["arrayItem"] = {"type": _frictionless_type(column.dtype.inner)}
        if constraints:
            entry["constraints"] = constraints
        fields.append(entry)
    schema = {"fields": fields}
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        schema["foreignKeys"] = [{"fields": list(fk.columns), "reference": {"resource": fk.table, "fields": list(fk.references)}}
                                 for fk in spec.foreign_keys]
    return schema


def _croissant_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return _croissant_type(dtype.inner)
    return {"array": "sc:Text", "datetime": "sc:DateTime", "integer": "sc:Integer", "number": "sc:Float",
            "date": "sc:Date", "boolean": "sc:Boolean"}.get(_frictionless_type(dtype), "sc:Text")


def croissant_record_set(table: str, file_id: str) -> dict:
    """An MLCommons Croissant RecordSet for `table`, read from the FileObject `file_id`."""
    spec = TABLES[table]
    references = {fk.columns[0]: f"{fk.table}/{fk.references[0]}" for fk in spec.foreign_keys}
    fields = []
    for column in columns(table):
        entry = {"@type": "cr:Field", "@id": f"{table}/{column.name}", "name": column.name,
                 "description": column.description, "dataType": _croissant_type(column.dtype),
                 "source": {"fileObject": {"@id": file_id}, "extract": {"column": column.name}}}
        if isinstance(column.dtype, pl.List):
            entry["repeated"] = True
        if column.name in references:
            entry["references"] = {"field": {"@id": references[column.name]}}
        fields.append(entry)
    record_set = {"@type": "cr:RecordSet", "@id": table, "name": table, "description": spec.row, "field": fields}
    if spec.primary_key:
        record_set["key"] = [{"@id": f"{table}/{k}"} for k in spec.primary_key]
    return record_set
