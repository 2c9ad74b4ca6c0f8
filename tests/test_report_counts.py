"""The counts of a score report read as one story.

The verdict said "soft skills aside, only 8 of 12 required met" and the line below it
"required 8 of 14 met"; "Matched skills (16)" stood beside "required 8 of 14 met (1 more
partly); preferred 10 of 49" (19) with the three requirements the degree met nowhere in the
list; and an upgrade was named "experimental design or experimentation" below the matched
row "~ experimentation [partial, implied by A/B testing]".
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import jobmatch
from jobmatch.models import CategoryCoverage, MissingSkill, ScoreParts, ScoreReport
from jobmatch.report import render_html, render_markdown, render_text
from jobmatch.report_parts import matched_once, required_counts, split_missing

from .test_report import make_report

SOFT = CategoryCoverage(
    id="soft_skills", label="Soft skills", weight=0.5, coverage=0.0, missing=("teamwork",)
)
TEAMWORK = MissingSkill(
    requirement="teamwork",
    skill_id="teamwork",
    name="teamwork",
    category="soft_skills",
    required=True,
    gain=0.3,
)
EDUCATION = CategoryCoverage(
    id="education", label="Education", weight=0.75, coverage=1.0, matched=("bachelor", "field")
)


def _report() -> ScoreReport:
    """make_report() with a required soft skill missed and two requirements met by the
    degree: required 3 of 6 met (1 more partly), 1 of them soft."""
    base = make_report()
    parts = ScoreParts(0.6, 1.0, 0.86, 95.0, 100.0, 3, 1, 6, 0, 0, 2)
    return replace(
        base,
        score=95.0,
        categories=(*base.categories, SOFT, EDUCATION),
        missing=(*base.missing, TEAMWORK),
        parts=parts,
    )


def test_the_required_count_says_how_the_verdict_s_count_adds_up() -> None:
    report = _report()
    assert required_counts(report) == (3, 1, 5, True)
    text = render_text(report)
    assert "soft skills aside, only 3 of 5 required met, 1 more partly" in text.splitlines()[0]
    line = "required 3 of 6 met: 3 of 5 besides soft skills (1 more partly), 0 of 1 soft skills"
    assert f"  {line}; preferred 0 of 2\n" in text
    assert f"- {line}; preferred 0 of 2\n" in render_markdown(report)
    assert f'<p class="meta">{line}; preferred 0 of 2</p>' in render_html(report)


def test_no_split_when_the_verdict_counts_every_required() -> None:
    # a strong match names no count, and the line gives all required as before
    report = replace(_report(), score=60.0)
    assert "  required 3 of 6 met (1 more partly); preferred 0 of 2\n" in render_text(report)


def test_requirements_met_by_the_degree_are_said_under_matched_skills() -> None:
    report = _report()
    text = render_text(report)
    assert (
        "Matched skills (2)\n"
        "  (2 requirements met by education, not listed as skills; see Education)\n"
    ) in text
    note = "_2 requirements met by education, not listed as skills; see Education._"
    assert note in render_markdown(report)
    html = '<p class="meta">2 requirements met by education, not listed as skills; see'
    assert html in render_html(report)
    # rows (each meeting n requirements) and the note add up to the met and partly met
    rows = sum(n for _, n in matched_once(report))
    assert rows + 2 == 3 + 1  # required 3 met + 1 partly, preferred none


def test_a_report_with_no_skill_matched_still_says_what_the_degree_met() -> None:
    # nothing matched but the degree: no row to list, and the note still says it
    report = replace(_report(), matched=(), categories=(SOFT, EDUCATION))
    text = render_text(report)
    assert "Matched skills (0)\n  (2 requirements met by education" in text
    assert "## Matched skills (0)" in render_markdown(report)


def test_an_upgrade_is_named_as_its_matched_row() -> None:
    report = make_report()
    dl = next(m for m in report.missing if m.requirement == "deep_learning")
    named = replace(dl, name="deep learning or neural networks", alternatives=("nn",))
    report = replace(report, missing=tuple(named if m is dl else m for m in report.missing))
    _, upgrades, _ = split_missing(report)
    assert [m.name for m in upgrades] == ["deep learning"]
    text = render_text(report)
    assert (
        "+1.2 deep learning (Frameworks and libraries; required; now partial, implied by PyTorch)"
        in text
    )
    assert "deep learning or neural networks" not in text
    assert "now partial, implied by PyTorch" in render_markdown(report)
    assert "now partial, implied by PyTorch" in render_html(report)
    # the JSON keeps the requirement's name: it lists requirements, not rows
    assert "deep learning or neural networks" in report.to_dict()["missing"][2]["name"]


def test_harvey_dent_s_counts_add_up(shared_data: Path) -> None:
    pdf = shared_data / "resumes" / "resume_matcher" / "harvey_dent_mle.pdf"
    report = jobmatch.score(pdf)
    text = render_text(report)
    met, partial, total, _ = required_counts(report)
    head, _, _, counts = text.splitlines()[:4]
    assert f"only {met} of {total} required met" in head
    assert f": {met} of {total} besides soft skills" in counts
    found = re.search(r"Matched skills \((\d+)\)\n  \((\d+) requirements? met by education", text)
    assert found is not None
    p = report.parts
    assert p is not None
    rows = sum(n for _, n in matched_once(report))
    assert rows + int(found[2]) == (
        p.required_met + p.required_partial + p.preferred_met + p.preferred_partial
    )
    # the upgrade is named as the matched row "~ experimentation" names it
    assert "experimental design or experimentation" not in text
    assert re.search(r"\+\d\.\d experimentation \(.*; now partial, implied by", text)
