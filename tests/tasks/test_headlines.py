"""The headline of a page that prints a site name, tagline, nav bar or banner above it (tasks/header.py):
the lines above are passed over, the headline with its standfirst, byline and date is the header."""

import polars as pl
import pytest

from tasks.header import above_headline_form
from tests.tasks.test_clean import BODY, one, paragraphs

HEADLINE = "Council approves budget after long debate"
STANDFIRST = "A short standfirst says what happened and why it matters to the town."
UNDER = f"{HEADLINE}\n\n{STANDFIRST}\n\nBy Jane Doe\n\nMarch 3, 2021\n\n{BODY}"


@pytest.mark.parametrize("above", [
    # masthead and nav bar, then a section over the headline
    "Valley Courier\n\nNews Analysis Data Events Podcasts\n\nPolitics",
    # a tagline over a breadcrumb
    "The Tide Line\n\nLocal news for curious people, explained\n\nHome » News » Council",
    # a banner and an alert over a section
    "WATCH LIVE: Evening News at 6\n\nWeather Alerts 2\n\nLocal News",
    # a nav bar split by dots
    "For You · Headlines · Local · World · Business",
    # the document title repeated on top, a masthead in capitals, a banner word
    f"{HEADLINE} | Valley Courier\n\nVALLEY COURIER\n\nEXCLUSIVE",
    "BREAKING: Live coverage continues",
])
def test_lines_above_the_headline_are_passed_over(above):
    doc = one(f"{above}\n\n{UNDER}")
    assert doc["title"] == HEADLINE
    assert doc["subtitle"] == STANDFIRST
    assert doc["authors"] == ["Jane Doe"]
    assert paragraphs(doc) == BODY.split("\n\n")


def test_the_section_is_the_line_right_over_the_headline_not_the_masthead():
    doc = one(f"Valley Courier | English\n\nNews Analysis Data Events Podcasts\n\nPolitics\n\n{UNDER}")
    assert doc["section"] == "Politics"


@pytest.mark.parametrize("kicker", ["Exclusive", "Politics", "Analysis"])
def test_a_one_word_kicker_leads_to_the_headline(kicker):
    doc = one(f"{kicker}\n\n{UNDER}")
    assert doc["title"] == HEADLINE
    assert doc["subtitle"] == STANDFIRST


@pytest.mark.parametrize("headline", [
    HEADLINE,
    "Man Killed in Crash Near Town Hall",  # title case keeps its function words
    "Breaking News | Council approves budget after long debate",  # a labelled headline, not a nav bar
])
def test_a_page_whose_first_line_is_the_headline_keeps_it(headline):
    doc = one(f"{headline}\n\n{STANDFIRST}\n\nBy Jane Doe\n\nMarch 3, 2021\n\n{BODY}")
    assert doc["title"] == headline.replace("Breaking News | ", "")
    assert doc["subtitle"] == STANDFIRST


def test_a_nav_like_headline_with_no_headline_under_it_stays_the_title():
    # only a headline-like line under a marker can take the title from the line above
    doc = one(f"Lion Air Crash Probe Widens\n\nBy Jane Doe\n\nMarch 3, 2021\n\n{BODY}")
    assert doc["title"] == "Lion Air Crash Probe Widens"


def test_a_page_without_a_byline_or_date_keeps_the_first_line_rule():
    doc = one(f"Valley Courier\n\n{HEADLINE}\n\n{BODY}")
    assert doc["title"] == HEADLINE


@pytest.mark.parametrize("line, expected", [
    ("For You · Headlines · Local · World", True), ("Rheinwelle | English", True), ("HUDSON VALLEY LEDGER", True),
    ("News Analysis Data Events Podcasts", True), ("WATCH LIVE: 8 News Now at 6", True), ("EXCLUSIVE", True),
    ("Breaking News | Council approves budget", False), ("Man Killed in Crash Near Town Hall", False),
    ("Marine science news, explained", False), ("Lion Air Crash", False), ("Watch the video below", False),
])
def test_above_headline_form(line, expected):
    frame = pl.DataFrame({"line": [line]}).with_columns(nw=pl.col("line").str.count_matches(" ") + 1)
    assert frame.select(above_headline_form(pl.col("line"), pl.col("nw"))).item() is expected


@pytest.mark.parametrize("date_line, authors", [
    ("Jan 16, 2019 | Maya Lindqvist", ["Maya Lindqvist"]),
    ("Posted on October 5, 2019 by Priya Natarajan", ["Priya Natarajan"]),
    ("Published: 14:32, 8 Oct 2020 | Updated: 16:10, 8 Oct 2020", []),
    ("March 3, 2021 | Last Updated", []),
])
def test_a_name_closing_the_date_line_is_the_byline(date_line, authors):
    doc = one(f"{HEADLINE}\n\n{date_line}\n\n{BODY}")
    assert doc["title"] == HEADLINE
    assert doc["authors"] == authors


def test_the_reporter_post_after_the_name_is_no_author():
    doc = one(f"{HEADLINE}\n\nBy Danny Mercer, Showbiz Reporter\n\nMarch 3, 2021\n\n{BODY}")
    assert doc["authors"] == ["Danny Mercer"]


@pytest.mark.parametrize("headline", [
    "Lion Air Crash Probe Widens",
    "Iraq Condemns Base Attacks, Captures Rocket Launcher Amid Regional Tensions",
])
def test_a_title_case_headline_on_the_first_line_stays_the_title_over_a_standfirst_without_a_full_stop(headline):
    # the only form a menu shares with such a headline is title case with no function word
    doc = one(f"{headline}\n\nInvestigators focus on a faulty sensor as airlines ground their jets\n\n"
              f"By John Smith\n\nJanuary 5, 2019\n\n{BODY}")
    assert doc["title"] == headline
    assert doc["subtitle"] == "Investigators focus on a faulty sensor as airlines ground their jets"
    assert doc["authors"] == ["John Smith"]
