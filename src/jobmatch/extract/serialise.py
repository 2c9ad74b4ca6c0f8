"""Write a lexicon as a folder that :func:`jobmatch.lexicon.loader.load_lexicon` reads back.

The component's ``to_disk`` uses it, so a saved pipeline reloads with ``spacy.load``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..lexicon.loader import skill_record
from ..models import Lexicon

__all__ = ["write_lexicon"]


def write_lexicon(lexicon: Lexicon, root: Path) -> None:
    """Write ``lexicon.toml`` and ``skills/skills.jsonl`` under ``root``.

    Args:
        lexicon: the lexicon.
        root: the folder (created with its parents).

    Raises:
        OSError: the folder cannot be written (spaCy's ``to_disk`` contract).
    """
    (root / "skills").mkdir(parents=True, exist_ok=True)
    lines = [f"version = {json.dumps(lexicon.version)}", ""]
    for cat in lexicon.categories.values():
        lines += [
            f"[categories.{json.dumps(cat.id)}]",
            f"label = {json.dumps(cat.label)}",
            f"layer = {json.dumps(cat.layer)}",
            "",
        ]
    (root / "lexicon.toml").write_text("\n".join(lines), encoding="utf-8")
    with (root / "skills" / "skills.jsonl").open("w", encoding="utf-8") as fh:
        for s in lexicon.skills:
            fh.write(json.dumps(skill_record(s), ensure_ascii=False) + "\n")
