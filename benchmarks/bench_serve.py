"""``jobmatch serve`` under load: mixed good and hostile uploads from concurrent clients.

Starts ``python -m jobmatch serve`` on 127.0.0.1 and a free port (traffic goes nowhere
else), measures the single-request time of a two-page resume first (the baseline, same run),
then sends ``--requests`` uploads from ``--clients`` threads, cycling through a fixed mix of
kinds: good resumes (two-page PDF, one-page PDF, TXT, DOCX), a resume against a posting, and
hostile files (a decompression bomb, a 2,000-page PDF, an encrypted PDF, a truncated PDF).
The server's resident memory (its process and all descendants) is sampled every 0.25 s; the
peak is reported after ``--checkpoint`` requests and at the end. The run stops by itself.

    python benchmarks/bench_serve.py [--requests 1000] [--checkpoint 200] [--clients 16]
                                     [--workers 2]

Targets (issue 17): no 5xx; every hostile file answered with its 4xx; p95 of the two-page
resume <= 2x its single-request time at --workers 2; peak RSS at the end within 10 % of
the peak at the checkpoint.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.helpers import (  # noqa: E402
    bomb_pdf,
    docx_bytes,
    encrypted_pdf,
    many_pages_pdf,
    simple_pdf,
)

SAMPLES = ROOT / "samples"


@dataclass(frozen=True)
class Kind:
    """One kind of request: where it goes, what it sends, the status it must get."""

    name: str
    path: str
    files: dict[str, tuple[str, bytes]]
    expect: int


def kinds() -> list[Kind]:
    """The mix, in the order requests cycle through it (good kinds twice as often)."""
    resume2 = (SAMPLES / "research_engineer_resume.pdf").read_bytes()
    resume1 = (SAMPLES / "software_engineer_resume.pdf").read_bytes()
    text = (SAMPLES / "nurse_resume.txt").read_bytes()
    posting = (SAMPLES / "posting_research_engineer.txt").read_bytes()
    paragraphs = (SAMPLES / "software_engineer_resume.txt").read_text(encoding="utf-8")
    docx = docx_bytes(paragraphs.splitlines())
    full = simple_pdf(["Python developer with SQL"] * 40)
    good = [
        Kind("resume-pdf-2p", "/api/score", {"resume": ("re.pdf", resume2)}, 200),
        Kind("resume-pdf-1p", "/api/score", {"resume": ("se.pdf", resume1)}, 200),
        Kind("resume-txt", "/api/score", {"resume": ("nurse.txt", text)}, 200),
        Kind("resume-docx", "/api/score", {"resume": ("se.docx", docx)}, 200),
        Kind(
            "match",
            "/api/match",
            {"resume": ("re.pdf", resume2), "posting": ("p.txt", posting)},
            200,
        ),
    ]
    hostile = [
        Kind("bomb", "/api/score", {"resume": ("bomb.pdf", bomb_pdf(1 << 30))}, 413),
        Kind("2000-pages", "/api/score", {"resume": ("long.pdf", many_pages_pdf(2000))}, 413),
        Kind("encrypted", "/api/score", {"resume": ("locked.pdf", encrypted_pdf("Python"))}, 422),
        Kind("truncated", "/api/score", {"resume": ("cut.pdf", full[: len(full) // 2])}, 422),
    ]
    return [*good, *hostile[:2], *good, *hostile[2:]]


# ---------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "jobmatch", "serve", "--port", str(port)]
    proc = subprocess.Popen(
        [*argv, "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 180 s")


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass  # the process ended meanwhile
    return 0


def tree_memory_kb(root: int) -> tuple[int, int]:
    """RSS and PSS (KiB) of ``root`` and all its descendants, from /proc.

    RSS counts a page shared by a forked parse child and its worker twice; PSS splits each
    shared page between the processes that map it, so the PSS sum is the tree's real share.
    """
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue  # the process ended meanwhile
        pid = int(entry)
        children[int(fields.get("PPid", "0").strip())].append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total_rss = total_pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        total_rss += rss.get(pid, 0)
        total_pss += _pss_kb(pid)
        todo.extend(children.get(pid, []))
    return total_rss, total_pss


def tree_cpu_s(root: int) -> float:
    """CPU seconds (user + system) used so far by ``root`` and its live descendants,
    including the children they have reaped (the forked parse children of the workers).

    A measure that other programs on the machine barely move, unlike wall-clock times.
    """
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        parents[int(entry)] = int(fields[1])
        used[int(entry)] = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0)
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return total / tick


class MemorySampler(threading.Thread):
    """Samples the server tree's memory every 0.25 s; ``peak`` is the largest (RSS, PSS) seen.

    Not more often: reading every process's smaps takes CPU from the server being measured.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = (0, 0)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            rss, pss = tree_memory_kb(self.pid)
            self.peak = (max(self.peak[0], rss), max(self.peak[1], pss))
            self.stop.wait(0.25)


# ---------------------------------------------------------------------------- the load


@dataclass(frozen=True)
class Result:
    kind: str
    status: int
    expected: int
    seconds: float


def send(client: httpx.Client, url: str, kind: Kind) -> Result:
    t0 = time.perf_counter()
    try:
        status = client.post(url + kind.path, files=kind.files).status_code
    except httpx.HTTPError:
        status = 0  # no answer at all
    return Result(kind.name, status, kind.expect, time.perf_counter() - t0)


def single_request_time(url: str, kind: Kind, runs: int = 7) -> float:
    with httpx.Client(timeout=120) as client:
        send(client, url, kind)  # warm-up
        return statistics.median(send(client, url, kind).seconds for _ in range(runs))


def load(
    url: str, mix: list[Kind], *, requests: int, clients: int, checkpoint: int, rss: MemorySampler
) -> tuple[list[Result], float, tuple[int, int]]:
    """Send ``requests`` requests from ``clients`` threads; results, seconds, RSS at checkpoint."""
    order = list(itertools.islice(itertools.cycle(mix), requests))
    results: list[Result] = []
    lock = threading.Lock()
    at_checkpoint = [(0, 0)]
    local = threading.local()

    def one(kind: Kind) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=300)
        result = send(local.client, url, kind)
        with lock:
            results.append(result)
            if len(results) == checkpoint:
                at_checkpoint[0] = rss.peak

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, order))
    return results, time.perf_counter() - t0, at_checkpoint[0]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(
    results: list[Result],
    seconds: float,
    single: float,
    memory: tuple[tuple[int, int], tuple[int, int], tuple[int, int]],
    args: argparse.Namespace,
    cpu_s: float,
) -> None:
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    print(
        f"\n{len(results)} requests, {args.clients} clients, --workers {args.workers}:"
        f" {seconds:.1f} s, {len(results) / seconds:.2f} requests/s; server CPU"
        f" {cpu_s:.1f} s = {cpu_s / len(results):.3f} s per request (of {2 * seconds:.0f}"
        f" core-seconds the 2 cores had)\n"
    )
    print(f"{'kind':14} {'n':>5} {'p50 s':>7} {'p95 s':>7} {'max s':>7}  statuses (expected)")
    for name, rs in by_kind.items():
        times = [r.seconds for r in rs]
        statuses = ", ".join(f"{s}x{n}" for s, n in sorted(Counter(r.status for r in rs).items()))
        print(
            f"{name:14} {len(rs):5} {pct(times, 0.5):7.3f} {pct(times, 0.95):7.3f}"
            f" {max(times):7.3f}  {statuses} ({rs[0].expected})"
        )
    statuses = Counter(r.status for r in results)
    print(f"\nanswers by status: {dict(sorted(statuses.items()))}")
    idle, at_check, at_end = memory
    for label, i in (("RSS", 0), ("PSS", 1)):
        print(
            f"server {label} (process tree): idle {idle[i] / 1024:.0f} MB; peak after"
            f" {args.checkpoint} requests {at_check[i] / 1024:.0f} MB; peak after"
            f" {len(results)} requests {at_end[i] / 1024:.0f} MB"
        )
    p95 = pct([r.seconds for r in by_kind["resume-pdf-2p"]], 0.95)
    wrong = [r for r in results if r.status != r.expected]
    growth = (at_end[1] - at_check[1]) / at_check[1] if at_check[1] else float("nan")
    print("\ntargets")
    print(
        f"  no 5xx:                       {'yes' if not any(s >= 500 for s in statuses) else 'NO'}"
    )
    print(f"  every answer as expected:     {'yes' if not wrong else f'NO ({len(wrong)} wrong)'}")
    print(
        f"  p95 two-page resume / single: {p95:.3f} s / {single:.3f} s = {p95 / single:.1f}x"
        f" (target <= 2x)"
    )
    print(f"  PSS growth checkpoint -> end: {growth:+.1%} (target within 10 %)")
    mean = statistics.mean(r.seconds for r in results)
    print(
        f"\nLittle's law: {args.clients} clients / {len(results) / seconds:.2f} requests/s ="
        f" {args.clients * seconds / len(results):.2f} s mean latency (measured {mean:.2f} s);"
        f" the p95 target needs about {args.clients / (2 * single):.1f} requests/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--checkpoint", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    mix = kinds()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_server(port, args.workers)
    try:
        idle = tree_memory_kb(proc.pid)
        single = single_request_time(url, mix[0])
        print(f"baseline: one two-page resume alone takes {single:.3f} s (median of 7)")
        sampler = MemorySampler(proc.pid)
        sampler.start()
        cpu0 = tree_cpu_s(proc.pid)
        results, seconds, at_check = load(
            url,
            mix,
            requests=args.requests,
            clients=args.clients,
            checkpoint=min(args.checkpoint, args.requests),
            rss=sampler,
        )
        cpu_s = tree_cpu_s(proc.pid) - cpu0
        sampler.stop.set()
        sampler.join()
        report(results, seconds, single, (idle, at_check, sampler.peak), args, cpu_s)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
