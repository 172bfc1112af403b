"""Floor test: the quotes extractor on the hand-labelled dev set (5 seeds + 67 Wikinews articles) and
on the held-out slice (24 Wikinews articles labelled blind, never used to tune the rules: the honest estimate).

Floors sit just below what the extractor reaches (see docs/quotes.md); a drop below them fails.
"""

from __future__ import annotations

import pytest

import quotes_scoring as qs
from tasks.quotes import extract_quotes

# Round 9 (docs/quotes.md): 12 articles labelled blind joined the dev set and took direct precision to 0.988, under
# the old 0.99 floor (their quoted terms and interview scare quotes); the floors now sit under the full dev set's scores.
# Round 12: 10 articles labelled blind (reported speech) joined the dev set; their quotes attributed to no one by the
# direct/partial extractor ("The State Department gave its "deepest sympathies"") took direct speaker accuracy from 0.946 to
# 0.925 before any rule changed, so that floor follows the grown dev set; the indirect floors rose with the round's rules.
# round 13: speaker accuracy 0.933 -> 0.940 direct, 0.921 -> 0.933 indirect (dev); the floors one step up
# round 14: 8 articles labelled blind joined the dev set (86 gold); the unchanged rules scored them direct 0.946 / 1.000 /
# 0.771 and indirect 0.946 / 0.686 / 0.914, taking the whole set's direct speaker accuracy to 0.921 and indirect recall
# to 0.833: those two floors follow the grown set before any rule change (raised again after the round's rules)
# after round 14's rules: direct 0.981 / 0.993 / 0.934, indirect 0.976 / 0.854 / 0.946
FLOORS = {"precision": 0.98, "recall": 0.99, "speaker_accuracy": 0.93}
INDIRECT_FLOORS = {"precision": 0.97, "recall": 0.85, "speaker_accuracy": 0.94}
# 24 articles, 78 direct/partial and 62 indirect gold quotes: one quote moves a figure by ~0.013 / ~0.016
HELDOUT_FLOORS = {"precision": 0.94, "recall": 0.98, "speaker_accuracy": 0.91}
# Round 12's indirect rules, scored once on the held-out slice (totals only): 49 -> 52 predicted, 47 -> 49 right, so
# precision 0.959 -> 0.942 and recall 0.758 -> 0.790 (F1 0.847 -> 0.859); the precision floor follows, one quote down.
HELDOUT_INDIRECT_FLOORS = {"precision": 0.93, "recall": 0.78, "speaker_accuracy": 0.90}


def _totals(scores: dict) -> dict:
    """A held-out failure shows the totals only: its errors, printed, would become rules fitted to it."""
    return {k: v for k, v in scores.items() if not isinstance(v, list)}


@pytest.fixture(scope="module")
def results():
    return qs.run_devset(extract_quotes)


@pytest.fixture(scope="module")
def heldout():
    return qs.run_devset(extract_quotes, heldout=True)


def test_devset_has_enough_articles_and_quotes():
    texts, labels = qs.load_devset()
    assert len(texts) >= 35 and sum(1 for name in texts if name.startswith("wn")) >= 30
    assert sum(1 for g in labels if g["type"] != "indirect") >= 150


def test_every_gold_quote_is_found_in_its_article(results, heldout):
    for direct, indirect, _ in (results, heldout):
        assert direct["unlocated_gold"] == [] and indirect["unlocated_gold"] == []


def test_heldout_slice_is_separate_from_the_dev_set():
    dev, _ = qs.load_devset()
    held, labels = qs.load_devset(heldout=True)
    assert len(held) >= 8 and not set(dev) & set(held) and all(g.get("heldout") for g in labels)


@pytest.mark.parametrize("metric", sorted(HELDOUT_FLOORS))
def test_heldout_direct_and_partial_quotes_stay_above_floor(heldout, metric):
    direct, _, _ = heldout
    assert direct[metric] >= HELDOUT_FLOORS[metric], _totals(direct)


@pytest.mark.parametrize("metric", sorted(HELDOUT_INDIRECT_FLOORS))
def test_heldout_indirect_quotes_stay_above_floor(heldout, metric):
    _, indirect, _ = heldout
    assert indirect[metric] >= HELDOUT_INDIRECT_FLOORS[metric], _totals(indirect)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_direct_and_partial_quotes_stay_above_floor(results, metric):
    direct, _, _ = results
    assert direct[metric] >= FLOORS[metric], direct["errors"]


@pytest.mark.parametrize("metric", sorted(INDIRECT_FLOORS))
def test_indirect_quotes_stay_above_floor(results, metric):
    _, indirect, _ = results
    assert indirect[metric] >= INDIRECT_FLOORS[metric]


def test_no_quoted_name_is_output_as_a_quote(results):
    _, _, pred = results
    names = {"The Revolutionaries", "Thawriyoun", "Islamic State of Iraq and Syria", "Islamic Resistance in Iraq",
             "Super Tuesday", "Bridgegate scandal", "family.", "Is this person a citizen of the United States?"}
    assert not set(pred["text"].str.strip_chars(" ,.").to_list()) & {n.strip(" ,.") for n in names}
