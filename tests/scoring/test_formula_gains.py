"""The formula's inlined score of a coverage gives the floats of ``calibrate`` and ``ceiling``.

:func:`~jobmatch.scoring.formula.compute` computes the score of a coverage once per
requirement not met (the gains); it does so with its constants taken once. Every float must
be the one the reference expression ``min(calibrate(raw), ceiling(coverage))`` gives (the
gains: ``calibrate(raw)`` alone while the ceiling holds the score).
"""

from __future__ import annotations

import math
import random
from dataclasses import replace

import pytest

from jobmatch.scoring.formula import calibrate, ceiling, compute, profile_weights
from jobmatch.scoring.profiles import Profile, list_profiles, load_profile


def _reference(
    profile: Profile, values: dict[str, float], cos: float, *, exact_gains: bool = False
) -> tuple[float, dict[str, float]]:
    """The score and gains as the formula's docstring states them, with the public parts."""
    params = profile.scoring
    sim = min(1.0, cos / params.cosine_ref)
    w = profile_weights(profile)

    def score_of(c: float) -> float:
        raw = (1 - params.similarity_weight) * c + params.similarity_weight * sim
        return min(calibrate(raw, params), ceiling(c, params))

    covs = {
        c.id: math.fsum(w.requirement[r.id] * values[r.id] for r in c.requirements)
        / w.category[c.id]
        if w.category[c.id]
        else 0.0
        for c in profile.categories
    }

    def calibrated_of(c: float) -> float:
        return calibrate(
            (1 - params.similarity_weight) * c + params.similarity_weight * sim, params
        )

    coverage = math.fsum(c.weight * covs[c.id] for c in profile.categories) / w.total
    score = score_of(coverage)
    # while the ceiling holds the score, the gains are the calibrated score's
    gain_of = calibrated_of if not exact_gains and score < calibrated_of(coverage) else score_of
    gains: dict[str, float] = {}
    for cat in profile.categories:
        for req in cat.requirements:
            if values[req.id] < 1.0:
                lift = w.requirement[req.id] * (1.0 - values[req.id]) / w.category[cat.id]
                gains[req.id] = gain_of(coverage + cat.weight * lift / w.total) - gain_of(coverage)
    return score, gains


@pytest.mark.parametrize("profile_id", [p[0] for p in list_profiles()])
@pytest.mark.parametrize("seed", range(5))
def test_compute_gives_the_reference_floats(profile_id: str, seed: int) -> None:
    rng = random.Random(seed)
    profile = load_profile(profile_id)
    if seed % 2:  # another calibration, a ceiling that binds more often
        profile = replace(
            profile,
            scoring=replace(profile.scoring, steepness=9.0, midpoint=0.3, ceiling_slope=80.0),
        )
    ids = [r.id for _, r in profile.requirements()]
    for _ in range(60):
        values = {i: rng.choice((0.0, 0.0, 0.5, 1.0, rng.random())) for i in ids}
        cos = rng.choice((0.0, 1e-9, rng.random() * 0.3, 0.2, 0.9))
        for exact in (False, True):
            score, gains = _reference(profile, values, cos, exact_gains=exact)
            result = compute(profile, values, cos, exact_gains=exact)
            assert result.score == score
            assert dict(result.gains) == gains
            assert list(result.gains) == list(gains)
            # weights without their rows: the rows are found again, the same floats
            bare = replace(profile_weights(profile), rows=())
            again = compute(profile, values, cos, weights=bare, exact_gains=exact)
            assert again == result
