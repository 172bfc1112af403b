"""Floor test: numeric-claims quality on the hand-labelled dev set (seeds + Wikinews) and on the held-out
slice (15 Wikinews articles labelled blind, never used to tune the rules: the honest estimate)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "claims"))
from scoring import evaluate, load_articles, load_labels  # noqa: E402

# Just below what the extractor reaches (see docs/numeric_claims.md); raise them when it improves.
# 630 gold claims in 80 articles, the last 12 labelled blind in the seventh round (0.966 / 0.932 /
# 0.978 after it; one claim moves a figure by ~0.0016). Qualifier/trend went down from 0.978 when
# those 12 were added: they are harder there (the older 68 articles stay at 0.984).
# Eighth round: 0.976 / 0.951 / 0.979 (six older labels given the object the guide asks for, see
# docs/numeric_claims.md).
# Ninth round: 695 gold claims in 90 articles, the last 10 labelled blind (they scored value+unit/
# object 0.692 before the round's rules, 0.899 after); 0.976 / 0.9475 / 0.978 after it. The
# value+unit/object floor goes down with the harder articles (the older 80 went 0.951 -> 0.952).
FLOORS = {"value_f1": 0.975, "value_unit_object_f1": 0.945, "qualifier_trend_acc": 0.977}
# 175 gold claims: one claim moves a figure by ~0.005 (0.886 / 0.803 / 0.970 after the fifth round)
# Seventh round, scored once on the held-out slice by the lead (totals only): value+unit/object 0.803 -> 0.820.
# Eighth round, read the same way: value F1 0.886 -> 0.902, value+unit/object 0.820 -> 0.836.
HELDOUT_FLOORS = {"value_f1": 0.895, "value_unit_object_f1": 0.83, "qualifier_trend_acc": 0.965}


def test_claims_quality_floors():
    result = evaluate()
    report = {k: v for k, v in result.items() if not isinstance(v, list)}
    for metric, floor in FLOORS.items():
        assert result[metric] >= floor, (metric, report)


def test_seeds_have_no_excluded_classes_and_no_misses():
    result = evaluate()
    seeds = [x for x in result["missed"] + result["spurious"] if x["article"][:3].isdigit()]
    assert seeds == [], seeds


def test_heldout_slice_is_separate_and_labelled():
    dev, held = load_articles(), load_articles(heldout=True)
    assert len(held) >= 15 and not set(dev) & set(held)
    assert all(g.get("heldout") for g in load_labels(heldout=True))


def test_heldout_claims_quality_floors():
    result = evaluate(heldout=True)
    report = {k: v for k, v in result.items() if not isinstance(v, list)}
    for metric, floor in HELDOUT_FLOORS.items():
        assert result[metric] >= floor, (metric, report)
