"""How close to the I/O floor can any polars pipeline get? A lower bound for issue 6's "4x the floor".

    .venv/bin/python benchmarks/bench_skeleton.py --raw benchmarks/.work/reuters-100000 --rounds 5

The skeleton does the least that a pipeline writing newsclaims' text tables must do, and nothing of
newsclaims' own: it reads the same raw files as the I/O floor, parses their JSON records, and writes
three tables (documents with their text, paragraphs split on blank lines, sentences split by one
regex), with the same Parquet settings as the pipeline. No cleaning, language, dates, quotes, claims,
contracts, ids by hash or rejected table. Any real pipeline does all of that on top, so the skeleton's
ratio to the floor is a lower bound for the pipeline's.

The floor and the skeleton run in the same process, interleaved, one thread each (POLARS_MAX_THREADS=1
is set before polars is imported), and each round reports their ratio; the medians are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("POLARS_MAX_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import polars as pl  # noqa: E402

from bench_pipeline import WORK, io_floor, raw_bytes  # noqa: E402
from flows.inputs import list_inputs, read_files  # noqa: E402
from flows.store import write_parquet_atomic  # noqa: E402

# A sentence runs to a ., ! or ? that is not followed by a letter or digit ("5.93" stays whole): the
# crudest splitter that still gives sentences, far cheaper than tasks/segment.py's abbreviation rules.
SENTENCE = r"(?:[^.!?]|[.!?]+\S)+[.!?]*"


def skeleton(raw: Path) -> float:
    """Seconds to read, parse and write the three text tables."""
    out = WORK / "skeleton"
    started = time.perf_counter()
    files = read_files(raw, list_inputs(raw))
    records = pl.concat([pl.read_ndjson(blob) for blob in files["raw"]], how="diagonal_relaxed")
    documents = records.select("id", "title", "text").with_row_index("doc")
    paragraphs = (documents.select("doc", pl.col("text").str.split("\n\n").alias("text"))
                  .explode("text").filter(pl.col("text").str.len_bytes() > 0)
                  .with_columns(pl.int_range(pl.len()).over("doc").alias("paragraph")))
    sentences = (paragraphs.select("doc", "paragraph", pl.col("text").str.extract_all(SENTENCE).alias("text"))
                 .explode("text").drop_nulls("text")
                 .with_columns(pl.int_range(pl.len()).over("doc", "paragraph").alias("sentence")))
    for name, frame in (("documents", documents), ("paragraphs", paragraphs), ("sentences", sentences)):
        write_parquet_atomic(frame, out / f"{name}.parquet")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=WORK / "reuters-19043")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    floors, skeletons = [], []
    for _ in range(args.rounds):
        floors.append(io_floor(str(args.raw))[0])
        skeletons.append(skeleton(args.raw))
    ratios = [s / f for s, f in zip(skeletons, floors)]
    print(json.dumps({"raw": str(args.raw), "raw_mb": raw_bytes(args.raw) / 1e6, "rounds": args.rounds,
                      "floor_s": statistics.median(floors), "skeleton_s": statistics.median(skeletons),
                      "ratio_median": statistics.median(ratios), "ratios": [round(r, 2) for r in ratios]}))


if __name__ == "__main__":
    main()
