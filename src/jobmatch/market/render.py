"""Render a :class:`~jobmatch.market.MarketReport` as HTML, Markdown or JSON.

Pure functions ``MarketReport -> str``. Everything that comes from postings, the resume's
file name or the profile goes through the score report's escaping
(:func:`jobmatch.report.escape_html`, :func:`jobmatch.report.escape_markdown`); the HTML
page has the same Content-Security-Policy (no script, no fetch) and its charts are inline
SVG drawn from numbers only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from ..report import HTML_CSP, HTML_CSS, escape_html, escape_markdown
from .model import DemandView, MarketReport, SalaryStats, SalaryView

__all__ = ["MARKET_FORMATS", "render_market", "render_market_markdown", "render_market_html"]

MARKET_FORMATS = ("html", "markdown", "json")
#: rows of each table (the JSON has every skill of the report)
_ROWS = 25
_CHART_ROWS = 15


def render_market(report: MarketReport, fmt: str) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`MARKET_FORMATS`).

    Raises:
        ValueError: for an unknown ``fmt``.
    """
    renderers: dict[str, Callable[[MarketReport], str]] = {
        "html": render_market_html,
        "markdown": render_market_markdown,
        "json": render_market_json,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown market format {fmt!r}; expected one of {MARKET_FORMATS}")
    return renderers[fmt](report)


def render_market_json(report: MarketReport) -> str:
    """The report as JSON (see ``schemas/market_report.schema.json``), one trailing newline."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _money(x: float) -> str:
    return f"{x:,.0f}"


def _scored(report: MarketReport) -> str:
    if report.resume is None:
        return f"{report.postings:,} postings scored against the profile {report.profile}"
    return f"{report.postings:,} postings, the resume {report.resume} scored against each"


def _counts_line(report: MarketReport) -> str:
    extra = []
    if report.failed:
        extra.append(f"{report.failed:,} could not be read")
    if report.no_skills:
        extra.append(f"{report.no_skills:,} without any skill of the lexicon")
    return "; ".join(extra)


def _best_title(report: MarketReport) -> str:
    return (
        f"Best fits: top quartile, score {report.best_min_score} and above "
        f"({report.best.postings:,} postings)"
    )


# ------------------------------------------------------------------------------ Markdown


def _stated(s: SalaryView, *, of: int | None = None) -> str:
    """``195 (79.6 %; 194 from a salary field)``, or ``of 245 postings`` after the count."""
    where = f"; {s.from_field:,} from a salary field" if s.from_field else ""
    total = f" of {of:,} postings" if of is not None else ""
    return f"{s.stated:,}{total} ({_pct(s.coverage)}{where})"


def _md_view(view: DemandView) -> list[str]:
    md = escape_markdown
    s = view.salary
    lines = [f"{view.postings:,} postings; pay stated in {_stated(s)}.", ""]
    if view.skills:
        lines += [
            "| skill | category | postings | share | required | preferred | often with |",
            "|---|---|---:|---:|---:|---:|---|",
        ]
        for k in view.skills[:_ROWS]:
            often = ", ".join(md(c.name) for c in k.cooccurring) or "-"
            lines.append(
                f"| {md(k.name)} | {md(k.category)} | {k.postings:,} | {_pct(k.share)} |"
                f" {k.required:,} | {k.preferred:,} | {often} |"
            )
        lines.append("")
    if view.categories:
        lines += ["| category | postings | share | required | preferred |"]
        lines += ["|---|---:|---:|---:|---:|"]
        lines += [
            f"| {md(c.label)} | {c.postings:,} | {_pct(c.share)} | {c.required:,} |"
            f" {c.preferred:,} |"
            for c in view.categories
        ]
        lines.append("")
    if s.currencies:
        lines += ["| pay (annual) | postings | low | Q1 | median | Q3 | high |"]
        lines += ["|---|---:|---:|---:|---:|---:|---:|"]
        lines += [
            f"| {md(p.currency)} | {p.postings:,} | {_money(p.low)} | {_money(p.q1)} |"
            f" {_money(p.median)} | {_money(p.q3)} | {_money(p.high)} |"
            for p in s.currencies
        ]
        lines.append("")
    return lines


def render_market_markdown(report: MarketReport) -> str:
    """The report as Markdown (GitHub tables), for a terminal or a pull request."""
    md = escape_markdown
    head = md(_scored(report)) + "."
    if _counts_line(report):
        head += " " + md(_counts_line(report)) + "."
    lines = ["# jobmatch market report", "", head, "", "## All postings", ""]
    lines += _md_view(report.overall)
    if report.best_min_score is not None:
        lines += [f"## {md(_best_title(report))}", ""]
        lines += _md_view(report.best)
    if report.learn_next:
        lines += [
            "## What to learn next",
            "",
            "Skills the resume lacks, by the share of its best fits asking for them x the"
            f" points each adds there; unlocks: postings it alone lifts to"
            f" {report.match_score:g}.",
            "",
            "| skill | best fits | share | points (mean) | value | unlocks |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {md(g.name)} | {g.postings:,} | {_pct(g.share)} | {g.mean_gain:.1f} |"
            f" {g.value:.2f} | {g.unlocks:,} |"
            for g in report.learn_next[:_ROWS]
        ]
        lines.append("")
    lines += _md_profile(report)
    return "\n".join(lines)


def _md_profile(report: MarketReport) -> list[str]:
    md = escape_markdown
    lines: list[str] = []
    if any(lv.salary for lv in report.levels):
        lines += ["## The profile's salary by career level", "", "| level | salary |"]
        lines += ["|---|---|"]
        lines += [f"| {md(lv.label)} | {md(lv.salary or '-')} |" for lv in report.levels]
        lines.append("")
    if report.profile_salary:
        lines += ["## The profile's salary figures (USD)", "", "| role | item | USD |"]
        lines += ["|---|---|---:|"]
        lines += [
            f"| {md(p.role)} | {md(p.item)} | {' - '.join(_money(v) for v in p.usd)} |"
            for p in report.profile_salary
        ]
        lines.append("")
    return lines


# ---------------------------------------------------------------------------------- HTML

_BAR_W, _ROW_H, _LABEL_W = 360, 18, 215
_LABEL_CHARS = 30
_EXTRA_CSS = """
svg{display:block;margin:.4rem 0 1rem}svg text{font:12px system-ui,sans-serif;fill:#1d2330}
.all{fill:#9db7e8}.best{fill:#2f6fdb}.box{fill:#cfe0fb;stroke:#2f6fdb}.whisk{stroke:#566070}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem}
"""


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "\u2026"


def _svg_bars(rows: Sequence[tuple[str, float, float | None]], title: str) -> str:
    """Horizontal bars: share of all postings (light) and of the best fits (dark)."""
    h = _ROW_H * len(rows) + 4
    parts = [
        f'<svg width="{_LABEL_W + _BAR_W + 110}" height="{h}" role="img"'
        f' aria-label="{escape_html(title)}">'
    ]
    for i, (label, share, best) in enumerate(rows):
        y = i * _ROW_H
        parts.append(f'<text x="0" y="{y + 13}">{escape_html(_short(label))}</text>')
        parts.append(
            f'<rect class="all" x="{_LABEL_W}" y="{y + 2}" width="{share * _BAR_W:.1f}"'
            f' height="{_ROW_H // 2 - 1}"/>'
        )
        if best is not None:
            parts.append(
                f'<rect class="best" x="{_LABEL_W}" y="{y + _ROW_H // 2 + 1}"'
                f' width="{best * _BAR_W:.1f}" height="{_ROW_H // 2 - 2}"/>'
            )
        tail = _pct(share) + (f" / {_pct(best)}" if best is not None else "")
        x = _LABEL_W + max(share, best or 0.0) * _BAR_W + 4
        parts.append(f'<text x="{x:.1f}" y="{y + 13}">{escape_html(tail)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _svg_pay(rows: Sequence[tuple[str, SalaryStats]]) -> str:
    """One box (Q1-Q3, median line, low-high whiskers) per view and currency."""
    top = max(p.high for _, p in rows) or 1.0
    scale = _BAR_W / top
    h = 26 * len(rows) + 4
    parts = [f'<svg width="{_LABEL_W + _BAR_W + 80}" height="{h}" role="img" aria-label="pay">']
    for i, (label, p) in enumerate(rows):
        y = i * 26
        x = _LABEL_W
        parts += [
            f'<text x="0" y="{y + 16}">{escape_html(label)}</text>',
            f'<line class="whisk" x1="{x + p.low * scale:.1f}" x2="{x + p.high * scale:.1f}"'
            f' y1="{y + 12}" y2="{y + 12}"/>',
            f'<rect class="box" x="{x + p.q1 * scale:.1f}" y="{y + 4}"'
            f' width="{(p.q3 - p.q1) * scale:.1f}" height="16"/>',
            f'<line class="whisk" x1="{x + p.median * scale:.1f}" x2="{x + p.median * scale:.1f}"'
            f' y1="{y + 4}" y2="{y + 20}"/>',
            f'<text x="{x + p.high * scale + 4:.1f}" y="{y + 16}">'
            f"{escape_html(_money(p.median))}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)


def _html_table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    th = "".join(f"<th>{escape_html(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape_html(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{th}</tr>{body}</table>"


def _html_demand(report: MarketReport) -> list[str]:
    best = {k.skill: k.share for k in report.best.skills} if report.best.postings else None
    rows = [
        (k.name, k.share, best.get(k.skill, 0.0) if best is not None else None)
        for k in report.overall.skills[:_CHART_ROWS]
    ]
    best_c = {c.category: c.share for c in report.best.categories}
    cats = [(c.label, c.share, best_c.get(c.category, 0.0)) for c in report.overall.categories]
    legend = (
        '<p class="legend"><span class="all" style="background:#9db7e8"></span>all postings'
        '<span style="background:#2f6fdb"></span>best fits (top quartile)</p>'
    )
    table = _html_table(
        ("skill", "category", "postings", "share", "required", "preferred", "often with"),
        [
            (
                k.name,
                k.category,
                k.postings,
                _pct(k.share),
                k.required,
                k.preferred,
                ", ".join(c.name for c in k.cooccurring),
            )
            for k in report.overall.skills[:_ROWS]
        ],
    )
    return [
        "<h2>Skills in demand</h2>",
        legend,
        _svg_bars(rows, "skills"),
        "<h2>Categories</h2>",
        _svg_bars(cats, "categories"),
        "<h2>Skills</h2>",
        table,
    ]


def _html_pay(report: MarketReport) -> list[str]:
    o, b = report.overall.salary, report.best.salary
    out = [
        "<h2>Pay</h2>",
        f"<p>Pay stated in {_stated(o, of=report.overall.postings)};"
        " annual, the middle of each range; hourly x 2,080.</p>",
    ]
    rows = [(f"all, {p.currency}", p) for p in o.currencies]
    rows += [(f"best fits, {p.currency}", p) for p in b.currencies]
    if rows:
        out.append(_svg_pay(rows))
        out.append(
            _html_table(
                ("view", "postings", "low", "Q1", "median", "Q3", "high"),
                [
                    (v, p.postings, *map(_money, (p.low, p.q1, p.median, p.q3, p.high)))
                    for v, p in rows
                ],
            )
        )
    levels = [(lv.label, lv.salary) for lv in report.levels if lv.salary]
    if levels:
        out += ["<h2>The profile's salary by career level</h2>"]
        out.append(_html_table(("level", "salary"), levels))
    return out


def render_market_html(report: MarketReport) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG; no script, no fetch)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{HTML_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>jobmatch market report</title>",
        f"<style>{HTML_CSS}{_EXTRA_CSS}</style></head><body>",
        "<h1>jobmatch market report</h1>",
        f'<p class="meta">{escape_html(_scored(report))}</p>',
    ]
    if _counts_line(report):
        parts.append(f'<p class="meta">{escape_html(_counts_line(report))}</p>')
    if report.best_min_score is not None:
        parts.append(f'<p class="meta">{escape_html(_best_title(report))}</p>')
    parts += _html_demand(report)
    if report.learn_next:
        parts += [
            "<h2>What to learn next</h2>",
            _html_table(
                ("skill", "best fits", "share", "points (mean)", "value", "unlocks"),
                [
                    (
                        g.name,
                        g.postings,
                        _pct(g.share),
                        f"{g.mean_gain:.1f}",
                        f"{g.value:.2f}",
                        g.unlocks,
                    )
                    for g in report.learn_next[:_ROWS]
                ],
            ),
        ]
    parts += _html_pay(report)
    parts.append("<footer>generated by jobmatch</footer></body></html>")
    return "\n".join(parts) + "\n"
