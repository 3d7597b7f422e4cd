"""The text of a plain-text file's bytes: its encoding found, its line breaks made "\\n".

A byte-order mark names the encoding (UTF-8, UTF-16, UTF-32). Without one, a file holding NUL bytes
is UTF-16 when one byte order reads as plausible text (else it is binary), and any other file is read
with the first of ENCODINGS that decodes it into plausible text. A file cut short in the middle of
its last character is read without that character, with a warning. A file that cannot be read as
text raises DocumentReadError naming the file and the problem.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
from pathlib import Path

from jig.core.errors import DocumentReadError

log = logging.getLogger(__name__)

EMPTY = "the file is empty"
#: Encodings tried, in order, for a file without a byte-order mark or NUL bytes.
ENCODINGS = ("utf-8", "gb18030", "big5hkscs")

#: Byte-order marks and the encoding of the bytes after them (UTF-32's marks start with UTF-16's: first).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: A decoding is implausible when more than this share of its characters are private-use or unassigned
#: (what Big5 bytes read as GB18030 look like, or binary bytes read as UTF-16).
_ODD_SHARE = 0.01
#: A file is binary when more than this share of its characters are control characters.
_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
#: The longest incomplete character a file cut short can end in, in bytes.
_LONGEST_PARTIAL = 3


def decode(data: bytes, path: Path | str) -> str:
    """The text of a file's bytes, line breaks as "\\n"; DocumentReadError if it is empty, binary or undecodable."""
    if not data:
        raise DocumentReadError(path, EMPTY)
    marked = [(bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)]
    if marked:  # FF FE 00 00 is UTF-32's mark, or UTF-16's and a NUL
        decoded = next(filter(None, (_decoded(data[len(bom):], encoding) for bom, encoding in marked)), None)
    elif b"\x00" in data:
        decoded = _decoded_utf16(data, path)
        if decoded is None:
            raise DocumentReadError(path, "binary file (it contains NUL bytes), not text")
    else:
        decoded = _decoded_plain(data, path)
    if decoded is None:
        raise DocumentReadError(path, _undecodable(data))
    text, cut = decoded
    if _control_share(text) > _CONTROL_SHARE:
        raise DocumentReadError(path, "binary file (mostly control characters), not text")
    if not text.strip():
        raise DocumentReadError(path, "the file contains only whitespace")
    if cut:
        log.warning("%s: the file ends in the middle of a character (was it cut short?): that character is left out",
                    path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decoded_plain(data: bytes, path: Path | str) -> tuple[str, bool] | None:
    for encoding in ENCODINGS:
        decoded = _decoded(data, encoding)
        if decoded is not None and _plausible(decoded[0]):
            if encoding != ENCODINGS[0]:
                log.info("%s: decoded as %s", path, encoding)
            return decoded
    return None


def _decoded_utf16(data: bytes, path: Path | str) -> tuple[str, bool] | None:
    """UTF-16 without a byte-order mark: the byte order that reads as plausible text, if one does.

    The NUL bytes are the high bytes of ASCII characters (and of a few Han ones, like 一 U+4E00), so the
    order in which more of them sit at odd positions (little-endian) is tried first.
    """
    little_first = data[1::2].count(0) >= data[0::2].count(0)
    for encoding in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
        decoded = _decoded(data, encoding)
        if decoded is not None and _plausible(decoded[0]) and _control_share(decoded[0]) <= _CONTROL_SHARE:
            log.info("%s: decoded as %s (no byte-order mark)", path, encoding)
            return decoded
    return None


def _decoded(data: bytes, encoding: str) -> tuple[str, bool] | None:
    """`data` decoded, and whether a character cut off at its very end was left out; None if undecodable."""
    try:
        return data.decode(encoding), False
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or exc.start < len(data) - _LONGEST_PARTIAL or exc.start == 0:
            return None
        try:
            return data[:exc.start].decode(encoding), True
        except UnicodeDecodeError:
            return None


def _undecodable(data: bytes) -> str:
    """The problem of a file no encoding reads: where its first byte that is not UTF-8 sits."""
    try:
        data.decode("utf-8")
        line = None
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
    where = f"; its first byte that is not UTF-8 is on line {line}" if line else ""
    return f"cannot decode the file as text (tried {', '.join(ENCODINGS)}{where}): save it as UTF-8"


def _plausible(text: str) -> bool:
    odd = sum(unicodedata.category(c) in ("Co", "Cn") for c in text)
    return odd <= _ODD_SHARE * len(text)


def _control_share(text: str) -> float:
    controls = sum(unicodedata.category(c) == "Cc" and c not in _TEXT_CONTROLS for c in text)
    return controls / len(text) if text else 0.0
