"""tasks/normalise.py: whole-text forms of per-line rules."""

import random

import polars as pl

from tasks.normalise import collapsed_spaces


def _collapse_line(line: str) -> str:
    while "  " in line:
        line = line.replace("  ", " ")
    return line.strip(" ")


def _per_line(text: str) -> str:
    return "\n".join(_collapse_line(line) for line in text.split("\n"))


def test_collapsed_spaces_on_the_whole_text_equals_the_rule_line_by_line():
    rng = random.Random(7)
    texts = ["", " ", "\n", " \n ", "a  b", "  a \n\n  b  ", "a \n \n b"]
    texts += ["".join(rng.choice("  a\n") for _ in range(rng.randrange(0, 30))) for _ in range(5000)]
    got = pl.DataFrame({"t": texts}).select(collapsed_spaces("t"))["t"].to_list()
    assert got == [_per_line(t) for t in texts]
