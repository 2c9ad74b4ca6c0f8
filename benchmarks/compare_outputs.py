"""Snapshot every output a speed-up must keep, and compare two snapshots (not a test).

A speed-up of extraction or batch scoring must not change any output. ``snapshot`` writes,
for the jobmatch importable in this interpreter (set ``PYTHONPATH`` to a baseline's ``src``
to snapshot another version, e.g. one unpacked with ``git archive``):

* ``mentions_*.jsonl``: the mentions (skill, offsets, text, section) of the samples, every
  shared resume, every shared posting and the SkillSpan dev sentences, with the default
  extractor and with ``title_names=False``;
* ``reports.jsonl``: the full :class:`~jobmatch.models.ScoreReport` of every shared resume
  and of 100 postings (profile mode), and ``resume_mode.jsonl`` those of a sample resume
  against 100 postings (``--resume`` mode), with a fixed ``as_of`` date;
* ``batch_*``: ``jobmatch batch`` outputs (JSON lines, CSV, table, ``--resume``,
  ``--min-score``, ``--jobs 2``) over up to 600 shared postings and the resume texts;
* ``market_*``: ``jobmatch market`` reports (JSON, Markdown, HTML, ``--resume``,
  ``--jobs 2``) over the shared Glassdoor postings and over 1,500 distinct postings
  (:mod:`distinct_postings`); ``--market-only`` writes only these.

``diff A B`` compares two snapshot folders file by file and prints the first differing
records. Usage::

    python benchmarks/compare_outputs.py snapshot /tmp/snap_new [--resume-cache F.jsonl]
    PYTHONPATH=/tmp/base/src python benchmarks/compare_outputs.py snapshot /tmp/snap_base
    python benchmarks/compare_outputs.py diff /tmp/snap_base /tmp/snap_new

``--resume-cache`` keeps the texts read from the shared resume files (PDF reading is slow)
in a file outside the repository; the shared data is never copied into the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import posting_texts, shared_data  # noqa: E402
from distinct_postings import load_sources, posting  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 6, 1)
N_BATCH = 600
N_DISTINCT = 1500
GLASSDOOR = Path("postings") / "glassdoor_ds_2020" / "glassdoor_public.jsonl"


def resume_texts(data: Path, cache: Path | None) -> list[tuple[str, str]]:
    """(name, text) of every shared resume file, read once and kept in ``cache``."""
    if cache is not None and cache.is_file():
        rows = [json.loads(x) for x in cache.open(encoding="utf-8")]
        return [(r["id"], r["text"]) for r in rows]
    from jobmatch.read.documents import read_document

    root = data / "resumes"
    out: list[tuple[str, str]] = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix.lower() in {".pdf", ".docx", ".txt", ".tex"}:
            out.append((str(p.relative_to(root)), read_document(p).text))
    if cache is not None:
        with cache.open("w", encoding="utf-8") as f:
            for name, text in out:
                f.write(json.dumps({"id": name, "text": text}) + "\n")
    return out


def sample_texts() -> list[tuple[str, str]]:
    return [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((REPO / "samples").glob("*.txt"))
    ]


def sentences(data: Path) -> list[tuple[str, str]]:
    path = data / "gold" / "skillspan" / "skillspan_dev.jsonl"
    rows = [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]
    return [(str(r["id"]), r["text"]) for r in rows]


def write_jsonl(path: Path, rows: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def snapshot(
    out: Path, cache: Path | None, batch_only: bool = False, market_only: bool = False
) -> None:
    from jobmatch.extract.component import SkillExtractor
    from jobmatch.scoring.resume_scorer import ResumeScorer
    from jobmatch.scoring.scorer import Scorer

    data = shared_data()
    out.mkdir(parents=True, exist_ok=True)
    if market_only:
        market_outputs(out, data)
        return
    resumes = resume_texts(data, cache)
    postings = [(f"posting{i}", t) for i, t in enumerate(posting_texts(data))]
    corpus = sample_texts() + resumes + postings + sentences(data)
    print(f"{len(corpus)} texts: {len(resumes)} resumes, {len(postings)} postings", flush=True)
    if batch_only:
        batch_outputs(out, [t for _, t in postings], resumes)
        return
    for name, options in (("default", {}), ("posting_reading", {"title_names": False})):
        ex = SkillExtractor(**options)
        rows = [
            [key, [[m.skill_id, m.start, m.end, m.text, m.section, m.category] for m in ms]]
            for (key, _), ms in zip(corpus, ex.pipe(t for _, t in corpus), strict=True)
        ]
        write_jsonl(out / f"mentions_{name}.jsonl", rows)

    scorer = Scorer(as_of=AS_OF)
    scored = resumes + sample_texts() + postings[:100]
    write_jsonl(
        out / "reports.jsonl",
        [[k, dataclasses.asdict(scorer.score_text(t, source=k))] for k, t in scored],
    )
    resume = (REPO / "samples" / "research_engineer_resume.txt").read_text(encoding="utf-8")
    rs = ResumeScorer(resume=resume, as_of=AS_OF)
    write_jsonl(
        out / "resume_mode.jsonl",
        [[k, dataclasses.asdict(rs.score_text(t, source=k))] for k, t in postings[:100]],
    )
    batch_outputs(out, [t for _, t in postings], resumes)
    market_outputs(out, data)
    print(f"snapshot written to {out}")


def batch_outputs(out: Path, postings: list[str], resumes: list[tuple[str, str]]) -> None:
    src = out / "inputs"
    src.mkdir(exist_ok=True)
    # run in ``out`` with relative paths: the sources written are the same in every snapshot
    pin = Path("inputs") / "postings.jsonl"
    with (out / pin).open("w", encoding="utf-8") as f:
        for i in range(N_BATCH):
            row = {"id": f"p{i}", "text": postings[i % len(postings)], "title": f"t{i % 7}"}
            f.write(json.dumps(row) + "\n")
    rin = Path("inputs") / "resumes.jsonl"
    with (out / rin).open("w", encoding="utf-8") as f:
        for name, text in resumes:
            f.write(json.dumps({"id": name, "text": text}) + "\n")
    resume = str(REPO / "samples" / "research_engineer_resume.txt")
    runs: list[tuple[str, list[str]]] = [
        ("batch_postings.jsonl", [str(pin)]),
        ("batch_postings.csv", [str(pin), "--keep-fields", "title"]),
        ("batch_postings_table.txt", [str(pin), "--format", "table", "--top", "40"]),
        ("batch_postings_j2.jsonl", [str(pin), "--jobs", "2"]),
        ("batch_min_score.jsonl", [str(pin), "--min-score", "25"]),
        ("batch_resumes.jsonl", [str(rin)]),
        ("batch_resumes.csv", [str(rin)]),
        ("batch_resume_mode.jsonl", [str(pin), "--resume", resume]),
        ("batch_resume_mode_table.txt", [str(pin), "--resume", resume, "--format", "table"]),
    ]
    for name, args in runs:
        target = out / name
        for stale in out.glob(name + "*"):
            stale.unlink()
        cmd = [sys.executable, "-m", "jobmatch", "batch", *args, "-q"]
        if name.endswith(".txt"):
            with target.open("w", encoding="utf-8") as f:
                subprocess.run(cmd, stdout=f, check=False, cwd=out)
        else:
            subprocess.run([*cmd, "-o", name], check=False, cwd=out)
        print(f"  {name}", flush=True)


def market_outputs(out: Path, data: Path) -> None:
    """``jobmatch market`` reports over the Glassdoor postings and distinct ones."""
    src = out / "inputs"
    src.mkdir(exist_ok=True)
    distinct = Path("inputs") / "distinct.jsonl"
    sources = load_sources(data)
    with (out / distinct).open("w", encoding="utf-8") as f:
        for i in range(N_DISTINCT):
            f.write(json.dumps(posting(sources, i)) + "\n")
    glassdoor = str(data / GLASSDOOR)
    resume = str(REPO / "samples" / "research_engineer_resume.txt")
    runs: list[tuple[str, list[str]]] = [
        ("market_glassdoor.json", [glassdoor]),
        ("market_glassdoor.md", [glassdoor]),
        ("market_glassdoor.html", [glassdoor]),
        ("market_glassdoor_resume.json", [glassdoor, "--resume", resume]),
        ("market_glassdoor_resume.md", [glassdoor, "--resume", resume]),
        ("market_glassdoor_j2.json", [glassdoor, "--jobs", "2"]),
        ("market_distinct.json", [str(distinct)]),
        ("market_distinct_resume.json", [str(distinct), "--resume", resume]),
    ]
    for name, args in runs:
        (out / name).unlink(missing_ok=True)
        cmd = [sys.executable, "-m", "jobmatch", "market", *args, "-o", name]
        subprocess.run(cmd, check=False, cwd=out)
        print(f"  {name}", flush=True)


def diff(a: Path, b: Path) -> int:
    names = sorted(
        {p.name for p in a.iterdir() if p.is_file()} | {p.name for p in b.iterdir() if p.is_file()}
    )
    bad = 0
    for name in names:
        pa, pb = a / name, b / name
        if not pa.is_file() or not pb.is_file():
            print(f"{name}: only in {'A' if pa.is_file() else 'B'}")
            bad += 1
            continue
        la = pa.read_bytes().splitlines()
        lb = pb.read_bytes().splitlines()
        if la == lb:
            print(f"{name}: identical ({len(la)} lines)")
            continue
        bad += 1
        differing = [i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y]
        print(f"{name}: DIFFERENT ({len(la)} vs {len(lb)} lines, {len(differing)} differ)")
        for i in differing[:3]:
            print(f"  line {i + 1}\n  A: {la[i][:300]!r}\n  B: {lb[i][:300]!r}")
    print("all identical" if not bad else f"{bad} files differ")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("snapshot", help="write the outputs of this jobmatch to a folder")
    sp.add_argument("out", type=Path)
    sp.add_argument("--resume-cache", type=Path, default=None, help="resume texts (JSONL)")
    sp.add_argument("--batch-only", action="store_true", help="only the batch outputs")
    sp.add_argument("--market-only", action="store_true", help="only the market reports")
    dp = sub.add_parser("diff", help="compare two snapshot folders")
    dp.add_argument("a", type=Path)
    dp.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "snapshot":
        snapshot(args.out.resolve(), args.resume_cache, args.batch_only, args.market_only)
    else:
        sys.exit(diff(args.a, args.b))


if __name__ == "__main__":
    main()
