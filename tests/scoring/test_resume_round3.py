"""Resume facts, round 3 (session 24): internships named in other languages, and a title
the resume restates elsewhere as an internship."""

from __future__ import annotations

from datetime import date

import pytest

import jobmatch
from jobmatch.extract.sections import classify_heading
from jobmatch.scoring.resume_reader import facts_and_roles

AS_OF = date(2026, 11, 1)


@pytest.mark.parametrize(
    "title",
    [
        "Junior Auditor (Magang)",
        "Praktik Kerja Lapangan, PT Telkom Indonesia",
        "Praktikant Softwareentwicklung",
        "Werkstudent Data Science",
        "Stagiaire en audit",
        "Pasante de Contabilidad",
        "Analista de Datos en prácticas",
        "Estagiário de Engenharia",
        "Tirocinante Ufficio Legale",
    ],
)
def test_an_internship_word_of_another_language_makes_an_internship(title: str) -> None:
    text = f"EXPERIENCE\n{title} — Feb 2012 – Jun 2012\nData Analyst, Acme — Jul 2013 – Jun 2016\n"
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    kinds = [r.kind for r in facts.roles]
    assert kinds == ["internship", "job"]
    assert (facts.years, facts.internship_years) == (3.0, 0.4)


@pytest.mark.parametrize("title", ["Stage Manager", "Junior Auditor", "Practice Manager"])
def test_english_words_near_them_stay_jobs(title: str) -> None:
    text = f"EXPERIENCE\n{title}, Acme — Feb 2012 – Jun 2012\n"
    assert [r.kind for r in jobmatch.read_resume(text, as_of=AS_OF).roles] == ["job"]


def test_a_title_restated_elsewhere_as_an_internship_is_one() -> None:
    # FINANCE_11877150: the English history, then the same in Indonesian under another heading
    text = (
        "Work History\nFinance , 07/2013 to Current\nCompany Name - City , State\n"
        "Prepared monthly reports.\n\n"
        "Junior Auditor , 02/2012 to 06/2012\nCompany Name - City , State\n"
        "Analyzed and reviewed cost reports.\n\n"
        "Certifications\nTahun : 2012 Instansi / Perusahaan : KAP A.K Rahman Posisi : Junior "
        "Auditor (Magang) Penghasilan Terakhir : -\n"
    )
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [(r.title, r.kind) for r in facts.roles] == [
        ("Finance", "job"),
        ("Junior Auditor", "internship"),
    ]
    assert facts.internship_years == 0.4
    # restated with a word that is no internship's, it stays a job
    job = jobmatch.read_resume(text.replace("(Magang)", "(Kontrak)"), as_of=AS_OF)
    assert [r.kind for r in job.roles] == ["job", "job"]


@pytest.mark.parametrize(
    ("line", "school"),
    [
        (
            "2003 – 2007 Bachelor of Science in Computer Science, UC San Diego, San Diego, USA",
            "UC San Diego",
        ),
        ("UC Berkeley | 2019\nBachelor of Science, Computer Science", "UC Berkeley"),
    ],
)
def test_a_university_of_california_campus_is_a_school(line: str, school: str) -> None:
    # harvey_dent_mle, bruce_wayne_fullstack and both layouts of the resume_matcher template
    facts = jobmatch.read_resume(f"EDUCATION\n{line}\n", as_of=AS_OF)
    assert [(e.level, e.institution) for e in facts.education] == [("bachelor", school)]


@pytest.mark.parametrize(
    "line",
    [
        "Pohang University of Science and Technology",
        "Massachusetts Institute of Technology",
        "Nanyang Technological University",
    ],
)
def test_a_schools_name_opens_no_skills_section(line: str) -> None:
    # awesome_cv's "POSTECH(Pohang University of Science and Technology)" above its degree
    # opened a Skills section, and the degree lost its school
    assert classify_heading(line) is None
    facts = jobmatch.read_resume(
        f"EDUCATION\n{line}\nB.S. in Computer Science and Engineering\n", as_of=AS_OF
    )
    assert [e.institution for e in facts.education] == [line]


@pytest.mark.parametrize(
    "line", ["Technology", "Technical Skills", "Technologies", "University Skills"]
)
def test_skills_headings_stay(line: str) -> None:
    assert classify_heading(line) == "skills"


def test_a_brand_written_with_a_stop_before_its_suffix_is_an_employer() -> None:
    # awesome_cv/resume.pdf: "Omnious. Co., Ltd." read as two sentences, a description
    text = (
        "WORK EXPERIENCE\nDunamu Inc.\n\nSeoul, S.Korea\n\nDevOps Engineer\n"
        "Sep. 2023 - Mar. 2024\n• Led service mesh research.\n\n"
        "Omnious. Co., Ltd.\n\nSeoul, S.Korea\n\nSoftware Architect\nJun. 2017 - May. 2018\n"
        "• Provisioned a hybrid infrastructure.\n"
    )
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [(r.title, r.employer) for r in facts.roles] == [
        ("DevOps Engineer", "Dunamu Inc."),
        ("Software Architect", "Omnious. Co."),
    ]


def test_a_year_ending_a_wrapped_sentence_is_no_date_without_an_entry() -> None:
    # BUSINESS-DEVELOPMENT_10501991: "... demos generated Q1" / "2018." warned "dates without
    # an entry: 2018"
    text = (
        "Work History\nSales Development Representative 09/2017 to Current\n"
        "Company Name - City , State\n\nMaintain positive energy on the sales floor.\n"
        "Achieved 160% of monthly quota, earning title as top SDR in demos generated Q1\n"
        "2018.\nCompleted 130+ daily cold calls.\n"
    )
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [r.title for r in facts.roles] == ["Sales Development Representative"]
    assert not [w for w in facts.warnings if "without an entry" in w]
    # a year alone on its line after a finished sentence still warns
    ended = text.replace("generated Q1\n", "generated in Q1.\n")
    warned = jobmatch.read_resume(ended, as_of=AS_OF).warnings
    assert "dates without an entry: 2018" in warned


@pytest.mark.parametrize("word", ["using", "into", "through", "via", "per"])
def test_a_duty_wrapped_after_a_preposition_stays_in_its_entry(word: str) -> None:
    # the resume_matcher template's single-column layout: "... per second using" / "Kafka
    # and Go, reducing ..." ended the Stripe entry, so its bullets (and Kafka) were no one's
    text = (
        "EXPERIENCE\nSenior Software Engineer\nStripe\n\nJan 2023 - Present\nSan Francisco, CA\n"
        f"•  Designed a fraud detection pipeline processing 50K+ transactions {word}\n"
        "Kafka and Go, reducing fraudulent charges by 18% through optimized design\n"
        "•  Mentored 3 junior engineers and established code review standards\n"
    )
    facts, texts = facts_and_roles(text, as_of=AS_OF)
    assert [r.title for r in facts.roles] == ["Senior Software Engineer"]
    start, end = texts[0].span
    assert text[start:end].rstrip().endswith("code review standards")
