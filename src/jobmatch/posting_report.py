"""Render :class:`~jobmatch.scoring.posting_model.PostingRequirements` (``jobmatch posting``).

Pure functions ``PostingRequirements -> str``. The text comes from a posting (a stranger's
document), so control characters are dropped from the terminal output.
"""

from __future__ import annotations

import json
import re

from .report_parts import CONTROL
from .scoring.posting_model import PostingRequirement, PostingRequirements, degree_note
from .wording import DEGREE_LABELS, listing

__all__ = ["POSTING_FORMATS", "render_posting"]

POSTING_FORMATS = ("text", "json")
_EVIDENCE = 110


def render_posting(read: PostingRequirements, fmt: str = "text") -> str:
    """Render what was read from a posting as ``text`` (for a person) or ``json``.

    Raises:
        ValueError: for an unknown ``fmt``.
    """
    if fmt == "json":
        return json.dumps(read.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(POSTING_FORMATS)}")
    name = re.split(r"[/\\]", read.source.rstrip("/\\"))[-1] or read.source
    lines = [f"Posting: {_clean(name)}", ""]
    for title, reqs in (("Required", read.required), ("Preferred", read.preferred)):
        lines.append(f"{title} ({len(reqs)}):")
        lines.extend(_requirement(r) for r in reqs)
        if not reqs:
            lines.append("  (none)")
        lines.append("")
    lines.append("Education: " + _education(read))
    years = f"{read.years_min:g}+ years" if read.years_min is not None else "not stated"
    if read.years_min is not None and read.years_skills:
        years += " in " + _years_domain(read)
    if read.years_min is not None:
        # "5+ years (3+ with a master's degree)", "3+ years in ML systems, or a PhD"
        years += degree_note(read.years_by_degree, None)
    if read.years_or_degree is not None:
        years += f", or a {DEGREE_LABELS.get(read.years_or_degree, read.years_or_degree)}"
    if read.years_preferred:
        years += " (preferred)"
    lines.append(f"Experience: {years}")
    if read.years_evidence:
        lines.append(f'  "{_short(read.years_evidence)}"')
    for ask in read.years_also:
        # "Also: 2+ years in linear programming": a narrower ask on another line
        also = f"{ask.years:g}+ years in " + _domain([s.name for s in ask.skills], ask.each)
        lines.append(f"Also: {also}" + ("" if ask.required else " (preferred)"))
        lines.append(f'  "{_short(ask.evidence)}"')
    if read.ignored:
        names = ", ".join(_clean(s.name) for s in read.ignored)
        why = "company description, benefits, team names, generic words"
        lines += ["", f"Not requirements ({why}): {names}"]
    return "\n".join(lines) + "\n"


def _years_domain(read: PostingRequirements) -> str:
    """The skills the years are asked in: "Python or R", "C# and Python (each)"."""
    return _domain([s.name for s in read.years_skills], read.years_each)


def _domain(skills: list[str], each: bool) -> str:
    names = [_clean(s) for s in skills]
    each = each and len(names) > 1
    return listing(names, "and" if each else "or") + (" (each)" if each else "")


def _requirement(r: PostingRequirement) -> str:
    soft = "  [soft skill: weight capped]" if r.soft else ""
    return f'  - {_clean(r.name)}{soft}\n    "{_short(r.evidence)}"'


def _education(read: PostingRequirements) -> str:
    edu = read.education
    if edu is None:
        return "no degree asked"
    parts = []
    if edu.min_level is not None:
        least = f"at least a {DEGREE_LABELS.get(edu.min_level, edu.min_level)}"
        parts.append(least + (" or equivalent experience" if edu.or_experience else ""))
    if edu.preferred_level is not None:
        parts.append(f"{DEGREE_LABELS.get(edu.preferred_level, edu.preferred_level)} preferred")
    if edu.fields:
        fields = " or ".join(edu.fields) + (" or a related field" if edu.related_fields else "")
        # "preferably" only beside a degree that is asked: the rest reads as preferred
        firm = edu.fields_required or edu.min_level is None
        parts.append(f"in {fields}" if firm else f"preferably in {fields}")
    return ", ".join(parts) + f'\n  "{_short(edu.evidence)}"'


def _short(text: str) -> str:
    text = _clean(" ".join(text.split()))
    return text if len(text) <= _EVIDENCE else text[: _EVIDENCE - 1] + "\u2026"


def _clean(text: str) -> str:
    return CONTROL.sub("", text)
