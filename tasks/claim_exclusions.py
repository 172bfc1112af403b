"""Numbers that are not numeric claims: years, dates, clock times, identifiers, ranks, page
metadata, idioms and scores (the "Out" list of the annotation guide). Each rule reads only the
candidate and the text just before (`pre`) and after (`post`) it."""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import Rx
from tasks.claim_candidates import on_rows
from tasks.numbers import B, FRACTION_WORDS

_DENOMS = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))

# Nouns whose number is a name or a rank, not a quantity ("a category 3 hurricane", "flight 1344").
IDENTIFIER_NOUNS = (
    "category|cat|level|grade|stage|phase|class|type|division|round|act|chapter|section|article|"
    "route|highway|interstate|flight|no\\.|nos\\.|number|page|room|platform|gate|terminal|"
    "channel|district|ward|precinct|apollo|windows|iphone|version|vol\\.|resolution|amendment|"
    "bill|rule|clause|paragraph|item|exit|pier|track|lane|band|model|series|mark|mk"
)
MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|"
          "sept|september|oct|october|nov|november|dec|december")
# Capitalised words that may stand right before a claim; any other capitalised word there makes
# the number part of a name ("Route 66", "Boeing 737", "Section 427").
CAPS_OK = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "but",
    "or", "since", "after", "before", "about", "around", "some", "over", "nearly", "almost",
    "only", "just", "all", "another", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "approximately", "roughly", "more", "less", "fewer", "up", "down",
    "than", "least", "most", "under", "below", "above", "between", "within", "during", "until",
    "when", "while", "if", "as", "that", "this", "there", "here", "total", "estimated",
    "every", "each", "both", "exactly", "aged", "age", "ages", "rose",
    "fell", "yet", "so", "then", "also", "still", "even", "u.s.",
    "us", "uk", "eu", "per", "like", "we", "they", "he", "she", "it", "i", "you", "among",
    "including", "plus", "minus", "last", "next", "first", "what", "where",
}
_EVENTS = (r"(?i)^\s+(?:hurdles|relay|freestyle|backstroke|breaststroke|butterfly|medley|"
           r"steeplechase|dash|sprint|final|heats?|semi-?finals?)(?-u:\b)")
# One pass each for the text after and before a number: glued to a word or another number,
# "2+", an address, a clock time ("9 pm", "0800 GMT"); a rate denominator ("per 100,000"), an
# identifier ("flight 1344", "No. 5", "page 3").
_POST_OUT = (
    r"^(?:[\w]|[.,/:]\d|-\d|\+)"
    r"|^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Street|St\.|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Square)(?-u:\b)"
    rf"|(?i:^\s*(?:[ap]\.?m{B}|o['’]clock|gmt|utc|local\s+time|hrs{B}|hours{B}\s+(?:gmt|local)))"
)
_PRE_OUT = (
    # glued to a word or to "/ # @ & . ," (a currency sign, which may stand there, is none of them)
    r"[\w/#@&.,]$|"
    # a footnote marker glued to its word ("a detailed map[3]")
    r"\w\[$|"
    rf"(?i)(?:{B}per\s+|{B}(?:{IDENTIFIER_NOUNS})\s*|(?:{B}no\.|{B}number|{B}page|{B}p\.|{B}pp\.|{B}chapter"
    rf"|{B}section|{B}ver\.?)\s*)$"
)
_PAGE_META = r"\s*(?:views?|reads?|min(?:ute)?s?\s+read|comments?)"
_SCORE_VERBS = r"(?i)(?-u:\b)(?:won|lost|beat|defeated|drew|score|scored|led|trailed)\s+(?:by\s+)?(?:a\s+)?$"


def _contains_where(cond: pl.Expr, text: pl.Expr, pattern: str) -> pl.Expr:
    """`pl.when(cond).then(text).str.contains(pattern)`. Polars runs a regex on the text a null
    row still holds; an empty string costs (almost) nothing, so the other rows are emptied first."""
    return pl.when(cond).then(_text_where(cond, text).str.contains(pattern))


def _text_where(cond: pl.Expr, text: pl.Expr) -> pl.Expr:
    """`text` where `cond` holds, else empty: what a regex then reads on the other rows."""
    return pl.when(cond).then(text).otherwise(pl.lit(""))


def spelling_flags(spellings: pl.DataFrame, n: str, rx: Rx) -> pl.DataFrame:
    """`spellings` (distinct numbers as written, in column `n`) with the columns the rules read
    that depend on the number as written alone. `numeric_claims._parts` adds them to its table
    of distinct spellings, so they are joined back with the values, not in a join of their own."""
    n1 = pl.col(n)  # a match never starts or ends with a space
    spellings = spellings.with_columns(_n1_lower=n1.str.to_lowercase())
    return spellings.with_columns(
        _four_digits=n1.str.contains(rx(r"^\d{4}$")),
        _digits_only=n1.str.contains(rx(r"^[\d.,]+$")),
        _two_digits=n1.str.contains(rx(r"^\d{1,2}$")),
        _capital_word=n1.str.contains(rx(r"^[A-Z][a-z]+(?:-[a-z]+)?$")),
        _decimal=n1.str.contains(rx(r"^\d\.\d{1,2}$")),
        _fraction=pl.col("_n1_lower").str.contains(rx(rf"^(?:an?[\s-]+(?:{_DENOMS})|\S+[\s-]+quarters?)$")),
    )


def drop_non_claims(c: pl.DataFrame, keep: pl.Expr, rx: Rx) -> pl.DataFrame:
    """Rows of `c` where `keep` holds and that are claims (`c` holds the `spelling_flags` of
    `n1`). What the rules read more than once is a column first: nested in one expression, a
    shared part is evaluated again for every use."""
    c = c.with_columns(
        _plain=pl.col("n1_cur").is_null() & pl.col("unit_raw").is_null() & ~pl.col("n1_pct"),
        _year_like=pl.col("_four_digits") & pl.col("n1_v").is_between(1000, 2100),
        _small_int=pl.col("n1_v").is_between(1, 31) & pl.col("_two_digits"),
        _has_n2=pl.col("n2").is_not_null(),
    )
    # The plural and capitalised-word rules apply to plain digits only (a year is plain digits):
    # the other rows' context is emptied, not run through the regex.
    plain_digits = pl.col("_plain") & pl.col("_digits_only")
    c = c.with_columns(
        _plural_next=_text_where(plain_digits, pl.col("post")).str.contains(rx(r"^\s+[a-z]+[^su\s'’]s(?-u:\b)")),
        # the whole match needs only the DFA; the word is the match without its spaces
        _cap_word=_text_where(plain_digits, pl.col("pre")).str.extract(rx(r"(?:^|\s)[A-Z][A-Za-z.]*\s+$"), 0)
        .str.strip_chars(),
    )
    # Page metadata ("8865 views", "2 min read"): the match may hold the unit ("2 min"), so the
    # pattern reads the match and the text after it; where the match is the bare number, the
    # text after it alone says the same (the number is all digits), without joining the two
    # strings of every row.
    bare = pl.col("m") == pl.col("n1")
    c = c.with_columns(_page_meta=_text_where(pl.col("_digits_only") & bare, pl.col("post")).str.contains(rx(rf"(?i)^[\d,.]*{_PAGE_META}"))
                       | on_rows(c, pl.col("_digits_only") & ~bare, (pl.col("m") + pl.col("post")).str.contains(rx(rf"(?i)^[\d,.]+{_PAGE_META}")),
                                 pl.Boolean, False))
    # The rules for rare cases (a quarter of the rows can meet one) run on those rows only: a
    # when/then that masks the context copies every row of it first.
    measure = (pl.col("u_kind") == "measure").fill_null(False) | pl.col("metres")
    rare = (pl.col("_small_int") | (pl.col("_n1_lower") == "one") | pl.col("_fraction") | pl.col("_measure")
            | pl.col("_has_n2") | pl.col("_capital_word")).fill_null(False)
    rows = c.select("pre", "post", "m", "_small_int", "_n1_lower", "_fraction", "_has_n2", "_capital_word", _measure=measure,
                    _unit=pl.col("unit_raw").is_not_null(), _row=pl.int_range(pl.len(), dtype=pl.UInt32)).filter(rare)
    hit = pl.repeat(False, c.height, dtype=pl.Boolean, eager=True)
    # With no such row the rules are not run at all: polars compiles their nine regexes even
    # for an empty frame (a fixed cost of every small shard).
    if rows.height:
        hit = hit.scatter(rows["_row"], rows.select(_rare_rule_hit(rx).fill_null(False)).to_series())
    # The rules' columns are dropped before the filter, which would gather them too.
    claims = c.with_columns(_rare_hit=hit).select(keep & ~is_not_claim(rx)).to_series()
    return c.drop("_n1_lower", "_four_digits", "_two_digits", "_plain", "_year_like", "_digits_only",
                  "_plural_next", "_small_int", "_has_n2", "_cap_word", "_fraction", "_page_meta",
                  "_capital_word", "_decimal").filter(claims)


def is_not_claim(rx: Rx) -> pl.Expr:
    """True for a candidate the claims table leaves out (reads the columns `drop_non_claims`
    adds)."""
    pre, post, m = pl.col("pre"), pl.col("post"), pl.col("m")
    n1_lower, plain, year_like = pl.col("_n1_lower"), pl.col("_plain"), pl.col("_year_like")
    digits_only, plural_next = pl.col("_digits_only"), pl.col("_plural_next")
    cap_word, has_n2 = pl.col("_cap_word"), pl.col("_has_n2")
    # A rule that reads the context only where it applies.
    return (
        pl.col("n1_v").is_null() | ~pl.col("n1_v").is_finite()
        | pre.str.contains(rx(_PRE_OUT))
        | post.str.contains(rx(_POST_OUT))
        | (plain & year_like & ~plural_next)
        # "the 2020 caucuses", "its 2019 elections": a year naming an event, not "1885 aftershocks"
        | _contains_where(plain & year_like & plural_next, pre,
                          rx(r"(?i)(?-u:\b)(?:the|this|that|these|those|its|their|his|her|our|last|next)\s+$"))
        | (has_n2 & plain & year_like)
        | pl.col("_page_meta")
        | (plain & digits_only & ~plural_next & pl.col("qual").is_null() & pl.col("age").is_null()
           & cap_word.is_not_null() & ~cap_word.str.to_lowercase().is_in(list(CAPS_OK))
           & ~cap_word.str.contains(rx(rf"(?i)^(?:{MONTHS})\.?$")))
        # "nearly half" is a claim, a bare "half" ("the second half", "half-time") is not
        | (n1_lower == "half") & pl.col("qual").is_null()
        # A range whose top is below its bottom is a score or a fixture ("won 3-1"), not a range. A
        # score has no negative second number ("from -34 to -18"), no unit on its first one ("fell
        # from 7 dlrs to 5 dlrs", "from 7% to 5%" are changes) and no "from" or "between" before it
        # ("fell from 7 to 5 pct" is a change too).
        | (pl.col("n2_v").is_not_null() & (pl.col("n2_v") < pl.col("n1_v")) & pl.col("n2_scale").is_null()
           & ~pl.col("neg2") & pl.col("u1").is_null() & pl.col("p1").is_null()
           & ~m.str.contains(rx(r"(?i)^(?:from|between)\s")))
        | pl.col("_rare_hit")
    ).fill_null(False)


def _rare_rule_hit(rx: Rx) -> pl.Expr:
    """The rules of `is_not_claim` that apply to few rows: a day next to a month, idioms with
    "one", fractions, event names, scores. True, or null/false when none applies."""
    pre, post, m = pl.col("pre"), pl.col("post"), pl.col("m")
    small_int, n1_lower = pl.col("_small_int"), pl.col("_n1_lower")
    fraction, has_n2 = pl.col("_fraction"), pl.col("_has_n2")
    return (
        (_contains_where(small_int, pre, rx(rf"(?i){B}(?:{MONTHS})\.?\s+$")))
        | (_contains_where(small_int, post, rx(rf"(?i)^\s*(?:of\s+)?(?:{MONTHS}){B}")))
        # "one of the largest", "no one", "one way or another": idioms, not counts. The lower end
        # of a range ("between one and two million tonnes of corn") is a number whatever follows.
        # After a unit the text is the measure's ("one micrometer or less"), not the idiom's.
        | _contains_where((n1_lower == "one") & ~has_n2 & ~pl.col("_unit"), post,
            # "one can imagine", "one must ask": the generic pronoun before a modal verb
            rx(r"(?i)^(?:\s+(?:of|another|or|by|side|hand|way|point|time|thing|day|on|can|cannot|could|must|should|would"
               r"|may|might|shall)(?-u:\b)|-(?:time|off|on|way))"))
        | _contains_where((n1_lower == "one") & ~has_n2, pre,
            rx(r"(?i)(?-u:\b)(?:no|the|this|that|any|every|each|which|at|one|some|either|neither|day)\s+$"))
        # "One point of agreement": a point made, not a point of a score or an index ("fell
        # one point in response to" stays a change)
        | _contains_where((n1_lower == "one") & ~has_n2 & pl.col("_unit") & post.str.starts_with(" of "), m,
                          rx(r"(?i)\spoint$"))
        # "a third term", "a quarter": an indefinite article with an ordinal is a fraction only
        # when a whole follows ("a third of voters"); "two quarters" in business news are periods
        | fraction & ~_contains_where(fraction, post, rx(r"(?i)^\s+of(?-u:\b)"))
        # A capitalised number word inside a sentence is part of a name ("Tropical Depression
        # Three", "the Group of Seven", "Formula One"); at the start of a sentence, or of a quote
        # or a list after a colon, it is a number.
        | _contains_where(pl.col("_capital_word"), pre, rx(r"[\w,]\s+$"))
        # "the 400 metres hurdles": an event name, not a distance
        | _contains_where(pl.col("_measure"), post, rx(_EVENTS))
        # "won 3-1": a score, not a range
        | _contains_where(has_n2, m, rx(r"^\d+\s*[-–]\s*\d+$"))
        & (_contains_where(has_n2, pre, rx(_SCORE_VERBS))
           | _contains_where(has_n2, post, rx(r"(?i)^\s+(?:win|victory|defeat|loss|draw|lead|vote|margin)")))
    )
