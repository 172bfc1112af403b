"""`newsclaims`: the command line. Errors a user can act on are printed as one clear message."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from flows.plan import LARGE_CORPUS_ARTICLES, LARGE_CORPUS_SHARD_SIZE, SMALL_CORPUS_SHARD_SIZE

# Set before Prefect is imported: no analytics calls (there is no internet here) and quiet logs.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
# The first start of the temporary server migrates its database, which takes longer than the default.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _build(args: argparse.Namespace) -> int:
    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"newsclaims: the raw folder {raw} does not exist or is not a folder", file=sys.stderr)
        return 2
    if args.runner == "dask" and not args.address:
        from flows.dask_cluster import start_forkserver

        start_forkserver()  # before Prefect is imported here: both imports run at once
    from flows.build import BuildSummary, build

    summary = build(raw_dir=str(raw), out_dir=str(args.out), shard_size=args.shard_size, workers=args.workers,
                    runner=args.runner, address=args.address, progress=sys.stderr.isatty() or args.progress)
    print(BuildSummary(**summary).as_text())
    return 0


def _serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    return serve(raw_dir=args.raw, out_dir=args.out, cron=args.cron, interval=args.interval, port=args.port)


def _release(args: argparse.Namespace) -> int:
    from flows.release import release

    return release(args.version, out_dir=Path(args.out), releases_dir=Path(args.releases))


def _validate(args: argparse.Namespace) -> int:
    from flows.validate import validate

    return validate(Path(args.path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsclaims", description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="show Prefect's logs")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the dataset tables from a raw folder")
    build.add_argument("--raw", default="raw", help="folder of input articles (default: raw)")
    build.add_argument("--out", default="output", help="output folder (default: output)")
    build.add_argument("--shard-size", type=_positive, help=f"articles per shard (default: {SMALL_CORPUS_SHARD_SIZE:,}, or "
                       f"{LARGE_CORPUS_SHARD_SIZE:,} for {LARGE_CORPUS_ARTICLES:,} articles or more)")
    build.add_argument("--workers", type=_positive, default=2, help="shards processed in parallel (default: 2)")
    build.add_argument("--runner", choices=["auto", "thread", "process", "dask"], default="auto",
                       help="how shards run in parallel: auto (default: worker processes for big builds, threads "
                            "otherwise), threads, worker processes, or a Dask cluster")
    build.add_argument("--address", help="with --runner dask: the scheduler, tcp://HOST:PORT (default: a local cluster)")
    build.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="serve build_dataset on a schedule (starts a local Prefect server if needed)")
    serve.add_argument("--raw", default="raw")
    serve.add_argument("--out", default="output")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='a cron schedule, e.g. "0 * * * *"')
    when.add_argument("--interval", type=float, help="seconds between runs")
    serve.add_argument("--port", type=int, default=4200, help="port of the local Prefect server (default: 4200)")
    serve.set_defaults(run=_serve)

    release = commands.add_parser("release", help="write a reproducible dataset release to releases/VERSION/")
    release.add_argument("version", help="release version, e.g. 1.0.0")
    release.add_argument("--out", default="output", help="built output to release (default: output)")
    release.add_argument("--releases", default="releases", help="folder of releases (default: releases)")
    release.set_defaults(run=_release)

    validate = commands.add_parser("validate", help="run every contract on a release or an output folder")
    validate.add_argument("path", nargs="?", default="output", help="a release folder or an output folder")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    if args.verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    from flows.locking import OutputBusy
    from schemas.contracts import ContractViolation

    try:
        return args.run(args)
    except ContractViolation as error:
        print(f"newsclaims: {error.summary()}\nThe failing rows are in {Path(getattr(args, 'out', 'output')) / 'contract_failures.parquet'}; "
              "the previous tables were left untouched.", file=sys.stderr)
        return 3
    except OutputBusy as error:
        print(f"newsclaims: {error}", file=sys.stderr)
        return 4
    except PermissionError as error:
        print(f"newsclaims: cannot write {error.filename}: permission denied; nothing was changed", file=sys.stderr)
        return 5
    except OSError as error:
        print(f"newsclaims: {error.strerror or error} ({error.filename}); nothing was changed", file=sys.stderr)
        return 5
    except KeyboardInterrupt:
        print("newsclaims: interrupted; the previous tables were left untouched", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
