"""Publication dates and times, as polars expressions over text.

Dates are read from header lines ("August 6 2024, 11:46 AM", "Aug. 06, 2024", "Friday, January
4, 2019") and from given metadata strings ("2024-08-06T11:46:00Z", "26-FEB-1987 15:01:01.79").
A time is kept only when the source gives one; nothing is invented.
"""

from __future__ import annotations

import polars as pl

from tasks.ascii_patterns import is_ascii, patterns_for

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# A year may run into the day of the same date printed again ("23 Sep 201923 Sep 2019": scrapes of
# pages that show the date twice lose the space between them).
_YEAR_END = r"(?:\b|[0-3]?\d\s)"
MONTH_DAY_YEAR = rf"(?i)\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d){_YEAR_END}"
DAY_MONTH_YEAR = rf"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}\.?,?[\s-]+(?P<year>(?:19|20)\d\d){_YEAR_END}"
ISO_DATE = r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?:\b|T)"
# "Date 03.08.2020": dots between the numbers are the European order, day first (American pages write
# the month first with slashes, never with dots).
DOTTED_DATE = r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"
# "09.12 BST", "3.05 pm": a dot between hour and minute only counts with a time zone or am/pm
# after it (otherwise it is a decimal or a European date).
CLOCK_TIME = (r"(?i)\b(?P<hour>\d{1,2})(?P<sep>[:.])(?P<minute>\d\d)(?::\d\d(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
              r"(?P<zone>(?:bst|gmt|utc|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|sgt|hkt|aest|aedt)\b)?")
# Anything in a line that looks like a date: the header detector uses it to spot date lines.
ANY_DATE = f"(?:{MONTH_DAY_YEAR[4:]}|{DAY_MONTH_YEAR[4:]}|{ISO_DATE}|{DOTTED_DATE})".replace("?P<month>", "").replace(
    "?P<day>", "").replace("?P<year>", "")
ANY_DATE = "(?i)" + ANY_DATE

_MONTH_NUMBERS = {name: n for n, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def _month_number(month: pl.Expr) -> pl.Expr:
    return (
        pl.when(month.str.contains(r"^\d+$"))
        .then(month.cast(pl.Int32, strict=False))
        .otherwise(month.str.to_lowercase().str.slice(0, 3).replace_strict(_MONTH_NUMBERS, default=None,
                                                                             return_dtype=pl.Int32))
    )


def _date_from(groups: pl.Expr) -> pl.Expr:
    year = groups.struct.field("year").cast(pl.Int32, strict=False)
    day = groups.struct.field("day").cast(pl.Int32, strict=False)
    month = _month_number(groups.struct.field("month"))
    valid = (month.is_between(1, 12)) & (day.is_between(1, 31))
    # pl.date rejects impossible days (Feb 30) as null only through a string round trip.
    as_text = pl.format("{}-{}-{}", year, month.cast(pl.String).str.zfill(2), day.cast(pl.String).str.zfill(2))
    return pl.when(valid).then(as_text.str.to_date("%Y-%m-%d", strict=False))


def _time_from(groups: pl.Expr) -> pl.Expr:
    """The clock time of CLOCK_TIME's groups as a Duration since midnight (null when none)."""
    hour = groups.struct.field("hour").cast(pl.Int64, strict=False)
    minute = groups.struct.field("minute").cast(pl.Int64, strict=False)
    ampm = groups.struct.field("ampm").str.to_lowercase().str.slice(0, 1)
    hour24 = (
        pl.when(ampm == "p").then(pl.when(hour < 12).then(hour + 12).otherwise(hour))
        .when(ampm == "a").then(pl.when(hour == 12).then(0).otherwise(hour))
        .otherwise(hour)
    )
    stated = (groups.struct.field("sep") == ":") | ampm.is_not_null() | groups.struct.field("zone").is_not_null()
    valid = hour24.is_between(0, 23) & minute.is_between(0, 59) & (ampm.is_not_null() | (hour <= 23)) & stated
    return pl.when(valid).then(pl.duration(hours=hour24, minutes=minute))


def _published_of(texts: pl.Series) -> pl.Series:
    present = texts.is_not_null()
    if present.all():
        return _published_in(texts)
    # Header date lines are few (13 rows in 19,043 on Reuters): the patterns read those rows alone,
    # and none is compiled when there is none.
    frame = texts.to_frame("text").with_row_index("_i")
    rows = frame.filter(present)
    found = rows.select("_i", published=_published_in(rows["text"])) if rows.height else rows.select(
        "_i", published=pl.lit(None, _PUBLISHED))
    # The other rows get a struct of nulls, as the patterns give a text without a date.
    published = pl.col("published")
    return frame.join(found, on="_i", how="left", maintain_order="left").select(
        published=pl.struct(published.struct.field("date"), published.struct.field("at"))).to_series()


def _published_in(texts: pl.Series) -> pl.Series:
    # Each pattern is matched once into a column: as nested expressions every field of every
    # pattern matched the text again. On ASCII text the ASCII forms find the same groups, and
    # polars compiles them again in every shard several times faster.
    rx = patterns_for(is_ascii(texts))
    found = pl.DataFrame({"text": texts}).select(
        *[pl.col("text").str.extract_groups(rx(pattern)).alias(f"date{n}")
          for n, pattern in enumerate((MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO_DATE))],
        clock=pl.col("text").str.extract_groups(rx(CLOCK_TIME)),
    )
    dated = found.select(
        date=pl.coalesce(*[_date_from(pl.col(f"date{n}")) for n in range(3)]),
        time=_time_from(pl.col("clock")),
    )
    # A dotted date is read only where no other form was found and the text has one (few rows: the
    # given dates of a batch, Reuters' 19,043, have their own forms).
    dotted = dated["date"].is_null() & texts.str.contains(rx(DOTTED_DATE)).fill_null(False)
    if dotted.any():
        rows = pl.DataFrame({"text": texts}).with_row_index("_i").filter(dotted)
        # the clock is read without the date, whose "06.01" reads as a time too
        found = rows.select("_i", date=_date_from(pl.col("text").str.extract_groups(rx(DOTTED_DATE))),
                            clock=_time_from(pl.col("text").str.replace(rx(DOTTED_DATE), "")
                                             .str.extract_groups(rx(CLOCK_TIME))))
        dated = dated.with_row_index("_i").join(found, on="_i", how="left", maintain_order="left").select(
            date=pl.coalesce("date", "date_right"), time=pl.coalesce("clock", "time"))
    at = pl.when(pl.col("date").is_not_null()).then(pl.col("date").cast(pl.Datetime("us")) + pl.col("time"))
    return dated.select(published=pl.struct("date", at=at)).to_series()


_PUBLISHED = pl.Struct({"date": pl.Date, "at": pl.Datetime("us")})


def published(text: str | pl.Expr) -> pl.Expr:
    """A struct of the first written date in a string (`date`, null when none) and `at`, that date
    with the first clock time in the string (null without one)."""
    expr = pl.col(text) if isinstance(text, str) else text
    return expr.map_batches(_published_of, return_dtype=_PUBLISHED)
