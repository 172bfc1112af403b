"""Language of a document's text, as an ISO 639-1 code."""

from __future__ import annotations

import polars as pl

_SAMPLE_CHARS = 3000
# Share of the most common English function words among all words: English prose sits near 0.3,
# other Latin-script languages well under 0.08, so the threshold has a wide margin on both sides.
_ENGLISH_WORDS = r"\b(?:the|and|of|to|in|is|that|for|on|with|was|said|it|as|by|at|from|are|has|have|be)\b"
_ENGLISH_SHARE = 0.15


def _langid(texts: pl.Series) -> pl.Series:
    import py3langid  # loads a model (~0.5 s): only non-English text reaches it

    return pl.Series([py3langid.classify(t)[0] if t else None for t in texts], dtype=pl.String)


def language_of(text: pl.Expr) -> pl.Expr:
    """English is recognised by its function words in one vectorised pass; only other text is
    sent to the py3langid classifier (its model ships in the package)."""
    sample = text.str.slice(0, _SAMPLE_CHARS).str.to_lowercase()
    share = sample.str.count_matches(_ENGLISH_WORDS) / sample.str.count_matches(r"\S+").clip(lower_bound=1)
    return pl.when(share >= _ENGLISH_SHARE).then(pl.lit("en")).otherwise(
        sample.map_batches(_langid, return_dtype=pl.String)
    )
