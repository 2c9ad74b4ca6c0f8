"""The sections of a document are found once, by the extractor, and passed to the readers.

The extractor keeps the sections it found for a doc's mentions on the doc
(``doc_sections``); the resume and posting readers take them instead of finding them again,
and find them again when they repaired the text first.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.extract.mentions import SECTIONS_KEY, doc_sections
from jobmatch.extract.sections import detect_sections
from jobmatch.scoring.posting_reader import read_requirements
from jobmatch.scoring.resume_reader import education_from_text, facts_from_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RESUME = (SAMPLES / "research_engineer_resume.txt").read_text(encoding="utf-8")
POSTING = (
    "About us\nWe build robots.\nRequirements:\n- Python and SQL\n- MSc in computer science\n"
    "Nice to have\n- Docker\n"
)


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor()


@pytest.mark.parametrize("text", [RESUME, POSTING])
def test_the_doc_keeps_the_sections_of_its_mentions(extractor: SkillExtractor, text: str) -> None:
    doc, mentions = next(extractor.pipe_docs([text]))
    assert mentions
    assert doc.user_data[SECTIONS_KEY] == (text, detect_sections(text))
    assert doc_sections(doc, text) == detect_sections(text)


def test_another_text_of_the_same_length_gets_its_own_sections(
    extractor: SkillExtractor,
) -> None:
    doc, _ = next(extractor.pipe_docs([POSTING]))
    other = "Benefits:\n" + "x" * (len(POSTING) - len("Benefits:\n"))
    assert len(other) == len(POSTING)
    assert doc_sections(doc, other) == detect_sections(other) != detect_sections(POSTING)


def test_a_doc_without_mentions_finds_its_sections(extractor: SkillExtractor) -> None:
    text = "Requirements:\nkindness\n"
    doc, mentions = next(extractor.pipe_docs([text]))
    assert mentions == [] and SECTIONS_KEY not in doc.user_data
    assert doc_sections(doc, text) == [(0, len(text), "requirements")]


def test_the_readers_read_the_same_with_the_sections_given(extractor: SkillExtractor) -> None:
    sections = detect_sections(RESUME)
    as_of = date(2026, 6, 1)
    assert facts_from_text(RESUME, as_of=as_of, sections=sections) == facts_from_text(
        RESUME, as_of=as_of
    )
    assert education_from_text(RESUME, sections=sections) == education_from_text(RESUME)
    doc, mentions = next(extractor.pipe_docs([POSTING]))
    lexicon = extractor.lexicon
    given = read_requirements(
        POSTING, mentions, lexicon=lexicon, sections=doc_sections(doc, POSTING)
    )
    assert given == read_requirements(POSTING, mentions, lexicon=lexicon)
    got = [([s.skill_id for s in r.skills], r.required) for r in given.requirements]
    assert got == [(["python"], True), (["sql"], True), (["docker"], False)]


def test_sections_of_a_repaired_text_are_found_again() -> None:
    # the resume reader repairs a mis-decoded no-break space ("Â\xa0") first: the text it
    # reads is not the one the sections were found for, so they are not used
    text = "Education\nMSc in Physics,\u00c2\u00a0MIT, 2019\nExperience\nEngineer, Acme, 2020\n"
    wrong = [(0, len(text), "experience")]
    found = education_from_text(text, sections=wrong)
    assert found == education_from_text(text)
    assert [(e.level, e.field, e.year) for e in found] == [("master", "physics", 2019)]
    # the same sections on the text without the repair are used (and mislead the reader)
    plain = text.replace("\u00c2\u00a0", " ")
    assert education_from_text(plain, sections=wrong) != education_from_text(plain)
