"""ASCII forms of the claim patterns: the same claims as the Unicode forms on ASCII text."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import polars as pl
import pytest

from tasks.ascii_patterns import ascii_form, patterns_for
from tasks.numeric_claims import extract_numeric_claims

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devsets" / "claims"))
from scoring import load_articles, sentences_for  # noqa: E402


@pytest.mark.parametrize("pattern,expected", [
    (r"(?i)\d+\s?pct(?-u:\b)", r"(?-u)(?i)\d+\s?pct(?-u:\b)"),
    (r"(?:https?://)\S+", r"(?-u)(?:https?://)(?u:[\x00-\x7F&&[^\t\n\x0B\f\r ]])+"),
    (r"(?:^|\W)\D", r"(?-u)(?:^|(?u:[\x00-\x7F&&[^0-9A-Za-z_]]))(?u:[\x00-\x7F&&[^0-9]])"),
    (r"^ ([^\x01]*)", r"(?-u)^ ((?u:[\x00-\x7F&&[^\x01]])*)"),
    (r"o['’]clock", r"(?-u)o(?u:[\x00-\x7F&&['’]])clock"),
    (r"[\s(\[:=][-−]$", r"(?-u)[\s(\[:=](?u:[\x00-\x7F&&[-−]])$"),
    (r"^( [^ ]+ .*?)ly", r"(?-u)^( (?u:[\x00-\x7F&&[^ ]])+ (?u:.)*?)ly"),
    (r"\s[$£€]$", r"(?-u)\s(?u:[\x00-\x7F&&[$£€]])$"),
    (r"[]a]|€", r"(?-u)[]a]|(?u:€)"),
    # a class kept Unicode for its "’" still names only ASCII letters, digits and spaces
    (r"[\w'’&.-]+\s[^\s,]", r"(?-u)(?u:[\x00-\x7F&&[0-9A-Za-z_'’&.-]])+\s(?u:[\x00-\x7F&&[^\t\n\x0B\f\r ,]])"),
])
def test_ascii_form_keeps_unicode_only_where_the_crate_needs_it(pattern, expected):
    assert ascii_form(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\p{L}+", r"[[a-z]]", r"\x{20ac}"])
def test_ascii_form_refuses_what_it_does_not_rewrite(pattern):
    with pytest.raises(ValueError):
        ascii_form(pattern)


def test_patterns_for_unicode_text_are_as_written():
    assert patterns_for(False)(r"(?i)\d") == r"(?i)\d"
    assert patterns_for(True)(r"(?i)\d") == r"(?-u)(?i)\d"


def _ascii(text: str) -> str:
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def test_ascii_batches_give_the_claims_of_the_unicode_patterns():
    articles = {name: _ascii(text) for name, text in load_articles().items()}
    _, sentences = sentences_for(articles)
    assert sentences["text"].str.len_bytes().sum() == sentences["text"].str.len_chars().sum()
    ascii_run = extract_numeric_claims(sentences)
    # one sentence with a non-ASCII character sends the whole batch through the Unicode forms
    _, other = sentences_for({"x": "Prices rose 5 per cent to €20 million in the year to March."})
    unicode_run = extract_numeric_claims(pl.concat([sentences, other]))
    assert ascii_run.height > 250
    assert unicode_run.filter(pl.col("doc_id").is_in(ascii_run["doc_id"].unique().implode())).equals(ascii_run)
    assert unicode_run.height > ascii_run.height
