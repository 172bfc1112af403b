"""Indirect quotes: reported speech without marks, one per sentence, introduced by a reporting verb
from tasks.reporting_verbs or by "according to".

The split into speaker and reported clause runs as polars regexes over the whole sentences column
(Reuters has a "said" in most sentences, so a per-sentence Python pass was the slowest part of the
extractor). Python only sees subjects that are not a plain name or "the company"-style phrase.
A clause that holds quoted words is left to the direct/partial extractor (spans never overlap).
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from tasks.ascii_patterns import Rx, ascii_form, is_ascii, patterns_for
from tasks.added_clauses import split_added_clauses
from tasks.clause_openers import (
    ADJUNCT_VERB,
    AFTER_TELL,
    AFTER_TELL_LOWER,
    AFTER_TELL_THAT,
    AFTER_VERB,
    AFTER_VERB_LOWER,
    AFTER_VERB_THAT,
)
from tasks.indirect_speakers import hit_speakers
from tasks.parenthetical_attributions import (
    ACCORDING_HEAD,
    ACCORDING_MID,
    ACCORDING_TAIL,
    CONJUNCTION,
    CONTINUES_SUBJECT,
    IN_RELATIVE,
    NAME_ONLY,
    OPENS_CLAUSE,
    PAREN_SV,
    PAREN_TAIL,
    PAREN_VS,
    ROLE,
)
from tasks.quoted_clauses import ATTRIBUTES_QUOTE, MARK, MARK_START, without_quoted_words
from tasks.reported_clauses import (
    ASIDE,
    BY_SAYING,
    CLAUSE_CUT,
    ED_OBJECT_NEXT,
    FINITE_NEAR,
    FINITE_STRICT,
    FINITE_WORD_ONLY,
    GERUND_ADJUNCT,
    IS_FINITE,
    IS_IRREGULAR_FINITE,
    LOWER_CUT,
    NOT_CLAUSE_OPENERS,
    NUMBER_ADJECTIVE,
    ONLY_BEFORE_CLAUSE,
    RELATIVE_BEFORE_VERB,
    RELATIVE_SUBJECT,
    TWO_PREPOSITIONS,
    VERBISH,
)
from tasks.reporting_verbs import BARE_SOURCE, CLAUSE_FORMS, LEMMA, SAY_WORDS, SPEAKERISH
from tasks.tail_attributions import tail_attributions

# ASCII word boundaries keep these on polars' fast regex engine (Unicode ones fall back to a slow one).
FIRST_VERB = rf"(?-u:\b)(?:{CLAUSE_FORMS})(?-u:\b)"
VERB_AT_START = rf"^(?:{CLAUSE_FORMS})"
PAREN_HINT = rf",[^,]*(?-u:\b)(?:{CLAUSE_FORMS})(?-u:\b)[^,]*,\s"
# A verb form right after a determiner, preposition or possessive is a noun or an adjective ("The states that held
# elections", "Amongst reported incidents", "Lawson's comments followed"), not the sentence's verb; and speech that is
# negated or withheld ("did not say", "Just don't tell anyone", "declined to say") reports nothing; "value-added" is
# one word.
_DETERMINER_END = (r"(?:^|\s)(?:the|The|a|A|an|An|his|His|her|Her|their|Their|its|Its|our|Our|my|My|your|Your|these|These|"
                   r"those|Those)\s*$"
                   r"|(?:^|\s)(?:not|never|[a-z]+n['’]t|declined to|refused to)\s*$|\w-$")
# after a preposition only a past participle is an adjective ("by saying", "to say" report speech)
_PREPOSITION_END = r"(?:^|\s)(?:of|in|on|for|with|from|about|at|among|amongst|Among|Amongst|In|Of|On|For|With|From)\s*$"
# after a possessive only the forms that are also nouns ("Lawson's comments followed"; "Moody's said" is a name)
_POSSESSIVE_END = r"\w['’]s\s*$"
_NOUN_FORMS = ["claims", "notes", "comments", "remarks", "states", "tweets", "replies", "stresses", "warning"]
# "issued a statement saying ...", "filed a motion claiming ...": a participle right after the document its subject
# issued reports that subject's words (without the document a participle needs the comma of ", saying")
_DOCUMENT_END = (r"(?-u:\b)(?:statement|release|letter|motion|complaint|tweet|post|filing|lawsuit|suit|petition|"
                 r"message|memo|video|notice|communique|communiqué)\s*$")
_SAY_TELL = ["said", "says", "say", "saying", "told", "tells", "tell", "telling"]
# "X, in a statement, said the kwacha would float": after an inverted "said" a clause, not a speaker
_CLAUSE_WORDS = r"(?-u:\b)(?:would|will|could|should|may|might|must|can|is|are|was|were|has|have|had)(?-u:\b)"
# "..., but analysts maintained times are different": a bare source after a conjunction opens a clause of its own
_CONJUNCTION_START = r"^(?:but|and|or|while|although|though|whereas|yet|so|as|because|when|if|since|after|before)\s"
_SPEAKER_OK = r"^(?:[A-Z]|(?:he|she|they|it|the|a|an)\b)"
# \b(?:...)\b spelled with \W: the same test for words that start and end with a letter, without the
# word-boundary assertions that push polars' regex off its fast engine (0.07 -> 0.04 s on 136k sentences).
_SELECT = rf"(?:^|\W)(?:{CLAUSE_FORMS}|[Aa]ccording to)(?:\W|$)"
_SELECT_ACCORDING = r"(?:^|\W)[Aa]ccording to(?:\W|$)"  # the rest of `_SELECT` is `FIRST_VERB` on ASCII text
_PICKED = {"cl_at": pl.Int64, "cl": pl.String, "cue": pl.String, "sp": pl.String, "sp_at": pl.Int64}
_LEMMA = pl.DataFrame({"v": list(LEMMA), "cue": list(LEMMA.values())})

HIT_SCHEMA = {"doc_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String, "cue": pl.String,
              "sp": pl.String, "sp_start": pl.Int64, "sp_end": pl.Int64}


def indirect_candidates(sentences: pl.DataFrame) -> pl.DataFrame:
    """doc_id, char_start, text of the sentences that may report speech without quotation marks."""
    return _candidates(sentences)[0].select("doc_id", "char_start", "text")


def _candidates(sentences: pl.DataFrame) -> tuple[pl.DataFrame, bool]:
    """The candidates with `_at`, their first reporting verb's offset, and whether it was found (all-ASCII text)."""
    if sentences.is_empty():
        return pl.DataFrame(schema={"doc_id": pl.String, "char_start": pl.Int64, "text": pl.String, "_at": pl.UInt32}), False
    text = pl.col("text")
    if is_ascii(sentences["text"]):
        # `_SELECT` is "a reporting verb or `according to`": the first verb is searched for once, over all
        # sentences, and selects them as well (its offset is a character offset on ASCII text). Sentences with
        # quotation marks stay (round 12): their clause is cut before the quoted words or dropped (`_QUOTE_CUT`).
        found = sentences.with_columns(_at=text.str.find(ascii_form(FIRST_VERB)))
        chosen = found.filter(pl.col("_at").is_not_null() | text.str.contains(ascii_form(_SELECT_ACCORDING)))
        found_at = True
    else:
        chosen = sentences.filter(text.str.contains(_SELECT))
        chosen, found_at = chosen.with_columns(_at=pl.lit(None, dtype=pl.UInt32)), False
    out = chosen.sort("doc_id", "char_start").select("doc_id", pl.col("char_start").cast(pl.Int64), "text", "_at")
    return out, found_at


# `extract_groups` compiles its pattern when the expression is built (to name the struct's fields),
# and polars' small regex cache does not keep it from one shard to the next: these expressions are
# built once per process (the quotes stage of every shard compiled ten patterns again, ~96 M
# instructions, a third of its fixed cost).
@lru_cache(maxsize=None)
def _groups(pattern: str, names: tuple[str, ...], prefix: str) -> tuple[pl.Expr, ...]:
    g = pl.col("text").str.extract_groups(pattern)
    return tuple(g.struct.field(n).alias(f"{prefix}_{n}") for n in names)


def _only(rows: pl.Expr, text: pl.Expr) -> pl.Expr:
    """`text` where `rows` holds, "" elsewhere: `pl.when(rows).then(text)` keeps the other strings under its
    nulls, and `str.contains`, `str.replace(_all)` and `str.slice` still run over them (not `extract(_groups)`)."""
    return pl.when(rows).then(text).otherwise(pl.lit(""))


# the reporting verb takes an object before its clause ("told reporters ..."): AFTER_TELL, not AFTER_VERB
_TOLD = pl.col("main_v").is_in(["told", "tells", "telling"])


@lru_cache(maxsize=None)
def _after_verb_groups(ascii_text: bool) -> tuple[pl.Expr, pl.Expr]:
    rx = patterns_for(ascii_text)
    told, rest = _TOLD, pl.col("main_rest")
    return (pl.when(told).then(rest).str.extract_groups(rx(AFTER_TELL)),
            pl.when(told).then(None).otherwise(rest).str.extract_groups(rx(AFTER_VERB)))


@lru_cache(maxsize=None)
def _after_lower_groups(ascii_text: bool) -> tuple[pl.Expr, pl.Expr]:
    rx = patterns_for(ascii_text)
    told, rest = _TOLD, pl.col("main_rest")
    # only over the rows where the clause patterns found no opener
    none = pl.col("_after").struct.field("pre").is_null()
    return (pl.when(told & none).then(rest).str.extract_groups(rx(AFTER_TELL_LOWER)),
            pl.when(~told & none).then(rest).str.extract_groups(rx(AFTER_VERB_LOWER)))


def _first_verb_split(cand: pl.DataFrame, found_at: bool) -> pl.DataFrame:
    """`cand` with main_subj, the text before its first reporting verb (all without one), and after, the rest."""
    text = pl.col("text")
    if found_at and not cand["text"].str.contains("\x1f", literal=True).any():
        # two slices at the verb's offset, where the replace-and-split below had the regex engine report captures
        return cand.with_columns(main_subj=pl.coalesce(text.str.head("_at"), text), after=text.str.slice("_at"))
    # the split struct becomes a column first: read twice as an expression, its regex ran once per field
    ascii_text = is_ascii(cand["text"])
    cand = cand.with_columns(_split=text.str.replace(patterns_for(ascii_text)(FIRST_VERB), "\x1f$0", n=1).str.split_exact("\x1f", 1))
    return cand.with_columns(main_subj=pl.col("_split").struct.field("field_0"), after=pl.col("_split").struct.field("field_1")).drop("_split")


def _adjunct_that(cand: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """`_after` from AFTER_TELL_THAT / AFTER_VERB_THAT where the clause patterns opened inside an adjunct before "that"."""
    rest, after = pl.col("main_rest"), pl.col("_after")
    maybe = after.struct.field("pre").is_not_null() & after.struct.field("that").is_null() & rest.str.contains(" that", literal=True)
    if not cand.select(maybe.any()).item():
        return cand
    rows = cand.with_row_index("_i").filter(maybe)
    rows = rows.with_columns(_adj=pl.when(_TOLD).then(rest.str.extract_groups(rx(AFTER_TELL_THAT)))
                             .otherwise(rest.str.extract_groups(rx(AFTER_VERB_THAT))))
    pre = pl.col("_adj").struct.field("pre")
    rows = rows.filter(pre.is_not_null() & ~pre.str.contains(rx(ADJUNCT_VERB))).select("_i", "_adj")
    if rows.is_empty():
        return cand
    cand = cand.with_row_index("_i").join(rows, on="_i", how="left")
    return cand.with_columns(_after=pl.when(pl.col("_adj").is_not_null()).then(pl.col("_adj")).otherwise(after)).drop("_i", "_adj")


def _rule(prefix: str, cue: pl.Expr, rx: Rx,
          speaker_ok: pl.Expr | None = None) -> tuple[pl.Expr, dict[str, pl.Expr]]:
    """The matched flag and hit columns of one pattern whose speaker is captured in the sentence."""
    cl, pre, sp = pl.col(f"{prefix}_cl"), pl.col(f"{prefix}_pre"), pl.col(f"{prefix}_sp")
    matched = cl.is_not_null() if speaker_ok is None else cl.is_not_null() & speaker_ok
    leading = cl.str.len_chars() if prefix.startswith("tail") or prefix == "acc_tail" else 0
    sp_at = (leading + pre.str.len_chars()) if prefix != "acc_head" else pre.str.len_chars()
    cl_at = 0 if prefix != "acc_head" else pl.col("text").str.len_chars() - cl.str.len_chars()
    if prefix.startswith("mid"):  # the clause follows the parenthetical, precedes it, or is the whole sentence
        whole = cl.str.contains(rx(CONTINUES_SUBJECT)) & ~cl.str.contains(rx(OPENS_CLAUSE))
        head = pl.col("text").str.slice(0, pre.str.replace(rx(PAREN_TAIL), "").str.len_chars())
        # "..., said Harlan Ullman, an ex-career naval officer.": an appositive of the speaker, no clause, follows (round 12)
        before = cl.str.contains(rx(CONJUNCTION))
        if prefix == "mid_acc":  # "..., according to Gibson Gayle, a Texaco attorney ...": an appositive, no clause
            matched = matched & ~(cl.str.contains(rx(r"^(?:a|an)\s+[a-z]")) & ~cl.str.contains(rx(FINITE_NEAR)))
        if prefix != "mid_acc":  # ("according to X, 54 small children": the noun phrase is the attributed words)
            # (no verb after the speaker, a clause before it: "In an official statement, the commission said, ..." has none)
            before = before | (~whole & ~cl.str.contains(rx(FINITE_NEAR)) & ~cl.str.contains(MARK_START)
                               & head.str.contains(rx(VERBISH)))
        named = (before & sp.str.contains(rx(ROLE)) & cl.str.contains(rx(NAME_ONLY))) if prefix == "mid_vs" else pl.lit(False)
        sp_at = pl.when(named).then(pl.col("text").str.len_chars() - cl.str.len_chars()).otherwise(sp_at)
        sp = pl.when(named).then(cl.str.strip_chars_end(" .")).otherwise(sp)
        cl_at = pl.when(whole | before).then(0).otherwise(pl.col("text").str.len_chars() - cl.str.len_chars())
        cl = pl.when(whole).then(pl.col("text")).when(before).then(head).otherwise(cl)
    sp_clean = sp.str.strip_chars(" ,")
    return matched, {"cl_at": pl.lit(0) + cl_at, "cl": cl, "cue": cue, "sp": sp_clean,
                     "sp_at": sp_at + sp.str.len_chars() - sp.str.strip_chars_start(" ,").str.len_chars()}


def indirect_hits(sentences: pl.DataFrame) -> pl.DataFrame:
    """One row per indirect quote: doc_id, clause offsets/text, cue lemma and the raw speaker mention
    (sp, sp_start, sp_end), still to be resolved against the document."""
    with_at, found_at = _candidates(sentences)
    if with_at.is_empty():
        return pl.DataFrame(schema=HIT_SCHEMA)
    cand = with_at.drop("_at")
    # ASCII sentences (all of Reuters) take the ASCII forms of the patterns: the same matches
    # there, and automata that compile several times faster (polars compiles them again in every
    # shard).
    ascii_text = is_ascii(cand["text"])
    rx = patterns_for(ascii_text)
    lemma = dict(LEMMA)
    cue_of = lambda c: pl.col(c).replace_strict(lemma, default=None)  # noqa: E731
    acc = pl.col("text").str.contains("ccording to")
    # the costly patterns run only on the rows that can match them
    acc_rows = cand.filter(acc).with_columns(*_groups(rx(ACCORDING_HEAD), ("pre", "sp", "cl"), "acc_head"),
                                             *_groups(rx(ACCORDING_TAIL), ("cl", "pre", "sp"), "acc_tail"),
                                             *_groups(rx(ACCORDING_MID), ("pre", "sp", "cl"), "mid_acc"))
    paren_rows = cand.filter(pl.col("text").str.contains(rx(PAREN_HINT))).with_columns(
        *_groups(rx(PAREN_SV), ("pre", "sp", "v", "cl"), "mid_sv"), *_groups(rx(PAREN_VS), ("pre", "v", "sp", "cl"), "mid_vs"))
    tail_rows = tail_attributions(cand, ascii_text)
    cand = _first_verb_split(with_at, found_at).drop("_at")
    cand = cand.with_columns(main_v=pl.col("after").str.extract(rx(VERB_AT_START), 0))
    # "responded by saying B", "saying only that B": the words go with the verb (the clause's offsets count from the end)
    rest_of_after = pl.col("after").str.slice(pl.col("main_v").str.len_chars()).str.replace(rx(BY_SAYING), "${1}")
    cand = cand.with_columns(main_rest=rest_of_after.str.replace(rx(ONLY_BEFORE_CLAUSE), "${1}"))
    key = ["doc_id", "char_start"]
    cand = cand.join(acc_rows.drop("text"), on=key, how="left").join(tail_rows.drop("text"), on=key, how="left")
    cand = cand.join(paren_rows.drop("text"), on=key, how="left")
    rest = pl.col("main_rest")
    told = _TOLD
    # Each pattern only over its own rows (when/then runs both branches on every row), and the struct becomes a column
    # before its fields are read (each field lookup of an expression re-ran the regexes).
    tell_groups, verb_groups = _after_verb_groups(ascii_text)
    cand = cand.with_columns(_tell=tell_groups, _verb=verb_groups)
    cand = cand.with_columns(_after=pl.when(told).then(pl.col("_tell")).otherwise(pl.col("_verb")))
    cand = _adjunct_that(cand, rx)
    tell_lower, verb_lower = _after_lower_groups(ascii_text)
    cand = cand.with_columns(_tl=tell_lower, _vl=verb_lower)
    cand = cand.with_columns(_lower=pl.when(told).then(pl.col("_tl")).otherwise(pl.col("_vl"))).drop("_tl", "_vl")
    tail, low = pl.col("_after"), pl.col("_lower")
    subj = pl.col("main_subj").str.strip_chars_end(" ,")
    participle = pl.col("main_v").str.ends_with("ing")
    has_after = tail.struct.field("pre").is_not_null()
    word = low.struct.field("w")
    # a clause that would open with its own finite verb has no subject ("which Politico reported left experts ..."),
    # unless the verb-like word is an -ed adjective before a noun ("said unspecified forces were ...", ED_OBJECT_NEXT)
    cand = cand.with_columns(_verb_like=word.str.contains(rx(IS_FINITE)))
    verb_like = pl.col("_verb_like")
    ed_rows = ~has_after & verb_like.fill_null(False) & ~word.str.contains(rx(IS_IRREGULAR_FINITE))
    after_word = _only(ed_rows, rest).str.slice(low.struct.field("pre").str.len_chars() + word.str.len_chars())
    cand = cand.with_columns(_ed_open=ed_rows & ~after_word.str.contains(rx(ED_OBJECT_NEXT))
                             & ~_only(ed_rows, pl.col("main_subj")).str.contains(rx(RELATIVE_SUBJECT)))
    ed_open = pl.col("_ed_open")
    use_lower = (~has_after & word.is_not_null() & ~word.is_in(NOT_CLAUSE_OPENERS) & ~word.str.ends_with("ly")
                 & (~verb_like | ed_open))
    lead = pl.when(has_after).then(tail.struct.field("pre").str.len_chars() + tail.struct.field("that").str.len_chars().fill_null(0)
                                   ).otherwise(low.struct.field("pre").str.len_chars())
    # a column first: read four times below, the expression would run four times
    cand, use_lower = cand.with_columns(_use_lower=use_lower), pl.col("_use_lower")
    cand = cand.with_columns(main_cl=pl.when(has_after | use_lower).then(rest.str.slice(lead)),
                             _needs_finite=use_lower | (has_after & tail.struct.field("that").is_null() & (
                                 ~pl.col("main_v").is_in(_SAY_TELL) | tail.struct.field("pre").str.contains(rx(TWO_PREPOSITIONS)))))
    # the finite-verb test only over the clauses that need it (a tenth of the candidates)
    # (a column first: used in both branches below, the expression would run twice)
    needs = pl.col("_needs_finite")
    cand = cand.with_columns(_head=pl.when(needs).then(
        _only(needs, pl.col("main_cl")).str.replace_all(rx(ASIDE), "").str.replace(rx(CLAUSE_CUT), "")
        .str.replace(rx(NUMBER_ADJECTIVE), "")))
    head = pl.col("_head")
    # an -ed opener is no verb of its clause: the finite verb comes after it
    strict_head = pl.when(ed_open).then(head.str.replace(r"^\S+\s+", "")).otherwise(head)
    strict_test = pl.when(ed_open & ~pl.col("main_v").is_in(_SAY_TELL)).then(
        _only(use_lower, strict_head).str.replace(rx(LOWER_CUT), "").str.contains(rx(FINITE_WORD_ONLY)))
    strict = strict_test.otherwise(_only(use_lower, strict_head).str.replace(rx(LOWER_CUT), "").str.contains(rx(FINITE_STRICT)))
    near = _only(needs & ~use_lower, head).str.contains(rx(FINITE_NEAR))
    finite = pl.when(use_lower).then(strict).when(needs).then(near)
    cand = cand.with_columns(_finite_ok=~needs | finite.fill_null(False))
    # the subject tests only over the two thirds of the candidates with a clause (the rest fail anyway)
    cand, ms = cand.with_columns(_ms=_only(pl.col("main_cl").is_not_null(), pl.col("main_subj"))), pl.col("_ms")
    main_ok = (
        pl.col("main_cl").is_not_null() & (pl.col("main_subj").str.len_chars() <= 200) & (subj.str.strip_chars() != "")
        & pl.col("_finite_ok") & ~ms.str.contains(rx(_DETERMINER_END))
        # '"...," said X' / '"...," the official said in ...': the verb attributes the quote before it (what follows is
        # its speaker or an adjunct, not a clause)
        & ~_only(ms.str.contains(MARK), ms).str.contains(rx(ATTRIBUTES_QUOTE))
        # "told Reuters in commenting on the report made public": the words after a gerund adjunct are its object
        & ~(tail.struct.field("pre").str.contains(rx(GERUND_ADJUNCT)) & tail.struct.field("that").is_null()).fill_null(False)
        # "As revealed at trial, the ...": a participle of "as", with no speaker
        & ~ms.str.contains(r"^\s*[Aa]s(?:\s+[a-z]+ly)?\s*$")
        # after an adjunct or a day set off by a comma a number opens a list of counts ("reported on Tuesday, 21 confirmed
        # cases"), a capitalised word a place or a date ("said in Washington, D.C., ...")
        & ~(tail.struct.field("pre").str.contains(",", literal=True).fill_null(False) & pl.col("main_cl").str.contains(r"^[0-9A-Z]"))
        & ~(pl.col("main_v").is_in(_NOUN_FORMS) & ms.str.contains(rx(_POSSESSIVE_END)))
        & ~(pl.col("main_v").str.ends_with("ed") & ms.str.contains(rx(_PREPOSITION_END)))
        & pl.when(participle).then(pl.col("main_subj").str.strip_chars_end().str.ends_with(",")
                                   # "defended it by saying B" (not "by announcing": it takes objects, "a cut in rates")
                                   | ((pl.col("main_v") == "saying") & pl.col("main_subj").str.strip_chars_end().str.ends_with(" by"))
                                   | _only(participle, pl.col("main_subj")).str.contains(rx(_DOCUMENT_END)))
        .otherwise(~ms.str.contains(rx(r"\b(?:if|whether|when|because|after|before)\s*$")))
    )
    rules = [
        _rule("acc_head", pl.lit("according to"), rx),
        _rule("acc_tail", pl.lit("according to"), rx),
        _rule("tail_vs", cue_of("tail_vs_v"), rx, pl.col("tail_vs_sp").str.contains(rx(_SPEAKER_OK)) & ~pl.col("tail_vs_sp").str.contains(rx(_CLAUSE_WORDS))
              & (pl.col("tail_vs_v").is_in(SAY_WORDS) | pl.col("tail_vs_sp").str.contains(rx(SPEAKERISH)))),
        _rule("tail_sv", cue_of("tail_sv_v"), rx, pl.col("tail_sv_sp").str.contains(rx(_SPEAKER_OK))
              | (pl.col("tail_sv_sp").str.contains(rx(BARE_SOURCE)) & ~pl.col("tail_sv_sp").str.contains(rx(_CONJUNCTION_START)))),
        _rule("mid_acc", pl.lit("according to"), rx),
        *(_rule(p, cue_of(f"{p}_v"), rx, (pl.col(f"{p}_sp").str.contains(rx(_SPEAKER_OK))
                                          | (pl.col(f"{p}_sp").str.contains(rx(BARE_SOURCE)) & ~pl.col(f"{p}_sp").str.contains(rx(_CONJUNCTION_START))))
                & ~pl.col(f"{p}_sp").str.contains(rx(_CLAUSE_WORDS))
                & (pl.lit(p == "mid_sv") | pl.col(f"{p}_v").is_in([*SAY_WORDS, "reads", "noted"]) | pl.col(f"{p}_sp").str.contains(rx(SPEAKERISH)))
                & ~pl.col(f"{p}_pre").str.contains(rx(IN_RELATIVE)) & (pl.lit(p == "mid_sv") | ~pl.col(f"{p}_pre").str.contains(rx(RELATIVE_BEFORE_VERB))))
          for p in ("mid_sv", "mid_vs")),
    ]
    main = {"cl_at": pl.col("text").str.len_chars() - pl.col("main_cl").str.len_chars(), "cl": pl.col("main_cl"),
            "cue": cue_of("main_v"), "sp": subj, "sp_at": subj.str.len_chars() - subj.str.strip_chars_start().str.len_chars()}
    # "according to" decides the sentence even when its clause is too short; then the tail patterns; then the main one.
    # The conditions become columns first: inside when/then chains polars evaluates them once per output column.
    # The parentheticals come after the main rule: a sentence's own subject and verb win ("X said the plan, Y added, ...");
    # An inverted verb right after a comma ("..., reads the motion, the ...") is not the main clause's verb.
    conds = [acc & rules[0][0], acc & rules[1][0], rules[2][0], rules[3][0], rules[6][0], main_ok, acc & rules[4][0], rules[5][0]]
    cand = cand.with_columns(*(c.alias(f"_ok{i}") for i, c in enumerate(conds)))
    values = [rules[0][1], rules[1][1], rules[2][1], rules[3][1], rules[6][1], main, rules[4][1], rules[5][1]]
    names = ["acc", "acc", "tail", "tail", "tail", "main", "acc", "tail"]
    # The first rule that holds picks the values. Each rule's values are computed over its own rows only: a
    # when/then chain computed every rule's values over every row (its mid-sentence rules run regexes).
    first = pl.lit(None, dtype=pl.Int8)
    for i in reversed(range(len(conds))):
        first = pl.when(pl.col(f"_ok{i}")).then(pl.lit(i, dtype=pl.Int8)).otherwise(first)
    cand = cand.with_columns(_rule=first)
    # lazy, so that each filter gathers only the columns its rule reads (eager, it copied all 45 of them)
    hits = (
        split_added_clauses(pl.concat([
            cand.lazy().filter(pl.col("_rule") == i)
            .select("doc_id", "char_start", "text", rule=pl.lit(name), participle=participle, **cols).cast(_PICKED).collect()
            for i, (name, cols) in enumerate(zip(names, values))
        ]), rx)
        .pipe(without_quoted_words, rx)
        .with_columns(cl_trim=pl.col("cl").str.strip_chars_end(" .,;:"))
        .filter(pl.col("cl_trim").str.len_chars() >= 12)
    )
    out = hit_speakers(hits, rx)
    return (
        out.filter(pl.col("sp").is_not_null() & (pl.col("sp") != ""))
        .select(
            "doc_id", (pl.col("char_start") + pl.col("cl_at")).alias("char_start"),
            (pl.col("char_start") + pl.col("cl_at") + pl.col("cl_trim").str.len_chars()).alias("char_end"),
            pl.col("cl_trim").alias("text"), "cue", "sp", "sp_start", "sp_end",
        )
        .sort("doc_id", "char_start")
        .cast(HIT_SCHEMA)
    )
