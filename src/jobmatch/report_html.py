"""Render a :class:`~jobmatch.models.ScoreReport` as one self-contained HTML page.

Every value from a document goes through :func:`html.escape` (quotes included), and the page
carries a Content-Security-Policy that forbids scripts and any external fetch.
"""

from __future__ import annotations

import html

from .models import CategoryCoverage, MatchedSkill, MissingSkill, ScoreReport
from .report_facts import career_line, role_line, years_lines
from .report_parts import (
    capped_sentence,
    category_band,
    category_labels,
    education_line,
    file_name,
    has_note,
    highlight,
    made_of,
    mark_html,
    match_note,
    matched_category,
    matched_once,
    meets_note,
    missing_details,
    pct,
    preferred_note,
    section_name,
    small_note,
    split_missing,
    unlisted_note,
    verdict,
)

__all__ = ["HTML_CSP", "HTML_CSS", "escape_html", "render_html"]


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
        f'<td><div class="bar" role="img" aria-label="{_h(pct(c.coverage))}">'
        f'<div class="fill {band}" style="width:{width}%"></div></div></td>'
        f'<td class="num">{_h(pct(c.coverage))}</td><td class="num">{c.weight:g}</td></tr>'
    )


def _html_matched(m: MatchedSkill, n: int, labels: dict[str, str]) -> str:
    tag = f' <span class="tag {m.match}">{_h(match_note(m))}</span>' if has_note(m) else ""
    if n > 1:
        tag += f' <span class="tag">{_h(meets_note(n))}</span>'
    if not m.required:
        tag += f' <span class="tag">{_h(preferred_note(m))}</span>'

    return (
        f"<tr><td>{_h(m.name)}{tag}</td><td>{_h(matched_category(m, labels))}</td>"
        f'<td>{_h(section_name(m.section))}</td><td class="snippet">'
        f"{highlight(m.snippet, m.highlight, mark_html, _h)}</td></tr>"
    )


def _html_missing(m: MissingSkill, labels: dict[str, str], report: ScoreReport) -> str:
    kind = (
        '<span class="tag req">required</span>'
        if m.required
        else '<span class="tag">preferred</span>'
    )
    # years asked say how many count, as in text and Markdown ("required; 1.2 of 4 years
    # count"): "4+ years of experience in React ... required +5.8" did not say
    kind += _h(missing_details(m, report))
    return (
        f"<tr><td>{_h(m.name)}</td><td>{_h(labels.get(m.category, m.category))}</td>"
        f'<td>{kind}</td><td class="num">+{m.gain:.1f}</td></tr>'
    )


def render_html(report: ScoreReport) -> str:
    """``report`` as one self-contained HTML page (str): inline CSS, no script or asset."""
    labels = category_labels(report)
    band, said = verdict(report)
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
        f'<span class="{band}">({_h(said)})</span></p>',
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
    rows, unlisted = matched_once(report), unlisted_note(report)
    if rows or unlisted:
        parts.append(f"<h2>Matched skills ({len(rows)})</h2>")
        if unlisted:
            parts.append(f'<p class="meta">{_h(unlisted)}.</p>')
    if rows:
        parts += [
            "<table><thead><tr><th>Skill</th><th>Category</th><th>Section</th>"
            "<th>Evidence</th></tr></thead><tbody>",
            *(_html_matched(m, n, labels) for m, n in rows),
            "</tbody></table>",
        ]
    to_add, upgrades, small = split_missing(report)
    for title, items in (("What to add", to_add), ("Upgrades (partly met)", upgrades)):
        if items:
            note = capped_sentence(report) if items is to_add else None
            parts += [
                f"<h2>{title}</h2>",
                *([f'<p class="meta">{_h(note)}</p>'] if note else []),
                # the column tells a required skill from a preferred one: "Requirement" read as
                # the requirement's text
                "<table><thead><tr><th>Skill</th><th>Category</th>"
                "<th>Required or preferred</th>"
                '<th class="num">Points</th></tr></thead><tbody>',
                *(_html_missing(m, labels, report) for m in items),
                "</tbody></table>",
            ]
    if small:
        parts.append(f'<p class="meta">{_h(small_note(small))}</p>')
    parts += [
        "<h2>Education and experience</h2>",
        f"<p>Education: {_h(education_line(report))}</p>",
    ]
    if report.education.evidence:
        parts.append(f'<p class="snippet">{_h(report.education.evidence)}</p>')
    parts.append(f"<p>Experience: {_h(career_line(report.career))}</p>")
    parts += [f'<p class="snippet">Note: {_h(n)}</p>' for n in report.career.notes]
    if report.career.roles:
        parts.append("<ul>")
        parts += [f"<li>{_h(role_line(r))}</li>" for r in report.career.roles]
        parts.append("</ul>")
    for y in report.years:
        line, job_rows = years_lines(y)
        parts.append(f"<p>{_h(line)}</p>")
        if job_rows:
            parts += ["<ul>", *(f"<li>{_h(r)}</li>" for r in job_rows), "</ul>"]
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


#: the Content-Security-Policy and style of every jobmatch HTML page (the market report's too)
HTML_CSP = _CSP
HTML_CSS = _CSS


def escape_html(s: object) -> str:
    """``s`` made inert in HTML text and attribute values (quotes included)."""
    return _h(s)
