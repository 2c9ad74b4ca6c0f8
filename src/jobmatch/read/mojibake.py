"""Mojibake repair with ftfy: UTF-8 text that was decoded as CP-1252 or Latin-1.

"CafÃ©", "donâ€™t", "ÃƒÂ©cole" (encoded twice) and "ï¼ˆPythonï¼‰" come back as "Café",
"don’t", "école" and "(Python)". ftfy (a well-kept library that knows the many ways text
gets mangled) does the work; it is configured to change nothing else: no HTML unescaping,
no quote uncurling, no Unicode normalisation, no control-character or line-break changes
(:func:`jobmatch.read.normalize.check_text` does those and reports them). Fullwidth forms
are made ASCII ("：" -> ":"), since a repaired "ï¼š" is a fullwidth colon.

Each line is repaired on its own (as ``ftfy.fix_text`` does), so a document mixing correct
and mangled lines is repaired where it is mangled. ftfy leaves what it cannot prove to be
damage; two unambiguous leftovers are repaired after it:

- a three- or four-byte UTF-8 character read as CP-1252 ("â—¦" for "◦", "ï¼š" for "："):
  a lead character followed by two or three CP-1252 continuation signs never occurs in real
  text; it is decoded back with ftfy's ``sloppy-windows-1252`` codec;
- an "Â" directly before a space, a no-break space or a Latin-1 sign (U+00A1-U+00BF) is the
  lead byte of such a character ("Â·" is "·", "5Â years" had a no-break space) and is
  dropped; in real text "Â" stands before a letter;
- "â€", "ï¼" or "ï½" not followed by a third sign is a punctuation mark (U+2000-U+203F:
  often "”", whose last byte 0x9D CP-1252 leaves undefined) or a fullwidth form
  (U+FF00-U+FF5F, "，") whose last byte was lost on the way: which one cannot be known, so
  it becomes U+FFFD (and the quality gate's warning on replacement characters says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["repair_mojibake"]


@dataclass(frozen=True, slots=True)
class _Ftfy:
    """ftfy's parts this module uses, imported on first need: a line of ASCII, dashes,
    quotes and bullets (most lines of most resumes) needs none, and ftfy takes about 35 ms
    to import, a tenth of a command's start beyond spaCy's."""

    config: Any
    fix_and_explain: Callable[..., tuple[str, Any]]
    is_bad: Callable[[str], bool]
    width_or_surrogate: re.Pattern[str]


@lru_cache(maxsize=1)
def _ftfy() -> _Ftfy:
    import ftfy
    import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-1252 codec
    from ftfy.badness import is_bad
    from ftfy.chardata import WIDTH_MAP

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=False,  # "â€ " is more often a lost "”" than a dagger: see below
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=True,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
    )
    # the other characters the configured fixes change: width forms ("＄") and surrogates
    width = re.compile(
        "[" + "".join(re.escape(chr(c)) for c in sorted(WIDTH_MAP)) + "\ud800-\udfff]"
    )
    return _Ftfy(config, ftfy.fix_and_explain, is_bad, width)


def __getattr__(name: str) -> Any:
    if name == "_CONFIG":  # the configuration, for tests
        return _ftfy().config
    raise AttributeError(name)


#: a line of these alone is none ftfy changes, as configured (checked: no line of ASCII and
#: up to three of them together is bad to ftfy, and none is a width form)
_PLAIN = re.compile(
    "[\x00-\x7f\u2010-\u2015\u2018\u2019\u201c\u201d\u2022\u2026\u25cf\u25aa\u25e6\u25a0\u25a1\u27a2\u2713\uf0b7]*"
)
#: explanation steps of ftfy that repair an encoding (the others are plain clean-ups)
_ENCODING_STEPS = {"encode", "decode", "transcode"}
_ENCODING_FIXES = {"restore_byte_a0", "replace_lossy_sequences", "decode_inconsistent_utf8"}
_LONE_A_CIRCUMFLEX = re.compile("\u00c2(?=[ \u00a0-\u00bf])")


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # the five bytes CP-1252 leaves undefined come through as C1 controls


_CONT = "".join(re.escape(_cp1252_char(b)) for b in range(0x80, 0xC0))
_LEAD2 = "".join(re.escape(_cp1252_char(b)) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(re.escape(_cp1252_char(b)) for b in range(0xE0, 0xF0))
_LEAD4 = "".join(re.escape(_cp1252_char(b)) for b in range(0xF0, 0xF5))
# what one UTF-8 character read as CP-1252 looks like ("Ã©", "â€™"): used to count
_SEQUENCE = re.compile(f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}|[{_LEAD4}][{_CONT}]{{3}}")
# the three- and four-byte ones, which real text never contains
_LONG_SEQUENCE = re.compile(f"[{_LEAD3}][{_CONT}]{{2}}|[{_LEAD4}][{_CONT}]{{3}}")


# the first two bytes of a punctuation mark or a fullwidth form whose third byte was lost
_LOST_THIRD_BYTE = re.compile(f"(?:\u00e2\u20ac|\u00ef[\u00bc\u00bd])(?![{_CONT}])")


def _decode_sequence(m: re.Match[str]) -> str:
    _ftfy()  # registers the sloppy-windows-1252 codec
    try:
        return m.group().encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return m.group()


def _is_encoding_fix(step: tuple[str, str]) -> bool:
    return step[0] in _ENCODING_STEPS or step[1] in _ENCODING_FIXES


def _ftfy_may_change(line: str) -> bool:
    """False when ftfy, as configured, returns ``line`` unchanged: its encoding fix acts only
    on text its badness test flags, the width fix on width forms, the surrogate fix on
    surrogates, and no other fix is on. Most non-ASCII lines (bullets, dashes, accents) are
    none of these and skip ftfy, which costs a tenth of a millisecond per line; a line of
    ASCII, dashes, quotes and bullets alone does not even import it."""
    if _PLAIN.fullmatch(line):
        return False
    tools = _ftfy()
    return tools.is_bad(line) or tools.width_or_surrogate.search(line) is not None


def _repair_line(line: str) -> tuple[str, int]:
    if _ftfy_may_change(line):
        tools = _ftfy()
        fixed, steps = tools.fix_and_explain(line, tools.config)
    else:
        fixed, steps = line, None
    repaired = any(_is_encoding_fix(step) for step in steps or ())
    if _LONG_SEQUENCE.search(fixed):
        before = fixed
        fixed = _LONG_SEQUENCE.sub(_decode_sequence, fixed)
        repaired = repaired or fixed != before
    fixed, lone = _LONE_A_CIRCUMFLEX.subn("", fixed)
    fixed, lost = _LOST_THIRD_BYTE.subn("\ufffd", fixed)
    lone += lost
    if not (repaired or lone):
        return fixed, 0
    counted = len(_SEQUENCE.findall(line)) - len(_SEQUENCE.findall(fixed))
    return fixed, max(counted, lone, 1)


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 text that was read as CP-1252 or Latin-1, line by line.

    Args:
        text: the text (any length; ASCII lines are passed through untouched).

    Returns:
        ``(repaired text, number of repaired sequences)``; the number counts each mangled
        character once per layer of mangling ("ÃƒÂ©" is two), and at least one per
        repaired line.
    """
    if text.isascii():
        return text, 0
    out: list[str] = []
    total = 0
    for line in text.splitlines(keepends=True):
        if line.isascii():
            out.append(line)
            continue
        fixed, count = _repair_line(line)
        out.append(fixed)
        total += count
    return "".join(out), total
