"""The scoring formula as pure functions: credits, weights, coverage, calibration, gains.

1. Each requirement ``r`` gets a credit ``c_r`` (:func:`credit_of`): 1 when a skill among
   its alternatives is mentioned; ``partial_credit`` (0.5) when one is only *implied* by a
   mentioned skill through the lexicon's ``implies`` (Keras -> deep learning), but 1 when
   the implied skill is one of the lexicon's broad ``kinds`` (PostgreSQL -> relational
   databases: PostgreSQL is one); for
   education, 1 when the detected degree reaches the level / the field is accepted; else 0.
2. Its weight is ``w_r = (required_weight if required else preferred_weight) * tfidf_r``
   (:func:`requirement_weight`).
3. Category coverage ``cov_k = sum(w_r c_r) / sum(w_r)``; overall coverage
   ``C = sum(W_k cov_k) / (sum(W_k) + evidence_prior)``.
4. ``S = min(1, cos / cosine_ref)`` (the caller computes the cosine); for a posting whose
   term vector is thin (``similarity_trust`` < 1), ``S = trust * S + (1 - trust) * L`` with
   ``L`` the share of the listed requirements met (the coverage without the evidence prior).
5. ``raw = (1 - similarity_weight) * C + similarity_weight * S``.
6. :func:`calibrate`: a logistic curve rescaled to [0, 100].
7. The coverage ceiling (:func:`ceiling`): ``score = min(calibrated, 30 + 1000 * max(0,
   C - 0.2))`` with the defaults; a document covering less than a fifth of the profile
   scores at most 30 however similar its words are.

:func:`compute` runs steps 3, 5 and 6 and the gains of "what to add" (the score with a
requirement's credit set to 1, minus the score, the similarity held fixed; while the
coverage ceiling holds the score, those of the calibrated score before the ceiling).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..models import Education, SkillMention
from .profile_types import (
    Profile,
    Requirement,
    ScoringParams,
    degree_meets,
    field_accepted,
    years_for_degree,
)

__all__ = [
    "Credit",
    "Breakdown",
    "calibrate",
    "ceiling",
    "credit_of",
    "credit_plan",
    "credits_of",
    "CreditPlan",
    "evidence_mention",
    "requirement_weight",
    "compute",
    "joint_gain",
    "profile_weights",
    "Weights",
]


@dataclass(frozen=True, slots=True)
class Credit:
    """The credit of one requirement and the mention that earned it.

    ``skill_id`` is the alternative met; ``via`` the mentioned skill implying it (partial
    credit); ``mention`` the first mention (the evidence); ``count`` how many mentions;
    ``written`` true when the evidence is the language the document is written in (no
    mention: a resume written in English shows written English).
    """

    credit: float
    skill_id: str | None = None
    via: str | None = None
    mention: SkillMention | None = None
    count: int = 0
    written: bool = False


#: the credit of a requirement nothing meets (most of a profile's, for most documents): one
#: frozen instance shared, not one built per requirement and document
_NO_CREDIT = Credit(0.0)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """What :func:`compute` returns (unrounded).

    ``score`` is the calibrated 0-100 score, ``coverage`` the overall coverage ``C``,
    ``similarity`` the capped similarity ``S``, ``categories`` each category's coverage by
    id, ``gains`` the score gained by fully meeting each requirement not fully met.
    """

    score: float
    coverage: float
    similarity: float
    categories: Mapping[str, float]
    gains: Mapping[str, float]
    #: ``raw`` of step 5, ``calibrate(raw)`` and the coverage ceiling of step 7
    raw: float = 0.0
    calibrated: float = 0.0
    ceiling: float = 100.0


def calibrate(raw: float, params: ScoringParams) -> float:
    """Map ``raw`` in [0, 1] to the calibrated 0-100 score (unrounded).

    ``score = 100 * (L(raw) - L(0)) / (L(1) - L(0))`` with the logistic
    ``L(x) = 1 / (1 + exp(-k (x - m)))``, ``k = steepness``, ``m = midpoint``; strictly
    increasing, so rankings are those of ``raw``. ``raw`` is clipped to [0, 1].
    """
    k, m = params.steepness, params.midpoint
    lo, hi = _ends(k, m)
    return 100.0 * (_logistic(k, m, min(1.0, max(0.0, raw))) - lo) / (hi - lo)


def _logistic(k: float, m: float, x: float) -> float:
    return 1.0 / (1.0 + math.exp(-k * (x - m)))


@lru_cache(maxsize=16)
def _ends(k: float, m: float) -> tuple[float, float]:
    """``(L(0), L(1))``: the same two numbers for every score of a profile (a report
    calibrates once per requirement it lacks)."""
    return _logistic(k, m, 0.0), _logistic(k, m, 1.0)


def ceiling(coverage: float, params: ScoringParams) -> float:
    """The highest score a document with this ``coverage`` can get (step 7)."""
    over = max(0.0, coverage - params.min_coverage)
    return min(100.0, params.low_coverage_score + params.ceiling_slope * over)


def requirement_weight(req: Requirement, params: ScoringParams) -> float:
    """``w_r``: the required or preferred weight times the requirement's TF-IDF factor."""
    return (params.required_weight if req.required else params.preferred_weight) * req.tfidf


def evidence_mention(mentions: Sequence[SkillMention]) -> SkillMention:
    """The mention a report shows as a skill's evidence: the first one under a heading of
    the document that names the skill (a word of its name: "advanced Microsoft Excel
    functions", not "financial spreadsheets" two lines above it), else the first one under
    a heading, else the first. A headline before the first heading ("John Smith, Senior
    Python Developer") claims a skill; a section's line shows it.

    Args:
        mentions: one skill's mentions, in text order (at least one).

    Returns:
        The mention to show.
    """
    first: SkillMention | None = None  # the first mention under a heading
    for m in mentions:
        if m.section != "other":
            if _text_names(m.text, m.name):
                return m
            if first is None:
                first = m
    if first is not None:
        return first
    return next((m for m in mentions if _text_names(m.text, m.name)), mentions[0])


# a report asks this for each requirement met, and the same few thousand (text, name)
# pairs come back across a batch's documents
@lru_cache(maxsize=16384)
def _text_names(text: str, skill_name: str) -> bool:
    """Whether a mention's ``text`` holds a word of its skill's name (a plural for its
    singular: "teams" names team leadership) or their initials ("AWS", "IaC")."""
    name = _WORD.findall(skill_name.casefold())
    words = {_singular(w) for w in name}
    if len(name) > 1:
        words.add("".join(w[0] for w in name))
        words.add("".join(w[0] for w in name if w not in _SMALL))
    return any(_singular(w) in words or w in words for w in _WORD.findall(text.casefold()))


_SMALL = frozenset({"a", "an", "and", "as", "for", "in", "of", "on", "the", "to", "with"})


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_WORD = re.compile(r"[^\W_]+")


def credit_of(
    req: Requirement,
    by_skill: Mapping[str, list[SkillMention]],
    implied: Mapping[str, tuple[str, SkillMention]],
    education: Education,
    params: ScoringParams,
    *,
    years: float | None = None,
    written: str | None = None,
    kinds: Collection[str] = frozenset(),
) -> Credit:
    """The credit of ``req`` given a document's mentions and education.

    Args:
        req: the requirement.
        by_skill: the document's mentions by skill id, in text order.
        implied: skill id -> (the mentioned skill implying it, its first mention).
        education: the education read from the document.
        params: the profile's constants (``partial_credit``).
        years: the document's years of experience (for a ``years`` requirement: credit
            ``years / asked``, at most 1).
        written: the skill id of the language the document is written in, or ``None``: it
            meets a requirement naming that language that no mention meets (partly when the
            requirement asks a native level, ``req.native``).
        kinds: the lexicon's broad kinds (``Lexicon.kinds``): a kind implied by a mention
            (PostgreSQL for relational databases) is met in full, not partly.

    Returns:
        The :class:`Credit` (0 when nothing meets it).
    """
    if req.years is not None:
        # the figure asked of the degree held ("or MS and 3 years"; 0 "or a PhD")
        asked, _ = years_for_degree(req, education.level)
        return Credit(min(1.0, (years or 0.0) / asked) if asked > 0 else 1.0)
    if req.degree is not None:
        met = degree_meets(education.level, req.degree) or (
            req.or_years is not None
            and education.experience_years is not None
            and education.experience_years >= req.or_years
        )
        return Credit(1.0 if met else 0.0)
    if req.fields:
        # any degree held meets it, not only the highest ("BSc Computer Science, MBA")
        held = education.fields_held or (education.field,)
        return Credit(1.0 if any(field_accepted(f, req.fields) for f in held) else 0.0)
    for sid in req.skills:
        if sid in by_skill:
            ms = by_skill[sid]
            return Credit(1.0, sid, None, evidence_mention(ms), len(ms))
    # an implied alternative that is a broad kind the mention is one of counts in full
    # (PostgreSQL for "relational databases"); it goes before those only partly implied
    for full in (True, False):
        for sid in req.skills:
            if sid in implied and (sid in kinds) is full:
                via, m = implied[sid]
                credit = 1.0 if full else params.partial_credit
                return Credit(credit, sid, via, m, len(by_skill.get(via, ())))
    if written is not None and written in req.skills:
        return Credit(params.partial_credit if req.native else 1.0, written, written=True)
    return _NO_CREDIT


@dataclass(frozen=True, slots=True)
class CreditPlan:
    """Which requirements of a profile :func:`credit_of` must read for a document.

    A requirement of skills that names none of the document's mentioned or implied skills
    (nor the language it is written in) has no credit: :func:`credits_of` gives it
    :data:`_NO_CREDIT` without asking (most of a profile's requirements, for most
    documents), and reads the others and those asking years, a degree or a field.
    """

    #: the requirement ids in profile order (each once), and the last requirement of each
    #: id (a profile's ids are unique; a dict built a requirement at a time keeps the
    #: last's credit under the first's place)
    ids: tuple[str, ...]
    last: Mapping[str, Requirement]
    #: the ids of the requirements always read (years, degree, field; every one of a plan
    #: without ``naming``)
    always: frozenset[str]
    #: a skill id -> the ids of the requirements naming it
    naming: Mapping[str, frozenset[str]]


def credit_plan(profile: Profile, *, index: bool = True) -> CreditPlan:
    """The :class:`CreditPlan` of ``profile``; without ``index`` a plan that reads every
    requirement (for a profile scored once: the index would cost more than it saves)."""
    reqs = tuple(r for _, r in profile.requirements())
    last = {r.id: r for r in reqs}
    ids = tuple(dict.fromkeys(r.id for r in reqs))
    if not index:
        return CreditPlan(ids, last, frozenset(ids), {})
    naming: dict[str, set[str]] = {}
    for r in reqs:
        for sid in r.skills:
            naming.setdefault(sid, set()).add(r.id)
    always = frozenset(
        r.id for r in reqs if r.years is not None or r.degree is not None or r.fields
    )
    return CreditPlan(ids, last, always, {k: frozenset(v) for k, v in naming.items()})


def credits_of(
    plan: CreditPlan,
    by_skill: Mapping[str, list[SkillMention]],
    implied: Mapping[str, tuple[str, SkillMention]],
    education: Education,
    params: ScoringParams,
    *,
    years: Mapping[str, float],
    written: str | None = None,
    kinds: Collection[str] = frozenset(),
) -> dict[str, Credit]:
    """The :func:`credit_of` of each requirement of ``plan``, by id, in the profile's order
    (``years``: the document's years by requirement id; the other arguments are those of
    :func:`credit_of`)."""
    naming = plan.naming
    read = set(plan.always)
    if naming:
        for skills in (by_skill, implied, () if written is None else (written,)):
            for sid in skills:
                ids = naming.get(sid)
                if ids is not None:
                    read |= ids
    # the profile's order first, every credit none; then those read (credit_of is pure:
    # the order it is asked in changes nothing)
    found = dict.fromkeys(plan.ids, _NO_CREDIT)
    last = plan.last
    for rid in read:
        found[rid] = credit_of(
            last[rid],
            by_skill,
            implied,
            education,
            params,
            years=years.get(rid),
            written=written,
            kinds=kinds,
        )
    return found


@dataclass(frozen=True, slots=True)
class Weights:
    """The weights of a profile (the same for every document scored against it).

    ``total`` is the categories' total weight plus the evidence prior, ``requirement``
    ``w_r`` by requirement id, ``category`` the summed ``w_r`` of each category by id.
    """

    total: float
    requirement: Mapping[str, float]
    category: Mapping[str, float]
    #: the categories in profile order as :func:`compute` reads them (found from the three
    #: above when empty): :data:`CategoryRow`
    rows: tuple[CategoryRow, ...] = ()


#: a category as :func:`compute` reads it: its id, its weight ``W_k``, its summed ``w_r``
#: and its requirements, each ``(id, w_r, step)`` with ``step`` the coverage gained by
#: meeting it from no credit (``W_k (w_r / sum(w)) / total``, the float :func:`compute`
#: would find; ``None`` when ``sum(w)`` is 0)
CategoryRow = tuple[str, float, float, tuple[tuple[str, float, float | None], ...]]


def _rows(
    profile: Profile, weight: Mapping[str, float], cat_w: Mapping[str, float], total_w: float
) -> tuple[CategoryRow, ...]:
    rows = []
    for c in profile.categories:
        cw = cat_w[c.id]
        reqs = tuple(
            (
                r.id,
                weight[r.id],
                c.weight * (weight[r.id] * (1.0 - 0.0) / cw) / total_w if cw else None,
            )
            for r in c.requirements
        )
        rows.append((c.id, c.weight, cw, reqs))
    return tuple(rows)


def profile_weights(profile: Profile) -> Weights:
    """The :class:`Weights` of ``profile`` (:func:`compute` takes them, computed once).

    Args:
        profile: the profile.

    Returns:
        Its weights.
    """
    params = profile.scoring
    # the evidence prior stands for requirements the profile does not list (ad-hoc
    # profiles of postings): few found requirements cannot make a full match
    total_w = math.fsum(c.weight for c in profile.categories) + params.evidence_prior or 1.0
    weight = {r.id: requirement_weight(r, params) for _, r in profile.requirements()}
    cat_w = {c.id: math.fsum(weight[r.id] for r in c.requirements) for c in profile.categories}
    rows = _rows(profile, weight, cat_w, total_w)
    return Weights(total=total_w, requirement=weight, category=cat_w, rows=rows)


def compute(
    profile: Profile,
    req_credits: Mapping[str, float],
    cosine: float,
    *,
    weights: Weights | None = None,
    exact_gains: bool = False,
) -> Breakdown:
    """Coverage, calibrated score and gains of a profile's requirement credits.

    Args:
        profile: the profile (its categories, weights and ``scoring`` constants).
        req_credits: each requirement id's credit in [0, 1].
        cosine: the TF-IDF cosine of the document with the profile's term vector.
        weights: ``profile_weights(profile)`` when the caller keeps them (a scorer scores
            many documents against one profile); computed here when ``None``.
        exact_gains: the gains of the score itself even while the coverage ceiling holds
            it (often 0 there: the market's count of postings a skill turns into matches);
            by default those of the calibrated score then (what a report lists to add).

    Returns:
        The :class:`Breakdown`.
    """
    params = profile.scoring
    sim = min(1.0, cosine / params.cosine_ref)
    w = profile_weights(profile) if weights is None else weights
    total_w = w.total
    rows = w.rows or _rows(profile, w.requirement, w.category, total_w)
    covs = {
        cid: math.fsum([wr * req_credits[rid] for rid, wr, _ in reqs]) / cw if cw else 0.0
        for cid, _, cw, reqs in rows
    }

    # a thin posting vector's similarity is partly the share of the listed requirements met
    # (similarity_trust < 1): trust * sim + (1 - trust) * coverage * total_w / listed_w,
    # linear in the coverage; with trust 1 (a shipped profile, most postings) just sim
    trust = params.similarity_trust
    per_cov = 0.0
    if trust < 1:  # the listed weight only then: compute runs once per document scored
        listed_w = math.fsum(c.weight for c in profile.categories)
        per_cov = (1 - trust) * total_w / listed_w if listed_w > 0 else 0.0

    def similarity_of(coverage: float) -> float:
        return trust * sim + per_cov * coverage

    def raw_of(coverage: float) -> float:
        return (1 - params.similarity_weight) * coverage + params.similarity_weight * (
            similarity_of(coverage)
        )

    # min(calibrate(raw_of(c)), ceiling(c)) with the constants taken once: the same
    # operations in the same order (a two-argument min or max written as a comparison
    # returns the same operand), as a report asks it once per requirement not met
    keep = 1 - params.similarity_weight + params.similarity_weight * per_cov
    part = params.similarity_weight * (trust * sim)
    minus_k, mid = -params.steepness, params.midpoint
    lo, hi = _ends(params.steepness, mid)
    span, exp = hi - lo, math.exp
    floor_cov, low, slope = params.min_coverage, params.low_coverage_score, params.ceiling_slope

    def calibrated_of(coverage: float) -> float:
        raw = keep * coverage + part
        x = raw if raw > 0.0 else 0.0
        x = x if x < 1.0 else 1.0
        return 100.0 * (1.0 / (1.0 + exp(minus_k * (x - mid))) - lo) / span

    def score_of(coverage: float) -> float:
        calibrated = calibrated_of(coverage)
        over = coverage - floor_cov
        top = low + slope * (over if over > 0.0 else 0.0)
        top = top if top < 100.0 else 100.0
        return top if top < calibrated else calibrated

    coverage = math.fsum([weight_k * covs[cid] for cid, weight_k, _, _ in rows]) / total_w
    score = score_of(coverage)
    # while the coverage ceiling holds the score, meeting one more requirement often adds
    # nothing to it (the ceiling moves only past min_coverage): the gains are then those of
    # the calibrated score, what each requirement is worth once the ceiling lifts
    held = not exact_gains and score < calibrated_of(coverage)
    base = calibrated_of(coverage) if held else score
    gains: dict[str, float] = {}
    for _, weight_k, cw, reqs in rows:
        for rid, wr, step in reqs:
            credit = req_credits[rid]
            if credit < 1.0:
                if credit == 0.0 and step is not None:
                    x = coverage + step  # the same float as below, found once
                else:
                    # meeting it raises this category's coverage by w_r (1 - c_r) / sum(w)
                    lift = wr * (1.0 - credit) / cw
                    x = coverage + weight_k * lift / total_w
                # calibrated_of(x) (and score_of(x) when the ceiling does not hold the
                # score) written out: two calls per requirement not met were a third of it
                raw = keep * x + part
                clipped = raw if raw > 0.0 else 0.0
                clipped = clipped if clipped < 1.0 else 1.0
                calibrated = 100.0 * (1.0 / (1.0 + exp(minus_k * (clipped - mid))) - lo) / span
                if held:
                    gains[rid] = calibrated - base
                else:
                    over = x - floor_cov
                    top = low + slope * (over if over > 0.0 else 0.0)
                    top = top if top < 100.0 else 100.0
                    gains[rid] = (top if top < calibrated else calibrated) - base
    return Breakdown(
        score=score,
        coverage=coverage,
        similarity=similarity_of(coverage),
        categories=covs,
        gains=gains,
        raw=raw_of(coverage),
        calibrated=calibrate(raw_of(coverage), params),
        ceiling=ceiling(coverage, params),
    )


def joint_gain(
    profile: Profile,
    req_credits: Mapping[str, float],
    cosine: float,
    ids: Sequence[str],
    *,
    weights: Weights | None = None,
    exact_gains: bool = False,
    base: Breakdown | None = None,
) -> float:
    """The points gained by fully meeting every requirement of ``ids`` at once (one skill
    meeting several requirements): the gain of :func:`compute` (``Breakdown.gains``) for
    several requirements, by the same rule (the calibrated score's while the coverage
    ceiling holds the score, unless ``exact_gains``). ``base`` is :func:`compute`'s result
    for these arguments when the caller has it (a report asks for several joint gains of
    one breakdown)."""
    if base is None:
        base = compute(profile, req_credits, cosine, weights=weights, exact_gains=exact_gains)
    met = {**req_credits, **dict.fromkeys(ids, 1.0)}
    after = compute(profile, met, cosine, weights=weights, exact_gains=exact_gains)
    if not exact_gains and base.score < base.calibrated:
        return after.calibrated - base.calibrated
    return after.score - base.score
