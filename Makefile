# Quick start: `make run` builds the dataset from raw/ into output/, `make test` runs the tests.
# Both set up .venv/ from uv.lock first, installing uv itself into .tools/ if it is missing.

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export UV_PYTHON_DOWNLOADS := never
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup run test test-fast bench clean

setup: .venv/.synced

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python 3.11
	touch $@

run: setup
	.venv/bin/newsclaims build --raw raw --out output

test: setup
	.venv/bin/python -m pytest

test-fast: setup
	.venv/bin/python -m pytest -m "not slow"

bench: setup
	.venv/bin/python benchmarks/bench_pipeline.py

clean:
	rm -rf output .venv .tools .pytest_cache
