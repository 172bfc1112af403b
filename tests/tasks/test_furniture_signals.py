"""Furniture told by its form and place (tasks/furniture_signals.py): lines whose words no list
knows, removed or kept by their shape and their neighbours."""

import polars as pl
import pytest

from tasks.furniture_signals import bare_line, figure_row, signal_weight
from tests.tasks.test_clean import BODY, one, paragraphs

HEAD = "Council approves budget\n\nBy Jane Doe\n\n"
MORE = ("A third paragraph of the article goes on with what the mayor said after the vote, and with what the "
        "opposition will try next, which is long enough to be prose.")


def _lines(texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"line": texts}).with_columns(nw=pl.col("line").str.count_matches(" ") + 1)


@pytest.mark.parametrize("text, bare", [
    ("Politics · Economy · Culture", True), ("Gift this article", True), ("Enjoyed this? Tell your friends!", True),
    ("The council voted on Tuesday.", False), ("Is it over?", False), ('"We will rebuild"', False),
    ("— Jane Doe, mayor", False), ("Shr 23 cts vs 42 cts", False), ("Pay May 12", False),
    ("a line of thirteen words without any full stop at its end goes on and on", False),
])
def test_a_bare_line_is_short_and_no_sentence_quotation_or_figure(text, bare):
    assert _lines([text]).select(bare_line(pl.col("line"), pl.col("nw")).fill_null(False)).item() is bare


@pytest.mark.parametrize("text, row", [
    ("Net 412,737", True), ("Shr 23 cts vs 42 cts", True),
    ("CHILE 22 8 109 76 PERU 56 28 238 104 NORWAY 14 14 97 130", True), ("Year", False),
    ("The company said it earned 12 mln dlrs in the year to March, up from 10 mln a year earlier.", False),
])
def test_a_figure_row_is_short_with_a_number_or_mostly_numbers(text, row):
    assert _lines([text]).select(figure_row(pl.col("line"), pl.col("nw"))).item() is row


@pytest.mark.parametrize("text, weight", [
    ("Pinterest Reddit Flipboard", 2),           # menu case, no function word
    ("Politics · Economy · Culture", 5),         # and separated (alone enough)
    ("Tell your friends about it", 1),           # the reader addressed
    ("Listen: the budget debate in full", 1),    # a label and a colon
    ("Life and career", 0),                      # a heading's words: small letters and a function word
    ("Harbour ferry timetable changes from Monday", 1),  # one function word in six
])
def test_signal_weight_of_a_line_on_its_own(text, weight):
    assert _lines([text]).select(signal_weight(pl.col("line"))).item() == weight


@pytest.mark.parametrize("furniture", [
    "Politics · Economy · Culture", "Editors' picks | Most viewed | Latest",
    "Section index » Regional news", "Pinterest Reddit Flipboard Pocket",
])
def test_separated_or_menu_lines_between_header_and_article_go(furniture):
    doc = one(f"{HEAD}{furniture}\n\n{BODY}\n\n{MORE}")
    assert paragraphs(doc) == BODY.split("\n\n") + [MORE]


def test_separated_line_inside_the_article_goes():
    doc = one(f"{HEAD}{BODY}\n\nPolitics · Economy · Culture\n\n{MORE}")
    assert paragraphs(doc) == BODY.split("\n\n") + [MORE]


def test_a_run_of_links_after_the_article_goes():
    tail = ("Elsewhere on the site\n\nCity opens new library branch downtown\n\n"
            "Harbour ferry timetable changes from Monday\n\nEnjoyed this? Tell your friends!")
    doc = one(f"{HEAD}{BODY}\n\n{MORE}\n\n{tail}")
    assert paragraphs(doc) == BODY.split("\n\n") + [MORE]


def test_a_line_printed_at_the_top_and_the_foot_goes_twice():
    doc = one(f"{HEAD}Gift this article\n\n{BODY}\n\n{MORE}\n\nGift this article\n\nNewsroom contacts")
    assert paragraphs(doc) == BODY.split("\n\n") + [MORE]


@pytest.mark.parametrize("heading", ["Reactions", "Early life", "Life and career", "What happens next"])
def test_in_body_headings_stay(heading):
    doc = one(f"{HEAD}{BODY}\n\n{heading}\n\n{MORE}")
    assert paragraphs(doc) == BODY.split("\n\n") + [heading, MORE]
    assert doc["paragraph_kinds"][2] == "heading"


def test_a_single_closing_line_stays():
    # the source of a closing quotation, as seed 000 prints it: one line is no tail of furniture
    doc = one(f"{HEAD}{BODY}\n\n{MORE}\n\nCouncil Press Office")
    assert paragraphs(doc)[-1] == "Council Press Office"


def test_short_quotations_and_list_introductions_stay():
    text = (f"{HEAD}{BODY}\n\n\"We will rebuild\"\n\nThe plan lists three aims:\n\nNew schools for the east side.\n\n"
            f"Cheaper buses.\n\n{MORE}")
    assert paragraphs(one(text)) == BODY.split("\n\n") + [
        "\"We will rebuild\"", "The plan lists three aims:", "New schools for the east side.", "Cheaper buses.", MORE]


def test_the_short_lines_of_a_table_stay():
    table = ("Shr 23 cts vs 42 cts\n\nNet 7,429,000 vs 8,743,000\n\nSix mths\n\nShr 50 cts vs 61 cts\n\n"
             "Net 9,100,000 vs 9,800,000\n\nNINE MTHS\n\nSIX MTHS")
    kept = paragraphs(one(f"{HEAD}The company reported the following results for the quarter on Tuesday.\n\n{table}"))
    assert "Six mths" in kept and "NINE MTHS" in kept and "SIX MTHS" in kept


def test_the_head_of_a_table_stays():
    text = (f"{HEAD}{BODY}\n\nThe figures, in thousands of tonnes, were as follows for the main producers.\n\n"
            "Area Crop\n\nQueensland 0.82 0.82 0.95 Victoria 1.53 1.63 3.25 Tasmania 0.01 0.01 0.02")
    assert "Area Crop" in paragraphs(one(text))


def test_a_page_without_prose_is_left_alone():
    text = "Results by ward\n\nNorth Ward Labour hold\n\nSouth Ward Green gain\n\nEast Ward Liberal hold"
    assert paragraphs(one(text)) == ["North Ward Labour hold", "South Ward Green gain", "East Ward Liberal hold"]
