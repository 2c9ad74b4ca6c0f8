"""Wall time of the hostile-input guards (the timings the tests no longer assert).

Each hostile case is timed beside a baseline measured in the same run: reading a normal
one-page PDF the same way. The guards are good when a hostile file costs about as much as
a normal one, and never much more than its limit.

    python benchmarks/bench_hostile.py [--runs 3] [--pdf-engine pdfminer|pdfium]

What the tests used to assert as wall-clock limits is printed in the "bound" column.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.helpers builds the hostile files

from tests.helpers import bomb_pdf, build_pdf, many_pages_pdf, simple_pdf  # noqa: E402

from jobmatch.errors import DocumentError  # noqa: E402
from jobmatch.models import Limits  # noqa: E402
from jobmatch.read import isolation, pdf_inflate  # noqa: E402
from jobmatch.read.documents import read_bytes, read_document  # noqa: E402

MB = 1024 * 1024


def timed(fn: Callable[[], object], runs: int) -> tuple[float, str]:
    """Median wall time of ``fn`` over ``runs`` and the outcome of the last run."""
    times, outcome = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        try:
            fn()
            outcome = "read"
        except DocumentError as exc:
            outcome = type(exc).__name__
        times.append(time.perf_counter() - started)
    return statistics.median(times), outcome


def cases(folder: Path, engine: str) -> list[tuple[str, float | None, Callable[[], object]]]:
    """(name, the bound the tests asserted in seconds, what to run)."""
    huge = folder / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(100 * MB)
    long_pdf = many_pages_pdf(2000)
    small_bomb, big_bomb, slow = bomb_pdf(64 * MB), bomb_pdf(1024 * MB), bomb_pdf(100 * MB)
    far = build_pdf(
        [
            "\n".join(
                f"BT /F1 11 Tf {x} {700 - 14 * i} Td (Python {i}) Tj ET"
                for i, x in enumerate([72] * 9 + [999999999999])
            ).encode()
        ]
    )
    broken = bytearray(zlib.compress(b" " * (16 * MB)))
    broken[-2:] = b"\x00\x00"

    def read(data: bytes, **kw: object) -> Callable[[], object]:
        return lambda: read_bytes(data, source="x.pdf", pdf_engine=engine, **kw)  # type: ignore[arg-type]

    budget16 = Limits(max_inflated_bytes=16 * MB)
    budget16_here = Limits(max_inflated_bytes=16 * MB, isolate=False)

    def sleeper() -> object:
        return isolation.run_isolated(
            lambda: time.sleep(30), source="s", timeout_s=0.3, max_memory_mb=100
        )

    return [
        ("100 MB text file refused by size", 0.5, lambda: read_document(huge)),
        ("2,000-page PDF refused by count", 2.0, read(long_pdf)),
        ("64 MB bomb, 16 MB budget, isolated", 2.0, read(small_bomb, limits=budget16)),
        ("64 MB bomb, 16 MB budget, in-process", 2.0, read(small_bomb, limits=budget16_here)),
        ("1 GB bomb, default limits", 5.0, read(big_bomb)),
        ("100 MB of spaces against timeout 0.2 s", 2.0, read(slow, limits=Limits(timeout_s=0.2))),
        ("far-away coordinates (layout bounded)", 2.0, read(far, limits=Limits(isolate=False))),
        ("16 MB corrupt Flate stream (linear fallback)", 2.0, lambda: corrupt(broken)),
        ("isolated child sleeping past 0.3 s", 2.0, sleeper),
    ]


def corrupt(data: bytearray) -> object:
    """Inflate a stream with a broken checksum through the linear fallback."""
    return pdf_inflate.decompress_corrupted(bytes(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf-engine", default="pdfminer", choices=["pdfminer", "pdfium"])
    args = parser.parse_args()
    normal = simple_pdf(["Jane Doe", "Python developer, SQL, Docker"] * 10)
    with tempfile.TemporaryDirectory() as tmp:
        todo = cases(Path(tmp), args.pdf_engine)
        base, _ = timed(
            lambda: read_bytes(normal, source="cv.pdf", pdf_engine=args.pdf_engine), args.runs
        )
        print(f"engine {args.pdf_engine}, median of {args.runs} run(s)")
        print(f"{'case':46} {'outcome':22} {'seconds':>8} {'x base':>7} {'bound':>6}")
        name = "baseline: a normal one-page PDF (isolated)"
        print(f"{name:46} {'read':22} {base:8.3f} {1:7.1f}")
        for name, bound, fn in todo:
            seconds, outcome = timed(fn, args.runs)
            flag = "" if bound is None or seconds <= bound else "  OVER"
            ratio = seconds / base
            print(f"{name:46} {outcome:22} {seconds:8.3f} {ratio:7.1f} {bound or '':>6}{flag}")


if __name__ == "__main__":
    main()
