"""What a posting asks, in more shapes an audit of the shared postings found misread: an
acceptable alternative to an ideal skill, the company's own name read as a skill, the
departments a posting names as colleagues, an alias of Microsoft Office."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_company import company_names


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


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        # glassdoor-0137: Java meets the requirement as well as Scala
        (
            "Scala would be ideal but a solid knowledge of Java is also acceptable",
            [(["scala", "java"], True)],
        ),
        (
            "Experience with SQL; Python preferred, R is also accepted",
            [(["sql"], True), (["python", "r"], True)],
        ),
        (
            "Strong SQL, Python would be ideal but R is acceptable",
            [(["sql"], True), (["python", "r"], True)],
        ),
        # a preference without an acceptable alternative stays one
        ("Scala would be ideal", [(["scala"], False)]),
        ("Python is preferred but not required", [(["python"], False)]),
    ],
)
def test_an_acceptable_alternative_to_an_ideal_skill(
    extractor: SkillExtractor, line: str, asked: list[tuple[list[str], bool]]
) -> None:
    # (Scala is read beside the words of its context: Spark)
    text = f"Data Engineer\n\nWhat We're Looking For:\nExperience with Spark\n{line}\n"
    assert _requirements(text, extractor) == [(["apache_spark"], True), *asked]


@pytest.mark.parametrize(
    ("line", "asked", "ignored"),
    [
        # glassdoor-0223
        (
            "Serve as PV expert and liaise with Clinical Operations, Biostatistics, "
            "Regulatory Affairs, Contract Research and other entities as needed",
            [],
            {"biostatistics"},
        ),
        (
            "Collaborate with Biostatistics, Data Science and Marketing to deliver insights",
            [],
            {"biostatistics"},
        ),
        # a named technology stays; one name alone may be the field of the work
        (
            "Partner with AWS and Azure",
            [(["aws"], True), (["azure"], True)],
            set(),
        ),
        ("Collaborate with Biostatistics on trial design", [(["biostatistics"], True)], set()),
        # glassdoor-0407: a duty's departments, in lower case after "teams for"
        (
            "Lead and participate in cross-functional teams for corporate sales, marketing, "
            "customer service, and product development",
            [(["cross-functional_teamwork"], True)],
            set(),
        ),
        ("Work with departments including marketing and customer service.", [], set()),
    ],
)
def test_departments_named_as_colleagues_are_not_asked(
    extractor: SkillExtractor,
    line: str,
    asked: list[tuple[list[str], bool]],
    ignored: set[str],
) -> None:
    text = f"Scientist\n\nResponsibilities\n- {line}\n"
    assert _requirements(text, extractor) == asked
    assert {s.skill_id for s in read_posting(text, extractor=extractor).ignored} >= ignored


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("This is Adyen\n\nSpeed is the foundation of our company.", ("Adyen",)),
        (
            "The Data Science & AI group at PA Consulting is your dream community.",
            ("PA Consulting",),
        ),
        ("The mission of our data team at Red Ventures is ...", ("Red Ventures",)),
        ("This is an exciting role.\nThis is Our Moment", ()),
    ],
)
def test_more_places_a_posting_names_its_company(text: str, names: tuple[str, ...]) -> None:
    assert company_names(text) == names


@pytest.mark.parametrize(
    ("head", "line", "asked", "ignored"),
    [
        # glassdoor-0850: the company's own name
        (
            "This is Adyen",
            "Consult companies that work with Adyen",
            [],
            {"adyen"},
        ),
        # glassdoor-0498: a word of the company's name, and the industries it calls its own
        (
            "The Data Science & AI group at PA Consulting is your dream community.",
            "Drive client engagements in PA Consulting key industries: Life Science, Healthcare",
            [],
            {"consulting", "life_sciences"},
        ),
        # a product the company makes may be asked (glassdoor-0506)
        (
            "At Esri, we build maps.",
            "Familiarity with Esri GIS products",
            [(["esri"], True), (["gis"], True)],
            set(),
        ),
        # the same skill in a posting of another company is asked
        (
            "At Acme, we build maps.",
            "Experience in consulting, ideally in life sciences",
            [(["consulting"], True), (["life_sciences"], False)],
            set(),
        ),
    ],
)
def test_the_company_s_own_name_is_no_skill(
    extractor: SkillExtractor,
    head: str,
    line: str,
    asked: list[tuple[list[str], bool]],
    ignored: set[str],
) -> None:
    text = f"Data Scientist\n\n{head}\n\nRequirements\n- {line}\n- Experience with SQL\n"
    assert _requirements(text, extractor) == [*asked, (["sql"], True)]
    assert {s.skill_id for s in read_posting(text, extractor=extractor).ignored} >= ignored
