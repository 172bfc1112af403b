"""Dev-set loading and scoring for numeric claims, shared by the floor test and the docs.

A gold label names its article, the claim as written (`text`, e.g. "at least five U.S.
personnel") and the number inside it (`value_text`); `occurrence` picks the n-th occurrence of
`text` in the article when it repeats. The gold number span is `value_text` inside that `text`.
A predicted claim matches a gold one when their number spans overlap (one-to-one, in order).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import polars as pl

HERE = Path(__file__).parent
ARTICLES = HERE / "articles"
LABELS = HERE / "labels.jsonl"
# Held-out articles (`ho*`) were labelled blind, after the rules, and are never used to tune them.
HELDOUT_LABELS = HERE / "heldout_labels.jsonl"


def is_heldout(article: str) -> bool:
    return article.startswith("ho")


def load_articles(heldout: bool = False) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))
            if is_heldout(p.stem) == heldout}


def load_labels(heldout: bool = False) -> list[dict]:
    path = HELDOUT_LABELS if heldout else LABELS
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sentences_for(articles: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, sentences) for article texts, through the pipeline's own segmenter when it
    exists, else a plain blank-line + sentence-regex split."""
    docs = pl.DataFrame({
        "doc_id": [hashlib.sha256(t.encode()).hexdigest()[:16] for t in articles.values()],
        "article": list(articles), "text": list(articles.values()),
    })
    try:
        from tasks.segment import segment_paragraphs, segment_sentences
    except ImportError:
        return docs, _simple_sentences(docs)
    # Every dev-set paragraph is body text; passing the kinds explicitly keeps the segmenter off
    # its cleaning-dependent path.
    kinds = pl.col("text").str.split("\n\n").list.eval(pl.lit("body"))
    paragraphs = segment_paragraphs(docs.select("doc_id", "text", paragraph_kinds=kinds))
    return docs, segment_sentences(paragraphs)


def _simple_sentences(docs: pl.DataFrame) -> pl.DataFrame:
    rows = []
    for doc_id, text in docs.select("doc_id", "text").iter_rows():
        n = 0
        for pi, pm in enumerate(re.finditer(r"(?:(?!\n\n).)+", text, re.S)):
            for sm in re.finditer(r"\S.*?(?:(?<![A-Z])[.!?]+[\"”’']?(?=\s|$)|$)", pm.group(0), re.S):
                a, b = pm.start() + sm.start(), pm.start() + sm.end()
                rows.append((f"{doc_id}-s{n}", doc_id, f"{doc_id}-p{pi}", n, a, b, text[a:b]))
                n += 1
    return pl.DataFrame(rows, orient="row", schema={
        "sentence_id": pl.String, "doc_id": pl.String, "paragraph_id": pl.String,
        "position": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.String})


def gold_spans(articles: dict[str, str], labels: list[dict]) -> list[dict]:
    """Labels with `start`/`end` of their number in the article; raises on a label that is not
    found, so a typo in the dev set fails loudly instead of counting as a miss."""
    out = []
    for lab in labels:
        text = articles[lab["article"]]
        # whole words only: "8 seats" must not be found inside "48 seats"
        hits = [m.start() for m in re.finditer(
            r"(?<![\w.])" + re.escape(lab["text"]) + r"(?!\w)", text)]
        if len(hits) <= lab.get("occurrence", 0):
            raise ValueError(f"label text not found: {lab}")
        pos = hits[lab.get("occurrence", 0)]
        inner = lab["text"].find(lab["value_text"])
        if inner < 0:
            raise ValueError(f"value_text not inside text: {lab}")
        out.append({**lab, "start": pos + inner, "end": pos + inner + len(lab["value_text"])})
    return out


def predicted_spans(claims: pl.DataFrame, docs: pl.DataFrame) -> list[dict]:
    names = dict(docs.select("doc_id", "article").iter_rows())
    out = []
    for row in claims.iter_rows(named=True):
        inner = row["text"].find(row["value_text"])
        start = row["char_start"] + max(inner, 0)
        out.append({**row, "article": names[row["doc_id"]], "start": start,
                    "end": start + len(row["value_text"])})
    return out


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (s or "").lower()))


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Value F1, value+unit/object F1, qualifier/trend accuracy on matched claims."""
    by_art: dict[str, list[dict]] = {}
    for p in pred:
        by_art.setdefault(p["article"], []).append(p)
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        hit = None
        for p in by_art.get(g["article"], []):
            if id(p) not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                hit = p
                break
        if hit is None:
            missed.append(g)
        else:
            used.add(id(hit))
            pairs.append((g, hit))
    spurious = [p for p in pred if id(p) not in used]
    v_ok = [(g, p) for g, p in pairs
            if _close(g["value"], p["value"]) and _close(g.get("value_max"), p["value_max"])]
    vu_ok = [(g, p) for g, p in v_ok
             if (g.get("unit") == p["unit"] if g.get("unit") or p["unit"]
                 else (not g.get("object") and not p["object"])
                 or bool(_words(g.get("object")) & _words(p["object"])))]
    qt_ok = [(g, p) for g, p in pairs if g.get("qualifier", "exact") == p["qualifier"]
             and g.get("trend") == p["trend"]]

    def f1(tp: int) -> float:
        prec, rec = tp / max(len(pred), 1), tp / max(len(gold), 1)
        return 0.0 if tp == 0 else 2 * prec * rec / (prec + rec)

    return {
        "gold": len(gold), "pred": len(pred), "matched": len(pairs),
        "span_f1": round(f1(len(pairs)), 4),
        "value_f1": round(f1(len(v_ok)), 4),
        "value_unit_object_f1": round(f1(len(vu_ok)), 4),
        "qualifier_trend_acc": round(len(qt_ok) / max(len(pairs), 1), 4),
        "missed": missed, "spurious": spurious,
        "wrong_value": [(g, p) for g, p in pairs if (g, p) not in v_ok],
        "wrong_unit_object": [(g, p) for g, p in v_ok if (g, p) not in vu_ok],
        "wrong_qualifier_trend": [(g, p) for g, p in pairs if (g, p) not in qt_ok],
    }


def evaluate(heldout: bool = False) -> dict:
    from tasks.numeric_claims import extract_numeric_claims

    articles = load_articles(heldout)
    docs, sentences = sentences_for(articles)
    claims = extract_numeric_claims(sentences)
    return score(gold_spans(articles, load_labels(heldout)), predicted_spans(claims, docs))
