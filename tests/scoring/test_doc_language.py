"""A resume written in English shows written English (audit finding 3: "English" was
reported missing from 54 of 58 English resumes)."""

from __future__ import annotations

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.models import ScoreReport
from jobmatch.report import render_text
from jobmatch.scoring.doc_language import asks_native_english, english_text
from tests.helpers import load_schema, match_texts_on, schema_errors

RESUME_EN = """Jane Doe
Accountant

EXPERIENCE
Staff Accountant, Books Ltd — Jan 2016 – Dec 2023
- Prepared the monthly financial statements and reconciliations for the company.
- Worked with the auditors on the year-end close and with the tax team on filings.
- Built the budget model in Excel that the managers use for their forecasts.

EDUCATION
Bachelor of Science in Accounting, 2015
"""

RESUME_DE = """Erika Mustermann
Buchhalterin

BERUFSERFAHRUNG
Buchhalterin, Müller GmbH — Jan 2016 – Dez 2023
- Erstellung der Monatsabschlüsse und Abstimmungen für das Unternehmen.
- Zusammenarbeit mit den Wirtschaftsprüfern beim Jahresabschluss und mit der Steuerabteilung.
- Aufbau eines Budgetmodells in Excel, das die Führungskräfte für ihre Prognosen nutzen.
- Verantwortlich für die Kreditorenbuchhaltung und die Zahlungsläufe der Firma.

AUSBILDUNG
Bachelor of Science in Betriebswirtschaft, 2015
"""

FRENCH = (
    "Expérience professionnelle: ingénieur logiciel chez Capgemini à Paris de 2017 à 2021. "
    "Développement d'applications web avec Java et Spring pour des clients du secteur "
    "bancaire. Formation: master en informatique, Université de Lyon. Langues: français "
    "(langue maternelle), anglais (courant). Compétences: Python, SQL, gestion de projet, "
    "travail en équipe, communication avec les clients et les partenaires."
)


def _match(extractor: SkillExtractor, resume: str, posting: str) -> ScoreReport:
    report: ScoreReport = match_texts_on(extractor, resume, posting)
    return report


@pytest.mark.parametrize(
    ("text", "english"),
    [(RESUME_EN, True), (RESUME_DE, False), (FRENCH, False), ("Python, SQL and the rest", False)],
)
def test_english_text(text: str, english: bool) -> None:
    assert english_text(text).english is english


@pytest.mark.parametrize(
    ("clause", "native"),
    [
        ("Native English speaker", True),
        ("English (native) and German (B2)", True),
        ("English at C2 level", True),
        ("English mother tongue", True),
        ("Fluent English, written and spoken", False),
        ("Native German and fluent English", False),
        ("Excellent business English", False),
    ],
)
def test_asks_native_english(clause: str, native: bool) -> None:
    assert asks_native_english(clause) is native


def test_a_resume_written_in_english_meets_english(extractor: SkillExtractor) -> None:
    report = _match(extractor, RESUME_EN, "Requirements:\n- Fluent English\n- Excel\n")
    (english,) = [m for m in report.matched if m.skill_id == "english"]
    assert (english.match, english.evidence, english.section) == ("full", "language", "document")
    assert (english.start, english.end, english.mentions) == (0, 0, 0)
    assert english.snippet.startswith("the document is written in English (")
    assert "english" not in {m.skill_id for m in report.missing}
    assert "  + English (Spoken languages)\n      document: the document is written in" in (
        render_text(report)
    )
    assert schema_errors(report.to_dict(), load_schema()) == []


def test_a_native_level_is_met_only_in_part(extractor: SkillExtractor) -> None:
    report = _match(extractor, RESUME_EN, "Requirements:\n- Native English speaker\n- Excel\n")
    (english,) = [m for m in report.matched if m.skill_id == "english"]
    assert (english.match, english.evidence) == ("partial", "language")
    assert english.snippet.endswith("; the native level asked is not shown by the text")
    assert "~ English (Spoken languages) [partial, native level not shown]" in render_text(report)


def test_a_resume_in_german_does_not_meet_english(extractor: SkillExtractor) -> None:
    report = _match(extractor, RESUME_DE, "Requirements:\n- Fluent English\n- Excel\n")
    assert "english" not in {m.skill_id for m in report.matched}
    assert "english" in {m.skill_id for m in report.missing}


def test_other_languages_still_need_a_mention(extractor: SkillExtractor) -> None:
    report = _match(extractor, RESUME_EN, "Requirements:\n- Fluent German\n- Excel\n")
    assert "german" in {m.skill_id for m in report.missing}


def test_a_mention_of_english_stays_the_evidence(extractor: SkillExtractor) -> None:
    resume = RESUME_EN + "\nLANGUAGES\nEnglish (fluent), Spanish (basic)\n"
    report = _match(extractor, resume, "Requirements:\n- Fluent English\n- Excel\n")
    (english,) = [m for m in report.matched if m.skill_id == "english"]
    assert (english.evidence, english.section) == ("mention", "skills")
    assert english.snippet.endswith("English (fluent), Spanish (basic)")
