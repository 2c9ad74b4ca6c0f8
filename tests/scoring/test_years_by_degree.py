"""Years of experience that depend on the degree ("Bachelor of Science and 5 years ... OR
Master of Science and 3 years"): the reading keeps each degree's figure, a resume is asked
the figure of its highest degree held (not one in progress), and the reports say which
figure applied. The texts are written for these tests."""

from __future__ import annotations

import json

import pytest

import jobmatch
from jobmatch.posting_report import render_posting
from jobmatch.report_facts import years_lines
from jobmatch.scoring.posting_degree_years import degree_years
from jobmatch.scoring.posting_reader import read_posting


@pytest.mark.parametrize(
    ("clause", "years", "by_degree"),
    [
        ("Bachelor of Science and 5 years' data science experience OR Master of Science and"
         " 3 years' data science experience.", 5.0, (("master", 3.0),)),
        ("Minimum 5 years (with M.S. degree) or 3 years (with PhD) of industry experience.",
         5.0, (("phd", 3.0),)),
        ("BS or MS with 5+ years industry experience or PhD with at least 2 years of"
         " postdoctoral or equivalent industry experience.", 5.0, (("phd", 2.0),)),
        ("PhD + 2 years or Masters plus 5 years of experience in Operations Research.",
         5.0, (("phd", 2.0),)),
        # a figure naming no degree is asked of any degree
        ("Three (3) to five (5) years' experience (or MA/MS and two (2) years of experience).",
         3.0, (("master", 2.0),)),
        ("PhD or MS/BS in Biology with a minimum of 2 years (PhD) or 6 years (MS/BS) industry"
         " experience.", 6.0, (("phd", 2.0),)),
        ("Bachelors degree with 7 years of experience, Masters with 5 years of experience or"
         " PHD with 3 years of experience.", 7.0, (("master", 5.0), ("phd", 3.0))),
        ("Minimum of 8 years of relevant experience in data science OR Masters Degree and"
         " job-related experience, 6 years, OR Doctorate and job-related experience, 3 years",
         8.0, (("master", 6.0), ("phd", 3.0))),
        ("MSc or PhD in statistics with at least 2 years (if PhD) and 3+ years relevant work"
         " experience", 3.0, (("phd", 2.0),)),
        ("BS with 2+ years, or MS with 0-3 years", 2.0, (("master", 0.0),)),
        ("BS/BA degree plus a minimum 0-2 years of data validation OR no degree w/6 years'"
         " experience of data validation.", 6.0, (("bachelor", 0.0),)),
    ],
)  # fmt: skip
def test_the_years_each_degree_is_asked(
    clause: str, years: float, by_degree: tuple[tuple[str, float], ...]
) -> None:
    found = degree_years(clause)
    assert found is not None and (found.years, found.by_degree) == (years, by_degree)
    read = read_posting(f"Requirements:\n- {clause}\n")
    assert (read.years_min, read.years_by_degree) == (years, by_degree)


@pytest.mark.parametrize(
    ("lines", "years", "by_degree"),
    [
        # the alternatives go on after a semicolon, a line break or a sentence
        ("BS in Computer Science with ten (10) years of experience; OR MS in the same fields"
         " with eight (8) years of experience; OR PhD with five (5) years of experience.",
         10.0, (("master", 8.0), ("phd", 5.0))),
        ("Bachelor's degree in related discipline and four to six years of relevant"
         " experience; or\n- Master's degree (M.A./M.S.) in related discipline and two to four"
         " years of relevant experience; or\n- Equivalent combination of education and"
         " experience.", 4.0, (("master", 2.0),)),
        ("Bachelor's degree in Statistics and 5 years of experience in data analytics."
         " Alternatively, we will accept a Master's degree in the same fields and 3 years of"
         " experience in data analytics.", 5.0, (("master", 3.0),)),
        # "and no experience": 0 years with that degree
        ("Bachelor's degree and at least 2 years of machine learning experience OR,\n"
         "- Master's degree and no experience OR,\n- At least 4 years of machine learning"
         " experience.", 4.0, (("bachelor", 2.0), ("master", 0.0))),
    ],
)  # fmt: skip
def test_alternatives_in_the_next_clauses(
    lines: str, years: float, by_degree: tuple[tuple[str, float], ...]
) -> None:
    read = read_posting(f"Data Scientist\n\nRequirements:\n- {lines}\n- Python.\n")
    assert (read.years_min, read.years_by_degree) == (years, by_degree)


def test_the_next_clause_without_or_is_no_alternative() -> None:
    read = read_posting(
        "Requirements:\n- Bachelor's degree and 5 years of experience.\n"
        "- Master's degree in statistics and 3 years of experience with Python preferred.\n"
    )
    assert (read.years_min, read.years_by_degree) == (5.0, ())


@pytest.mark.parametrize(
    "clause",
    [
        "5+ years of experience with Python.",
        "4 years relevant experience OR 6 years of experience in data analysis.",
        "At least 7 years of incident response. At least 2 years leading small teams.",
    ],
)
def test_years_that_name_no_degree_keep_one_figure(clause: str) -> None:
    assert degree_years(clause) is None
    assert read_posting(f"Requirements:\n- {clause}\n").years_by_degree == ()


def test_a_degree_that_meets_the_years_alone_has_none() -> None:
    read = read_posting("Requirements:\n- BS with 2+ years, or MS with 0-3 years\n")
    assert (read.years_min, read.years_or_degree) == (2.0, "master")
    read = read_posting("Requirements:\n- At least 3 years of industry experience (or a PhD)\n")
    assert (read.years_min, read.years_or_degree, read.years_by_degree) == (
        3.0,
        "phd",
        (("phd", 0.0),),
    )


POSTING = (
    "Data Scientist\n\nMinimum Qualifications:\n- Bachelor of Science and 5 years of experience"
    " OR Master of Science and 3 years of experience.\n- Strong Python and SQL skills.\n"
)


def resume(degrees: str) -> str:
    return (
        f"Jane Doe\n\nEDUCATION\n{degrees}\n\nEXPERIENCE\n"
        "Data Scientist, Acme   Jan 2021 - Jun 2024\n- Python and SQL models.\n"
    )


BACHELOR = "B.S. in Statistics, Stanford University, 2020"
MASTER = "M.S. in Statistics, Stanford University, 2020"
PHD = "Ph.D. in Statistics, Stanford University, 2020"
IN_PROGRESS = "B.S. in Statistics, Stanford University, 2018\nM.S. in Statistics, expected 2026"


@pytest.mark.parametrize(
    ("degrees", "asked", "degree", "met"),
    [
        (BACHELOR, 5.0, None, False),
        (MASTER, 3.0, "master", True),
        (PHD, 3.0, "master", True),  # a higher degree gets the master's figure
        (IN_PROGRESS, 5.0, None, False),  # a master's in progress is not held
    ],
)
def test_the_figure_of_the_highest_degree_held_applies(
    degrees: str, asked: float, degree: str | None, met: bool
) -> None:
    report = jobmatch.match(resume(degrees), POSTING)
    [years] = report.years
    assert (years.asked, years.degree) == (asked, degree)
    assert (years.credit == 1.0) is met
    assert ("years" in {m.requirement for m in report.missing}) is not met


def test_the_reports_say_which_figure_applied() -> None:
    assert "Experience: 5+ years (3+ with a master's degree)" in render_posting(
        read_posting(POSTING)
    )
    [years] = jobmatch.match(resume(MASTER), POSTING).years
    line, _ = years_lines(years)
    assert line.startswith("5+ years of experience (3+ with a master's degree): ")
    assert "3.5 of 3 years count, as asked with a master's degree (met)" in line
    [years] = jobmatch.match(resume(BACHELOR), POSTING).years
    assert "3.5 of 5 years count (partly met)" in years_lines(years)[0]


def test_the_json_holds_each_degree_s_years() -> None:
    out = json.loads(render_posting(read_posting(POSTING), "json"))
    assert (out["years_min"], out["years_by_degree"]) == (5.0, [{"degree": "master", "years": 3.0}])
    report = jobmatch.match(resume(MASTER), POSTING).to_dict()
    [years] = report["years"]
    assert (years["asked"], years["degree"], years["instead"]) == (3.0, "master", None)


@pytest.mark.parametrize(
    ("clause", "years", "by_degree"),
    [
        # the words of the posting reader's table of degrees: "Scrum Master" (skillspan's
        # "Experience as Scrum Master and ensuring ...") and the MS of "LC-MS" name none
        ("Experience as a Scrum Master and 5+ years of agile delivery, or a Master's degree"
         " and 3+ years of experience.", 5.0, (("master", 3.0),)),
        ("Certified Scrum Master with 6 years of experience, or a Bachelor's degree with 4"
         " years of experience.", 6.0, (("bachelor", 4.0),)),
        ("Hands-on LC-MS and 5+ years of bioanalytical experience, or BS and 7+ years of"
         " experience.", 5.0, ()),
        # ... and a degree named after another ("Bachelor or Master") is one of the run
        ("Bachelor or Master degree with 5 years of experience or PhD with 2 years",
         5.0, (("phd", 2.0),)),
    ],
)  # fmt: skip
def test_degrees_are_read_through_the_reader_s_table(
    clause: str, years: float, by_degree: tuple[tuple[str, float], ...]
) -> None:
    found = degree_years(clause)
    assert found is not None and (found.years, found.by_degree) == (years, by_degree)
