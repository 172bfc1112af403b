"""Qualifiers and trends of numeric claims: the words right around a number that say how exact
it is ("at least", "about", "or more") and whether it is a change ("rose 5%", "a 3% drop")."""

from __future__ import annotations

import re

import polars as pl

from tasks.ascii_patterns import Rx
from tasks.numbers import B

QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "just over": "more_than",
    "at most": "at_most", "up to": "at_most", "as many as": "at_most", "as much as": "at_most",
    "within": "at_most", "as high as": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most",
    "less than": "less_than", "under": "less_than", "below": "less_than",
    "fewer than": "less_than",
    "nearly": "nearly", "almost": "nearly", "near": "nearly", "close to": "nearly",
    "just under": "nearly", "just below": "nearly", "just shy of": "nearly",
    "about": "approximately", "around": "approximately", "some": "approximately",
    "roughly": "approximately", "approximately": "approximately", "approx.": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "circa": "approximately",
    "an approximate": "approximately", "about the": "approximately",
    "c.": "approximately", "ca.": "approximately", "~": "approximately",
}
# "c. 300", "ca. 300": lower case only ("John C. 300" is an initial); "~295" needs no space.
_CASED = {"c.", "ca."}
# Words that change a number into a change ("rose 5%", "cut 200 jobs", "a 3% drop").
UP_BEFORE = ("rose|risen|rise|rises|rising|increased?|increases|increasing|grew|grown|grows|"
             "growing|gained?|gains|jumped|jumps|climbed|climbs|soared|soars|surged|surges|"
             "rallied|added|adds|raised|raises|boosted|expanded|up|higher|hiked|advanced|additional|"
             "extended\\s+\\w+(?:\\s+\\w+){0,3}\\s+by")
DOWN_BEFORE = ("fell|fallen|falls|falling|dropped|drops|declined?|declines|declining|"
               "decreased?|decreases|slipped|slid|plunged|plunges|tumbled|shed|sheds|lost|"
               "cut|cuts|cutting|reduced|reduces|lowered|slashed|eliminated|eased|down|lower|"
               "shrank|shrunk|contracted|dipped")
UP_AFTER = "increase|increases|rise|rises|gain|gains|jump|hike|growth|higher|greater|up|surge|climb"
DOWN_AFTER = ("decrease|decreases|decline|declines|drop|drops|fall|falls|cut|cuts|reduction|"
              "loss|losses|lower|down|dip|slump|plunge")

_QUAL = "|".join(
    f"(?-i:{re.escape(q)})" if q in _CASED else re.escape(q).replace(r"\ ", r"\s+")
    for q in sorted(QUALIFIERS, key=len, reverse=True) if q != "~"
)
# What may stand right before a number and belongs to the claim: an age marker, a qualifier,
# the opening word of a range, a sign word. Matched at the end of the text before the number
# without capture groups (the capture engine is ten times slower than the DFA on every
# candidate); the parts are split out of the few non-empty matches with LEAD_PARTS_RE.
_LEAD = (rf"(?:(?:(?:between|from)\s+the\s+)?(?:aged|age\s+of|(?-i:age)|ages(?:\s+of)?|in\s+age)\s+)?(?:(?:{_QUAL})\s+)?(?:(?:between|from)\s+)?"
         r"(?:(?:minus|negative)\s+)?")
# "~" is no word character, so no word boundary stands before it (" ~295")
LEAD_RE = rf"(?i)(?:{B}{_LEAD}|~\s*)$"
LEAD_PARTS_RE = (
    rf"(?i)^(?:(?:(?P<rp0>between|from)\s+the\s+)?(?P<age>aged|age\s+of|(?-i:age)|ages(?:\s+of)?|in\s+age)\s+)?(?:(?P<qual>{_QUAL})\s+|(?P<tilde>~)\s*)?"
    r"(?:(?P<rp>between|from)\s+)?(?P<neg>(?:minus|negative)\s+)?$"
)


_AFTER = {
    "at_least": r"(?i)^\s*(?:or|and)\s+(?:more|over|above)(?-u:\b)",
    "at_most": r"(?i)^\s*(?:or|and)\s+(?:less|fewer|under|below)(?-u:\b)",
    "approximately": r"(?i)^\s*or\s+so(?-u:\b)",
    "more_than": r"(?i)^-?plus(?-u:\b)",
}
_ANY_AFTER = "|".join(f"(?:{p})" for p in _AFTER.values())


def after_qualifier(rx: Rx) -> tuple[pl.Expr, pl.Expr]:
    """The qualifier after the number ("or more", "-plus") as a test that there is one, true on
    few rows, and the rules that tell which: one pass over every row instead of four."""
    post, unit = pl.col("post"), pl.col("unit_raw")
    # "1,000 or more kilograms": the unit as written holds the qualifier (the literal test keeps
    # the regexes off the other unit rows)
    in_unit = unit.str.starts_with(" or ").fill_null(False)
    which = pl.when(False).then(pl.lit(None, pl.String))
    for name, pattern in _AFTER.items():
        which = which.when(post.str.contains(rx(pattern)) | in_unit & unit.str.contains(rx(pattern))).then(pl.lit(name))
    return post.str.contains(rx(_ANY_AFTER)) | in_unit, which


def qualifier(rx: Rx) -> pl.Expr:
    """Qualifier before the number ("at least"), else after it (column `_after`, from
    `after_qualifier`), else exact."""
    key = pl.col("qual").str.to_lowercase().str.replace_all(rx(r"\s+"), " ")
    return pl.coalesce(key.replace_strict(QUALIFIERS, default=None), pl.col("_after"), pl.lit("exact"))


_TAIL = r"\s+(?:by\s+)?(?:a\s+further\s+|another\s+)?$"


def trend(rx: Rx) -> tuple[pl.Expr, pl.Expr]:
    """A change verb right before the number or a change noun right after it; `rose to 5%` is a
    level, not a change. As a test that there is one, a union per side true on few rows (one in
    twenty), and the rules that tell which: two passes over every row instead of four."""
    pre, post = pl.col("pre"), pl.col("post")
    which = (
        pl.when(pre.str.contains(rx(rf"(?i){B}(?:{UP_BEFORE}){_TAIL}"))).then(pl.lit("up"))
        .when(pre.str.contains(rx(rf"(?i){B}(?:{DOWN_BEFORE}){_TAIL}"))).then(pl.lit("down"))
        .when(post.str.contains(rx(rf"(?i)^\s+(?:{UP_AFTER}){B}"))).then(pl.lit("up"))
        .when(post.str.contains(rx(rf"(?i)^\s+(?:{DOWN_AFTER}){B}"))).then(pl.lit("down"))
        # "85% more wildfires" is a change; "32,000 more deaths" is a count of them. The unit table
        # already read "%", "pct", "per cent" after the number as "%".
        .when((pl.col("u_unit") == "%") & post.str.contains(rx(rf"(?i)^\s+more{B}"))).then(pl.lit("up"))
        .when((pl.col("u_unit") == "%") & post.str.contains(rx(rf"(?i)^\s+(?:fewer|less){B}"))).then(pl.lit("down"))
    )
    test = (pre.str.contains(rx(rf"(?i){B}(?:{UP_BEFORE}|{DOWN_BEFORE}){_TAIL}"))
            | post.str.contains(rx(rf"(?i)^\s+(?:{UP_AFTER}|{DOWN_AFTER}|more|fewer|less){B}")))
    return test, which
