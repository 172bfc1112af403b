"""Dev-set loading and scoring for the quotes extractor, shared by the floor test and docs/quotes.md.

Gold quotes are stored as text (not offsets) so they survive changes to cleaning; "<...>" in a gold
text elides the middle of a long quote. A prediction matches a gold quote when they overlap and it
covers >= 80% of the gold quoted words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl

DEVSET = Path(__file__).parent / "quotes"
_DATE_LINE = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}\s*$")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]]{2}[.!?])[\"”’]?\s+(?=[A-Z\"“‘\[])")
TITLE_WORDS = {
    "president", "vice", "senator", "sen.", "representative", "rep.", "governor", "mayor", "judge", "justice",
    "secretary", "minister", "prime", "attorney", "general", "speaker", "leader", "chairman", "dr.", "mr.",
    "mrs.", "ms.", "captain", "sheriff", "ambassador", "former", "us", "u.s.", "the", "state", "district",
    "federal", "interior", "health", "police", "spokesman", "prosecutor", "ex-prime", "incumbent", "democrat",
    "republican", "senate", "minority", "majority", "whip", "of", "defense", "county", "first", "lady",
}


def clean_body(raw: str) -> str:
    """Roughly what the pipeline's cleaning keeps: lines after the title, no date line, no repeats."""
    lines = [line.strip() for line in raw.split("\n")]
    seen: set[str] = set()
    body: list[str] = []
    for line in lines[1:]:
        if not line or _DATE_LINE.match(line) or line in seen:
            continue
        seen.add(line)
        body.append(line)
    return "\n\n".join(body)


def frames_from_texts(texts: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """documents/paragraphs/sentences frames with the pipeline's columns, from id -> cleaned text."""
    docs, paras, sents = [], [], []
    for doc_id, text in texts.items():
        docs.append({"doc_id": doc_id, "text": text})
        pos = 0
        for p_i, para in enumerate(text.split("\n\n")):
            pid = f"{doc_id}-p{p_i}"
            heading = _looks_like_heading(para)
            paras.append({"paragraph_id": pid, "doc_id": doc_id, "position": p_i, "kind": "heading" if heading else "body",
                          "text": para, "char_start": pos, "char_end": pos + len(para)})
            s_pos = 0
            for piece in _SENTENCE_END.split(para):
                at = para.find(piece, s_pos)
                sents.append({"doc_id": doc_id, "paragraph_id": pid, "char_start": pos + at, "char_end": pos + at + len(piece), "text": piece})
                s_pos = at + len(piece)
            pos += len(para) + 2
    documents = pl.DataFrame(docs, schema={"doc_id": pl.String, "text": pl.String})
    paragraphs = pl.DataFrame(paras, schema={"paragraph_id": pl.String, "doc_id": pl.String, "position": pl.Int32,
                                             "kind": pl.Enum(["heading", "body"]), "text": pl.String,
                                             "char_start": pl.Int32, "char_end": pl.Int32})
    sentences = pl.DataFrame(sents, schema={"doc_id": pl.String, "paragraph_id": pl.String, "char_start": pl.Int32,
                                            "char_end": pl.Int32, "text": pl.String})
    sentences = sentences.with_columns(
        position=pl.int_range(pl.len()).over("doc_id").cast(pl.Int32),
        sentence_id=pl.format("{}-s{}", "doc_id", pl.int_range(pl.len()).over("doc_id")),
    )
    return documents, paragraphs, sentences


def _looks_like_heading(para: str) -> bool:
    return len(para.split()) <= 8 and not para.rstrip().endswith(".") and not para.startswith(('"', "“"))


def pipeline_frames(texts: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The frames tasks/segment.py produces (what extract_quotes sees in the pipeline); falls back to
    frames_from_texts when segmentation is not available."""
    try:
        from tasks.segment import segment_paragraphs, segment_sentences
    except ImportError:
        return frames_from_texts(texts)
    kinds = [["heading" if _looks_like_heading(p) else "body" for p in t.split("\n\n")] for t in texts.values()]
    documents = pl.DataFrame({"doc_id": list(texts), "text": list(texts.values()), "paragraph_kinds": kinds})
    paragraphs = segment_paragraphs(documents)
    return documents.select("doc_id", "text"), paragraphs, segment_sentences(paragraphs)


def is_heldout(article: str) -> bool:
    """Held-out articles (`ho*`, labels flagged `heldout`) were labelled before the rules they test
    were written and are never used to tune them: their numbers are the honest estimate."""
    return article.startswith("ho")


def load_devset(heldout: bool = False) -> tuple[dict[str, str], list[dict]]:
    texts = {p.stem: clean_body(p.read_text(encoding="utf-8")) for p in sorted((DEVSET / "articles").glob("*.txt"))
             if is_heldout(p.stem) == heldout}
    labels = [json.loads(line) for line in (DEVSET / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts, [g for g in labels if g["article"] in texts]


def _pattern(part: str) -> str:
    words = part.split()
    esc = [re.sub(r"\\?['’]", "['’]", re.escape(w)) for w in words]
    return r"\s+".join(esc)


def locate(gold: str, text: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    parts = [p.strip() for p in gold.split("<...>")]
    found = list(re.finditer(_pattern(parts[0]), text))
    # a short gold text also occurs unquoted: prefer the occurrence right after a quotation mark
    found.sort(key=lambda m: 0 if text[max(0, m.start() - 2):m.start()].strip()[-1:] in {'"', "“"} else 1)
    for m in found:
        start, end = m.start(), m.end()
        if len(parts) > 1:
            tail = re.compile(_pattern(parts[-1])).search(text, end)
            if tail is None:
                continue
            end = tail.end()
        if (start, end) not in taken:
            return start, end
    return None


def _coverage(pred: tuple[int, int], gold: tuple[int, int], text: str) -> float:
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[gold[0]:gold[1]])]
    covered = sum(1 for s, e in words if min(e + gold[0], pred[1]) - max(s + gold[0], pred[0]) >= (e - s) / 2)
    return covered / max(1, len(words))


def _norm(name: str | None) -> list[str]:
    if not name:
        return []
    name = name.lower().replace("’", "'").replace("'s ", " 's ")
    return [w for w in re.split(r"\s+", name.strip(" ,.")) if w]


def same_speaker(pred: str | None, gold: str | None, alts: list[str] | None = None) -> bool:
    """Equal after normalising case and spaces, or the same name with or without a title."""
    for g in [gold, *(alts or [])]:
        p, q = _norm(pred), _norm(g)
        if p == q:
            return True
        if not p or not q:
            continue
        short, long = (p, q) if len(p) < len(q) else (q, p)
        if long[-len(short):] == short and (len(short) >= 2 or all(w in TITLE_WORDS for w in long[:-len(short)])):
            return True
    return False


def score(pred: pl.DataFrame, labels: list[dict], texts: dict[str, str], types: set[str]) -> dict:
    """Precision, recall and speaker accuracy of predicted quotes of `types` against the gold ones."""
    gold_rows, missing = [], []
    taken: dict[str, set] = {}
    for g in labels:
        if g["type"] not in types:
            continue
        span = locate(g["text"], texts[g["article"]], taken.setdefault(g["article"], set()))
        if span is None:
            missing.append(g)
            continue
        taken[g["article"]].add(span)
        gold_rows.append((g, span))
    preds = pred.filter(pl.col("quote_type").cast(pl.String).is_in(list(types))).to_dicts()
    used: set[int] = set()
    matched, correct, misses = 0, 0, []
    for g, span in gold_rows:
        best = None
        for i, p in enumerate(preds):
            if i in used or p["doc_id"] != g["article"]:
                continue
            cov = _coverage((p["char_start"], p["char_end"]), span, texts[g["article"]])
            if cov >= 0.8 and (best is None or cov > best[1]):
                best = (i, cov)
        if best is None:
            misses.append(("missed", g["article"], g["text"][:70]))
            continue
        used.add(best[0])
        matched += 1
        p = preds[best[0]]
        if same_speaker(p["speaker"], g.get("speaker"), g.get("speaker_alt")):
            correct += 1
        else:
            misses.append(("speaker", g["article"], f"{p['speaker']!r} != {g.get('speaker')!r}: {g['text'][:50]}"))
    extra = [("spurious", p["doc_id"], p["text"][:70]) for i, p in enumerate(preds) if i not in used]
    n_gold = len(gold_rows) + len(missing)
    return {
        "n_gold": n_gold, "n_pred": len(preds), "matched": matched,
        "precision": matched / max(1, len(preds)), "recall": matched / max(1, n_gold),
        "speaker_accuracy": correct / max(1, matched), "unlocated_gold": missing, "errors": misses + extra,
    }


def run_devset(extract, heldout: bool = False) -> tuple[dict, dict, pl.DataFrame]:
    texts, labels = load_devset(heldout)
    documents, paragraphs, sentences = pipeline_frames(texts)
    pred = extract(documents, paragraphs, sentences)
    return score(pred, labels, texts, {"direct", "partial"}), score(pred, labels, texts, {"indirect"}), pred
