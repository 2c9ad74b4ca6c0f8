"""Cold-start wall time of the CLI beside the bare imports it cannot avoid.

Each measurement is a fresh subprocess (a new interpreter, nothing cached in memory but
the OS file cache, which one discarded warm-up run fills). Runs are interleaved so that
load from other processes spreads evenly over the commands being compared.

    python benchmarks/bench_cold_start.py [--runs 5] [--pdf samples/research_engineer_resume.pdf]
    python benchmarks/bench_cold_start.py --identity   # + cache vs no cache on shared resumes
    python benchmarks/bench_cold_start.py --before /tmp/base/src   # + an older checkout's score
        # (e.g. `git archive <commit> src | tar -x -C /tmp/base`), run with PYTHONPATH

Targets (issue 15): ``jobmatch score`` within 1.3x of importing spaCy (+ ``blank("en")``) and
pdfminer (``score`` does not import scikit-learn); ``jobmatch --help`` within 2x of importing
click; ``Scorer()`` within 0.5 s once spaCy is imported. The build of the skill matcher with
and without the compiled pattern cache (``jobmatch.extract.cache``) is timed in the same
fresh processes; ``--identity`` checks that both give the same mentions on every
``$JOBMATCH_SHARED_DATA/resumes/**/*.pdf``.

Bytecode: spaCy and pdfminer load from compiled bytecode (``pip install`` writes it), and so
does jobmatch once installed from a wheel, or after its first run in a checkout. Where
``PYTHONDONTWRITEBYTECODE`` is set, an editable checkout would compile every jobmatch module
from source in every process, a cost no user of an installed jobmatch pays; so the measured
jobmatch (and ``--before``) is given its bytecode first, as ``pip install`` does
(``compileall``, into the git-ignored ``__pycache__`` folders), and one more row measures a
copy of the package with no bytecode at all (``PYTHONDONTWRITEBYTECODE=1``), for comparison.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_SCORE = "import spacy, pdfminer.high_level; spacy.blank('en')"
# in one fresh process, after `import spacy`: blank("en"), the matcher built without and with
# the cache, and Scorer() (its own pipeline, from the cache); prints four seconds
IN_PROCESS = """
import time, spacy
from jobmatch.extract.component import SkillComponent
from jobmatch.extract.nlp_tokenizer import blank_pipeline
from jobmatch.lexicon.loader import load_lexicon
from jobmatch.scoring.scorer import Scorer
t0 = time.perf_counter(); spacy.blank("en"); t1 = time.perf_counter()
Scorer(); t2 = time.perf_counter()
lexicon = load_lexicon()
nlp = blank_pipeline(); t3 = time.perf_counter()
SkillComponent(nlp, lexicon=lexicon, use_cache=False); t4 = time.perf_counter()
SkillComponent(nlp, lexicon=lexicon); t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t4 - t3, t5 - t4)
"""
BARE_HELP = "import click"
#: the same ``score``, every jobmatch module compiled from source in the process
NO_BYTECODE = "jobmatch score PDF, no bytecode"


def jobmatch_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m jobmatch``."""
    script = Path(sys.executable).with_name("jobmatch")
    if script.exists():
        return [str(script)]
    found = shutil.which("jobmatch")
    return [found] if found else [sys.executable, "-m", "jobmatch"]


def package_dirs(src: Path | None = None) -> list[Path]:
    """The folders of the ``jobmatch`` package (and its ``skill_lexicon`` data package) that
    this interpreter imports, or that ``src`` holds (an older checkout's ``src/``)."""
    if src is not None:
        return [src / "jobmatch"]
    found = []
    for name in ("jobmatch", "jobmatch.skill_lexicon"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            sys.exit(f"cannot find the package {name}")
        found.append(Path(next(iter(spec.submodule_search_locations))))
    return found


def give_bytecode(dirs: list[Path]) -> None:
    """Compile the modules under ``dirs`` into their ``__pycache__`` (what ``pip install``
    does for an installed package); a failure aborts."""
    for folder in dirs:
        if not compileall.compile_dir(str(folder), quiet=1, workers=1):
            sys.exit(f"could not compile the modules under {folder}")


def source_only_copy(dirs: list[Path], into: Path) -> Path:
    """A copy of the package with no bytecode, under ``into``; returns the folder to put on
    ``PYTHONPATH`` (with ``PYTHONDONTWRITEBYTECODE=1`` every module is compiled from source
    in every process)."""
    package, *data = dirs
    target = into / "jobmatch"
    shutil.copytree(package, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    lexicon = target / "skill_lexicon"
    if data and not lexicon.exists():
        shutil.copytree(data[0], lexicon, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return into


def run_once(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + sys) of one fresh process; a failure aborts."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(
            f"command failed ({proc.returncode}): {' '.join(argv)}\n"
            + proc.stderr.decode(errors="replace")[-2000:]
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command")
    parser.add_argument(
        "--pdf",
        type=Path,
        default=ROOT / "samples" / "research_engineer_resume.pdf",
        help="the resume to score (a two-page PDF)",
    )
    parser.add_argument(
        "--identity", action="store_true", help="mentions with vs without the cache, shared resumes"
    )
    parser.add_argument("--before", type=Path, help="the src/ folder of an older checkout")
    args = parser.parse_args()
    if not args.pdf.is_file():
        sys.exit(f"no such file: {args.pdf}")

    jm = jobmatch_command()
    dirs = package_dirs()
    give_bytecode(dirs)
    scratch = Path(tempfile.mkdtemp(prefix="jobmatch-cold-"))
    commands: dict[str, list[str]] = {
        "jobmatch score PDF": [*jm, "score", str(args.pdf)],
        "bare imports (spaCy, pdfminer)": [sys.executable, "-c", BARE_SCORE],
        "jobmatch --help": [*jm, "--help"],
        "python -c 'import click'": [sys.executable, "-c", BARE_HELP],
        NO_BYTECODE: [sys.executable, "-m", "jobmatch", "score", str(args.pdf)],
    }
    envs: dict[str, dict[str, str]] = {
        NO_BYTECODE: {
            **os.environ,
            "PYTHONPATH": str(source_only_copy(dirs, scratch)),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    }
    if args.before is not None:
        give_bytecode(package_dirs(args.before.resolve()))
        name = "jobmatch score PDF, before (--before)"
        commands[name] = [sys.executable, "-m", "jobmatch", "score", str(args.pdf)]
        envs[name] = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
    in_process = [sys.executable, "-c", IN_PROCESS]
    for name, argv in [*commands.items(), ("", in_process)]:  # warm-up: fill the file cache
        run_once(argv, envs.get(name))
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    inner: list[list[float]] = []
    for _ in range(args.runs):
        for name, argv in commands.items():
            w, c = run_once(argv, envs.get(name))
            wall[name].append(w)
            cpu[name].append(c)
        inner.append(in_process_times(in_process))
    shutil.rmtree(scratch, ignore_errors=True)
    med = {name: statistics.median(ts) for name, ts in wall.items()}
    med_cpu = {name: statistics.median(ts) for name, ts in cpu.items()}

    print(f"cold start, median of {args.runs} fresh processes ({args.pdf.name})")
    print(f"jobmatch from {dirs[0]}, with its bytecode (compiled as pip install does)")
    print(f"{'command':<52} {'wall s':>7} {'min':>6} {'max':>6} {'cpu s':>6}")
    for name, ts in wall.items():
        print(f"{name:<52} {med[name]:>7.3f} {min(ts):>6.2f} {max(ts):>6.2f} {med_cpu[name]:>6.2f}")
    pairs = [
        ("jobmatch score PDF", "bare imports (spaCy, pdfminer)", 1.3),
        ("jobmatch --help", "python -c 'import click'", 2.0),
        (NO_BYTECODE, "bare imports (spaCy, pdfminer)", 1.3),
    ]
    if args.before is not None:
        pairs.append(
            ("jobmatch score PDF, before (--before)", "bare imports (spaCy, pdfminer)", 1.3)
        )
    print()
    print(f"{'ratio of medians':<52} {'wall':>7} {'cpu':>6} {'target':>7}")
    for cmd, base, target in pairs:
        ratio = med[cmd] / med[base]
        ratio_cpu = med_cpu[cmd] / med_cpu[base]
        verdict = "ok" if ratio <= target else "SLOW"
        label = f"{cmd} / baseline"
        print(f"{label:<52} {ratio:>6.2f}x {ratio_cpu:>5.2f}x {target:>6.1f}x  {verdict}")
    print_in_process(inner)
    if args.identity:
        print_identity()
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)")


def in_process_times(argv: list[str]) -> list[float]:
    """The four in-process timings of :data:`IN_PROCESS` (a fresh interpreter)."""
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"in-process timing failed:\n{proc.stderr[-2000:]}")
    return [float(x) for x in proc.stdout.split()]


def print_in_process(inner: list[list[float]]) -> None:
    """Medians of the in-process timings and the ratios that matter."""
    names = [
        "spacy.blank('en')",
        "Scorer() (after import spacy)",
        "matcher build, no cache",
        "matcher build, from the cache",
    ]
    med = [statistics.median(run[i] for run in inner) for i in range(len(names))]
    print()
    print(f"in one fresh process, median of {len(inner)} ({'s':>5})")
    for name, value in zip(names, med, strict=True):
        print(f"  {name:<40} {value:>7.3f}")
    speedup = statistics.median(run[2] / run[3] for run in inner)
    verdict = "ok" if med[1] <= 0.5 else "SLOW"
    print(f"  {'build speed-up from the cache':<40} {speedup:>6.2f}x")
    print(f"  {'Scorer() / blank(en)':<40} {med[1] / med[0]:>6.2f}x  (target 0.5 s: {verdict})")


def print_identity() -> None:
    """Mentions with and without the cache on every shared resume PDF."""
    from jobmatch.api import read_document
    from jobmatch.errors import JobmatchError
    from jobmatch.extract.component import SkillComponent
    from jobmatch.extract.nlp_tokenizer import blank_pipeline
    from jobmatch.lexicon.loader import load_lexicon

    shared = os.environ.get("JOBMATCH_SHARED_DATA")
    if not shared:
        print("\n--identity: set JOBMATCH_SHARED_DATA")
        return
    lexicon = load_lexicon()
    nlp = blank_pipeline()
    both = [SkillComponent(nlp, lexicon=lexicon, use_cache=flag) for flag in (True, False)]
    same = differ = unread = 0
    for path in sorted(Path(shared, "resumes").rglob("*.pdf")):
        try:
            text = read_document(path).text
        except JobmatchError:
            unread += 1
            continue
        got = [
            [
                (m.skill_id, m.start, m.end, m.section)
                for m in c.mentions(c(nlp.make_doc(text)), text)
            ]
            for c in both
        ]
        if got[0] == got[1]:
            same += 1
        else:
            differ += 1
            print(f"  DIFFERENT: {path.name}")
    print(f"\nidentity, shared resume PDFs: {same} same, {differ} different, {unread} unreadable")


if __name__ == "__main__":
    main()
