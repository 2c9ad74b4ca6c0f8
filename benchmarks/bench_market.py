"""``jobmatch market`` against ``jobmatch batch`` on the same postings, and market's memory.

All figures come from one run, each in a fresh process:

* run time: ``jobmatch batch IN -o OUT.jsonl -q`` and ``jobmatch market IN -o OUT.json`` on
  the same JSON lines (the shared Glassdoor postings, repeated ``--repeat`` times with
  distinct ids), alternating, best of ``--rounds`` each: wall and CPU seconds, the ratio;
* peak RSS (``ru_maxrss`` of the process) of ``market_report`` over N and 10 N postings
  (``--sizes``; default 10,000 and 100,000, ``--quick`` 1,000 and 10,000), fed lazily.
  The postings are *distinct* (:mod:`distinct_postings`: Glassdoor lines, SkillSpan
  sentences and unique ids, names and numbers, seeded): cycling the 245 Glassdoor postings
  would hide what grows with new words (spaCy's vocabulary) and new skill pairs.
  ``--no-zone`` runs without spaCy memory zones (the state before they were used), for
  comparison.

Usage::

    python benchmarks/bench_market.py [--quick] [--rounds R] [--repeat K] [--sizes N,M]
        [--cli] [--no-zone] [--skip-timing]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from distinct_postings import load_sources, posting  # noqa: E402

GLASSDOOR = Path("postings") / "glassdoor_ds_2020" / "glassdoor_public.jsonl"


def shared_data() -> Path:
    """The shared data folder (``JOBMATCH_SHARED_DATA`` or ``../shared/data``)."""
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    here = Path(__file__).resolve().parents[2] / "shared" / "data"
    path = Path(env) if env else here
    if not path.is_dir():
        sys.exit(f"shared data not found at {path} (set JOBMATCH_SHARED_DATA)")
    return path


def glassdoor_rows() -> list[dict[str, str]]:
    lines = (shared_data() / GLASSDOOR).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def write_input(path: Path, rows: list[dict[str, str]], repeat: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for k in range(repeat):
            for r in rows:
                f.write(json.dumps({**r, "id": f"{r['id']}#{k}"}) + "\n")


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one command, CPU of the child only."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def compare(rounds: int, repeat: int) -> None:
    rows = glassdoor_rows()
    jobmatch = [sys.executable, "-m", "jobmatch"]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "postings.jsonl"
        write_input(src, rows, repeat)
        n = len(rows) * repeat
        best: dict[str, tuple[float, float]] = {}
        for _ in range(rounds):
            out = Path(tmp) / "out.jsonl"
            out.unlink(missing_ok=True)  # a fresh batch run, not a continued one
            for name, argv in (
                ("batch", [*jobmatch, "batch", str(src), "-o", str(out), "-q"]),
                ("market", [*jobmatch, "market", str(src), "-o", str(Path(tmp) / "m.json")]),
            ):
                wall, cpu = timed(argv)
                old = best.get(name)
                best[name] = (min(wall, old[0]), min(cpu, old[1])) if old else (wall, cpu)
                if name == "batch":
                    out.unlink()
    print(f"\nrun time on {n:,} Glassdoor postings (best of {rounds}, fresh processes)")
    print(f"{'command':10} {'wall s':>8} {'CPU s':>8}")
    for name in ("batch", "market"):
        print(f"{name:10} {best[name][0]:8.1f} {best[name][1]:8.1f}")
    print(
        f"market / batch: wall {best['market'][0] / best['batch'][0]:.2f}x,"
        f" CPU {best['market'][1] / best['batch'][1]:.2f}x (target <= 1.2x)"
    )


#: run in a child before jobmatch: without memory zones (the state before they were used)
_NO_ZONE = (
    "import contextlib\n"
    "from jobmatch.extract.extractor import SkillExtractor\n"
    "SkillExtractor.memory_zone = lambda self: contextlib.nullcontext()\n"
)

_CHILD = """
import json, resource, sys
sys.path.insert(0, sys.argv[3])
from distinct_postings import load_sources, posting
from pathlib import Path
from jobmatch import market_report
src = load_sources(Path(sys.argv[1]))
n = int(sys.argv[2])
def postings():
    for i in range(n):
        p = posting(src, i)
        yield (p["id"], p["text"])
rep = market_report(postings())
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"postings": rep.postings, "peak_kb": peak}))
"""


def memory(sizes: list[int], zone: bool) -> None:
    here = str(Path(__file__).resolve().parent)
    results = []
    for n in sizes:
        start = time.perf_counter()
        code = _CHILD if zone else _NO_ZONE + _CHILD
        proc = subprocess.run(
            [sys.executable, "-c", code, str(shared_data()), str(n), here],
            check=True,
            capture_output=True,
            text=True,
        )
        got = json.loads(proc.stdout.splitlines()[-1])
        results.append((n, got["postings"], got["peak_kb"], time.perf_counter() - start))
    print("\npeak RSS of market_report (one fresh process per size)")
    print(f"{'postings':>9} {'counted':>9} {'peak MB':>9} {'wall s':>8}")
    for n, counted, kb, wall in results:
        print(f"{n:9,} {counted:9,} {kb / 1024:9.1f} {wall:8.0f}")
    base = results[0][2]
    for n, _, kb, _ in results[1:]:
        print(f"{n:,} vs {results[0][0]:,}: {100 * (kb - base) / base:+.1f} % (target within 10 %)")


def memory_cli(sizes: list[int], jobs: int, zone: bool) -> None:
    """Peak RSS of the real ``jobmatch market FILE.jsonl -o OUT.json`` at each size.

    The input files are written first (distinct postings, :mod:`distinct_postings`, with
    a salary field); then one fresh ``jobmatch market``
    process per size, all started together so that they share the host's load alike.
    The peak is ``ru_maxrss`` from ``wait4`` of that process; with ``--jobs`` above 1 the
    whole process tree is sampled from ``/proc`` every 0.5 s and its largest sum is given
    too (each worker's own ``ru_maxrss`` is not visible from here).
    """
    sources = load_sources(shared_data())
    main = "from jobmatch.cli import main\nmain()\n"
    with tempfile.TemporaryDirectory() as tmp:
        procs = []
        for n in sizes:
            src = Path(tmp) / f"postings-{n}.jsonl"
            with src.open("w", encoding="utf-8") as f:
                for i in range(n):
                    f.write(json.dumps(posting(sources, i)) + "\n")
            code = main if zone else _NO_ZONE + main
            argv = [sys.executable, "-c", code, "market", str(src)]
            argv += ["-o", str(Path(tmp) / f"m-{n}.json"), "--jobs", str(jobs)]
            procs.append((n, subprocess.Popen(argv, stdout=subprocess.DEVNULL)))
        start = time.perf_counter()
        tree_peak = {n: 0 for n in sizes}
        results = {}
        line_bytes = (Path(tmp) / f"postings-{sizes[-1]}.jsonl").stat().st_size / sizes[-1]
        last_report = start
        while len(results) < len(procs):
            report = time.perf_counter() - last_report >= 60
            for n, proc in procs:
                if n in results:
                    continue
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid == 0:
                    tree_peak[n] = max(tree_peak[n], _tree_rss_kb(proc.pid))
                    if report:  # how far it is, and its peak so far (a run can be stopped)
                        read = _bytes_read(proc.pid, f"postings-{n}.jsonl") / line_bytes
                        print(
                            f"  {n:,}: about {read:,.0f} postings read,"
                            f" peak RSS so far {_hwm_kb(proc.pid) / 1024:.1f} MB"
                            f" (load {os.getloadavg()[0]:.1f})",
                            flush=True,
                        )
                    continue
                if status != 0:
                    sys.exit(f"jobmatch market at {n} postings exited with status {status}")
                proc.returncode = 0
                results[n] = (usage.ru_maxrss, time.perf_counter() - start)
                got = json.loads((Path(tmp) / f"m-{n}.json").read_text(encoding="utf-8"))
                print(
                    f"  {n:,} postings done: counted {got.get('postings')},"
                    f" peak RSS {usage.ru_maxrss / 1024:.1f} MB (load {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
            if report:
                last_report = time.perf_counter()
            time.sleep(0.5)
    what = "" if zone else " (no memory zones)"
    print(f"\npeak RSS of `jobmatch market FILE.jsonl -o OUT.json --jobs {jobs}`{what}")
    print(f"{'postings':>9} {'peak MB':>9} {'tree MB':>9} {'wall s':>8}")
    for n in sizes:
        kb, wall = results[n]
        print(f"{n:9,} {kb / 1024:9.1f} {tree_peak[n] / 1024:9.1f} {wall:8.0f}")
    base = results[sizes[0]][0]
    for n in sizes[1:]:
        kb = results[n][0]
        print(f"{n:,} vs {sizes[0]:,}: {100 * (kb - base) / base:+.1f} % (target within 10 %)")


def _bytes_read(pid: int, name: str) -> int:
    """How far process ``pid`` has read the file ``name`` (its offset; 0 if not open)."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        for fd in fds.iterdir():
            if os.readlink(fd).endswith(name):
                info = (Path(f"/proc/{pid}/fdinfo") / fd.name).read_text()
                return int(info.split("pos:", 1)[1].split()[0])
    except (OSError, IndexError, ValueError):  # it exited meanwhile: nothing to tell
        return 0
    return 0


def _hwm_kb(pid: int) -> int:
    """The peak RSS so far (``VmHWM``, kB) of process ``pid``."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:  # it exited meanwhile
        return 0
    return 0


def _tree_rss_kb(pid: int) -> int:
    """The summed VmRSS (kB) of ``pid`` and its descendants, read from ``/proc``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="memory at 1,000 and 10,000 postings")
    ap.add_argument("--rounds", type=int, default=2, help="timing rounds (best of)")
    ap.add_argument("--repeat", type=int, default=1, help="times the 245 postings are repeated")
    ap.add_argument("--sizes", help="comma-separated posting counts for the memory runs")
    ap.add_argument("--skip-timing", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument(
        "--cli",
        action="store_true",
        help="memory of the `jobmatch market` command itself, the sizes run side by side",
    )
    ap.add_argument("--jobs", type=int, default=1, help="--jobs of the command (with --cli)")
    ap.add_argument("--no-zone", action="store_true", help="without spaCy memory zones")
    args = ap.parse_args()
    sizes = [1000, 10_000] if args.quick else [10_000, 100_000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    if not args.skip_timing:
        compare(args.rounds, args.repeat)
    if args.skip_memory:
        return
    if args.cli:
        memory_cli(sizes, args.jobs, zone=not args.no_zone)
    else:
        memory(sizes, zone=not args.no_zone)


if __name__ == "__main__":
    main()
