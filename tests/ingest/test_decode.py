import codecs

import pytest

from marsad.errors import InputError
from marsad.ingest.decode import decode_text

ARABIC = "استهدفت عبوة ناسفة رتلاً للدعم اللوجستي على الطريق السريع جنوب الحلة في محافظة بابل صباح الأربعاء."
ENGLISH = "A logistics convoy was hit by a roadside bomb south of Hilla in Babil province on Wednesday."


def test_utf8_is_read_as_utf8():
    text, encoding = decode_text((ENGLISH + "\n\n" + ARABIC).encode("utf-8"))
    assert encoding == "utf-8"
    assert text.endswith(ARABIC)


def test_utf8_bom_is_dropped():
    text, encoding = decode_text(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert (text, encoding) == (ARABIC, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    data = (codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE if codec == "utf-16-be" else b"")
    data += (ENGLISH + "\n" + ARABIC).encode(codec)
    text, encoding = decode_text(data)
    assert encoding == "utf-16"
    assert ARABIC in text and ENGLISH in text


def test_utf16_without_bom_when_told():
    text, encoding = decode_text(ARABIC.encode("utf-16-le"), utf16=True)
    assert (text, encoding) == (ARABIC, "utf-16-le")


def test_windows_1256_arabic_is_detected():
    text, encoding = decode_text((ARABIC + "\n" + ARABIC).encode("cp1256"))
    assert encoding == "cp1256"
    assert text.startswith(ARABIC)


def test_windows_1252_western_text():
    sample = "Le convoi a été visé près de Hilla, a déclaré un responsable à l'agence."
    text, encoding = decode_text(sample.encode("cp1252"))
    assert text == sample


def test_corrupted_utf8_is_rejected_with_its_offset():
    data = ("Kata’ib Hezbollah said on Tuesday " * 3).encode("utf-8") + b"\xff\xfe\xfa" + b" the end."
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert caught.value.reason == "undecodable"
    assert f"byte {len(('Kata’ib Hezbollah said on Tuesday ' * 3).encode())}" in caught.value.detail


def test_control_characters_mean_binary():
    with pytest.raises(InputError) as caught:
        decode_text(bytes(range(1, 9)) * 200)
    assert caught.value.reason == "binary"


def test_whitespace_only_is_empty():
    with pytest.raises(InputError) as caught:
        decode_text(b"  \n\n\t ")
    assert caught.value.reason == "empty"
