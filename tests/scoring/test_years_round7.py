"""Years of experience, round 7: figures without "years" after a figure of years ("7+ years
of experience, or 5+ with a Master's"), and a degree clause that accepts years without
"of" in its place ("OR 6 years relevant experience"). The texts are written for these
tests."""

from __future__ import annotations

import pytest

from jobmatch.scoring.posting_degree_years import degree_years
from jobmatch.scoring.posting_reader import read_posting
from jobmatch.scoring.posting_years import years_asked, years_phrase


@pytest.mark.parametrize(
    ("clause", "years", "by_degree"),
    [
        # a bare figure naming its degree after it
        ("7+ years of experience, or 5+ with a Master's, or 3+ with a PhD.",
         7.0, (("master", 5.0), ("phd", 3.0))),
        ("5 years of industry experience (3 with a PhD).", 5.0, (("phd", 3.0),)),
        # ... or before it
        ("Bachelors degree with 7 years of experience, Masters with 5, or PhD with 3.",
         7.0, (("master", 5.0), ("phd", 3.0))),
        ("BS and 6 years of experience in analytics or MS and 4.", 6.0, (("master", 4.0),)),
    ],
)  # fmt: skip
def test_a_figure_without_years_is_asked_of_its_degree(
    clause: str, years: float, by_degree: tuple[tuple[str, float], ...]
) -> None:
    found = degree_years(clause)
    assert found is not None and (found.years, found.by_degree) == (years, by_degree)
    read = read_posting(f"Requirements:\n- {clause}\n- Python.\n")
    assert (read.years_min, read.years_by_degree) == (years, by_degree)


@pytest.mark.parametrize(
    ("clause", "years"),
    [
        # numbers that are no figure of years: no degree beside them
        ("5+ years of experience managing 10+ people with a BS degree.", 5.0),
        ("5+ years of experience and a 3.0 GPA in a Bachelor's degree.", 5.0),
        ("3+ years of experience leading 2 or more data scientists.", 3.0),
        ("4+ years of experience with SQL, Python and 2 cloud platforms.", 4.0),
    ],
)
def test_a_bare_number_without_a_degree_is_no_figure(clause: str, years: float) -> None:
    assert years_asked(clause) == years
    assert degree_years(clause) is None
    assert read_posting(f"Requirements:\n- {clause}\n").years_by_degree == ()


def test_the_years_phrase_ends_at_a_bare_figure() -> None:
    phrase = years_phrase("4+ years of Python experience, or 2+ with a PhD in Statistics")
    assert phrase == "4+ years of Python experience"


def test_years_without_of_replace_the_degree() -> None:
    read = read_posting(
        "Requirements:\n- Bachelor's degree in Computer Science or a technical curriculum"
        " (or Associate's degree + 4 years relevant experience OR 6 years relevant"
        " experience)\n- Python.\n"
    )
    assert read.education is not None
    assert (read.education.or_experience, read.education.or_years) == (True, 6.0)


def test_a_degree_and_or_years_replace_the_degree() -> None:
    read = read_posting(
        "Requirements:\n- University degree in computer science and/or 5 years equivalent"
        " network engineering experience.\n"
    )
    assert read.education is not None
    assert (read.education.or_experience, read.education.or_years) == (True, 5.0)


def test_figures_parted_by_slashes_are_the_degrees_in_turn() -> None:
    clause = (
        "Bachelors or Masters degree in immunology or related field with 5+/3+ years of"
        " experience, respectively."
    )
    found = degree_years(clause)
    assert found is not None and (found.years, found.by_degree) == (5.0, (("master", 3.0),))
    read = read_posting(f"Requirements:\n- {clause}\n- Python.\n")
    assert (read.years_min, read.years_by_degree) == (5.0, (("master", 3.0),))
    # not as many degrees as figures, or no "respectively": no pairing
    assert degree_years("A Bachelor's degree with 5/3 years of experience, respectively.") is None
    assert degree_years("BS or MS with 5/3 years of experience.") is None


def test_years_for_a_higher_grade_are_not_asked() -> None:
    read = read_posting(
        "Requirements:\n- Applicants must have a Ph.D. in Computer Science.\n- Candidates"
        " with at least 5 years of experience will be considered for senior positions.\n"
    )
    assert read.years_min is None
    read = read_posting(
        "Requirements:\n- Candidates with at least 5 years of experience will be considered"
        " for this position.\n"
    )
    assert read.years_min == 5.0


def test_a_range_that_lost_its_dash() -> None:
    assert years_asked("One ( 1 ) Three ( 3 ) years of experience working as a Driver") == 1.0
    assert years_asked("Three (3) to five (5) years of experience") == 3.0
    assert years_asked("five (5) years of experience") == 5.0


def test_a_run_on_list_of_the_candidate_ends_the_years_phrase() -> None:
    phrase = years_phrase(
        "OUR IDEAL CANDIDATE has a minimum of 2 years experience as a Content Manager has"
        " experience in search engine optimisation ( SEO ) is fluent in English"
    )
    assert phrase == "2 years experience as a Content Manager"
