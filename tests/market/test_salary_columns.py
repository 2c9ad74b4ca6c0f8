"""The pay of a salary column / field: CSV and JSON lines alike, found by name, over the text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.market import Posting, iter_postings, market_report
from jobmatch.market.postings import SALARY_NAMES, salary_names, salary_spellings

ML = "Requirements:\n- Python\n- PyTorch\n\nSalary: $200K-$220K a year"
DATA = "Requirements:\n- Python and SQL"


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_the_spellings_of_a_name() -> None:
    assert salary_spellings(["salary estimate"]) == (
        "salary estimate",
        "Salary estimate",
        "Salary Estimate",
        "SALARY ESTIMATE",
        "salary_estimate",
        "Salary_estimate",
        "Salary_Estimate",
        "SALARY_ESTIMATE",
        "salary-estimate",
        "Salary-estimate",
        "Salary-Estimate",
        "SALARY-ESTIMATE",
        "salaryestimate",
        "Salaryestimate",
        "SalaryEstimate",
        "SALARYESTIMATE",
        "salaryEstimate",
    )
    assert salary_spellings(["pay"]) == ("pay", "Pay", "PAY")
    assert SALARY_NAMES[:2] == ("salary estimate", "Salary estimate")
    assert {"salary", "Salary Estimate", "compensation", "payRange"} <= set(SALARY_NAMES)
    assert (salary_names(None), salary_names(""), salary_names("pay")) == ((), (), ("pay",))


def test_a_csv_salary_column_is_found_by_its_name(tmp_path: Path) -> None:
    f = _csv(
        tmp_path / "jobs.csv",
        ["id", "Salary Estimate", "Job Description"],
        [
            ["a", "$56K-$91K (Glassdoor est.)", ML],
            ["b", "$25-$35 Per Hour(Employer est.)", DATA],
            ["c", "-1", "SQL. Compensation: $120,000 - $140,000"],
            ["d", "", "Python"],
        ],
    )
    got = [(p.id, p.salary) for p in iter_postings([f], text_column="Job Description")]
    assert got == [
        ("a", "$56K-$91K (Glassdoor est.)"),
        ("b", "$25-$35 Per Hour(Employer est.)"),
        ("c", "-1"),
        ("d", None),
    ]
    r = market_report(iter_postings([f], text_column="Job Description"))
    pay = r.overall.salary
    # a: the column wins over the $200K-$220K of its text; b: hourly x 2,080; c: the
    # column holds no pay (-1), so the text's; d: neither
    assert (pay.stated, pay.from_field) == (3, 2)
    usd = pay.currencies[0]
    assert (usd.postings, usd.low, usd.median, usd.high) == (3, 62_000, 74_000, 130_000)
    none = market_report(iter_postings([f], text_column="Job Description", salary_field=""))
    assert (none.overall.salary.stated, none.overall.salary.from_field) == (2, 0)


def test_the_first_name_with_a_value_wins(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": DATA, "pay": "$50/hr", "salary": "$90K"},
        {"id": "b", "text": DATA, "pay": "$50/hr", "salary": " "},
        {"id": "c", "text": DATA, "Compensation": "€50.000 - €60.000"},
        {"id": "d", "text": DATA, "comp": "$1"},
    ]
    data = "".join(json.dumps(x) + "\n" for x in lines)
    want = [("a", "$90K"), ("b", "$50/hr"), ("c", "€50.000 - €60.000"), ("d", None)]
    stdin = io.BytesIO(data.encode())
    assert [(p.id, p.salary) for p in iter_postings(["-"], stdin=stdin)] == want
    f = tmp_path / "p.jsonl"
    f.write_text(data, encoding="utf-8")
    assert [p.salary for p in iter_postings([f], salary_field="comp")] == [None] * 3 + ["$1"]
    assert isinstance(next(iter_postings([f])), Posting)


def test_cli_salary_column_and_its_warning(tmp_path: Path) -> None:
    f = _csv(
        tmp_path / "jobs.csv",
        ["id", "text", "Salary Estimate", "wage"],
        [["a", ML, "$56K-$91K (Glassdoor est.)", "$30/hr"], ["b", DATA, "-1", ""]],
    )
    runner = CliRunner()

    def pay(*args: str) -> tuple[int, dict[str, int], str]:
        res = runner.invoke(main, ["market", str(f), "--format", "json", *args])
        out, _, err = res.output.partition("\n}\n")
        salary = json.loads(out + "\n}")["overall"]["salary"]
        return res.exit_code, {k: salary[k] for k in ("stated", "from_field")}, err

    assert pay() == (0, {"stated": 1, "from_field": 1}, "")
    assert pay("--salary-column", "wage") == (0, {"stated": 1, "from_field": 1}, "")
    assert pay("--salary-field", "") == (0, {"stated": 1, "from_field": 0}, "")
    code, got, err = pay("--salary-column", "Salary")
    assert (code, got) == (0, {"stated": 1, "from_field": 0})
    assert err == (
        "Warning: no pay was read from a salary column/field 'Salary' (absent, empty or"
        " not pay in every posting); pay was looked for in the texts\n"
    )
    res = runner.invoke(main, ["market", str(f)])
    assert "2 postings; pay stated in 1 (50%; 1 from a salary field)." in res.output


@pytest.mark.parametrize("name", ["salary", "SALARY_RANGE", "payRange", "Compensation"])
def test_common_names_are_found(tmp_path: Path, name: str) -> None:
    f = _csv(tmp_path / "j.csv", ["text", name], [[DATA, "$100K-$120K"]])
    assert [p.salary for p in iter_postings([f])] == ["$100K-$120K"]
