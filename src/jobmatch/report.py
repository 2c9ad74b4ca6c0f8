"""Render a :class:`~jobmatch.models.ScoreReport` as text, Markdown, HTML or JSON.

Every renderer is a pure function ``ScoreReport -> str``; none does I/O and none imports
click (the CLI decides where the string goes and whether the terminal takes colour).

Document text (snippets, degree lines, role titles, warnings, the source name) comes from
strangers, so each renderer neutralises it for its medium: control characters are dropped
from the terminal report (no escape-sequence injection), Markdown gets HTML entities and
backslash escapes, and HTML gets :func:`html.escape` on every value plus a
Content-Security-Policy that forbids scripts and any external fetch.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .models import ScoreReport
from .report_facts import career_line, role_line, years_lines
from .report_html import HTML_CSP, HTML_CSS, escape_html, render_html
from .report_parts import (
    CONTROL,
    capped_note,
    capped_sentence,
    category_band,
    category_labels,
    cosine_note,
    education_line,
    file_name,
    has_note,
    highlight,
    made_of,
    mark_md,
    match_note,
    matched_category,
    matched_once,
    md_piece,
    meets_note,
    missing_note,
    pct,
    preferred_note,
    section_name,
    small_note,
    split_missing,
    terminal_line,
    unlisted_note,
    verdict,
)

__all__ = [
    "FORMATS",
    "render",
    "render_text",
    "render_markdown",
    "render_html",
    "render_json",
    "HTML_CSP",
    "HTML_CSS",
    "escape_html",
    "escape_markdown",
]

FORMATS = ("text", "json", "markdown", "html")

_MAX_MATCHED = 40
_MAX_MISSING = 15


def render(report: ScoreReport, fmt: str, *, color: bool = False) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`); ``color`` only affects text.

    Returns the rendered string. Raises ``ValueError`` for an unknown ``fmt``.
    """
    if fmt == "text":
        return render_text(report, color=color)
    renderers: dict[str, Callable[[ScoreReport], str]] = {
        "json": render_json,
        "markdown": render_markdown,
        "html": render_html,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderers[fmt](report)


# -------------------------------------------------------------------------------- text

_ANSI = {"red": 31, "green": 32, "yellow": 33, "cyan": 36}


def _paint(s: str, color: bool, fg: str | None = None, bold: bool = False) -> str:
    if not color:
        return s
    codes = ([1] if bold else []) + ([_ANSI[fg]] if fg else [])
    return f"\x1b[{';'.join(map(str, codes))}m{s}\x1b[0m" if codes else s


def _bar(fraction: float, width: int = 20) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "#" * filled + "." * (width - filled)


_BAND_COLOR = {"strong": "green", "partial": "yellow", "weak": "red", "optional": "cyan"}


def _own_stars(text: str) -> str:
    """``text`` with its own asterisks (a resume's "*" bullets) as bullets: the plain report
    marks the evidence with "*", and "*Analytical *problem solving* *" read as marks."""
    return text.replace("*", "\u2022")


def render_text(report: ScoreReport, *, color: bool = False) -> str:
    """``report`` as a terminal report (str); ANSI colour only when ``color`` is true."""

    def head(s: str) -> str:
        return _paint(s, color, bold=True)

    labels = category_labels(report)
    out: list[str] = []
    band, said = verdict(report)
    score = _paint(f"{report.score:.1f}/100", color, _BAND_COLOR[band], bold=True)
    out.append(f"{head('Score')} {score} ({said})")
    source, profile = terminal_line(file_name(report.source)), terminal_line(report.profile)
    out.append(f"  {source} against profile {profile}")
    out += [f"  {line}" for line in made_of(report)]
    if report.categories:
        # the colour key only where there is colour: a plain report has none to explain
        out += ["", head("Categories (colour: what each requires)" if color else "Categories")]
        for c in report.categories:
            bar = _paint(_bar(c.coverage), color, _BAND_COLOR[category_band(report, c)])
            out.append(
                f"  {pct(c.coverage):>4} {bar}  {terminal_line(c.label)} (weight {c.weight:g})"
            )
    rows, unlisted = matched_once(report), unlisted_note(report)
    if rows or unlisted:
        out += ["", head(f"Matched skills ({len(rows)})")]
        out += [f"  ({unlisted})"] if unlisted else []
        for m, n in rows[:_MAX_MATCHED]:
            mark = _paint(
                "~" if m.match == "partial" else "+",
                color,
                "yellow" if m.match == "partial" else "green",
            )
            extra = f" [{match_note(m)}]" if has_note(m) else ""
            cat = terminal_line(matched_category(m, labels))
            meets = f"; {meets_note(n)}" if n > 1 else ""
            meets += f"; {preferred_note(m)}" if not m.required else ""
            out.append(f"  {mark} {terminal_line(m.name)} ({cat}{meets}){extra}")
            text = highlight(
                m.snippet,
                m.highlight,
                lambda t: _paint(t, color, "cyan", bold=True) if color else f"*{t}*",
                lambda t: CONTROL.sub("", t) if color else _own_stars(CONTROL.sub("", t)),
            )
            out.append(f"      {terminal_line(section_name(m.section))}: {text}")
        if len(rows) > _MAX_MATCHED:
            out.append(f"  ... and {len(rows) - _MAX_MATCHED} more (see --format json)")
    to_add, upgrades, small = split_missing(report)
    for title, items in (
        (f"What to add ({capped_note(report) or 'points each would add'})", to_add),
        ("Upgrades (partly met: name the skill itself)", upgrades),
    ):
        if not items:
            continue
        out += ["", head(title)]
        for ms in items[:_MAX_MISSING]:
            gain = _paint(f"+{ms.gain:.1f}", color, "red" if ms.required else "yellow")
            cat = terminal_line(labels.get(ms.category, ms.category))
            note = terminal_line(missing_note(ms, report))
            out.append(f"  {gain:>5} {terminal_line(ms.name)} ({cat}; {note})")
        if len(items) > _MAX_MISSING:
            out.append(f"  ... and {len(items) - _MAX_MISSING} more (see --format json)")
    if small:
        out.append(f"  ({small_note(small)})")
    out += ["", f"{head('Education')}  {terminal_line(education_line(report))}"]
    out.append(f"{head('Experience')} {terminal_line(career_line(report.career))}")
    out += [f"  note: {terminal_line(n)}" for n in report.career.notes]
    for y in report.years:
        line, job_rows = years_lines(y)
        out.append(f"  {terminal_line(line)}")
        out += [f"    {terminal_line(r)}" for r in job_rows]
    if report.career.salary_reference:
        out.append(f"  salary reference: {terminal_line(report.career.salary_reference)}")
    if report.warnings:
        out += ["", _paint("Warnings", color, "yellow", bold=True)]
        out += [f"  - {terminal_line(w)}" for w in report.warnings]
    out += [
        "",
        f"profile {terminal_line(report.profile)} {terminal_line(report.profile_version)}, "
        f"lexicon {terminal_line(report.lexicon_version)}",
    ]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------- markdown


def _md(s: str) -> str:
    """Document text made inert in Markdown: one line, HTML entities, punctuation escaped."""
    return md_piece(terminal_line(s))


def render_markdown(report: ScoreReport) -> str:
    """``report`` as Markdown (str; GitHub-flavoured tables, document text escaped)."""
    labels = category_labels(report)
    out = [
        f"# jobmatch score: {report.score:.1f}/100 ({verdict(report)[1]})",
        "",
        f"- Document: {_md(file_name(report.source))}",
        f"- Profile: {_md(report.profile)} {_md(report.profile_version)}",
        *(f"- {_md(line.strip())}" for line in (made_of(report) if report.parts else [])),
        f"- Coverage: {report.coverage:.4f}; {cosine_note(report)}",
        f"- Education: {_md(education_line(report))}",
        f"- Experience: {_md(career_line(report.career))}",
        *(f"  - note: {_md(n)}" for n in report.career.notes),
        f"- Lexicon: {_md(report.lexicon_version)}",
    ]
    if report.categories:
        out += ["", "## Categories", "", "| Category | Coverage | Weight |", "|---|---:|---:|"]
        out += [f"| {_md(c.label)} | {pct(c.coverage)} | {c.weight:g} |" for c in report.categories]
    rows, unlisted = matched_once(report), unlisted_note(report)
    if unlisted and not rows:
        out += ["", "## Matched skills (0)", "", f"_{_md(unlisted)}._"]
    if rows:
        out += [
            "",
            f"## Matched skills ({len(rows)})",
            "",
            *([f"_{_md(unlisted)}._", ""] if unlisted else []),
            "| Skill | Category | Match | Section | Evidence |",
            "|---|---|---|---|---|",
        ]
        out += [
            f"| {_md(m.name)} | {_md(matched_category(m, labels))} | "
            f"{_md(', '.join(filter(None, (match_note(m), meets_note(n), preferred_note(m)))))}"
            f" | {_md(section_name(m.section))} | "
            f"{highlight(m.snippet, m.highlight, mark_md, md_piece)} |"
            for m, n in rows
        ]
    to_add, upgrades, small = split_missing(report)
    for title, items in (("What to add", to_add), ("Upgrades (partly met)", upgrades)):
        if not items:
            continue
        note = capped_sentence(report) if items is to_add else None
        out += [
            "",
            f"## {title}",
            "",
            *([f"_{_md(note)}_", ""] if note else []),
            # "Requirement" read as the requirement's text (the HTML column was renamed so)
            "| Skill | Category | Required or preferred | Points |",
            "|---|---|---|---:|",
        ]
        out += [
            f"| {_md(m.name)} | {_md(labels.get(m.category, m.category))} | "
            f"{_md(missing_note(m, report))} | +{m.gain:.1f} |"
            for m in items
        ]
    if small:
        out += ["", f"_{_md(small_note(small))}_"]
    if report.years:
        out += ["", "## Years asked", ""]
        for y in report.years:
            line, job_rows = years_lines(y)
            out += [f"- {_md(line)}", *(f"  - {_md(r)}" for r in job_rows)]
    if report.career.roles:
        out += ["", "## Roles", ""] + [f"- {_md(role_line(r))}" for r in report.career.roles]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- {_md(w)}" for w in report.warnings]
    return "\n".join(out) + "\n"


# -------------------------------------------------------------------------------- json


def render_json(report: ScoreReport) -> str:
    """``report.to_dict()`` as an indented JSON str (``score`` is the first key)."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------- shared with other renderers


def escape_markdown(s: str) -> str:
    """Posting or document text made inert in Markdown: one line, entities, escapes."""
    return _md(s)
