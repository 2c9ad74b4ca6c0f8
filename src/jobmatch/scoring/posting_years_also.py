"""The further years asks of a posting beside its first one (``years_also``).

A posting may name years on several lines: "... and 5 years of experience" in its degree
clause and "At least 2 years experience with MILP" on another. The first ask read stays the
posting's ``years_min``; :func:`years_also` keeps the others that name skills jobmatch can
check, each a :class:`~.posting_model.YearsAsk`. It leaves out an ask that names no skill
("2 years leading small teams": any job may show it), one a degree's clause names (its
figures are that degree's alternatives: ``years_by_degree``), one in the first ask's own
clause, and one that asks again what an ask kept before it asks (:func:`_again`: "3+ years of
Python" then "5+ years of Python preferred"; the first decides).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .posting_model import PostingSkill, YearsAsk
from .posting_rules import states_preference

__all__ = ["AskRead", "years_also"]

#: what makes the years of a clause that also prefers something firm: "Minimum 3 years of
#: Python, 5+ preferred"
_FIRM = re.compile(r"\bminimum\b|\bat least\b|\bmust\b|\brequired\b", re.IGNORECASE)
#: a preference in parentheses after a word the clause goes on from prefers that word, not
#: the years: "2+ years of Cloud Platform experience with either AWS (preferred) or Azure"
_PREFERS_WORD = re.compile(r"\(\s*(?:preferred|preferably|ideally)\s*\)(?=\s*\w)", re.I)


@dataclass(frozen=True, slots=True)
class AskRead:
    """A clause's years as the posting reader read them, before :func:`years_also` picks."""

    years: float
    evidence: str
    skills: tuple[PostingSkill, ...]
    each: bool
    #: the clause prefers something ("... is a plus"), under a preferred heading or not
    prefer: bool
    #: the clause is under a preferred heading
    preferred_section: bool
    #: the clause names a degree (its years are the degree's alternatives)
    degree: bool
    clause: str


def years_also(
    asks: Sequence[AskRead], first: tuple[float, str, tuple[PostingSkill, ...]] | None
) -> tuple[YearsAsk, ...]:
    """The asks of ``asks`` (every clause's years, in text order) kept beside ``first``
    (the years, evidence and skills of the ask read as ``years_min``), see the module doc.

    An ask is preferred when its clause prefers and either stands under a preferred heading
    or says nothing firm ("minimum", "at least", "must", "required") and its preference is
    not a word's ("with either AWS (preferred) or Azure" prefers AWS).
    """
    if first is None:
        return ()
    figure, evidence, skills = first
    seen = [(figure, frozenset(s.skill_id for s in skills))] if skills else []
    out: list[YearsAsk] = []
    for ask in asks:
        if ask.evidence == evidence or ask.degree or not ask.skills or ask.years <= 0:
            continue
        ids = frozenset(s.skill_id for s in ask.skills)
        if any(_again(ask.years, ids, years, kept) for years, kept in seen):
            continue
        seen.append((ask.years, ids))
        preferred = ask.prefer and (
            ask.preferred_section
            or (
                not _FIRM.search(ask.clause)
                and states_preference(_PREFERS_WORD.sub(" ", ask.clause))
            )
        )
        out.append(YearsAsk(ask.years, ask.skills, not preferred, ask.evidence, ask.each))
    return tuple(out)


def _again(years: float, ids: frozenset[str], kept_years: float, kept: frozenset[str]) -> bool:
    """Whether an ask of ``years`` in ``ids`` asks again what an ask kept before it asks:
    the same skills (or some of them), whatever the figure ("3+ years of Python", then "5+
    years of Python preferred": the first decides), or mostly the same with no more years
    ("3+ years of Machine Learning, Predictive Modeling, ..." twice, once with "tools such
    as ... R"); not a narrower ask that shares a word with a wider one ("Two years of
    Cognos, Tableau, or SharePoint reporting" beside "five years of business intelligence
    reporting")."""
    shared = len(ids & kept)
    return ids <= kept or (years <= kept_years and 2 * shared > len(ids))
