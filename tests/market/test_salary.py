"""Pay read from salary fields and posting text: ranges, periods, currencies, non-pay."""

from __future__ import annotations

import pytest

from jobmatch.market.salary import Salary, parse_salary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay: $55/hr", (55, 55, "USD", "hour")),
        ("$25 - $30 per hour", (25, 30, "USD", "hour")),
        ("120,000 – 150,000 USD a year", (120_000, 150_000, "USD", "year")),
        ("$120K-$150K", (120_000, 150_000, "USD", "year")),
        ("Compensation: £63k - 80k", (63_000, 80_000, "GBP", "year")),
        ("Salary: €50.000 - €60.000", (50_000, 60_000, "EUR", "year")),
        ("base salary of $150,000", (150_000, 150_000, "USD", "year")),
        ("We pay $4,500 monthly", (4_500, 4_500, "USD", "month")),
        ("Salary: Minimum 156,03 NOK pr hour", (156.03, 156.03, "NOK", "hour")),
        ("a salary of 1000 Euro/month", (1000, 1000, "EUR", "month")),
    ],
)
def test_pay_in_text(text: str, expected: tuple[float, float, str, str]) -> None:
    s = parse_salary(text)
    assert s is not None
    assert (s.low, s.high, s.currency, s.period) == expected


@pytest.mark.parametrize(
    "text",
    [
        "which totaled over $70 billion for fiscal 2019",
        "Backed by $93MM in venture funding",
        "$7.1 million annually in extramural funding",
        "5-10 years of experience",
        "In 2019 we had 1,200 customers",
        "a $5 gift card",  # no pay word, period or K; and implausible as a salary
        "",
    ],
)
def test_amounts_that_are_not_pay(text: str) -> None:
    assert parse_salary(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("$64K-$106K (Glassdoor est.)", (64_000, 106_000, "year", "glassdoor")),
        ("$80K-$105K(Employer est.)", (80_000, 105_000, "year", "employer")),
        ("Employer Provided Salary:$110K-$130K", (110_000, 130_000, "year", None)),
        ("$17-$27 Per Hour(Glassdoor est.)", (17, 27, "hour", "glassdoor")),
        ("$45", (45, 45, "hour", None)),  # a field figure under 500: hourly
    ],
)
def test_salary_fields(value: str, expected: tuple[float, float, str, str | None]) -> None:
    s = parse_salary(value, field=True)
    assert s is not None
    assert (s.low, s.high, s.period, s.estimate) == expected
    assert s.currency == "USD"


@pytest.mark.parametrize("value", ["-1", "", "n/a", "competitive"])
def test_empty_salary_fields(value: str) -> None:
    assert parse_salary(value, field=True) is None


def test_annual_figures_follow_the_documented_rule() -> None:
    s = Salary(low=50, high=60, currency="USD", period="hour")
    assert (s.annual_low, s.annual_high, s.annual_mid) == (104_000, 124_800, 114_400)
    assert Salary(low=4000, high=4000, currency="EUR", period="month").annual_mid == 48_000


def test_a_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_salary(120000)  # type: ignore[arg-type]
