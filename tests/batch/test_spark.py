"""The Spark engine (``jobmatch.batch.spark``) in local mode: same records as the local engine.

One SparkSession (``local[2]``) for the whole module. Skipped, with the reason, only where
pyspark (``pip install -e '.[spark]'``) or Java (Spark needs Java 17+) is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.spark

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Java not found (Spark needs Java 17+ on PATH or JAVA_HOME)", allow_module_level=True
    )

from pyspark.sql import DataFrame, SparkSession  # noqa: E402

from jobmatch.batch.records import Record  # noqa: E402
from jobmatch.batch.spark import RESULT_COLUMNS, score_postings, spark_session  # noqa: E402
from jobmatch.batch.stream import score_many  # noqa: E402
from jobmatch.cli import main  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PROFILE_SRC = Path(__file__).resolve().parents[2] / "skill_lexicon" / "profiles"
#: the bad records mixed into every comparison: they must come back as error rows
BAD = [("bad-empty", ""), ("bad-blank", "   \n\t "), ("bad-null", None)]
NULL_TEXT = "no text (null)"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = spark_session("local[2]", app_name="jobmatch-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def local_samples() -> dict[str, dict[str, Any]]:
    """The local engine's records for the sample postings and the bad records."""
    return _by_id_local(_sample_pairs() + BAD)


def _frame(spark: SparkSession, pairs: list[tuple[str, str | None]]) -> DataFrame:
    # 4 partitions on 2 cores: each Python worker scores more than one partition
    return spark.createDataFrame(pairs, "id string, text string").repartition(4)


def _by_id_spark(df: DataFrame) -> dict[str, dict[str, Any]]:
    return {row["id"]: row.asDict(recursive=True) for row in df.collect()}


def _by_id_local(pairs: list[tuple[str, str | None]], **kwargs: Any) -> dict[str, dict[str, Any]]:
    # a null text has no local-engine spelling as an (id, text) pair: give its Spark meaning
    items = [
        p if p[1] is not None else Record.failed(p[0], p[0], NULL_TEXT, "bad_record") for p in pairs
    ]
    return {r.id: r.to_dict() for r in score_many(items, jobs=1, **kwargs)}


def _sample_pairs() -> list[tuple[str, str | None]]:
    lines = (SAMPLES / "postings.jsonl").read_text(encoding="utf-8").splitlines()
    return [(d["id"], d["text"]) for d in map(json.loads, lines)]


COMPARED = ("status", "score", "coverage", "matched", "missing", "error_code", "profile")


def _assert_same(
    spark_rows: dict[str, dict[str, Any]], local_rows: dict[str, dict[str, Any]]
) -> None:
    assert spark_rows.keys() == local_rows.keys()
    diffs = [
        (rid, field, spark_rows[rid][field], local_rows[rid][field])
        for rid in local_rows
        for field in COMPARED
        if spark_rows[rid][field] != local_rows[rid][field]
    ]
    assert diffs == []


def test_schema_is_the_batch_record(spark: SparkSession) -> None:
    out = score_postings(_frame(spark, _sample_pairs()[:1]), text_col="text", id_col="id")
    assert tuple(out.columns) == RESULT_COLUMNS
    assert RESULT_COLUMNS == (
        "id", "source", "status", "score", "coverage", "matched", "missing",
        "error", "error_code", "warnings", "profile",
    )  # fmt: skip
    assert out.schema.simpleString() == (
        "struct<id:string,source:string,status:string,score:double,"
        "coverage:map<string,double>,matched:array<string>,missing:array<string>,"
        "error:string,error_code:string,warnings:array<string>,profile:string>"
    )


def test_samples_and_bad_records_match_local_engine(
    spark: SparkSession, local_samples: dict[str, dict[str, Any]]
) -> None:
    pairs = _sample_pairs() + BAD
    rows = _by_id_spark(score_postings(_frame(spark, pairs), text_col="text", id_col="id"))
    _assert_same(rows, local_samples)
    assert [(rows[i]["status"], rows[i]["error_code"], rows[i]["error"]) for i, _ in BAD] == [
        ("error", "empty", "empty text"),
        ("error", "empty", "empty text"),
        ("error", "bad_record", NULL_TEXT),
    ]
    assert [(rows[i]["score"], rows[i]["coverage"], rows[i]["matched"]) for i, _ in BAD] == [
        (None, {}, [])
    ] * 3
    assert all(rows[i]["status"] == "ok" for i, _ in _sample_pairs())


def test_each_python_worker_keeps_its_engine(spark: SparkSession) -> None:
    # after the jobs above, the Python workers that run new tasks already hold an engine:
    # it is built once per process and reused across tasks, not built per task or row
    def probe(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        from jobmatch.batch import spark as jm_spark

        for _ in batches:
            yield pd.DataFrame({"pid": [os.getpid()], "engines": [len(jm_spark._ENGINES)]})

    rows = spark.range(0, 8, numPartitions=4).mapInPandas(probe, "pid long, engines long")
    found = {(r["pid"], r["engines"]) for r in rows.collect()}
    assert len({pid for pid, _ in found}) <= 2  # local[2]: two reused worker processes
    assert {engines for _, engines in found} == {1}


def _real_postings(shared: Path, n: int) -> list[tuple[str, str | None]]:
    files = [shared / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"]
    files += sorted((shared / "postings" / "skillspan").glob("*.jsonl"))
    files += [shared / "postings" / "resume_matcher" / "resume_matcher_jds.jsonl"]
    records = [
        json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()
    ]
    # there are 459 real postings: the rest of the 500 repeats the first ones under new ids
    pairs = [(f"{d['id']}#{k}" if k else d["id"], d["text"]) for k in range(2) for d in records]
    return list(islice(pairs, n))


@pytest.mark.evaluation
def test_500_real_postings_identical_to_local_engine(
    spark: SparkSession, shared_data: Path
) -> None:
    pairs = _real_postings(shared_data, 500) + BAD
    rows = _by_id_spark(score_postings(_frame(spark, pairs), text_col="text", id_col="id"))
    local = _by_id_local(pairs)
    assert len(rows) == 503
    assert sum(r["status"] == "error" for r in rows.values()) == 3
    _assert_same(rows, local)


def test_profile_file_and_resume_travel_as_content(spark: SparkSession, tmp_path: Path) -> None:
    # a user's profile (a copy of the shipped one, with its generated file) and a resume,
    # both deleted before the job runs: the executors must never need these paths
    from jobmatch.scoring.profiles import profile_path

    shipped = Path(str(profile_path("research-engineer")))
    for f in shipped.parent.glob("research-engineer*"):
        shutil.copy(f, tmp_path / f.name)
    profile, resume = tmp_path / shipped.name, tmp_path / "resume.txt"
    shutil.copy(SAMPLES / "research_engineer_resume.txt", resume)
    pairs = _sample_pairs()[:4]
    local = _by_id_local(pairs, profile=profile, resume=resume)
    lazy = score_postings(_frame(spark, pairs), profile=profile, resume=resume)
    shutil.rmtree(tmp_path)
    _assert_same(_by_id_spark(lazy), local)


def _read_output(spark: SparkSession, path: Path) -> list[dict[str, Any]]:
    df = spark.read.parquet(str(path)) if path.suffix == ".parquet" else spark.read.json(str(path))
    return [row.asDict(recursive=True) for row in df.collect()]


def test_cli_jsonl_in_jsonl_out(spark: SparkSession, tmp_path: Path) -> None:
    out = tmp_path / "scored.jsonl"
    result = CliRunner().invoke(
        main, ["batch", "--engine", "spark", str(SAMPLES / "postings.jsonl"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = _read_output(spark, out)
    assert [r["id"] for r in rows] == [f"p{i:02d}" for i in range(1, 11)]  # input order
    assert {r["status"] for r in rows} == {"ok"}
    first = json.loads((sorted(out.glob("part-*.json"))[0]).read_text().splitlines()[0])
    assert list(first) == list(RESULT_COLUMNS)  # null fields kept, batch field order
    assert result.stderr.startswith("batch: 10 ok, 0 failed,")


def test_cli_csv_in_parquet_out_with_a_failed_record(
    spark: SparkSession, tmp_path: Path, local_samples: dict[str, dict[str, Any]]
) -> None:
    src = tmp_path / "postings.csv"
    text = (SAMPLES / "postings.csv").read_text(encoding="utf-8")
    src.write_text(text + 'p11,Empty posting,""\n', encoding="utf-8")
    out = tmp_path / "scored.parquet"
    args = ["batch", "--engine", "spark", "--master", "local[2]", str(src), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1  # some records failed
    rows = {r["id"]: r for r in _read_output(spark, out)}
    assert len(rows) == 11
    assert (rows["p11"]["status"], rows["p11"]["error_code"]) == ("error", "empty")
    local = {i: local_samples[i] for i, _ in _sample_pairs()}
    _assert_same({i: rows[i] for i in local}, local)  # multi-line CSV fields read whole


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--top", "3"], "--engine spark does not support: top"),
        (["--format", "csv"], "--engine spark writes parquet or jsonl, not csv"),
        ([], "--engine spark needs -o OUTPUT_DIR"),
        (["--jobs", "2"], "--engine spark does not support: jobs"),
    ],
)
def test_cli_usage_errors(tmp_path: Path, extra: list[str], message: str) -> None:
    out = ["-o", str(tmp_path / "out")] if extra else []
    args = ["batch", "--engine", "spark", str(SAMPLES / "postings.jsonl"), *out, *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_cli_master_needs_spark_engine(tmp_path: Path) -> None:
    args = ["batch", "--master", "local[2]", str(SAMPLES / "postings.jsonl")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--master needs --engine spark" in result.stderr


def test_cli_unsupported_input_is_an_input_error(spark: SparkSession, tmp_path: Path) -> None:
    src = SAMPLES / "posting_research_engineer.txt"
    args = ["batch", "--engine", "spark", str(src), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {src}: --engine spark reads CSV, JSONL or Parquet files (or folders of one of"
        " them)\n"
    )
