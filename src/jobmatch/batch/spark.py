"""Batch scoring on Apache Spark: the same records as ``jobmatch batch``, on a cluster.

:func:`score_postings` maps a Spark DataFrame of postings to a DataFrame of batch records
with ``mapInPandas``: each executor Python process builds the spaCy pipeline and the
:class:`~jobmatch.scoring.scorer.Scorer` once (module-level cache keyed by profile and resume) and
scores whole Arrow batches with the local engine's per-record code, so both engines give
identical records. What travels with the job:

- the lexicon and the shipped profiles are package data inside the installed ``jobmatch``
  on every executor;
- a user profile file or a resume is read on the driver and its *content* (the parsed
  Profile with its TF-IDF model, a few hundred KB; the resume Document) is embedded in the
  task, never a path that only exists on the driver. A closure rather than a broadcast
  variable so that it also works over Spark Connect.

A record that fails (empty text, too large, any :class:`~jobmatch.errors.JobmatchError`)
comes back as a row with ``status = "error"``; it never fails the job.

Import cost: pyspark is imported by the functions here, and this module is imported only
by the ``--engine spark`` branch of the CLI and by users who ask for it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .engine import DEFAULT_TIMEOUT
from .records import DEFAULT_MAX_BYTES
from .summary import BatchSummary

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession  # type: ignore[import-not-found,unused-ignore]

    from ..models import Document
    from ..scoring.profiles import Profile
    from .engine import ScoringEngine

__all__ = [
    "RESULT_SCHEMA",
    "RESULT_COLUMNS",
    "spark_session",
    "score_postings",
    "read_postings",
    "write_results",
    "run_batch",
]

logger = logging.getLogger(__name__)

#: The fixed schema of the result DataFrame (Spark DDL): the fields of ``jobmatch batch``
#: JSONL records (:class:`~jobmatch.models.BatchResult`), in the same order. ``coverage``
#: maps profile category id -> coverage 0-1; ``matched``/``missing`` are the top matched and
#: most important missing skill ids, best first. On ``status = "error"`` rows ``score`` is
#: null, ``coverage``/``matched``/``missing`` are empty and ``error``/``error_code`` are set.
#: ``profile`` is the id scored against (``posting:<id>`` with a resume; null on errors).
RESULT_SCHEMA = (
    "id string, source string, status string, score double, "
    "coverage map<string,double>, matched array<string>, missing array<string>, "
    "error string, error_code string, warnings array<string>, profile string"
)
RESULT_COLUMNS = tuple(part.split()[0] for part in RESULT_SCHEMA.split(", "))

DEFAULT_PROFILE = "research-engineer"
#: the master when none is given and the process was not started by ``spark-submit``
DEFAULT_MASTER = "local[2]"

#: input formats by file extension (``read_postings``) and output formats (``write_results``)
INPUT_FORMATS = {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}
OUTPUT_FORMATS = ("parquet", "jsonl")
_SEP = re.compile(r"[/\\]")


@dataclass(frozen=True, slots=True)
class _Job:
    """Everything an executor needs to build its engine: content, never driver-only paths."""

    #: a shipped profile id, or the :class:`~jobmatch.scoring.profiles.Profile` read on the driver
    profile: str | Profile
    #: the resume read on the driver, or ``None``
    resume: Document | None
    max_bytes: int
    timeout: float | None

    @property
    def key(self) -> str:
        """Cache key of the executor's engine: a digest of everything that configures it."""
        parts = (self.profile, self.resume, self.max_bytes, self.timeout)
        return hashlib.sha256(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


#: one engine (spaCy pipeline + Scorer) per executor Python process: Spark reuses its
#: Python workers across tasks (``spark.python.worker.reuse``, on by default)
_ENGINES: dict[str, ScoringEngine] = {}


def _engine(job: _Job) -> ScoringEngine:
    engine = _ENGINES.get(job.key)
    if engine is None:
        from .engine import TOP_SKILLS, EngineConfig, ScoringEngine

        config = EngineConfig(
            profile=job.profile,
            resume=job.resume,
            max_bytes=job.max_bytes,
            timeout=job.timeout,
            top_skills=TOP_SKILLS,
        )
        engine = _ENGINES[job.key] = ScoringEngine(config)
    return engine


def _score_batches(batches: Iterable[Any], *, job: _Job) -> Iterator[Any]:
    """The ``mapInPandas`` function: pandas batches of postings in, batches of records out."""
    # pandas ships no type information (pandas-stubs is optional): it is used untyped here
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    from ..models import BatchResult
    from .records import Record

    engine = _engine(job)
    for batch in batches:
        ids, texts = batch["id"].tolist(), batch["text"].tolist()
        # records exactly as score_many makes them from (id, text) pairs: source = id
        work = [
            Record(id=i, source=i, text=t) for i, t in zip(ids, texts, strict=True) if t is not None
        ]
        scored = iter(engine.run(work) if work else [])
        results = [
            next(scored)
            if text is not None
            else BatchResult(
                id=rid, source=rid, status="error", error="no text (null)", error_code="bad_record"
            )
            for rid, text in zip(ids, texts, strict=True)
        ]
        rows = [tuple(r.to_dict()[c] for c in RESULT_COLUMNS) for r in results]
        yield pd.DataFrame.from_records(rows, columns=list(RESULT_COLUMNS))


def _resolve_job(
    profile: str | os.PathLike[str] | Profile,
    resume: str | os.PathLike[str] | Document | None,
    *,
    max_bytes: int,
    timeout: float | None,
) -> _Job:
    """Read a profile file and the resume on the driver: their content travels with the job."""
    from ..read.inputs import as_document
    from ..scoring.profiles import Profile, load_profile

    shipped: str | Profile
    if isinstance(profile, Profile):
        shipped = profile
    elif isinstance(profile, str) and not profile.endswith(".toml") and not _SEP.search(profile):
        # a shipped profile id (load_profile's rule): package data on every executor
        load_profile(profile)  # fail early, on the driver, if it is unknown
        shipped = profile
    else:
        shipped = load_profile(os.fspath(profile))  # a user's file: ship what it says
    document = None
    if resume is not None:
        document = as_document(Path(resume) if isinstance(resume, os.PathLike) else resume)
    return _Job(
        profile=shipped,
        resume=document,
        max_bytes=max_bytes,
        timeout=timeout,
    )


def score_postings(
    df: DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "id",
    profile: str | os.PathLike[str] | Profile = DEFAULT_PROFILE,
    resume: str | os.PathLike[str] | Document | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> DataFrame:
    """Score every posting in ``df`` on Spark; a DataFrame of :data:`RESULT_SCHEMA` rows.

    One output row per input row. ``id`` (also used as ``source``) is the ``id_col`` value;
    a row without one (or every row, with ``id_col=None``) gets ``row-<n>``, ``n`` Spark's
    ``monotonically_increasing_id`` (unique and stable for the same input and partitioning,
    not consecutive). ``profile`` is a shipped profile id, a
    :class:`~jobmatch.scoring.profiles.Profile` or a profile TOML path; ``resume`` a path, a text or
    a :class:`~jobmatch.models.Document`: both are read here, on the driver. ``max_bytes``
    and ``timeout`` are the per-record limits of ``jobmatch batch``. Lazy, like any Spark
    transformation; an unknown profile or unreadable resume raises here, on the driver.
    """
    from pyspark.sql import functions as F  # type: ignore[import-not-found,unused-ignore]

    missing = [c for c in (id_col, text_col) if c is not None and c not in df.columns]
    if missing:
        raise ValueError(f"no column(s) {missing} in the DataFrame (columns: {df.columns})")
    job = _resolve_job(profile, resume, max_bytes=max_bytes, timeout=timeout)
    row_id = F.concat(F.lit("row-"), F.monotonically_increasing_id().cast("string"))
    given = F.nullif(F.trim(df[id_col].cast("string")), F.lit("")) if id_col else F.lit(None)
    pairs = df.select(
        F.coalesce(given, row_id).alias("id"), df[text_col].cast("string").alias("text")
    )
    return pairs.mapInPandas(partial(_score_batches, job=job), RESULT_SCHEMA)


def spark_session(
    master: str | None = None,
    *,
    app_name: str = "jobmatch",
    conf: Mapping[str, str] | None = None,
) -> SparkSession:
    """Get or create a SparkSession; in local mode the workers run this Python interpreter.

    ``master`` defaults to the one ``spark-submit``/``pyspark`` set up, else ``local[2]``.
    In local mode Spark starts its Python workers with ``PYSPARK_PYTHON`` (default
    ``python3``, which may not have jobmatch), so it is set to ``sys.executable`` unless set.
    """
    from pyspark.sql import SparkSession  # type: ignore[import-not-found,unused-ignore]

    builder = SparkSession.builder.appName(app_name)
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = DEFAULT_MASTER  # not launched by spark-submit: nobody else chose a master
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            # no web UI for a local run: faster start, no port clash between runs
            builder = builder.config("spark.ui.enabled", "false")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def read_postings(
    spark: SparkSession, paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
) -> DataFrame:
    """Read CSV (with a header row), JSONL or Parquet files or folders into one DataFrame.

    The format comes from the file extensions (``.csv``, ``.jsonl``/``.json``, ``.parquet``)
    and must be the same for all ``paths``; a URI (``s3://``, ``hdfs://``...) is not checked
    here and must end in one of them. CSV fields may span lines (RFC 4180 quoting), so a CSV
    file is read whole, as one partition.
    """
    from ..errors import UnsupportedFormatError

    many = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    names = [os.fspath(p) for p in many]
    kinds = {_format_of(name) for name in names}
    if len(kinds) != 1:
        raise UnsupportedFormatError("inputs mix formats: " + ", ".join(sorted(kinds)))
    kind = kinds.pop()
    if kind == "csv":
        return spark.read.csv(names, header=True, multiLine=True, escape='"')
    if kind == "json":
        return spark.read.json(names)
    return spark.read.parquet(*names)


def _format_of(name: str) -> str:
    """``csv``, ``json`` or ``parquet``, from the extension of a file or of a folder's files."""
    from ..errors import DocumentNotFoundError, UnsupportedFormatError

    if "://" in name:
        kinds = {INPUT_FORMATS.get(PurePosixPath(name.rstrip("/")).suffix.lower())}
    else:
        p = Path(name)
        if not p.exists():
            raise DocumentNotFoundError("no such file or directory", source=name)
        files = [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.is_file())
        # Spark's own folders hold _SUCCESS and .crc files next to the part files
        usable = [f for f in files if not f.name.startswith((".", "_"))]
        kinds = {INPUT_FORMATS.get(f.suffix.lower()) for f in usable}
    if len(kinds) != 1 or None in kinds:
        raise UnsupportedFormatError(
            "--engine spark reads CSV, JSONL or Parquet files (or folders of one of them)",
            source=name,
        )
    return str(kinds.pop())


def write_results(df: DataFrame, output: str | os.PathLike[str], *, fmt: str | None = None) -> str:
    """Write result rows as a folder of Parquet or JSONL part files; returns the format.

    ``fmt`` defaults to ``jsonl`` when ``output`` ends in ``.jsonl``/``.json``, else
    ``parquet``. JSONL keeps null fields (``"score": null`` on error rows), like ``jobmatch
    batch``. An existing ``output`` is an error (Spark's ``errorifexists`` mode).
    """
    out = os.fspath(output)
    if fmt is None:
        fmt = "jsonl" if out.rstrip("/").lower().endswith((".jsonl", ".json")) else "parquet"
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"--engine spark writes {' or '.join(OUTPUT_FORMATS)}, not {fmt}")
    if fmt == "jsonl":
        df.write.option("ignoreNullFields", "false").json(out)
    else:
        df.write.parquet(out)
    return fmt


def run_batch(
    inputs: Sequence[str],
    *,
    output: str | None,
    output_format: str | None = None,
    master: str | None = None,
    profile: str | os.PathLike[str] | Profile = DEFAULT_PROFILE,
    resume: str | os.PathLike[str] | Document | None = None,
    record_options: Mapping[str, Any] | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    quiet: bool = False,
    **unsupported: Any,
) -> BatchSummary:
    """``jobmatch batch --engine spark``: read INPUTs, score every row, write OUTPUT_DIR.

    Options of the local engine that make no sense on Spark (``top``, ``min_score``,
    ``continue_from``, ``jobs``: set by ``--master``) raise ``ValueError`` when given. A running
    SparkSession is reused (and left running); one created here is stopped at the end. The
    ok/failed counts are read back from the written output and returned (nothing is
    printed; ``quiet`` turns off Spark's own console progress).
    """
    from pyspark.sql import SparkSession  # type: ignore[import-not-found,unused-ignore]

    given = sorted(k for k, v in unsupported.items() if v not in (None, False, 1))
    if given:
        raise ValueError(f"--engine spark does not support: {', '.join(given)}")
    if not output:
        raise ValueError("--engine spark needs -o OUTPUT_DIR")
    if "-" in inputs:
        raise ValueError("--engine spark cannot read stdin: give CSV, JSONL or Parquet files")
    if "://" not in output and Path(output).exists():
        raise ValueError(f"output {output} already exists (Spark writes a new folder)")
    if output_format not in (None, *OUTPUT_FORMATS):
        raise ValueError(
            f"--engine spark writes {' or '.join(OUTPUT_FORMATS)}, not {output_format}"
        )
    started = time.perf_counter()
    existing = SparkSession.getActiveSession()
    conf = {"spark.ui.showConsoleProgress": "false"} if quiet else None
    spark = existing or spark_session(master, conf=conf)
    try:
        df = read_postings(spark, inputs)
        opts = dict(record_options or {})
        kind = _format_of(inputs[0])
        text_col = opts.get("text_field" if kind == "json" else "text_column", "text")
        id_col = opts.get("id_field" if kind == "json" else "id_column", "id")
        if kind == "csv" and text_col in df.columns:
            # Spark reads an empty CSV cell as null; to jobmatch batch it is an empty text
            df = df.fillna("", subset=[text_col])
        scored = score_postings(
            _spread(df, spark.sparkContext.defaultParallelism),
            text_col=text_col,
            id_col=id_col if id_col in df.columns else None,
            profile=profile,
            resume=resume,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            timeout=timeout or DEFAULT_TIMEOUT,
        )
        fmt = write_results(scored, output, fmt=output_format)
        written = spark.read.parquet(output) if fmt == "parquet" else spark.read.json(output)
        counts = {r["status"]: r["count"] for r in written.groupBy("status").count().collect()}
    finally:
        if existing is None:
            spark.stop()
    ok = counts.get("ok", 0)
    failed = sum(counts.values()) - ok
    return BatchSummary(
        ok=ok,
        failed=failed,
        written=ok + failed,
        skipped=0,
        seconds=time.perf_counter() - started,
        output=output,
    )


def _spread(df: DataFrame, parallelism: int) -> DataFrame:
    """Split an input read as fewer partitions than cores (a whole CSV file), keeping order."""
    if df.rdd.getNumPartitions() >= parallelism:
        return df
    from pyspark.sql import functions as F  # type: ignore[import-not-found,unused-ignore]

    order = "__jobmatch_order"
    ordered = df.withColumn(order, F.monotonically_increasing_id())
    return ordered.repartitionByRange(parallelism, order).sortWithinPartitions(order).drop(order)
