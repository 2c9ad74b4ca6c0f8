"""The extraction-quality gate: every text read passes :func:`check_text` before scoring.

It normalises the text (mojibake repair, ligatures, spaces, control characters, words
hyphenated across line breaks) and lists what looks wrong with it. The text it returns is
``Document.text``: the offsets of skill mentions refer to this repaired text, not to the
bytes of the file.
"""

from __future__ import annotations

import re
import string

from ..errors import DocumentTooLargeError, EmptyDocumentError, NoTextLayerError
from ..models import MAX_TEXT_CHARS
from .encodings import C1, CONTROL
from .hyphens import dehyphenate
from .mojibake import repair_mojibake

__all__ = ["check_text", "check_length", "count_letters", "drawn_soft_hyphens"]

_CID = re.compile(r"\(cid:\d+\)")
_LIGATURES = (
    ("\ufb00", "ff"), ("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb03", "ffi"), ("\ufb04", "ffl"),
    ("\ufb05", "st"), ("\ufb06", "st"), ("\u00ad", ""), ("\u200b", ""), ("\ufeff", ""),
)  # fmt: skip
_SPACES = re.compile(r"[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BREAKS = re.compile(r"[\r\f\v\x1c-\x1e\x85\u2028\u2029]")
_TRAILING_SPACES = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: any character one of the clean-ups below changes or counts (ligatures, odd breaks,
#: Unicode spaces, surrogates, control characters): a text without one skips them all
_RARE = re.compile(
    "[\ufb00-\ufb06\u00ad\u200b\ufeff\r\f\v\x1c-\x1e\x85\u2028\u2029\xa0\u1680"
    "\u2000-\u200a\u202f\u205f\u3000\ud800-\udfff\x00-\x08\x0e-\x1f\x7f\x80-\x9f]"
)


# a soft hyphen beside another hyphen character ("on-\xad\u2010campus", a Word export)
_SOFT_BESIDE_HYPHEN = re.compile("(?<=[-\u2010\u2011])\xad+|\xad+(?=[-\u2010\u2011])")


def drawn_soft_hyphens(text: str) -> str:
    """A PDF's soft hyphens (U+00AD) as the hyphens they were drawn as.

    A soft hyphen in HTML or a Word file is invisible, a place a word may break, and
    :func:`check_text` drops it. A PDF's text is what was drawn, and some fonts (LaTeX
    classes such as Awesome-CV) map their hyphen glyph to U+00AD: "cloud\xadnative",
    "Sep. 2023 \xad Mar. 2024". Dropped, those read "cloudnative" and a date range without
    its dash. Each becomes ``-`` (a line's last one then goes through the rejoining of
    words broken across lines, as any hyphen); one beside another hyphen character is
    dropped.

    Args:
        text: the text of a PDF, before :func:`check_text`.

    Returns:
        The text with its soft hyphens replaced or dropped.
    """
    if "\xad" not in text:
        return text
    return _SOFT_BESIDE_HYPHEN.sub("", text).replace("\xad", "-")


def check_text(text: str, *, source: str) -> tuple[str, list[str]]:
    """Normalise ``text`` and list what looks wrong with it.

    In order: UTF-8-read-as-CP-1252 mojibake is repaired (ftfy, see
    :mod:`jobmatch.read.mojibake`) and counted; ligatures (``ﬁ``) are expanded and soft
    hyphens dropped; odd line breaks become ``\\n`` and Unicode spaces a space; control
    characters are dropped and counted; unmapped PDF glyphs ``(cid:NN)`` are removed and
    counted; U+FFFD replacement characters are counted; words hyphenated across line
    breaks are rejoined (see :mod:`jobmatch.read.hyphens`); trailing spaces and runs of
    blank lines go.

    Args:
        text: the decoded text.
        source: the name used in errors.

    Returns:
        ``(text, warnings)``: the text that becomes ``Document.text`` and one-line warnings.

    Raises:
        EmptyDocumentError: no text is left.
        NoTextLayerError: only unmapped glyphs were there.
        DocumentTooLargeError: the text is longer than ``MAX_TEXT_CHARS``.
    """
    warnings: list[str] = []
    # before any character clean-up: mojibake uses NBSP and C1 characters ("Ã\xa0" is "à")
    read = text.replace("\r\n", "\n")
    text, fixed = repair_mojibake(read)
    repaired = text
    if _RARE.search(text):  # most texts hold none: one scan instead of six
        text = _clean_rare(text, warnings)
    text = _drop_unmapped_glyphs(text, source=source, warnings=warnings)
    if fixed:
        first = _first_repair(read, repaired)
        warnings.append(
            f"mojibake: repaired {fixed} UTF-8 sequence(s) read as CP-1252"
            + (f", the first {first}" if first else "")
        )
    replacements = text.count("\ufffd")
    if replacements:
        warnings.append(
            f"{replacements} replacement character(s) (U+FFFD): some characters were lost"
            " before jobmatch saw the text"
        )
    if " \n" in text or "\t\n" in text:  # the pattern is tried at every space otherwise
        text = _TRAILING_SPACES.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    text = dehyphenate(text.strip())
    if not text:
        raise EmptyDocumentError("no text (empty or whitespace only)", source=source)
    check_length(text, source=source)
    # the characters that are not white space: the clean-ups above left no white space but
    # spaces, tabs and line breaks (the others are _RARE's), and white space is no letter
    visible = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    letters = count_letters(text)
    if visible >= 200 and letters < 0.5 * visible:
        warnings.append(
            f"text looks garbled: only {100 * letters // visible}% of its characters are letters"
        )
    return text, warnings


def _first_repair(before: str, after: str) -> str | None:
    """The first words mojibake repair changed, as ``"CafÃ©" -> "Café"`` (the document's
    own, so the warning shows what was repaired; repair keeps the lines, not the words: a
    dropped lone "Â" leaves ``"Â" -> ""``)."""
    import difflib  # only when something was repaired: 1-2 ms of every command's start

    for a, b in zip(before.splitlines(), after.splitlines(), strict=False):
        if a != b:
            x, y = a.split(), b.split()
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y).get_opcodes():
                if tag == "equal":
                    continue
                if i2 - i1 == j2 - j1:  # words repaired one for one: the first of them
                    i2, j2 = i1 + 1, j1 + 1
                return f'"{" ".join(x[i1:i2])[:40]}" -> "{" ".join(y[j1:j2])[:40]}"'
            return None
    return None


def _clean_rare(text: str, warnings: list[str]) -> str:
    """Expand ligatures, drop soft hyphens, make odd line breaks ``\\n`` and Unicode spaces
    a space, replace surrogates, drop (and count) control characters."""
    # one str.replace per character present (str.translate looks every character up in
    # a table: twenty times slower on a resume; no replacement holds another's character)
    for char, replacement in _LIGATURES:
        if char in text:
            text = text.replace(char, replacement)
    text = _BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", text)  # no-break and other Unicode spaces: "Machine\xa0Learning"
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    controls = len(CONTROL.findall(text)) + len(C1.findall(text))
    if controls:
        text = C1.sub("", CONTROL.sub("", text))
        warnings.append(f"removed {controls} control character(s)")
    return text


def _drop_unmapped_glyphs(text: str, *, source: str, warnings: list[str]) -> str:
    cids = len(_CID.findall(text))
    if not cids:
        return text
    text = _CID.sub("", text)
    if not text.strip():
        raise NoTextLayerError(
            f"no usable text layer: all {cids} glyphs lack a Unicode mapping ((cid:NN));"
            " OCR is not supported",
            source=source,
        )
    if cids >= 3 or cids >= 0.01 * len(text):  # one or two are usually icons (LinkedIn...)
        warnings.append(
            f"garbled font encoding: {cids} glyph(s) without a Unicode mapping ((cid:NN))"
            " were dropped; some words may be missing"
        )
    return text


def count_letters(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``).

    The ASCII ones (letters there are ``A-Z`` and ``a-z``) are counted on bytes, the
    others one by one: a fifth of the time of testing each character.

    Args:
        text: any text.

    Returns:
        The number of letters.
    """
    ascii_part = text.encode("ascii", "ignore")
    count = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    if len(ascii_part) < len(text):
        count += sum(map(str.isalpha, _NON_ASCII.findall(text)))
    return count


def check_length(text: str, *, source: str | None) -> None:
    """Refuse a text longer than the pipeline takes (spaCy would raise a bare ValueError).

    Args:
        text: the text to be extracted or scored.
        source: the name used in the error (``None``: none).

    Raises:
        DocumentTooLargeError: ``text`` has more than ``MAX_TEXT_CHARS`` characters.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentTooLargeError(
            f"text too long: {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}",
            source=source,
        )
