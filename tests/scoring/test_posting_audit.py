"""What a posting asks, in shapes an audit of the shared postings found misread: the fields
of a degree read as skills, ..."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def _asked(text: str, extractor: SkillExtractor) -> dict[str, bool]:
    """Each skill asked, with whether it is required."""
    out: dict[str, bool] = {}
    for r in read_posting(text, extractor=extractor).requirements:
        for s in r.skills:
            out[s.skill_id] = out.get(s.skill_id, False) or r.required
    return out


@pytest.mark.parametrize(
    ("line", "fields", "asked"),
    [
        (
            "Ph.D. in cell biology, immunology, biochemistry, or a related discipline",
            ["cell_biology", "immunology", "biochemistry"],
            [],
        ),
        (
            "Minimum of a Masters Degree in Epidemiology, Biostatistics or Health Economics",
            ["epidemiology", "biostatistics", "health_economics"],
            [],
        ),
        (
            "BS/MS in Biochemistry/Pharmacology with 7 years industry experience",
            ["pharmacology"],
            [],
        ),
        # the list ends where the clause turns to something else than the degree
        (
            "Bachelor's degree in Biochemistry with experience in immunology",
            ["biochemistry"],
            ["immunology"],
        ),
        ("MS or BS in Computer Science Good written and spoken English", [], ["english"]),
        ("Master's degree in Economics and proficiency in SQL", [], ["sql"]),
    ],
)
def test_the_fields_of_a_degree_are_no_skills(
    extractor: SkillExtractor, line: str, fields: list[str], asked: list[str]
) -> None:
    got = _asked(f"Data Scientist\n\nRequirements\n- {line}\n", extractor)
    assert not set(fields) & set(got)
    assert {s: True for s in asked}.items() <= got.items()
