"""Pipeline throughput on Reuters-21578: documents/s, MB/s, peak memory, time per stage.

    .venv/bin/python benchmarks/bench_pipeline.py --sizes 1000,19043 --repeat 3

Reuters is research-only: it is read from ../shared/corpora and never copied into the repository
(the raw folders this script writes live under benchmarks/.work/, which git ignores). Sizes above
19,043 repeat the corpus with distinct ids and a distinct closing line, so copies are not duplicates.

One Prefect server is started for the whole run (its start-up is reported separately); each
measured build runs in its own process so that its peak RSS is its own. Reported figures are
medians over `--repeat` runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "articles.jsonl.gz"
WORK = ROOT / "benchmarks" / ".work"
RECORDS_PER_FILE = 1000


def _letters(n: int) -> str:
    """n written in letters only, so the added line holds no number."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
        if n == 0:
            return out


def make_raw(n: int) -> Path:
    """A raw folder of JSONL files (1,000 records each) holding n Reuters articles."""
    folder = WORK / f"reuters-{n}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with gzip.open(REUTERS, "rt", encoding="utf-8") as handle:
        corpus = [json.loads(line) for line in handle]
    batch, part = [], 0
    for k in range(n):
        record = dict(corpus[k % len(corpus)])
        copy = k // len(corpus)
        if copy:
            record["id"] = f"{record['id']}-copy{copy}"
            record["text"] = record["text"] + f"\n\nArchive copy {_letters(copy)}."
        batch.append(json.dumps(record))
        if len(batch) == RECORDS_PER_FILE or k == n - 1:
            sub = folder / f"{part // 100:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"part-{part:06d}.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
            batch, part = [], part + 1
    marker.touch()
    return folder


def raw_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.jsonl"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_HOME=str(WORK / "prefect-home"))
    started = time.perf_counter()
    server = subprocess.Popen([str(ROOT / ".venv/bin/prefect"), "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import urllib.request

    for _ in range(600):
        try:
            urllib.request.urlopen(f"{url}/health", timeout=1)
            return server, url, time.perf_counter() - started
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise RuntimeError("the Prefect server did not start in 150 s")


def one_build(raw: str, out: str, shard_size: int | None, workers: int, runner: str) -> dict:
    """Runs in a child process: one build through the flow, plus its peak RSS."""
    sys.path.insert(0, str(ROOT))
    if runner == "dask":
        from flows.dask_cluster import start_forkserver

        start_forkserver()  # as the command line does, before Prefect is imported
    from flows.build import build

    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    summary = build(raw_dir=raw, out_dir=out, shard_size=shard_size, workers=workers, runner=runner)
    wall = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"wall_s": wall, "flow_s": summary["seconds"], "documents": summary["documents"],
            "rejected": summary["rejected"], "rows": summary["rows"], "peak_rss_mb": rss / 1024,
            "processes": summary["processes"], "shard_size": summary.get("shard_size")}


def io_floor(raw: str) -> tuple[float, "pl.DataFrame"]:
    """The I/O floor: seconds to read the raw files and write their text as one Parquet table,
    and the files read (for the caller to reuse)."""
    sys.path.insert(0, str(ROOT))
    import polars as pl

    from flows.inputs import list_inputs, read_files
    from flows.store import write_parquet_atomic

    folder = Path(raw)
    inputs = list_inputs(folder)
    started = time.perf_counter()
    files = read_files(folder, inputs)
    texts = [line for blob in files["raw"] for line in blob.decode("utf-8").splitlines()]
    write_parquet_atomic(pl.DataFrame({"text": texts}), WORK / "floor.parquet")
    return time.perf_counter() - started, files


def stages_and_floor(raw: str) -> dict:
    """Runs in a child process: the I/O floor, then the same inputs through `build_shard` in one
    process, timed per stage."""
    from flows.shard import StageClock, build_shard
    from flows.store import write_parquet_atomic

    floor, files = io_floor(raw)
    clock = StageClock()
    started = time.perf_counter()
    tables = build_shard(files, clock)
    with clock.stage("write"):
        for name, frame in tables.as_dict().items():
            write_parquet_atomic(frame, WORK / "stages" / f"{name}.parquet")
    total = time.perf_counter() - started
    return {"io_floor_s": floor, "in_process_s": total, "stages_s": clock.seconds}


def child(args: argparse.Namespace) -> None:
    if args.child == "build":
        result = one_build(args.raw, args.out, args.shard_size, args.workers, args.runner)
    elif args.child == "floor":
        result = {"io_floor_s": io_floor(args.raw)[0]}
    else:
        result = stages_and_floor(args.raw)
    print(json.dumps(result))


def run_child(kind: str, raw: Path, env: dict, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--raw", str(raw), "--out", str(WORK / "out"),
               "--workers", str(args.workers), "--runner", args.runner]
    command += ["--shard-size", str(args.shard_size)] if args.shard_size else []
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,19043")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shard-size", type=int, help="articles per shard (default: the pipeline's, by corpus size)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runner", default="auto", choices=["auto", "thread", "process", "dask"])
    parser.add_argument("--stages", action="store_true", help="also time each stage in one process")
    parser.add_argument("--child", choices=["build", "stages", "floor"])
    parser.add_argument("--raw")
    parser.add_argument("--out")
    parser.add_argument("--json", help="append the results as JSON lines to this file")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if not REUTERS.exists():
        sys.exit(f"{REUTERS} is absent: the benchmark needs the shared Reuters corpus")
    WORK.mkdir(parents=True, exist_ok=True)
    server, url, startup = start_server()
    env = dict(os.environ, PREFECT_API_URL=url, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PREFECT_HOME=str(WORK / "prefect-home"))
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"Prefect server start-up: {startup:.1f} s (not counted below)")
    print("| articles | MB | runner | wall s (median) | flow s | docs/s (flow) | MB/s (flow) | MB/s (wall) | peak RSS MB | runs |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            raw = make_raw(n)
            mb = raw_bytes(raw) / 1e6
            runs = [run_child("build", raw, env, args) for _ in range(args.repeat)]
            wall = statistics.median(r["wall_s"] for r in runs)
            flow_s = statistics.median(r["flow_s"] for r in runs)
            rss = max(r["peak_rss_mb"] for r in runs)
            docs = runs[0]["documents"]
            how = args.runner + (f" ({runs[0]['processes']} processes)" if runs[0]["processes"] else "")
            print(f"| {n:,} | {mb:.1f} | {how} | {wall:.2f} | {flow_s:.2f} | {n / flow_s:,.0f} | {mb / flow_s:.2f} "
                  f"| {mb / wall:.2f} | {rss:,.0f} | {len(runs)} |")
            result = {"articles": n, "mb": mb, "wall_s": wall, "flow_s": flow_s, "peak_rss_mb": rss,
                      "documents": docs, "rows": runs[0]["rows"], "runs": [r["wall_s"] for r in runs],
                      "workers": args.workers, "runner": args.runner, "shard_size": runs[0].get("shard_size") or args.shard_size,
                      "processes": runs[0]["processes"], "flow_runs": [r["flow_s"] for r in runs]}
            if args.stages:
                stages = run_child("stages", raw, env, args)
                result.update(stages)
                print("  stages (one process, s): " + ", ".join(f"{k} {v:.2f}" for k, v in stages["stages_s"].items())
                      + f"; total {stages['in_process_s']:.2f}; I/O floor {stages['io_floor_s']:.2f}")
            if args.json:
                with open(args.json, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(result) + "\n")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
