"""Candidate mining (``jobmatch lexicon build``) and lexicon browsing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.errors import DocumentNotFoundError, EmptyDocumentError, UnsupportedFormatError
from jobmatch.lexicon.browse import find_skills, lexicon_stats
from jobmatch.lexicon.mining import (
    Candidate,
    iter_texts,
    mine_candidates,
    write_candidates,
)

# "Zorblify" and "QuuxDB" are planted technical terms; "customer reports" and "team members"
# are ordinary phrases that the background also uses; Python and Kubernetes are known skills.
DOCS = [
    "We need experience with Zorblify and Python. The Zorblify pipelines run on Kubernetes. "
    "Our team members write customer reports.",
    "You will build Zorblify services with QuuxDB and help team members with customer reports.",
    "Knowledge of QuuxDB and Zorblify is required. Team members share customer reports.",
]
BACKGROUND = [
    "Our team members prepare customer reports every week.",
    "The customer reports are reviewed by team members.",
    "Team members enjoy a friendly office and write customer reports.",
]


@pytest.fixture(scope="module")
def mined() -> list[Candidate]:
    return mine_candidates(DOCS, background=BACKGROUND)


def test_planted_terms_rank_above_common_phrases(mined: list[Candidate]) -> None:
    names = [c.name for c in mined]
    assert names[:2] == ["Zorblify", "QuuxDB"]
    assert names.index("QuuxDB") < names.index("customer reports")
    assert names.index("QuuxDB") < names.index("team members")


def test_candidate_fields(mined: list[Candidate]) -> None:
    top = mined[0]
    assert (top.id, top.name, top.category, top.count, top.doc_count) == (
        "zorblify",
        "Zorblify",
        "tool",
        4,
        3,
    )
    assert "Zorblify" in top.example
    assert mined[1].category == "database"  # guessed from the "DB" suffix


def test_known_skills_are_left_out(mined: list[Candidate]) -> None:
    assert not {"python", "kubernetes"} & {c.id for c in mined}


def test_builtin_background_and_limits() -> None:
    out = mine_candidates(DOCS, top=1)
    assert [c.name for c in out] == ["Zorblify"]
    assert mine_candidates(DOCS, min_count=10) == []
    with pytest.raises(ValueError):
        mine_candidates(DOCS, top=0)


def test_write_candidates_is_lexicon_record_plus_review_fields(
    mined: list[Candidate], tmp_path: Path
) -> None:
    out = tmp_path / "cand.jsonl"
    assert write_candidates(mined[:2], out) == 2
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert list(first) == [
        "id",
        "name",
        "category",
        "aliases",
        "note",
        "score",
        "count",
        "doc_count",
        "example",
    ]
    assert (first["id"], first["name"], first["aliases"]) == ("zorblify", "Zorblify", [])


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text(DOCS[0], encoding="utf-8")
    (root / "b.md").write_text(DOCS[1], encoding="utf-8")
    lines = [json.dumps({"text": DOCS[2]}), "not json", json.dumps({"title": "no text"})]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "skip.pdf").write_bytes(b"%PDF-1.4")
    return root


def test_iter_texts_reads_txt_md_jsonl_and_folders(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "docs")
    got = list(iter_texts([root]))
    assert [src.rsplit("/", 1)[-1] for src, _ in got] == ["a.txt", "b.md", "c.jsonl:1"]
    assert [text for _, text in got] == DOCS


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("missing.txt", None, DocumentNotFoundError),
        ("doc.pdf", b"%PDF-1.4", UnsupportedFormatError),
        ("empty_dir", b"", EmptyDocumentError),
    ],
)
def test_iter_texts_errors(tmp_path: Path, name: str, content: bytes | None, error: type) -> None:
    path = tmp_path / name
    if name == "empty_dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(error):
        list(iter_texts([path]))


def test_cli_build(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "docs")
    bg = tmp_path / "bg.txt"
    bg.write_text(" ".join(BACKGROUND), encoding="utf-8")
    out = tmp_path / "cand.jsonl"
    result = CliRunner().invoke(
        main, ["lexicon", "build", str(root), "--background", str(bg), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    n = len(out.read_text(encoding="utf-8").splitlines())
    assert result.output == f"wrote {n} candidate(s) to {out}\n"
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["name"] == "Zorblify"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["lexicon", "build", "nope.txt", "-o", "x.jsonl"], 1, "Error: nope.txt: no such file"),
        (["lexicon", "build", "nope.txt"], 2, "Missing option '--output'"),
        (["lexicon", "build", "-o", "x.jsonl"], 2, "Missing argument 'DOCS...'"),
    ],
)
def test_cli_build_errors(args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert message in result.stderr


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("pytorch", ["pytorch"]),  # an id
        ("SKLearn", ["scikit-learn"]),  # an alias, any case
        ("natural language processing", ["nlp"]),  # the name
    ],
)
def test_find_skills(query: str, ids: list[str]) -> None:
    assert [s.id for s in find_skills(query)] == ids


def test_find_skills_substring_and_category() -> None:
    got = {s.id for s in find_skills("kafka")}
    assert "apache_kafka" in got
    langs = find_skills(category="spoken_language")
    assert {s.category for s in langs} == {"spoken_language"}
    with pytest.raises(ValueError, match="unknown category 'nope'"):
        find_skills("x", category="nope")


def test_lexicon_stats_add_up() -> None:
    stats = lexicon_stats()
    assert sum(n for _, _, n in stats.categories.values()) == stats.skills
    assert stats.categories["programming_language"][1] == "knowledge"
    assert stats.categories["soft_skill"][1] == "skill"
    assert stats.forms > stats.skills
