"""Floors for document metadata and paragraphing on the hand-labelled dev set (tests/devsets/metadata).

The floors sit just below what the cleaning step reaches now (docs/devsets.md has the scores); a
change that lowers one of them is a regression on real articles, not on a unit example. Run with
`-s` to see the score table.
"""

from __future__ import annotations

import pytest

from tests.devsets.metadata_scoring import FIELDS, Scores, score_devset, score_heldout, score_heldout_4

FIELD_FLOORS = {
    # Raised after the fifth round (64 articles, docs/devsets.md): one article below each score still passes.
    "title": 0.98,
    "subtitle": 0.97,
    "section": 0.98,
    "authors": 0.98,
    "published_date": 0.98,
    "published_at": 0.98,
    "dateline": 0.98,
}
PARAGRAPHS_EXACT_FLOOR = 0.95
PARAGRAPHS_MAE_CEILING = 0.2
FIRST_PARAGRAPH_FLOOR = 0.97
LAST_PARAGRAPH_FLOOR = 0.97
HEADING_PRECISION_FLOOR = 0.85
HEADING_RECALL_FLOOR = 0.95

# Articles whose furniture the cleaning step cannot remove yet, with why. Each is an expected
# failure below; the day it is fixed that test fails and asks for the entry to go.
KNOWN_LEAKS = {
    "wn19_044_toronto_comicon_2019_welcomes_fans_with_.txt":
        "a photo gallery of 36 captions closes the article; the run rule in tasks/clean.py drops the bare "
        "ones, but captions written as sentences ('A group of Spider-Man cosplayers.') break the run",
}


@pytest.fixture(scope="module")
def scores() -> Scores:
    return score_devset()


def test_print_scores(scores):
    print("\n\nMetadata and paragraphs dev set: "
          f"{scores.n_articles} articles, {scores.furniture_lines} labelled furniture lines\n{scores.table()}")
    assert scores.n_found == scores.n_articles, scores.errors()


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy_floor(scores, field):
    assert scores.field_accuracy[field] >= FIELD_FLOORS[field], scores.errors()


def test_paragraph_counts(scores):
    assert scores.paragraphs_exact >= PARAGRAPHS_EXACT_FLOOR, scores.errors()
    assert scores.paragraphs_mae <= PARAGRAPHS_MAE_CEILING, scores.errors()


def test_first_and_last_paragraphs(scores):
    assert scores.first_paragraph >= FIRST_PARAGRAPH_FLOOR, scores.errors()
    assert scores.last_paragraph >= LAST_PARAGRAPH_FLOOR, scores.errors()


def test_headings(scores):
    assert scores.heading_precision >= HEADING_PRECISION_FLOOR, scores.errors()
    assert scores.heading_recall >= HEADING_RECALL_FLOOR, scores.errors()


def test_no_furniture_leaks(scores):
    leaks = [(r.name, line) for r in scores.results if r.label["source_path"] not in KNOWN_LEAKS for line in r.leaked]
    assert leaks == []


@pytest.mark.parametrize("source_path", sorted(KNOWN_LEAKS))
def test_known_furniture_leaks(scores, source_path):
    result = next(r for r in scores.results if r.label["source_path"] == source_path)
    if result.leaked:
        pytest.xfail(f"{len(result.leaked)} lines leak: {KNOWN_LEAKS[source_path]}")
    pytest.fail(f"{source_path} no longer leaks furniture: remove it from KNOWN_LEAKS")


# Guards on the held-out layout slices (docs/devsets.md), each a level once measured, not a target: a failure
# prints totals only, so that its lines do not become rules fitted to it.
# - third slice (6 unseen layouts): scored once before and once after the furniture signals (leaks 41 -> 28 of 82,
#   first paragraph 0.167 -> 0.500); then spent as a measure and studied as a dev set for the headline rule (title
#   0.333 -> 1.000, authors 0.167 -> 0.667, leaks 28 -> 25, first paragraph 0.667);
# - fourth slice (4 pages with lines above the headline): scored once before and once after the headline rule (title
#   0.000 -> 1.000, leaks 6 -> 2 of 38, first paragraph 0.250 -> 0.750), never tuned on.
# slice: (scorer, articles, leaks at most, first paragraph, title, authors at least)
HELDOUT_GUARDS = {
    "third": (score_heldout, 6, 23, 0.667, 1.0, 0.667),
    "fourth": (score_heldout_4, 4, 2, 0.75, 1.0, 0.5),
}


@pytest.mark.parametrize("name", sorted(HELDOUT_GUARDS))
def test_heldout_layout_slices_stay_at_their_measured_level(name):
    scorer, articles, leaks, first_paragraph, title, authors = HELDOUT_GUARDS[name]
    held = scorer()
    totals = {"articles": held.n_articles, "found": held.n_found, "leaks": held.furniture_leaks,
              "first_paragraph": round(held.first_paragraph, 3),
              "title": round(held.field_accuracy["title"], 3), "authors": round(held.field_accuracy["authors"], 3)}
    assert held.n_found == held.n_articles == articles, totals
    assert held.furniture_leaks <= leaks, totals
    assert held.first_paragraph >= first_paragraph - 1e-3, totals
    assert held.field_accuracy["title"] >= title - 1e-3, totals
    assert held.field_accuracy["authors"] >= authors - 1e-3, totals
