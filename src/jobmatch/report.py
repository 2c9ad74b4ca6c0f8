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

import html
import json
from collections.abc import Callable

from .models import CategoryCoverage, MatchedSkill, MissingSkill, ScoreReport
from .report_facts import career_line, role_line
from .report_parts import (
    CONTROL,
    DEGREE_LABELS,
    category_band,
    file_name,
    highlight,
    made_of,
    mark_html,
    mark_md,
    md_piece,
    small_note,
    split_missing,
    terminal_line,
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


# ------------------------------------------------------------------------------ shared


def _pct(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


def _labels(report: ScoreReport) -> dict[str, str]:
    return {c.id: c.label for c in report.categories}


def _degree(level: str | None) -> str:
    return DEGREE_LABELS.get(level, level) if level else "none detected"


def _education_line(report: ScoreReport) -> str:
    edu = report.education
    line = _degree(edu.level)
    if edu.field:
        line += f" in {edu.field}"
    if edu.required_level:
        verdict = "meets" if edu.meets_requirement else "below"
        line += f" ({verdict} the required {_degree(edu.required_level)})"
    return line


def _career_line(report: ScoreReport) -> str:
    return career_line(report.career)


def _match_note(m: MatchedSkill) -> str:
    if m.match == "partial":
        via = m.via_name or (m.via or "").replace("_", " ")
        return f"partial, implied by {via}" if via else "partial"
    return "full"


def _missing_note(m: MissingSkill) -> str:
    return "required" if m.required else "preferred"


def _score_band(score: float) -> str:
    return "strong" if score >= 70 else "partial" if score >= 40 else "weak"


# -------------------------------------------------------------------------------- text

_ANSI = {"red": 31, "green": 32, "yellow": 33, "cyan": 36}


def _paint(s: str, color: bool, fg: str | None = None, bold: bool = False) -> str:
    if not color:
        return s
    codes = ([1] if bold else []) + ([_ANSI[fg]] if fg else [])
    return f"\x1b[{';'.join(map(str, codes))}m{s}\x1b[0m" if codes else s


def _band_color(score: float) -> str:
    return {"strong": "green", "partial": "yellow", "weak": "red"}[_score_band(score)]


def _bar(fraction: float, width: int = 20) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "#" * filled + "." * (width - filled)


_BAND_COLOR = {"strong": "green", "partial": "yellow", "weak": "red", "optional": "cyan"}


def render_text(report: ScoreReport, *, color: bool = False) -> str:
    """``report`` as a terminal report (str); ANSI colour only when ``color`` is true."""

    def head(s: str) -> str:
        return _paint(s, color, bold=True)

    labels = _labels(report)
    out: list[str] = []
    score = _paint(f"{report.score:.1f}/100", color, _band_color(report.score), bold=True)
    out.append(f"{head('Score')} {score} ({_score_band(report.score)} match)")
    source, profile = terminal_line(file_name(report.source)), terminal_line(report.profile)
    out.append(f"  {source} against profile {profile}")
    out += [f"  {line}" for line in made_of(report)]
    if report.categories:
        out += ["", head("Categories (colour: what each requires)")]
        for c in report.categories:
            bar = _paint(_bar(c.coverage), color, _BAND_COLOR[category_band(report, c)])
            out.append(
                f"  {_pct(c.coverage):>4} {bar}  {terminal_line(c.label)} (weight {c.weight:g})"
            )
    if report.matched:
        out += ["", head(f"Matched skills ({len(report.matched)})")]
        for m in report.matched[:_MAX_MATCHED]:
            mark = _paint(
                "~" if m.match == "partial" else "+",
                color,
                "yellow" if m.match == "partial" else "green",
            )
            extra = f" [{_match_note(m)}]" if m.match == "partial" else ""
            cat = terminal_line(labels.get(m.category, m.category))
            out.append(f"  {mark} {terminal_line(m.name)} ({cat}){extra}")
            text = highlight(
                m.snippet,
                m.highlight,
                lambda t: _paint(t, color, "cyan", bold=True) if color else f"*{t}*",
                lambda t: CONTROL.sub("", t),
            )
            out.append(f"      {terminal_line(m.section)}: {text}")
        if len(report.matched) > _MAX_MATCHED:
            out.append(f"  ... and {len(report.matched) - _MAX_MATCHED} more (see --format json)")
    to_add, upgrades, small = split_missing(report)
    for title, items in (
        ("What to add (points each would add)", to_add),
        ("Upgrades (partly met: name the skill itself)", upgrades),
    ):
        if not items:
            continue
        out += ["", head(title)]
        for ms in items[:_MAX_MISSING]:
            gain = _paint(f"+{ms.gain:.1f}", color, "red" if ms.required else "yellow")
            cat = terminal_line(labels.get(ms.category, ms.category))
            out.append(
                f"  {gain:>5} {terminal_line(ms.name)} ({cat}; {terminal_line(_missing_note(ms))})"
            )
        if len(items) > _MAX_MISSING:
            out.append(f"  ... and {len(items) - _MAX_MISSING} more (see --format json)")
    if small:
        out.append(f"  ({small_note(small)})")
    out += ["", f"{head('Education')}  {terminal_line(_education_line(report))}"]
    out.append(f"{head('Experience')} {terminal_line(_career_line(report))}")
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
    labels = _labels(report)
    out = [
        f"# jobmatch score: {report.score:.1f}/100 ({_score_band(report.score)} match)",
        "",
        f"- Document: {_md(file_name(report.source))}",
        f"- Profile: {_md(report.profile)} {_md(report.profile_version)}",
        *(f"- {_md(line.strip())}" for line in (made_of(report) if report.parts else [])),
        f"- Coverage: {report.coverage:.4f}; TF-IDF similarity: {report.similarity:.4f}",
        f"- Education: {_md(_education_line(report))}",
        f"- Experience: {_md(_career_line(report))}",
        f"- Lexicon: {_md(report.lexicon_version)}",
    ]
    if report.categories:
        out += ["", "## Categories", "", "| Category | Coverage | Weight |", "|---|---:|---:|"]
        out += [
            f"| {_md(c.label)} | {_pct(c.coverage)} | {c.weight:g} |" for c in report.categories
        ]
    if report.matched:
        out += [
            "",
            f"## Matched skills ({len(report.matched)})",
            "",
            "| Skill | Category | Match | Section | Evidence |",
            "|---|---|---|---|---|",
        ]
        out += [
            f"| {_md(m.name)} | {_md(labels.get(m.category, m.category))} | "
            f"{_md(_match_note(m))} | {_md(m.section)} | "
            f"{highlight(m.snippet, m.highlight, mark_md, md_piece)} |"
            for m in report.matched
        ]
    to_add, upgrades, small = split_missing(report)
    for title, items in (("What to add", to_add), ("Upgrades (partly met)", upgrades)):
        if not items:
            continue
        out += [
            "",
            f"## {title}",
            "",
            "| Skill | Category | Requirement | Points |",
            "|---|---|---|---:|",
        ]
        out += [
            f"| {_md(m.name)} | {_md(labels.get(m.category, m.category))} | "
            f"{_md(_missing_note(m))} | +{m.gain:.1f} |"
            for m in items
        ]
    if small:
        out += ["", f"_{_md(small_note(small))}_"]
    if report.career.roles:
        out += ["", "## Roles", ""] + [f"- {_md(role_line(r))}" for r in report.career.roles]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- {_md(w)}" for w in report.warnings]
    return "\n".join(out) + "\n"


# -------------------------------------------------------------------------------- html

# No script, no external fetch of any kind: even a value that escaped escaping could not run.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:60rem;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:2rem 0 .6rem;
border-bottom:1px solid #dde1e8;padding-bottom:.2rem}
.meta{color:#566070;margin:.1rem 0}.score{font-size:2.6rem;font-weight:700}
.strong{color:#17803d}.partial{color:#a36800}.weak{color:#b42318}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #eceff3;vertical-align:top}th{background:#f5f7fa;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.bar{background:#eceff3;border-radius:3px;height:.9rem;min-width:8rem;position:relative}
.fill{height:100%;border-radius:3px;background:#2f6fdb}
.fill.weak{background:#d9534f}.fill.partial{background:#e0a030}.fill.strong{background:#2e9e5b}
.fill.optional{background:#8a9ab0}mark{background:#fff1a8}
.snippet{color:#3a4250;font-size:.9rem}.tag{font-size:.8rem;padding:0 .35rem;
border-radius:3px;background:#eceff3}.tag.req{background:#fde2e1}.tag.partial{background:#fff1cc}
ul.warn li{color:#8a5a00}footer{margin-top:2rem;color:#7a8494;font-size:.85rem}
"""


def _h(s: object) -> str:
    """Every value that reaches the HTML page goes through this (quotes included)."""
    return html.escape(str(s), quote=True)


def _html_category(c: CategoryCoverage, band: str) -> str:
    width = f"{max(0.0, min(1.0, c.coverage)) * 100:.1f}"
    return (
        f"<tr><td>{_h(c.label)}</td>"
        f'<td><div class="bar" role="img" aria-label="{_h(_pct(c.coverage))}">'
        f'<div class="fill {band}" style="width:{width}%"></div></div></td>'
        f'<td class="num">{_h(_pct(c.coverage))}</td><td class="num">{c.weight:g}</td></tr>'
    )


def _html_matched(m: MatchedSkill, labels: dict[str, str]) -> str:
    tag = f' <span class="tag partial">{_h(_match_note(m))}</span>' if m.match == "partial" else ""
    return (
        f"<tr><td>{_h(m.name)}{tag}</td><td>{_h(labels.get(m.category, m.category))}</td>"
        f'<td>{_h(m.section)}</td><td class="snippet">'
        f"{highlight(m.snippet, m.highlight, mark_html, _h)}</td></tr>"
    )


def _html_missing(m: MissingSkill, labels: dict[str, str]) -> str:
    kind = (
        '<span class="tag req">required</span>'
        if m.required
        else '<span class="tag">preferred</span>'
    )
    return (
        f"<tr><td>{_h(m.name)}</td><td>{_h(labels.get(m.category, m.category))}</td>"
        f'<td>{kind}</td><td class="num">+{m.gain:.1f}</td></tr>'
    )


def render_html(report: ScoreReport) -> str:
    """``report`` as one self-contained HTML page (str): inline CSS, no script or asset."""
    labels = _labels(report)
    band = _score_band(report.score)
    title = f"jobmatch: {file_name(report.source)}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(file_name(report.source))}</h1>",
        f'<p class="meta">against profile {_h(report.profile)} {_h(report.profile_version)}</p>',
        f'<p><span class="score {band}">{report.score:.1f}</span> / 100 '
        f'<span class="{band}">({band} match)</span></p>',
        *(f'<p class="meta">{_h(line.strip())}</p>' for line in made_of(report)),
    ]
    if report.categories:
        parts += [
            "<h2>Coverage by category</h2>",
            '<table><thead><tr><th>Category</th><th>Coverage</th><th class="num">%</th>'
            '<th class="num">Weight</th></tr></thead><tbody>',
            *(_html_category(c, category_band(report, c)) for c in report.categories),
            "</tbody></table>",
        ]
    if report.matched:
        parts += [
            f"<h2>Matched skills ({len(report.matched)})</h2>",
            "<table><thead><tr><th>Skill</th><th>Category</th><th>Section</th>"
            "<th>Evidence</th></tr></thead><tbody>",
            *(_html_matched(m, labels) for m in report.matched),
            "</tbody></table>",
        ]
    to_add, upgrades, small = split_missing(report)
    for title, items in (("What to add", to_add), ("Upgrades (partly met)", upgrades)):
        if items:
            parts += [
                f"<h2>{title}</h2>",
                "<table><thead><tr><th>Skill</th><th>Category</th><th>Requirement</th>"
                '<th class="num">Points</th></tr></thead><tbody>',
                *(_html_missing(m, labels) for m in items),
                "</tbody></table>",
            ]
    if small:
        parts.append(f'<p class="meta">{_h(small_note(small))}</p>')
    parts += [
        "<h2>Education and experience</h2>",
        f"<p>Education: {_h(_education_line(report))}</p>",
    ]
    if report.education.evidence:
        parts.append(f'<p class="snippet">{_h(report.education.evidence)}</p>')
    parts.append(f"<p>Experience: {_h(_career_line(report))}</p>")
    if report.career.roles:
        parts.append("<ul>")
        parts += [f"<li>{_h(role_line(r))}</li>" for r in report.career.roles]
        parts.append("</ul>")
    if report.career.salary_reference:
        parts.append(f"<p>Salary reference: {_h(report.career.salary_reference)}</p>")
    if report.warnings:
        parts += ["<h2>Warnings</h2>", '<ul class="warn">']
        parts += [f"<li>{_h(w)}</li>" for w in report.warnings]
        parts.append("</ul>")
    parts += [
        f"<footer>profile {_h(report.profile)} {_h(report.profile_version)} &middot; "
        f"lexicon {_h(report.lexicon_version)} &middot; generated by jobmatch</footer>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


# -------------------------------------------------------------------------------- json


def render_json(report: ScoreReport) -> str:
    """``report.to_dict()`` as an indented JSON str (``score`` is the first key)."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------- shared with other renderers
#: the Content-Security-Policy and style of every jobmatch HTML page (the market report's too)
HTML_CSP = _CSP
HTML_CSS = _CSS


def escape_html(s: object) -> str:
    """``s`` made inert in HTML text and attribute values (quotes included)."""
    return _h(s)


def escape_markdown(s: str) -> str:
    """Posting or document text made inert in Markdown: one line, entities, escapes."""
    return _md(s)
