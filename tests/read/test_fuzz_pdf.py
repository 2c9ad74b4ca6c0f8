"""Bounded fuzzing of the PDF reader: mutated real PDF bytes either read or raise jobmatch's
own ``DocumentError``, never anything else, and each within the time limit.

Seeded and deterministic: the same cases run every time (a failure names its case id).
The cases run in-process (``isolate=False``) so that any exception escaping our boundary
mapping shows up as itself; a few also run isolated, through the forked guard.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from jobmatch.errors import DocumentError
from jobmatch.read.documents import Limits, read_bytes
from tests.helpers import cid_font_pdf, image_only_pdf, simple_pdf

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 5.0


def _encrypted(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _seeds() -> dict[str, bytes]:
    seeds = {
        "flate": simple_pdf(["Jane Doe", "Python, SQL, PyTorch"], ["Page two"], compress=True),
        "plain": simple_pdf(["Machine learning (NLP)", "Docker \\ Kubernetes"]),
        "cid": cid_font_pdf(),
        "image": image_only_pdf(1),
    }
    seeds["rc4"] = _encrypted(seeds["plain"])
    sample = REPO / "samples" / "nurse_resume.pdf"
    if sample.is_file():
        seeds["sample"] = sample.read_bytes()
    return seeds


Mutation = Callable[[random.Random, bytes, bytes], bytes]


def flip(rng: random.Random, data: bytes, _: bytes) -> bytes:
    out = bytearray(data)
    for _i in range(rng.randint(1, 12)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes, _: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    at = rng.randrange(len(data))
    start = rng.randrange(len(other))
    return data[:at] + other[start : start + rng.randint(1, 400)] + data[at:]


def cut(rng: random.Random, data: bytes, _: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 200) :]


def duplicate(rng: random.Random, data: bytes, _: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at : at + rng.randint(1, 300)] * rng.randint(2, 5) + data[at:]


def numbers(rng: random.Random, data: bytes, _: bytes) -> bytes:
    # rewrite one number (a length, an offset, an object number, a count) to something odd
    digits = [i for i, b in enumerate(data[:-1]) if 48 <= b <= 57]
    at = rng.choice(digits)
    odd = rng.choice([b"0", b"-1", b"99999999", b"4294967296", b"1e9", b"3.5"])
    return data[:at] + odd + data[at + 1 :]


MUTATIONS: list[Mutation] = [flip, truncate, splice, cut, duplicate, numbers]
SEEDS = _seeds()
CASES = [(name, i) for name in sorted(SEEDS) for i in range(28)]


def _mutate(name: str, i: int) -> bytes:
    rng = random.Random(f"{name}-{i}")
    others = sorted(SEEDS)
    data = SEEDS[name]
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS)
        data = mutation(rng, data, SEEDS[rng.choice(others)]) or data
    return data


def _check(data: bytes, *, isolate: bool) -> str:
    try:
        doc = read_bytes(
            data,
            source="fuzz.pdf",
            name="fuzz.pdf",
            limits=Limits(timeout_s=TIMEOUT_S, isolate=isolate),
        )
        outcome = f"ok {len(doc.text)}"
    except DocumentError as exc:
        assert exc.source == "fuzz.pdf"
        assert "\n" not in str(exc)
        outcome = type(exc).__name__
    return outcome


@pytest.mark.parametrize(("name", "i"), CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_mutated_pdf_reads_or_raises_document_error(name: str, i: int) -> None:
    _check(_mutate(name, i), isolate=False)


@pytest.mark.parametrize("i", range(12))
def test_mutated_pdf_isolated(i: int) -> None:
    name = sorted(SEEDS)[i % len(SEEDS)]
    _check(_mutate(name, 100 + i), isolate=True)


@pytest.mark.evaluation
def test_mutated_real_resumes(shared_data: Path) -> None:
    outcomes: dict[str, int] = {}
    for path in sorted((shared_data / "resumes" / "open_resume").glob("*.pdf")):
        original = path.read_bytes()
        for i in range(20):
            rng = random.Random(f"{path.name}-{i}")
            data = rng.choice(MUTATIONS)(rng, original, original)
            outcome = _check(data, isolate=False).split()[0]
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == 40
