"""Checks across the skills of a lexicon: ids, forms, ``implies`` and context rules."""

from __future__ import annotations

from ..models import Skill
from .forms import normalise_form

__all__ = ["skill_problems"]


def skill_problems(skills: list[Skill]) -> list[str]:
    """Every problem across ``skills``, each with the ``file:line`` it was written at."""
    problems: list[str] = []
    _cross_check(skills, problems)
    _implies_cycles(skills, problems)
    return problems


def _cross_check(skills: list[Skill], problems: list[str]) -> None:
    """Duplicate ids, forms claimed by two skills, unknown ``implies``, stray context forms,
    a context ``sense`` naming no other skill."""
    ids: dict[str, str] = {}
    for s in skills:
        if s.id in ids:
            problems.append(f"{s.origin}: duplicate id {s.id!r} (first at {ids[s.id]})")
        else:
            ids[s.id] = s.origin
    owner: dict[str, Skill] = {}
    for s in skills:
        for form in s.surface_forms:
            key = normalise_form(form)
            other = owner.get(key)
            if other is not None and other.id != s.id:
                problems.append(
                    f"{s.origin}: alias {form!r} of {s.id!r} is already claimed by "
                    f"{other.id!r} ({other.origin})"
                )
            else:
                owner[key] = s
        for target in s.implies:
            if target not in ids:
                problems.append(f"{s.origin}: implies unknown skill {target!r}")
            elif target == s.id:
                problems.append(f"{s.origin}: a skill cannot imply itself")
        if s.context is not None:
            forms = {normalise_form(f) for f in s.surface_forms}
            for form in (*s.context.forms, *s.context.plain_forms):
                if normalise_form(form) not in forms:
                    problems.append(
                        f"{s.origin}: context form {form!r} is not a name or alias of {s.id!r}"
                    )
            sense = s.context.sense
            if sense is not None and (sense not in ids or sense == s.id):
                problems.append(f"{s.origin}: context.sense names no other skill: {sense!r}")


def _implies_cycles(skills: list[Skill], problems: list[str]) -> None:
    """Report each ``implies`` cycle once, at the first skill of it in file order."""
    edges = {s.id: tuple(t for t in s.implies if t != s.id) for s in skills}  # self: elsewhere
    origin = {s.id: s.origin for s in skills}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in edges:
        if start in state:
            continue
        path: list[str] = [start]
        todo: list[list[str]] = [[t for t in edges[start] if t in edges]]
        state[start] = 1
        while todo:
            if not todo[-1]:
                state[path.pop()] = 2
                todo.pop()
                continue
            nxt = todo[-1].pop(0)
            if state.get(nxt) == 1:
                loop = path[path.index(nxt) :] + [nxt]
                problems.append(f"{origin[nxt]}: implies cycle {' -> '.join(loop)}")
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append([t for t in edges[nxt] if t in edges])
