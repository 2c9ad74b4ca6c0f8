"""market_report: demand, best fits, a resume's gaps, pay; JSON Schema, HTML, Markdown, CLI."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.market import MarketReport, Posting, iter_postings, market_report, render_market
from jobmatch.models import Document
from tests.helpers import schema_errors

ML = "Requirements:\n- Python\n- PyTorch\n\nSalary: $100K-$120K a year"
DATA = "Requirements:\n- Python and SQL\n\nPreferred:\n- Docker\n\nPay: $50/hr"
NURSE = "Registered nurse for patient care on night shifts."
CUDA = "Python, Python and CUDA"
HOSTILE = "Requirements:\n- Python\n- <script>alert(1)</script> `rm` | [x](http://e.vil)"
RESUME = "Experience\nData scientist. Python, SQL and statistics; machine learning."


@pytest.fixture(scope="module")
def report() -> MarketReport:
    return market_report([ML, DATA, NURSE, "  ", ("x", CUDA)])


@pytest.fixture(scope="module")
def with_resume() -> MarketReport:
    return market_report([ML, DATA, NURSE, CUDA], resume=RESUME)


def test_counts_postings_failures_and_postings_without_skills(report: MarketReport) -> None:
    assert (report.postings, report.failed, report.no_skills) == (4, 1, 0)
    assert (report.profile, report.resume, report.match_score) == ("research-engineer", None, 70)


def test_skill_demand_required_preferred_and_cooccurring(report: MarketReport) -> None:
    rows = [(s.skill, s.postings, s.share, s.required, s.preferred) for s in report.overall.skills]
    assert rows == [
        ("python", 3, 0.75, 3, 0),
        ("cuda", 1, 0.25, 1, 0),
        ("docker", 1, 0.25, 0, 1),
        ("pytorch", 1, 0.25, 1, 0),
        ("rn", 1, 0.25, 1, 0),
        ("sql", 1, 0.25, 1, 0),
    ]
    python = report.overall.skills[0]
    assert [(c.skill, c.postings) for c in python.cooccurring] == [
        ("cuda", 1),
        ("docker", 1),
        ("pytorch", 1),
        ("sql", 1),
    ]


def test_category_demand(report: MarketReport) -> None:
    rows = [(c.category, c.postings, c.required, c.preferred) for c in report.overall.categories]
    assert rows[0] == ("programming_language", 3, 3, 0)
    assert ("devops", 1, 0, 1) in rows


def test_best_fits_are_the_top_quartile(report: MarketReport) -> None:
    assert report.best_min_score == 16
    assert report.best.postings == 1
    assert [s.skill for s in report.best.skills] == ["python", "pytorch"]


def test_pay_overall_and_among_best_fits(report: MarketReport) -> None:
    pay = report.overall.salary
    assert (pay.stated, pay.coverage) == (2, 0.5)
    (usd,) = pay.currencies
    # $50/hr = 104,000 a year (2,080 hours); $100K-$120K: 110,000
    assert (usd.currency, usd.low, usd.median, usd.q3, usd.high) == (
        "USD",
        104_000,
        104_000,
        110_000,
        110_000,
    )
    assert [p.median for p in report.best.salary.currencies] == [110_000]


def test_profile_salary_figures_by_level(report: MarketReport) -> None:
    assert [lv.level for lv in report.levels] == ["intern", "junior", "mid", "senior", "principal"]
    assert report.levels[2].salary == "ML engineer average US range $109,143 - $131,000"
    assert report.profile_salary[0].usd == (210_595,)


def test_learn_next_ranks_the_resume_gaps(with_resume: MarketReport) -> None:
    assert with_resume.resume == "<text>"
    gaps = [(g.skill, g.postings, g.unlocks) for g in with_resume.learn_next]
    assert gaps[0][0] in {"pytorch", "docker", "cuda"}
    assert {g for g, _, _ in gaps} <= {"pytorch", "docker", "cuda"}
    for g in with_resume.learn_next:
        assert g.value == round(g.share * g.mean_gain, 2)
        assert g.mean_gain > 0


def test_a_skill_the_resume_shows_partly_is_not_to_learn() -> None:
    """Keras implies deep learning: a resume naming it is not told to learn deep learning
    (the report lists it as an upgrade, not under what to add); PyTorch it lacks."""
    postings = [(f"p{i}", "Requirements:\n- Deep learning and PyTorch.\n") for i in range(3)]
    gaps = {g.skill for g in market_report(postings, resume="Skills\nKeras\n").learn_next}
    assert "pytorch" in gaps
    assert "deep_learning" not in gaps


def test_json_validates_against_the_schema(report: MarketReport, with_resume: MarketReport) -> None:
    text = resources.files("jobmatch").joinpath("schemas/market_report.schema.json").read_text()
    schema = json.loads(text)
    for r in (report, with_resume, market_report([])):
        assert schema_errors(json.loads(render_market(r, "json")), schema) == []


def test_an_empty_input_is_an_empty_report() -> None:
    empty = market_report([])
    assert (empty.postings, empty.best_min_score, empty.overall.salary.coverage) == (0, None, 0.0)


def test_html_is_self_contained_and_escapes_postings() -> None:
    resume = Document(text=RESUME, source="x<b>.txt", format="text")
    r = market_report([HOSTILE, ML], resume=resume)
    page = render_market(r, "html")
    assert "<script" not in page and "<b>" not in page
    assert "x&lt;b&gt;.txt" in page
    assert "default-src 'none'" in page and "<svg" in page
    assert "http" not in page.replace("http-equiv", "")


def test_markdown_escapes_postings() -> None:
    r = market_report([HOSTILE], resume="`x`")
    md = render_market(r, "markdown")
    assert "<script" not in md and "`" not in md


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown market format"):
        render_market(market_report([]), "pdf")


def test_a_record_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        market_report([42])


def test_salary_field_of_json_lines_files_and_stdin(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Python", "salary_estimate": "$64K-$106K (Glassdoor est.)"},
        {"id": "b", "text": "SQL. Compensation: $120,000 -$140,000", "salary_estimate": "-1"},
        {"id": "c", "text": ""},
    ]
    data = "\n".join(json.dumps(x) for x in lines) + "\n\n"
    f = tmp_path / "p.jsonl"
    f.write_text(data, encoding="utf-8")
    expected = [("a", "$64K-$106K (Glassdoor est.)"), ("b", "-1"), ("c", None)]
    got = [(p.id.rsplit("/", 1)[-1], p.salary) for p in iter_postings([f])]
    assert got == expected
    stdin = io.BytesIO(data.encode())
    got = [(p.id, p.salary) for p in iter_postings(["-"], stdin=stdin)]
    assert got == [("a", expected[0][1]), ("b", "-1"), ("c", None)]
    r = market_report(iter_postings([f]))
    assert (r.postings, r.failed, r.overall.salary.stated) == (2, 1, 2)
    assert isinstance(next(iter_postings([f])), Posting)


def test_cli_market_formats_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text(
        "\n".join(json.dumps({"id": str(i), "body": t}) for i, t in enumerate([ML, DATA])),
        encoding="utf-8",
    )
    runner = CliRunner()
    res = runner.invoke(main, ["market", str(f), "--text-field", "body", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["postings"] == 2
    out = tmp_path / "m.html"
    res = runner.invoke(main, ["market", str(f), "--text-field", "body", "-o", str(out)])
    assert (res.exit_code, res.output) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(main, ["market", str(f), "-o", str(tmp_path / "m.txt")])
    assert res.exit_code == 2
    assert "use .html, .md or .json, or give --format" in res.output
    res = runner.invoke(main, ["market", str(f), "--resume", str(tmp_path / "none.pdf")])
    assert res.exit_code == 1
    assert res.output.startswith("Error: ")
    res = runner.invoke(main, ["market", str(f), "--text-field", "body"])
    assert res.output.startswith("# jobmatch market report\n")


def test_the_report_names_the_resume_without_its_folders() -> None:
    resume = Document(text=RESUME, source="/home/someone/private/cv.txt", format="text")
    assert market_report([ML], resume=resume).resume == "cv.txt"


def test_batch_records_paths_and_pairs_are_postings(tmp_path: Path) -> None:
    from jobmatch.batch.records import Record

    doc = tmp_path / "ml.txt"
    doc.write_text(ML, encoding="utf-8")
    failed = Record.failed("bad", "bad", "malformed JSON", "bad_record")
    r = market_report([Record(id="r", source="r", text=DATA), doc, ("p", CUDA), failed])
    assert (r.postings, r.failed) == (3, 1)
    assert r.overall.skills[0].skill == "python"
