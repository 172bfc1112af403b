import codecs
import os

import pytest

from tasks.decode import decode_bytes

TEXT = "Café “quoted” — naïve\nsecond line"


@pytest.mark.parametrize("raw", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
    TEXT.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "cp1252"])
def test_every_supported_encoding_gives_the_same_text(raw):
    decoded = decode_bytes(raw)
    assert decoded.reason is None
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_latin1_bytes_outside_cp1252_still_decode():
    decoded = decode_bytes("Señor".encode("latin-1") + b"\x81")
    assert decoded.text.startswith("Señor")


def test_mojibake_is_repaired():
    original = "The café’s ‘best’ crêpe – naïve"
    broken = original.encode("utf-8").decode("cp1252").encode("utf-8")
    assert decode_bytes(broken).text == original


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b"  \n\t \r\n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "binary"),
    (b"PK\x03\x04" + os.urandom(200), "binary"),
    (bytes(range(256)) * 10, "binary"),
])
def test_inputs_that_are_not_text_are_rejected_with_a_reason(raw, reason):
    decoded = decode_bytes(raw)
    assert decoded.text is None
    assert decoded.reason == reason
    assert decoded.detail


def test_a_stray_nul_byte_does_not_make_a_file_binary():
    decoded = decode_bytes(b"A sentence of news text that is long enough.\x00 And another one follows here." * 3)
    assert decoded.text is not None
