"""Session 26, seventeenth reading of the postings (the glassdoor postings whose id ends in
1): the texts are written for these tests after the wording of the postings named."""

from __future__ import annotations

import pytest

from jobmatch.scoring.posting_reader import read_posting


@pytest.mark.parametrize(
    ("clause", "or_experience"),
    [
        # glassdoor-0501, -0811: experience named without "equivalent" replaces the degree
        ("4-year undergraduate degree or demonstrated relevant progressive experience", True),
        ("College degree in science or computer or industrial experience.", True),
        ("Bachelor's degree or professional experience in analytics.", True),
        # the experience is the years' own: "or" joins two kinds of experience
        ("Bachelor's degree and 3 years of academic or industry experience.", False),
        ("BS with 2+ years of research or related experience.", False),
        ("BS, MS or PhD with academic or industry experience in deep learning.", False),
        ("Bachelor's degree in physics or research or industry experience.", False),
        ("Bachelor's degree in Computer Science or a related field.", False),
    ],
)
def test_a_degree_or_plain_experience(clause: str, or_experience: bool) -> None:
    edu = read_posting(f"Requirements:\n- {clause}\n").education
    assert edu is not None and edu.min_level is not None
    assert edu.or_experience is or_experience
