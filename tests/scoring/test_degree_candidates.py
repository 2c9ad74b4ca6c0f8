"""The one-scan pre-test of degree lines keeps every line :func:`degree_line` reads.

:func:`degree_line_candidates` may give more lines than :func:`degree_line` accepts, never
fewer: a line it leaves out is one no degree line can come from.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from jobmatch.scoring.education import degree_line, degree_line_candidates
from jobmatch.scoring.resume_facts import degree_level
from jobmatch.scoring.resume_reader import education_from_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

ODD_LINES = [
    "PhD in Physics",
    "Ph",
    "D. Phil in Physics",  # after a line ending "Ph": a search across the break may pass it
    "MS",
    "in Computer Science",
    "S.E: Accounting",
    "s.e : Économie",
    "Masters: Education",
    "AOS Culinary Arts",
    "A.A.S. Nursing",
    "\u212a M.Sc in Physics \u2014 École",  # Kelvin sign: lower() gives "k"
    "Bachelor\u2019s degree in mathematics",
    "Master\u017f: Education",  # long s: IGNORECASE takes it for "s", lower() keeps it
    "B\u0131S in Physics",
    "\u0130stanbul University, B.Sc. in Physics",  # lower() makes two characters of one
    "ms",
    "or phd",
    "GED",
    "High School Diploma",
    "Teacher, High School",
    "Responsibilities: build ML models",
    "",
    # the extra forms' case-sensitive parts, and words near them that are none
    "AS : Nursing",
    "as: nursing",
    "2004 Associates : Liberal Arts",
    "Sales Associate : Retail",
    "A.O.S. Culinary Arts",
    "Scrum Master, agile coach",
    "Masters , Education",
    "Webmaster: the site",
    "S. E: Accounting",
    "(s.e : Accounting)",
]


def _check(lines: list[str]) -> None:
    found = degree_line_candidates(lines)
    assert found == sorted(set(found))
    expected = [i for i, line in enumerate(lines) if degree_line(line) is not None]
    assert set(expected) <= set(found), [lines[i] for i in set(expected) - set(found)]
    # a text without candidates gets no degree from find_education either: every line it
    # can read a level on is one
    levelled = [i for i, line in enumerate(lines) if degree_level(line) is not None]
    assert set(levelled) <= set(found), [lines[i] for i in set(levelled) - set(found)]


@pytest.mark.parametrize("seed", range(40))
def test_every_degree_line_is_a_candidate(seed: int) -> None:
    rng = random.Random(seed)
    lines = [rng.choice(ODD_LINES) for _ in range(rng.randint(1, 12))]
    _check(lines)


@pytest.mark.parametrize("line", ODD_LINES)
def test_each_odd_line_alone_and_after_each_other(line: str) -> None:
    # alone, a line takes the path of its own characters (ASCII, lower-cased, case-blind)
    _check([line])
    for other in ODD_LINES:
        _check([other, line])


def test_candidates_of_the_odd_lines_in_order() -> None:
    _check(ODD_LINES)
    _check([line for line in ODD_LINES if line.isascii()])
    # a line naming no degree form is left out
    assert degree_line_candidates(["Python and SQL", "MS in Statistics", "Team player"]) == [1]
    assert degree_line_candidates(["Python, SQL"]) == []


def test_candidates_on_the_samples() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    with (SAMPLES / "postings.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    for text in texts:
        _check(text.split("\n"))


def test_candidates_on_the_shared_postings(shared_data: Path) -> None:
    n = 0
    for path in sorted((shared_data / "postings").rglob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                _check(text.split("\n"))
                n += 1
    assert n > 400


def test_no_candidate_no_degree() -> None:
    # no line names a degree form: no degree, and find_education is not asked
    assert education_from_text("Skills\nPython, SQL\nTeam player") == ()
    assert [e.level for e in education_from_text("Requirements\nMS in Statistics")] == ["master"]


def _line_sections_reference(
    lines: list[str], sections: list[tuple[int, int, str]]
) -> tuple[list[str], set[int]]:
    """The line-at-a-time walk _line_sections replaced (the reference)."""
    from jobmatch.extract.sections import classify_heading

    names: list[str] = []
    starts: set[int] = set()
    offset, k = 0, 0
    for i, line in enumerate(lines):
        while k + 1 < len(sections) and offset >= sections[k][1]:
            k += 1
        if sections and sections[k][0] == offset and (offset > 0 or classify_heading(line)):
            starts.add(i)
        names.append(sections[k][2] if sections else "other")
        offset += len(line) + 1
    return names, starts


@pytest.mark.parametrize("seed", range(200))
def test_line_sections_by_bisection_match_the_walk(seed: int) -> None:
    from jobmatch.scoring.resume_reader import _line_sections

    rng = random.Random(seed)
    lines = [rng.choice(["", "Education", "Experience", "PhD in Physics", "x" * rng.randint(1, 9)])]
    lines += [rng.choice(ODD_LINES) for _ in range(rng.randint(0, 15))]
    size = len("\n".join(lines))
    cuts = sorted(rng.sample(range(size + 2), rng.randint(0, min(5, size + 2))))
    if rng.random() < 0.5:  # sections that start where lines start, as detect_sections gives
        offsets = [0]
        for line in lines[:-1]:
            offsets.append(offsets[-1] + len(line) + 1)
        cuts = sorted(set(rng.sample(offsets, rng.randint(1, len(offsets)))))
    bounds = [0, *cuts, size] if not cuts or cuts[0] else [*cuts, size]
    sections = [
        (a, b, rng.choice(["education", "experience", "other"]))
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]
    assert _line_sections(lines, sections) == _line_sections_reference(lines, sections)


def _lead_texts(shared_data: Path) -> list[str]:
    texts = ["\n".join(ODD_LINES), "phd", "x phd", "\nphd\n", "ms\nin physics", "ba"]
    for path in sorted((shared_data / "postings").rglob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            texts += [json.loads(line).get("text") or "" for line in f]
    return texts


def test_a_scan_led_by_its_non_word_character_finds_the_same_lines(shared_data: Path) -> None:
    # "\n" + text searched for \W + the union: the lines of the union's own matches
    import re

    from jobmatch.scoring.education import _lines_of
    from jobmatch.scoring.resume_facts import ANY_DEGREE_PATTERN

    plain = re.compile(ANY_DEGREE_PATTERN, re.MULTILINE)
    led = re.compile(r"\W(?:" + ANY_DEGREE_PATTERN + ")")
    for text in _lead_texts(shared_data):
        for variant in (text.lower(), text.upper().lower()):
            assert _lines_of(led, variant, lead=True) == _lines_of(plain, variant)


def test_the_ascii_led_scan_matches_the_unicode_led_one(shared_data: Path) -> None:
    # the scan's leading \W is ASCII's held to Unicode's, and each letter's own lookbehind
    # is dropped: the same matches as Unicode's \W before the whole union
    import re

    from jobmatch.scoring.education import _EXTRA_LOWER, _MAYBE_DEGREE_AFTER
    from jobmatch.scoring.resume_facts import ANY_DEGREE_PATTERN

    plain = re.compile(r"\W(?:" + "|".join([ANY_DEGREE_PATTERN, *_EXTRA_LOWER]) + ")")
    assert "(?<!\\wp)" in plain.pattern and "(?<!\\wp)" not in _MAYBE_DEGREE_AFTER.pattern
    # a non-ASCII letter or digit before a form is a word character: no match there
    odd = [
        "\u00e9ms in physics \u00e9phd \u0661bs: math \u00aaba in art \u2160mba x\u00b2ms in y",
        "\u2013ph.d \u00a0bachelor's \u2028m.s. in x \u00bfmasters: y _mba (phd) /ms in z",
    ]
    for text in [*odd, *_lead_texts(shared_data)]:
        for variant in ("\n" + text.lower(), "\n" + text):
            ours = [m.span() for m in _MAYBE_DEGREE_AFTER.finditer(variant)]
            assert ours == [m.span() for m in plain.finditer(variant)]
    assert [m.start() for m in _MAYBE_DEGREE_AFTER.finditer(odd[0])] == []


def test_degree_level_on_lower_cased_ascii_is_the_case_blind_one(shared_data: Path) -> None:
    # an ASCII line is lower-cased and matched without IGNORECASE: the same level
    from jobmatch.scoring import resume_facts as rf

    def case_blind(line: str) -> str | None:
        if rf._ANY_DEGREE.search(line) is None:
            return None
        return next((lvl for lvl, rx in rf._LEVEL_RES if rx.search(line)), None)

    lines = [*ODD_LINES, "JURIS DOCTOR", "Juris Doctorate", "M.D. Anderson", "Certified Associate"]
    for text in _lead_texts(shared_data):
        lines += text.split("\n")
    levelled = 0
    for line in lines:
        for variant in (line, line.upper(), line.title()):
            level = rf.degree_level(variant)
            assert level == case_blind(variant), variant
            levelled += level is not None
    assert levelled > 300
