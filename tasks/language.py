"""Language of a document's text, as an ISO 639 code ("und" when the text gives no clue).

Latin-script languages are told apart by their commonest function words, all in one vectorised
pass; only text in other scripts (rare in this corpus, and where function words do not help)
goes to the py3langid classifier, whose model ships inside the package.
"""

from __future__ import annotations

import polars as pl

_SAMPLE_CHARS = 1000
_FUNCTION_WORDS = {
    "en": "the|and|of|to|in|is|that|for|on|with|was|said|it|as|by|at|from|are|has|have|be|will|would",
    "fr": "le|la|les|des|est|et|une|dans|pour|que|qui|du|au|sur|pas|avec|sont|ce",
    "de": "der|die|und|das|ist|nicht|mit|den|von|zu|ein|eine|auf|sich|dem|des|im|auch",
    "es": "el|los|las|del|que|y|en|una|por|con|para|es|se|lo|como|pero|su",
    "it": "il|che|di|e|la|per|una|sono|non|della|con|del|gli|le|si|anche|nel",
    "pt": "o|os|que|de|em|um|uma|para|com|não|do|da|dos|das|se|por|foi",
    "nl": "de|het|een|en|van|is|niet|op|dat|met|voor|zijn|ook|aan|bij|werd",
}
# A language wins when its function words are at least this share of all words and more than any
# other's. Prose sits at 0.25-0.45 for its own language and under 0.08 for the others.
_MIN_SHARE = 0.10
_SPACED_EN = [f" {word} " for word in _FUNCTION_WORDS["en"].split("|")]
_NON_LATIN = r"[\p{Cyrillic}\p{Arabic}\p{Hebrew}\p{Greek}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Devanagari}]"


def _langid(rows: pl.Series) -> pl.Series:
    """py3langid on the rows flagged non-Latin; the others stay null (Polars computes both
    branches of a when/then, so the flag has to be checked here)."""
    flagged = rows.struct.field("non_latin").fill_null(False)
    if not flagged.any():
        return pl.Series([None] * len(rows), dtype=pl.String)
    import py3langid  # loads its model (~0.5 s) only when non-Latin text shows up

    texts = rows.struct.field("sample")
    return pl.Series([py3langid.classify(t)[0] if flag and t else None for t, flag in zip(texts, flagged)],
                     dtype=pl.String)


def _words(sample: pl.Expr) -> pl.Expr:
    # Document text has single spaces and blank-line paragraph breaks: counting separators counts words.
    return sample.str.count_matches(r"[ \n]") + 1


def _share(sample: pl.Expr, words: pl.Expr, code: str) -> pl.Expr:
    return sample.str.count_matches(rf"(?-u:\b)(?:{_FUNCTION_WORDS[code]})(?-u:\b)") / words


def _other_language(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` (with `_sample` and `_words`) with `language` scored against every language."""
    sample, words = pl.col("_sample"), pl.col("_words")
    # Each share is a column of its own: as expressions they were recomputed in every comparison.
    shares = {code: pl.col(f"_share_{code}") for code in _FUNCTION_WORDS}
    # An ASCII sample has no non-Latin letter, so it cannot have more of them than of [a-z]: the
    # two counts (the [a-z] one a third of this step) read the other samples only, an empty
    # string in its place giving the same 0 > 0.
    unicode_sample = pl.when(sample.str.len_bytes() == sample.str.len_chars()).then(pl.lit("")).otherwise(sample)
    scored = frame.with_columns(_unicode_sample=unicode_sample).with_columns(
        *[_share(sample, words, code).alias(f"_share_{code}") for code in _FUNCTION_WORDS],
        _non_latin=pl.col("_unicode_sample").str.count_matches(_NON_LATIN)
        > pl.col("_unicode_sample").str.count_matches(r"[a-z]"),
    ).drop("_unicode_sample").with_columns(_best=pl.max_horizontal(*shares.values()))
    by_words = pl.lit(None, dtype=pl.String)
    for code, share in reversed(shares.items()):  # earlier codes win ties ("en" first)
        by_words = pl.when((share == pl.col("_best")) & (share >= _MIN_SHARE)).then(pl.lit(code)).otherwise(by_words)
    # Terse Latin-script text (wire tables: "Shr 12 cts vs 15 cts") is English when any English
    # function word shows and no other language does better.
    terse_english = pl.when(shares["en"] > 0).then(pl.lit("en")).otherwise(pl.lit("und"))
    langid = pl.struct(sample=sample, non_latin="_non_latin").map_batches(_langid, return_dtype=pl.String)
    language = pl.when("_non_latin").then(langid).otherwise(pl.coalesce(by_words, terse_english))
    return scored.with_columns(language=language).drop(*[f"_share_{code}" for code in _FUNCTION_WORDS],
                                                       "_non_latin", "_best")


def with_language(frame: pl.DataFrame, text: str = "text", whole_words: pl.Expr | None = None) -> pl.DataFrame:
    """`frame` with a `language` column for its `text` column.

    Most news here is English: a quick count of English function words settles most of those rows,
    the English share the rest, and only what is left is scored against every language.
    `whole_words`, if given, is what `_words` counts on the whole text (cleaning knows it from its
    word and paragraph counts); it stands in for the count where the sample is the whole text.
    """
    sample, words = pl.col("_sample"), pl.col("_words")
    # The rows are scored in a frame of their own: filtering, concatenating and sorting the
    # caller's frame (its text and list columns) cost more than a frame of samples and counts.
    marked = frame.select(_text=pl.col(text), **({} if whole_words is None else {"_whole_words": whole_words}))
    marked = marked.with_row_index("_row").with_columns(
        _sample=pl.col("_text").str.slice(0, _SAMPLE_CHARS).str.to_lowercase()
    )
    if whole_words is None:
        marked = marked.with_columns(_words=_words(sample))
    else:
        # No more bytes than the sample's characters: the sample is the whole text. The other
        # samples alone are counted (an empty string counts nothing, cheaply).
        whole = pl.col("_text").str.len_bytes() <= _SAMPLE_CHARS
        marked = marked.with_columns(_words=pl.when(whole).then(pl.col("_whole_words").cast(pl.UInt32))
                                     .otherwise(_words(pl.when(whole).then(pl.lit("")).otherwise(sample))))
    # A function word between two spaces is a match of the English pattern too, so this counts no
    # more than it does and a row over the threshold here is over it there. Matching the words
    # between word boundaries is the slow pass (most places start a candidate); it is left for the rest.
    # Aho-Corasick counts the same matches as the regex " (?:the|and|...) " (at most one word fits
    # at a place, and both resume after a match's closing space), a third faster, with no lazy DFA
    # to build again in every shard.
    surely = sample.str.find_many(_SPACED_EN, overlapping=False).list.len() / words
    # a null text scores null: it goes on to the other languages ("und"), so every row keeps its place
    marked = marked.with_columns(_en=(surely >= _MIN_SHARE).fill_null(False))
    unsure = marked.filter(~pl.col("_en")).with_columns(_en=(_share(sample, words, "en") >= _MIN_SHARE).fill_null(False))
    english = pl.concat([marked.filter("_en"), unsure.filter("_en")]).select("_row", language=pl.lit("en"))
    others = _other_language(unsure.filter(~pl.col("_en"))).select("_row", "language")
    return frame.with_columns(pl.concat([english, others]).sort("_row")["language"])
