"""Header and furniture rules for layouts of other outlets than the seeds (wire services, BBC-,
Guardian-, AP-, CNN-like pages, local papers): each seen on real sites, each tested on its own."""

import datetime as dt

import pytest

from tests.tasks.test_clean import BODY, one, paragraphs

LAST = ("One more paragraph of the body text that is real, long enough to count as the article going on after the "
        "widget: thirty words or more, which is what the tail rule waits for before it keeps text again.")


@pytest.mark.parametrize("furniture", [
    "Advertisement · Scroll to continue", "Share via Email", "Print this page", "Bookmark", "A A", "Log In",
    "Sign up to the Valleys Post newsletter and get the biggest stories delivered to your inbox",
    "Follow Skyline News on WhatsApp", "Follow us on Twitter @CityNews", "Why you can trust Skyline News",
    "Download The Deccan Daily News App for Latest India News", "Show more comments", "Accept and close",
    "Join the Tribune's Telegram channel and get the latest breaking news delivered to you.",
    "Like this story? Share it with a friend!", "Previous article", "Next article", "Reuse this content",
    "image copyrightEPA", "image captionThe rescue ship, renamed, in the port of Palma de Mallorca",
    "We use cookies to give you the best experience on our site. By continuing to use the site you agree to our use of cookies.",
    "Reporting by Jane Doe; Additional reporting by John Roe in Dubai; Editing by Mark Poe",
    "(Reporting by Jane Doe in Berlin; Writing by John Roe; Editing by Mark Poe and Ann Loe)",
    "Global News Service writer Sylvie Corbet in Paris contributed to this report.",
    "Copyright 2019 Global News Service. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "© 2019 London City News Ltd. All rights reserved.", "(c) 2020 Health Wire. All rights reserved.", "___",
    "Indonesia Correspondent", "Reporter", "Senior Political Correspondent", "NBN News, Berlin", "close", "Video", "Leer en español",
    "Order Reprints | Today’s Paper | Subscribe", "Tim Heidecker plays himself in the film. (Supplied: Magnolia Pictures)",
    "Pedro Pierluisi at La Fortaleza in San Juan on Friday. Credit...Erika Soto for The Harbor Times",
    "A version of this article appears in print on Aug. 5, 2019, Section A, Page 12 of the New York edition with the headline: Puerto Rico Has a New Governor, for Now.",
    "Get Breaking news, live coverage, and Latest News from India and around the world on the Daily Ledger.",
])
def test_furniture_of_other_outlets_never_reaches_the_body(furniture):
    doc = one(f"Council approves budget\n\nBy Jane Doe\n\n{BODY}\n\n{furniture}\n\n{LAST}")
    assert furniture not in doc["text"]
    assert paragraphs(doc) == BODY.split("\n\n") + [LAST]


@pytest.mark.parametrize("sentence", [
    "Reporting by the BBC suggested the plan would fail before the vote.",
    "He worked for years as a reporter.",
    "Copyright law changed in 2019, the minister said.",
])
def test_sentences_like_furniture_stay(sentence):
    doc = one(f"Council approves budget\n\nBy Jane Doe\n\n{BODY}\n\n{sentence}\n\n{LAST}")
    assert sentence in paragraphs(doc)


@pytest.mark.parametrize("tail", [
    "Read Next\n\nIran says sanctions will not go unanswered\n\nAirline keeps flights suspended",
    "Related Topics:\n\nReading\n\nTerrorism", "Trending Stories\n\nStorms knock out power to thousands",
    "Our Standards: The Meridian Trust Principles.\n\nRead Next\n\nAnother headline here",
    "More on this story\n\nRescue ships stranded\n\nPublished\n\n5 January 2019",
    "Topics\n\nTurkey\n\nEurope\n\nnews", "Also Read\n\nEgypt declares three days of national mourning",
])
def test_link_and_topic_lists_after_the_article_are_dropped(tail):
    doc = one(f"Council approves budget\n\nBy Jane Doe\n\n{BODY}\n\n{tail}")
    assert paragraphs(doc) == BODY.split("\n\n")


def test_a_source_line_closing_the_article_is_a_sign_off():
    doc = one(f"Council approves budget\n\n{BODY}\n\nSOURCE: GULF NEWS NETWORK AND NEWS AGENCIES")
    assert paragraphs(doc) == BODY.split("\n\n")


def test_a_guardian_byline_names_the_author_without_the_place_and_a_dotted_time_with_a_zone():
    doc = one("World news\n\nCouncil approves budget\n\nThe standfirst says what happened and why\n\n"
              "Selin Aksoy in Istanbul\n\nSun 31 Mar 2019 09.12 BST\n\n" + BODY)
    assert doc["authors"] == ["Selin Aksoy"] and doc["subtitle"] == "The standfirst says what happened and why"
    assert doc["published_at"] == dt.datetime(2019, 3, 31, 9, 12)
    assert paragraphs(doc) == BODY.split("\n\n")


def test_a_dotted_number_without_a_zone_or_am_pm_is_no_time():
    doc = one("Council approves budget\n\nMarch 31, 2019 - 3.5 million readers\n\n" + BODY)
    assert doc["published_date"] == dt.date(2019, 3, 31) and doc["published_at"] is None


def test_a_date_printed_twice_without_a_space_is_read():
    doc = one("Council approves budget\n\nPublished On 23 Sep 201923 Sep 2019\n\n" + BODY)
    assert doc["published_date"] == dt.date(2019, 9, 23)
    assert paragraphs(doc) == BODY.split("\n\n")


def test_a_long_posted_and_updated_stamp_is_the_date_line():
    doc = one("Council approves budget\n\nPosted: Jul 17, 2019 / 08:15 AM CDT | Updated: Jul 17, 2019 / 11:02 AM CDT\n\n"
              "by: Dana Whitfield\n\n" + BODY)
    assert doc["published_at"] == dt.datetime(2019, 7, 17, 8, 15) and doc["subtitle"] is None
    assert doc["authors"] == ["Dana Whitfield"]


def test_the_outlet_after_a_byline_is_not_an_author():
    doc = one("Council approves budget\n\nBy Lily Chan and Ben Roe, CNN\n\n" + BODY)
    assert doc["authors"] == ["Lily Chan", "Ben Roe"]


def test_a_title_case_place_with_an_agency_is_a_dateline():
    doc = one("Council approves budget\n\nHong Kong (CNN) — " + BODY)
    assert doc["dateline"] == "Hong Kong"
    assert one("Council approves budget\n\nHong Kong - " + BODY)["dateline"] is None


@pytest.mark.parametrize("top", ["", "News\n\n"])
def test_a_title_case_headline_ending_in_a_place_stays_the_title(top):
    doc = one(top + "Man Killed in Crash\n\nBy Jane Doe\n\n" + BODY)
    assert doc["title"] == "Man Killed in Crash" and doc["authors"] == ["Jane Doe"]
    doc = one(top + "Man Killed in Crash\n\nThree people died when two cars collided on the highway\n\nMarch 3, 2021\n\n" + BODY)
    assert doc["title"] == "Man Killed in Crash"
    assert doc["subtitle"] == "Three people died when two cars collided on the highway"


def test_follow_us_lines_name_a_network():
    doc = one(f"Council approves budget\n\n{BODY}\n\nFollow the money on Wall Street\n\n{LAST}")
    assert "Follow the money on Wall Street" in paragraphs(doc)


def test_an_outlet_after_a_bar_in_the_byline_is_not_an_author():
    doc = one("Council approves budget\n\nBy Kenneth Moore | Liberty News\n\n" + BODY)
    assert doc["authors"] == ["Kenneth Moore"]


@pytest.mark.parametrize("place", ["CAIRO", "NEW DELHI", "RIO DE JANEIRO"])
def test_an_upper_case_place_and_a_colon_is_a_dateline(place):
    doc = one(f"Council approves budget\n\n{place}: {BODY}")
    assert doc["dateline"] == place
    assert paragraphs(doc)[0] == f"{place}: {BODY.split(chr(10))[0]}"


@pytest.mark.parametrize("label", ["UPDATE", "BREAKING", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION", "EDITOR'S NOTE"])
def test_a_label_and_a_colon_is_no_dateline_and_stays_in_the_text(label):
    doc = one(f"Council approves budget\n\n{label}: {BODY}")
    assert doc["dateline"] is None
    assert paragraphs(doc)[0].startswith(f"{label}: The council voted")


def test_a_colon_inside_the_first_sentence_is_no_dateline():
    assert one("Council approves budget\n\nOfficials said: " + BODY)["dateline"] is None
    assert one("Council approves budget\n\nCAIRO:on Tuesday the council voted.\n\n" + BODY)["dateline"] is None


@pytest.mark.parametrize("line, authors", [
    ("Farah Qureshi | Last Updated: 27th February, 2020 11:40 IST", ["Farah Qureshi"]),
    ("Rohan Naik, TNN | Feb 17, 2019, 14:05 IST", ["Rohan Naik"]),
    ("Ann Lee and Omar Haddad | March 3, 2020", ["Ann Lee", "Omar Haddad"]),
    ("June Lee | Updated March 3, 2020", ["June Lee"]),
])
def test_a_byline_inside_a_date_line_gives_the_authors_and_the_date(line, authors):
    doc = one(f"Council approves budget\n\n{line}\n\n{BODY}")
    assert doc["authors"] == authors
    assert doc["published_date"] is not None
    assert paragraphs(doc) == BODY.split("\n\n")


@pytest.mark.parametrize("line", ["Breaking News | March 3, 2020", "Last Updated | March 3, 2020 11:40 IST",
                                  "Friday Edition | March 3, 2020", "World News | Mar 3, 2020",
                                  "Updated March 3 | March 3, 2020"])
def test_a_label_before_the_bar_of_a_date_line_is_no_author(line):
    doc = one(f"Council approves budget\n\n{line}\n\n{BODY}")
    assert doc["authors"] == [] and doc["published_date"] == dt.date(2020, 3, 3)


def test_names_before_a_bar_on_a_line_without_a_date_are_no_byline():
    doc = one("Council approves budget\n\nFarah Qureshi | Opinion\n\n" + BODY)
    assert doc["authors"] == []


@pytest.mark.parametrize("headline", ["Breaking News | Council approves budget", "BREAKING: Council approves budget",
                                      "Exclusive | Council approves budget", "Opinion | Council approves budget",
                                      "Watch - Council approves budget", "LIVE UPDATES: Council approves budget"])
def test_a_label_before_the_headline_is_not_part_of_the_title(headline):
    doc = one(f"World\n\n{headline}\n\nBy Jane Doe\n\n{BODY}")
    assert doc["title"] == "Council approves budget"
    assert doc["section"] == "World" and doc["authors"] == ["Jane Doe"]
    assert paragraphs(doc) == BODY.split("\n\n")


@pytest.mark.parametrize("headline", ["Report: Council approves budget", "Budget: Council approves new plan",
                                      "Watchdog: Council approves budget", "Explainer: Why the council approved the budget",
                                      "Opinion: The council was right to approve the budget"])
def test_a_headline_opening_with_another_word_and_a_colon_keeps_it(headline):
    assert one(f"{headline}\n\nBy Jane Doe\n\n{BODY}")["title"] == headline


def test_a_label_with_a_short_segment_is_still_a_breadcrumb():
    doc = one(f"Opinion | Columnists\n\nCouncil approves budget\n\nBy Jane Doe\n\n{BODY}")
    assert doc["section"] == "Opinion | Columnists" and doc["title"] == "Council approves budget"
