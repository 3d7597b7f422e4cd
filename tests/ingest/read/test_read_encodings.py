"""Finding a plain-text file's encoding (ingest.read.encoding): UTF-16 without a byte-order mark, a file
cut short in its last character, a mark that could be UTF-32's, and where a file stops being UTF-8."""

from __future__ import annotations

import logging

import pytest

from ingest.read.encoding import decode
from jig.core.errors import DocumentReadError

TEXT = "吉林省科技厅通知\n统一部署，吉林大学牵头。\n"  # 一 (U+4E00) is a NUL byte in UTF-16 too
TRADITIONAL = "吉林省科技廳通知\n統一部署，吉林大學牽頭。\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_read_encoding_utf16_without_a_mark(encoding: str) -> None:
    assert decode(TEXT.encode(encoding), "notice.txt") == TEXT


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-8", TEXT), ("gb18030", TEXT), ("utf-16", TEXT), ("utf-16-be", TEXT), ("big5hkscs", TRADITIONAL)],
)
def test_read_encoding_a_file_cut_in_its_last_character_loses_that_character(
    caplog: pytest.LogCaptureFixture, encoding: str, text: str,
) -> None:
    data = (text + "廳").encode(encoding)
    with caplog.at_level(logging.WARNING, logger="ingest.read.encoding"):
        assert decode(data[:-1], "cut.txt") == text
    assert caplog.messages == ["cut.txt: the file ends in the middle of a character (was it cut short?): "
                               "that character is left out"]


def test_read_encoding_utf16_opening_with_a_nul_is_not_utf32() -> None:
    assert decode(("\x00" + TEXT * 20).encode("utf-16-le").join([b"\xff\xfe", b""]), "x.txt") == "\x00" + TEXT * 20


def test_read_encoding_a_bad_byte_is_placed_on_its_line() -> None:
    data = TEXT.encode() + b"\xff" + TEXT.encode()
    with pytest.raises(DocumentReadError) as caught:
        decode(data, "bad.txt")
    assert caught.value.problem == ("cannot decode the file as text (tried utf-8, gb18030, big5hkscs; its first "
                                    "byte that is not UTF-8 is on line 3): save it as UTF-8")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x10\x00\x10\x08\x06", bytes(range(256))])
def test_read_encoding_nul_bytes_that_no_byte_order_reads_are_binary(data: bytes) -> None:
    with pytest.raises(DocumentReadError, match=r"binary file \(it contains NUL bytes\), not text"):
        decode(data, "image.txt")
