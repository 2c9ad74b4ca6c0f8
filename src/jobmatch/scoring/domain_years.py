"""The years a resume has spent in what a requirement of years asks for.

A posting asking "3+ years of applied ML engineering experience" names the *domain* of its
years (the requirement's ``domain``: skill ids). A resume's job counts toward them when its
entry (its title line and the bullets under it, :class:`~.resume_reader.RoleText`) mentions a
skill of the domain, a skill implying one (TensorFlow implies machine learning), or a skill
whose name holds the name of one ("applied machine learning" holds "machine learning"); a
domain skill's name may hold another skill's too ("applied machine learning": a job doing
machine learning counts), or when its title names a skill of the domain or the one who does
it ("Product Manager": product management; "Data Scientist": data science). The years are
the counted jobs' months, overlaps merged. When the posting asks each of several skills
("5+ years of C# and Python", ``Requirement.each``), each skill's years are counted apart
and the fewest decide: a job naming only SQL does not meet "5+ years of Python and SQL".
Years asked in no skill ("5+ years of experience") are met by the years of every job, as before.
A nurse's ten years do not meet "3+ years of applied ML engineering"; a chef's do not meet
"3+ years of experience with Machine Learning, Predictive Modeling".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from ..models import Lexicon, ResumeFacts, RoleCounted, SkillMention, SkillYears, YearsMatch
from .explain import skill_name, snippet
from .profile_types import Requirement
from .resume_reader import RoleText, merged_years

__all__ = ["years_match", "name_parts"]

_SNIPPET = 40
#: the one who does what a skill's last word names: a "Product Manager" does product
#: management, a "Data Scientist" data science
_DOER = {
    "management": "manager",
    "engineering": "engineer",
    "science": "scientist",
    "sciences": "scientist",
    "analysis": "analyst",
    "analytics": "analyst",
    "development": "developer",
    "design": "designer",
    "consulting": "consultant",
    "accounting": "accountant",
    "nursing": "nurse",
    "teaching": "teacher",
    "architecture": "architect",
    "administration": "administrator",
    "research": "researcher",
    "programming": "programmer",
    "recruiting": "recruiter",
    "recruitment": "recruiter",
    "marketing": "marketer",
    "auditing": "auditor",
    "writing": "writer",
    "editing": "editor",
    "testing": "tester",
    "photography": "photographer",
    "cooking": "cook",
    "baking": "baker",
}


def name_parts(skill_id: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The skills whose name of two words or more is part of the name of ``skill_id``
    ("applied machine learning" -> machine learning), itself left out."""
    skill = lexicon.get(skill_id)
    if skill is None:
        return ()
    by_name = _multiword_names(lexicon)
    words = skill.name.casefold().split()
    out = []
    for n in range(2, len(words)):
        for i in range(len(words) - n + 1):
            found = by_name.get(" ".join(words[i : i + n]))
            if found is not None and found != skill_id:
                out.append(found)
    return tuple(dict.fromkeys(out))


#: the last lexicon's names, kept with the lexicon itself: an ``id()`` alone could be that
#: of a new lexicon once the old one is gone
_NAMES: list[tuple[Lexicon, dict[str, str]]] = []


def _multiword_names(lexicon: Lexicon) -> dict[str, str]:
    """Skill name (case-folded, two words or more) -> skill id, once per lexicon."""
    last = _NAMES[0] if _NAMES else None
    if last is not None and last[0] is lexicon:
        return last[1]
    found: dict[str, str] = {}
    for s in lexicon.skills:
        name = s.name.casefold()
        if " " in name:
            found.setdefault(name, s.id)
    _NAMES[:] = [(lexicon, found)]  # one lexicon at a time: no growth with many loaded
    return found


def years_match(
    req: Requirement,
    facts: ResumeFacts,
    roles: Sequence[RoleText],
    mentions: Sequence[SkillMention],
    *,
    text: str,
    lexicon: Lexicon,
    implied: Callable[[str], tuple[str, ...]],
) -> YearsMatch:
    """How the resume meets the requirement of years ``req`` (``req.years`` is set).

    Args:
        req: a requirement of years.
        facts: the resume's facts (its jobs' years when ``req`` names no domain).
        roles: the resume's roles with their place in ``text`` (in ``facts.roles`` order).
        mentions: the resume's skill mentions (offsets in ``text``).
        text: the resume's text (for the snippets).
        lexicon: the lexicon (skill names).
        implied: skill id -> the skill ids it implies (``Lexicon.implied``, cached).

    Returns:
        The :class:`~jobmatch.models.YearsMatch`: the years counted, the credit, and each job
        with whether it counted and the skill that made it count.
    """
    assert req.years is not None
    jobs = [r for r in roles if r.role.kind == "job"]

    def count(domain: Sequence[str]) -> tuple[float, tuple[RoleCounted, ...]]:
        return _counted(domain, facts, jobs, mentions, text=text, lexicon=lexicon, implied=implied)

    each: tuple[SkillYears, ...] = ()
    if not req.domain:
        counted = tuple(RoleCounted(*_dates(r), counted=True) for r in jobs)
        years = facts.years
    elif req.each and len(req.domain) > 1:
        # "5+ years of C# and Python": each skill's years apart; the fewest decide
        each = tuple(SkillYears(skill_name(sid, lexicon), *count((sid,))) for sid in req.domain)
        fewest = min(each, key=lambda s: s.years)  # the first of equals, in the posting's order
        years, counted = fewest.years, fewest.roles
    else:
        years, counted = count(req.domain)
    credit = min(1.0, years / req.years) if req.years > 0 else 1.0
    return YearsMatch(
        requirement=req.id,
        label=req.label,
        asked=req.years,
        domain=tuple(skill_name(s, lexicon) for s in req.domain),
        years=years,
        credit=round(credit, 4),
        roles=counted,
        required=req.required,
        each=each,
    )


def _counted(
    domain: Sequence[str],
    facts: ResumeFacts,
    jobs: Sequence[RoleText],
    mentions: Sequence[SkillMention],
    *,
    text: str,
    lexicon: Lexicon,
    implied: Callable[[str], tuple[str, ...]],
) -> tuple[float, tuple[RoleCounted, ...]]:
    """The years of the ``jobs`` whose entry shows a skill of ``domain`` (any of them),
    overlaps merged, and every job with whether it counted and why."""
    wanted = set(domain)
    for sid in domain:
        wanted.update(name_parts(sid, lexicon))
    counted, periods = [], []
    titles = _title_forms(wanted, lexicon)
    for r in jobs:
        found = _in_title(r.role.title, titles)
        if found is None:
            hit = _evidence(r, mentions, wanted, lexicon, implied)
            if hit is not None:
                m, linked = hit
                name = skill_name(m.skill_id, lexicon)
                if linked != m.skill_id:  # "collaborative filtering, which implies ..."
                    how = "implies" if linked in implied(m.skill_id) else "names"
                    name += f", which {how} {skill_name(linked, lexicon)}"
                found = (name, snippet(text, m.start, m.end, _SNIPPET))
        if found is None:
            counted.append(RoleCounted(*_dates(r), counted=False))
            continue
        periods.append(r.period)
        counted.append(RoleCounted(*_dates(r), counted=True, skill=found[0], snippet=found[1]))
    return merged_years(periods, date.fromisoformat(facts.as_of)), tuple(counted)


def _title_forms(wanted: set[str], lexicon: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    """For each skill of the domain, a pattern of its name or of the one who does it
    ("product manager" for product management) in a title, and the skill's name."""
    out = []
    for sid in sorted(wanted):
        skill = lexicon.get(sid)
        if skill is None:
            continue
        words = skill.name.casefold().split()
        forms = {" ".join(words)}
        if words[-1] in _DOER:
            forms.add(" ".join([*words[:-1], _DOER[words[-1]]]))
        alts = "|".join(re.escape(f) for f in sorted(forms))
        pattern = re.compile(rf"(?<![\w+#.-])(?:{alts})(?![\w+#-])", re.IGNORECASE)
        out.append((pattern, skill.name))
    return out


def _in_title(title: str, forms: Sequence[tuple[re.Pattern[str], str]]) -> tuple[str, str] | None:
    """``(skill name, "title: <title>")`` when ``title`` names a skill of the domain."""
    for pattern, name in forms:
        if pattern.search(title):
            return name, f"title: {title}"
    return None


def _dates(r: RoleText) -> tuple[str, str, str, float]:
    return r.role.title, r.role.start, r.role.end, r.role.years


def _evidence(
    r: RoleText,
    mentions: Sequence[SkillMention],
    wanted: set[str],
    lexicon: Lexicon,
    implied: Callable[[str], tuple[str, ...]],
) -> tuple[SkillMention, str] | None:
    """The first mention in the role's entry of a skill of the domain ``wanted``, else the
    first of a skill that implies one or whose name holds one, with the domain skill it
    shows: the entry's own words first ("collaborative filtering, which implies machine
    learning" was cited above "using machine learning algorithms" in the same entry)."""
    a, b = r.span
    inside = [m for m in mentions if a <= m.start < b]
    for m in inside:
        if m.skill_id in wanted:
            return m, m.skill_id
    for m in inside:
        for linked in (*implied(m.skill_id), *name_parts(m.skill_id, lexicon)):
            if linked in wanted:
                return m, linked
    return None
