"""Skill ids found on the 20 shared resumes, and those gained and lost against a saved run.

The 20 resumes are every PDF of ``resumes/resume_matcher``, ``resumes/open_resume`` and
``resumes/livecareer`` in the shared data. Each is read with :func:`jobmatch.read_document`
and extracted with the shipped :class:`~jobmatch.extract.SkillExtractor`. ``--save`` writes
the skill ids of each resume with the text of their mentions (JSON); ``--against`` compares
the current run with such a file and prints, per resume, the ids gained and lost with the
text that yields (gained) or yielded (lost) them, so a lost id can be read.

Usage::

    python benchmarks/bench_shared_resumes.py --save /tmp/before.json   # on the base commit
    python benchmarks/bench_shared_resumes.py --against /tmp/before.json
    python benchmarks/bench_shared_resumes.py --all ...   # + livecareer_more, awesome_cv
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

from bench_extract import shared_data
from jobmatch import read_document
from jobmatch.extract import SkillExtractor

FOLDERS = ("resumes/resume_matcher", "resumes/open_resume", "resumes/livecareer")
# --all: the other shared resumes too (48 livecareer_more, 2 Awesome-CV)
MORE_FOLDERS = ("resumes/livecareer_more", "resumes/awesome_cv")
Found = dict[str, dict[str, list[str]]]  # resume -> skill id -> texts of its mentions


def skill_ids(ex: SkillExtractor, data: Path, folders: Iterable[str] = FOLDERS) -> Found:
    """Per resume (``folder/stem``), each skill id with the distinct texts of its mentions."""
    found: Found = {}
    for folder in folders:
        for path in sorted((data / folder).glob("*.pdf")):
            doc = read_document(path)
            ids: dict[str, list[str]] = {}
            for m in ex.extract(doc.text):
                texts = ids.setdefault(m.skill_id, [])
                snippet = " ".join(doc.text[m.start : m.end].split())
                if snippet not in texts:
                    texts.append(snippet)
            found[f"{Path(folder).name}/{path.stem}"] = dict(sorted(ids.items()))
    return found


def compare(before: Found, after: Found) -> None:
    """Print the ids gained and lost per resume, with the texts behind them."""
    changed = 0
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, {}), after.get(name, {})
        gained = sorted(set(new) - set(old))
        lost = sorted(set(old) - set(new))
        if not gained and not lost:
            continue
        changed += 1
        print(f"\n{name}")
        for sid in gained:
            print(f"  + {sid}: {'; '.join(new[sid])}")
        for sid in lost:
            print(f"  - {sid}: {'; '.join(old[sid])}")
    n_gained = sum(len(set(after.get(n, {})) - set(before.get(n, {}))) for n in after)
    n_lost = sum(len(set(before.get(n, {})) - set(after.get(n, {}))) for n in before)
    print(f"\n{len(after)} resumes, {changed} changed: {n_gained} ids gained, {n_lost} ids lost")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--save", type=Path, default=None, help="write this run's ids (JSON)")
    ap.add_argument("--against", type=Path, default=None, help="compare with a saved run")
    ap.add_argument("--all", action="store_true", help="also livecareer_more and awesome_cv")
    args = ap.parse_args(None if argv is None else list(argv))
    folders = FOLDERS + MORE_FOLDERS if args.all else FOLDERS
    after = skill_ids(SkillExtractor(), shared_data(), folders)
    if args.save is not None:
        args.save.write_text(json.dumps(after, indent=1, ensure_ascii=False), encoding="utf-8")
        n = sum(len(v) for v in after.values())
        print(f"{len(after)} resumes, {n} (resume, skill id) pairs written to {args.save}")
    if args.against is not None:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        compare(before, after)


if __name__ == "__main__":
    main()
