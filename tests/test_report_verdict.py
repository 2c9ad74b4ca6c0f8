"""What the verdict, the order of what to add and the rank table tell a reader.

A score of 70+ was a "strong match" whatever it missed: a resume scoring 95.9 on the
similarity of its words, with 6 of its 14 required requirements missing, was told "strong".
Equal gains were listed by requirement id, alphabetically, and the rank table clipped ids and
skill names mid-word.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

import jobmatch
from jobmatch.batch.writers import _clip, _clip_left, write_table
from jobmatch.models import (
    BatchResult,
    CategoryCoverage,
    MissingSkill,
    ScoreParts,
    ScoreReport,
)
from jobmatch.report import render_html, render_json, render_markdown, render_text
from jobmatch.report_parts import required_counts
from jobmatch.scoring.profiles import DEFAULT_PROFILE, load_profile
from jobmatch.wording import STRONG_REQUIRED, match_band

from .helpers import load_schema, schema_errors
from .test_report import make_report


def _with_required(report: ScoreReport, met: int, partial: int, total: int) -> ScoreReport:
    parts = ScoreParts(0.6, 1.0, 0.86, report.score, 100.0, met, partial, total, 0, 0, 2)
    return replace(report, parts=parts)


def test_a_high_score_missing_many_required_is_no_strong_match() -> None:
    report = _with_required(replace(make_report(), score=95.9), met=8, partial=1, total=14)
    said = "partial match, not strong: only 8 of 14 required met, 1 more partly"
    assert render_text(report).startswith(f"Score 95.9/100 ({said})\n")
    assert render_markdown(report).startswith(f"# jobmatch score: 95.9/100 ({said})\n")
    html = render_html(report)
    assert f'<span class="partial">({said})</span>' in html
    assert '<span class="score partial">95.9</span>' in html


def test_a_high_score_meeting_most_required_stays_strong() -> None:
    report = _with_required(replace(make_report(), score=84.7), met=4, partial=0, total=5)
    assert render_text(report).startswith("Score 84.7/100 (strong match)\n")
    # a profile requiring nothing, or a report without its parts, keeps the score's band
    assert render_text(_with_required(report, 0, 0, 0)).startswith("Score 84.7/100 (strong")
    assert render_text(replace(report, parts=None)).startswith("Score 84.7/100 (strong")


def test_the_share_a_strong_match_needs_counts_a_partly_met_one_half() -> None:
    assert match_band(80.0, 3, 0, 4) == "strong"  # 0.75
    assert match_band(80.0, 2, 1, 4) == "partial"  # 0.625
    assert match_band(80.0, 2, 2, 4) == "strong"  # two halves make one
    assert match_band(80.0, 2, 0, 3) == "partial"  # one of three missing
    assert STRONG_REQUIRED == 0.75
    # below 70 the band is the score's: the rule only keeps "strong" from a gap
    assert match_band(55.0, 0, 0, 9) == "partial"
    assert match_band(20.0, 9, 0, 9) == "weak"


def test_harvey_dent_is_told_what_he_misses(shared_data: Path) -> None:
    pdf = shared_data / "resumes" / "resume_matcher" / "harvey_dent_mle.pdf"
    report = jobmatch.score(pdf)
    p = report.parts
    assert p is not None
    share = (p.required_met + p.required_partial / 2) / p.required_total
    met, partial, total, aside = required_counts(report)
    # short of 3/4 with the soft skills (communication, problem solving) and without them
    assert report.score >= 70 and share < STRONG_REQUIRED
    assert aside and (met + partial / 2) / total < STRONG_REQUIRED
    head = render_text(report).splitlines()[0]
    said = f"(partial match, not strong: soft skills aside, only {met} of {total} required met"
    assert said in head


def test_missing_soft_skills_alone_do_not_deny_a_strong_match() -> None:
    # a Java developer at 95.8 missing five required soft skills ("critical thinking"...)
    # and two technical requirements of 13 was told "partial"
    base = make_report()
    soft = CategoryCoverage(
        id="soft_skill", label="Soft skills", weight=0.2, coverage=0.0, missing=("teamwork",)
    )
    gap = MissingSkill(
        requirement="teamwork",
        skill_id="teamwork",
        name="teamwork",
        category="soft_skill",
        required=True,
        gain=0.3,
    )
    report = replace(
        base,
        score=95.8,
        categories=(*base.categories, soft),
        missing=(*base.missing, gap),
    )
    # required: pytorch (met), deep learning (partly), cloud (missing), teamwork (soft)
    report = _with_required(report, met=1, partial=1, total=4)
    assert required_counts(report) == (1, 1, 3, True)
    assert render_text(report).startswith(
        "Score 95.8/100 (partial match, not strong: soft skills aside, only 1 of 3 required "
        "met, 1 more partly)"
    )
    # every other required one met (no cloud asked): strong, whatever soft skill is missing
    met = replace(report.categories[0], matched=("pytorch", "deep_learning"), partial=())
    report = replace(report, categories=(met, soft), missing=(gap,))
    report = _with_required(report, met=2, partial=0, total=3)
    assert required_counts(report) == (2, 0, 2, True)
    assert render_text(report).startswith("Score 95.8/100 (strong match)")
    # only soft skills required: they count
    only_soft = replace(report, categories=(soft,), matched=(), missing=(gap,))
    only_soft = _with_required(only_soft, met=0, partial=0, total=1)
    assert required_counts(only_soft) == (0, 0, 1, False)


def test_equal_gains_list_required_first_then_in_profile_order() -> None:
    report = jobmatch.score("Research engineer. Skills: Python, PyTorch, deep learning, NLP.")
    profile = load_profile(DEFAULT_PROFILE)
    order = {req.id: i for i, (_, req) in enumerate(profile.requirements())}
    keys = [(-m.gain, not m.required, order[m.requirement]) for m in report.missing]
    assert keys == sorted(keys)
    # there are ties the order decides, and the profile's order is not the ids'
    pairs = zip(report.missing, report.missing[1:], strict=False)
    ties = [(a, b) for a, b in pairs if a.gain == b.gain]
    assert any(a.required != b.required for a, b in ties)
    assert any(a.requirement > b.requirement for a, b in ties)


def test_batch_lists_missing_in_the_reports_order() -> None:
    text = "Research engineer. Skills: Python, PyTorch, deep learning, NLP."
    report = jobmatch.score(text)
    (result,) = jobmatch.score_many([text])
    assert result.missing == tuple(dict.fromkeys(m.skill_id for m in report.missing))[:10]


def _row(rid: str, matched: tuple[str, ...] = ("python",)) -> BatchResult:
    return BatchResult(id=rid, source=rid, status="ok", score=50.0, matched=matched)


def test_rank_table_clips_an_id_at_a_separator() -> None:
    out = io.StringIO()
    rid = "/home/recruiter/applicants/2026/livecareer_more/ACCOUNTANT_12065211.pdf"
    write_table(out, [_row(rid)], scored=1, failed=0)
    line = out.getvalue().splitlines()[1]
    # it read "…reer_more/ACCOUNTANT_12065211.pdf"
    assert "  …/ACCOUNTANT_12065211.pdf  " in line
    assert _clip_left("records.jsonl:1204_senior_data_scientist", 24) == "…senior_data_scientist"


def test_rank_table_clips_names_between_two_names() -> None:
    names = {
        "python": "Python",
        "pytorch": "PyTorch",
        "deep_learning": "deep learning",
        "computer_vision": "computer vision",
    }
    out = io.StringIO()
    row = _row("a.pdf", matched=tuple(names))
    write_table(out, [row], scored=1, failed=0, names=names)
    line = out.getvalue().splitlines()[1]
    # "Python, PyTorch, deep learning, computer…" read as a skill named "computer"
    assert "  Python, PyTorch, deep learning, …  " in line
    # one name that fits is enough: "data visualization, Microsoft SQL Serve…"
    assert _clip("data visualization, Microsoft SQL Server, SQL", 40, ", ") == (
        "data visualization, …"
    )


@pytest.mark.parametrize("rid", ["a.pdf", "x" * 80, "glassdoor_public.jsonl:123"])
def test_rank_table_keeps_its_columns(rid: str) -> None:
    out = io.StringIO()
    write_table(out, [_row(rid)], scored=1, failed=0, names={"python": "Python"})
    head, line = out.getvalue().splitlines()[:2]
    assert line.index("Python") == head.index("matched")


def test_markdown_heads_the_required_column_as_html_does() -> None:
    # "Requirement" above "required" read as the requirement's text
    md = render_markdown(make_report())
    assert "| Skill | Category | Required or preferred | Points |" in md
    assert "| Requirement |" not in md


def test_rank_table_names_the_shipped_profiles_degree_requirements() -> None:
    row = BatchResult(
        id="a.pdf", source="a.pdf", status="ok", score=9.0, missing=("advanced_degree", "bachelor")
    )
    out = io.StringIO()
    write_table(out, [row], scored=1, failed=0)
    assert out.getvalue().splitlines()[1].endswith("  master's or PhD, bachelor's degree")


def test_html_what_to_add_says_how_many_years_count() -> None:
    from jobmatch.facts import YearsMatch

    base = make_report()
    years = MissingSkill(
        requirement="years",
        skill_id="years",
        name="4+ years of experience in React",
        category="cloud",
        required=True,
        gain=5.8,
    )
    asked = YearsMatch(
        requirement="years",
        label="4+ years of experience in React",
        asked=4.0,
        domain=("react",),
        years=1.2,
        credit=0.3,
    )
    report = replace(base, missing=(*base.missing, years), years=(asked,))
    # text and Markdown said it; the HTML row read "required +5.8" alone
    assert "required; 1.2 of 4 years count" in render_markdown(report)
    assert '<span class="tag req">required</span>; 1.2 of 4 years count' in render_html(report)


def test_the_json_report_carries_the_headlines_verdict() -> None:
    weak = _with_required(replace(make_report(), score=95.9), met=8, partial=1, total=14)
    strong = _with_required(replace(make_report(), score=84.7), met=4, partial=0, total=5)
    for report, band in ((weak, "partial"), (strong, "strong")):
        data = report.to_dict()
        assert list(data)[:2] == ["score", "verdict"]
        assert data["verdict"]["band"] == band
        # the same words as the text headline, so a JSON reader is told what a reader is
        headline = f"Score {report.score}/100 ({data['verdict']['words']})\n"
        assert render_text(report).startswith(headline)
        assert render_json(report).count('"verdict"') == 1
        assert schema_errors(data, load_schema()) == []


def test_rank_table_names_a_postings_degree_requirement_as_one() -> None:
    # "degree" is both a posting's degree requirement and a lexicon skill named "degree"
    row = BatchResult(
        id="p1", source="p1", status="ok", score=9.0, missing=("degree", "degree_preferred")
    )
    out = io.StringIO()
    write_table(out, [row], scored=1, failed=0, names={"degree": "degree"})
    assert out.getvalue().splitlines()[1].endswith("  required degree, preferred degree")
