"""`newsclaims validate PATH`: every contract, on a release folder or on an output folder.

A release (one `<table>.parquet` per table beside datapackage.json) is also checked against its
own MANIFEST, its datapackage.json (types, required fields, enums, keys) and croissant.json; an
output folder (tables as folders of parts) gets the Pandera models and the cross-table checks.
Every failure is a row (schemas.contracts.FAILURE_SCHEMA), printed as a table of
(table, check, rows) with a few example keys.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import polars as pl

from schemas.contracts import (FAILURE_SCHEMA, count_failures, cross_table_failures, failure_rows, rows_as_failures,
                               schema_failures)
from schemas.descriptions import TABLES, polars_schema
from schemas.numeric_claims import check_claims_against
from schemas.quotes import check_quotes_against

STAGE = "validate"
MANIFEST = "MANIFEST"
MANIFEST_HEADER = ("path", "bytes", "rows", "sha256")
DATAPACKAGE = "datapackage.json"
CROISSANT = "croissant.json"
CROISSANT_REQUIRED = ("@context", "@type", "conformsTo", "name", "description", "license", "url",
                      "distribution", "recordSet")
_FRICTIONLESS_TYPES = {"string": (pl.String, pl.Enum), "integer": (pl.Int8, pl.Int16, pl.Int32, pl.Int64),
                       "number": (pl.Float32, pl.Float64), "date": (pl.Date,), "datetime": (pl.Datetime,),
                       "boolean": (pl.Boolean,), "array": (pl.List,)}


def failure(table: str, check: str, detail: str, key: str | None = None, column: str | None = None) -> pl.DataFrame:
    return pl.DataFrame([{"stage": STAGE, "table": table, "check": check, "column": column, "key": key,
                          "detail": detail}], schema=FAILURE_SCHEMA)


def _failures(table: str, check: str, keys: pl.Series, detail: str, column: str | None = None) -> pl.DataFrame:
    return failure_rows(STAGE, table, check, keys, detail, column)


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema=FAILURE_SCHEMA)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parquet_rows(path: Path) -> int:
    return pl.scan_parquet(path).select(pl.len()).collect().item()


def is_release(path: Path) -> bool:
    return (path / DATAPACKAGE).is_file()


def load_tables(path: Path) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The tables under `path` (release files or output part folders) and what could not be read."""
    release = is_release(path)
    tables, problems = {}, []
    for name in TABLES:
        location = path / f"{name}.parquet" if release else path / name
        try:
            if release:
                tables[name] = pl.read_parquet(location)
            elif not location.is_dir():
                raise FileNotFoundError(f"{location} is not a folder of Parquet parts")
            elif not any(location.glob("*.parquet")):
                tables[name] = pl.DataFrame(schema=polars_schema(name))
            else:
                tables[name] = pl.read_parquet(location / "*.parquet")
        except (OSError, pl.exceptions.PolarsError) as error:
            problems.append(failure(name, "table_readable", f"{type(error).__name__}: {error}"[:500]))
    return tables, pl.concat(problems) if problems else _empty()


def _key_failures(tables: dict[str, pl.DataFrame]) -> list[pl.DataFrame]:
    """Primary keys unique across all parts; every foreign key points at an existing row."""
    out = []
    for name, spec in TABLES.items():
        frame = tables.get(name)
        if frame is None:
            continue
        if spec.primary_key and set(spec.primary_key) <= set(frame.columns):
            dup = frame.filter(pl.struct(spec.primary_key).is_duplicated())
            out.append(_failures(name, "primary_key_unique", dup[spec.primary_key[0]],
                                 f"{', '.join(spec.primary_key)} appears more than once", spec.primary_key[0]))
        for fk in spec.foreign_keys:
            target = tables.get(fk.table)
            column, referenced = fk.columns[0], fk.references[0]
            if target is None or column not in frame.columns or referenced not in target.columns:
                continue
            key = spec.primary_key[0] if spec.primary_key else column
            orphans = frame.filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(target[referenced].implode()))
            out.append(_failures(name, f"foreign_key_{column}", orphans[key],
                                 f"{column} not found in {fk.table}.{referenced}", column))
    return out


def check_tables(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Every Pandera model and every cross-table check over whole tables (not shard by shard)."""
    parts = [schema_failures(STAGE, name, TABLES[name].model, frame) for name, frame in tables.items()]
    parts += _key_failures(tables)
    docs, paras, sents = (tables.get(n) for n in ("documents", "paragraphs", "sentences"))
    quotes, claims = tables.get("quotes"), tables.get("numeric_claims")
    try:
        if docs is not None and paras is not None and sents is not None:
            parts.append(cross_table_failures(STAGE, docs, paras, sents))
            parts.append(count_failures(STAGE, docs, paragraphs=paras, sentences=sents))
        if quotes is not None and docs is not None and paras is not None:
            parts.append(rows_as_failures(STAGE, "quotes", check_quotes_against(quotes, docs, paras)))
            parts.append(count_failures(STAGE, docs, quotes=quotes))
        if claims is not None and docs is not None and sents is not None:
            parts.append(rows_as_failures(STAGE, "numeric_claims", check_claims_against(claims, docs, sents)))
            parts.append(count_failures(STAGE, docs, claims=claims))
    except pl.exceptions.PolarsError as error:
        # A table whose columns are wrong already fails its model; the joins cannot run on it.
        parts.append(failure("(all)", "cross_table_checks_ran", f"{type(error).__name__}: {error}"[:500]))
    return pl.concat(parts)


def read_manifest(path: Path) -> list[dict]:
    lines = (path / MANIFEST).read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != MANIFEST_HEADER:
        raise ValueError(f"the first line must be the header {' '.join(MANIFEST_HEADER)}")
    return [dict(zip(MANIFEST_HEADER, line.split("\t"))) for line in lines[1:] if line]


def _check_manifest(path: Path) -> list[pl.DataFrame]:
    try:
        entries = read_manifest(path)
    except (OSError, ValueError) as error:
        return [failure(MANIFEST, "manifest_readable", str(error))]
    out, listed = [], set()
    for entry in entries:
        name = entry.get("path", "")
        listed.add(name)
        file = path / name
        if "/" in name or name.startswith(".") or not file.is_file():
            out.append(failure(MANIFEST, "file_present", f"{name} is listed but missing", name))
            continue
        if str(file.stat().st_size) != entry.get("bytes"):
            out.append(failure(MANIFEST, "bytes_match", f"{file.stat().st_size} bytes, MANIFEST says {entry.get('bytes')}", name))
        if file_sha256(file) != entry.get("sha256"):
            out.append(failure(MANIFEST, "sha256_match", "the file's SHA-256 differs from MANIFEST", name))
        if name.endswith(".parquet"):
            try:
                rows = str(parquet_rows(file))
            except pl.exceptions.PolarsError as error:
                rows = f"unreadable ({error})"
            if rows != entry.get("rows"):
                out.append(failure(MANIFEST, "rows_match", f"{rows} rows, MANIFEST says {entry.get('rows')}", name))
    for file in sorted(path.iterdir()):
        if file.name != MANIFEST and file.name not in listed:
            out.append(failure(MANIFEST, "file_listed", f"{file.name} is in the release but not in MANIFEST", file.name))
    return out


def _check_field_values(name: str, frame: pl.DataFrame, schema: dict) -> list[pl.DataFrame]:
    """The Table Schema's own promises: field names and types, required, enum, primary key."""
    out = []
    fields = schema.get("fields", [])
    declared = [f.get("name") for f in fields]
    if declared != frame.columns:
        out.append(failure(name, "datapackage_fields_match", f"declared {declared}, file has {frame.columns}"))
    for field in fields:
        column, constraints = field.get("name"), field.get("constraints", {})
        if column not in frame.columns:
            continue
        allowed = _FRICTIONLESS_TYPES.get(field.get("type"), ())
        if not isinstance(frame.schema[column], allowed):
            out.append(failure(name, "datapackage_type_matches", f"declared {field.get('type')}, file has "
                               f"{frame.schema[column]}", column=column))
        if not field.get("description"):
            out.append(failure(name, "datapackage_field_described", "no description", column=column))
        if constraints.get("required") and frame[column].null_count():
            out.append(failure(name, "datapackage_required", f"{frame[column].null_count()} null values", column=column))
        if "enum" in constraints:
            bad = frame.filter(~pl.col(column).cast(pl.String).is_in(constraints["enum"]) & pl.col(column).is_not_null())
            if bad.height:
                out.append(failure(name, "datapackage_enum", f"{bad.height} values outside the enum", column=column))
    key = schema.get("primaryKey")
    if key and set(key) <= set(frame.columns) and frame.select(key).is_duplicated().any():
        out.append(failure(name, "datapackage_primary_key", f"{key} is not unique"))
    return out


def _check_datapackage(path: Path, tables: dict[str, pl.DataFrame]) -> list[pl.DataFrame]:
    try:
        package = json.loads((path / DATAPACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [failure(DATAPACKAGE, "datapackage_readable", str(error))]
    out = []
    resources = {r.get("name"): r for r in package.get("resources", []) if isinstance(r, dict)}
    for name in TABLES:
        resource = resources.get(name)
        if resource is None or resource.get("path") != f"{name}.parquet":
            out.append(failure(DATAPACKAGE, "resource_present", f"no resource {name} with path {name}.parquet", name))
            continue
        file = path / resource["path"]
        if file.is_file() and resource.get("hash") != f"sha256:{file_sha256(file)}":
            out.append(failure(name, "datapackage_hash_matches", "resource hash differs from the file"))
        if name in tables:
            out += _check_field_values(name, tables[name], resource.get("schema", {}))
        for fk in resource.get("schema", {}).get("foreignKeys", []):
            ref = fk.get("reference", {})
            source, target = tables.get(name), tables.get(ref.get("resource"))
            if source is None or target is None:
                continue
            column, referenced = fk["fields"][0], ref["fields"][0]
            orphans = source.filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(target[referenced].implode()))
            if orphans.height:
                out.append(failure(name, "datapackage_foreign_key", f"{orphans.height} rows: {column} not in "
                                   f"{ref.get('resource')}.{referenced}", column=column))
    return out


def _check_croissant(path: Path) -> list[pl.DataFrame]:
    try:
        meta = json.loads((path / CROISSANT).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [failure(CROISSANT, "croissant_readable", str(error))]
    out = [failure(CROISSANT, "croissant_required", f"missing {key}") for key in CROISSANT_REQUIRED if key not in meta]
    files = {d.get("@id"): d for d in meta.get("distribution", [])}
    for file_id, entry in files.items():
        file = path / str(entry.get("contentUrl"))
        if not file.is_file() or entry.get("sha256") != file_sha256(file):
            out.append(failure(CROISSANT, "croissant_file_matches", f"{file_id}: missing or different SHA-256", file_id))
    for record_set in meta.get("recordSet", []):
        for field in record_set.get("field", []):
            source = field.get("source", {})
            if source.get("fileObject", {}).get("@id") not in files or not field.get("dataType"):
                out.append(failure(CROISSANT, "croissant_field_source", "unknown file or no dataType", field.get("@id")))
    return out


def check_release(path: Path, tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    parts = _check_manifest(path) + _check_datapackage(path, tables) + _check_croissant(path)
    return pl.concat(parts) if parts else _empty()


def report(path: Path, kind: str, tables: dict[str, pl.DataFrame], failures: pl.DataFrame, examples: int = 3) -> str:
    rows = ", ".join(f"{name} {frame.height:,}" for name, frame in tables.items())
    lines = [f"validate {path} ({kind}): {rows or 'no tables'}"]
    if failures.height == 0:
        return "\n".join(lines + ["OK: every contract holds"])
    summary = failures.group_by("table", "check", maintain_order=True).agg(
        rows=pl.len(), column=pl.col("column").drop_nulls().first(),
        keys=pl.col("key").drop_nulls().head(examples), detail=pl.col("detail").first())
    checks = [row["check"] + (f" ({row['column']})" if row["column"] else "") for row in summary.iter_rows(named=True)]
    width, check_width = max(map(len, summary["table"])) + 2, max(map(len, checks)) + 2
    lines.append(f"FAILED: {failures.height:,} failing rows")
    lines.append(f"  {'table':<{width}}{'check':<{check_width}}{'rows':>6}  examples")
    for check, row in zip(checks, summary.iter_rows(named=True)):
        example = ", ".join(row["keys"]) or (row["detail"] or "")[:100]
        lines.append(f"  {row['table']:<{width}}{check:<{check_width}}{row['rows']:>6}  {example}")
    return "\n".join(lines)


def validate(path: Path) -> int:
    """Print the report for `path`; 0 when every check passes, 1 when one fails, 2 when it is no dataset."""
    path = Path(path)
    if not path.is_dir():
        print(f"newsclaims: {path} is not a folder: give a release folder or an output folder", file=sys.stderr)
        return 2
    kind = "release" if is_release(path) else "output"
    if kind == "output" and not any((path / name).exists() for name in TABLES):
        print(f"newsclaims: {path} holds neither a release (datapackage.json) nor output tables", file=sys.stderr)
        return 2
    tables, problems = load_tables(path)
    failures = pl.concat([problems, check_tables(tables)])
    if kind == "release":
        failures = pl.concat([failures, check_release(path, tables)])
    print(report(path, kind, tables, failures))
    return 1 if failures.height else 0
