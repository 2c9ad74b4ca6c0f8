"""A skill asked twice: alone, and as one of a requirement's alternatives.

"Define the backlog using ... Mixpanel funnels" (a task) and "proficiency with analytics
tools (Amplitude, Mixpanel, or Looker)" (a requirement) named Mixpanel twice, and a report
listing both asked for it twice. When a task names a skill alone and what the posting
requires asks it as one of its alternatives, what it requires says which tools will do,
and the task names the one the team uses: "Amplitude, Mixpanel or Looker" is asked, not
Mixpanel alone.

Elsewhere both stay: a skill asked alone beside a group of what is required holds it ("5+
years of Python" and "Python or R") is asked for itself, and one preferred alone beside a
group asked is that group's preferred alternative.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .posting_model import PostingRequirement

__all__ = ["without_implied"]

#: the sections of what a posting requires
_ASKING = frozenset({"requirements"})
#: the sections of the job's tasks
_TASKS = frozenset({"responsibilities"})


def without_implied(
    reqs: Sequence[PostingRequirement], where: Mapping[str, str]
) -> list[PostingRequirement]:
    """``reqs`` without the skills a task names alone when what the posting requires asks
    them as one of its alternatives (rules in the module docstring); ``where`` maps each
    requirement's evidence to the section it was read in."""
    asked = {
        s.skill_id
        for r in reqs
        if r.required and len(r.skills) > 1 and where.get(r.evidence) in _ASKING
        for s in r.skills
    }
    return [
        r
        for r in reqs
        if not (
            r.required
            and len(r.skills) == 1
            and r.skills[0].skill_id in asked
            and where.get(r.evidence) in _TASKS
        )
    ]
