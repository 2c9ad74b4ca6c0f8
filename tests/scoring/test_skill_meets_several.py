"""One skill meeting several requirements not met is one item of "what to add".

A posting asking "Java" in one line and "Java/Java EE" in another was told "+2.3 Java" and
"+2.3 Java or Java EE", and "Java EE" beside "Java EE or memory management": one skill
listed twice, each time with the gain of one requirement. The item is now the skill, with
the gain of adding it (every requirement it meets, at once) and what else it meets.
"""

from __future__ import annotations

from jobmatch.extract.component import SkillExtractor
from jobmatch.models import ScoreReport
from jobmatch.report import render_html, render_markdown, render_text
from jobmatch.report_parts import split_missing
from jobmatch.scoring.formula import compute, joint_gain
from jobmatch.scoring.profiles import DEFAULT_PROFILE, load_profile
from tests.helpers import load_schema, match_texts_on, schema_errors

POSTING = "Requirements:\n- Java\n- Experience with Java/Java EE applications\n- SQL\n- Docker\n"
RESUME = "Jane Roe\n\nEXPERIENCE\nAnalyst, Acme — Jan 2019 – Dec 2023\n- Wrote SQL reports.\n"


def _report(extractor: SkillExtractor) -> ScoreReport:
    report: ScoreReport = match_texts_on(extractor, RESUME, POSTING)
    return report


def test_a_skill_meeting_two_requirements_is_one_item(extractor: SkillExtractor) -> None:
    report = _report(extractor)
    java = next(m for m in report.missing if m.requirement == "java")
    both = next(m for m in report.missing if m.name == "Java or Java EE")
    assert java.also_meets == (both.requirement,)
    # meeting both at once gains more than either alone (and is no guess: the formula's)
    assert java.skill_gain is not None and java.skill_gain > java.gain
    to_add, _, _ = split_missing(report)
    assert [m.name for m in to_add].count("Java") == 1
    assert "Java or Java EE" not in [m.name for m in to_add]
    text = render_text(report)
    line = f"+{java.skill_gain:.1f} Java (Programming languages; required; also meets Java or"
    assert line in text and "  +25.4 Java or Java EE" not in text
    assert "also meets Java or Java EE" in render_markdown(report)
    assert "also meets Java or Java EE" in render_html(report)
    # the JSON keeps one entry per requirement, each with its own gain
    d = report.to_dict()
    assert {m["requirement"] for m in d["missing"]} >= {"java", both.requirement}
    assert schema_errors(d, load_schema()) == []


def test_a_requirement_of_one_skill_alone_is_unchanged(extractor: SkillExtractor) -> None:
    docker = next(m for m in _report(extractor).missing if m.name == "Docker")
    assert (docker.also_meets, docker.skill_gain) == ((), None)


def test_the_joint_gain_of_one_requirement_is_its_gain() -> None:
    profile = load_profile(DEFAULT_PROFILE)
    ids = [r.id for _, r in profile.requirements()]
    values = dict.fromkeys(ids, 0.0) | dict.fromkeys(ids[::3], 1.0)
    for exact in (False, True):
        result = compute(profile, values, 0.1, exact_gains=exact)
        for rid in [r for r in ids if values[r] == 0.0][:6]:
            assert (
                abs(joint_gain(profile, values, 0.1, [rid], exact_gains=exact) - result.gains[rid])
                < 1e-9
            )
            # with the breakdown the caller has (as a report passes it): the same gain
            given = joint_gain(profile, values, 0.1, [rid], exact_gains=exact, base=result)
            assert abs(given - result.gains[rid]) < 1e-9
