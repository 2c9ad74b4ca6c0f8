"""The report renderers on hand-built ScoreReports (no pipeline: fast and exact)."""

from __future__ import annotations

import dataclasses
import html
import json
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from jobmatch.models import (
    CareerEstimate,
    CategoryCoverage,
    Education,
    MatchedSkill,
    MissingSkill,
    Role,
    ScoreParts,
    ScoreReport,
)
from jobmatch.report import FORMATS, render, render_html, render_json, render_markdown, render_text
from tests.helpers import load_schema, schema_errors

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ATTR = '"><img src=x onerror=alert(2)>'


def make_report(
    text: str = "Built models in PyTorch for vision.", source: str = "cv.pdf"
) -> ScoreReport:
    """A small report; ``text`` is used wherever document text appears."""
    return ScoreReport(
        score=72.5,
        source=source,
        profile="research-engineer",
        profile_version="1.0",
        lexicon_version="2026.11.0",
        coverage=0.6512,
        similarity=0.4021,
        categories=(
            CategoryCoverage(
                id="frameworks",
                label="Frameworks and libraries",
                weight=2.0,
                coverage=0.75,
                matched=("pytorch",),
                partial=("deep_learning",),
                missing=("jax",),
            ),
            CategoryCoverage(
                id="cloud", label="Cloud and MLOps", weight=1.0, coverage=0.0, missing=("cloud",)
            ),
        ),
        matched=(
            MatchedSkill(
                skill_id="pytorch",
                name="PyTorch",
                category="frameworks",
                requirement="pytorch",
                match="full",
                via=None,
                section="experience",
                snippet=text,
                start=16,
                end=23,
                mentions=2,
                highlight=(16, 23),
            ),
            MatchedSkill(
                skill_id="deep_learning",
                name="deep learning",
                category="frameworks",
                requirement="deep_learning",
                match="partial",
                via="pytorch",
                section="skills",
                snippet=text,
                start=16,
                end=23,
                via_name="PyTorch",
            ),
        ),
        missing=(
            MissingSkill(
                requirement="cloud",
                skill_id="aws",
                name="AWS",
                category="cloud",
                required=True,
                gain=6.2,
                alternatives=("gcp", "azure"),
            ),
            MissingSkill(
                requirement="jax",
                skill_id="jax",
                name="JAX",
                category="frameworks",
                required=False,
                gain=1.5,
            ),
            MissingSkill(
                requirement="deep_learning",
                skill_id="deep_learning",
                name="deep learning",
                category="frameworks",
                required=True,
                gain=1.2,
            ),
            MissingSkill(
                requirement="onnx",
                skill_id="onnx",
                name="ONNX",
                category="frameworks",
                required=False,
                gain=0.0,
            ),
        ),
        education=Education(
            level="master",
            field="computer science",
            evidence=text,
            required_level="bachelor",
            meets_requirement=True,
        ),
        career=CareerEstimate(
            years=4.5,
            level="mid",
            level_label="Mid-level",
            level_from="years",
            ladder=("intern", "junior", "mid", "senior", "principal"),
            roles=(Role(title=text, start="2021-01", end="present", years=4.5),),
            salary_reference="$120k-$160k",
        ),
        warnings=(f"page 2: {text}",),
        parts=ScoreParts(
            similarity_weight=0.6,
            similarity=1.0,
            raw=0.8605,
            calibrated=72.5,
            ceiling=100.0,
            required_met=1,
            required_partial=1,
            required_total=3,
            preferred_met=0,
            preferred_partial=0,
            preferred_total=2,
        ),
    )


# ------------------------------------------------------------------------------ text

EXPECTED_TEXT = """\
Score 72.5/100 (partial match, not strong: only 1 of 3 required met, 1 more partly)
  cv.pdf against profile research-engineer
  = calibrate(0.40 x coverage 0.65 + 0.60 x similarity 1.00 = 0.86) = 72.5
  required 1 of 3 met (1 more partly); preferred 0 of 2

Categories
   75% ###############.....  Frameworks and libraries (weight 2)
    0% ....................  Cloud and MLOps (weight 1)

Matched skills (2)
  + PyTorch (Frameworks and libraries)
      experience: Built models in *PyTorch* for vision.
  ~ deep learning (Frameworks and libraries) [partial, implied by PyTorch]
      skills: Built models in PyTorch for vision.

What to add (points each would add)
   +6.2 AWS (Cloud and MLOps; required)
   +1.5 JAX (Frameworks and libraries; preferred)

Upgrades (partly met: name the skill itself)
   +1.2 deep learning (Frameworks and libraries; required; now partial, implied by PyTorch)
  (1 more not listed: each would add less than 0.1 point to the score)

Education  master's degree in computer science (meets the required bachelor's degree)
Experience 4.5 years in dated jobs; career level mid (the profile's Mid-level), read from the years
  salary reference: $120k-$160k

Warnings
  - page 2: Built models in PyTorch for vision.

profile research-engineer 1.0, lexicon 2026.11.0
"""


def test_text_report_exact() -> None:
    assert render_text(make_report()) == EXPECTED_TEXT


def test_text_colour_only_when_asked() -> None:
    plain = render(make_report(), "text")
    coloured = render(make_report(), "text", color=True)
    assert "\x1b" not in plain
    assert "\x1b[1;33m72.5/100\x1b[0m" in coloured  # yellow: a partial match
    # the colour codes are the only difference
    assert coloured.replace("\x1b[0m", "").count("\x1b[") > 5


def test_text_drops_terminal_escapes_from_document_text() -> None:
    out = render_text(make_report("PyTorch\x1b]0;pwned\x07 and \x1b[2J\x9bcleared"))
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "PyTorch]0;pwned and [2Jcleared" in out


def test_empty_report_renders_in_every_format() -> None:
    bare = ScoreReport(
        score=0.0,
        source="<stdin>",
        profile="p",
        profile_version="1",
        lexicon_version="v",
        coverage=0.0,
        similarity=0.0,
    )
    for fmt in FORMATS:
        assert render(bare, fmt).endswith("\n")
    text = render_text(bare)
    assert "Education  no degree detected\n" in text
    assert "Experience no dated jobs; career level not determined\n" in text


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(make_report(), "pdf")


# -------------------------------------------------------------------------- markdown


def test_markdown_tables() -> None:
    md = render_markdown(make_report())
    assert md.startswith(
        "# jobmatch score: 72.5/100 (partial match, not strong: only 1 of 3 required met, "
        "1 more partly)\n"
    )
    assert "| Frameworks and libraries | 75% | 2 |" in md
    assert (
        "| PyTorch | Frameworks and libraries | full | experience | "
        "Built models in **PyTorch** for vision. |" in md
    )
    assert "| AWS | Cloud and MLOps | required | +6.2 |" in md


def test_markdown_escapes_document_text() -> None:
    md = render_markdown(make_report(f"{HOSTILE_SCRIPT} | {HOSTILE_ATTR}"))
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| " in md


def test_markdown_document_text_cannot_form_links_or_images() -> None:
    md = render_markdown(make_report("![t](http://e.x/a.png) [c](javascript:alert(1)) `x`"))
    assert "](" in md  # the text is there...
    assert "![t](" not in md and "[c](" not in md and "`x`" not in md  # ...but inert
    assert "!\\[t\\](http://e.x/a.png) \\[c\\](javascript:alert(1)) \\`x\\`" in md


# ------------------------------------------------------------------------------ html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "span", "table",
    "thead", "tbody", "tr", "th", "td", "div", "ul", "li", "footer", "mark",
}  # fmt: skip


@pytest.mark.parametrize("hostile", [HOSTILE_SCRIPT, HOSTILE_ATTR])
def test_html_escapes_every_piece_of_document_text(hostile: str) -> None:
    page = render_html(make_report(f"Python {hostile} PyTorch", source=f"cv{hostile}.pdf"))
    assert "<script" not in page
    assert "<img" not in page
    assert hostile not in page
    assert html_escaped(hostile) in page
    # the page holds only the tags and attributes the renderer writes itself
    parser = _Tags()
    parser.feed(page)
    assert parser.tags <= ALLOWED_TAGS
    assert not {a for a in parser.attrs if a.startswith("on")}
    assert parser.attrs <= {"lang", "charset", "http-equiv", "content", "name", "class",
                            "role", "aria-label", "style"}  # fmt: skip


def html_escaped(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def test_html_is_self_contained() -> None:
    page = render_html(make_report())
    for external in ('src="http', "src='http", 'href="http', "<link", "<script", "url(", "@import"):
        assert external not in page
    assert "<style>" in page
    assert "default-src 'none'" in page  # CSP: no script, no fetch, even if escaping failed


def test_html_bar_chart_and_sections() -> None:
    page = render_html(make_report())
    # bar colours follow what is required: a required skill only partly met, one missing
    assert '<div class="fill partial" style="width:75.0%"></div>' in page
    assert '<div class="fill weak" style="width:0.0%"></div>' in page
    assert "<h2>Matched skills (2)</h2>" in page
    assert '<td class="snippet">Built models in <mark>PyTorch</mark> for vision.</td>' in page
    assert "<h2>Upgrades (partly met)</h2>" in page and "+0.0" not in page
    assert '<span class="tag req">required</span>' in page
    assert '<td class="num">+6.2</td>' in page


# ------------------------------------------------------------------------------ json


def test_json_is_the_report_dict_with_score_on_top() -> None:
    report = make_report()
    data = json.loads(render_json(report))
    assert data == report.to_dict()
    assert next(iter(data)) == "score"
    assert data["score"] == 72.5
    assert data["missing"][0]["alternatives"] == ["gcp", "azure"]


def test_json_validates_against_the_shipped_schema() -> None:
    schema = load_schema()
    assert schema_errors(json.loads(render_json(make_report())), schema) == []
    assert schema_errors(json.loads(render_json(make_report(HOSTILE_SCRIPT))), schema) == []


def test_schema_lists_every_report_field() -> None:
    """Adding a field to ScoreReport must come with the schema (and README) update."""
    schema = load_schema()
    assert set(schema["properties"]) == set(make_report().to_dict())
    assert schema["required"] == list(make_report().to_dict())


def test_the_shipped_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)  # raises SchemaError if it is not


@pytest.mark.parametrize(
    ("mutate", "error"),
    [
        (lambda d: d.pop("score"), "$: 'score' is a required property"),
        (lambda d: d.update(extra=1), "$: Additional properties are not allowed ('extra' was"),
        (lambda d: d.update(score=101), "$.score: 101 is greater than the maximum of 100"),
        (lambda d: d.update(score="72"), "$.score: '72' is not of type 'number'"),
        (lambda d: d["matched"][0].update(match="half"), "$.matched[0].match: 'half' is not one"),
        (lambda d: d["education"].update(level="doctorate"), "$.education.level: 'doctorate'"),
        (lambda d: d["career"].update(years=True), "$.career.years: True is not of type"),
    ],
)
def test_schema_catches_bad_reports(mutate: Any, error: str) -> None:
    data = make_report().to_dict()
    mutate(data)
    errors = schema_errors(data, load_schema())
    assert len(errors) == 1 and errors[0].startswith(error), errors


def test_a_skill_meeting_two_requirements_is_listed_once() -> None:
    from dataclasses import replace

    report = make_report()
    first = report.matched[0]
    twice = replace(
        report, matched=(first, replace(first, requirement="pytorch_or_jax"), *report.matched[1:])
    )
    text = render_text(twice)
    assert "Matched skills (2)" in text and text.count("+ PyTorch") == 1
    assert "PyTorch (Frameworks and libraries; meets 2 requirements)" in text
    markdown = render_markdown(twice)
    assert "Matched skills (2)" in markdown and "| full, meets 2 requirements |" in markdown
    page = render_html(twice)
    assert "Matched skills (2)" in page and "meets 2 requirements" in page
    # JSON keeps one entry per requirement
    assert len(json.loads(render_json(twice))["matched"]) == 3
    # a partial match of the same skill is not the same row
    assert "Matched skills (2)" in render_text(report)


def test_gains_of_a_capped_score_are_those_once_the_cap_lifts() -> None:
    from dataclasses import replace

    from jobmatch.models import ScoreParts
    from jobmatch.scoring.formula import compute
    from jobmatch.scoring.profiles import load_profile

    # nothing met, the words alike: the ceiling holds the score at 30, and one requirement
    # more would leave it there; each gain is what it adds to the calibrated score instead
    profile = load_profile("research-engineer")
    result = compute(profile, {r.id: 0.0 for _, r in profile.requirements()}, 0.9)
    assert result.score == 30.0 < result.calibrated
    assert min(result.gains.values()) > 0.05
    parts = ScoreParts(0.6, 1.0, 0.6, 55.0, 30.0, 0, 0, 5, 0, 0, 5)
    capped = replace(make_report(), score=30.0, parts=parts)
    note = "points each would add once the cap at 30.0 lifts"
    assert f"What to add ({note})" in render_text(capped)
    assert note.capitalize() in render_markdown(capped)
    assert note.capitalize() in render_html(capped)
    uncapped = replace(capped, parts=replace(parts, calibrated=25.0), score=25.0)
    assert "What to add (points each would add)" in render_text(uncapped)
    assert note not in render_markdown(uncapped).lower()


def test_a_kind_met_by_a_member_names_it_in_every_format() -> None:
    from dataclasses import replace

    report = make_report()
    first = report.matched[0]
    kind = replace(
        first,
        skill_id="machine_learning_frameworks",
        name="machine learning frameworks",
        requirement="machine_learning_frameworks",
        via="pytorch",
        via_name="PyTorch",
    )
    report = replace(report, matched=(kind, *report.matched[1:]))
    note = "full, PyTorch counts for machine learning frameworks"
    assert f"+ machine learning frameworks (Frameworks and libraries) [{note}]" in (
        render_text(report)
    )
    assert f"| {note} |" in render_markdown(report)
    assert note in render_html(report)
    # "full, PyTorch is one" read as a count (or as the resume's own words)
    assert "is one" not in render_text(report)


def test_a_requirements_section_reads_qualifications_in_every_format() -> None:
    """A resume's "Qualifications" heading opens the ``requirements`` section; its evidence
    is labelled "qualifications", not with a posting's word (ENGINEERING_12011623)."""
    base = make_report()
    first = dataclasses.replace(base.matched[0], section="requirements")
    report = dataclasses.replace(base, matched=(first, *base.matched[1:]))
    assert "      qualifications: Built models in" in render_text(report)
    assert "requirements" not in render_text(report)
    assert "| qualifications |" in render_markdown(report)
    assert "<td>qualifications</td>" in render_html(report)
    assert render_json(report).count('"section": "requirements"') == 1  # the id is kept


def test_a_snippets_own_asterisk_bullets_are_not_the_highlights_marks() -> None:
    # a LiveCareer "Highlights" list bullets with "*": beside the plain report's own "*"
    # marks the evidence read "*Analytical *problem solving* * Superb writer"
    text = "Highlights *Analytical problem solving * Superb writer"
    report = make_report(text)
    evidence = dataclasses.replace(report.matched[0], snippet=text, highlight=(23, 38))
    report = dataclasses.replace(report, matched=(evidence,))
    out = render_text(report)
    assert "Highlights \u2022Analytical *problem solving* \u2022 Superb writer" in out
    # with colour the marks are no asterisks, and the resume's own stay as written
    coloured = render(report, "text", color=True)
    assert "*Analytical" in coloured


def test_small_gains_are_not_called_already_strong() -> None:
    """A requirement left out of "what to add" for its small gain is not met: a resume
    scoring 1/100 was told it was "already strong there" of the soft skills it lacks."""
    report = make_report()
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "already strong" not in out
        assert "1 more not listed: each would add less than 0.1 point to the score" in out


def test_education_line_says_whether_the_field_asked_is_met() -> None:
    """ "meets the required bachelor's degree" beside a field asked and missed (a business
    degree against "computer science, ... or a related field") read as education met."""
    report = make_report()
    missed = replace(report, education=replace(report.education, meets_field=False))
    held = replace(report, education=replace(report.education, meets_field=True))
    for fmt in ("text", "markdown", "html"):

        def read(r: ScoreReport, fmt: str = fmt) -> str:
            return html.unescape(render(r, fmt))

        assert "(meets the required bachelor's degree; not in a field asked)" in read(missed)
        assert "(meets the required bachelor's degree; in a field asked)" in read(held)
        assert "field asked" not in read(report)  # no field asked: nothing said


def test_education_meets_field_as_the_field_requirement_is_credited() -> None:
    from jobmatch.facts import EducationEntry
    from jobmatch.scoring.career import education_against
    from jobmatch.scoring.profiles import load_profile

    profile = load_profile("research-engineer")
    business = EducationEntry(level="bachelor", field="business administration")
    cs = EducationEntry(level="master", field="computer science")
    assert education_against([business], profile, evidence=None).meets_field is False
    assert education_against([business, cs], profile, evidence=None).meets_field is True


def test_colour_key_only_with_colour() -> None:
    """A plain report has no colour to key: "(colour: what each requires)" read as noise."""
    assert "colour" not in render(make_report(), "text")
    assert "Categories (colour: what each requires)" in render(make_report(), "text", color=True)


def test_experience_counts_jobs_not_every_dated_role() -> None:
    """The years count jobs: "0.0 years in dated roles" stood above a volunteer role dated
    over ten years (the HTML lists every role), beside "no dated job found"."""
    volunteer = Role(
        title="Volunteer", start="2012-06", end="present", years=10.6, kind="volunteer"
    )
    report = make_report()
    report = dataclasses.replace(
        report,
        career=dataclasses.replace(report.career, years=0.0, level=None, roles=(volunteer,)),
    )
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "0.0 years in dated jobs" in out
        assert "dated roles" not in out
