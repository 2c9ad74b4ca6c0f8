"""Broken text repaired in the read stage (issue 12): mojibake and words hyphenated
across line breaks. The labelled cases live in ``data/broken_text.jsonl``."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import ftfy
import pytest

import jobmatch
from jobmatch.read import mojibake, normalize
from jobmatch.read.hyphens import dehyphenate
from jobmatch.read.mojibake import repair_mojibake
from jobmatch.read.normalize import check_text

CASES: list[dict[str, Any]] = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "broken_text.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def test_the_case_set_covers_both_kinds() -> None:
    kinds = [c["kind"] for c in CASES]
    assert (len(CASES), kinds.count("hyphenation"), kinds.count("mojibake")) == (44, 28, 16)
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_broken_text_is_repaired_and_the_skill_found(case: dict[str, Any]) -> None:
    text, warnings = check_text(case["broken"], source="x")
    assert text == case["repaired"]
    for leftover in ("Ã", "Â", "â€", "ï¼", "\n"):
        assert leftover not in text
    if case["kind"] == "mojibake":
        assert any(w.startswith("mojibake: repaired") for w in warnings)
    found = [m.skill_id for m in jobmatch.extract_skills(text)]
    assert case["skill"] in found
    mention = next(m for m in jobmatch.extract_skills(text) if m.skill_id == case["skill"])
    # offsets refer to the repaired text
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ("language mod-\neling", "language modeling"),  # rule 5: the typesetter's hyphen
        ("Scikit-\nLearn", "Scikit-Learn"),  # rule 1: a capital follows
        ("COVID-\n19", "COVID-19"),  # rule 1: a digit follows
        ("state-of-\nthe-art", "state-of-the-art"),  # rule 2: already a compound
        ("end-to-\nend", "end-to-end"),
        ("open-source code; open-\nsource", "open-source code; open-source"),  # rule 3
        ("modeling; mod-\neling", "modeling; modeling"),  # rule 3, the other way
        ("cross-\nfunctional", "cross-functional"),  # rule 4: a compound's first half
        ("results-\ndriven", "results-driven"),
        ("team-\noriented", "team-oriented"),  # rule 4: a compound's second half
        ("experi-\nments", "experiments"),
        ("mod-\n\neling", "mod-\n\neling"),  # a paragraph break is not a line break
        ("Python -\nSQL", "Python -\nSQL"),  # a dash after a space is no hyphen
        ("2019-\n2021", "2019-\n2021"),  # nor one after a digit
        ("- Python\n- SQL", "- Python\n- SQL"),  # list bullets
        ("mod\u2010\neling", "modeling"),  # U+2010 HYPHEN
        ("-\neling", "-\neling"),  # no letter before the hyphen: the text starts there
        ("x_-\ny", "x_-\ny"),  # nor after an underscore
        ("\u00e9-\ny", "\u00e9y"),  # any letter, not only ASCII
        ("a--\nb", "a--\nb"),  # a hyphen before the hyphen
    ],
)
def test_dehyphenation_rules(broken: str, joined: str) -> None:
    assert dehyphenate(broken) == joined


def test_mojibake_count_and_untouched_text() -> None:
    assert repair_mojibake("ÃƒÂ©cole") == ("école", 2)  # two layers of mangling
    assert repair_mojibake("plain ASCII - nothing to do") == ("plain ASCII - nothing to do", 0)
    legit = "SÃO PAULO, Ångström, « déjà vu », naïve, “quotes” &amp; ＰＹ"
    assert repair_mojibake(legit) == (
        "SÃO PAULO, Ångström, « déjà vu », naïve, “quotes” &amp; PY",
        0,
    )


def _lines_of_real_text() -> list[str]:
    """Every non-ASCII line of the shared postings and SkillSpan sentences (when the shared
    data is there) and of this test's broken-text cases."""
    lines = [json.dumps(case, ensure_ascii=False) for case in CASES]
    shared = os.environ.get("JOBMATCH_SHARED_DATA")
    if shared:
        for path in sorted(Path(shared).glob("**/*.jsonl")):
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln for ln in lines if not ln.isascii()]


def test_plain_lines_need_no_ftfy() -> None:
    """A line of ASCII, dashes, quotes and bullets skips ftfy without importing it: no such
    line of up to three of those characters together, in ASCII context, is one ftfy
    changes (its badness test is what decides)."""
    plain = "\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2022\u2026"
    plain += "\u25cf\u25aa\u25e6\u25a0\u25a1\u27a2\u2713\uf0b7"
    assert all(mojibake._PLAIN.fullmatch(f"x{c}y") for c in plain)
    assert not mojibake._PLAIN.fullmatch("donâ€™t")
    cores = [a + b + c for a in plain for b in ("", *plain) for c in ("", *plain)]
    lines = [f"{left}{core}{right}" for core in cores for left, right in (("a", "b"), (" ", "."))]
    from ftfy.badness import is_bad

    assert [s for s in lines if is_bad(s)] == []
    assert all(ftfy.fix_and_explain(s, mojibake._CONFIG)[0] == s for s in lines[::97])


def test_lines_that_skip_ftfy_are_lines_ftfy_leaves_alone() -> None:
    """The fast path (no ftfy call) is taken only where ftfy would change nothing: checked
    on real text, on every character of the Basic Multilingual Plane between two letters,
    and on every pair of Latin-1 and CP-1252 signs (the stuff of mojibake)."""
    signs = [chr(c) for c in range(0x80, 0x100)] + list("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    samples = _lines_of_real_text()
    samples += [f"a{chr(c)}b" for c in range(0x80, 0x10000)]
    samples += [f"x {a}{b} y" for a in signs for b in signs]
    skipped = [s for s in samples if not mojibake._ftfy_may_change(s)]
    assert len(skipped) > 1000  # the fast path is taken (bullets, dashes, accents)
    changed = [s for s in skipped if ftfy.fix_and_explain(s, mojibake._CONFIG) != (s, [])]
    assert changed == []
    # and lines ftfy does change are never skipped
    assert mojibake._ftfy_may_change("donâ€™t") and mojibake._ftfy_may_change("ＰＹ")


def test_one_scan_finds_every_character_the_clean_ups_touch() -> None:
    """check_text skips its clean-ups when ``_RARE`` finds nothing: it must match exactly
    the characters of the ligature, break, space, surrogate and control patterns."""
    patterns = (
        re.compile("[" + "".join(char for char, _ in normalize._LIGATURES) + "]"),
        normalize._BREAKS,
        normalize._SPACES,
        normalize._SURROGATE,
        normalize.CONTROL,
        normalize.C1,
    )
    for code in range(0x10000):
        ch = chr(code)
        assert bool(normalize._RARE.search(ch)) == any(p.search(ch) for p in patterns), hex(code)


def test_only_spaces_tabs_and_line_breaks_are_left_as_white_space() -> None:
    """check_text counts the visible characters as those that are not " ", "\\t" or
    "\\n": every other white space character (``str.isspace``, which ``str.split`` uses) is
    one ``_RARE`` finds and the clean-ups replace or drop."""
    others = [chr(c) for c in range(0x110000) if chr(c).isspace() and chr(c) not in " \t\n"]
    assert len(others) > 20
    for ch in others:
        assert normalize._RARE.search(ch), hex(ord(ch))
        cleaned = normalize._clean_rare(f"a{ch}b", [])
        assert all(c in " \t\n" for c in cleaned if c.isspace()), hex(ord(ch))


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("x" * 100 + " \t\n" * 40 + "1" * 150, 40),  # 100 letters of 250 visible
        ("\u00e9" * 120 + "\u00a0\u2003\r\n" * 50 + "\u2014" * 150, 44),  # 120 of 270
    ],
)
def test_the_garbled_share_counts_the_characters_str_split_keeps(text: str, share: int) -> None:
    visible = "".join(normalize._clean_rare(text, []).split())
    assert 100 * sum(map(str.isalpha, visible)) // len(visible) == share
    warnings = [w for w in check_text(text, source="x")[1] if "garbled" in w]
    assert warnings == [f"text looks garbled: only {share}% of its characters are letters"]


def test_ligatures_are_replaced_as_one_translation_would() -> None:
    """The replacements run one after another: none may make another's character."""
    table = str.maketrans(dict(normalize._LIGATURES))
    text = "".join(f"{char}a{char}{char} " for char, _ in normalize._LIGATURES) + "e\u00e9\u2014"
    warnings: list[str] = []
    assert normalize._clean_rare(text, warnings) == text.translate(table)
    assert warnings == []
    assert not any(char in normalize._clean_rare(text, []) for char, _ in normalize._LIGATURES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python\u00a0and\u2003SQL", "Python and SQL"),
        ("e\ufb03cient\u00adly", "efficiently"),
        ("one\u2028two\x0cthree", "one\ntwo\nthree"),
        ("bad\x07 bell", "bad bell"),
        ("plain text stays", "plain text stays"),
    ],
)
def test_clean_ups_run_where_a_rare_character_is(text: str, expected: str) -> None:
    assert check_text(text, source="x")[0] == expected
