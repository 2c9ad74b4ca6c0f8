"""read_resume: dates, roles paired by layout, degrees, years, the path/text rule, bad input."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import jobmatch
from jobmatch.models import Document, ResumeFacts
from jobmatch.scoring.dates import find_ranges, span_months
from jobmatch.scoring.resume_reader import read_resume

AS_OF = date(2026, 11, 1)


def facts(text: str) -> ResumeFacts:
    return read_resume(text, as_of=AS_OF)


def roles(text: str) -> list[tuple[str, str, str, str]]:
    return [(r.title, r.start, r.end, r.kind) for r in facts(text).roles]


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Jan 2019 – Present", "2019-01", None),
        ("03/2020 - 05/2021", "2020-03", "2021-05"),
        ("2015-2018", "2015", "2018"),
        ("2015-03 – 2016-04", "2015-03", "2016-04"),
        ("Sep. 2023  Mar. 2024", "2023-09", "2024-03"),  # the dash lost by a PDF font
        ("January 2014 to October 2014", "2014-01", "2014-10"),
        ("01/2014 to Current", "2014-01", None),
        ("Mar. 2016  Exp. Jun. 2017", "2016-03", "2017-06"),
        ("Fall 2013 – Spring 2014", "2013-09", "2014-03"),
        ("janv. 2020 - aujourd'hui", "2020-01", None),
        ("März 2018 bis heute", "2018-03", None),
        ("septiembre 2017 - actualidad", "2017-09", None),
        ("December2015", "2015-12", "2015-12"),
        ("Mar '19 – Jun '21", "2019-03", "2021-06"),
        ("since 2019", "2019", None),
        ("seit Mai 2020", "2020-05", None),
        ("2019.03 - 2021.05", "2019-03", "2021-05"),
        # a dash the PDF's font could not map, read as U+FFFD (livecareer exports)
        ("02/2013 \ufffd 08/2015", "2013-02", "2015-08"),
        ("2008 \ufffd Current", "2008", None),
        ("2015 \u2212 2018", "2015", "2018"),  # a minus sign
    ],
)
def test_date_ranges(line: str, start: str, end: str | None) -> None:
    (rng,) = find_ranges(line)
    assert rng.start.iso() == start
    assert (rng.end.iso() if rng.end is not None else None) == end


@pytest.mark.parametrize(
    "line", ["handled 2,000 requests per second", "Drupal 7 and Drupal 8", "Junior Analyst"]
)
def test_no_dates(line: str) -> None:
    assert find_ranges(line) == []


@pytest.mark.parametrize(
    ("line", "months"),
    [
        ("2018 - 2021", 36),  # year-only: middle of the year to middle of the year
        ("2019", 6),  # a lone year
        ("Jun 2018 - Sep 2018", 4),  # both end months count
        ("06/2016", 1),  # a lone month
        ("Summer 2022", 3),
        ("Jun 2022 - Present", 54),  # to the month of as_of (2026-11-01)
    ],
)
def test_span_months(line: str, months: int) -> None:
    (rng,) = find_ranges(line)
    span = span_months(rng, as_of=AS_OF)
    assert span is not None and span[1] - span[0] == months


def test_ranges_ending_before_they_start_are_a_warning_not_an_error() -> None:
    f = facts("EXPERIENCE\nData Engineer, Initech 2019 - 2015\n")
    assert (f.years, [r.years for r in f.roles]) == (0.0, [0.0])
    assert "dates of 'Data Engineer' end before they start or lie ahead: not counted" in (
        f.warnings
    )


# ------------------------------------------------------------------------------ layouts

ONE_LINE = """\
EXPERIENCE
Senior Staff Nurse, St Aidan's Hospital — Apr 2022 – Present
- Lead shifts on a 28-bed acute medical unit.
Staff Nurse, Riverside General Hospital — Sep 2018 – Mar 2022
- Cared for patients before and after surgery.
"""

# a date column printed before the entries (the left column of a two-column PDF)
DATE_COLUMN = """\
Experience

June 2020 –
Present

July 2015 –
May 2020

MERN Stack Developer, OpenAI, San Francisco, USA
Working on the development of the ChatGPT project, using Node.js and React.
Full Stack Developer, Uber, San Francisco, USA
Developed and maintained scalable web applications using the MERN stack.
Software Developer, Facebook, Menlo Park, USA
"""

# title, employer, then the right-hand column (date, place) after them
RIGHT_COLUMN = """\
EXPERIENCE
Senior Software Engineer
Stripe

Jan 2023 - Present
San Francisco, CA
•  Designed a real-time fraud detection pipeline
Software Engineer
Figma

Jun 2021 - Dec 2022
San Francisco, CA
•  Built collaborative editing infrastructure
"""

# employer, place, title; the date printed among the bullets; page footers in between
AMONG_BULLETS = """\
Work Experience
Danggeun Pay Inc.

Seoul, S.Korea

Site Reliability Engineer & Infrastructure Team Lead
• Everything that matters.
• Designed and provisioned the entire infrastructure on the AWS cloud for financial

Mar. 2021  Jun. 2023

services in Korea.

February 10, 2026

Byungjin Park · Résumé

1

Kasa

Seoul, S.Korea

Director of Infrastructure Division
Jun. 2018  Jan. 2021
• Designed onboarding process to guide new engineers.

February 10, 2026

Byungjin Park · Résumé

2
"""

LIVECAREER = """\
Experience
01/2013 to 01/2016
Engineering and Quality Technician Company Name ï¼ City , State

Planned, performed and conducted semiconductor production process development.

01/2007 to 01/2012
Company Name

Lecturer in Environmental Science and Technology Effectively engaged in course curriculum, taught

October 2009
to
March 2015
Company Name City , State Client Relations Advocate
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ONE_LINE,
            [
                ("Senior Staff Nurse", "2022-04", "present", "job"),
                ("Staff Nurse", "2018-09", "2022-03", "job"),
            ],
        ),
        (
            DATE_COLUMN,
            [
                ("MERN Stack Developer", "2020-06", "present", "job"),
                ("Full Stack Developer", "2015-07", "2020-05", "job"),
            ],
        ),
        (
            RIGHT_COLUMN,
            [
                ("Senior Software Engineer", "2023-01", "present", "job"),
                ("Software Engineer", "2021-06", "2022-12", "job"),
            ],
        ),
        (
            AMONG_BULLETS,
            [
                (
                    "Site Reliability Engineer & Infrastructure Team Lead",
                    "2021-03",
                    "2023-06",
                    "job",
                ),
                ("Director of Infrastructure Division", "2018-06", "2021-01", "job"),
            ],
        ),
        (
            LIVECAREER,
            [
                ("Engineering and Quality Technician", "2013-01", "2016-01", "job"),
                ("Lecturer in Environmental Science and Technology", "2007-01", "2012-01", "job"),
                ("Client Relations Advocate", "2009-10", "2015-03", "job"),
            ],
        ),
    ],
    ids=["one-line", "date-column", "right-column", "among-bullets", "livecareer"],
)
def test_dates_paired_with_entries_by_layout(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert roles(text) == expected


# one research job since mid-2023 and four summer internships, in three layouts
AI_TITLE_EMPLOYER_PLACE_DATE = """\
EXPERIENCE
Research Scientist
Google DeepMind
London, UK
Jul 2023 – Present
Research Intern
Meta AI
Menlo Park, CA
Jun 2022 – Sep 2022
Research Intern
NVIDIA
Santa Clara, CA
Jun 2020 – Sep 2020
PUBLICATIONS
Doe, J. Scaling laws for things. NeurIPS 2022.
FELLOWSHIPS
NSF Graduate Research Fellowship, machine learning, 2019 – 2022
Jane Doe – 1/2
"""
AI_COLUMN_AFTER = """\
Experience
Research Scientist, Google DeepMind
Research Intern, Meta AI
Research Intern, NVIDIA
London, UK
Jul 2023 – Present
Menlo Park, CA
Jun 2022 – Sep 2022
Santa Clara, CA
Jun 2020 – Sep 2020
4 months
Education
PhD
Princeton University, Computer Science
"""
AI_EMPLOYER_FIRST = """\
EXPERIENCE
Google DeepMind — Research Scientist (Jul 2023 – present)
Meta AI — Research Intern (Summer 2022)
NVIDIA — Research Intern (Summer 2020)
"""


@pytest.mark.parametrize(
    ("text", "internships"),
    [(AI_TITLE_EMPLOYER_PLACE_DATE, 0.7), (AI_COLUMN_AFTER, 0.7), (AI_EMPLOYER_FIRST, 0.5)],
    ids=["title-employer-place-date", "column-after", "employer-first"],
)
def test_a_research_cv_in_three_layouts(text: str, internships: float) -> None:
    f = facts(text)
    assert (f.years, f.internship_years, f.most_recent_title) == (
        3.4,
        internships,
        "Research Scientist",
    )
    assert [(r.title, r.employer, r.kind) for r in f.roles] == [
        ("Research Scientist", "Google DeepMind", "job"),
        ("Research Intern", "Meta AI", "internship"),
        ("Research Intern", "NVIDIA", "internship"),
    ]
    assert not any(w.startswith("dates without") for w in f.warnings), f.warnings


def test_employers_and_the_entry_left_without_dates() -> None:
    f = facts(DATE_COLUMN)
    assert [r.employer for r in f.roles] == ["OpenAI", "Uber"]
    assert f.warnings == ("entry without dates: 'Software Developer'",)


def test_education_projects_awards_and_courses_are_never_jobs() -> None:
    text = (
        "EXPERIENCE\nData Scientist, Uber 2018 - 2021\n"
        "EDUCATION\n2014 – 2016 Master of Science in Computer Science, MIT\n"
        "PROJECTS\n2021 – Present Personal Project: Stock Trading Model\n"
        "HONORS & AWARDS\nFinalist, DEFCON CTF World Final 2019\n"
        "COURSES\nMachine learning, Coursera 2016 - 2017\n"
    )
    assert roles(text) == [("Data Scientist", "2018", "2021", "job")]


def test_kinds_and_separate_internship_years() -> None:
    text = (
        "EXPERIENCE\nSoftware Engineer, ABC — May 2023 - Present\n"
        "Software Engineer Intern, DEF — Jun 2022 - Aug 2022\n"
        "Research Assistant, XYZ University — Summer 2021\n"
        "VOLUNTEER EXPERIENCE\nSwim Coach, YMCA — June 2012 - Present\n"
    )
    f = facts(text)
    assert [r.kind for r in f.roles] == ["job", "internship", "internship", "volunteer"]
    assert (f.years, f.internship_years, f.most_recent_title) == (3.6, 0.5, "Software Engineer")


def test_most_recent_title_is_the_latest_job_not_the_first_listed() -> None:
    text = (
        "Work Experience\nSous Chef Jul 2010\nFront Desk Manager Jan 2013 to Jan 2014\n"
        "Shift Supervisor Jun 2007 to Dec 2007\n"
    )
    assert facts(text).most_recent_title == "Front Desk Manager"


def test_overlapping_jobs_are_counted_once() -> None:
    text = (
        "EXPERIENCE\nInstructor, College — 01/2014 to Current\n"
        "Teacher, High School — 11/2011 to Current\nAgent, Geek Squad — 04/2007 to 09/2010\n"
    )
    assert facts(text).years == 18.6  # 11/2011-11/2026 (15.1) + 04/2007-09/2010 (3.5)


# ------------------------------------------------------------------------------ education


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("EDUCATION\nPhD\nPrinceton University, Computer Science\n", "phd", "computer science"),
        (
            "EDUCATION\nMaster of Science : Analytics University of New Hampshire USA Analytics\n",
            "master",
            "analytics",
        ),
        (
            "EDUCATION\nB.Tech, Computer Science and Engineering, Indian Institute of Technology\n",
            "bachelor",
            "computer science and engineering",
        ),
        (
            "EDUCATION\nBSc (Hons) Adult Nursing, University of Leeds — 2015 – 2018\n",
            "bachelor",
            "adult nursing",
        ),
        (
            "EDUCATION\nM.Tech : Control Systems , 1988 Indian Institute of Technology\n"
            "Course : Machine learning , 2016 Coursera - Stanford USA\n",
            "master",
            "control systems",
        ),
        ("EDUCATION\nHigh School Diploma : General Pennsauken High School\n", "high_school", None),
        # an address after the field, a school right after the degree's name
        (
            "EDUCATION\nMaster of Urban and Regional Planning Indiana University, IN\n",
            "master",
            "urban and regional planning",
        ),
        ("EDUCATION\nBachelor of Arts Bennett College - City , State\n", "bachelor", None),
        (
            "EDUCATION\nPh.D., Computer Science — Princeton University, 2023\n"
            "FELLOWSHIPS\nGraduate Fellowship in machine learning, 2019 - 2022\n",
            "phd",
            "computer science",
        ),
        ("Summary\nI hold a PhD in Physics.\n", "phd", "physics"),  # only in a sentence
        ("no degree at all", "none", None),
    ],
)
def test_highest_degree_and_field(text: str, level: str, field: str | None) -> None:
    f = facts(text)
    assert (f.highest_degree, f.highest_degree_field) == (level, field)


def test_education_entries() -> None:
    f = facts(
        "EDUCATION\nPhD in Computer Science, University of Oslo — 2015 – 2019\n"
        "MSc in Computer Science (Machine Learning), KTH Royal Institute of Technology — 2013\n"
    )
    assert [(e.level, e.field, e.institution, e.year) for e in f.education] == [
        ("phd", "computer science", "University of Oslo", 2019),
        ("master", "computer science", "KTH Royal Institute of Technology", 2013),
    ]


# ------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "EXPERIENCE\nCook\nWaiter\n", "EXPERIENCE\nCook 13/2019 - 45/2020\n"],
)
def test_no_dated_roles_is_zero_years_and_a_warning(text: str) -> None:
    f = facts(text)
    assert (f.years, f.internship_years, f.most_recent_title, f.roles) == (0.0, 0.0, None, ())
    assert "no dated job found: years of experience 0" in f.warnings


def test_unreadable_dates_are_warnings() -> None:
    f = facts("EXPERIENCE\nCook 13/2019 - 45/2020\n")
    assert f.warnings == (
        "unreadable date: 'Cook 13/2019 - 45/2020'",
        "entry without dates: 'Cook 13/2019'",
        "no dated job found: years of experience 0",
    )


def test_path_and_document_are_files_a_str_is_text(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(ONE_LINE, encoding="utf-8")
    from_path = jobmatch.read_resume(path, as_of=AS_OF)
    from_doc = read_resume(jobmatch.read_document(path), as_of=AS_OF)
    assert from_path == from_doc and from_path.source == str(path)
    assert from_path.most_recent_title == "Senior Staff Nurse"
    # a str is the text itself, even when it names an existing file
    assert read_resume(str(path), as_of=AS_OF).roles == ()
    assert read_resume(ONE_LINE, as_of=AS_OF).source == "<text>"


def test_document_warnings_are_kept() -> None:
    doc = Document(text=ONE_LINE, source="cv.pdf", format="pdf", warnings=("page 2 empty",))
    assert read_resume(doc, as_of=AS_OF).warnings[0] == "page 2 empty"


def test_missing_file_is_our_error_and_other_types_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(jobmatch.DocumentNotFoundError):
        read_resume(tmp_path / "nope.pdf")
    with pytest.raises(TypeError, match="needs a Path, a Document or a str, not bytes"):
        read_resume(b"text")  # type: ignore[arg-type]


def test_as_of_defaults_to_today() -> None:
    assert read_resume("x").as_of == date.today().isoformat()


# ------------------------------------------------------------------------------ schema


def facts_schema() -> dict[str, Any]:
    text = resources.files("jobmatch").joinpath("schemas/resume_facts.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


@pytest.mark.parametrize("text", [ONE_LINE, DATE_COLUMN, AMONG_BULLETS, LIVECAREER, ""])
def test_json_follows_the_schema(text: str) -> None:
    jsonschema.validate(facts(text).to_dict(), facts_schema())


def test_schema_refuses_what_the_reader_never_writes() -> None:
    data = facts(ONE_LINE).to_dict()
    data["roles"][0]["kind"] = "hobby"
    with pytest.raises(jsonschema.ValidationError, match="'hobby' is not one of"):
        jsonschema.validate(data, facts_schema())


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "EXPERIENCE\nCook, Denny's — 2019 - 2021\nLine Cook, IHOP 2016 - 2019\n",
            ["Cook", "Line Cook"],
        ),
        (
            "EXPERIENCE\nsite lead/process analyst\n"
            "City , State Company Name / Sep 2013 to Current\n",
            ["site lead/process analyst"],
        ),
        # a wrapped line of a duty is no title, even with a title word in it
        (
            "EXPERIENCE\nTeacher, Oak School 2015 - 2016\ntheir SERVICE CENTRE MANAGER\n",
            ["Teacher"],
        ),
    ],
)
def test_titles_that_look_like_duties_and_duties_that_look_like_titles(
    text: str, titles: list[str]
) -> None:
    assert [r.title for r in facts(text).roles] == titles


@pytest.mark.parametrize("engine", ["pdfminer", "pdfium"])
def test_present_ends_on_the_day_the_pdf_was_saved(tmp_path: Path, engine: str) -> None:
    from jobmatch.read.pdfium import available
    from tests.helpers import build_pdf, text_stream

    if engine == "pdfium" and not available():
        pytest.skip("pypdfium2 (the pdfium extra) is not installed")
    # a resume saved in August 2021 says nothing of the years after it
    info = b"<< /CreationDate (D:20200101120000Z) /ModDate (D:20210808155011+05'30') >>"
    lines = ["Experience", "Data Scientist, Acme Corp", "Jan 2019 - Present", "Built models"]
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(
        build_pdf([text_stream(lines)], extra_objects=[info], trailer_extra=b"/Info 5 0 R")
    )
    doc = jobmatch.read_document(pdf, pdf_engine=engine)
    assert doc.dated == "2021-08-08"
    f = read_resume(doc)
    assert (f.as_of, f.years) == ("2021-08-08", 2.7)  # Jan 2019 to Aug 2021, both months
    assert any("the day the file was last saved" in w for w in f.warnings)
    report = jobmatch.Scorer().score_document(doc)
    assert report.career.years == 2.7
    # an explicit as_of wins; a file without a date counts to today
    assert read_resume(doc, as_of=date(2022, 12, 31)).years == 4.0
    undated = Document(text=doc.text, source="cv.txt", format="text")
    assert read_resume(undated).as_of == date.today().isoformat()
    # a role dated after the file's day: that day is wrong (stale metadata), today counts
    later = Document(
        text="Experience\nData Scientist, Acme Corp\nMar 2022 - Present\n",
        source="cv.pdf",
        format="pdf",
        dated="2021-08-08",
    )
    stale = read_resume(later)
    assert stale.as_of == date.today().isoformat() and stale.years > 4
    assert not any("last saved" in w for w in stale.warnings)


# -------------------------------------------------------------- an internship left open

# ARTS_11555549's layout: a student-teaching placement "to Current" from 2003, the teaching
# job that followed it from January 2004
_STALE_PLACEMENT = (
    "Experience\nCompany Name October 2003 to Current Student Teacher\nCity , State\n\n"
    "Designed and implemented daily lesson plans.\n\n"
    "Company Name January 2004 to Current Visual Arts Teacher\nCity , State\n\n"
    "Design and implement daily lesson plans for grades 1-8.\n"
)


def test_an_open_internship_ends_when_the_next_job_starts() -> None:
    f = facts(_STALE_PLACEMENT)
    assert roles(_STALE_PLACEMENT) == [
        ("Student Teacher", "2003-10", "2003-12", "internship"),
        ("Visual Arts Teacher", "2004-01", "present", "job"),
    ]
    assert f.internship_years == 0.2  # October to December 2003, not 23 years
    assert f.years == 22.9  # January 2004 to November 2026 (275 months): as written
    assert any(
        "'Student Teacher' from 2003-10 to present would run 23.2 years" in w
        and "counted to 2003-12" in w
        for w in f.warnings
    ), f.warnings


def test_an_open_internship_without_a_later_job_is_counted_and_flagged() -> None:
    text = "Experience\nMarketing Intern, Acme Inc, January 2020 - Present\n"
    f = facts(text)
    assert f.internship_years == 6.9  # as written: January 2020 to November 2026, 83 months
    assert any("longer than an internship lasts: counted as written" in w for w in f.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # an open internship of up to two years, beside a later job: both as written
        "Experience\nResearch Intern, Acme Inc, January 2025 - Present\n"
        "Barista, Cafe Nero, March 2025 - Present\n",
        # a closed one, however long, is as the resume says
        "Experience\nEngineering Trainee, Acme Inc, January 2010 - December 2013\n"
        "Engineer, Acme Inc, January 2014 - Present\n",
    ],
)
def test_other_internships_are_counted_as_written(text: str) -> None:
    f = facts(text)
    assert not any("internship" in w for w in f.warnings), f.warnings
    assert [r.end for r in f.roles if r.kind == "internship"] in (["present"], ["2013-12"])


def test_a_range_over_three_lines_with_a_blank_line_after_its_start() -> None:
    # AVIATION_10567764: "November 2014" / "" / "to" / "March 2015" / "... Aircraft Painter"
    text = (
        "Experience\nOctober 2013\nto\nJune 2014\nCompany Name City , State Aircraft Worker\n"
        "\nWorked on P-3s.\n\nNovember 2014\n\nto\nMarch 2015\n"
        "Company Name City , State Aircraft Painter\n\nWorked on Boeing 737 - 777.\n"
    )
    f = facts(text)
    assert roles(text) == [
        ("Aircraft Worker", "2013-10", "2014-06", "job"),
        ("Aircraft Painter", "2014-11", "2015-03", "job"),
    ]
    assert f.years == 1.2  # 9 + 5 months
    assert f.warnings == ()
