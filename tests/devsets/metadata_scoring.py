"""Dev-set scoring for document metadata and paragraphing, shared by the floor test and docs/devsets.md.

The gold labels (`metadata/labels.jsonl`) were written by reading each article in `metadata/articles/`
(see its README). Scoring runs the real shard builder on that folder and compares, per article:
the metadata fields, the paragraph count, the first and last paragraph, the in-body headings, and
whether any labelled furniture line survived into the body.

Text comparisons ignore differences that are encoding conventions, not cleaning decisions: runs of
whitespace, no-break spaces, and curly versus straight quotation marks.

Run `python -m tests.devsets.metadata_scoring` from the repository root for the score table and the
per-article errors.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

DEVSET = Path(__file__).parent / "metadata"
ARTICLES = DEVSET / "articles"
# A held-out slice of renderings of unseen layouts (its README): scored for totals only, never tuned on.
HELDOUT = DEVSET / "heldout_layouts"
# A fourth held-out slice: pages with a site name, nav bar, tagline or banner above the headline.
HELDOUT_4 = DEVSET / "heldout_layouts_4"
FIELDS = ("title", "subtitle", "section", "authors", "published_date", "published_at", "dateline")
# A furniture line this long leaks when it appears anywhere inside a kept paragraph; a shorter one
# ("Hobbits", "Tony Stark") only when a kept paragraph is exactly that line.
_LEAK_INSIDE_CHARS = 25
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def load_labels(name: str = "labels.jsonl") -> list[dict]:
    lines = (DEVSET / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def run_pipeline(folder: Path = ARTICLES):
    """The shard tables for the dev-set folder, built exactly as the flow builds one shard.

    The folder's README (credits) is not an article and is left out of the inputs.
    """
    from flows.inputs import list_inputs, read_files
    from flows.shard import build_shard

    inputs = list_inputs(folder).filter(pl.col("source_path") != "README.md")
    return build_shard(read_files(folder, inputs))


def _key(source_path: str, source_id: str | None) -> tuple[str, str]:
    return source_path, source_id if source_id is not None else Path(source_path).stem


@dataclass
class Prediction:
    doc: dict | None
    paragraphs: list[dict] = field(default_factory=list)


def predictions(tables) -> dict[tuple[str, str], Prediction]:
    docs = {_key(d["source_path"], d["source_id"]): d for d in tables.documents.to_dicts()}
    paras = tables.paragraphs.sort("doc_id", "position")
    by_doc: dict[str, list[dict]] = {}
    for p in paras.select("doc_id", "kind", "text").to_dicts():
        by_doc.setdefault(p["doc_id"], []).append(p)
    return {k: Prediction(d, by_doc.get(d["doc_id"], [])) for k, d in docs.items()}


def _field_value(doc: dict, name: str):
    value = doc.get(name)
    if name == "authors":
        return [norm(a) for a in (value or [])]
    if name in ("published_date", "published_at"):
        return value.isoformat() if value is not None else None
    return norm(value)


def _gold_value(label: dict, name: str):
    value = label.get(name)
    if name == "authors":
        return [norm(a) for a in value]
    if name == "published_at" and value is not None:
        return value if len(value) > 16 else value + ":00"
    return norm(value) if name not in ("published_date",) else value


def _starts(predicted: str | None, gold: str) -> bool:
    return predicted is not None and norm(predicted).startswith(norm(gold))


def _leaks(furniture: list[str], texts: list[str]) -> list[str]:
    kept = [norm(t) for t in texts]
    leaked = []
    for line in furniture:
        line_n = norm(line)
        if any(t == line_n or (len(line_n) >= _LEAK_INSIDE_CHARS and line_n in t) for t in kept):
            leaked.append(line)
    return leaked


@dataclass
class ArticleResult:
    label: dict
    found: bool
    field_ok: dict[str, bool]
    field_pred: dict[str, object]
    n_pred: int
    first_ok: bool
    last_ok: bool
    headings_pred: list[str]
    headings_hit: int
    leaked: list[str]

    @property
    def name(self) -> str:
        sid = self.label.get("source_id")
        return self.label["source_path"] + (f"#{sid}" if sid else "")


def score_article(label: dict, pred: Prediction | None) -> ArticleResult:
    if pred is None or pred.doc is None:
        return ArticleResult(label, False, dict.fromkeys(FIELDS, False), dict.fromkeys(FIELDS), 0, False, False,
                             [], 0, [])
    field_pred = {f: _field_value(pred.doc, f) for f in FIELDS}
    field_ok = {f: field_pred[f] == _gold_value(label, f) for f in FIELDS}
    texts = [p["text"] for p in pred.paragraphs]
    headings_pred = [norm(p["text"]) for p in pred.paragraphs if p["kind"] == "heading"]
    gold_headings = {norm(h) for h in label["headings"]}
    return ArticleResult(
        label, True, field_ok, field_pred, len(texts),
        first_ok=bool(texts) and _starts(texts[0], label["first_paragraph"]),
        last_ok=bool(texts) and _starts(texts[-1], label["last_paragraph"]),
        headings_pred=headings_pred,
        headings_hit=sum(h in gold_headings for h in headings_pred),
        leaked=_leaks(label["furniture"], texts),
    )


@dataclass
class Scores:
    n_articles: int
    n_found: int
    field_accuracy: dict[str, float]
    paragraphs_exact: float
    paragraphs_mae: float
    first_paragraph: float
    last_paragraph: float
    heading_precision: float
    heading_recall: float
    n_gold_headings: int
    furniture_lines: int
    furniture_leaks: int
    results: list[ArticleResult]

    def rows(self) -> list[tuple[str, str]]:
        out = [(f"{f} accuracy", f"{v:.3f}") for f, v in self.field_accuracy.items()]
        out += [
            ("articles found (not rejected)", f"{self.n_found}/{self.n_articles}"),
            ("paragraph count exact", f"{self.paragraphs_exact:.3f}"),
            ("paragraph count MAE", f"{self.paragraphs_mae:.2f}"),
            ("first paragraph match", f"{self.first_paragraph:.3f}"),
            ("last paragraph match", f"{self.last_paragraph:.3f}"),
            ("heading precision", f"{self.heading_precision:.3f}"),
            (f"heading recall ({self.n_gold_headings} gold)", f"{self.heading_recall:.3f}"),
            (f"furniture leaks ({self.furniture_lines} labelled lines)", str(self.furniture_leaks)),
        ]
        return out

    def table(self) -> str:
        width = max(len(name) for name, _ in self.rows())
        return "\n".join(f"{name:<{width}}  {value}" for name, value in self.rows())

    def markdown(self) -> str:
        return "\n".join(["| measure | score |", "|---|---|"] + [f"| {n} | {v} |" for n, v in self.rows()])

    def errors(self) -> str:
        lines = []
        for r in self.results:
            if not r.found:
                lines.append(f"{r.name}: not found among the documents (rejected?)")
                continue
            for f in FIELDS:
                if not r.field_ok[f]:
                    lines.append(f"{r.name}: {f} gold={_gold_value(r.label, f)!r} got={r.field_pred[f]!r}")
            if r.n_pred != r.label["n_paragraphs"]:
                lines.append(f"{r.name}: n_paragraphs gold={r.label['n_paragraphs']} got={r.n_pred}")
            if not r.first_ok:
                lines.append(f"{r.name}: first paragraph gold={r.label['first_paragraph']!r}")
            if not r.last_ok:
                lines.append(f"{r.name}: last paragraph gold={r.label['last_paragraph']!r}")
            gold_h = {norm(h) for h in r.label["headings"]}
            for h in r.headings_pred:
                if h not in gold_h:
                    lines.append(f"{r.name}: false heading {h[:70]!r}")
            for h in gold_h - set(r.headings_pred):
                lines.append(f"{r.name}: missed heading {h!r}")
            for line in r.leaked:
                lines.append(f"{r.name}: furniture leaked {line[:70]!r}")
        return "\n".join(lines)


def score(labels: list[dict], preds: dict[tuple[str, str], Prediction]) -> Scores:
    results = [score_article(l, preds.get(_key(l["source_path"], l.get("source_id")))) for l in labels]
    n = len(results)
    n_pred_headings = sum(len(r.headings_pred) for r in results)
    n_gold_headings = sum(len(r.label["headings"]) for r in results)
    hits = sum(r.headings_hit for r in results)
    return Scores(
        n_articles=n,
        n_found=sum(r.found for r in results),
        field_accuracy={f: sum(r.field_ok[f] for r in results) / n for f in FIELDS},
        paragraphs_exact=sum(r.n_pred == r.label["n_paragraphs"] for r in results) / n,
        paragraphs_mae=sum(abs(r.n_pred - r.label["n_paragraphs"]) for r in results) / n,
        first_paragraph=sum(r.first_ok for r in results) / n,
        last_paragraph=sum(r.last_ok for r in results) / n,
        heading_precision=hits / n_pred_headings if n_pred_headings else 1.0,
        heading_recall=hits / n_gold_headings if n_gold_headings else 1.0,
        n_gold_headings=n_gold_headings,
        furniture_lines=sum(len(r.label["furniture"]) for r in results),
        furniture_leaks=sum(len(r.leaked) for r in results),
        results=results,
    )


def score_devset() -> Scores:
    return score(load_labels(), predictions(run_pipeline()))


def score_heldout() -> Scores:
    return score(load_labels("heldout_labels.jsonl"), predictions(run_pipeline(HELDOUT)))


def score_heldout_4() -> Scores:
    return score(load_labels("heldout_labels_4.jsonl"), predictions(run_pipeline(HELDOUT_4)))


if __name__ == "__main__":
    import sys

    if "--heldout4" in sys.argv:
        print(score_heldout_4().table())
        raise SystemExit

    if "--heldout" in sys.argv:
        print(score_heldout().table())
        raise SystemExit
    scores = score_devset()
    print(scores.table())
    print()
    print(scores.markdown())
    print()
    print(scores.errors())
