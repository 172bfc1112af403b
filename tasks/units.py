"""Unit and currency normalisation.

Each unit is listed once with the surface forms news text uses; physical units are normalised by
`pint` (its short symbol, and its dimensionality decides `measure` versus `duration`), so the
table here only says which words mean which pint unit. Pint's answers are frozen in
`PINT_SYMBOLS` (a test recomputes them with pint): importing pint and building its registry
took 1-2 s in every worker process, for 54 fixed strings. Currencies are not in pint: a small map to
ISO 4217 codes covers what newswires write ("$", "US$", "dlrs", "stg", "yen").
"""

from __future__ import annotations

import re
from functools import lru_cache

# ISO code -> surface forms written after the number ("5 mln dlrs", "20 million pounds").
CURRENCY_WORDS: dict[str, list[str]] = {
    "USD": ["dollars", "dollar", "dlrs", "dlr", "usd", "u.s. dollars", "u.s. dlrs", "us dollars",
            "american dollars", "cents", "cent", "cts", "ct"],
    "GBP": ["pounds sterling", "pound sterling", "sterling", "stg", "gbp", "pence", "p", "pounds",
            "british pounds"],
    "EUR": ["euros", "euro", "eur", "euro cents"],
    "JPY": ["yen", "jpy"],
    "CNY": ["yuan", "renminbi", "cny", "rmb"],
    "INR": ["rupees", "rupee", "inr", "indian rupees"],
    "CAD": ["canadian dollars", "canadian dlrs", "canadian dollar", "cad"],
    "AUD": ["australian dollars", "australian dlrs", "australian dollar", "aud"],
    "NZD": ["new zealand dollars", "new zealand dlrs", "nzd"],
    "HKD": ["hong kong dollars", "hong kong dlrs", "hkd"],
    "CHF": ["swiss francs", "chf"],
    "FRF": ["french francs", "francs", "franc"],
    "BEF": ["belgian francs"],
    "DEM": ["marks", "mark", "deutsche marks", "deutschemarks", "german marks", "dm"],
    "ITL": ["lire", "lira"],
    "NLG": ["guilders", "guilder", "dutch guilders"],
    "ESP": ["pesetas", "peseta"],
    "SEK": ["swedish crowns", "swedish kronor", "kronor", "swedish krona", "krona"],
    "NOK": ["norwegian crowns", "norwegian kroner", "norwegian krone"],
    "DKK": ["danish crowns", "danish kroner", "danish krone"],
    "ZAR": ["rand", "south african rand"],
    "RUB": ["roubles", "rubles", "rouble", "ruble"],
    "MXN": ["mexican pesos"],
    "PHP": ["philippine pesos"],
    "BRL": ["reais", "reals"],
    "KRW": ["korean won"],
    "IQD": ["iraqi dinars"],
    "SAR": ["saudi riyals", "riyals"],
    "ILS": ["shekels", "shekel"],
    "NGN": ["naira"],
    "FIM": ["finnish markka", "markka"],
    "PLN": ["zlotys", "zloty"],
    "TRY": ["turkish lira", "turkish liras"],
    # currencies of other countries in the news, by the names English articles give them (names
    # that several countries share, like "pesos" or "shillings", only with the country)
    "GEL": ["lari", "georgian lari"],
    "IDR": ["rupiah", "indonesian rupiah"],
    "MYR": ["ringgit", "malaysian ringgit"],
    "THB": ["baht", "thai baht"],
    "HUF": ["forints", "forint", "hungarian forints"],
    "CZK": ["czech crowns", "czech korunas", "czech koruna"],
    "UAH": ["hryvnias", "hryvnia", "hryvnya"],
    "KZT": ["tenge"],
    "BDT": ["taka"],
    "PKR": ["pakistani rupees"],
    "LKR": ["sri lankan rupees"],
    "NPR": ["nepalese rupees"],
    "VND": ["vietnamese dong"],
    "KES": ["kenyan shillings"],
    "UGX": ["ugandan shillings"],
    "TZS": ["tanzanian shillings"],
    "GHS": ["cedis", "cedi"],
    "ETB": ["birr"],
    "EGP": ["egyptian pounds"],
    "AED": ["uae dirhams", "emirati dirhams"],
    "MAD": ["moroccan dirhams"],
    "QAR": ["qatari riyals"],
    "IRR": ["iranian rials", "rials"],
    "ARS": ["argentine pesos"],
    "CLP": ["chilean pesos"],
    "COP": ["colombian pesos"],
    "SGD": ["singapore dollars"],
    "TWD": ["new taiwan dollars", "taiwan dollars"],
    "ISK": ["icelandic kronur", "icelandic krona"],
}
# Sub-units: the value is divided by 100 ("5 cts a share" is 0.05 USD).
SUBUNITS = {"cents", "cent", "cts", "ct", "pence", "p", "euro cents"}

# Symbols and codes written before the number ("$1.13bn", "US$ 5", "£2,000", "Rs 500").
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "u.s. $": "USD", "$": "USD", "usd": "USD",
    "c$": "CAD", "can$": "CAD", "cdn$": "CAD", "cad$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "r$": "BRL", "£": "GBP", "gbp": "GBP", "stg": "GBP", "€": "EUR", "eur": "EUR",
    "¥": "JPY", "yen": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "₽": "RUB",
    "₩": "KRW", "chf": "CHF", "dm": "DEM", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP", "₪": "ILS",
    "฿": "THB", "₫": "VND", "zł": "PLN",
    # bitcoin has no ISO 4217 code; BTC is its common ticker
    "₿": "BTC",
}

PERCENT_WORDS = ["%", "per cent", "percent", "pct", "percentage points", "percentage point",
                 "pct points", "pct point", "points", "point", "basis points", "basis point", "bps"]
PERCENT_UNITS = {"percentage points": "pp", "percentage point": "pp", "pct points": "pp",
                 "pct point": "pp", "points": "points", "point": "points",
                 "basis points": "bp", "basis point": "bp", "bps": "bp"}

# pint unit name -> surface forms. Plurals and both spellings are listed because the claim regex
# is built from these strings.
PHYSICAL: dict[str, list[str]] = {
    "kilometer": ["kilometres", "kilometre", "kilometers", "kilometer", "km", "kms"],
    "meter": ["metres", "metre", "meters", "meter", "m"],
    "centimeter": ["centimetres", "centimetre", "centimeters", "centimeter", "cm"],
    "millimeter": ["millimetres", "millimetre", "millimeters", "millimeter", "mm"],
    "mile": ["miles", "mile", "mi"],
    "nautical_mile": ["nautical miles", "nautical mile", "nmi"],
    "foot": ["feet", "foot", "ft"],
    "inch": ["inches", "inch", "in."],
    "yard": ["yards", "yard", "yd"],
    "kilogram": ["kilograms", "kilogram", "kilogrammes", "kilos", "kilo", "kg", "kgs"],
    "gram": ["grams", "gram", "grammes", "g"],
    "milligram": ["milligrams", "milligram", "mg"],
    "microgram": ["micrograms", "microgram", "µg", "μg"],
    "mole": ["moles", "mole", "mol"],
    "metric_ton": ["tonnes", "tonne", "metric tons", "metric ton", "tons", "ton", "t"],
    "pound": ["lbs", "lb"],
    "ounce": ["ounces", "ounce", "oz"],
    "troy_ounce": ["troy ounces", "troy ounce"],
    "liter": ["litres", "litre", "liters", "liter", "l"],
    "milliliter": ["millilitres", "milliliters", "ml"],
    "gallon": ["gallons", "gallon", "gal", "u.s. gallons", "us gallons", "u.s. gallon", "us gallon"],
    "imperial_gallon": ["imperial gallons", "imperial gallon"],
    "oil_barrel": ["barrels", "barrel", "bbl"],
    "oil_barrel / day": ["barrels per day", "barrels a day", "bpd"],
    "bushel": ["bushels", "bushel"],
    "hectare": ["hectares", "hectare", "ha"],
    "acre": ["acres", "acre"],
    "kilometer ** 2": ["square kilometres", "square kilometers", "square kilometre",
                       "square kilometer", "square km", "sq km", "km2", "km²"],
    "mile ** 2": ["square miles", "square mile", "sq miles", "sq mi", "sq. miles"],
    "meter ** 2": ["square metres", "square meters", "square metre", "square meter", "sq m",
                   "m2", "m²"],
    "foot ** 2": ["square feet", "square foot", "sq ft"],
    "kilometer / hour": ["kilometres per hour", "kilometers per hour", "km/h", "kph", "kmh"],
    "mile / hour": ["miles per hour", "mph"],
    "knot": ["knots", "knot"],
    "degree_Celsius": ["degrees celsius", "degree celsius", "degrees centigrade", "°c", "ºc"],
    "degree_Fahrenheit": ["degrees fahrenheit", "degree fahrenheit", "°f", "ºf"],
    "watt": ["watts", "watt", "w"],
    "kilowatt": ["kilowatts", "kilowatt", "kw"],
    "megawatt": ["megawatts", "megawatt", "mw"],
    "gigawatt": ["gigawatts", "gigawatt", "gw"],
    "kilowatt_hour": ["kilowatt hours", "kilowatt-hours", "kwh"],
    "megawatt_hour": ["megawatt hours", "megawatt-hours", "mwh"],
    "volt": ["volts", "volt"],
    "calorie": ["calories", "calorie", "kcal"],
    "byte": ["bytes", "byte"],
    "gigabyte": ["gigabytes", "gigabyte", "gb"],
    "megabyte": ["megabytes", "megabyte", "mb"],
    "terabyte": ["terabytes", "terabyte", "tb"],
    "second": ["seconds", "second", "secs", "sec"],
    "minute": ["minutes", "minute", "mins", "min"],
    "hour": ["hours", "hour", "hrs", "hr"],
    "day": ["days", "day"],
    "week": ["weeks", "week"],
    "month": ["months", "month"],
    "year": ["years", "year", "yrs", "yr"],
    "decade": ["decades", "decade"],
    "century": ["centuries", "century"],
    # science and energy news; the bare symbols "ly", "au", "nm" are left out: "55-member AU" is
    # the African Union and "nm" often nautical miles
    "light_year": ["light-years", "light years", "light-year", "light year"],
    "astronomical_unit": ["astronomical units", "astronomical unit"],
    "parsec": ["parsecs", "parsec"],
    "micrometer": ["micrometres", "micrometers", "micrometre", "micrometer", "microns", "micron", "µm", "μm"],
    "nanometer": ["nanometres", "nanometers", "nanometre", "nanometer"],
    "meter ** 3": ["cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³"],
    "foot ** 3": ["cubic feet", "cubic foot", "cu ft"],
    "gigawatt_hour": ["gigawatt hours", "gigawatt-hours", "gwh"],
    "terawatt_hour": ["terawatt hours", "terawatt-hours", "twh"],
}

# Units that divide another ("mg per liter", "0.002 moles of oxygen per cubic meter", "µg/m3"):
# amounts, volumes, areas and lengths. Time units are left out: a rate per hour or per day is
# written as its own unit ("km/h", "barrels per day") or is no unit at all.
PER_UNITS = ("liter", "milliliter", "meter ** 3", "kilogram", "gram", "metric_ton", "hectare",
             "kilometer ** 2", "meter ** 2", "kilometer", "meter", "mile", "gallon")

# Ages: "45-year-old", "45 years old", "aged 45" (the prefix is handled in the claim regex).
AGE_WORDS = ["-year-old", "-years-old", " years old", " year old", " years of age", "-month-old",
             " months old", "-week-old", "-day-old", " days old", " weeks old"]
AGE_UNITS = {w: ("months" if "month" in w else "weeks" if "week" in w else
                 "days" if "day" in w else "years") for w in AGE_WORDS}


# pint unit name -> (normalised unit, kind), as `physical_unit` computes them with pint.
PINT_SYMBOLS: dict[str, tuple[str, str]] = {
    "kilometer": ("km", "measure"), "meter": ("m", "measure"), "centimeter": ("cm", "measure"),
    "millimeter": ("mm", "measure"), "mile": ("mi", "measure"), "nautical_mile": ("nmi", "measure"),
    "foot": ("ft", "measure"), "inch": ("in", "measure"), "yard": ("yd", "measure"),
    "kilogram": ("kg", "measure"), "gram": ("g", "measure"), "milligram": ("mg", "measure"),
    "microgram": ("µg", "measure"), "mole": ("mol", "measure"),
    "metric_ton": ("t", "measure"), "pound": ("lb", "measure"), "ounce": ("oz", "measure"),
    "troy_ounce": ("toz", "measure"), "liter": ("l", "measure"), "milliliter": ("ml", "measure"),
    "gallon": ("gal", "measure"), "imperial_gallon": ("imperial_gal", "measure"), "oil_barrel": ("oil_bbl", "measure"),
    "oil_barrel / day": ("oil_bbl/d", "measure"), "bushel": ("bu", "measure"),
    "hectare": ("ha", "measure"), "acre": ("acre", "measure"), "kilometer ** 2": ("km²", "measure"),
    "mile ** 2": ("mi²", "measure"), "meter ** 2": ("m²", "measure"),
    "foot ** 2": ("ft²", "measure"), "kilometer / hour": ("km/h", "measure"),
    "mile / hour": ("mi/h", "measure"), "knot": ("kn", "measure"),
    "degree_Celsius": ("°C", "measure"), "degree_Fahrenheit": ("°F", "measure"),
    "watt": ("W", "measure"), "kilowatt": ("kW", "measure"), "megawatt": ("MW", "measure"),
    "gigawatt": ("GW", "measure"), "kilowatt_hour": ("kWh", "measure"),
    "megawatt_hour": ("MWh", "measure"), "volt": ("V", "measure"), "calorie": ("cal", "measure"),
    "byte": ("B", "measure"), "gigabyte": ("GB", "measure"), "megabyte": ("MB", "measure"),
    "terabyte": ("TB", "measure"), "second": ("seconds", "duration"),
    "minute": ("minutes", "duration"), "hour": ("hours", "duration"), "day": ("days", "duration"),
    "week": ("weeks", "duration"), "month": ("months", "duration"), "year": ("years", "duration"),
    "decade": ("decades", "duration"), "century": ("centuries", "duration"),
    "light_year": ("ly", "measure"), "astronomical_unit": ("au", "measure"), "parsec": ("pc", "measure"),
    "micrometer": ("µm", "measure"), "nanometer": ("nm", "measure"), "meter ** 3": ("m³", "measure"),
    "foot ** 3": ("ft³", "measure"), "gigawatt_hour": ("GWh", "measure"), "terawatt_hour": ("TWh", "measure"),
}


def physical_unit(pint_name: str) -> tuple[str, str]:
    """(normalised unit, kind) for a pint unit expression: time units become plural words
    ("hours"), as the data dictionary spells them; everything else pint's short symbol. Slow
    (imports pint): the pipeline reads `PINT_SYMBOLS`, which a test checks against this."""
    ureg = _registry()
    # pint's "decade" is a logarithmic ratio, not ten years
    if pint_name in ("decade", "century"):
        return {"decade": "decades", "century": "centuries"}[pint_name], "duration"
    unit = ureg.Unit(pint_name)
    if unit.dimensionality == ureg.Unit("second").dimensionality:
        return (str(unit) if str(unit) == "century" else str(unit) + "s").replace(
            "centurys", "centuries").replace("century", "centuries"), "duration"
    return f"{unit:~P}", "measure"


@lru_cache(maxsize=None)
def _registry():
    import pint

    return pint.UnitRegistry()


_HYPHENATED_FIRST = {"percentage", "pct", "basis", "square", "cubic", "nautical", "metric", "troy"}


@lru_cache(maxsize=None)
def unit_table() -> dict[str, tuple[str, str, float]]:
    """Lower-case surface form (whitespace collapsed) -> (unit, kind, multiplier)."""
    table: dict[str, tuple[str, str, float]] = {}
    for name, forms in PHYSICAL.items():
        unit, kind = PINT_SYMBOLS[name]
        for f in forms:
            table[f] = (unit, kind, 1.0)
    for code, forms in CURRENCY_WORDS.items():
        for f in forms:
            table[f] = (code, "money", 0.01 if f in SUBUNITS else 1.0)
    for f in PERCENT_WORDS:
        table[f] = (PERCENT_UNITS.get(f, "%"), "percent", 1.0)
    # A unit of two words is hyphenated when it qualifies a noun: "a 10-percentage-point
    # increase", "a 500-square-mile area", "a 40-cubic-metre tank".
    for f in list(table):
        if f.split(" ")[0] in _HYPHENATED_FIRST:
            table[f.replace(" ", "-")] = table[f]
    # earthquake magnitude: not a pint unit, but news measures quakes in nothing else
    table["magnitude"] = ("magnitude", "measure", 1.0)
    for f in AGE_WORDS:
        table[f.strip(" -")] = (AGE_UNITS[f], "age", 1.0)
    return table


def _alt(forms) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


def unit_alternation(forms) -> str:
    """`_alt` of the unit forms, the hyphenated twins of the table ("percentage-point") left out:
    the spaced form matches both (`[\\s-]+`), so the alternation does not grow by them."""
    forms = [f for f in forms if not ("-" in f and f.split("-")[0] in _HYPHENATED_FIRST)]
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]+" if f.split(" ")[0] in _HYPHENATED_FIRST else r"\s+")
                    for f in sorted(forms, key=len, reverse=True))


def unit_pattern() -> str:
    """Alternation of every unit surface form, longest first (leftmost-first alternation would
    otherwise stop at "m" in "miles")."""
    return _alt(unit_table())


def currency_prefix_pattern() -> str:
    return _alt(CURRENCY_PREFIXES)


def normalise_key(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip(" -").lower())
