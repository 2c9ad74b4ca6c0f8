"""Profiles: the shipped Research Engineer profile, validation errors, build, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.errors import ProfileError
from jobmatch.lexicon.loader import load_lexicon
from jobmatch.scoring.profile_build import build_profile
from jobmatch.scoring.profiles import analyze, degree_meets, list_profiles, load_profile


def test_shipped_profile_loads_and_validates() -> None:
    p = load_profile()
    assert (p.id, p.name) == ("research-engineer", "Research Engineer, AI/ML")
    assert [c.id for c in p.categories] == [
        "programming",
        "math_stats",
        "ml_algorithms",
        "deep_learning",
        "frameworks",
        "data",
        "cloud_mlops",
        "software_engineering",
        "research",
        "domains",
        "emerging",
        "soft_skills",
        "education",
    ]
    reqs = {r.id: r for _, r in p.requirements()}
    assert reqs["dl_framework"].skills == ("pytorch", "tensorflow")
    assert reqs["dl_framework"].required and not reqs["keras"].required
    assert reqs["advanced_degree"].degree == "master"
    assert all(0.5 <= r.tfidf <= 1.0 for r in reqs.values())
    lexicon = load_lexicon()
    assert all(s in lexicon for s in p.skill_ids())
    assert [lv.id for lv in p.ladder] == ["intern", "junior", "mid", "senior", "principal"]
    figures = {(s.role, s.item): s.usd for s in p.salary}
    assert figures[("AI engineer", "average total compensation")] == (210595,)
    assert figures[("Machine learning engineer", "range")] == (70000, 285000)
    assert figures[("AI research scientist", "salary range")] == (147000, 246000)
    assert p.terms is not None and "pytorch" in p.terms.vector


def test_list_profiles() -> None:
    assert ("research-engineer", "Research Engineer, AI/ML", "2026.12.3") in list_profiles()


BASE = """
[profile]
id = "mine"
name = "Mine"
version = "1"

[[categories]]
id = "langs"
label = "Languages"
weight = 1
"""


def write(tmp_path: Path, body: str) -> Path:
    f = tmp_path / "mine.toml"
    f.write_text(body, encoding="utf-8")
    return f


def test_user_profile_without_generated_part(tmp_path: Path) -> None:
    body = (
        BASE + '[[categories.requirements]]\nid = "python"\nskills = ["python"]\nrequired = true\n'
    )
    p = load_profile(write(tmp_path, body))
    assert (p.id, p.terms, [r.label for _, r in p.requirements()]) == ("mine", None, ["Python"])


def test_every_problem_is_listed(tmp_path: Path) -> None:
    body = BASE + (
        '[[categories.requirements]]\nid = "a"\nskills = ["python", "no_such_skill"]\n'
        "required = true\n"
        '[[categories.requirements]]\nid = "b"\nskills = ["python"]\nrequired = "yes"\n'
        '[[categories.requirements]]\nid = "c"\ndegree = "wizard"\nrequired = true\n'
        '[[categories.requirements]]\nid = "ok"\nskills = ["sql"]\nrequired = false\n'
        '[[categories.requirements]]\nid = "ok"\nskills = ["python"]\nrequired = false\n'
    )
    with pytest.raises(ProfileError) as info:
        load_profile(write(tmp_path, body))
    assert str(info.value) == (
        f"{tmp_path / 'mine.toml'}: 4 problem(s) in the profile: "
        "requirement 'a': skill id 'no_such_skill' is not in the lexicon; "
        "requirement 'b': 'required' must be true or false; "
        "requirement 'c': degree 'wizard' is not one of high_school, associate, bachelor, "
        "master, professional_doctorate, phd; "
        "category 'langs' requirement 5: duplicate requirement id 'ok'"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[profile\n", "not valid TOML"),
        ('[profile]\nid = "x"\n', "'name' must be a non-empty string"),
        (BASE, "category 'langs': no requirements"),
        (BASE.replace("weight = 1", "weight = -1") + '[[categories.requirements]]\nid = "p"\n'
         'skills = ["python"]\nrequired = true\n', "'weight' must be a number >= 0"),
        (BASE + '[[categories.requirements]]\nid = "p"\nrequired = true\n',
         "give exactly one of 'skills', 'degree' or 'fields'"),
        (BASE + '[profile.extra]\n[[categories.requirements]]\nid = "p"\nskills = ["python"]\n'
         'required = true\n[scoring]\nfoo = 1\n', "[scoring]: unknown key(s) ['foo']"),
        (BASE + '[[categories.requirements]]\nid = "p"\nskills = ["python"]\nrequired = true\n'
         '[[ladder]]\nid = "top"\ntitles = ["chief"]\ntitle_only = "yes"\n',
         "ladder[1]: 'title_only' must be true or false"),
        (BASE + '[[categories.requirements]]\nid = "p"\nskills = ["python"]\nrequired = true\n'
         '[[ladder]]\nid = "top"\ntitles = ["chief"]\nmax_years = 3\n',
         "ladder[1]: unknown key(s) ['max_years']"),
    ],
)  # fmt: skip
def test_validation_errors(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ProfileError, match="mine.toml") as info:
        load_profile(write(tmp_path, body))
    assert message in str(info.value)


def test_unknown_profile_name() -> None:
    with pytest.raises(ProfileError, match="unknown profile 'nope' \\(shipped: research-engineer"):
        load_profile("nope")
    with pytest.raises(ProfileError, match="profile file not found"):
        load_profile("missing/profile.toml")


def test_analyze_keeps_words_and_bigrams() -> None:
    tokens = ["we", "use", "machine", "learning", "and", "c++", "in", "2024", "!"]
    assert analyze(tokens) == [
        "use",
        "machine",
        "learning",
        "c++",
        "use machine",
        "machine learning",
        "learning c++",
    ]


MINI = """
[profile]
id = "mini"
name = "Mini"
version = "1"
generated = "mini.tfidf.json"

[[categories]]
id = "ml"
label = "ML"
weight = 1

[[categories.requirements]]
id = "dl_framework"
skills = ["pytorch", "tensorflow"]
required = true

[[categories.requirements]]
id = "python"
skills = ["python"]
required = false
"""


def test_build_is_deterministic_and_loads(tmp_path: Path) -> None:
    prof = tmp_path / "mini.toml"
    prof.write_text(MINI, encoding="utf-8")
    seed = tmp_path / "seed.txt"
    seed.write_text("PyTorch and PyTorch models. Python scripts. Salaries are high.\n")
    # (skill vocabulary: the lexicon's one-word forms, and the bigrams of longer forms)
    bg = tmp_path / "bg.jsonl"
    bg.write_text(
        "".join(
            json.dumps({"text": t}) + "\n"
            for t in ["Python web developer", "Python and SQL", "Chef, kitchen, Python"]
        )
    )
    out1, out2 = tmp_path / "a.json", tmp_path / "mini.tfidf.json"
    build_profile(seed, [bg], profile=prof, output=out1)
    build_profile(seed, [bg], profile=prof, output=out2)
    assert out1.read_bytes() == out2.read_bytes()
    data = json.loads(out1.read_text())
    # the profile vector keeps skill vocabulary only: no "salaries", no "high"
    assert sorted(data["vector"]) == ["python", "pytorch"]
    assert data["requirements"] == {"dl_framework": 1.0, "python": 0.5}
    assert data["idf"]["python"] < data["idf"]["pytorch"]
    p = load_profile(prof)
    assert p.terms is not None and p.terms.cosine(["pytorch"]) > p.terms.cosine(["python"]) > 0


def test_cli_profile_list_show_build(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["profile", "list"])
    assert r.exit_code == 0 and r.output.startswith("research-engineer\t2026.12.3\t")
    r = runner.invoke(main, ["profile", "show", "research-engineer"])
    assert r.exit_code == 0
    assert "  required   dl_framework             pytorch | tensorflow" in r.output
    assert "Career ladder:" in r.output and "$210,595" in r.output
    r = runner.invoke(main, ["profile", "show", "--format", "json"])
    assert json.loads(r.output)["id"] == "research-engineer"
    r = runner.invoke(main, ["profile", "show", "nope"])
    assert r.exit_code == 1 and r.output.startswith("Error: nope: unknown profile 'nope'")
    prof = tmp_path / "mini.toml"
    prof.write_text(MINI, encoding="utf-8")
    seed = tmp_path / "seed.txt"
    seed.write_text("PyTorch and Python\n")
    bg = tmp_path / "bg.txt"
    bg.write_text("Python developer\n")
    out = tmp_path / "mini.tfidf.json"
    args = ["profile", "build", "--seed", str(seed), "--background", str(bg)]
    r = runner.invoke(main, [*args, "--profile", str(prof), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output == f"wrote {out}: 2 profile terms, 3 vocabulary terms, 2 requirements\n"


def test_stale_generated_file_is_reported(tmp_path: Path) -> None:
    prof = tmp_path / "mini.toml"
    prof.write_text(MINI, encoding="utf-8")
    generated = {"requirements": {"dl_framework": 1.0}, "idf": {"python": 1.0}, "vector": {}}
    (tmp_path / "mini.tfidf.json").write_text(json.dumps(generated), encoding="utf-8")
    with pytest.raises(
        ProfileError, match="requirement 'python': no TF-IDF factor in the generated"
    ):
        load_profile(prof)
    (tmp_path / "mini.tfidf.json").unlink()
    with pytest.raises(ProfileError, match="generated file 'mini.tfidf.json' not found"):
        load_profile(prof)


@pytest.mark.parametrize(
    ("level", "need", "meets"),
    [
        ("professional_doctorate", "master", True),
        ("professional_doctorate", "phd", False),
        ("professional_doctorate", "professional_doctorate", True),
        ("phd", "professional_doctorate", False),
        ("phd", "master", True),
        ("master", "professional_doctorate", False),
        (None, "bachelor", False),
    ],
)
def test_a_professional_doctorate_meets_a_masters_requirement_only(
    level: str | None, need: str, meets: bool
) -> None:
    assert degree_meets(level, need) is meets
