"""The build's own local Dask cluster (`--runner dask` without `--address`).

This module imports neither Prefect nor polars at the top, so that the command line can start the
workers' forkserver before it imports Prefect itself (see `start_forkserver`).
"""

from __future__ import annotations

from contextlib import contextmanager

# What every worker of the local cluster imports before its first shard, loaded once in a
# forkserver that forks the workers. Not polars nor the pipeline: polars starts its thread pool
# when imported, and a forked thread pool deadlocks.
FORKSERVER_PRELOAD = ["distributed", "dask", "cloudpickle", "msgpack", "tornado", "toolz", "prefect",
                      "prefect.task_engine", "prefect_dask"]


def start_forkserver() -> None:
    """Starts the forkserver the local cluster's workers are forked from, importing Dask and Prefect.

    Its imports (~3 CPU-seconds) otherwise begin only when `build` starts the cluster, after this
    process imported Prefect itself, and the workers registered ~5 s after that, while the planned
    shards waited. Started first, the two imports run side by side on two cores. Returns at once.
    """
    from multiprocessing import forkserver

    forkserver.set_forkserver_preload(FORKSERVER_PRELOAD)
    forkserver.ensure_running()


@contextmanager
def local_dask_cluster(workers: int):
    """A local Dask cluster whose workers start while the flow starts and plans.

    Left to prefect-dask, the cluster starts only when the first shard is submitted (~5 s on 2
    cores), after Prefect's flow start and the planning. Here the scheduler starts at once and the
    workers are asked for without waiting. Each worker used to be spawned and import Dask and
    Prefect itself (~4-5 CPU-seconds each, on the cores the shards need); they are now forked from
    one forkserver that imported those once (started earlier by the command line, if it was).
    """
    import dask
    from distributed import LocalCluster
    from distributed.utils import get_mp_context

    from flows.worker import polars_threads

    # Dask's statistical profiler samples each worker's stack every 10 ms for its dashboard, which
    # this cluster does not serve: ~3% of the workers' CPU (four interleaved builds of 100,000).
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver",
                          "distributed.worker.profile.enabled": False}):
        # After distributed set its own list; no effect on a forkserver already running.
        get_mp_context().set_forkserver_preload(FORKSERVER_PRELOAD)
        cluster = LocalCluster(n_workers=0, threads_per_worker=1, processes=True, dashboard_address=None,
                               env=polars_threads(workers))
        try:
            cluster.scale(workers)
            yield cluster
        finally:
            cluster.close()
