"""How reports and readers name things in words: degree levels, lists of names, score bands.

Shared by the scoring side (requirement labels) and the reports, so that a posting's
requirement and the report listing it say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["DEGREE_LABELS", "listing", "score_band"]

#: how a degree level reads in a report
DEGREE_LABELS = {
    "high_school": "high school",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "professional_doctorate": "professional doctorate",
    "phd": "PhD",
}


def listing(names: Sequence[str], joint: str = "or") -> str:
    """``names`` as a sentence lists them: commas, and ``joint`` before the last.

    >>> listing(["Python", "R", "Scala"]), listing(["C#", "Python"], "and"), listing(["SQL"])
    ('Python, R or Scala', 'C# and Python', 'SQL')
    """
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joint} {names[-1]}"


def score_band(score: float) -> str:
    """``"strong"`` (70+), ``"partial"`` (40+) or ``"weak"``."""
    return "strong" if score >= 70 else "partial" if score >= 40 else "weak"
