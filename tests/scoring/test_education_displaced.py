"""A degree's date printed at the top of the next experience section (pdfminer's order)."""

from __future__ import annotations

from datetime import date

import jobmatch

AS_OF = date(2026, 11, 1)

# awesome_cv cv.pdf as pdfminer prints it: the degree's right-hand column ("Pohang,
# S.Korea" / "Mar. 2010 - Aug. 2017") comes after the Skills section, below the first
# employer of the Experience section
HEAD = """Claud D. Park
Education
POSTECH(Pohang University of Science and Technology)
B.S. in Computer Science and Engineering
• Got a Chun Shin-Il Scholarship which is given to promising students in CSE Dept.

Skills
DevOps

AWS, Docker, Kubernetes, Terraform
"""
TAIL = """
Experience
Danggeun Pay Inc. (KarrotPay)

Pohang, S.Korea
Mar. 2010 - Aug. 2017

Seoul, S.Korea

Site Reliability Engineer
Mar. 2021 - Present
• Designed and implemented the infrastructure.
"""


def test_a_degree_gets_the_date_displaced_into_the_next_experience_section() -> None:
    facts = jobmatch.read_resume(HEAD + TAIL, as_of=AS_OF)
    (degree,) = facts.education
    assert (degree.year, degree.start, degree.end) == (2017, "2010-03", "2017-08")
    # the job keeps its own dates, and the column's date is no job's
    (role,) = facts.roles
    assert (role.start, role.end) == ("2021-03", "present")


def test_a_date_between_the_sections_is_no_displaced_column() -> None:
    # a dated line of another section before the experience section: the column may be
    # that section's, so the degree stays undated
    text = HEAD + "Awards\nBest Paper Award 2015\n" + TAIL
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.year is None


def test_a_dated_degree_keeps_its_own_date() -> None:
    text = HEAD.replace("Engineering\n", "Engineering 2014\n", 1) + TAIL
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert (degree.year, degree.start) == (2014, None)
