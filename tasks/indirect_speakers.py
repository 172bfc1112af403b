"""The speaker mention of each indirect hit: the subject before its reporting verb as the sentence gives it, or
without what is not the speaker (an opener, a pronoun's auxiliary, a trailing time, a Reuters ticker), or, for
subjects with commas, relative clauses or adverbials, the rule-based noun-phrase finder of `tasks/attribution.py`;
and the hits whose mention is its own speaker, settled here in polars (`resolve_plain`) so that only the others
(pronouns, roles, statements, lone surnames) reach the per-document `SpeakerResolver` of `tasks/speakers.py`."""

from __future__ import annotations

import re

import polars as pl

from tasks.ascii_patterns import Rx, is_ascii, patterns_for
from tasks.attribution import subject_mention
from tasks.noun_phrases import TICKER, Mention
from tasks.reporting_verbs import DISCOURSE_LEADS, PREPOSITION_LEAD, PRONOUNS, TIME_LEAD_NEXT, TIME_LEADS
from tasks.speaker_kinds import TITLE_WORDS, speaker_kind
from tasks.person_names import PARTICLE
from tasks.speakers import ROLE

# Subjects that are their own speaker mention: a name, a pronoun, "The company", "Bank officials".
_PLAIN_SUBJECT = r"^(?:(?:The|A|An)\s+)?(?:[A-Z][\w&'’.-]*\s+){0,4}(?:[A-Z][\w&'’.-]*|[a-z][a-z-]{2,})$"
_NOISY_TAIL = r"(?:ly|ed|also|has|have|had|then|later|would|will|could|was|is|not|never|yesterday|today|tonight|further|again|once)$"
# Mentions the fast path would keep verbatim though they hold more than the speaker (round 8): a sentence opener
# ("So I", "However Bonham", "But they"), what a bracket or ticker leaves ("<WPP Group Plc>", ") Well it"), a
# pronoun's auxiliary ("I would", "I've"), a trailing time ("police on Thursday", "Gazeta Wyborcza in March").
_ODD_LEAD = r"^(?:[)\]:;,(<\s]+|(?i:" + "|".join(sorted(DISCOURSE_LEADS)) + r"),?\s+)+"
# a time adverbial before a name, pronoun or determiner ("Earlier Reuters", "Until now Mannesmann"): what follows is
# kept by the replacement, as polars has no look-ahead
# (each lead's first letter in either case: a case-insensitive alternation compiles to a larger automaton)
_TIME_LEAD = (r"^(?:" + "|".join(f"[{t[0].upper()}{t[0]}]{t[1:]}" for t in TIME_LEADS).replace(" ", r"\s+")
              + r"),?\s+(" + TIME_LEAD_NEXT + ")")
_ODD_TAIL = (
    r"(?:(?:^|\s)(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?:['’](?:ve|m|d|ll|re)|\s+(?:would|could|did|do|does|will|can|"
    r"may|might|must|should|was|were|am|is|are))"
    r"|\s+(?:in|on|since|last|this|early|late|earlier)\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year))$"
)
_AUX_TAIL = r"(?:['’](?:ve|m|d|ll|re)|\s+[a-z]+)$"
_TICKER = r"(\S)" + TICKER  # the character before it is kept: polars has no look-behind
_PRONOUN_LEAD = re.compile(r"^(He|She|They|It|We|I)\s+[a-z]")


def hit_speakers(hits: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """`hits` (one row per reported clause, with its subject `sp` at `sp_at` in the sentence) with the speaker
    mention `sp` and its offsets `sp_start`/`sp_end` in the document; the rule `main` subjects that are not a plain
    name go through Python."""
    plain = ((pl.col("rule") != "main") | (
        pl.col("sp").str.contains(rx(_PLAIN_SUBJECT)) & ~pl.col("sp").str.contains(rx(_NOISY_TAIL)) & ~pl.col("participle")
    ))
    hits = hits.with_columns(plain=plain)
    fast = hits.filter("plain")
    odd = (pl.col("sp").str.contains(rx(_ODD_LEAD)) | pl.col("sp").str.contains(rx(_TIME_LEAD))
           | pl.col("sp").str.contains(rx(PREPOSITION_LEAD))
           | pl.col("sp").str.contains(rx(_ODD_TAIL)) | pl.col("sp").str.contains("[<>]"))
    fast = pl.concat([fast.filter(~odd), _clean_odd(fast.filter(odd), rx)])
    fast = fast.with_columns(sp_start=pl.col("char_start") + pl.col("sp_at"))
    fast = fast.with_columns(sp_end=pl.col("sp_start") + pl.col("sp").str.len_chars())
    slow = _python_mentions(hits.filter(~pl.col("plain")))
    return pl.concat([fast.select(slow.columns), slow]) if slow.height else fast.select(slow.columns)


def _clean_odd(rows: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """The odd mentions without their opener (`sp_at` moves past it) and trailing words: a pronoun keeps only itself."""
    sp = pl.col("sp")
    # brackets inside the mention ("Krupp GmbH <KRPG.D> steel group"): the cleaned mention is no slice of the text
    inside = sp.str.slice(1).str.contains("[<>]") & ~sp.str.contains(r"(?:" + _TICKER + r"|[^<>]*>)$")
    rows = rows.with_columns(sp_at=pl.when(inside).then(None).otherwise(pl.col("sp_at")),
                             sp=sp.str.replace_all(_TICKER, "${1}").str.replace_all("[<>]", ""))
    rows = rows.with_columns(_lead=sp.str.replace(rx(_ODD_LEAD), "").str.replace(rx(_TIME_LEAD), "${1}")
                             .str.replace(rx(PREPOSITION_LEAD), "${1}${2}${3}"))
    rows = rows.with_columns(sp_at=pl.col("sp_at") + sp.str.len_chars() - pl.col("_lead").str.len_chars(), sp=pl.col("_lead"))
    tail = sp.str.replace(rx(_ODD_TAIL), "")
    # "I would" -> "I": the tail pattern removes the pronoun too, so a pronoun is put back
    # ("the more I would" -> "I": a pronoun's offsets are never output, the resolver replaces it)
    pronoun = sp.str.extract(rx(r"(?:^|\s)(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)" + _AUX_TAIL), 1)
    return rows.with_columns(sp=pl.coalesce(pronoun, tail).str.strip_chars_end(" ,")).drop("_lead").filter(pl.col("sp") != "")


def _python_mentions(hits: pl.DataFrame) -> pl.DataFrame:
    """Subjects with commas, relative clauses or adverbials: the rule-based noun-phrase finder."""
    sp, starts, ends = [], [], []
    for base, s, participle in zip(*(hits[c].to_list() for c in ("char_start", "sp", "participle"))):
        m = subject_mention(s, base, participle=participle)
        ok = m is not None and bool(m.text)
        lead = _PRONOUN_LEAD.match(m.text) if ok else None
        if lead:  # "He sought the order, arguing that ...": a pronoun is the whole subject, never a clause
            m = Mention(lead.group(1), m.start, None if m.start is None else m.start + lead.end(1))
        sp.append(m.text if ok else None)
        starts.append(m.start if ok else None)
        ends.append(m.end if ok else None)
    cols = ["doc_id", "char_start", "cl_at", "cl_trim", "cue", "sp", "sp_start", "sp_end"]
    return hits.with_columns(
        sp=pl.Series(sp, dtype=pl.String), sp_start=pl.Series(starts, dtype=pl.Int64), sp_end=pl.Series(ends, dtype=pl.Int64)
    ).select(cols)


_TITLE_LEAD = r"^(?i:(?:" + "|".join(sorted((re.escape(t) for t in TITLE_WORDS), key=len, reverse=True)) + r"),?\s+)+"
_NEEDS_RESOLVER = (
    r"(?i)^(?:" + "|".join(PRONOUNS) + r")$|\b(?:statement|proclamation)\b|" + ROLE.pattern.removeprefix("^")
    .replace("(?P<role>", "(?:").join(("^(?:", ")"))
)


def resolve_plain(hits: pl.DataFrame) -> pl.DataFrame:
    """`speaker_kind` for hits whose mention is its own speaker, null where SpeakerResolver must look
    at the document. A mention of two or more words after its titles (`Chase Manhattan president Tom
    Smith`, `Bank officials`) is never rewritten by `resolve`: only pronouns, statements, roles
    (`the company`) and lone surnames are. Most Reuters hits are plain, so this spares a Python call each."""
    # ASCII mentions (all of Reuters) take the ASCII forms of the patterns: the same matches,
    # automata that compile faster (polars compiles them again in every shard)
    rx = patterns_for(is_ascii(hits["sp"]))
    # columns, not expressions: eager polars would evaluate a reused expression (and its regexes) each time
    hits = hits.with_columns(_bare=pl.col("sp").str.replace(rx(_TITLE_LEAD), ""))
    bare = pl.col("_bare")
    hits = hits.with_columns(
        _plain=bare.str.contains(r"\s") & ~pl.col("sp").str.contains(rx(_NEEDS_RESOLVER))
        & ~bare.str.contains(rx(rf"^{PARTICLE}\s+\S+$"))
    ).drop("_bare")
    names = hits.filter("_plain")["sp"].unique()
    kinds = pl.DataFrame({"sp": names, "speaker_kind": [speaker_kind(n) for n in names]})
    return hits.join(kinds, on="sp", how="left").with_columns(
        speaker_kind=pl.when("_plain").then(pl.col("speaker_kind"))
    ).drop("_plain")
