"""`newsclaims release VERSION`: a reproducible, self-describing copy of the published output.

`releases/VERSION/` holds one Parquet file per table (rows in key order), datapackage.json,
croissant.json, CHANGELOG.md, README.md and MANIFEST. Nothing in it depends on when or where it
was built (no timestamps, no absolute paths, no random ids), so the same inputs, code and lock
give the same bytes. It is written to a hidden temporary folder and renamed into place, and an
existing version is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

import polars as pl

from flows.plan import pipeline_fingerprint
from flows.store import INPUTS_FILE, OutputStore
from flows.validate import (CROISSANT, DATAPACKAGE, MANIFEST, MANIFEST_HEADER, check_tables, file_sha256,
                            load_tables, report)
from schemas.descriptions import TABLES, croissant_record_set, table_schema

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILE = ROOT / "uv.lock"
# Fixed so that the files do not depend on polars' defaults or on the machine.
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3, "statistics": True, "row_group_size": 100_000}
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$")
CROISSANT_CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/", "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/", "citeAs": "cr:citeAs", "column": "cr:column",
    "conformsTo": "dct:conformsTo", "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"}, "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract", "field": "cr:field", "fileProperty": "cr:fileProperty", "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet", "format": "cr:format", "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath", "key": "cr:key", "md5": "cr:md5", "parentField": "cr:parentField", "path": "cr:path",
    "recordSet": "cr:recordSet", "references": "cr:references", "regex": "cr:regex", "repeated": "cr:repeated",
    "replace": "cr:replace", "separator": "cr:separator", "source": "cr:source", "subField": "cr:subField",
    "transform": "cr:transform",
}


class ReleaseError(Exception):
    """A release that cannot be made, with a message the user can act on."""


def release(version: str, out_dir: Path = Path("output"), releases_dir: Path = Path("releases")) -> int:
    """Write `releases_dir/version/` from the published output in `out_dir`; 0 on success."""
    try:
        target = make_release(version, Path(out_dir), Path(releases_dir))
    except ReleaseError as error:
        print(f"newsclaims: {error}", file=sys.stderr)
        return 1
    print(f"release {version} written to {target}")
    return 0


def make_release(version: str, out_dir: Path, releases_dir: Path) -> Path:
    if not _VERSION.match(version):
        raise ReleaseError(f"{version!r} is not a version: use letters, digits, '.', '_', '+' or '-', e.g. 1.0.0")
    target = releases_dir / version
    if target.exists() or target.is_symlink():
        raise ReleaseError(f"release {version} already exists at {target}; a release is never overwritten: "
                           "choose a new version")
    source = published_generation(out_dir)
    tables, problems = load_tables(source)
    failures = pl.concat([problems, check_tables(tables)])
    if failures.height:
        raise ReleaseError(f"the output in {out_dir} breaks its contracts, so it is not released:\n"
                           + report(out_dir, "output", tables, failures))
    tables = {name: frame.select(list(TABLES[name].columns)).sort(TABLES[name].sort, nulls_last=True)
              for name, frame in tables.items()}
    provenance = _provenance(source, tables)
    previous = previous_release(releases_dir, version)

    releases_dir.mkdir(parents=True, exist_ok=True)
    staging = releases_dir / f".{version}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        files = {}
        for name, frame in tables.items():
            path = staging / f"{name}.parquet"
            frame.write_parquet(path, **PARQUET_OPTIONS)
            files[path.name] = _file_entry(path, frame.height)
        _write_json(staging / DATAPACKAGE, datapackage(version, tables, files, provenance))
        _write_json(staging / CROISSANT, croissant(version, files, provenance))
        (staging / "CHANGELOG.md").write_text(changelog(version, tables, previous), encoding="utf-8")
        (staging / "README.md").write_text(dataset_card(version, tables, files, provenance),
                                           encoding="utf-8")
        _write_manifest(staging, files)
        _fsync_all(staging)
        if target.exists():
            raise ReleaseError(f"release {version} appeared at {target} while this one was being written; "
                               "it was left as it is")
        os.rename(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def published_generation(out_dir: Path) -> Path:
    """The folder whose table folders hold the published parts, resolved once so that a build
    publishing meanwhile cannot mix two generations into one release."""
    if not out_dir.is_dir():
        raise ReleaseError(f"there is no output at {out_dir}: run `newsclaims build` first")
    current = OutputStore(out_dir).current
    if current is not None:
        return current
    if all((out_dir / name).is_dir() for name in TABLES):
        return out_dir
    raise ReleaseError(f"{out_dir} holds no published tables: run `newsclaims build` first")


def _sha256_lines(lines) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode())
    return digest.hexdigest()


def _provenance(source: Path, tables: dict[str, pl.DataFrame]) -> dict:
    """What decides the release's bytes: code, lock and inputs (never where or when it was built)."""
    try:
        package_version = metadata.version("newsclaims")
    except metadata.PackageNotFoundError:
        package_version = "unknown"
    inputs_file = source / INPUTS_FILE
    if inputs_file.exists():
        inputs = pl.read_parquet(inputs_file, columns=["source_path", "sha256"]).sort("source_path")
        rows = (f"{p}\0{s or ''}\n" for p, s in inputs.iter_rows())
        input_files, inputs_sha = inputs.height, _sha256_lines(rows)
    else:
        # An output folder written without a build (no record of its inputs): hash what the tables say.
        seen = pl.concat([tables["documents"].select("source_path", "source_id"),
                          tables["rejected"].select("source_path", "source_id")]).unique().sort(pl.all())
        input_files = seen["source_path"].n_unique()
        inputs_sha = _sha256_lines(f"{p}\0{i or ''}\n" for p, i in seen.iter_rows())
    return {
        "code_version": package_version,
        "pipeline_fingerprint": pipeline_fingerprint(),
        "polars_version": pl.__version__,
        "lock_sha256": file_sha256(LOCK_FILE) if LOCK_FILE.exists() else None,
        "inputs_sha256": inputs_sha,
        "input_files": input_files,
    }


def _file_entry(path: Path, rows: int | None) -> dict:
    return {"bytes": path.stat().st_size, "rows": rows, "sha256": file_sha256(path)}


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def _write_manifest(folder: Path, files: dict[str, dict]) -> None:
    entries = dict(files)
    for path in folder.iterdir():
        if path.name not in entries:
            entries[path.name] = _file_entry(path, None)
    lines = ["\t".join(MANIFEST_HEADER)]
    for name in sorted(entries):
        entry = entries[name]
        rows = "-" if entry["rows"] is None else str(entry["rows"])
        lines.append(f"{name}\t{entry['bytes']}\t{rows}\t{entry['sha256']}")
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _fsync_all(folder: Path) -> None:
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())


LICENSE_NOTE = ("The articles belong to their publishers. This release holds their cleaned text and "
                "excerpts and grants no licence to them; the newsclaims code is MIT-licensed.")


def datapackage(version: str, tables: dict[str, pl.DataFrame], files: dict[str, dict], provenance: dict) -> dict:
    """A Frictionless (Tabular) Data Package: one resource per table, with its Table Schema."""
    resources = []
    for name in tables:
        entry = files[f"{name}.parquet"]
        resources.append({
            "name": name, "path": f"{name}.parquet", "profile": "tabular-data-resource", "format": "parquet",
            "mediatype": "application/vnd.apache.parquet", "bytes": entry["bytes"], "hash": f"sha256:{entry['sha256']}",
            "description": f"{TABLES[name].row} ({entry['rows']} rows)", "schema": table_schema(name),
        })
    return {
        "profile": "tabular-data-package", "name": "newsclaims", "title": "newsclaims: news articles, quotes and "
        "numeric claims", "version": version, "description": DESCRIPTION,
        "licenses": [{"name": "other-closed", "title": LICENSE_NOTE}],
        "sources": sources(tables["documents"]),
        "newsclaims": provenance, "resources": resources,
    }


def croissant(version: str, files: dict[str, dict], provenance: dict) -> dict:
    """MLCommons Croissant 1.0 metadata: a FileObject per Parquet file, a RecordSet per table."""
    distribution = [{"@type": "cr:FileObject", "@id": name, "name": name, "contentUrl": name,
                     "encodingFormat": "application/x-parquet", "contentSize": f"{entry['bytes']} B",
                     "sha256": entry["sha256"]}
                    for name, entry in files.items()]
    return {
        "@context": CROISSANT_CONTEXT, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": "newsclaims", "description": DESCRIPTION, "version": version,
        "license": LICENSE_NOTE, "url": f"releases/{version}/",
        "creator": {"@type": "sc:Organization", "name": "newsclaims maintainers"},
        "citeAs": f"newsclaims dataset, release {version} (pipeline {provenance['pipeline_fingerprint']}, "
                  f"inputs {provenance['inputs_sha256'][:16]})",
        "isLiveDataset": False,
        "distribution": distribution,
        "recordSet": [croissant_record_set(name, f"{name}.parquet") for name in TABLES],
    }


def _version_key(version: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[._+-]", version))


def previous_release(releases_dir: Path, version: str) -> tuple[str, Path] | None:
    """The highest existing release below `version` (1.10 after 1.9), or None for the first one."""
    if not releases_dir.is_dir():
        return None
    candidates = [p for p in releases_dir.iterdir() if not p.name.startswith(".") and (p / DATAPACKAGE).is_file()
                  and (p / "documents.parquet").is_file() and _version_key(p.name) < _version_key(version)]
    if not candidates:
        return None
    best = max(candidates, key=lambda p: _version_key(p.name))
    return best.name, best


# The dataset card and the changelog. Lists are capped so that a large release stays readable.
DESCRIPTION = ("News articles cleaned into documents, paragraphs and sentences, annotated with the quotes "
               "(direct, partial, indirect, with speakers) and the numeric claims (value, unit, qualifier, "
               "object) they contain, plus the inputs that were rejected and why.")
LIST_LIMIT = 100


def sources(documents: pl.DataFrame) -> list[dict]:
    """Outlets named by the documents (else the URL's host), with how many documents each gave."""
    host = pl.col("url").str.extract(r"^[a-zA-Z]+://(?:www\.)?([^/:?#]+)")
    named = pl.coalesce(pl.col("outlet"), host, pl.lit("(not named in the article)")).alias("outlet")
    counts = documents.group_by(named).agg(n=pl.len())
    return [{"title": outlet, "documents": n} for outlet, n in counts.sort("n", "outlet", descending=[True, False]).iter_rows()]


def _listing(frame: pl.DataFrame, label: str) -> list[str]:
    lines = [f"### {label} ({frame.height})", ""]
    for path, source_id, doc_id, title in frame.head(LIST_LIMIT).iter_rows():
        lines.append(f"- `{path}` ({source_id}): doc `{doc_id}`" + (f", {title}" if title else ""))
    if frame.height > LIST_LIMIT:
        lines.append(f"- ... and {frame.height - LIST_LIMIT} more")
    return lines + [""]


def changelog(version: str, tables: dict[str, pl.DataFrame], previous: tuple[str, Path] | None) -> str:
    """Documents added, removed and changed (same source, new doc_id) and rows per table."""
    lines = [f"# Changelog: newsclaims {version}", ""]
    new = tables["documents"].select("source_path", "source_id", "doc_id", "title")
    if previous is None:
        lines += ["First release: no earlier release in the releases folder to compare with.", "",
                  "| table | rows |", "|---|---:|"]
        lines += [f"| {name} | {frame.height:,} |" for name, frame in tables.items()]
        return "\n".join(lines) + "\n"
    old_version, old_path = previous
    old = pl.read_parquet(old_path / "documents.parquet", columns=["source_path", "source_id", "doc_id", "title"])
    key = ["source_path", "source_id"]
    added = new.join(old, on=key, how="anti", nulls_equal=True).sort(key)
    removed = old.join(new, on=key, how="anti", nulls_equal=True).sort(key)
    both = new.join(old.select(*key, old_doc_id="doc_id"), on=key, how="inner", nulls_equal=True)
    changed = both.filter(pl.col("doc_id") != pl.col("old_doc_id")).select(new.columns).sort(key)
    lines += [f"Compared with release {old_version}.", "",
              f"Documents: {added.height} added, {removed.height} removed, {changed.height} changed "
              "(same source path and id, different text, so a new doc_id).", ""]
    lines += _listing(added, "Added") + _listing(removed, "Removed") + _listing(changed, "Changed")
    lines += ["## Rows per table", "", f"| table | {old_version} | {version} | change |", "|---|---:|---:|---:|"]
    for name, frame in tables.items():
        path = old_path / f"{name}.parquet"
        before = pl.scan_parquet(path).select(pl.len()).collect().item() if path.exists() else 0
        lines.append(f"| {name} | {before:,} | {frame.height:,} | {frame.height - before:+,} |")
    return "\n".join(lines) + "\n"


def dataset_card(version: str, tables: dict[str, pl.DataFrame], files: dict[str, dict], provenance: dict) -> str:
    docs = tables["documents"]
    dates = docs.select(first=pl.col("published_date").min(), last=pl.col("published_date").max()).row(0)
    languages = ", ".join(f"{lang} ({n})" for lang, n in
                          docs.group_by("language").agg(n=pl.len()).sort("n", "language", descending=[True, False]).iter_rows())
    lines = [
        f"# newsclaims {version}", "", DESCRIPTION, "",
        "## What is in it", "", "| file | rows | one row is |", "|---|---:|---|",
        *[f"| `{name}.parquet` | {frame.height:,} | {TABLES[name].row} |" for name, frame in tables.items()],
        "", "Every column is described in `datapackage.json` (Frictionless Data Package) and `croissant.json` "
        "(MLCommons Croissant); `MANIFEST` lists every file's SHA-256, size and rows. Rows are sorted by "
        "key: documents by doc_id, the other tables by document then position, rejected by source path. "
        "Character offsets are 0-based code-point indices into `documents.text`, end exclusive.", "",
        "## Where it comes from", "",
        f"{provenance['input_files']:,} input files gave {docs.height:,} documents and "
        f"{tables['rejected'].height:,} rejected inputs (see `rejected.parquet` for why)."
        + (f" Publication dates run from {dates[0]} to {dates[1]}." if dates[0] else "")
        + (f" Languages: {languages}." if languages else ""), "",
        "Outlets (publishers) found in the articles:", "", "| outlet | documents |", "|---|---:|",
        *[f"| {s['title']} | {s['documents']:,} |" for s in sources(docs)], "",
        "## License", "",
        f"{LICENSE_NOTE} The text, titles and quotes are the publishers' copyrighted work, used here for research "
        "and fact-checking; you need their permission for anything beyond what the law allows where you are "
        "(quotation, research, text and data mining exceptions). Do not redistribute this release publicly "
        "unless you hold those rights.", "",
        "## How it was built", "",
        "Each input is decoded, parsed (txt, html, jsonl, csv), cleaned of page furniture, deduplicated, split "
        "into paragraphs and sentences, and annotated with quotes and numeric claims by rule-based extractors; "
        "Pandera contracts check every stage and the whole release (`newsclaims validate`).", "",
        "| what | value |", "|---|---|",
        f"| newsclaims version | {provenance['code_version']} |",
        f"| pipeline fingerprint (code of tasks/ and schemas/, polars version) | `{provenance['pipeline_fingerprint']}` |",
        f"| polars | {provenance['polars_version']} |",
        f"| SHA-256 of uv.lock | `{provenance['lock_sha256']}` |",
        f"| SHA-256 of the inputs (path and content hash of every input file) | `{provenance['inputs_sha256']}` |", "",
        f"To rebuild: check out the code with this fingerprint, `make run` on the same raw folder, then "
        f"`newsclaims release {version}` into another releases folder gives the same bytes.", "",
        "## How to load it", "", "```python", "import polars as pl",
        "quotes = pl.read_parquet(\"quotes.parquet\")", "", "import pandas as pd",
        "documents = pd.read_parquet(\"documents.parquet\")", "```", "", "```sql",
        "-- duckdb, from this folder",
        "SELECT d.title, q.speaker, q.text FROM 'quotes.parquet' q JOIN 'documents.parquet' d USING (doc_id) LIMIT 5;",
        "```", "", "Check it: `newsclaims validate releases/" + version + "`.", "",
        "## Files", "", "| file | bytes | SHA-256 |", "|---|---:|---|",
        *[f"| `{name}` | {entry['bytes']:,} | `{entry['sha256']}` |" for name, entry in files.items()], "",
    ]
    return "\n".join(lines)
