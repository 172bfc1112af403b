"""Numeric claims vs quantulum3: speed and accuracy on the same texts, in one run.

    .venv/bin/python benchmarks/bench_claims_vs_quantulum3.py [--reuters-kb 300]

quantulum3 is installed only in its own venv (benchmarks/.venv-quantulum3/, git-ignored), created
on first run with pip; it runs in a subprocess on exactly the texts the pipeline gets:
the sentences of ../shared/testsuites (quantulum3's and Recognizers-Text's own test cases) and a
sample of Reuters-21578 (research-only: read from ../shared, never shipped). Both parsers are
scored per test-suite file with the same rule (`case_passes`), and timed per KB of text.
The pipeline is also timed on the whole Reuters corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SUITES = SHARED / "testsuites"
REUTERS = SHARED / "corpora" / "reuters21578" / "articles.jsonl.gz"
VENV = ROOT / "benchmarks" / ".venv-quantulum3"
SUITE_FILES = [
    "quantulum3/quantities.json", "quantulum3/quantities.ambiguity.json",
    "recognizers-text/NumberModel.json", "recognizers-text/NumberRangeModel.json",
    "recognizers-text/PercentModel.json", "recognizers-text/CurrencyModel.json",
    "recognizers-text/DimensionModel.json", "recognizers-text/AgeModel.json",
]

_QUANTULUM_RUNNER = r"""
import json, sys, time
from quantulum3 import parser
texts = json.load(open(sys.argv[1]))
parser.parse("warm-up 5 km")
out, t0, c0 = [], time.perf_counter(), time.process_time()
for t in texts:
    try:
        qs = parser.parse(t)
    except Exception:
        qs = []
    vals = []
    for q in qs:
        v, u = float(q.value), float(q.uncertainty or 0)
        # a range is reported as its middle +- half its width: both ends and the middle count
        vals.append([v - u, v + u, v] if u else [v])
    out.append(vals)
json.dump({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "values": out},
          open(sys.argv[2], "w"))
"""


def expected_values(case: dict) -> list[float] | None:
    """Values a suite case expects, or None for a case to skip (NotSupported in Python)."""
    if "req" in case:
        return [float(r["value"]) for r in case["res"]]
    if "python" in case.get("NotSupported", "").lower():
        return None
    vals: list[float] = []
    for r in case["Results"]:
        v = str(r.get("Resolution", {}).get("value", "")).replace("%", "").replace(",", "")
        nums = re.findall(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", v)
        if not nums:
            return None
        vals.extend(float(n) for n in nums)
    return vals


def load_suites() -> dict[str, list[tuple[str, list[float]]]]:
    suites = {}
    for name in SUITE_FILES:
        cases = json.loads((SUITES / name).read_text(encoding="utf-8"))
        rows = []
        for case in cases:
            exp = expected_values(case)
            if exp is not None:
                rows.append((case.get("req") or case.get("Input"), exp))
        suites[name] = rows
    return suites


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def case_passes(expected: list[float], predicted: list[list[float]]) -> bool:
    """Every expected value is read, and nothing is read when nothing is expected. `predicted`
    has one entry per quantity read: its value as written (scale words applied, no unit
    conversion: "50 cents" is 50, as both suites write it), or for a range its two ends and its
    middle (Recognizers-Text expects the ends, quantulum3's own suite the middle). The same rule
    scores both parsers."""
    if not expected:
        return not predicted
    flat = [v for q in predicted for v in q]
    return all(any(_close(e, p) for p in flat) for e in expected)


def pipeline_values(texts: list[str]) -> list[list[list[float]]]:
    """Quantities the pipeline's number parser reads in each text (one sentence per text), in
    the form `case_passes` takes."""
    sys.path.insert(0, str(ROOT))
    from tasks.numeric_claims import find_quantities

    sentences = pl.DataFrame({
        "sentence_id": [f"{i:016x}-s0" for i in range(len(texts))],
        "doc_id": [f"{i:016x}" for i in range(len(texts))],
        "paragraph_id": [f"{i:016x}-p0" for i in range(len(texts))],
        "position": pl.Series([0] * len(texts), dtype=pl.Int32),
        "char_start": pl.Series([0] * len(texts), dtype=pl.Int32),
        "char_end": pl.Series([len(t) for t in texts], dtype=pl.Int32),
        "text": texts,
    })
    q = find_quantities(sentences)
    per = {d: [] for d in sentences["doc_id"]}
    written = q.select("doc_id", v=pl.col("value") / pl.col("unit_factor"),
                       vmax=pl.col("value_max") / pl.col("unit_factor"))
    for doc, v, vmax in written.iter_rows():
        per[doc].append([v] if vmax is None else [v, vmax, (v + vmax) / 2])
    return [per[d] for d in sentences["doc_id"]]


def ensure_quantulum3() -> Path:
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "quantulum3"], check=True)
    return py


def quantulum3_values(texts: list[str]) -> tuple[float, float, list[list[list[float]]]]:
    py = ensure_quantulum3()
    work = ROOT / "benchmarks" / ".work"
    work.mkdir(exist_ok=True)
    src, dst, runner = work / "texts.json", work / "q3.json", work / "q3_runner.py"
    src.write_text(json.dumps(texts))
    runner.write_text(_QUANTULUM_RUNNER)
    subprocess.run([str(py), str(runner), str(src), str(dst)], check=True)
    out = json.loads(dst.read_text())
    return out["seconds"], out["cpu"], out["values"]


def reuters_texts(limit_kb: int | None) -> list[str]:
    texts, size = [], 0
    with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text") or ""
            if t:
                texts.append(t)
                size += len(t)
            if limit_kb and size >= limit_kb * 1000:
                break
    return texts


def full_reuters_throughput() -> tuple[float, float, float, int]:
    sys.path.insert(0, str(ROOT))
    from tasks.numeric_claims import extract_numeric_claims
    from tasks.segment import segment_paragraphs, segment_sentences

    texts = reuters_texts(None)
    docs = pl.DataFrame({"doc_id": [f"{i:016x}" for i in range(len(texts))], "text": texts})
    docs = docs.with_columns(paragraph_kinds=pl.col("text").str.split("\n\n").list.eval(pl.lit("body")))
    sentences = segment_sentences(segment_paragraphs(docs))
    extract_numeric_claims(sentences.head(1000))
    t0, c0 = time.perf_counter(), time.process_time()
    claims = extract_numeric_claims(sentences)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return sum(map(len, texts)) / 1e6, seconds, cpu, claims.height


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reuters-kb", type=int, default=1000)
    args = ap.parse_args()
    if not SUITES.exists() or not REUTERS.exists():
        sys.exit(f"needs {SUITES} and {REUTERS} (../shared next to the repository)")
    suites = load_suites()
    suite_texts = [t for rows in suites.values() for t, _ in rows]
    sample = reuters_texts(args.reuters_kb)
    # Reuters is split into paragraphs so both parsers see sentence-sized inputs.
    sample_paras = [p for t in sample for p in t.split("\n\n") if p.strip()]
    texts = suite_texts + sample_paras
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    kb = sum(len(t) for t in texts) / 1000

    pipeline_values(["warm-up: imports, pint registry and regex compilation, 5 km."])
    t0, c0 = time.perf_counter(), time.process_time()
    ours = pipeline_values(texts)
    ours_s, ours_cpu = time.perf_counter() - t0, time.process_time() - c0
    q3_s, q3_cpu, q3 = quantulum3_values(texts)

    print(f"same texts: {len(texts)} texts, {kb:.0f} KB "
          f"({len(suite_texts)} suite sentences + {len(sample_paras)} Reuters paragraphs)")
    # CPU seconds next to wall seconds: on a shared machine the wall clock mostly measures the
    # other jobs, CPU time much less so
    q3_version = subprocess.run([str(ensure_quantulum3()), "-c", "import importlib.metadata as m; print(m.version('quantulum3'))"],
                                capture_output=True, text=True).stdout.strip()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs; Python {platform.python_version()}, "
          f"polars {pl.__version__}, quantulum3 {q3_version}")
    print(f"load average at start: {load}")
    print(f"pipeline:   {ours_s:.2f} s wall = {kb / ours_s:,.0f} KB/s; {ours_cpu:.2f} s CPU")
    print(f"quantulum3: {q3_s:.2f} s wall = {kb / q3_s:,.1f} KB/s; {q3_cpu:.2f} s CPU")
    print(f"speed ratio (pipeline / quantulum3, per KB): {q3_s / ours_s:,.0f}x wall, "
          f"{q3_cpu / ours_cpu:,.0f}x CPU")
    print("\n| suite file | cases | pipeline pass rate | quantulum3 pass rate |\n|---|---|---|---|")
    i = 0
    tot = [0, 0, 0]
    for name, rows in suites.items():
        a = sum(case_passes(e, ours[i + k]) for k, (_, e) in enumerate(rows))
        b = sum(case_passes(e, q3[i + k]) for k, (_, e) in enumerate(rows))
        i += len(rows)
        tot = [tot[0] + len(rows), tot[1] + a, tot[2] + b]
        print(f"| {name} | {len(rows)} | {a / len(rows):.3f} | {b / len(rows):.3f} |")
    print(f"| all | {tot[0]} | {tot[1] / tot[0]:.3f} | {tot[2] / tot[0]:.3f} |")
    mb, sec, cpu, n = full_reuters_throughput()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nfull Reuters-21578 through extract_numeric_claims (load average {load}): "
          f"{mb:.1f} M chars, {n} claims, {sec:.2f} s wall = {mb / sec:.2f} MB/s; "
          f"{cpu:.2f} s CPU = {mb / cpu:.2f} MB per CPU second")


if __name__ == "__main__":
    main()
