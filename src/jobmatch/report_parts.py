"""The explanation of a score as the renderers show it (shared by :mod:`jobmatch.report`).

Pure helpers over a :class:`~jobmatch.models.ScoreReport`: the file name of its source,
what the score is made of (the arithmetic in words), the colour band of a category (from
what it requires, not the raw percentage of optional skills), "what to add" split into new
skills, upgrades of partial matches and the items too small to matter, and the evidence
term highlighted in a snippet.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from .models import CategoryCoverage, MatchedSkill, MissingSkill, ScoreReport
from .scoring.profile_types import POSTING_SOFT, degree_meets
from .wording import DEGREE_LABELS, listing, match_band, score_band

__all__ = [
    "category_labels",
    "cosine_note",
    "degree_label",
    "education_line",
    "has_note",
    "match_note",
    "partly_met",
    "matched_category",
    "matched_once",
    "meets_note",
    "missing_note",
    "years_count_note",
    "pct",
    "preferred_note",
    "score_band",
    "verdict",
    "required_counts",
    "soft_split",
    "unlisted_note",
    "upgrade_note",
    "also_meets_note",
    "missing_details",
    "SOFT_CATEGORIES",
    "MIN_GAIN",
    "file_name",
    "made_of",
    "category_band",
    "split_missing",
    "highlight",
    "small_note",
    "capped_note",
    "capped_sentence",
    "mark_md",
    "mark_html",
    "md_piece",
    "CONTROL",
    "DEGREE_LABELS",
    "terminal_line",
]

#: C0 and C1 control characters (ESC among them) except tab and newline
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_line(s: str) -> str:
    """Document text made safe for a terminal: no control characters, one line."""
    return " ".join(CONTROL.sub("", s).split())


#: a "what to add" item whose gain rounds below this is not listed (a note counts them)
MIN_GAIN = 0.05


def file_name(source: str) -> str:
    """The file name of a source path (``/home/me/cv.pdf`` gives ``cv.pdf``); ``<text>`` as is."""
    return re.split(r"[/\\]", source.rstrip("/\\"))[-1] or source


def made_of(report: ScoreReport) -> list[str]:
    """Lines saying what the score is made of, so that the arithmetic can be checked."""
    p = report.parts
    if p is None:
        return [f"coverage {report.coverage:.4f}, TF-IDF similarity {report.similarity:.4f}"]
    w = p.similarity_weight
    lines = [
        f"= calibrate({1 - w:.2f} x coverage {report.coverage:.2f} + {w:.2f} x similarity "
        f"{p.similarity:.2f} = {p.raw:.2f}) = {p.calibrated:.1f}"
    ]
    if p.similarity_trust < 1:
        lines.append(
            f"  similarity: {p.similarity_trust:.0%} the TF-IDF similarity, the rest the share "
            "of the requirements met (the posting names few skill terms)"
        )
    if p.ceiling < p.calibrated:
        lines.append(
            f"  capped at {p.ceiling:.1f}: the document covers only {report.coverage:.0%} of "
            "the profile (similar words alone do not make a match)"
        )
    req = (
        f"required {p.required_met} of {p.required_total} met"
        if p.required_total
        else "none required"
    )
    split = soft_split(report)
    if split is not None:
        # the verdict counts the required soft skills aside ("only 8 of 12 required met"):
        # "required 8 of 14 met" below it read as another count; say how the two add up
        (met, partial, total), (s_met, s_partial, s_total) = split
        req += (
            f": {met} of {total} besides soft skills{_partly(partial)}, "
            f"{s_met} of {s_total} soft skills{_partly(s_partial)}"
        )
    elif p.required_partial:
        req += _partly(p.required_partial)
    # "preferred 0 of 0" read as a preferred requirement missed: say there is none
    pref = (
        f"preferred {p.preferred_met} of {p.preferred_total}"
        if p.preferred_total
        else "none preferred"
    )
    if p.preferred_partial:
        pref += f" ({p.preferred_partial} more partly)"
    lines.append(f"{req}; {pref}")
    return lines


#: the categories of soft skills, which the verdict sets aside (a posting's, and the
#: shipped profile's): they weigh at most a tenth of the rest in the score
SOFT_CATEGORIES = POSTING_SOFT | {"soft_skills"}


def required_counts(report: ScoreReport) -> tuple[int, int, int, bool]:
    """``(met, partly met, total, soft_aside)``: the required requirements the verdict
    counts, those of soft-skill categories (:data:`SOFT_CATEGORIES`) set aside when others
    are required (``soft_aside``: some were). A Java developer missing "critical thinking"
    and four more soft skills, every technical requirement but two met, is no partial
    match for that; the score gives them a tenth of the weight at most."""
    p = report.parts
    if p is None:
        return 0, 0, 0, False
    required = {m.requirement: m.required for m in report.matched}
    required |= {m.requirement: m.required for m in report.missing}
    soft = [0, 0, 0]
    for c in report.categories:
        if c.id in SOFT_CATEGORIES:
            soft[0] += sum(required.get(r, False) for r in c.matched)
            soft[1] += sum(required.get(r, False) for r in c.partial)
            soft[2] += sum(required.get(r, False) for r in (*c.matched, *c.partial, *c.missing))
    if not soft[2] or soft[2] >= p.required_total:
        return p.required_met, p.required_partial, p.required_total, False
    met, partial = p.required_met - soft[0], p.required_partial - soft[1]
    return met, partial, p.required_total - soft[2], True


def _partly(n: int) -> str:
    return f" ({n} more partly)" if n else ""


def soft_split(
    report: ScoreReport,
) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """``((met, partly, total) besides soft skills, (met, partly, total) of soft skills)``
    of the required requirements when the verdict names the count besides soft skills
    ("soft skills aside, only 8 of 12 required met"), else ``None``: the line giving all
    required requirements ("required 8 of 14 met") then says how the two counts add up."""
    p = report.parts
    met, partial, total, soft_aside = required_counts(report)
    if p is None or not soft_aside:
        return None
    if match_band(report.score, met, partial, total) == score_band(report.score):
        return None
    soft = (p.required_met - met, p.required_partial - partial, p.required_total - total)
    return (met, partial, total), soft


def unlisted_note(report: ScoreReport) -> str | None:
    """The requirements met (or partly met) that no matched skill lists, as a note under
    the matched skills, or ``None``: a degree, its field and years of experience meet
    requirements without a skill to list, and "Matched skills (16)" stood beside "required
    8 of 14 met (1 more partly); preferred 10 of 49" (19) with nothing to say where the
    other three were."""
    listed = {m.requirement for m in report.matched}
    years = {y.requirement for y in report.years}
    counts: dict[tuple[str, bool], int] = {}
    for c in report.categories:
        for ids, full in ((c.matched, True), (c.partial, False)):
            for r in (r for r in ids if r not in listed):
                by = _UNLISTED_BY.get("years" if r in years else c.id, ("", "other means"))
                counts[by[1], full] = counts.get((by[1], full), 0) + 1
    if not counts:
        return None
    pieces = [
        f"{n} {'requirement' if n == 1 else 'requirements'} "
        f"{'met' if full else 'partly met'} by {by}"
        for (by, full), n in counts.items()
    ]
    where = [head for head, by in _UNLISTED_BY.values() if any(b == by for b, _ in counts)]
    see = f"; see {' and '.join(where)}" if where else ""
    return f"{', '.join(pieces)}, not listed as skills{see}"


#: what meets a requirement no matched skill lists, by its category (or ``years``): the
#: heading a reader finds it under, and how the note names it
_UNLISTED_BY = {
    "education": ("Education", "education"),
    "years": ("Experience", "years of experience"),
}


def verdict(report: ScoreReport) -> tuple[str, str]:
    """``(band, words)``: the verdict on ``report`` (:func:`~jobmatch.wording.match_band`)
    and how the headline says it: ``"strong match"``, or, for a score of 70+ meeting less
    than :data:`~jobmatch.wording.STRONG_REQUIRED` of the required requirements (soft
    skills aside, :func:`required_counts`), the gap named ("partial match, not strong: soft
    skills aside, only 8 of 12 required met, 1 more partly"): its words alone made it
    "strong"."""
    if report.parts is None:
        band = score_band(report.score)
        return band, f"{band} match"
    met, partial, total, soft_aside = required_counts(report)
    band = match_band(report.score, met, partial, total)
    if band == score_band(report.score):
        return band, f"{band} match"
    aside = "soft skills aside, " if soft_aside else ""
    more = f", {partial} more partly" if partial else ""
    return band, f"{band} match, not strong: {aside}only {met} of {total} required met{more}"


def cosine_note(report: ScoreReport) -> str:
    """The TF-IDF cosine named as what it is: ``report.similarity`` is the raw cosine, and
    the similarity the score is made of (:func:`made_of`) is the cosine over the profile's
    reference cosine, at most 1 (0.1356 is a similarity of 0.68 for a reference of 0.20):
    two numbers both called "similarity" did not add up."""
    line = f"TF-IDF cosine: {report.similarity:.4f}"
    p = report.parts
    if p is None:
        return line
    line += f" (the similarity {p.similarity:.2f} above is it over the profile's reference cosine"
    if p.similarity_trust < 1:
        line += ", in part"
    return line + ", at most 1)"


def category_band(report: ScoreReport, category: CategoryCoverage) -> str:
    """``weak`` when a required requirement of the category is missing, ``partial`` when one
    is only partly met, ``strong`` when all are met, ``optional`` when it requires nothing and
    misses only preferred ones."""
    missing = [m for m in report.missing if m.category == category.id]
    if any(m.required and m.requirement in category.missing for m in missing):
        return "weak"
    if any(m.required for m in missing):
        return "partial"
    return "optional" if missing else "strong"


def partly_met(report: ScoreReport) -> set[str]:
    """The requirements ``report`` meets partly, whose missing entries are upgrades (what
    would complete them), not skills to add: an implied skill (deep learning, by Keras), a
    language's native level. Years partly met are no skill to name: they stay with what to
    add, their note says how many count (:func:`missing_note`)."""
    partial = {m.requirement for m in report.matched if m.match == "partial"}
    partial |= {r for c in report.categories for r in c.partial}
    return partial - {y.requirement for y in report.years}


def has_note(m: MatchedSkill) -> bool:
    """Whether a matched skill is listed with its :func:`match_note`: partly met, or a
    broad kind met by a member ("full, PostgreSQL counts for relational databases")."""
    return m.match == "partial" or m.via is not None


def split_missing(
    report: ScoreReport,
) -> tuple[list[MissingSkill], list[MissingSkill], int]:
    """``(to_add, upgrades, small)``: requirements not met worth at least :data:`MIN_GAIN`
    points, requirements partly met (upgrades: what would complete them), and how many items
    were left out because they would add less (:func:`small_note`)."""
    partial = partly_met(report)
    rows = _partial_rows(report)
    to_add: list[MissingSkill] = []
    upgrades: list[MissingSkill] = []
    small = 0
    absorbed = _absorbed(report, partial)
    required = {m.requirement: m.required for m in report.missing}
    for m in report.missing:
        if m.requirement in absorbed:
            continue  # listed with the skill that meets it too ("Java or Java EE" by Java)
        if m.skill_gain is not None and m.requirement not in partial:
            # one skill meeting several requirements is one item, with what adding it
            # gains, required when one of them is
            need = m.required or any(required.get(r, False) for r in m.also_meets)
            m = replace(m, gain=m.skill_gain, required=need)
        if m.gain < MIN_GAIN:
            small += 1
        elif m.requirement in partial:
            # named as the matched row names it: "experimental design or experimentation"
            # below "~ experimentation [partial, implied by A/B testing]" read as another
            row = rows.get(m.requirement)
            upgrades.append(replace(m, name=row.name) if row is not None else m)
        else:
            to_add.append(m)
    return to_add, upgrades, small


def _absorbed(report: ScoreReport, partial: set[str]) -> set[str]:
    """The requirements "what to add" lists with a skill of another item that meets them
    too (``MissingSkill.also_meets``): "Java or Java EE" goes with "Java" (and with "Java
    EE"). Of two items of the same one skill, the first stays."""
    absorbed: set[str] = set()
    for m in report.missing:
        if (
            m.also_meets
            and m.requirement not in absorbed
            and m.requirement not in partial
            and (m.skill_gain or 0.0) >= MIN_GAIN
        ):
            absorbed.update(r for r in m.also_meets if r not in partial)
    return absorbed


def also_meets_note(m: MissingSkill, report: ScoreReport) -> str:
    """For a skill of "what to add" meeting other requirements too, which:
    ``"; also meets Java or Java EE"``; ``""`` for any other."""
    names = {x.requirement: x.name for x in report.missing}
    also = [names.get(r, r) for r in m.also_meets]
    return f"; also meets {listing(also, 'and')}" if also else ""


def _partial_rows(report: ScoreReport) -> dict[str, MatchedSkill]:
    """Requirement id -> the first matched skill meeting it partly."""
    rows: dict[str, MatchedSkill] = {}
    for m in report.matched:
        if m.match == "partial":
            rows.setdefault(m.requirement, m)
    return rows


def highlight(
    snippet: str, span: tuple[int, int], mark: Callable[[str], str], plain: Callable[[str], str]
) -> str:
    """``snippet`` with ``plain`` applied to the text and ``mark`` to the evidence term."""
    a, b = span
    if not 0 <= a < b <= len(snippet):
        return plain(snippet)
    return plain(snippet[:a]) + mark(plain(snippet[a:b])) + plain(snippet[b:])


def capped_note(report: ScoreReport) -> str | None:
    """What the gains mean while the coverage ceiling holds the score (else ``None``): one
    more requirement met often leaves a capped score where it is, so the points are those
    each would add once enough of the profile is covered to lift the cap."""
    p = report.parts
    if p is None or p.ceiling >= p.calibrated:
        return None
    return f"points each would add once the cap at {p.ceiling:.1f} lifts"


def capped_sentence(report: ScoreReport) -> str | None:
    """:func:`capped_note` as a sentence of its own (capitalised, a full stop), for the
    line under a "What to add" heading; ``None`` when the score is not capped."""
    note = capped_note(report)
    return None if note is None else f"{note[0].upper()}{note[1:]}."


def small_note(small: int) -> str:
    """The note counting the items left out of "what to add": each would add less than 0.1
    point. It said "already strong there", which a resume scoring 1/100 was told of the soft
    skills it lacks: a gain is small because the requirement weighs little in the score
    (soft skills are capped) or the score is near its top, not because it is met."""
    return f"{small} more not listed: each would add less than 0.1 point to the score"


def mark_md(s: str) -> str:
    """The evidence term in a Markdown snippet (bold)."""
    return f"**{s}**"


def mark_html(s: str) -> str:
    """The evidence term in an HTML snippet (already escaped)."""
    return f"<mark>{s}</mark>"


# inline Markdown syntax; text never starts a line, so block markers (#, -, 1.) are inert,
# and with [ escaped no link or image can form
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md_piece(s: str) -> str:
    """A piece of document text made inert in Markdown, spaces at its ends kept."""
    flat = re.sub(r"\s+", " ", CONTROL.sub("", s))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def pct(fraction: float) -> str:
    """``0.42`` as ``"42%"``."""
    return f"{fraction * 100:.0f}%"


#: section ids named otherwise in a report: a resume's "Qualifications" heading opens the
#: section a posting's "Requirements" opens, and "requirements:" would read as a posting's
#: word on a resume's evidence
_SECTION_NAMES = {"requirements": "qualifications"}


def section_name(section: str) -> str:
    """The name a report gives a mention's section (``requirements`` reads
    ``qualifications``, the word resumes and postings both use; the others as they are)."""
    return _SECTION_NAMES.get(section, section)


def category_labels(report: ScoreReport) -> dict[str, str]:
    """Category id -> the label a person reads."""
    return {c.id: c.label for c in report.categories}


def degree_label(level: str | None, name: str | None = None) -> str:
    """How a degree level reads (``"no degree detected"`` for none: a resume holding only
    certificates has no degree, and its education is not nothing); a research doctorate
    that is no PhD by the ``name`` the resume gives it: ``"doctorate (EdD)"``,
    ``"doctorate"``."""
    if level == "phd" and name:
        return "doctorate" if name == "doctorate" else f"doctorate ({name})"
    return DEGREE_LABELS.get(level, level) if level else "no degree detected"


def education_line(report: ScoreReport) -> str:
    """The education line: degree, field, and the verdict against the requirement."""
    edu = report.education
    pending = edu.in_progress
    line = degree_label(edu.level, edu.name)
    if edu.level is None and pending is not None:
        line = "none held"
    if edu.field:
        line += f" in {edu.field}"
    if pending is not None:
        # not held, and said so: it meets no required degree
        line += f"; {degree_label(pending.level, pending.name)}"
        line += f" in {pending.field}" if pending.field else ""
        line += " in progress"
    verdicts = []
    if edu.required_level:
        need = degree_label(edu.required_level)
        instead, years = edu.equivalent_years, edu.experience_years
        if instead is not None and not degree_meets(edu.level, edu.required_level):
            # the posting accepts experience in place of the degree
            verdict = "met" if edu.meets_requirement else "not met"
            verdicts.append(
                f"the required {need} or {instead:g}+ years of relevant experience: "
                f"{verdict}, {years or 0.0:g} years in jobs showing a skill it requires"
            )
        else:
            verdict = "meets" if edu.meets_requirement else "below"
            verdicts.append(f"{verdict} the required {need}")
    if edu.preferred_level:
        # a preferred degree scores too (the Education bar): say whether it is held
        verdict = "meets" if edu.meets_preferred else "below"
        verdicts.append(f"{verdict} the preferred {degree_label(edu.preferred_level)}")
    if edu.meets_field is not None:
        # "meets the required bachelor's degree" beside a field asked and missed read as
        # the education met: the field is listed in what to add
        verdicts.append("in a field asked" if edu.meets_field else "not in a field asked")
    return f"{line} ({'; '.join(verdicts)})" if verdicts else line


def match_note(m: MatchedSkill) -> str:
    """``"full"``, ``"full, X counts for K"`` (a broad kind K met by a member X: "full,
    PostgreSQL counts for relational databases"), ``"partial, implied by X"``, or
    ``"partial, native level not shown"`` (a language met by the language the document is
    written in)."""
    if m.match == "partial" and m.evidence == "language":
        return "partial, native level not shown"
    if m.match == "partial":
        via = m.via_name or (m.via or "").replace("_", " ")
        return f"partial, implied by {via}" if via else "partial"
    if m.via is not None:
        # "full, creative problem solving is one" read as a count, or as the resume's words
        return f"full, {m.via_name or m.via.replace('_', ' ')} counts for {m.name}"
    return "full"


def matched_once(report: ScoreReport) -> list[tuple[MatchedSkill, int]]:
    """The matched skills as a reader lists them: each skill once (in its first place),
    with the number of requirements it meets ("Python" meets both "Python" and "Python,
    TensorFlow or PyTorch" of a posting). A partial match and a full one of the same skill
    stay apart. A skill is preferred only when every requirement it meets is."""
    rows: dict[tuple[str, str, str | None], list[MatchedSkill]] = {}
    for m in report.matched:
        rows.setdefault((m.skill_id, m.match, m.via), []).append(m)
    return [(replace(ms[0], required=any(m.required for m in ms)), len(ms)) for ms in rows.values()]


def matched_category(m: MatchedSkill, labels: dict[str, str]) -> str:
    """The category a matched skill is shown in: its requirement's (``labels``: id ->
    label); when the skill's own category differs (a posting's "SQL or Microsoft Access"
    sits in SQL's category), the skill's own first: "Databases and data stores, counted in
    Programming languages", not "Microsoft Access (Programming languages)"."""
    where = labels.get(m.category, m.category)
    return f"{m.skill_category}, counted in {where}" if m.skill_category else where


def preferred_note(m: MatchedSkill) -> str:
    """``"preferred"`` for a skill meeting only preferred requirements, else ``""``: the
    matched list labels them as what to add does (a preferred skill met is no required one
    met: "required 2 of 21 met; preferred 6 of 16" lists eight)."""
    return "" if m.required else "preferred"


def meets_note(n: int) -> str:
    """``""``, or ``"meets N requirements"`` when a skill meets more than one."""
    return f"meets {n} requirements" if n > 1 else ""


def missing_note(m: MissingSkill, report: ScoreReport | None = None) -> str:
    """``"required"`` or ``"preferred"``; when ``report`` is given, for a requirement partly
    met what meets it now (``"required; now partial, implied by A/B testing"``), and for
    years asked how many count (``"required; 2.4 of 4 years count"``,
    :func:`years_count_note`)."""
    note = "required" if m.required else "preferred"
    if report is None:
        return note
    return note + missing_details(m, report)


def missing_details(m: MissingSkill, report: ScoreReport) -> str:
    """What :func:`missing_note` says after "required" or "preferred", each part after
    "; " (:func:`also_meets_note`, :func:`upgrade_note`, :func:`years_count_note`), or
    ``""``: for renderers that show the kind apart (a tag in HTML)."""
    return also_meets_note(m, report) + upgrade_note(m, report) + years_count_note(m, report)


def upgrade_note(m: MissingSkill, report: ScoreReport) -> str:
    """For a requirement partly met by a matched skill, what meets it now, as its matched
    row says it: ``"; now partial, implied by A/B testing"``; ``""`` for any other."""
    row = _partial_rows(report).get(m.requirement)
    return f"; now {match_note(row)}" if row is not None else ""


def years_count_note(m: MissingSkill, report: ScoreReport) -> str:
    """For a requirement of years missing, how many count: ``"; 2.4 of 4 years count"``;
    ``""`` for any other requirement."""
    return "".join(
        f"; {y.years:.1f} of {y.asked:g} years count"
        for y in report.years
        if y.requirement == m.requirement
    )
