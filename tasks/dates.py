"""Publication dates and times, as polars expressions over text.

Dates are read from header lines ("August 6 2024, 11:46 AM", "Aug. 06, 2024", "Friday, January
4, 2019") and from given metadata strings ("2024-08-06T11:46:00Z", "26-FEB-1987 15:01:01.79").
A time is kept only when the source gives one; nothing is invented.
"""

from __future__ import annotations

import polars as pl

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
MONTH_DAY_YEAR = rf"(?i)\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
DAY_MONTH_YEAR = rf"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}\.?,?[\s-]+(?P<year>(?:19|20)\d\d)\b"
ISO_DATE = r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?:\b|T)"
CLOCK_TIME = r"(?i)\b(?P<hour>\d{1,2}):(?P<minute>\d\d)(?::\d\d(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
# Anything in a line that looks like a date: the header detector uses it to spot date lines.
ANY_DATE = f"(?:{MONTH_DAY_YEAR[4:]}|{DAY_MONTH_YEAR[4:]}|{ISO_DATE})".replace("?P<month>", "").replace(
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


def date_in_text(text: str | pl.Expr) -> pl.Expr:
    """The first written date in a string, as a Date (null when none)."""
    expr = pl.col(text) if isinstance(text, str) else text
    return pl.coalesce(
        _date_from(expr.str.extract_groups(MONTH_DAY_YEAR)),
        _date_from(expr.str.extract_groups(DAY_MONTH_YEAR)),
        _date_from(expr.str.extract_groups(ISO_DATE)),
    )


def time_in_text(text: str | pl.Expr) -> pl.Expr:
    """The first clock time in a string as a Duration since midnight (null when none)."""
    expr = pl.col(text) if isinstance(text, str) else text
    groups = expr.str.extract_groups(CLOCK_TIME)
    hour = groups.struct.field("hour").cast(pl.Int64, strict=False)
    minute = groups.struct.field("minute").cast(pl.Int64, strict=False)
    ampm = groups.struct.field("ampm").str.to_lowercase().str.slice(0, 1)
    hour24 = (
        pl.when(ampm == "p").then(pl.when(hour < 12).then(hour + 12).otherwise(hour))
        .when(ampm == "a").then(pl.when(hour == 12).then(0).otherwise(hour))
        .otherwise(hour)
    )
    valid = hour24.is_between(0, 23) & minute.is_between(0, 59) & (ampm.is_not_null() | (hour <= 23))
    return pl.when(valid).then(pl.duration(hours=hour24, minutes=minute))


def published_date_time(text: str | pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(published_date, published_at) found in a string; published_at is null without a clock time."""
    expr = pl.col(text) if isinstance(text, str) else text
    date = date_in_text(expr)
    at = pl.when(date.is_not_null()).then(date.cast(pl.Datetime("us")) + time_in_text(expr))
    return date, at
