"""How reports and readers name things in words: degree levels, lists of names, score bands.

Shared by the scoring side (requirement labels) and the reports, so that a posting's
requirement and the report listing it say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["DEGREE_LABELS", "STRONG_REQUIRED", "listing", "match_band", "score_band"]

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


#: the share of its required requirements (one partly met counting half) a document must
#: meet to be called a strong match: a resume with 6 of 14 missing scored 95.9 on the
#: similarity of its words, and was told "strong"
STRONG_REQUIRED = 0.75


def match_band(score: float, met: int = 0, partial: int = 0, total: int = 0) -> str:
    """The verdict on a score: :func:`score_band`, except that a score of 70+ meeting less
    than :data:`STRONG_REQUIRED` of the ``total`` required requirements (``met`` in full,
    ``partial`` in part) is ``"partial"``, not ``"strong"``.

    >>> match_band(95.9, 8, 1, 14), match_band(84.7, 4, 0, 5), match_band(80.0)
    ('partial', 'strong', 'strong')
    """
    band = score_band(score)
    if band == "strong" and total and (met + partial / 2) / total < STRONG_REQUIRED:
        return "partial"
    return band
