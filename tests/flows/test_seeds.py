"""The five seed articles in raw/: what a careful reader expects of each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from flows.inputs import list_inputs, read_files
from flows.shard import build_shard

RAW = Path(__file__).resolve().parents[2] / "raw"
FURNITURE = ["8865 views", "min read", "NEWSLETTER", "Get the latest updates", "Profile picture", "Author Dilan",
             "is an Erbil-based Kurdish journalist", "Image of", "SHARE THIS ARTICLE", "alternate addresses",
             "www.presstv.co.uk", "Press TV News Roku", "Captcha", "Do you like this article", "Ayman Henna/AFP",
             "I want you to always post", "By Ivan Kesic", "By Anas al-Bar"]


@pytest.fixture(scope="module")
def seeds():
    tables = build_shard(read_files(RAW, list_inputs(RAW)))
    docs = {row["source_path"][:3]: row for row in tables.documents.iter_rows(named=True)}
    return tables, docs


def test_five_documents_none_rejected(seeds):
    tables, docs = seeds
    assert sorted(docs) == ["000", "001", "002", "003", "004"] and tables.rejected.height == 0


@pytest.mark.parametrize("seed, title, authors, date, at, section", [
    ("000", "Iraq Condemns Base Attacks, Captures Rocket Launcher Amid Regional Tensions", [],
     dt.date(2024, 8, 6), dt.datetime(2024, 8, 6, 11, 46), None),
    ("001", "Iraq’s Joint Operations Command condemns Ain al-Assad attack", ["Dilan Sirwan"], dt.date(2024, 8, 6),
     None, "News"),
    ("002", "Iraq military condemns attacks on bases, foreign advisors", [], None, None, None),
    ("003", "Explainer: Why is Ain al-Assad US military base under Iraqi resistance attack again?", ["Ivan Kesic"],
     None, None, "News / Iraq / Editor's Choice"),
    ("004", "Iran-linked attacks on coalition base in Iraq undermine Iraqi government", ["Anas al-Bar"], None, None,
     "Security"),
])
def test_metadata(seeds, seed, title, authors, date, at, section):
    doc = seeds[1][seed]
    assert (doc["title"], doc["authors"], doc["published_date"], doc["published_at"], doc["section"]) == (
        title, authors, date, at, section)


def test_subtitles_and_dateline(seeds):
    docs = seeds[1]
    assert docs["000"]["subtitle"].startswith("Iraq's military denounces attacks on its bases")
    assert docs["004"]["subtitle"].startswith("Attacks on international coalition forces at an Iraqi base")
    assert docs["002"]["dateline"] == "ERBIL, Kurdistan Region"


def test_no_furniture_reaches_the_paragraphs(seeds):
    text = "\n".join(seeds[0].paragraphs["text"])
    assert [f for f in FURNITURE if f in text] == []


def test_the_seed_printed_twice_keeps_its_body_once(seeds):
    tables, docs = seeds
    doc = docs["002"]
    paragraphs = tables.paragraphs.filter(pl.col("doc_id") == doc["doc_id"])["text"].to_list()
    assert len(paragraphs) == len(set(paragraphs)) == 8
    assert doc["n_duplicate_paragraphs"] == 7


def test_in_body_headings(seeds):
    tables, docs = seeds
    headings = tables.paragraphs.filter(pl.col("kind") == "heading")["text"].to_list()
    assert headings == ["What preceded the strike?", "What was the target of the attack?",
                        "When will the US base be closed?", "'Reckless actions'"]
