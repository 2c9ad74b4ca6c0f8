"""What a posting asks, in more shapes the fifth audit of the shared postings found misread
(tests/scoring/data/postings_gold_s20.json): an initialism's full stop inside a sentence."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_rules import clauses


def _requirements(text: str, extractor: SkillExtractor) -> list[tuple[list[str], bool]]:
    """Each requirement's skill ids, with whether it is required."""
    return [
        ([s.skill_id for s in r.skills], r.required)
        for r in read_posting(text, extractor=extractor).requirements
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # glassdoor-0624: "requires" asks the clearance; "U.S." ended the sentence before
        (
            "This position requires U.S. Citizenship and a security clearance. We are growing.",
            [
                "This position requires U.S. Citizenship and a security clearance.",
                "We are growing.",
            ],
        ),
        ("Must obtain a U.K. Security Clearance", ["Must obtain a U.K. Security Clearance"]),
        # a sentence still ends after a word's full stop, and "e.g." still ends none
        ("We use SQL. Python is a plus.", ["We use SQL.", "Python is a plus."]),
        ("Tools (e.g. Excel) matter. Git too.", ["Tools (e.g. Excel) matter.", "Git too."]),
    ],
)
def test_an_initialism_ends_no_sentence(text: str, parts: list[str]) -> None:
    assert [text[a:b] for a, b in clauses(text)] == parts


def test_a_clearance_after_us_citizenship_is_required(extractor: SkillExtractor) -> None:
    # glassdoor-0624: the clause after "U.S." lost its "requires" and was preferred
    text = (
        "Job Description:\n\nAcme is seeking an experienced Data Scientist to join our team "
        "supporting a federal contract. This position requires U.S. Citizenship and an active "
        "TS/SCI security clearance. You will build models for our client.\n"
    )
    assert (["security_clearance"], True) in _requirements(text, extractor)
