import datetime as dt

import polars as pl
import pytest

from tasks.clean import clean_documents, reject_duplicates
from tasks.ingest import parse_records
from tests.conftest import files_frame

BODY = ("The council voted on Tuesday to approve the new budget after a long debate that lasted well into the night.\n\n"
        "Officials said the plan would take effect next month and would be reviewed again at the end of the year.")


def clean(files: dict) -> pl.DataFrame:
    return clean_documents(parse_records(files_frame(files)))


def one(text: str) -> dict:
    return clean({"a.txt": text}).row(0, named=True)


def paragraphs(doc: dict) -> list[str]:
    return doc["text"].split("\n\n")


def test_header_lines_become_metadata_not_body():
    doc = one("World / Europe\n\nCouncil approves budget after long debate\n\nA short standfirst says what happened and why it matters.\n\n"
              "By Jane Doe and John Smith |\n\nMarch 3, 2021, 4:05 PM • 1,234 views • 3 min read\n\n" + BODY)
    assert doc["section"] == "World / Europe"
    assert doc["title"] == "Council approves budget after long debate"
    assert doc["subtitle"] == "A short standfirst says what happened and why it matters."
    assert doc["authors"] == ["Jane Doe", "John Smith"]
    assert doc["published_date"] == dt.date(2021, 3, 3)
    assert doc["published_at"] == dt.datetime(2021, 3, 3, 16, 5)
    assert paragraphs(doc) == BODY.split("\n\n")
    assert doc["n_removed_lines"] == 5


def test_a_date_without_a_time_leaves_published_at_null():
    doc = one("Council approves budget\n\nFriday, January 4, 2019\n\n" + BODY)
    assert doc["published_date"] == dt.date(2019, 1, 4) and doc["published_at"] is None


def test_a_bare_name_under_the_title_is_the_author():
    doc = one("News\n\nCouncil approves budget\n\nDilan Sirwan\n\nAug. 06, 2024 • 2 min read\n\n" + BODY)
    assert doc["authors"] == ["Dilan Sirwan"] and doc["section"] == "News"


@pytest.mark.parametrize("furniture", [
    "SHARE THIS ARTICLE", "Share", "NEWSLETTER", "Get the latest updates delivered to your inbox.", "8865 views",
    "2 min read", "Image of the council chamber", "Two men walk past the hall on Monday. [Jane Roe/AFP]",
    "Photo: Jane Roe", "Profile picture of Jane Doe", "Captcha *", "Do you like this article?",
    "Press TV’s website can also be accessed at the following alternate addresses:", "www.presstv.co.uk",
    "Jane Doe is a Berlin-based journalist covering European politics and the economy.",
])
def test_furniture_lines_never_reach_the_body(furniture):
    doc = one(f"Council approves budget\n\nBy Jane Doe\n\n{BODY}\n\n{furniture}\n\nOne more line of the body text that is real.")
    assert furniture not in doc["text"]


def test_the_tail_after_a_widget_is_dropped_until_real_text_resumes():
    doc = one("Council approves budget\n\nBy Jane Doe\n\n" + BODY + "\n\nDo you like this article?\n\nCaptcha *\n\n"
              "I want you to always post notifications\n\nIs it possible to publish an announcement?")
    assert paragraphs(doc) == BODY.split("\n\n")


def test_repeated_body_paragraphs_are_kept_once_and_counted():
    doc = one("Council approves budget\n" + BODY.replace("\n\n", "\n") + "\n" + BODY.replace("\n\n", "\n"))
    assert paragraphs(doc) == BODY.split("\n\n")
    assert doc["n_duplicate_paragraphs"] == 2


def test_a_repeated_title_and_a_wire_sign_off_are_removed():
    doc = one("Council approves budget\n\nMarch 3, 2021\n\nCouncil approves budget\n\n" + BODY + "\n\nReuter")
    assert paragraphs(doc) == BODY.split("\n\n")


def test_in_body_headings_are_marked():
    doc = one("Council approves budget\n\nBy Jane Doe\n\n" + BODY + "\n\nWhat happens next?\n\n" + BODY.split("\n\n")[0] + " More.")
    assert doc["paragraph_kinds"][2] == "heading"
    assert doc["paragraph_kinds"].count("heading") == 1


def test_dateline_place_is_extracted_and_kept_in_the_text():
    doc = one("Council approves budget\n\nERBIL, Kurdistan Region - " + BODY)
    assert doc["dateline"] == "ERBIL, Kurdistan Region"
    assert doc["text"].startswith("ERBIL, Kurdistan Region - ")


def test_given_fields_win_over_guesses():
    import json
    record = {"id": "r1", "title": "Given title", "text": "Guessed title\n\n" + BODY, "authors": "Ann Lee",
              "published": "26-FEB-1987 15:01:01.79", "dateline": "SALVADOR, Feb 26 -"}
    doc = clean({"a.jsonl": json.dumps(record)}).row(0, named=True)
    assert doc["title"] == "Given title" and doc["authors"] == ["Ann Lee"]
    assert doc["published_at"] == dt.datetime(1987, 2, 26, 15, 1)
    assert doc["dateline"] == "SALVADOR"
    assert paragraphs(doc)[0] == "Guessed title"


def test_characters_are_normalised():
    doc = one("Title here\r\n\r\nCafe\u0301 opens\u00a0today\u200b in the old town, officials said on Monday morning.\rIt is open late.")
    assert doc["text"] == "Café opens today in the old town, officials said on Monday morning.\n\nIt is open late."


def test_ascii_text_is_normalised_whether_or_not_it_needs_it():
    docs = clean({"a.txt": "Title here\r\n\r\nThe\tcouncil\x07 voted on Tuesday to approve the budget, officials said.\r"
                           "It is open late.", "b.txt": BODY,
                  "c.txt": " Title here \n \n  The council  voted on Tuesday to approve the budget, officials said. \n"
                           "It is  open late.  "})
    text = "The council voted on Tuesday to approve the budget, officials said.\n\nIt is open late."
    assert docs["text"].to_list() == [text, BODY, text]


def test_doc_id_is_the_sha256_of_the_text():
    import hashlib
    doc = one("Council approves budget\n\n" + BODY)
    assert doc["doc_id"] == hashlib.sha256(doc["text"].encode()).hexdigest()[:16]


def test_nothing_but_furniture_is_rejected_as_no_body():
    out = clean({"a.txt": "Council approves budget\n\nBy Jane Doe\n\n2 min read\n\nSHARE THIS ARTICLE"})
    assert out["reject_reason"].to_list() == ["no_body"]


def test_exact_duplicates_are_rejected_pointing_at_the_first():
    out = reject_duplicates(clean({"b.txt": "T\n\n" + BODY, "a.txt": "Other title\n\n" + BODY}))
    row = out.filter(pl.col("source_path") == "b.txt").row(0, named=True)
    assert row["reject_reason"] == "duplicate" and "a.txt" in row["reject_detail"]
    assert out.filter(pl.col("source_path") == "a.txt")["reject_reason"][0] is None


def test_only_documents_of_a_shared_id_change_and_the_rest_keep_their_order():
    other = "A different article about the harbour, which reopened on Monday after a week of repairs by the city."
    docs = clean({"c.txt": "T\n\n" + BODY, "d.txt": "T\n\n" + other, "e.txt": "", "a.txt": "Other\n\n" + BODY,
                  "b.txt": "T\n\n" + other, "f.txt": "Title\n\nYet another text, on the weather, which was mild."})
    out = reject_duplicates(docs)
    assert out.drop("reject_reason", "reject_detail").equals(docs.drop("reject_reason", "reject_detail"))
    assert out["reject_reason"].to_list() == ["duplicate", "duplicate", "empty", None, None, None]
    assert "a.txt" in out["reject_detail"][0] and "b.txt" in out["reject_detail"][1]
    alone = docs.filter(pl.col("source_path").is_in(["c.txt", "d.txt", "e.txt"]))
    assert reject_duplicates(alone).equals(alone)


def test_language_is_detected():
    assert one("Title\n\n" + BODY)["language"] == "en"
    french = ("Le conseil municipal a voté mardi pour approuver le nouveau budget après un long débat qui a duré "
              "jusque tard dans la nuit. Les responsables ont dit que le plan entrerait en vigueur le mois prochain.")
    assert one("Titre\n\n" + french)["language"] == "fr"


def test_language_from_the_cleaning_counts_is_the_language_from_the_text():
    from tasks.language import with_language
    french = "Le conseil a voté mardi pour le budget et la ville dit que le plan est prêt pour le mois prochain."
    docs = clean({"a.txt": "Title\n\n" + BODY, "b.txt": "Titre\n\n" + french, "c.txt": "Title\n\n" + "\n\n".join([BODY] * 6),
                  "d.txt": "Titre\n\n" + "\n\n".join([french] * 12), "e.txt": "Title\n\nShr 12 cts vs 15 cts"})
    assert docs["language"].to_list() == with_language(docs.drop("language"))["language"].to_list()
    assert docs["language"].to_list() == ["en", "fr", "en", "fr", "und"]


def test_paragraph_words_are_the_words_segmentation_would_count():
    from tasks.furniture import n_words
    text = ("Title here\r\n\r\nTabs\tand\u00a0no-break\u2003spaces,  double  spaces and\u200b a zero-width one "
            "count as the words they separate in this long enough sentence.\n \n\u3000Ideographic\u3000space "
            "lead, a trailing one \n\nÜber café ﬁnal words.")
    doc = one(text)
    counted = pl.Series(paragraphs(doc)).to_frame("p").select(n_words("p"))["p"].to_list()
    assert doc["paragraph_words"] == counted and sum(counted) == doc["n_words"]


def test_language_of_a_null_text_is_undetermined_and_keeps_its_row():
    from tasks.language import with_language
    frame = pl.DataFrame({"text": ["The cat and the dog went to the park with the boy.", None]})
    assert with_language(frame)["language"].to_list() == ["en", "und"]
