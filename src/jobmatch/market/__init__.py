"""The market view of many postings: skill demand, a resume's gaps, pay (``jobmatch market``).

:func:`market_report` reads postings once and builds a :class:`MarketReport` from counts
(memory bounded by the lexicon and the pay range, not the number of postings);
:func:`render_market` writes it as HTML, Markdown or JSON.
"""

from __future__ import annotations

from .build import MATCH_SCORE, market_report
from .model import MarketReport
from .postings import Posting, iter_postings
from .render import MARKET_FORMATS, render_market
from .salary import Salary, parse_salary

__all__ = [
    "MATCH_SCORE",
    "MARKET_FORMATS",
    "MarketReport",
    "Posting",
    "Salary",
    "iter_postings",
    "market_report",
    "parse_salary",
    "render_market",
]
