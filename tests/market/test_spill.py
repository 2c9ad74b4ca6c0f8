"""Postings' skills spilled to a temporary file: exact partners, flat memory, no file left."""

from __future__ import annotations

import pickle
import random
import tempfile
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from jobmatch.errors import JobmatchError
from jobmatch.market import build as build_module
from jobmatch.market import spill as spill_module
from jobmatch.market.build import MarketCounts, count_postings, market_report
from jobmatch.market.counts import PostingFacts, ScoreBin
from jobmatch.market.pairs import PairCounts
from jobmatch.market.postings import Posting, PostingScorer
from jobmatch.market.spill import SkillSpill

Posts = list[tuple[int, list[str]]]


def _brute(posts: Posts, skills: list[str], start: int | None, top: int) -> dict[str, Any]:
    """Partners by brute force: every pair of every posting of a bin from ``start`` up."""
    if start is None:
        return {}
    together: Counter[tuple[str, str]] = Counter()
    for b, ss in posts:
        if b >= start:
            together.update((x, y) for x in ss for y in ss if x != y)
    by: dict[str, list[tuple[str, int]]] = {}
    for (x, y), n in together.items():
        by.setdefault(x, []).append((y, n))
    return {s: sorted(v, key=lambda p: (-p[1], p[0]))[:top] for s, v in by.items() if s in skills}


def _random_posts(seed: int, n: int, n_skills: int, most: int = 8) -> Posts:
    rng = random.Random(seed)
    names = [f"s{i:03d}" for i in range(n_skills)]
    # few skills and few bins: many equal counts, so the order of ties is exercised
    return [(rng.randrange(101), rng.sample(names, rng.randint(0, most))) for _ in range(n)]


@pytest.mark.parametrize(("seed", "n_skills"), [(1, 12), (2, 40), (3, 300)])
def test_partners_equal_a_brute_force_count_ties_included(
    seed: int, n_skills: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spill_module, "FLUSH", 97)  # many chunks in the file
    monkeypatch.setattr(spill_module, "_EXPAND", 13)  # many slices of a chunk
    posts = _random_posts(seed, 1500, n_skills)
    names = sorted({s for _, ss in posts for s in ss})
    rng = random.Random(seed)
    views = [(rng.sample(names, 10), start) for start in (0, 37, 99, 100, None)]
    views.append((["s000", "nowhere"], 50))  # a skill never seen is left out
    with SkillSpill() as spill:
        for b, ss in posts:
            spill.add(b, ss)
        assert spill.spilled_postings > 1000  # most of them went through the file
        got = spill.cooccurring(views, top=5)
    assert got == [_brute(posts, list(skills), start, 5) for skills, start in views]
    assert any(len({n for _, n in ps}) < len(ps) for ps in got[0].values())  # ties were there


def test_partners_are_those_of_the_pair_counts_spark_uses() -> None:
    posts = _random_posts(4, 800, 25)
    spill, pairs = SkillSpill(), PairCounts()
    for b, ss in posts:
        spill.add(b, ss)
        pairs.add(b, ss)
    names = sorted({s for _, ss in posts for s in ss})
    views = [(names[:15], 0), (names[5:], 60)]
    assert spill.cooccurring(views, top=5) == pairs.cooccurring(views, top=5)


def test_merged_and_pickled_spills_hold_the_same_postings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spill_module, "FLUSH", 50)
    posts = _random_posts(5, 600, 30)
    with SkillSpill() as one, SkillSpill() as left, SkillSpill() as right:
        for i, (b, ss) in enumerate(posts):
            one.add(b, ss)
            (left if i % 3 else right).add(b, ss)  # skills indexed in different orders
        assert right.spilled_postings > 0
        left.merge(pickle.loads(pickle.dumps(right)))  # right's file read into the pickle
        assert len(left) == len(one) == 600
        assert left == one and left != SkillSpill()
        views = [(sorted({s for _, ss in posts for s in ss}), 20)]
        assert left.cooccurring(views, top=5) == one.cooccurring(views, top=5)
        with pytest.raises(TypeError):
            left.merge(PairCounts())  # type: ignore[arg-type]
    assert (len(one), one._file) == (0, None)  # closed: no file, no postings


def test_an_in_memory_spill_never_makes_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spill_module, "FLUSH", 4)
    spill = SkillSpill(in_memory=True)
    for b, ss in _random_posts(8, 50, 10):
        spill.add(b, ss)
    assert (spill._file, spill.spilled_postings, len(spill)) == (None, 0, 50)


def _facts(posts: Posts) -> Iterator[tuple[int, PostingFacts]]:
    for b, ss in posts:
        yield b, PostingFacts(score=b + 0.5, skills=dict.fromkeys(ss, True), categories={})


def _kept_bytes(posts: Posts, pairs: SkillSpill | PairCounts) -> tuple[int, int]:
    """(memory still held by the counts once every posting is in, peak while counting)."""
    tracemalloc.start()
    try:
        counts = MarketCounts(pairs=pairs)
        for b, facts in _facts(posts):
            counts.bins[b].add(facts, match_score=70.0)
            counts.pairs.add(b, facts.skills)
        if isinstance(pairs, PairCounts):
            len(pairs)  # its last buffer merged in
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    counts.close()
    return held, peak


def test_memory_of_the_counts_does_not_grow_with_the_postings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spill_module, "FLUSH", 1024)  # both runs fill the buffer many times
    # 40 skills, up to 10 a posting: the per-bin counts fill up within the first N postings,
    # the (bin, pair) combinations (101 x 780) keep coming for long
    small, large = _random_posts(6, 2000, 40, 10), _random_posts(7, 20_000, 40, 10)
    spill_small, spill_large = _kept_bytes(small, SkillSpill()), _kept_bytes(large, SkillSpill())
    pairs_small, pairs_large = _kept_bytes(small, PairCounts()), _kept_bytes(large, PairCounts())
    # the spill: the same memory for 10x the postings (held and peak within 10 %)
    assert spill_large[0] <= 1.1 * spill_small[0], (spill_small, spill_large)
    assert spill_large[1] <= 1.1 * spill_small[1], (spill_small, spill_large)
    # what it replaces grew (so this test can see growth)
    assert pairs_large[0] > 1.5 * pairs_small[0], (pairs_small, pairs_large)


def _watch_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[IO[bytes]], list[int]]:
    """Temporary files made in ``tmp_path``; the largest size each reached is recorded."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made: list[IO[bytes]] = []
    sizes: list[int] = []
    real = tempfile.TemporaryFile

    def spy(*args: Any, **kwargs: Any) -> IO[bytes]:
        f: IO[bytes] = real(*args, **kwargs)
        made.append(f)
        return f

    real_flush = SkillSpill._flush

    def flush(self: SkillSpill) -> None:
        real_flush(self)
        if self._file is not None:
            sizes.append(self._file.tell())  # bytes written so far

    monkeypatch.setattr(tempfile, "TemporaryFile", spy)
    monkeypatch.setattr(SkillSpill, "_flush", flush)
    monkeypatch.setattr(spill_module, "FLUSH", 4)  # a file from the first postings on
    return made, sizes


TEXTS = [
    "Requirements:\n- Python\n- PyTorch\n- SQL",
    "Requirements:\n- Python and SQL\n\nPreferred:\n- Docker and Kubernetes",
    "We use Java, Spring and PostgreSQL.",
] * 4


def test_the_file_is_removed_after_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, sizes = _watch_temp_files(tmp_path, monkeypatch)
    report = market_report(TEXTS)
    assert report.overall.skills[0].cooccurring  # partners were read from the file
    assert len(made) == 1 and sizes and max(sizes) > 0
    assert made[0].closed
    assert list(tmp_path.iterdir()) == []  # it never had a name in the folder


@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError])
def test_the_file_is_removed_when_counting_fails(
    error: type[BaseException], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, sizes = _watch_temp_files(tmp_path, monkeypatch)
    real_add, seen = ScoreBin.add, []

    def add(self: ScoreBin, facts: PostingFacts, *, match_score: float) -> None:
        seen.append(facts)
        if len(seen) == 8:  # the file holds the first postings by now
            raise error("stop")
        real_add(self, facts, match_score=match_score)

    monkeypatch.setattr(ScoreBin, "add", add)
    postings = [Posting(id=str(i), text=t) for i, t in enumerate(TEXTS)]
    with pytest.raises(error):
        count_postings(postings, PostingScorer("research-engineer"))
    assert len(made) == 1 and max(sizes) > 0 and made[0].closed
    assert list(tmp_path.iterdir()) == []


def test_the_file_is_removed_when_the_report_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, _ = _watch_temp_files(tmp_path, monkeypatch)

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "build_report", fail)
    with pytest.raises(KeyboardInterrupt):
        market_report(TEXTS)
    assert len(made) == 1 and made[0].closed


def test_the_file_is_removed_when_parallel_counting_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobmatch.market.parallel import count_parallel

    made, _ = _watch_temp_files(tmp_path, monkeypatch)

    def postings() -> Any:
        for i, text in enumerate(TEXTS):
            yield Posting(id=str(i), text=text)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        count_parallel(
            postings(), PostingScorer("research-engineer"), jobs=2, match_score=70.0, chunk_size=2
        )
    assert made and all(f.closed for f in made)


def test_parallel_counts_and_report_equal_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spill_module, "FLUSH", 16)  # the parent spills as it merges
    texts = TEXTS + ["Python, Spark and Airflow; SQL preferred.", "Rust and C++."]
    assert market_report(texts, jobs=2) == market_report(texts)
    scorer = PostingScorer("research-engineer")
    items = [Posting(id=str(i), text=t) for i, t in enumerate(texts)]
    from jobmatch.market.parallel import count_parallel

    with (
        count_parallel(items, scorer, jobs=2, match_score=70.0, chunk_size=3) as par,
        count_postings(items, scorer) as one,
    ):
        assert par == one and par.pairs.spilled_postings > 0  # type: ignore[union-attr]


def test_no_temporary_folder_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    monkeypatch.setattr(spill_module, "FLUSH", 1)
    spill = SkillSpill()
    with pytest.raises(JobmatchError) as err:
        spill.add(3, ["python", "sql"])
    assert str(missing) in str(err.value) and "\n" not in str(err.value)
    assert "No such file or directory" in str(err.value)
