"""Numeric claims: quantities an article asserts (counts, money, percents, measures, durations,
ages), one row per claim, following the "Numeric claims" section of the annotation guide.

How it works, all as polars expressions over the whole batch of sentences:
1. one regex (`CLAIM_RE`) finds candidates: qualifier, number or range, unit. Things that look
   like numbers but are never claims (URLs, "COVID-19", clock times, ISO dates, decades, phone
   numbers) are alternatives of the same regex, so they are consumed whole and then dropped
   instead of leaking their digits as candidates;
2. candidates are cut out with `replace_all` + `split` (polars has no regex "find all with
   offsets"), which gives code-point offsets directly from `len_chars`;
3. context filters on the text just before and after each candidate drop dates, years, ranks,
   identifiers, page metadata and idioms;
4. values, units, kinds, qualifiers, trends and the counted object are derived column-wise.
"""

from __future__ import annotations

import re

import polars as pl

from tasks import units as U
from tasks.numbers import B, NUMBER, SCALE, SCALES, TENS, UNITS, number_value

QUALIFIER = pl.Enum(["exact", "approximately", "at_least", "more_than", "at_most", "less_than",
                     "nearly"])
TREND = pl.Enum(["up", "down"])
KIND = pl.Enum(["count", "money", "percent", "measure", "duration", "age"])
SCHEMA = {
    "claim_id": pl.String, "doc_id": pl.String, "paragraph_id": pl.String,
    "sentence_id": pl.String, "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.String,
    "value": pl.Float64, "value_max": pl.Float64, "value_text": pl.String,
    "qualifier": QUALIFIER, "trend": TREND, "unit": pl.String, "object": pl.String,
    "kind": KIND, "quote_id": pl.String,
}

QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "just over": "more_than",
    "at most": "at_most", "up to": "at_most", "as many as": "at_most", "as much as": "at_most",
    "within": "at_most", "as high as": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most",
    "less than": "less_than", "under": "less_than", "below": "less_than",
    "fewer than": "less_than",
    "nearly": "nearly", "almost": "nearly", "near": "nearly", "close to": "nearly", "just under": "nearly",
    "just below": "nearly", "just shy of": "nearly",
    "about": "approximately", "around": "approximately", "some": "approximately",
    "roughly": "approximately", "approximately": "approximately", "approx.": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "circa": "approximately",
    "an approximate": "approximately", "about the": "approximately",
}
# Words that change a number into a change ("rose 5%", "cut 200 jobs", "a 3% drop").
UP_BEFORE = ("rose|risen|rise|rises|rising|increased?|increases|increasing|grew|grown|grows|"
             "growing|gained?|gains|jumped|jumps|climbed|climbs|soared|soars|surged|surges|"
             "rallied|added|adds|raised|raises|boosted|expanded|up|higher|hiked|advanced|additional|"
             "extended\\s+\\w+(?:\\s+\\w+){0,3}\\s+by")
DOWN_BEFORE = ("fell|fallen|falls|falling|dropped|drops|declined?|declines|declining|"
               "decreased?|decreases|slipped|slid|plunged|plunges|tumbled|shed|sheds|lost|"
               "cut|cuts|cutting|reduced|reduces|lowered|slashed|eliminated|eased|down|lower|"
               "shrank|shrunk|contracted|dipped")
UP_AFTER = "increase|increases|rise|rises|gain|gains|jump|hike|growth|higher|greater|up|surge|climb"
DOWN_AFTER = ("decrease|decreases|decline|declines|drop|drops|fall|falls|cut|cuts|reduction|"
              "loss|losses|lower|down|dip|slump|plunge")

# Nouns whose number is a name or a rank, not a quantity ("a category 3 hurricane", "flight 1344").
IDENTIFIER_NOUNS = (
    "category|cat|level|grade|stage|phase|class|type|division|round|act|chapter|section|article|"
    "route|highway|interstate|flight|no\\.|nos\\.|number|page|room|platform|gate|terminal|"
    "channel|district|ward|precinct|apollo|windows|iphone|version|vol\\.|resolution|amendment|"
    "bill|rule|clause|paragraph|item|exit|pier|track|lane|band|model|series|mark|mk"
)
MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|"
          "sept|september|oct|october|nov|november|dec|december")
# Capitalised words that may stand right before a claim; any other capitalised word there makes
# the number part of a name ("Route 66", "Boeing 737", "Section 427").
CAPS_OK = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "but",
    "or", "since", "after", "before", "about", "around", "some", "over", "nearly", "almost",
    "only", "just", "all", "another", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "approximately", "roughly", "more", "less", "fewer", "at", "up", "down",
    "than", "least", "most", "under", "below", "above", "between", "within", "during", "until",
    "when", "while", "if", "as", "that", "this", "there", "here", "total", "estimated",
    "another", "every", "each", "both", "nearly", "exactly", "aged", "age", "ages", "rose",
    "fell", "but", "yet", "so", "then", "also", "still", "even", "almost", "around", "u.s.",
    "us", "uk", "eu", "per", "like", "we", "they", "he", "she", "it", "i", "you", "among",
    "including", "plus", "minus", "last", "next", "first", "those", "what", "about", "where",
}
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

_CUR = "|".join(
    re.escape(c) if not c[0].isalpha() else rf"{B}{re.escape(c)}"
    for c in sorted(U.CURRENCY_PREFIXES, key=len, reverse=True)
)
_PCT = r"(?:%|\s?(?:per\s+cent|percent|pct)" + B + ")"
_NUMX = rf"(?:(?:{_CUR})\s?)?{NUMBER}"
_QUAL = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
)
_LONG_UNITS = [k for k in U.unit_table() if len(k) > 1]
_SHORT_UNITS = "".join(k for k in U.unit_table() if len(k) == 1)
_UNIT = (rf"(?:\s?%|[\s-]?(?:{U._alt(_LONG_UNITS)}){B}|(?-i:[{_SHORT_UNITS}]){B}"
         ")")
_JUNK = (
    rf"(?:https?://|www\.)\S+|{B}[a-z]+[-‐]?\d+[a-z\d]*(?:[-/]\d+)*{B}"
    rf"|\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m{B}\.?)?|\d{{1,2}}\s*[ap]\.m\.|\d{{1,2}}\s*[ap]m{B}"
    rf"|\d{{1,2}}\s+o['’]clock|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|\d{{4}}s{B}|['’]\d{{2}}s{B}|\+?\d{{1,3}}[\s.-]?\(?\d{{2,4}}\)?[\s.-]\d{{3,4}}[\s.-]\d{{3,4}}"
    rf"|\d{{1,4}}(?:st|nd|rd|th){B}"
)
_HEAD = rf"(?i)(?P<junk>{_JUNK})|(?:(?P<age>aged|age\s+of|ages)\s+)?(?:(?P<qual>{_QUAL})\s+)?"
# One optional range tail only: spelling out "between/from/dash" as separate alternatives copies
# the number pattern per alternative and blows up the regex DFA (30x slower). Range forms that
# the tail over-accepts ("rose 5 pct to 7 mln dlrs") are split again with SINGLE_RE.
CLAIM_RE = (
    rf"{_HEAD}(?:(?P<rp>between|from)\s+)?(?P<n1>{_NUMX})(?P<p1>{_PCT})?"
    rf"(?:(?P<sep>\s*[-–—]\s*|\s+(?:to|and)\s+)(?P<n2>{_NUMX}))?(?P<unit>{_UNIT})?"
)
_HAS_NUMBER = (rf"[0-9½¼¾⅓⅔⅛]|(?i){B}(?:{'|'.join(list(UNITS) + list(TENS))}|dozen|half"
               rf"|hundred|thousand|million|billion){B}")
SINGLE_RE = rf"{_HEAD}(?P<n1>{_NUMX})(?P<unit>{_UNIT})?"
_PARTS_RE = rf"(?i)^(?:(?P<cur>{_CUR})\s?)?(?P<body>.*?)(?P<pct>{_PCT})?$"


def _parts(c: pl.DataFrame, col: str) -> pl.DataFrame:
    """Currency prefix, value, scale word and percent sign of one number of each candidate,
    computed once per distinct spelling and joined back."""
    g = pl.col(col).str.extract_groups(_PARTS_RE)
    body = g.struct["body"]
    uniq = c.select(pl.col(col).unique().drop_nulls()).with_columns(
        g.struct["cur"].str.to_lowercase().str.replace_all(r"\s+", " ")
        .replace_strict(U.CURRENCY_PREFIXES, default=None).alias(f"{col}_cur"),
        number_value(body).alias(f"{col}_v"),
        body.str.extract(rf"(?i)\d\s?({SCALE})$", 1).str.to_lowercase().alias(f"{col}_scale"),
        g.struct["pct"].is_not_null().alias(f"{col}_pct"),
    )
    return c.join(uniq, on=col, how="left").with_columns(pl.col(f"{col}_pct").fill_null(False))


def _find(frame: pl.DataFrame, pattern: str) -> pl.DataFrame:
    """Every match of `pattern` in `text` with sentence-local code-point offsets (`base` is where
    `text` starts in its sentence) and up to 40/60 characters of context around it."""
    pieces = (
        frame.with_row_index("rid")
        .with_columns(
            seg=pl.col("text").str.replace_all("\x00", " ", literal=True)
            .str.replace_all(pattern, "\x00${0}\x00").str.split("\x00")
        )
        .filter(pl.col("seg").list.len() > 1)
        .with_columns(end=pl.col("seg").list.eval(pl.element().str.len_chars().cum_sum()))
        .explode("seg", "end")
        .with_columns(i=pl.int_range(pl.len()).over("rid"))
        .filter(pl.col("i") % 2 == 1)
    )
    n = pl.col("seg").str.len_chars()
    return pieces.select(
        "sentence_id", "doc_id", "paragraph_id", "sent_start",
        start=(pl.col("base") + pl.col("end") - n).cast(pl.Int32),
        end=(pl.col("base") + pl.col("end")).cast(pl.Int32),
        m=pl.col("seg"),
        pre=(pl.col("pre0") + pl.col("text").str.slice(0, pl.col("end") - n)).str.slice(-40),
        post=(pl.col("text").str.slice(pl.col("end")) + pl.col("post0")).str.slice(0, 60),
    )


def _groups(c: pl.DataFrame, pattern: str) -> pl.DataFrame:
    """The regex groups of every match. Matches repeat a lot ("5 pct", "1986"), and the capture
    engine is the slow part of the regex, so groups are computed once per distinct match."""
    names = ["junk", "qual", "age", "rp", "n1", "p1", "sep", "n2", "unit"]
    present = set(re.findall(r"\(\?P<(\w+)>", pattern))
    g = pl.col("m").str.extract_groups(pattern)
    uniq = c.select(pl.col("m").unique()).with_columns(
        *[(g.struct[k] if k in present else pl.lit(None, pl.String)).alias(k) for k in names]
    )
    return (c.join(uniq, on="m", how="left").rename({"unit": "unit_raw"})
            .filter(pl.col("junk").is_null()))


def _candidates(sentences: pl.DataFrame) -> pl.DataFrame:
    """Claim candidates: one per number or range, with its qualifier and unit."""
    # Half of news sentences have no number at all; a DFA-only test skips them before the
    # matching pass, which needs the slower capture engine.
    frame = sentences.filter(pl.col("text").str.contains(_HAS_NUMBER)).select(
        "sentence_id", "doc_id", "paragraph_id", sent_start="char_start", text="text",
        base=pl.lit(0, pl.Int32), pre0=pl.lit(""), post0=pl.lit(""))
    c = _groups(_find(frame, CLAIM_RE), CLAIM_RE)
    sep = pl.col("sep").str.strip_chars().str.to_lowercase()
    ranged = pl.col("n2").is_not_null()
    valid = (
        ~ranged & pl.col("rp").is_null()
        | ranged & (
            (pl.col("rp").str.to_lowercase() == "between") & (sep == "and")
            | (pl.col("rp").str.to_lowercase() == "from") & (sep == "to")
            | pl.col("rp").is_null() & (sep.str.contains("^[-–—]$") | (sep == "to") & pl.col("p1").is_null())
        )
    )
    valid = valid.fill_null(False)
    ok, bad = c.filter(valid), c.filter(~valid)
    if bad.height:
        again = _find(bad.select("sentence_id", "doc_id", "paragraph_id", "sent_start", text="m",
                                 base="start", pre0="pre", post0="post"), SINGLE_RE)
        ok = pl.concat([ok, _groups(again, SINGLE_RE)], how="vertical_relaxed")
    return ok


def _parse(c: pl.DataFrame) -> pl.DataFrame:
    c = _parts(_parts(c, "n1"), "n2").with_columns(
        n1_pct=pl.col("n1_pct") | pl.col("p1").is_not_null())
    key = pl.col("unit_raw").str.to_lowercase().str.strip_chars(" -.").str.replace_all(r"\s+", " ")
    table = U.unit_table()
    # "5m" without a currency is five metres; "$5m" is five million dollars.
    metres = (pl.col("n1_scale") == "m") & pl.col("n1_cur").is_null() & pl.col("unit_raw").is_null()
    return c.with_columns(
        u_unit=key.replace_strict({k: v[0] for k, v in table.items()}, default=None),
        u_kind=key.replace_strict({k: v[1] for k, v in table.items()}, default=None),
        u_mult=key.replace_strict({k: v[2] for k, v in table.items()}, default=1.0,
                                  return_dtype=pl.Float64),
        metres=metres,
        magnitude=pl.col("pre").str.contains(r"(?i)magnitude\s+(?:of\s+|was\s+|is\s+)?$")
        & pl.col("unit_raw").is_null(),
    )


def _is_not_claim() -> pl.Expr:
    pre, post, m = pl.col("pre"), pl.col("post"), pl.col("m")
    n1 = pl.col("n1").str.strip_chars()
    plain = pl.col("n1_cur").is_null() & pl.col("unit_raw").is_null() & ~pl.col("n1_pct")
    year_like = n1.str.contains(r"^\d{4}$") & pl.col("n1_v").is_between(1000, 2100)
    cap_word = pre.str.extract(r"(?:^|\s)([A-Z][A-Za-z.]*)\s+$", 1)
    digits_only = n1.str.contains(r"^[\d.,]+$")
    plural_next = post.str.contains(r"^\s+[a-z]+[^su\s]s(?-u:\b)")
    small_int = pl.col("n1_v").is_between(1, 31) & n1.str.contains(r"^\d{1,2}$")
    return (
        pl.col("n1_v").is_null() | ~pl.col("n1_v").is_finite()
        | pre.str.contains(r"[\w/#@&.,]$") & ~pre.str.contains(r"\s[$£€]$")
        | post.str.contains(r"^(?:[\w]|[.,/:]\d|-\d)")
        | (plain & year_like & ~plural_next)
        # "per 100,000 people" is the denominator of a rate; "2+" a category
        | pre.str.contains(r"(?i)(?-u:\b)per\s+$") | post.str.contains(r"^\+")
        | pre.str.contains(rf"(?i){B}(?:{IDENTIFIER_NOUNS})\s*$")
        | post.str.contains(r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Street|St\.|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Square)(?-u:\b)")
        | (small_int & pre.str.contains(rf"(?i){B}(?:{MONTHS})\.?\s+$"))
        | (small_int & post.str.contains(rf"(?i)^\s*(?:of\s+)?(?:{MONTHS}){B}"))
        | (pl.col("n2").is_not_null() & plain & year_like)
        | post.str.contains(rf"(?i)^\s*(?:[ap]\.?m{B}|o['’]clock|gmt|utc|local\s+time|hrs{B}|hours{B}\s+(?:gmt|local))")
        | (m + post).str.contains(r"(?i)^[\d,.]+\s*(?:views?|reads?|min(?:ute)?s?\s+read|comments?)")
        | (pre.str.contains(r"(?i)(?:\bno\.|\bnumber|\bpage|\bp\.|\bpp\.|\bchapter|\bsection|\bver\.?)\s*$"))
        | (plain & digits_only & ~plural_next & pl.col("qual").is_null() & pl.col("age").is_null()
           & cap_word.is_not_null() & ~cap_word.str.to_lowercase().is_in(list(CAPS_OK))
           & ~cap_word.str.contains(rf"(?i)^(?:{MONTHS})\.?$"))
        # "one of the largest", "no one", "one way or another": idioms, not counts.
        | (n1.str.to_lowercase() == "one") & (
            post.str.contains(r"(?i)^\s+(?:of|another|or|by|side|hand|way|point|time|thing|day|on)\b")
            | post.str.contains(r"(?i)^-(?:time|off|on|way)")
            | pre.str.contains(r"(?i)\b(?:no|the|this|that|any|every|each|which|at|one|some)\s+$"))
        # A range whose top is below its bottom is a score or a fixture ("won 3-1"), not a range.
        | (pl.col("n2_v").is_not_null() & (pl.col("n2_v") < pl.col("n1_v")) & pl.col("n2_scale").is_null())
        | (m.str.contains(r"^\d+\s*[-–]\s*\d+$")
           & (pre.str.contains(r"(?i)\b(?:won|lost|beat|defeated|drew|score|scored|led|trailed)\s+(?:by\s+)?(?:a\s+)?$")
              | post.str.contains(r"(?i)^\s+(?:win|victory|defeat|loss|draw|lead|vote|margin)")))
    )


_OBJECT_STOP_RE = (
    rf"(?i){B}(?:{'|'.join(sorted(OBJECT_STOP, key=len, reverse=True))}|zero|one|two|three|four|five"
    rf"|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|billion){B}"
)


def _object(post: pl.Expr) -> pl.Expr:
    """Noun phrase right after the number: up to five words, ending at the first function word,
    number word or participle after its head ("four people killed" -> "people").

    Words that end the phrase are overwritten with a \x01 mark by a few regex passes and the
    object is what comes before the first mark, so no per-word Python or list evaluation."""
    raw = post.str.extract(r"^(?:\s+|-)((?:[A-Za-z][\w.'’&-]*)(?: [A-Za-z][\w.'’&-]*){0,4})", 1)
    marked = (
        (" " + raw)
        .str.replace(r"^ [^ ]+['’]s(?: |$)", "\x01")
        .str.replace_all(_OBJECT_STOP_RE, "\x01")
        # a participle or adverb after the first word ends the phrase ("people killed")
        .str.replace(r"^( [^ ]+ .*?)[A-Za-z]+(?:ed|ing|ly)(?-u:\b)", "${1}\x01")
        # the head of the phrase is usually a plural ("US service members"); the next word is
        # then a verb ("soldiers clear rubble")
        .str.replace(r"([a-z][^su ]s) [A-Za-z]", "${1}\x01")
    )
    obj = marked.str.extract(r"^ ([^\x01]*)", 1).str.strip_chars()
    # a lone participle or adverb is a verb phrase ("33 hospitalised", "five seriously injured")
    obj = pl.when(obj.str.contains(r"^\S+(?:ed|ised|ized|ly)$") | raw.str.contains(r"^\S+ly ")).then(None).otherwise(obj)
    # A sentence-final period belongs to the sentence, an abbreviation's ("U.S.") to the word.
    obj = pl.when(obj.str.contains(r"(?:^|\s)(?:[A-Za-z]\.){2,}$")).then(obj).otherwise(
        obj.str.strip_chars_end("."))
    return pl.when(obj.str.len_chars() > 0).then(obj).otherwise(None)


def extract_numeric_claims(sentences: pl.DataFrame, quotes: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per numeric claim in `sentences` (see docs/numeric_claims.md for the rules)."""
    return _extract(sentences, quotes, claims_only=True)


def find_quantities(sentences: pl.DataFrame) -> pl.DataFrame:
    """Every quantity the parser reads, years and identifiers included: the number parser without
    the claim filter, for scoring against other parsers' test suites."""
    return _extract(sentences, None, claims_only=False)


def _extract(sentences: pl.DataFrame, quotes: pl.DataFrame | None, claims_only: bool) -> pl.DataFrame:
    if sentences.height == 0:
        return pl.DataFrame(schema=SCHEMA)
    c = _candidates(sentences)
    if c.height == 0:
        return pl.DataFrame(schema=SCHEMA)
    c = _parse(c)
    c = c.filter(~_is_not_claim()) if claims_only else c.filter(pl.col("n1_v").is_finite())
    cur = pl.coalesce("n1_cur", "n2_cur")
    pct = pl.col("n1_pct") | pl.col("n2_pct")
    unit = (
        pl.when(cur.is_not_null()).then(cur)
        .when(pl.col("u_unit").is_not_null()).then(pl.col("u_unit"))
        .when(pct).then(pl.lit("%"))
        .when(pl.col("metres")).then(pl.lit("m"))
        .when(pl.col("age").is_not_null()).then(pl.lit("years"))
        .when(pl.col("magnitude")).then(pl.lit("magnitude"))
    )
    kind = (
        pl.when(pl.col("age").is_not_null() | (pl.col("u_kind") == "age")).then(pl.lit("age"))
        .when(cur.is_not_null()).then(pl.lit("money"))
        .when(pl.col("u_kind").is_not_null()).then(pl.col("u_kind"))
        .when(pct).then(pl.lit("percent"))
        .when(pl.col("metres") | pl.col("magnitude")).then(pl.lit("measure"))
        .otherwise(pl.lit("count"))
    )
    scale_fix = pl.when(pl.col("metres")).then(1e-6).otherwise(1.0)
    v1 = pl.col("n1_v") * scale_fix * pl.col("u_mult")
    v2 = pl.col("n2_v") * pl.col("u_mult")
    # "between 1 and 2 million": the lower end borrows the upper end's scale.
    v1 = pl.when(pl.col("n1_scale").is_null() & pl.col("n2_scale").is_not_null()
                 & (pl.col("n1_v") < pl.col("n2_v"))).then(
        v1 * pl.col("n2_scale").replace_strict(SCALES,
                                               default=1.0, return_dtype=pl.Float64)).otherwise(v1)
    qual_key = pl.col("qual").str.to_lowercase().str.replace_all(r"\s+", " ")
    post_qual = (
        pl.when(pl.col("post").str.contains(r"(?i)^\s*(?:or|and)\s+(?:more|over|above)\b")).then(pl.lit("at_least"))
        .when(pl.col("post").str.contains(r"(?i)^\s*(?:or|and)\s+(?:less|fewer|under|below)\b")).then(pl.lit("at_most"))
        .when(pl.col("post").str.contains(r"(?i)^\s*or\s+so\b")).then(pl.lit("approximately"))
        .when(pl.col("post").str.contains(r"(?i)^-?plus\b")).then(pl.lit("more_than"))
    )
    trend = (
        pl.when(pl.col("pre").str.contains(rf"(?i){B}(?:{UP_BEFORE})\s+(?:by\s+)?(?:a\s+further\s+|another\s+)?$")).then(pl.lit("up"))
        .when(pl.col("pre").str.contains(rf"(?i){B}(?:{DOWN_BEFORE})\s+(?:by\s+)?(?:a\s+further\s+|another\s+)?$")).then(pl.lit("down"))
        .when(pl.col("post").str.contains(rf"(?i)^\s+(?:{UP_AFTER}){B}")).then(pl.lit("up"))
        .when(pl.col("post").str.contains(rf"(?i)^\s+(?:{DOWN_AFTER}){B}")).then(pl.lit("down"))
    )
    kind_col = kind.alias("kind")
    c = c.with_columns(
        value=v1, value_max=v2, unit=unit, kind=kind_col,
        qualifier=pl.coalesce(qual_key.replace_strict(QUALIFIERS, default=None), post_qual,
                              pl.lit("exact")),
        trend=trend,
        value_text=pl.col("m").str.slice(pl.col("qual").str.len_chars().fill_null(0))
        .str.strip_chars_start().str.replace(r"(?i)^(?:aged|age\s+of|ages)\s+", ""),
    )
    # Objects are read for counts and ages ("a 45-year-old man"); "76% of voters" too.
    # "Four of the deceased", "149 of the survivors": the object follows "of the".
    of_the = r"(?i)^\s+of\s+(?:the|its|their|those|these)\s+"
    obj_post = pl.when((pl.col("kind") == "count") & pl.col("post").str.contains(of_the)).then(
        pl.col("post").str.replace(of_the, " ")
    ).when(pl.col("kind") == "percent").then(
        pl.col("post").str.replace(r"(?i)^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?", " ")
    ).otherwise(pl.col("post"))
    c = c.with_columns(
        object=pl.when(pl.col("kind").is_in(["count", "age", "percent"])).then(_object(obj_post)))
    lead = pl.col("post").str.extract(r"^(\s+|-)", 1).str.len_chars()
    c = c.with_columns(
        obj_stop=pl.when(pl.col("object").is_not_null() & (pl.col("kind") != "percent")
                         & ~pl.col("post").str.contains(of_the))
        .then(lead + pl.col("object").str.len_chars()).otherwise(0).cast(pl.Int32),
    )
    c = c.with_columns(
        char_start=(pl.col("sent_start") + pl.col("start")).cast(pl.Int32),
        char_end=(pl.col("sent_start") + pl.col("end") + pl.col("obj_stop")).cast(pl.Int32),
    ).sort("doc_id", "char_start")
    # Objects never run into the next claim.
    nxt = pl.col("char_start").shift(-1).over("doc_id")
    c = c.with_columns(char_end=pl.when(nxt.is_not_null() & (pl.col("char_end") > nxt))
                       .then(pl.col("sent_start") + pl.col("end")).otherwise(pl.col("char_end")))
    c = c.with_columns(
        text=pl.col("m") + pl.col("post").str.slice(0, pl.col("char_end") - pl.col("sent_start") - pl.col("end")),
        claim_id=pl.col("doc_id") + "-c" + pl.int_range(pl.len()).over("doc_id").cast(pl.String),
    )
    c = _attach_quotes(c, quotes)
    return c.select(
        *[pl.col(k).cast(v) for k, v in SCHEMA.items()]
    )


def _attach_quotes(c: pl.DataFrame, quotes: pl.DataFrame | None) -> pl.DataFrame:
    if quotes is None or quotes.height == 0:
        return c.with_columns(quote_id=pl.lit(None, pl.String))
    q = quotes.select("quote_id", "doc_id", q_start="char_start", q_end="char_end")
    hits = (
        c.select("claim_id", "doc_id", "char_start", "char_end")
        .join(q, on="doc_id")
        .filter((pl.col("char_start") >= pl.col("q_start")) & (pl.col("char_end") <= pl.col("q_end")))
        .group_by("claim_id").agg(pl.col("quote_id").sort().first())
    )
    return c.join(hits, on="claim_id", how="left")


def count_claims(documents: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """`documents` with `n_claims` (Int32) filled from the claims table."""
    n = claims.group_by("doc_id").agg(n_claims=pl.len().cast(pl.Int32))
    return (
        documents.drop("n_claims", strict=False)
        .join(n, on="doc_id", how="left")
        .with_columns(pl.col("n_claims").fill_null(0))
    )
