"""Pay stated in a posting: ``$120K-$150K``, ``$55/hr``, ``120,000 – 150,000 USD a year``.

:func:`parse_salary` reads a salary field (``$64K-$106K (Glassdoor est.)``, ``Employer
Provided Salary:$110K-$130K``) or finds pay in posting text. In text it is conservative: an
amount counts only with a currency (symbol or code) and either a period (``/hr``, ``a
year``...), a thousands suffix (``120K``) or a pay word just before it (salary, pay,
compensation, wage, rate, base); amounts followed by million / billion are funding, not pay.

Annual figures (:attr:`Salary.annual_low` ...) convert other periods with a documented
rule: an hour is 1/2080 of a year (40 hours a week, 52 weeks), a day 1/260, a week 1/52,
a month 1/12. Currencies are kept, never converted or mixed.

(First written by the batch developer for ``jobmatch.batch.salary``; it lives here now, in
the market package that uses it.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Salary", "parse_salary", "PERIODS_PER_YEAR"]

#: how many of each period make a year (the hourly rule: 40 hours x 52 weeks)
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR"}
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "NOK", "DKK", "SEK", "PLN")
_CUR = rf"(?:[$€£₹]|\b(?:{'|'.join(_CODES)}|euros?)\b)"
_NUM = r"\d{1,3}(?:[,.\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"


def _amount(p: str) -> str:
    return rf"(?P<{p}cur>{_CUR})?\s?(?P<{p}num>{_NUM})\s?(?P<{p}k>[kK]\b)?"


_PERIOD = (
    r"(?:\s*(?:/|per|pr\.?|an?|each)\s*(?P<per>hour|hr|h|year|yr|annum|month|mo|week|wk|day)\b"
    r"|\s*(?P<adv>hourly|annually|yearly|monthly|weekly|daily)\b)"
)
_PATTERN = re.compile(
    _amount("a")
    + rf"(?:\s*(?:-|–|—|to)\s*{_amount('b')})?"
    + rf"(?:\s*(?P<code>{_CUR}))?"
    + rf"(?:{_PERIOD})?"
    + r"(?P<big>\s*(?:million|billion|trillion|mm|bn|m)\b)?",
    re.IGNORECASE,
)
#: a cheap first look: no currency anywhere, no pay (most posting texts)
_ANY_CURRENCY = re.compile(_CUR, re.IGNORECASE)
_PAY_WORDS = re.compile(r"\b(?:salary|pay|compensation|wage|rate|base|earn)", re.IGNORECASE)
_ESTIMATE = re.compile(r"\((?P<who>glassdoor|employer)\s+est\.?\)", re.IGNORECASE)
_PERIOD_NAMES = {
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "month": "month",
    "mo": "month",
    "monthly": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "annually": "year",
    "yearly": "year",
}
#: plausible annual pay (any currency): outside it, a figure is not a salary
_ANNUAL_RANGE = (5_000, 2_000_000)


@dataclass(frozen=True, slots=True)
class Salary:
    """Pay read from a posting: a range (``low == high`` for one figure) per period.

    Attributes:
        low: the low end, in ``currency`` per ``period``.
        high: the high end.
        currency: an ISO code (``USD``, ``EUR``, ``GBP``...).
        period: ``hour``, ``day``, ``week``, ``month`` or ``year``.
        estimate: who estimated it (``glassdoor``, ``employer``), ``None`` when stated.
        text: the words it was read from.
        from_field: read from a salary field / column (``parse_salary(..., field=True)``),
            not found in a posting's text.
    """

    low: float
    high: float
    currency: str
    period: str
    estimate: str | None = None
    text: str = ""
    from_field: bool = False

    @property
    def annual_low(self) -> float:
        """The low end per year (an hour is 1/2080 of a year; see the module)."""
        return self.low * PERIODS_PER_YEAR[self.period]

    @property
    def annual_high(self) -> float:
        """The high end per year."""
        return self.high * PERIODS_PER_YEAR[self.period]

    @property
    def annual_mid(self) -> float:
        """The middle of the range per year (what the distributions count)."""
        return (self.annual_low + self.annual_high) / 2


def parse_salary(text: str, *, field: bool = False) -> Salary | None:
    """The first pay figure in ``text``, or ``None``.

    Args:
        text: a salary field's value, or a posting's text.
        field: ``text`` is a salary field: any amount with a currency counts (no pay word
            or period needed; ``-1`` and empty values are no salary).

    Returns:
        The salary, its period ``year`` unless one is stated (or, in a field, ``hour`` for
        figures under 500 without a ``K``), or ``None`` when there is none.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_salary() needs a str, not {type(text).__name__}")
    if _ANY_CURRENCY.search(text) is None:
        return None
    for match in _PATTERN.finditer(text):
        salary = _salary(match, text, field=field)
        if salary is not None:
            return salary
    return None


def _number(raw: str, k: str | None) -> float:
    digits = raw.replace("\u00a0", " ")
    grouped = re.fullmatch(r"(\d{1,3}(?:[,. ]\d{3})+)(?:[.,](\d{1,2}))?", digits)
    if grouped is not None:  # 120,000 / 50.000 / 120 000 (.00 / ,00)
        cents = grouped.group(2)
        value = float(re.sub(r"[,. ]", "", grouped.group(1)) + ("." + cents if cents else ""))
    else:
        value = float(digits.replace(",", "."))  # 55.50 / 156,03
    return value * 1000 if k else value


def _salary(match: re.Match[str], text: str, *, field: bool) -> Salary | None:
    g = match.groupdict()
    currency = g["acur"] or g["bcur"] or g["code"]
    if currency is None or g["big"]:
        return None  # no currency: years, counts...; million/billion: funding, revenue
    low = _number(g["anum"], g["ak"] or g["bk"])
    high = _number(g["bnum"], g["bk"] or g["ak"]) if g["bnum"] else low
    word = g["per"] or g["adv"]
    period = _PERIOD_NAMES[word.lower()] if word else None
    before = text[max(0, match.start() - 60) : match.start()]
    if not field and period is None and not (g["ak"] or g["bk"]) and not _PAY_WORDS.search(before):
        return None
    if period is None:
        period = "hour" if field and high < 500 and not (g["ak"] or g["bk"]) else "year"
    salary = Salary(
        low=min(low, high),
        high=max(low, high),
        currency=_code(currency),
        period=period,
        estimate=_estimate(text),
        text=match.group(0).strip(),
        from_field=field,
    )
    lo, hi = _ANNUAL_RANGE
    if not (lo <= salary.annual_low and salary.annual_high <= hi):
        return None
    return salary


def _code(currency: str) -> str:
    upper = currency.upper()
    if upper.startswith("EURO"):
        return "EUR"
    return upper if upper in _CODES else _SYMBOLS.get(currency, upper)


def _estimate(text: str) -> str | None:
    found = _ESTIMATE.search(text)
    return found.group("who").lower() if found is not None else None
