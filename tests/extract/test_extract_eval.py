"""Evaluation tests: extraction on real documents nobody here wrote (../shared/data).

Thresholds sit a margin below the measured figures (README "Measured"): they catch a broken
matcher or lexicon, not the last point of F1. ``benchmarks/bench_extract.py`` prints the
full table. Only the SkillSpan *dev* split is used here; the test split is held out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobmatch.extract.component import SkillExtractor

pytestmark = pytest.mark.evaluation


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.fixture(scope="module")
def dev_tech(shared_data: Path) -> list[dict]:
    path = shared_data / "gold" / "skillspan" / "skillspan_dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if r["source"] == "tech"]


def test_skillspan_dev_tech_knowledge(extractor: SkillExtractor, dev_tech: list[dict]) -> None:
    layer = {c.id: c.layer for c in extractor.lexicon.categories.values()}
    n_pred = n_gold = pred_hit = gold_hit = strict = 0
    for row, mentions in zip(dev_tech, extractor.pipe(r["text"] for r in dev_tech), strict=True):
        gold = [(s["start"], s["end"]) for s in row["spans"] if s["type"].lower() == "knowledge"]
        pred = [(m.start, m.end) for m in mentions if layer[m.category] == "knowledge"]
        n_pred += len(pred)
        n_gold += len(gold)
        strict += len(set(pred) & set(gold))
        pred_hit += sum(1 for p in pred if any(_overlap(p, g) for g in gold))
        gold_hit += sum(1 for g in gold if any(_overlap(p, g) for p in pred))
    precision, recall = pred_hit / n_pred, gold_hit / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert recall >= 0.70, f"overlap recall {recall:.3f}"
    assert f1 >= 0.60, f"overlap F1 {f1:.3f}"
    assert strict / n_gold >= 0.50, f"strict recall {strict / n_gold:.3f}"


def test_every_mention_points_into_the_text(
    extractor: SkillExtractor, dev_tech: list[dict]
) -> None:
    texts = [r["text"] for r in dev_tech[:500]]
    for text, mentions in zip(texts, extractor.pipe(texts), strict=True):
        for m in mentions:
            assert text[m.start : m.end] == m.text


def test_ml_engineer_posting(extractor: SkillExtractor, shared_data: Path) -> None:
    path = shared_data / "postings" / "resume_matcher" / "raw_job_1_ml_engineer.txt"
    mentions = extractor.extract(path.read_text(encoding="utf-8"))
    required = {m.skill_id for m in mentions if m.section == "requirements"}
    assert {"python", "pytorch", "tensorflow", "scikit-learn", "deep_learning"} <= required
    assert "machine_learning" in {m.skill_id for m in mentions if m.section == "responsibilities"}


def test_ml_resume_pdf(extractor: SkillExtractor, shared_data: Path) -> None:
    from jobmatch.read.documents import read_document

    doc = read_document(shared_data / "resumes" / "resume_matcher" / "harvey_dent_mle.pdf")
    found = {m.skill_id for m in extractor.extract(doc.text)}
    assert {"python", "pytorch", "tensorflow", "scikit-learn", "docker", "kubernetes"} <= found
    assert {"r", "sql", "nlp"} <= found


def test_non_tech_resumes_have_no_programming_languages(
    extractor: SkillExtractor, shared_data: Path
) -> None:
    from jobmatch.read.documents import read_document

    folder = shared_data / "resumes" / "livecareer"
    for name in ("HEALTHCARE_14062078.pdf", "CHEF_10001727.pdf", "ACCOUNTANT_10674770.pdf"):
        doc = read_document(folder / name)
        langs = [
            m.text for m in extractor.extract(doc.text) if m.category == "programming_language"
        ]
        assert langs == [], name


def test_glassdoor_r_and_rd(extractor: SkillExtractor, shared_data: Path) -> None:
    path = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    r_mentions = [
        (t, m)
        for t, ms in zip(texts, extractor.pipe(texts), strict=True)
        for m in ms
        if m.skill_id == "r"
    ]
    # data-science postings name R often; "R&D" is never taken for it
    assert len(r_mentions) >= 50
    assert not [t[m.start : m.end + 1] for t, m in r_mentions if t[m.end : m.end + 1] == "&"]
