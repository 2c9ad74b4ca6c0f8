"""The server-rendered page: the form, and the report or the error under it.

Every value that comes from a document or a client goes through :func:`html.escape`. The
page works without JavaScript (a plain multipart form post); ``/static/app.js`` only adds
drag and drop, a busy message and focus on the result. Styles and the script are files
of this origin, so the Content-Security-Policy needs no ``unsafe-inline``; the category
chart is made of ``<meter>`` elements (no inline style).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..models import Limits, ScoreReport
from ..report_facts import career_line, role_line
from ..report_parts import (
    capped_sentence,
    education_line,
    has_note,
    match_note,
    matched_once,
    meets_note,
    missing_details,
    preferred_note,
    section_name,
    small_note,
    split_missing,
    unlisted_note,
    verdict,
)
from .problems import Problem
from .service import Scored

__all__ = ["page"]

_ACCEPT = ".pdf,.docx,.txt,.text,.md,.markdown,.html,.htm"
_LIMITS = Limits()  # the reader's defaults, which the workers use
_MB = 1024 * 1024
#: what a person at the page can do about each refusal (the message says what went wrong;
#: its "raise Limits..." advice is for library users, who set the limits themselves)
_WHAT_TO_DO = {
    "encrypted": 'Type its password in the "PDF password" field and score it again.',
    "no_text_layer": "The PDF holds pictures of text (a scan) and jobmatch does not read"
    " pictures: save the resume as a PDF with text, or as DOCX, from the program that"
    " made it.",
    "unsupported_format": "Choose a PDF, DOCX, plain text, Markdown or HTML file.",
    "too_large": f"Each document may have up to {_LIMITS.max_bytes // _MB} MB: choose a"
    " smaller file.",
    "limit_exceeded": "The file is too long or too complex to read safely here (more than"
    f" {_LIMITS.max_pages} pages, streams that inflate beyond"
    f" {_LIMITS.max_inflated_bytes // _MB} MB, or more than {_LIMITS.timeout_s:g} seconds"
    " of parsing). A resume is a few pages: save only the resume as its own file.",
    "corrupt": "The file is damaged or incomplete: save or download it again.",
    "empty": "The file holds no text: check that you chose the right file.",
    "missing_input": "Choose a resume file first.",
    "unknown_profile": "Choose a role profile from the list.",
    "busy": "Every worker is busy: wait a few seconds and score again.",
}


def _h(value: object) -> str:
    return escape(str(value), quote=True)


def page(
    *,
    profiles: Sequence[tuple[str, str, str]],
    selected: str,
    scored: Scored | None = None,
    problem: Problem | None = None,
    token: str | None = None,
) -> str:
    """The whole page: the form, then the report of ``scored`` or the ``problem``.

    Args:
        profiles: ``(id, name, version)`` of the shipped profiles, for the select box.
        selected: the profile id selected in the form.
        scored: a report to show, with its evidence.
        problem: an error to show instead.
        token: the download token of the report (links to HTML, Markdown, JSON).

    Returns:
        A complete HTML document.
    """
    result = ""
    if problem is not None:
        result = _problem(problem)
    elif scored is not None:
        result = _report(scored, token)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>jobmatch: score a resume</title>",
            '<link rel="stylesheet" href="/static/app.css">',
            '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">',
            '<script src="/static/app.js" defer></script></head><body>',
            '<a class="skip" href="#main">Skip to the form</a>',
            "<header><h1>jobmatch</h1><p>Score a resume against a role profile or a job"
            " posting. Files are read in memory on this server and not kept.</p></header>",
            '<main id="main">',
            _form(profiles, selected),
            result,
            '</main><footer><a href="/docs">API documentation</a></footer>',
            "</body></html>",
        ]
    )


def _form(profiles: Sequence[tuple[str, str, str]], selected: str) -> str:
    options = "".join(
        f'<option value="{_h(pid)}"{" selected" if pid == selected else ""}>'
        f"{_h(name or pid)} ({_h(pid)} {_h(version)})</option>"
        for pid, name, version in profiles
    )
    return f"""<form method="post" action="/" enctype="multipart/form-data" id="score-form">
<div class="drop" id="drop">
<label for="resume">Resume <span class="hint">(PDF, DOCX, TXT, Markdown or HTML)</span></label>
<input type="file" id="resume" name="resume" required accept="{_ACCEPT}"
 aria-describedby="resume-hint">
<p id="resume-hint" class="hint">Choose a file, or drop it on this box.</p>
<label for="password">PDF password <span class="hint">(only for an encrypted PDF)</span></label>
<input type="password" id="password" name="password" autocomplete="off">
</div>
<fieldset><legend>Job posting (optional)</legend>
<label for="posting">Posting file</label>
<input type="file" id="posting" name="posting" accept="{_ACCEPT}">
<label for="posting_text">or paste the posting text</label>
<textarea id="posting_text" name="posting_text" rows="5"></textarea>
</fieldset>
<label for="profile">Role profile</label>
<select id="profile" name="profile" aria-describedby="profile-hint">{options}</select>
<p id="profile-hint" class="hint">Without a posting the resume is scored against this
profile; with one, against the posting's requirements.</p>
<button type="submit" id="submit">Score</button>
<p id="status" role="status" aria-live="polite"></p>
</form>"""


def _problem(problem: Problem) -> str:
    todo = _WHAT_TO_DO.get(problem.error)
    hint = f'<p id="error-hint">{_h(todo)}</p>' if todo else ""
    return (
        '<section id="result" class="error" role="alert" aria-labelledby="result-heading">'
        '<h2 id="result-heading" tabindex="-1">The file could not be scored</h2>'
        f'<p id="error-message">{_h(problem.message)}</p>{hint}'
        f'<p class="hint">Error code: <code>{_h(problem.error)}</code> (HTTP {problem.status})</p>'
        "</section>"
    )


def _report(scored: Scored, token: str | None) -> str:
    r = scored.report
    band, said = verdict(r)
    parts = [
        '<section id="result" aria-labelledby="result-heading">',
        f'<h2 id="result-heading" tabindex="-1">Report for {_h(r.source)}</h2>',
        f'<p class="meta">Profile {_h(r.profile)} {_h(r.profile_version)}</p>',
        f'<p class="score-line"><span class="score {band}" id="score">{r.score:.1f}</span>'
        f' <span class="of">/ 100, {_h(said)}</span></p>',
        f'<p class="meta">coverage {r.coverage:.4f}, TF-IDF similarity {r.similarity:.4f}</p>',
    ]
    if token:
        links = ", ".join(
            f'<a href="/download/{_h(token)}/report.{ext}" download>{label}</a>'
            for ext, label in (("html", "HTML"), ("md", "Markdown"), ("json", "JSON"))
        )
        parts.append(f'<p class="downloads">Download the report: {links}</p>')
    parts += [_categories(r), _matched(scored), _missing(r), _facts(r), _warnings(r)]
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _categories(r: ScoreReport) -> str:
    if not r.categories:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{_h(c.label)}</th><td><meter min="0" max="1" low="0.4"'
        f' high="0.7" optimum="1" value="{c.coverage:.4f}"'
        f' aria-label="Coverage of {_h(c.label)}">{c.coverage:.0%}</meter></td>'
        f'<td class="num">{c.coverage:.0%}</td></tr>'
        for c in r.categories
    )
    return (
        '<h3 id="coverage">Coverage by category</h3><table class="chart">'
        "<thead><tr><th>Category</th><th>Coverage</th>"
        f'<th class="num">%</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _highlight(snippet: str, surface: str | None) -> str:
    at = snippet.lower().find(surface.lower()) if surface else -1
    if surface is None or at < 0:
        return _h(snippet)
    end = at + len(surface)
    return f"{_h(snippet[:at])}<mark>{_h(snippet[at:end])}</mark>{_h(snippet[end:])}"


def _matched(scored: Scored) -> str:
    rows = matched_once(scored.report)
    unlisted = unlisted_note(scored.report)
    # the requirements met without a skill to list (degree, years), as the reports say them
    note = f'<p class="meta">{_h(unlisted)}.</p>' if unlisted else ""
    if not rows:
        return (
            '<h3 id="matched">Matched skills</h3><p>No skill of the profile was found.</p>' + note
        )
    items = "".join(
        f'<li><span class="skill">{_h(m.name)}</span>'
        + (f' <span class="tag">{_h(match_note(m))}</span>' if has_note(m) else "")
        + (f' <span class="tag">{_h(meets_note(n))}</span>' if n > 1 else "")
        + (f' <span class="tag">{_h(preferred_note(m))}</span>' if not m.required else "")
        + f' <span class="where">in {_h(section_name(m.section))}</span>'
        f'<br><q class="snippet">{_highlight(m.snippet, scored.evidence.get(m.skill_id))}</q></li>'
        for m, n in rows
    )
    head = f'<h3 id="matched">Matched skills ({len(rows)})</h3>'
    return f'{head}{note}<ul class="skills">{items}</ul>'


def _missing(r: ScoreReport) -> str:
    """What to add and the upgrades, as the text, Markdown and HTML reports list them
    (:func:`~jobmatch.report_parts.split_missing`): one item a skill meeting several
    requirements, named alternatives (never ids), and the note of each (what else it
    meets, what meets it now, how many years count)."""
    to_add, upgrades, small = split_missing(r)
    out = []
    for title, anchor, items in (
        ("What to add", "missing", to_add),
        ("Upgrades (partly met)", "upgrades", upgrades),
    ):
        if not items:
            continue
        rows = "".join(
            f'<li><span class="skill">{_h(m.name)}</span>'
            f' <span class="tag{" req" if m.required else ""}">'
            f"{'required' if m.required else 'preferred'}</span> +{m.gain:.1f} points"
            + (f'<br><span class="where">{_h(extra[2:])}</span>' if extra else "")
            + "</li>"
            for m in items
            for extra in [missing_details(m, r)]
        )
        note = capped_sentence(r) if items is to_add else None
        meta = f'<p class="meta">{_h(note)}</p>' if note else ""
        out.append(f'<h3 id="{anchor}">{title}</h3>{meta}<ol class="missing">{rows}</ol>')
    if small:
        out.append(f'<p class="meta">{_h(small_note(small))}</p>')
    return "".join(out)


def _facts(r: ScoreReport) -> str:
    degree = education_line(r)
    car = r.career
    roles = "".join(f"<li>{_h(role_line(x))}</li>" for x in car.roles)
    notes = "".join(f'<p class="where">Note: {_h(n)}</p>' for n in car.notes)
    salary = f"<p>Salary reference: {_h(car.salary_reference)}</p>" if car.salary_reference else ""
    return (
        '<h3 id="facts">Education and experience</h3>'
        f"<p>Education: {_h(degree)}</p><p>Experience: {_h(career_line(car))}</p>"
        + (f"<ul>{roles}</ul>" if roles else "")
        + notes
        + salary
    )


def _warnings(r: ScoreReport) -> str:
    if not r.warnings:
        return ""
    items = "".join(f"<li>{_h(w)}</li>" for w in r.warnings)
    return f'<h3 id="warnings">Warnings</h3><ul class="warn">{items}</ul>'
