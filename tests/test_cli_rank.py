"""``jobmatch rank``: many resumes against one posting, the scores ``match`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.api import match
from jobmatch.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
POSTING = SAMPLES / "posting_research_engineer.txt"
RESUMES = [SAMPLES / f"{n}_resume.txt" for n in ("nurse", "research_engineer", "software_engineer")]


def rank(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["rank", *args])
    return result.exit_code, result.stdout, result.stderr


def test_rank_is_a_table_best_first_by_default() -> None:
    code, out, err = rank(*map(str, RESUMES), "--posting", str(POSTING))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["#", "score", "id", "matched", "missing"]
    assert [line.split()[1] for line in lines[1:4]] == ["98.4", "51.0", "2.5"]
    # ids are paths, clipped on the left to 36 characters (wherever the checkout is), at a
    # separator: "…/research_engineer_resume.txt", not "…amples/research_engineer_resume.txt"
    ids = [line.split()[2] for line in lines[1:4]]
    for shown, path in zip(ids, [RESUMES[1], RESUMES[2], RESUMES[0]], strict=True):
        assert len(shown) <= 36 and shown.endswith(path.name)
        assert shown == str(path) or (shown.startswith("…/") and str(path).endswith(shown[1:]))
    assert ids[0] == "…/research_engineer_resume.txt"
    assert lines[4] == "3 of 3 scored records shown"
    assert err.startswith("rank: 3 ok, 0 failed, ")


def test_rank_scores_equal_match_and_name_the_posting(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for r in RESUMES:
        (folder / r.name).write_bytes(r.read_bytes())
    out = tmp_path / "ranked.jsonl"
    code, _, _ = rank(str(folder), "--posting", str(POSTING), "-o", str(out), "-j", "2", "-q")
    assert code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(r["id"]).name for r in rows] == sorted(r.name for r in RESUMES)
    for row in rows:
        report = match(Path(row["id"]), POSTING)
        assert row["score"] == report.score
        assert row["profile"] == report.profile == "posting:posting_research_engineer.txt"
        assert row["coverage"] == {c.id: c.coverage for c in report.categories}
    # continuing the finished output does nothing; another posting is refused
    assert rank(str(folder), "--posting", str(POSTING), "-o", str(out), "-q")[0] == 0
    other = SAMPLES / "posting_data_analyst.txt"
    code, _, err = rank(str(folder), "--posting", str(other), "-o", str(out))
    assert code == 2
    assert "was written with other settings: posting was 'sha256:" in " ".join(err.split())


def test_rank_usage_and_input_errors(tmp_path: Path) -> None:
    code, _, err = rank(str(RESUMES[0]))
    assert code == 2 and "Missing option '--posting'" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here\n", encoding="utf-8")
    code, _, err = rank(str(RESUMES[0]), "--posting", str(empty))
    assert code == 1
    assert err == f"Error: {empty}: no skills from the lexicon were found in the posting\n"


@pytest.mark.evaluation
def test_rank_over_the_shared_resumes_equals_match_for_each_pair(
    shared_data: Path, tmp_path: Path
) -> None:
    posting = shared_data / "postings" / "resume_matcher" / "e2e_ml-eng.txt"
    resumes = shared_data / "resumes" / "resume_matcher"
    out = tmp_path / "ranked.csv"
    code, _, _ = rank(str(resumes), "--posting", str(posting), "-o", str(out), "-j", "2", "-q")
    assert code == 0
    import csv

    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    from jobmatch.batch.records import PROJECT_FILE

    # every resume of the folder, not its LICENSE.Apache-2.0.txt
    candidates = [
        p
        for p in resumes.iterdir()
        if p.suffix in (".pdf", ".txt") and not PROJECT_FILE.match(p.name)
    ]
    assert len(rows) == len(candidates) == 8
    assert not any("LICENSE" in row["id"] for row in rows)
    for row in rows:
        assert float(row["score"]) == match(Path(row["id"]), posting).score, row["id"]


def test_rank_notes_a_posting_that_cannot_show_a_good_fit(tmp_path: Path) -> None:
    # a kitchen job in which the lexicon reads one soft skill: even the cook meeting it
    # scores "weak", so the run says the scores cannot show a good fit
    posting = tmp_path / "kitchen.txt"
    posting.write_text(
        "Main duties include: preparation of self-service counters ready for service.\n"
        "Sandwich making and other basic food preparation tasks.\n",
        encoding="utf-8",
    )
    cook = tmp_path / "cook.txt"
    cook.write_text("EXPERIENCE\nCook, Diner 2015-2020\nCooking and food preparation.\n")
    code, out, err = rank(str(cook), str(RESUMES[1]), "--posting", str(posting))
    assert code == 0
    assert [line.split()[2] for line in out.splitlines()[1:3]][0].endswith("cook.txt")
    (note,) = [line for line in err.splitlines() if line.startswith("note: ")]
    assert "posting kitchen.txt has only 1 requirement jobmatch can check (cooking)" in note
    assert "cannot show a good fit" in note
    # a posting that asks enough gets no note
    _, _, err = rank(str(cook), "--posting", str(POSTING))
    assert "note: " not in err
