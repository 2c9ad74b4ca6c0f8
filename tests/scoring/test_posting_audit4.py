"""What a posting asks, in more shapes an audit of the shared postings found misread: an
acceptable alternative to an ideal skill, the company's own name read as a skill, the
departments a posting names as colleagues, an alias of Microsoft Office."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def _requirements(text: str, extractor: SkillExtractor) -> list[tuple[list[str], bool]]:
    """Each requirement's skill ids, with whether it is required."""
    return [
        ([s.skill_id for s in r.skills], r.required)
        for r in read_posting(text, extractor=extractor).requirements
    ]


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        # glassdoor-0516
        ("General knowledge of Microsoft Suite preferred", [(["microsoft_office"], False)]),
        ("Proficiency in the MS Suite", [(["microsoft_office"], True)]),
    ],
)
def test_microsoft_suite_is_microsoft_office(
    extractor: SkillExtractor, line: str, asked: list[tuple[list[str], bool]]
) -> None:
    text = f"Analyst\n\nRequirements\n- {line}\n"
    assert _requirements(text, extractor) == asked
