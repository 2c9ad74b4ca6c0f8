"""Generate ``skill_lexicon/skills/*.jsonl`` from the curated sources in ``tools/curated/``.

The curated sources are the hand-reviewed lexicon in a compact form, one skill per line::

    == category_id                      # the category of the records that follow
    [id =] Name [| alias]... [> implied_id, ...] [%% {"forms": [...], ...}]

* ``id`` defaults to a slug of the name (lower case, spaces -> ``_``).
* aliases are surface variants (spelling, punctuation, spacing, acronym/expansion); plain
  plurals are not listed (the matcher handles them).
* ``> a, b`` lists implied skill ids; ``%%`` is followed by the JSON context rule.

``curated/<file>.txt`` becomes ``skills/<file>.jsonl``. Run from anywhere::

    python skill_lexicon/tools/build_lexicon.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"
SKILLS = HERE.parent / "skills"

_SLUG_DROP = re.compile(r"[^a-z0-9_.+#-]")


def slug(name: str) -> str:
    s = name.lower().replace("'", "").replace("\u2019", "").replace("&", "and")
    s = re.sub(r"[\s/]+", "_", s)
    s = _SLUG_DROP.sub("", s)
    s = re.sub(r"_+", "_", s).strip("_.-")
    return s


def parse_line(line: str, category: str, where: str) -> dict[str, object]:
    context = None
    if "%%" in line:
        line, raw = line.split("%%", 1)
        context, end = json.JSONDecoder().raw_decode(raw.strip())
        line = line.rstrip() + " " + raw.strip()[end:].strip()
    implies: list[str] = []
    line = line.strip()
    if " > " in line or line.startswith("> "):
        line, imp = (" " + line).split(" > ", 1)
        implies = [i.strip() for i in imp.split(",") if i.strip()]
    parts = [p.strip() for p in line.split(" | ")]
    head = parts[0].strip()
    sid = None
    if " = " in head:
        sid, head = (x.strip() for x in head.split(" = ", 1))
        sid = sid.lower()
    name = head
    sid = sid or slug(name)
    if not sid:
        raise SystemExit(f"{where}: cannot derive an id from {name!r}")
    aliases: list[str] = []
    seen = {name.lower()}
    for a in parts[1:]:
        if a and a.lower() not in seen:
            seen.add(a.lower())
            aliases.append(a)
    rec: dict[str, object] = {"id": sid, "name": name, "category": category}
    if aliases:
        rec["aliases"] = aliases
    if implies:
        rec["implies"] = implies
    if context:
        rec["context"] = context
    return rec


def build_file(src: Path) -> list[dict[str, object]]:
    category = ""
    records: list[dict[str, object]] = []
    for n, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            category = line[2:].strip()
            continue
        if not category:
            raise SystemExit(f"{src.name}:{n}: record before any '== category' line")
        records.append(parse_line(line, category, f"{src.name}:{n}"))
    return records


def main() -> int:
    total = 0
    for src in sorted(CURATED.glob("*.txt")):
        records = build_file(src)
        out = SKILLS / f"{src.stem}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        total += len(records)
        print(f"{out.relative_to(HERE.parent)}: {len(records)} records")
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
