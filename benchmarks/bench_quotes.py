"""Throughput of extract_quotes on Reuters-21578 (research-only corpus, read from ../shared; never shipped).

Run: .venv/bin/python benchmarks/bench_quotes.py
Each of the 3 runs is a fresh process: the extractor memoises pure string helpers, so a second run
in the same process would start with warm caches and flatter itself. The median run is reported.
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.quotes import extract_quotes  # noqa: E402
from tasks.segment import segment_paragraphs, segment_sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "articles.jsonl.gz"
RUNS = 3


def _one_run() -> None:
    rows = [json.loads(line) for line in gzip.open(CORPUS, "rt", encoding="utf-8")]
    documents = pl.DataFrame({"doc_id": [r["id"] for r in rows], "text": [r["text"].strip() for r in rows]})
    # segment_paragraphs needs paragraph_kinds from cleaning; Reuters has no in-body headings
    kinds = documents.select(pl.col("text").str.split("\n\n").list.eval(pl.lit("body")).alias("paragraph_kinds"))
    paragraphs = segment_paragraphs(documents.with_columns(kinds))
    sentences = segment_sentences(paragraphs)
    w0, c0 = time.perf_counter(), time.process_time()
    quotes = extract_quotes(documents, paragraphs, sentences)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    counts = dict(quotes.group_by("quote_type").len().sort("quote_type").iter_rows())
    print(json.dumps({"docs": documents.height, "mb": documents["text"].str.len_bytes().sum() / 1e6,
                      "cpu": cpu, "wall": wall, "counts": {str(k): v for k, v in counts.items()}}))


def main() -> None:
    if not CORPUS.exists():
        sys.exit(f"skipped: {CORPUS} is absent")
    if "--child" in sys.argv:
        _one_run()
        return
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--child"], check=True, capture_output=True,
                                      text=True).stdout.strip().splitlines()[-1]) for _ in range(RUNS)]
    cpu = statistics.median(r["cpu"] for r in runs)
    wall = statistics.median(r["wall"] for r in runs)
    mb = runs[0]["mb"]
    # CPU time is the figure to compare: the machine is shared, so wall time swings 2x between runs
    print(f"{runs[0]['docs']} docs, {mb:.1f} MB: median of {RUNS} fresh processes {cpu:.2f} s CPU ({mb / cpu:.1f} MB/s), "
          f"{wall:.2f} s wall; runs: " + ", ".join(f"{r['cpu']:.2f}/{r['wall']:.2f}" for r in runs))
    print("quotes by type:", runs[0]["counts"])


if __name__ == "__main__":
    main()
