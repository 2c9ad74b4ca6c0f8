"""A date printed between two entries of a right-hand column layout (Awesome-CV): after the
bullets of an entry without a date, above the next entry whose title has its own date below
it. And "Mar. 2016 Exp. Jun. 2017" with one space is one range. The texts are written for
these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jobmatch.scoring.dates import DatePoint, find_ranges
from jobmatch.scoring.resume_reader import facts_from_text

AS_OF = date(2026, 1, 1)
TEXT = (
    "Experience\n"
    "Undergraduate Research, Machine Learning Lab(Prof. Seungjin Choi)\n\nPohang, S.Korea\n\n"
    "Researcher\n• Researched classification algorithms.\n• Developed two applications.\n\n"
    "Mar. 2016  Exp. Jun. 2017\n\nR.O.K Cyber Command, MND\n\nSeoul, S.Korea\n\n"
    "Software Engineer & Security Researcher\nAug. 2014  Apr. 2016\n"
    "• Lead engineer on a backtracking system.\n"
)


def test_an_expected_end_after_one_space_ends_the_range() -> None:
    [r] = find_ranges("Mar. 2016 Exp. Jun. 2017")
    assert (r.start.iso(), r.end.iso() if r.end else None, r.single) == (
        "2016-03",
        "2017-06",
        False,
    )


def test_a_date_between_two_entries_is_the_waiting_one_s() -> None:
    f = facts_from_text(TEXT, as_of=AS_OF)
    assert [(r.title, r.start, r.end, r.kind) for r in f.roles] == [
        ("Undergraduate Research", "2016-03", "2017-06", "other"),
        ("Software Engineer & Security Researcher", "2014-08", "2016-04", "job"),
    ]
    assert f.years == 1.8
    assert not [w for w in f.warnings if "without" in w]


def test_a_date_right_above_the_next_title_is_still_that_title_s() -> None:
    # LiveCareer: each entry's date line stands right above its title line
    text = (
        "Experience\n05/2012 to 09/2012\nDishwasher/cook Company Name City , State\n\nCooked.\n"
        "01/2010 to 05/2015\nLandscaper Company Name City , State\n\nTrimmed trees.\n"
    )
    f = facts_from_text(text, as_of=AS_OF)
    assert [(r.title, r.start, r.end) for r in f.roles] == [
        ("Dishwasher/cook", "2012-05", "2012-09"),
        ("Landscaper", "2010-01", "2015-05"),
    ]


@pytest.mark.parametrize(
    "line", ["Jan 2019 - Mar 2021", "2018 - 2023", "Fall 2020 - Spring 2022", "06/2017 - 2019"]
)
def test_date_point_reads_back_what_iso_wrote(line: str) -> None:
    (found,) = find_ranges(line)
    for point in (found.start, found.end):
        assert point is not None
        back = DatePoint.from_iso(point.iso())
        assert back.iso() == point.iso()
        assert back.year == point.year
        assert back.precision == ("year" if point.precision == "year" else "month")


def test_a_line_without_a_year_or_quoted_year_is_not_scanned_and_loses_nothing(
    shared_data: Path,
) -> None:
    # find_ranges tries the range pattern only on lines holding a year or "'19": every
    # range the pattern finds elsewhere starts with one
    import json

    from jobmatch.scoring import dates

    lines = ["Mar '19 - Present", "Mar \u201919", "10+ years", "03/2015 - 11/2016", "x'12"]
    for path in sorted((shared_data / "postings").rglob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for row in f:
                lines += (json.loads(row).get("text") or "").split("\n")
    found = 0
    for line in lines:
        ranges = [(r.begin, r.stop) for r in dates.find_ranges(line)]
        every = [
            m.span() for m in dates._RANGE_RE.finditer(line) if dates._point(m, "a") is not None
        ]
        assert ranges == every, line
        found += bool(ranges)
    assert found > 100
    assert dates.find_ranges("10+ years, 24/7 support") == []
