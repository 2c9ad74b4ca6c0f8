"""Snapshot the batch lines a speed-up of batch scoring must keep, and compare two (not a test).

A lighter companion of :mod:`compare_outputs` for changes after extraction. ``snapshot``
writes, for the jobmatch importable in this interpreter (set ``PYTHONPATH`` to a baseline's
``src`` to snapshot another version):

* ``postings.jsonl``: ``jobmatch batch`` over the 459 shared postings (profile mode);
* ``resumes.jsonl``: ``jobmatch batch`` over the shared resume texts (profile mode);
* ``resume_mode_<name>.jsonl``: ``jobmatch batch --resume`` over the 459 postings, for the
  sample resume and a few shared resumes (their texts written beside the snapshot);
* ``postings_j2.jsonl``: the first again with ``--jobs 2``.

``diff A B`` compares two snapshot folders file by file (:func:`compare_outputs.diff`).
Usage::

    python benchmarks/compare_batch.py snapshot /tmp/cb_new --resume-cache F.jsonl
    PYTHONPATH=/tmp/base/src python benchmarks/compare_batch.py snapshot /tmp/cb_base ...
    python benchmarks/compare_batch.py diff /tmp/cb_base /tmp/cb_new

``--resume-cache`` is a JSONL of ``{"id", "text"}`` resume texts (as
:func:`compare_outputs.resume_texts` writes it), kept outside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import posting_texts, shared_data  # noqa: E402
from compare_outputs import REPO, diff, resume_texts  # noqa: E402

#: shared resumes also scored against every posting (``--resume``), by their cache id
RESUME_MODE = (
    "resume_matcher/harvey_dent_mle.pdf",
    "livecareer/ENGINEERING_12011623.pdf",
    "livecareer_more/ACCOUNTANT_12065211.pdf",
    "awesome_cv/resume.pdf",
)


def snapshot(out: Path, cache: Path | None) -> None:
    data = shared_data()
    out.mkdir(parents=True, exist_ok=True)
    inputs = out / "inputs"
    inputs.mkdir(exist_ok=True)
    postings = posting_texts(data)
    resumes = resume_texts(data, cache)
    # run in ``out`` with relative paths: the sources written are the same in every snapshot
    pin = Path("inputs") / "postings.jsonl"
    with (out / pin).open("w", encoding="utf-8") as f:
        for i, text in enumerate(postings):
            f.write(json.dumps({"id": f"p{i}", "text": text}) + "\n")
    rin = Path("inputs") / "resumes.jsonl"
    with (out / rin).open("w", encoding="utf-8") as f:
        for name, text in resumes:
            f.write(json.dumps({"id": name, "text": text}) + "\n")
    runs: list[tuple[str, list[str]]] = [
        ("postings.jsonl", [str(pin)]),
        ("resumes.jsonl", [str(rin)]),
        ("postings_j2.jsonl", [str(pin), "--jobs", "2"]),
        (
            "resume_mode_sample.jsonl",
            [str(pin), "--resume", str(REPO / "samples" / "research_engineer_resume.txt")],
        ),
    ]
    by_id = dict(resumes)
    for k, name in enumerate(RESUME_MODE):
        rpath = Path("inputs") / f"resume{k}.txt"
        (out / rpath).write_text(by_id[name], encoding="utf-8")
        runs.append((f"resume_mode_{k}.jsonl", [str(pin), "--resume", str(rpath)]))
    for name, args in runs:
        (out / name).unlink(missing_ok=True)
        cmd = [sys.executable, "-m", "jobmatch", "batch", *args, "-q", "-o", name]
        subprocess.run(cmd, check=False, cwd=out)
        print(f"  {name}", flush=True)
    print(f"{len(postings)} postings, {len(resumes)} resumes: snapshot written to {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("snapshot", help="write the batch outputs of this jobmatch to a folder")
    sp.add_argument("out", type=Path)
    sp.add_argument("--resume-cache", type=Path, default=None, help="resume texts (JSONL)")
    dp = sub.add_parser("diff", help="compare two snapshot folders")
    dp.add_argument("a", type=Path)
    dp.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "snapshot":
        snapshot(args.out.resolve(), args.resume_cache)
    else:
        sys.exit(diff(args.a, args.b))


if __name__ == "__main__":
    main()
