"""Name a file's format from its first bytes, never from its name alone.

A PNG renamed ``.pdf`` is "not a PDF: looks like a PNG image"; :data:`DESCRIPTIONS` gives
the words used in such messages.
"""

from __future__ import annotations

from .encodings import utf16_guess

__all__ = ["sniff_format", "describe", "DESCRIPTIONS"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"BM", "bmp"),  # checked further below: "BMW engineer" is text
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
    (b"%!PS", "postscript"),
)

#: format name -> the words for it in "looks like ..." messages
DESCRIPTIONS = {
    "pdf": "a PDF document",
    "docx": "a DOCX document",
    "zip": "a ZIP archive",
    "xlsx": "an Excel spreadsheet (.xlsx)",
    "pptx": "a PowerPoint presentation (.pptx)",
    "odf": "an OpenDocument file (.odt/.ods; save it as DOCX or PDF)",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "bmp": "a BMP image",
    "webp": "a WebP image",
    "ole": "a legacy Office file (.doc/.xls)",
    "rtf": "an RTF document",
    "gzip": "a gzip archive",
    "7z": "a 7-Zip archive",
    "rar": "a RAR archive",
    "elf": "an executable",
    "exe": "an executable",
    "postscript": "a PostScript file",
    "html": "an HTML page",
    "text": "plain text",
    "binary": "binary data",
}


def describe(kind: str) -> str:
    """The words for format ``kind`` in an error message (``"a PNG image"``).

    Args:
        kind: a name returned by :func:`sniff_format` (or ``docx``, ``xlsx``...).

    Returns:
        The description, or ``kind`` itself when it has none.
    """
    return DESCRIPTIONS.get(kind, kind)


def sniff_format(data: bytes) -> str:
    """Name the format of ``data`` from its first bytes.

    Args:
        data: the file's bytes (the first 1 KB decide, except for a PDF header found
            after junk, which also needs an ``endobj`` somewhere).

    Returns:
        ``pdf``, ``zip``, an image or archive kind (``png``, ``jpeg``...), ``html``,
        ``text`` or ``binary``. ``zip`` is refined to ``docx`` by the DOCX reader.
    """
    head = data[:1024]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-"):
        return "pdf"
    if b"%PDF-" in head and b"endobj" in data:  # readers accept junk before the header (1 KB)
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # two-letter magics need more evidence: "MZ Consulting" and "BMW" are text
            if kind == "exe" and b"\x00" not in head[:64]:
                continue
            if kind == "bmp" and head[6:10] != b"\x00\x00\x00\x00":
                continue
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html")):
        return "html"
    if _looks_binary(head):
        return "binary"
    return "text"


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or utf16_guess(head):
        return False
    return b"\x00" in head
