"""The market report on Apache Spark: an aggregation of partial counts, never a collect of postings.

:func:`market_report_spark` maps each partition of a DataFrame of postings to *one* row: the
pickled :class:`~jobmatch.market.build.MarketCounts` of its postings (``mapInPandas``; each
executor Python process builds the pipeline and scorer once). The driver collects those
partial counts (one small row per partition, bounded by the lexicon and the pay range) and
merges them. The skills mentioned together are counted per (score bin, pair) in each
partition (:class:`~jobmatch.market.pairs.PairCounts`, bounded by the lexicon and the
score points, not by the postings), not spilled to a file as locally: a file on an
executor is not the driver's to read. The report is then built exactly as
:func:`~jobmatch.market.market_report` builds it, so both give the same report for the same
postings.

pyspark (``pip install 'jobmatch[spark]'``, Java 17+) is imported by these functions only.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .build import MATCH_SCORE, TOP_SKILLS, MarketCounts, build_report, count_postings
from .pairs import PairCounts
from .postings import SALARY_NAMES, Posting, PostingScorer, salary_names

if TYPE_CHECKING:
    from pyspark.sql import DataFrame  # type: ignore[import-not-found,unused-ignore]

    from ..models import Document
    from ..scoring.profiles import Profile
    from .model import MarketReport

__all__ = ["market_report_spark", "market_report_spark_files", "COUNTS_SCHEMA"]

#: the schema of the partial counts: one pickled MarketCounts per partition
COUNTS_SCHEMA = "counts binary"


@dataclass(frozen=True)
class _Job:
    """What each executor needs: the parsed profile and the read resume (not paths)."""

    profile: Profile
    resume: Document | None
    match_score: float

    @property
    def key(self) -> str:
        parts = (self.profile, self.resume, self.match_score)
        return hashlib.sha256(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


#: one scorer (spaCy pipeline + profile) per executor Python process, reused across tasks
_SCORERS: dict[str, PostingScorer] = {}


def _scorer(job: _Job) -> PostingScorer:
    scorer = _SCORERS.get(job.key)
    if scorer is None:
        scorer = _SCORERS[job.key] = PostingScorer(job.profile, resume=job.resume)
    return scorer


def _postings(batches: Iterable[Any]) -> Iterator[Posting]:
    for batch in batches:
        for rid, text, salary in zip(
            batch["id"].tolist(), batch["text"].tolist(), batch["salary"].tolist(), strict=True
        ):
            if text is None:
                yield Posting(id=str(rid), error="no text (null)")
            else:
                yield Posting(id=str(rid), text=str(text), salary=salary)


def _count_partition(batches: Iterable[Any], *, job: _Job) -> Iterator[Any]:
    """The ``mapInPandas`` function: a partition's postings in, one row of counts out."""
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    counts = MarketCounts(pairs=PairCounts())
    count_postings(_postings(batches), _scorer(job), match_score=job.match_score, counts=counts)
    blob = pickle.dumps(counts, protocol=pickle.HIGHEST_PROTOCOL)
    yield pd.DataFrame({"counts": [blob]})


def market_report_spark(
    df: DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "id",
    salary_col: str | Sequence[str] | None = None,
    profile: str | Path | Profile = "research-engineer",
    resume: Any = None,
    match_score: float = MATCH_SCORE,
    top_skills: int = TOP_SKILLS,
) -> MarketReport:
    """The market report of the postings in a Spark DataFrame (see :func:`market_report`).

    Args:
        df: the postings, one row each.
        text_col: the column of the posting text; ``id_col``: of its id (``None``: row
            numbers); ``salary_col``: of its pay as written (``None``: the text only; several
            columns: the first with a value in a row, as locally).
        profile, resume, match_score, top_skills: as for :func:`market_report`; the profile
            and resume are read here, on the driver, and their content ships with the job.

    Returns:
        The :class:`~jobmatch.market.MarketReport`.

    Raises:
        ValueError: a named column is not in ``df``.
        ProfileError: the profile cannot be loaded. DocumentError: the resume cannot be read.
    """
    from pyspark.sql import functions as F  # type: ignore[import-not-found,unused-ignore]

    from ..scoring.profiles import Profile, load_profile

    pay_cols = salary_names(salary_col)
    named = (text_col, id_col, *pay_cols)
    missing = [c for c in named if c is not None and c not in df.columns]
    if missing:
        raise ValueError(f"no column(s) {missing} in the DataFrame (columns: {df.columns})")
    scorer = PostingScorer(profile, resume=resume)  # the driver's: fails early, names things
    job = _Job(
        profile=profile if isinstance(profile, Profile) else load_profile(profile),
        resume=scorer.resume,
        match_score=match_score,
    )
    row_id = F.monotonically_increasing_id().cast("string")
    postings = df.select(
        (df[id_col].cast("string") if id_col else row_id).alias("id"),
        df[text_col].cast("string").alias("text"),
        _first_value(F, df, pay_cols).alias("salary"),
    )
    partials = postings.mapInPandas(partial(_count_partition, job=job), COUNTS_SCHEMA)
    counts = MarketCounts(pairs=PairCounts())
    for row in partials.toLocalIterator():  # one small row per partition
        counts.merge(pickle.loads(row["counts"]))  # noqa: S301 - our own executors' counts
    return build_report(counts, scorer, match_score=match_score, top_skills=top_skills)


def _first_value(F: Any, df: DataFrame, columns: Sequence[str]) -> Any:  # noqa: N803
    """The first of ``columns`` with a (non-blank) value in each row, else null."""
    values = [F.when(F.trim(df[c].cast("string")) != "", df[c].cast("string")) for c in columns]
    if not values:
        return F.lit(None).cast("string")
    return values[0] if len(values) == 1 else F.coalesce(*values)


def market_report_spark_files(
    inputs: Iterable[str],
    *,
    master: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    text_field: str = "text",
    id_field: str = "id",
    salary_field: str | Sequence[str] | None = SALARY_NAMES,
    **options: Any,
) -> MarketReport:
    """:func:`market_report_spark` over CSV, JSONL or Parquet files (``market --engine spark``).

    Args:
        inputs: the files or folders (one format; not ``-``).
        master: the Spark master (default: ``local[2]`` or spark-submit's).
        text_column, id_column: CSV columns; ``text_field``, ``id_field``: JSON fields.
        salary_field: the field / column of the pay, or several tried in order (default:
            :data:`~jobmatch.market.postings.SALARY_NAMES`); those absent from the data are
            ignored, as locally.
        options: ``profile``, ``resume``, ``match_score``, ``top_skills``.

    Returns:
        The :class:`~jobmatch.market.MarketReport`. A session started here is stopped.

    Raises:
        ValueError: stdin as an input, or the text column is missing.
    """
    from pyspark.sql import SparkSession  # type: ignore[import-not-found,unused-ignore]

    from ..batch.spark import read_postings, spark_session

    names = list(inputs)
    if "-" in names:
        raise ValueError("--engine spark cannot read stdin: give CSV, JSONL or Parquet files")
    existing = SparkSession.getActiveSession()
    spark = existing or spark_session(master)
    try:
        df = read_postings(spark, names)
        csv = names[0].lower().endswith((".csv", ".tsv"))
        id_col = id_column if csv else id_field
        return market_report_spark(
            df,
            text_col=text_column if csv else text_field,
            id_col=id_col if id_col in df.columns else None,
            salary_col=[c for c in salary_names(salary_field) if c in df.columns],
            **options,
        )
    finally:
        if existing is None:
            spark.stop()
