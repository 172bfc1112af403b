"""Header and furniture rules of the fifth metadata round (docs/cleaning.md, "Fifth round"): a TV station's
staff byline, a European "Date 06.01.2020" stamp, a title-case headline over a title-case deck, a blog with
its WordPress sidebar, a press release, breadcrumbs split by "›". Each rule with a case it must leave alone."""

import datetime as dt

import polars as pl
import pytest

from tasks.dates import published
from tasks.furniture import is_section_line
from tasks.header import above_headline_form, dateline_place
from tests.tasks.test_clean import BODY, one, paragraphs
from tests.tasks.test_outlet_layouts import LAST

HEADLINE = "Council approves budget after long debate"
LEDE = ("The council voted on Tuesday to approve the new budget after a long debate that lasted well into the night, "
        "with members of every party speaking for and against the plan until the vote was finally called.")


def test_a_breadcrumb_split_by_single_guillemets_is_the_section():
    doc = one(f"THE EASTERN COURIER\n\nNews › Africa\n\n{HEADLINE}\n\nBy Jane Doe\n\nMarch 3, 2021\n\n{BODY}")
    assert doc["section"] == "News › Africa"
    assert doc["title"] == HEADLINE
    assert pl.select(is_section_line(pl.lit("Home › News › Politics"), pl.lit(5))).item()
    # a sentence mentioning a chevron is no breadcrumb
    assert not pl.select(is_section_line(pl.lit("Prices › expected to rise after the vote, analysts said."),
                                         pl.lit(9))).item()


def test_an_author_printed_over_and_under_the_article_is_one_author():
    doc = one(f"{HEADLINE}\n\nAuthor Jonas Weber\n\nMarch 3, 2021\n\n{BODY}\n\nAuthor Jonas Weber")
    assert doc["authors"] == ["Jonas Weber"]


@pytest.mark.parametrize("stamp, authors", [
    ("Marta Kowalczyk / March 26, 2020 / 4 Comments", ["Marta Kowalczyk"]),
    ("Breaking News / March 26, 2020", []),
])
def test_a_name_before_a_slash_on_a_date_line_is_the_author(stamp, authors):
    doc = one(f"{HEADLINE}\n\n{stamp}\n\n{BODY}")
    assert doc["authors"] == authors
    assert doc["published_date"] == dt.date(2020, 3, 26)


def test_a_blog_menu_with_nav_words_is_passed_over_with_the_tagline_above_it():
    doc = one(f"Herp Notes\n\nAmphibians, reptiles and the people who study them\n\nHome About Archive Contact\n\n"
              f"{HEADLINE}\n\nMarta Kowalczyk / March 26, 2020\n\n{BODY}")
    assert (doc["title"], doc["subtitle"], doc["section"]) == (HEADLINE, None, None)
    assert doc["authors"] == ["Marta Kowalczyk"]


def test_menu_words_make_a_menu_only_in_a_line_of_capitalised_words():
    forms = pl.select(above_headline_form(pl.Series(["Home About Archive Contact", "Search for survivors goes on"]),
                                          pl.Series([4, 5]))).to_series()
    assert forms.to_list() == [True, False]
    # as the page's first line, a title-case headline with a menu word stays the title
    doc = one(f"Home Secretary Announces Review\n\nBy Jane Doe\n\nMarch 3, 2021\n\n{BODY}")
    assert doc["title"] == "Home Secretary Announces Review"


@pytest.mark.parametrize("furniture", [
    "@amunro_herald", "Political Editor", "Updated: 2 hours ago", "3 hours ago",
    "RELATED: Timeline of the Kenosha shooting case", "See also: How the council votes",
    "Get the Forth Herald's politics newsletter", "Media Contact:",
    "This article appears in the October 2019 issue of The Westminster Review.",
    "Robert Hunter in an undated photograph. Dana Pruitt/Soundcheck",
    "Share this:", "Like this:", "Like Loading...", "Leave a Reply", "Search for:", "Recent Posts", "Archives",
    "Proudly powered by WordPress",
    # from the three blind-check pages
    "Advertisements", "Viewed 2,341 times", "Your email address will not be published. Required fields are marked *",
    "Text Size",
])
def test_furniture_of_the_fifth_round_never_reaches_the_body(furniture):
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\n{furniture}\n\n{LAST}")
    assert furniture not in doc["text"]
    assert paragraphs(doc) == BODY.split("\n\n") + [LAST]


@pytest.mark.parametrize("sentence", [
    "Fire crews arrived 2 hours ago",
    "Related charges against the two men were dropped on Monday.",
    "He became the paper's political editor in 2015.",
    "The ratio of votes was 3/4 in the end.",
])
def test_sentences_like_the_fifth_rounds_furniture_stay(sentence):
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\n{sentence}\n\n{LAST}")
    assert sentence in paragraphs(doc)


def test_wordpress_sharing_and_comments_close_the_post_with_the_sidebar_under_them():
    tail = ("Share this:\n\nTwitter\n\nFacebook\n\n4 thoughts on “Council approves budget”\n\nLeave a Reply\n\n"
            "Recent Posts\n\nWhy do some tree frogs glow under blue light?\n\nMarch 2020\n\nCategories\n\nField notes")
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\n{tail}")
    assert paragraphs(doc) == BODY.split("\n\n")


@pytest.mark.parametrize("text, date", [
    ("Date 06.01.2020", dt.date(2020, 1, 6)), ("03.08.2020 | 14:05", dt.date(2020, 8, 3)),
    ("The index rose 3.5 points", None), ("Version 2.10.3 released", None),
])
def test_a_dotted_date_is_day_month_year(text, date):
    assert pl.select(published(pl.lit(text))).item()["date"] == date


def test_the_time_after_a_dotted_date_is_read_past_the_dates_own_dots():
    at = pl.select(published(pl.lit("03.08.2020 | 14:05"))).item()["at"]
    assert at == dt.datetime(2020, 8, 3, 14, 5)


def test_a_dotted_stamp_dates_the_page_and_leaves_no_time():
    doc = one(f"{HEADLINE}\n\nDate 06.01.2020\n\nAuthor Jonas Weber\n\n{BODY}")
    assert (doc["published_date"], doc["published_at"]) == (dt.date(2020, 1, 6), None)
    assert doc["authors"] == ["Jonas Weber"]


def test_a_stamp_below_more_lines_than_a_header_holds_still_dates_the_page():
    doc = one(f"{HEADLINE}\n\nNEWS PROVIDED BY\n\nWomen in Transport Forum\n\nMar 06, 2020, 09:00 IST\n\n{LEDE}\n\n{BODY}")
    assert doc["published_at"] == dt.datetime(2020, 3, 6, 9, 0)
    # a date line under the article's first long paragraph is not the page's date
    doc = one(f"{HEADLINE}\n\nNEWS PROVIDED BY\n\nWomen in Transport Forum\n\n{LEDE}\n\nMar 06, 2020\n\n{BODY}")
    assert doc["published_date"] is None


@pytest.mark.parametrize("paragraph, place", [
    ("MYSURU, India, March 6, 2020 /PRNewswire/ -- Yesterday, an all-women crew ran the train.", "MYSURU, India"),
    ("WASHINGTON, Feb 26 (Reuters) - The Senate voted.", "WASHINGTON"),
    ("The rate/yield - as analysts call it - rose.", None),
])
def test_a_press_release_dateline_gives_its_place(paragraph, place):
    assert pl.select(dateline_place(pl.lit(paragraph))).item() == place


def test_a_long_lede_over_a_widget_is_not_taken_for_a_standfirst():
    doc = one(f"Local News\n\n{HEADLINE}\n\nBy KWMT Staff\n\nMarch 3, 2021\n\n{LEDE}\n\nADVERTISEMENT\n\n{BODY}")
    assert doc["subtitle"] is None
    assert paragraphs(doc) == [LEDE] + BODY.split("\n\n")


@pytest.mark.parametrize("above, title, deck", [
    ("Politics", "Impeachment Trial Opens", "Senators Sworn In As Jurors"),
    ("KXYZ 12 NEWS\n\nNews · Weather · Sports", "Impeachment Trial Opens", "Senators Sworn In As Jurors"),
    ("Politics", "Impeachment trial of the president opens in the Senate", "Senators Sworn In As Jurors"),
])
def test_a_title_case_headline_over_a_title_case_deck_is_the_title(above, title, deck):
    doc = one(f"{above}\n\n{title}\n\n{deck}\n\nBy Jane Doe\n\nJanuary 16, 2020\n\n{BODY}")
    assert (doc["title"], doc["subtitle"], doc["authors"]) == (title, deck, ["Jane Doe"])


def test_a_two_word_name_over_a_title_case_headline_stays_no_title():
    doc = one(f"Opinion\n\nMaureen Dowd\n\nWhy The Court Matters\n\nJanuary 16, 2020\n\n{BODY}")
    assert doc["title"] == "Why The Court Matters"


def test_a_banner_over_the_headline_names_no_section_the_line_above_it_does():
    doc = one(f"VALLEY COURIER\n\nNews | Sport | Business\n\nPolitics\n\nBREAKING\n\n{HEADLINE}\n\nBy Jane Doe\n\n"
              f"January 16, 2020\n\n{BODY}")
    assert (doc["section"], doc["title"]) == ("Politics", HEADLINE)


@pytest.mark.parametrize("byline", [
    "By KXYZ Staff", "KXYZ Staff", "KXYZ 12 News Staff", "KXYZ Staff | January 16, 2020",
    "By: KXYZ Staff | Posted: Jan 16, 2020 / 06:05 PM CST",
])
def test_a_stations_staff_byline_names_the_newsroom(byline):
    doc = one(f"{HEADLINE}\n\n{byline}\n\nJanuary 16, 2020\n\n{BODY}")
    assert doc["authors"] == [next(w for w in ("KXYZ 12 News Staff", "KXYZ Staff") if w in byline)]
    assert paragraphs(doc) == BODY.split("\n\n")


def test_a_named_byline_before_a_posted_stamp_is_read():
    doc = one(f"{HEADLINE}\n\nBy: Jane Doe | Posted: Jan 16, 2020 / 06:05 PM CST\n\n{BODY}")
    assert doc["authors"] == ["Jane Doe"]
    assert doc["published_at"] == dt.datetime(2020, 1, 16, 18, 5)


def test_staff_without_a_call_sign_is_no_byline():
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\nWhite House Staff\n\n{LAST}")
    assert doc["authors"] == ["Jane Doe"]


def test_a_label_in_title_case_before_a_colon_weighs_as_a_label():
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\nWant more? Subscribe to our weekly newsletter\n\n"
              "In This Article: Grateful Dead, obituary")
    assert paragraphs(doc) == BODY.split("\n\n")


def test_a_press_releases_boilerplate_about_its_issuer_is_furniture():
    about = ("About Acme Rail Forum\n\nThe Acme Rail Forum is a volunteer network of railway workers in South India.")
    doc = one(f"{HEADLINE}\n\n{BODY}\n\n{about}\n\nMedia Contact:")
    assert paragraphs(doc) == BODY.split("\n\n")
    # a heading "About ..." over a paragraph that does not open with its name is the article's
    study = "About the study\n\nResearchers at the university followed 2,000 patients for ten years."
    doc = one(f"{HEADLINE}\n\n{BODY}\n\n{study}")
    assert "Researchers at the university followed 2,000 patients for ten years." in paragraphs(doc)


def test_a_name_with_the_reporters_post_is_a_byline():
    doc = one(f"{HEADLINE}\n\nA short standfirst about it\n\nFatima Al Hashemi, Senior Reporter\n\n"
              f"Published: January 12, 2020 18:23\n\nText Size\n\n{BODY}")
    assert (doc["subtitle"], doc["authors"]) == ("A short standfirst about it", ["Fatima Al Hashemi"])
    assert doc["published_at"] == dt.datetime(2020, 1, 12, 18, 23)


def test_a_title_case_box_of_the_sections_other_stories_is_dropped_up_to_the_next_paragraph():
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\nAlso In Gulf\n\nOman declares three days of mourning\n\n{LAST}")
    assert paragraphs(doc) == BODY.split("\n\n") + [LAST]
    # in a sentence's case it is the article's own heading
    doc = one(f"{HEADLINE}\n\nBy Jane Doe\n\n{BODY}\n\nAlso on the ballot\n\n{LAST}")
    assert "Also on the ballot" in paragraphs(doc)
