"""credits_of reads only the requirements a document's skills can meet: the same credits.

:func:`~jobmatch.scoring.formula.credits_of` gives a requirement of skills that names none
of the document's mentioned or implied skills (nor its language) no credit without asking
:func:`~jobmatch.scoring.formula.credit_of`; every credit must be the one asking it gives.
"""

from __future__ import annotations

import random

import pytest

from jobmatch.facts import Education
from jobmatch.models import SkillMention
from jobmatch.scoring.doc_language import ENGLISH
from jobmatch.scoring.formula import credit_of, credit_plan, credits_of
from jobmatch.scoring.profiles import list_profiles, load_profile


def _mention(skill_id: str, section: str) -> SkillMention:
    return SkillMention(skill_id, skill_id, "x", 0, len(skill_id), skill_id, section)


@pytest.mark.parametrize("profile_id", [p[0] for p in list_profiles()])
@pytest.mark.parametrize("seed", range(4))
def test_credits_of_gives_every_credit_credit_of_gives(profile_id: str, seed: int) -> None:
    rng = random.Random(seed)
    profile = load_profile(profile_id)
    params = profile.scoring
    skills = sorted({s for _, r in profile.requirements() for s in r.skills} | {"unrelated"})
    reqs = [r for _, r in profile.requirements()]
    indexed, plain = credit_plan(profile), credit_plan(profile, index=False)
    assert plain.always == {r.id for r in reqs} and not plain.naming
    assert indexed.ids == tuple(r.id for r in reqs)
    met = 0
    for _ in range(40):
        by_skill = {
            s: [_mention(s, rng.choice(("skills", "other")))]
            for s in rng.sample(skills, rng.randint(0, min(6, len(skills))))
        }
        implied = {
            s: (via, by_skill[via][0])
            for s in rng.sample(skills, rng.randint(0, 3))
            if by_skill and (via := rng.choice(sorted(by_skill)))
        }
        education = Education(
            level=rng.choice((None, "bachelor", "master", "phd")),
            field=rng.choice((None, "computer science", "history")),
            experience_years=rng.choice((None, 2.0, 9.0)),
        )
        years = {r.id: rng.random() * 10 for r in reqs if r.years is not None}
        written = rng.choice((None, ENGLISH))
        kinds = frozenset(rng.sample(skills, min(3, len(skills))))
        expected = {
            r.id: credit_of(
                r,
                by_skill,
                implied,
                education,
                params,
                years=years.get(r.id),
                written=written,
                kinds=kinds,
            )
            for r in reqs
        }
        for plan in (indexed, plain):
            got = credits_of(
                plan,
                by_skill,
                implied,
                education,
                params,
                years=years,
                written=written,
                kinds=kinds,
            )
            assert got == expected
            assert list(got) == list(expected)
        met += sum(c.credit > 0 for c in expected.values())
    assert met > 0  # some requirements were met: the index was asked
