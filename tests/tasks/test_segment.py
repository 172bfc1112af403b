import polars as pl
import pytest

from tasks.segment import count_sentences, segment_paragraphs, segment_sentences


def segment(text: str):
    docs = pl.DataFrame({"doc_id": ["0123456789abcdef"], "text": [text]})
    paragraphs = segment_paragraphs(docs)
    sentences = segment_sentences(paragraphs)
    return count_sentences(paragraphs, sentences), sentences


def test_paragraph_offsets_slice_the_text():
    text = "First paragraph here.\n\nSecond one, with “quotes”.\n\nThird."
    paragraphs, _ = segment(text)
    assert paragraphs["text"].to_list() == text.split("\n\n")
    for row in paragraphs.iter_rows(named=True):
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    assert paragraphs["paragraph_id"].to_list() == [f"0123456789abcdef-p{i}" for i in range(3)]


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Army said so. Gen. Smith agreed.", ["The U.S. Army said so.", "Gen. Smith agreed."]),
    ("It rose 2.5 percent on Aug. 6 in the U.K. market. Dr. Who laughed.",
     ["It rose 2.5 percent on Aug. 6 in the U.K. market.", "Dr. Who laughed."]),
    ("Apple Inc. said profits rose. J. R. R. Tolkien wrote it.", ["Apple Inc. said profits rose.", "J. R. R. Tolkien wrote it."]),
    ('"We will win." Then he left.', ['"We will win."', "Then he left."]),
    ("He asked “Why now?” She said nothing! Really? Yes…", ["He asked “Why now?”", "She said nothing!", "Really?", "Yes…"]),
    ('"It is over," he said. "We go home."', ['"It is over," he said.', '"We go home."']),
    ("At 9 a.m. on Monday the vote began. It ended.", ["At 9 a.m. on Monday the vote began.", "It ended."]),
    # circa before a number; a lone "c." elsewhere still ends a sentence
    ("The hoard held c. 300 coins. It was found.", ["The hoard held c. 300 coins.", "It was found."]),
    ("It held ca. 2,000 people.", ["It held ca. 2,000 people."]),
    ("Vitamin c. 300 people took it.", ["Vitamin c. 300 people took it."]),
    ("He wrote it in pencil c. Then he left.", ["He wrote it in pencil c.", "Then he left."]),
])
def test_sentence_boundaries(text, expected):
    _, sentences = segment(text)
    assert sentences["text"].to_list() == expected


def test_sentence_offsets_and_positions_across_paragraphs():
    text = "One. Two.\n\nThree is here. Four!"
    paragraphs, sentences = segment(text)
    assert sentences["position"].to_list() == [0, 1, 2, 3]
    assert sentences["paragraph_id"].to_list() == ["0123456789abcdef-p0"] * 2 + ["0123456789abcdef-p1"] * 2
    for row in sentences.iter_rows(named=True):
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    assert paragraphs["n_sentences"].to_list() == [2, 2]


def test_text_containing_the_placeholder_characters_is_not_altered():
    text = "A one\u2024dot leader stays. And a NUL-free end."
    _, sentences = segment(text)
    assert "".join(sentences["text"]) .replace(" ", "") == text.replace(" ", "")


def test_sentences_come_in_doc_id_order_whatever_the_paragraph_order():
    docs = pl.DataFrame({"doc_id": ["ffff000000000000", "0000ffff00000000", "00000000ffff0000"],
                         "text": ["B one. B two.\n\nB three.", "A one. A two.", "C one.\n\nC two. C three."]})
    paragraphs = segment_paragraphs(docs)
    expected = segment_sentences(paragraphs).sort("doc_id", "position")
    assert segment_sentences(paragraphs).equals(expected)
    # documents interleaved, or a document's paragraphs out of order
    for shuffled in (paragraphs.reverse(), paragraphs.sort("position", "doc_id")):
        assert segment_sentences(shuffled).equals(expected)


def test_word_counts_come_from_cleaning_when_given_and_are_counted_otherwise():
    docs = pl.DataFrame({"doc_id": ["0123456789abcdef", "fedcba9876543210"],
                         "text": ["One two three.\n\nFour  five.\n\nSix\tseven eight nine.", "A b."]})
    counted = segment_paragraphs(docs)["n_words"].to_list()
    assert counted == [3, 2, 4, 2]
    # cleaning's counts are used as they come; a missing or short list is made up by counting
    given = docs.with_columns(paragraph_words=pl.Series([[30, 20], None], dtype=pl.List(pl.Int32)))
    assert segment_paragraphs(given)["n_words"].to_list() == [30, 20, 4, 2]
