"""The counted object of a numeric claim: the noun phrase right after the number ("five U.S.
personnel" -> "U.S. personnel"), or after "of the" ("four of the deceased" -> "deceased")."""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import Rx
from tasks.claim_candidates import on_rows
from tasks.numbers import B

# Words that end the counted object ("165 attacks on US troops" -> "attacks").
OBJECT_STOP = set("""a an the of on in at to for from by with and or but nor as than that which
who whom whose this these those its their his her our my your it they he she we i you is are was
were be been being am has have had having do does did will would could should can may might must
shall not no yes so if then there here when while where after before since until during over
under about around into onto upon across through per more less most least each every all both
some any such another only just also even still very too later earlier ago more last next
said says say told according including included plus minus against between among within without
like what how why off out up down further yet rather whether either neither saw drove went
came made took gave got left fled fought held led won ran fell rose became began built bought sold
paid sent spent told thought brought found kept met stood struck hit shot set put remain remains
live lives work works die dies take takes make makes face faces need needs get gets come comes go
goes went say see sees seen worldwide nationwide daily apiece respectively overall total
altogether""".split())
_DET = r"(?:the|its|their|those|these|his|her|our|my|your)"
# A possessor after "of" stands between the number and what it counts: "25 of Nevada's
# delegates", "39 of the state's 40 delegates", "51 pct of the company's shares". Up to three
# words (a name without determiner is capitalised), then an optional total ("5 of its 12 seats").
_TOTAL = (r"(?:(?:about|around|roughly|some|nearly|almost|approximately)\s+)?[\d,.]*\d\s+"
          r"(?:(?:mln|million|billion|bln|bn|thousand)\s+)?")
_POSSESSOR = rf"(?:(?:[\w.&-]+\s+){{0,2}}[\w.&-]+['’]s\s+(?:{_TOTAL})?|{_TOTAL})"
_NAMED_POSSESSOR = rf"(?-i:[A-Z][\w.&-]*)(?:\s+(?-i:[A-Z][\w.&-]*)){{0,2}}['’]s\s+(?:{_TOTAL})?"
OF_THE = rf"(?i)^\s+of\s+(?:{_DET}\s+(?:{_POSSESSOR})?|{_NAMED_POSSESSOR})"
# Words that end an object after its head but, right after the number, are its first word: the
# noun "lives" ("claimed 6606 lives"), adjectives ("two live jackals", "four deadly shootings",
# "two elderly women", "four quarterly dividends") and "deceased", which is no participle
# ("the three deceased").
FIRST_WORDS = ("lives|live|deceased|deadly|elderly|early|costly|weekly|monthly|quarterly|yearly|"
               "hourly|nightly|friendly")
# What stands between a number and its object without being either: a qualifier after the
# number ("four or more people") and "more"/"fewer" ("32,000 more deaths").
_SKIP = r"(?:\s+or\s+(?:more|so|fewer|less)|\s+(?:more|fewer))(?-u:\b)"
SKIP = rf"(?i)^{_SKIP}"

_PLAIN = r"[A-Za-z][\w.'’&-]*"
_WORD = rf"(?:{_PLAIN}|[\"“]{_PLAIN}(?: {_PLAIN}){{0,3}}[\"”])"

_STOP_RE = (
    rf"(?i){B}(?:{'|'.join(sorted(OBJECT_STOP, key=len, reverse=True))}|zero|one|two|three|four|five"
    rf"|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|billion){B}"
)


def _object(c: pl.DataFrame, post: pl.Expr, rx: Rx) -> pl.Series:
    """Noun phrase at the start of `post`: up to five words, ending at the first function word,
    number word or participle after its head ("four people killed" -> "people").

    Words that end the phrase are overwritten with a \x01 mark by a few regex passes and the
    object is what comes before the first mark, so no per-word Python or list evaluation. Each
    step is its own column: nested expressions that reuse a column are evaluated once per use."""
    # The whole match, lead included, needs only the DFA (a capture group took twice as long); the
    # lead is one "-" or the spaces before the first letter.
    # A closed quotation of up to four words is one word of the phrase ('370 "jackal horns"',
    # 'five "A" warrants'); an unclosed or longer one is no object.
    found = c.select("post", "sent_len", _end="end", _p=post).with_columns(
        m=pl.col("_p").str.extract(rx(rf"^(?:\s+|-){_WORD}(?: {_WORD}){{0,4}}"), 0))
    m = pl.col("m")
    # The context after a number is cut (`candidates` reads 60 characters): a phrase that runs to
    # the cut before the sentence ends may end in a cut word ("outstanding common stock und"),
    # which is dropped. Byte lengths find the few rows that reach the end (a match is a prefix of
    # its text; the rewrites above change the start only); characters are counted on those only.
    reach = (m.str.len_bytes() == pl.col("_p").str.len_bytes()).fill_null(False)
    cut = on_rows(found, reach, pl.col("_end") + pl.col("post").str.len_chars() < pl.col("sent_len"), pl.Boolean, False)
    if cut.any():
        cut_m = found["m"].filter(cut).str.replace(rx(r"\s*\S+$"), "")
        found = found.with_columns(m=found["m"].clone().scatter(cut.arg_true(), cut_m))
    found = found.select("m")
    # a dash lead stays on the phrase ("-monthly comparisons"): FIRST_WORDS do not open it
    raws = found.select(raw=pl.when(m.str.starts_with("-")).then(m).otherwise(m.str.strip_chars_start()))
    # The object depends on these words alone, and they repeat (half the rows): the passes below
    # run once per distinct phrase.
    raw = pl.col("raw")
    # a whole word ("early-participation fee" is no "early" and a noun), not after a dash ("six-monthly")
    c = raws.unique().with_columns(head=raw.str.extract(rx(rf"(?i)^(?:{FIRST_WORDS})(?:\s|\.?$)"), 0).str.strip_chars_end(" ."))
    head = pl.col("head")
    # the passes below read what follows a first word of FIRST_WORDS, which then opens the object
    c = c.with_columns(rest=pl.when(head.is_null()).then(" " + raw).otherwise(raw.str.slice(head.str.len_chars())))
    marked = (
        pl.col("rest")
        .str.replace(rx(r"^ [^ ]+['’]s(?: |$)"), "\x01")
        .str.replace_all(rx(_STOP_RE), "\x01")
        # a participle or adverb after the first word ends the phrase ("people killed")
        .str.replace(rx(r"^( [^ ]+ .*?)[A-Za-z]+(?:ed|ing|ly)(?-u:\b)"), "${1}\x01")
        # the head of the phrase is usually a plural ("US service members", "two people dead",
        # "five gunmen"); the next word is then a verb or a predicate ("soldiers clear rubble")
        .str.replace(rx(r"([a-z][^su ]s|(?-u:\b)(?:[a-z]*men|people|children)) [A-Za-z]"), "${1}\x01")
    )
    # the whole match needs only the DFA, a capture group the slower capture engine; the strip
    # takes off the space the group left out
    c = c.with_columns(obj=marked.str.extract(rx(r"^ [^\x01]*"), 0).str.strip_chars().str.strip_chars_start("-"))
    obj = pl.col("obj")
    # A sentence-final period belongs to the sentence, an abbreviation's ("U.S.") to the word.
    c = c.with_columns(obj=pl.when(obj.str.contains(rx(r"(?:^|\s)(?:[A-Za-z]\.){2,}$"))).then(obj)
                       .otherwise(obj.str.strip_chars_end(".")))
    # a lone participle or adverb is a verb phrase ("33 hospitalised", "five seriously injured",
    # "at least five died."), read after the sentence's period is gone
    c = c.with_columns(obj=pl.when(obj.str.contains(rx(r"^\S+(?:ed|ised|ized|ly)$"))
                                   | head.is_null() & raw.str.contains(rx(r"^\S+ly "))).then(None).otherwise(obj))
    # a quotation cut by a stop word ('"must \x01"') leaves its closing mark alone at the end
    c = c.with_columns(obj=pl.when(obj.str.contains(rx(r"^[^\"“”]*[\"”]$"))).then(obj.str.slice(0, obj.str.len_chars() - 1).str.strip_chars_end())
                       .otherwise(obj))
    c = c.with_columns(obj=pl.when(obj.str.len_chars() > 0).then(obj))
    # an adjective needs its noun ("405.13 early in the day" is an adverb); "lives" and "deceased" are nouns
    alone = head.str.contains(rx(r"(?i)^(?:lives|deceased)$"))
    c = c.select("raw", pl.when(head.is_null()).then(obj).when(obj.is_not_null()).then(head + " " + obj)
                 .when(alone).then(head))
    return raws.join(c, on="raw", how="left", nulls_equal=True, maintain_order="left")["obj"]


def with_objects(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """Adds `object` and `obj_stop` (characters of `post` the claim span takes in) for counts,
    ages and percents ("76% of voters") followed by a word."""
    want = pl.col("kind").is_in(["count", "age", "percent"]) & pl.col("post").str.contains(rx(r"^(?:\s+|-)[\"“]?[A-Za-z]"))
    c = c.with_columns(_want=want)
    # the literal test keeps the regex (longer since it reads possessors) off the rows without "of"
    c = c.with_columns(_of_the=pl.when(pl.col("_want") & pl.col("post").str.starts_with(" of ")).then(pl.col("post"))
                       .str.contains(rx(OF_THE)).fill_null(pl.when("_want").then(False)))
    # Only the wanted rows (two in five) go through the object passes: a when/then computes
    # every branch on every row, so the rewrites below would otherwise run on all of them.
    wanted = c.select("post", "kind", "_of_the", "end", "sent_len", _row=pl.int_range(pl.len(), dtype=pl.UInt32)).filter(
        c["_want"].fill_null(True))
    # Each rewrite reads only its own rows: a when/then computes every branch on every row.
    of_the = (pl.col("kind") == "count") & pl.col("_of_the")
    # the literal test keeps the longer "of" regex off the percents without "of" after them
    percent = (pl.col("kind") == "percent") & pl.col("post").str.starts_with(" of ")
    # the string tests keep the regex off the rows it cannot match (nearly all)
    post0 = pl.col("post")
    skip = ((pl.col("kind") == "count") & ~pl.col("_of_the")
            & (post0.str.starts_with(" or ") | post0.str.starts_with(" more ") | post0.str.starts_with(" fewer ")))
    post = (
        pl.when(of_the).then(pl.when(of_the).then(pl.col("post")).str.replace(rx(OF_THE), " "))
        .when(skip).then(pl.when(skip).then(pl.col("post")).str.replace(rx(SKIP), ""))
        .when(percent)
        .then(pl.when(percent).then(pl.col("post")).str.replace(rx(rf"(?i)^\s+of\s+(?:(?:the|its|their)\s+(?:{_POSSESSOR})?|all\s+|{_NAMED_POSSESSOR})?"), " "))
        .otherwise(pl.col("post"))
    )
    objects = pl.repeat(None, c.height, dtype=pl.String, eager=True).alias("object")
    skipped = pl.repeat(False, c.height, dtype=pl.Boolean, eager=True).alias("_skipped")
    if wanted.height:  # polars compiles the object regexes even for an empty frame
        objects = objects.scatter(wanted["_row"], _object(wanted, post, rx))
        skipped = skipped.scatter(wanted["_row"], wanted.select(skip.fill_null(False)).to_series())
    c = c.with_columns(objects, skipped)
    # the lead is the whole match (the DFA alone finds it), read only where the span takes it;
    # on the few rows with a skipped "or more" it takes that in
    lead = pl.col("post").str.extract(rx(r"^(?:\s+|-)"), 0).str.len_chars()
    skip_lead = pl.col("post").str.extract(rx(rf"(?i)^{_SKIP}(?:\s+|-)"), 0).str.len_chars()
    # the claim span takes in the object unless it follows "of the" or a percent
    takes = (pl.col("object").is_not_null() & (pl.col("kind") != "percent") & ~pl.col("_of_the")).fill_null(False)
    length = pl.col("object").str.len_chars()
    obj_stop = on_rows(c, takes & ~pl.col("_skipped"), (lead + length).cast(pl.Int32), pl.Int32, 0)
    skip_stop = on_rows(c, takes & pl.col("_skipped"), (skip_lead + length).cast(pl.Int32), pl.Int32, 0)
    return c.with_columns(obj_stop=obj_stop + skip_stop).drop("_want", "_of_the", "_skipped")
