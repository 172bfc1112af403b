"""The number parser on quantulum3's and Recognizers-Text's own test cases (../shared/testsuites).

Scored with the benchmark's rule (`case_passes`): a case passes when every expected value is
read, values as written ("50 cents" is 50), a range by either end or its middle. Floors are per
file, just below the current pass rates (see docs/numeric_claims.md); the suites test number
parsing, so the claim filter is off here (`find_quantities`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_claims_vs_quantulum3 as bench  # noqa: E402

FLOORS = {
    "quantulum3/quantities.json": 0.83,
    "quantulum3/quantities.ambiguity.json": 0.85,
    "recognizers-text/NumberModel.json": 0.79,
    "recognizers-text/NumberRangeModel.json": 0.99,
    "recognizers-text/PercentModel.json": 0.99,
    "recognizers-text/CurrencyModel.json": 0.88,
    "recognizers-text/DimensionModel.json": 0.88,
    "recognizers-text/AgeModel.json": 0.99,
}


@pytest.fixture(scope="module")
def suites():
    if not bench.SUITES.exists():
        pytest.skip(f"{bench.SUITES} is absent: the test suites live in ../shared next to the repository")
    return bench.load_suites()


@pytest.mark.parametrize("name", list(FLOORS))
def test_pass_rate_floor(suites, name):
    rows = suites[name]
    got = bench.pipeline_values([t for t, _ in rows])
    rate = sum(bench.case_passes(e, p) for (_, e), p in zip(rows, got)) / len(rows)
    assert rate >= FLOORS[name], f"{name}: pass rate {rate:.3f} < floor {FLOORS[name]}"
