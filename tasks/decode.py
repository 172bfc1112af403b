"""Bytes to text: pick the encoding of an input and repair mojibake.

Decoding is the one step that has to look at each input on its own (every file can have its own
encoding), so it is a plain function over bytes; everything after it works on whole frames.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy

# Bytes that never occur in text we accept (NUL aside, which has its own rule below).
_BINARY_CONTROL = bytes(range(0, 9)) + bytes([11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31])
_MAGIC_NUMBERS = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
    b"\x00\x00\x01\x00": "an icon",
}
# Signs that UTF-8 was once read as cp1252/Latin-1: only then is ftfy (slow) worth running.
_MOJIBAKE_HINTS = ("Ã", "Â", "â€", "â€™", "Ð", "Ñ", "ï»¿")


# Characters that are no text on their own: Unicode whitespace plus the invisible ones normalising removes.
_BLANK = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
          "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x00\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Searching for one character that is not blank stops early; stripping would copy the whole text.
_NOT_BLANK = re.compile(f"[^{re.escape(_BLANK)}]")
_NOT_BLANK_BYTE = re.compile(rb"[^ \t\r\n\x00\xa0]")


# The zero-width and bidi-control characters that normalising removes (tasks/normalise.py).
_INVISIBLE = dict.fromkeys([*range(0x200B, 0x2010), *range(0x2060, 0x2065), 0xFEFF, 0x00AD, *range(0x202A, 0x202F),
                            *range(0x2066, 0x206A)])


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None = None
    detail: str | None = None


def _looks_like_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC_NUMBERS.items():
        if raw.startswith(magic):
            return kind
    sample = raw[:8192]
    # A stray NUL or control byte in a text file is dropped later; many of them mean it is not text.
    if sample.count(0) / len(sample) > 0.05:
        return "binary data (it contains many NUL bytes)"
    control = sum(sample.count(b) for b in _BINARY_CONTROL)
    if control / len(sample) > 0.05:
        return "binary data (many control bytes)"
    return None


def decode_bytes(raw: bytes) -> Decoded:
    """Decode one input: UTF-8 (BOM or not), UTF-16 (BOM or a clear NUL pattern), else cp1252/Latin-1."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
        forced = "utf-8"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        forced = "utf-16"
    else:
        forced = _looks_like_utf16(raw)
    if not _NOT_BLANK_BYTE.search(raw):
        return Decoded(None, None, "empty", "the file is empty or holds only whitespace")
    if forced and forced.startswith("utf-16"):
        try:
            return _repaired(raw.decode(forced), forced)
        except UnicodeDecodeError as exc:
            return Decoded(None, None, "undecodable", f"looks like UTF-16 but is not valid UTF-16 ({exc.reason})")
    kind = _binary_kind(raw)
    if kind:
        return Decoded(None, None, "binary", f"not text: {kind}")
    try:
        return _repaired(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        text = raw.decode("latin-1")
        encoding = "latin-1"
    return _repaired(text, encoding)


def _repaired(text: str, encoding: str) -> Decoded:
    # Whitespace beyond ASCII (no-break, ideographic spaces, zero-width marks) only shows once decoded.
    if not _NOT_BLANK.search(text):
        return Decoded(None, None, "empty", "the file is empty or holds only whitespace")
    # Every hint holds a non-ASCII character, and `isascii` is free (CPython flags ASCII strings).
    if not text.isascii() and any(hint in text for hint in _MOJIBAKE_HINTS):
        # Invisible characters go first: left between the two halves of a mojibake pair they hide
        # it from ftfy, and once normalising removed them a second cleaning would repair it.
        # When ftfy repairs nothing, the text is returned as it came: decoding changes no character
        # it does not repair (normalising removes the invisible ones later in any case).
        visible = text.translate(_INVISIBLE)
        fixed = ftfy.fix_text(visible, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
        if fixed != visible:
            return Decoded(fixed, encoding + "+ftfy")
    return Decoded(text, encoding)
