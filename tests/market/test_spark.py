"""The market report on Spark (local mode): partial counts merged, the same report as local.

Skipped, with the reason, only where pyspark (``pip install -e '.[spark]'``) or Java is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.spark

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Java not found (Spark needs Java 17+ on PATH or JAVA_HOME)", allow_module_level=True
    )

from jobmatch.batch.spark import spark_session  # noqa: E402
from jobmatch.market import Posting, market_report  # noqa: E402
from jobmatch.market.spark import market_report_spark  # noqa: E402

ROWS = [
    ("a", "Requirements:\n- Python\n- PyTorch", "$100K-$120K (Glassdoor est.)"),
    ("b", "Requirements:\n- Python and SQL\n\nPreferred:\n- Docker\n\nPay: $50/hr", None),
    ("c", "Registered nurse for patient care on night shifts.", "-1"),
    ("d", "Python, Python and CUDA. Salary: £40,000 per annum", None),
    ("e", None, None),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = spark_session("local[2]")
    yield session
    session.stop()


def test_spark_counts_merge_into_the_local_report(spark: Any) -> None:
    df = spark.createDataFrame(ROWS, "id string, text string, pay string").repartition(2)
    got = market_report_spark(df, salary_col="pay", resume="Python and SQL; statistics.")
    local = market_report(
        [Posting(id=i, text=t, salary=s) if t else Posting(id=i, error="null") for i, t, s in ROWS],
        resume="Python and SQL; statistics.",
    )
    assert got.to_dict() == local.to_dict()
    assert (got.postings, got.failed, got.overall.salary.stated) == (4, 1, 3)
    assert [c.currency for c in got.overall.salary.currencies] == ["GBP", "USD"]


def test_a_missing_column_is_a_value_error(spark: Any) -> None:
    df = spark.createDataFrame(ROWS, "id string, text string, pay string")
    with pytest.raises(ValueError, match="no column"):
        market_report_spark(df, salary_col="salary")


def test_cli_engine_spark(spark: Any, tmp_path: Any) -> None:
    import json

    from click.testing import CliRunner

    from jobmatch.cli import main

    f = tmp_path / "p.jsonl"
    f.write_text(
        "\n".join(json.dumps({"id": i, "body": t, "salary_estimate": s}) for i, t, s in ROWS[:4]),
        encoding="utf-8",
    )
    args = ["market", str(f), "--engine", "spark", "--text-field", "body", "--format", "json"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["postings"], data["overall"]["salary"]["stated"]) == (4, 3)
    res = CliRunner().invoke(main, ["market", "-", "--engine", "spark"])
    assert res.exit_code == 2
    assert "cannot read stdin" in res.output


def test_spark_reads_a_csv_salary_column_as_locally(spark: Any, tmp_path: Any) -> None:
    import csv

    from jobmatch.market import iter_postings
    from jobmatch.market.spark import market_report_spark_files

    f = tmp_path / "jobs.csv"
    with f.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "text", "Salary Estimate", "pay"])
        w.writerow(["a", ROWS[0][1], "$56K-$91K (Glassdoor est.)", ""])
        w.writerow(["b", ROWS[1][1], "", "$25-$35 Per Hour"])
        w.writerow(["c", ROWS[3][1], "-1", "$1M"])
    got = market_report_spark_files([str(f)])
    local = market_report(iter_postings([f]))
    assert got.to_dict() == local.to_dict()
    assert (got.overall.salary.stated, got.overall.salary.from_field) == (3, 2)
