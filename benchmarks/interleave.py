"""Interleaved builds of several trees and runners against one Prefect server.

The host is noisy, so A/B comparisons run one build of each configuration per round, in turn,
and compare them within each round (BENCHMARKS.md):

    .venv/bin/python benchmarks/interleave.py --rounds 4 --raw benchmarks/.work/reuters-100000 \
        ../old-worktree:auto .:auto .:dask > results.jsonl

Each TREE is a checkout of this repository with its own `.venv` (a git worktree can link this one);
each build is that tree's `benchmarks/bench_pipeline.py --child build`. With `--floor`, each round
also measures the I/O floor (this tree's `--child floor`: read the raw files, write their text as
one Parquet table), so that the ratio to the floor compares builds and floor of the same minutes.
One JSON line per build (and floor) on stdout, a summary line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import bench_pipeline as bench


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--raw", required=True, help="a folder made by bench_pipeline.py (benchmarks/.work/reuters-N)")
    parser.add_argument("--shard-size", type=int, help="articles per shard (default: the pipeline's, by corpus size)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--floor", action="store_true", help="measure the I/O floor once per round")
    parser.add_argument("configs", nargs="+", metavar="TREE:RUNNER")
    args = parser.parse_args()
    raw = str(Path(args.raw).resolve())
    server, url, _ = bench.start_server()
    env = dict(os.environ, PREFECT_API_URL=url, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PREFECT_HOME=str(bench.WORK / "prefect-home"))
    try:
        for round_ in range(args.rounds):
            if args.floor:
                command = [sys.executable, str(Path(bench.__file__).resolve()), "--child", "floor", "--raw", raw]
                done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
                floor = json.loads(done.stdout.strip().splitlines()[-1])
                print(json.dumps(dict(floor, round=round_, kind="floor")), flush=True)
                print(f"round {round_} I/O floor {floor['io_floor_s']:.2f} s", file=sys.stderr, flush=True)
            for config in args.configs:
                tree, runner = config.rsplit(":", 1)
                tree = str(Path(tree).resolve())
                out = bench.WORK / f"interleave-out-{Path(tree).name}-{runner}"
                command = [f"{tree}/.venv/bin/python", f"{tree}/benchmarks/bench_pipeline.py", "--child", "build",
                           "--raw", raw, "--out", str(out), "--workers", str(args.workers), "--runner", runner]
                command += ["--shard-size", str(args.shard_size)] if args.shard_size else []
                load = os.getloadavg()[0]
                done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tree)
                if done.returncode:
                    print(f"{config}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                    continue
                result = json.loads(done.stdout.strip().splitlines()[-1])
                result.update(round=round_, tree=tree, runner=runner, load_before=load)
                print(json.dumps(result), flush=True)
                print(f"round {round_} {config}: flow {result['flow_s']:.2f} s, wall {result['wall_s']:.2f} s, "
                      f"peak RSS {result['peak_rss_mb']:.0f} MB, load {load:.2f}", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
