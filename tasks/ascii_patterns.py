"""ASCII forms of regex patterns, for text that is all ASCII (a batch of claims, a quote tail).

With Unicode on (the default of the Rust `regex` crate polars uses), `(?i)`, `\\d`, `\\s` and
`\\w` stand for every Unicode letter case, digit and space, which makes the automata larger:
building the lazy DFA's states of a fresh pattern (each call compiles it again, polars caches
few) and scanning both cost more. On ASCII text the ASCII form of a pattern matches exactly the
same spans, as what only Unicode adds cannot occur there: the pattern is switched to ASCII
(`(?-u)`), and what the crate refuses in that mode because it could match inside a multi-byte
character (`.`, `\\S`, `\\W`, `\\D`, negated classes, non-ASCII characters) keeps Unicode locally.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import polars as pl

_UNICODE_ONLY_ESCAPES = (r"\S", r"\W", r"\D")
# code points and Unicode classes: kept Unicode inside a class, not expected outside one
_CODE_POINT_ESCAPES = (r"\x", r"\u", r"\U", r"\p", r"\P")


# Inside a class that stays Unicode (`[\w'’-]`), what the class escapes stand for on ASCII text:
# the class then stays a handful of ranges instead of every Unicode letter, digit and space. Outside
# a class, `\W`, `\S` and `\D` become the negated class of these ranges. Either class is then cut
# to ASCII (`[\x00-\x7F&&[^,]]`): on ASCII text it matches the same characters, and it is one byte
# range, not the UTF-8 automaton of a negated class, which a counted repeat (`[^,]{2,80}`) copies
# once per count (a breadcrumb rule compiles five times faster, `(?:^|\W)(between|from)...` three).
_ASCII = r"\x00-\x7F"
_IN_CLASS = {r"\w": "0-9A-Za-z_", r"\d": "0-9", r"\s": r"\t\n\x0B\f\r "}


def _ascii_members(cls: str) -> str:
    out, i = [], 0
    while i < len(cls):
        esc = cls[i:i + 2]
        if cls[i] == "\\":
            out.append(_IN_CLASS.get(esc, esc))
            i += 2
        else:
            out.append(cls[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=None)
def ascii_form(pattern: str) -> str:
    """`pattern` with Unicode off, matching the same spans as `pattern` on ASCII text."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            esc = pattern[i:i + 2]
            if esc in _CODE_POINT_ESCAPES:
                raise ValueError(f"unsupported escape {esc!r} in {pattern!r}")
            out.append(f"(?u:[{_ASCII}&&[^{_IN_CLASS[esc.lower()]}]])" if esc in _UNICODE_ONLY_ESCAPES else esc)
            i += 2
        elif ch == "[":
            j = i + 1 + (pattern[i + 1] == "^")
            j += pattern[j] == "]"  # a leading "]" is a literal
            while pattern[j] != "]":
                if pattern[j] == "[":
                    raise ValueError(f"nested class in {pattern!r}")
                j += 2 if pattern[j] == "\\" else 1
            cls = pattern[i:j + 1]
            unicode = (cls.startswith("[^") or any(ord(c) > 127 for c in cls)
                       or any(e in cls for e in _UNICODE_ONLY_ESCAPES + _CODE_POINT_ESCAPES))
            out.append(f"(?u:[{_ASCII}&&{_ascii_members(cls)}])" if unicode else cls)
            i = j + 1
        else:
            out.append(f"(?u:{ch})" if ch == "." or ord(ch) > 127 else ch)
            i += 1
    return "(?-u)" + "".join(out)


def is_ascii(text: pl.Series) -> bool:
    """Whether every string of `text` is ASCII (as many bytes as characters)."""
    return text.str.len_bytes().sum() == text.str.len_chars().sum()


# The form a batch's patterns take (`patterns_for`): helpers that build patterns take one as `rx`.
Rx = Callable[[str], str]


def _as_written(pattern: str) -> str:
    return pattern


def patterns_for(ascii_text: bool) -> Rx:
    """The form of each pattern to run on a batch: `ascii_form` when all its text is ASCII."""
    return ascii_form if ascii_text else _as_written
