"""Distinct synthetic postings, built deterministically from the shared data.

Cycling the 245 Glassdoor postings hides what grows with *distinct* input (spaCy's
vocabulary keeps every new token string). Posting ``i`` of seed ``s`` is built from a
random generator seeded with ``(s, i)`` alone, so any posting can be rebuilt on its own:

* a title and a salary field from one Glassdoor posting, a made-up company name;
* about half the lines of that posting, in their order, with 4-12 SkillSpan sentences
  (``gold/skillspan/*.jsonl``) put in at random places;
* unique tokens: a requisition id, a reference number, a phone number, an e-mail address
  and a street address, none of which is likely to repeat in 100,000 postings.

Usage as a module: ``rows = load_sources(data); posting(rows, i, seed)`` -> a dict with
``id``, ``title``, ``text``, ``company``, ``salary_estimate``.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

GLASSDOOR = Path("postings") / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
SKILLSPAN = Path("gold") / "skillspan"

_SYLLABLES = (
    "ar bel cor dan el fen gar hol ix jun kal lor mer nov or pex quin ros sal tor ul vex "
    "wen xan yor zel bri cla dro fle gri pla tre vo"
).split()
_SUFFIXES = ("Labs", "Analytics", "Systems", "Health", "Group", "Partners", "AI", "Inc.")
_STREETS = ("Main St", "Oak Ave", "Market St", "Elm Rd", "Pine Blvd", "Cedar Ln")


@dataclass(frozen=True)
class Sources:
    """The texts postings are built from."""

    glassdoor: list[dict[str, str]]
    sentences: list[str]


def load_sources(data: Path) -> Sources:
    """The Glassdoor postings and the SkillSpan sentences under ``data`` (the shared data)."""
    lines = (data / GLASSDOOR).read_text(encoding="utf-8").splitlines()
    glassdoor = [json.loads(line) for line in lines if line.strip()]
    sentences = []
    for path in sorted((data / SKILLSPAN).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                if len(text.split()) >= 5 and "<" not in text:  # no de-identified stubs
                    sentences.append(text)
    return Sources(glassdoor, sentences)


def company(rng: random.Random) -> str:
    """A made-up company name ("Korvexel Analytics")."""
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
    return f"{name.capitalize()} {rng.choice(_SUFFIXES)}"


def posting(src: Sources, i: int, seed: int = 0) -> dict[str, str]:
    """Posting ``i``: the same for the same ``(i, seed)``, distinct from every other."""
    rng = random.Random(f"{seed}:{i}")
    base = src.glassdoor[rng.randrange(len(src.glassdoor))]
    firm = company(rng)
    lines = [ln for ln in base["text"].splitlines() if ln.strip()]
    kept = [ln for ln in lines if rng.random() < 0.5] or lines[:1]
    for _ in range(rng.randint(4, 12)):
        kept.insert(rng.randint(0, len(kept)), rng.choice(src.sentences))
    domain = firm.split()[0].lower()
    unique = [
        f"Requisition ID: {domain[:3].upper()}-{i:06d}-{rng.getrandbits(24):06x}",
        f"Ref. {rng.randint(10**7, 10**8 - 1)} | posted by {firm}",
        f"Apply: careers{i}@{domain}.com or call ({rng.randint(200, 989)})"
        f" {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
        f"Office: {rng.randint(1, 9999)} {rng.choice(_STREETS)}, Suite {rng.randint(100, 999)}",
    ]
    text = "\n".join([f"{base['title']} at {firm}", *kept, *unique])
    return {
        "id": f"syn-{seed}-{i}",
        "title": base["title"],
        "company": firm,
        "salary_estimate": base.get("salary_estimate", ""),
        "text": text,
    }
