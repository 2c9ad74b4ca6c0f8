"""spaCy memory zones: the vocabulary does not grow with distinct texts, results do not change.

spaCy's StringStore keeps every token string it sees; long loops (batch, market, rank,
serve workers) over distinct texts read them in zones (:meth:`SkillExtractor.pipe_zoned`,
:meth:`SkillExtractor.memory_zone`) whose new strings are freed on exit.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pytest

from jobmatch.batch.stream import score_many
from jobmatch.extract.component import SkillExtractor, default_extractor
from jobmatch.market import market_report


def distinct_texts(n: int, seed: int = 0) -> list[str]:
    """``n`` postings that share skills but each bring new words (ids, names, numbers)."""
    skills = ["Python", "SQL", "Docker", "PyTorch", "Kubernetes", "Spark", "R", "Tableau"]
    out = []
    for i in range(seed, seed + n):
        picked = ", ".join(skills[(i + k) % len(skills)] for k in range(1 + i % 4))
        out.append(
            f"Data Scientist at Zorvex{i}q Analytics (req QX{i * 7919:08d})\n"
            f"Requirements:\n- {picked}\n- Experience with Kelbrin{i}x pipelines\n"
            f"Preferred:\n- {skills[i % len(skills)]}\n"
            f"Contact: careers{i}@firm{i}.example, ref {i * 104729}"
        )
    return out


@pytest.fixture
def cold(extractor: SkillExtractor) -> Iterator[SkillExtractor]:
    """The session extractor with zones from the first text (no warm-up)."""
    saved = extractor.warm_texts
    extractor.warm_texts = 0
    try:
        yield extractor
    finally:
        extractor.warm_texts = saved


def test_zoned_texts_leave_the_string_store_as_it_was(cold: SkillExtractor) -> None:
    texts = distinct_texts(300)
    strings = cold.nlp.vocab.strings
    before = len(strings)
    zoned = [mentions for _, mentions in cold.pipe_zoned(texts, zone_texts=64)]
    assert len(strings) == before
    assert not cold.nlp.vocab.in_memory_zone  # every zone was closed
    # the same mentions as without zones, read after the zones ended (plain data)
    plain = [mentions for _, mentions in cold.pipe_docs(texts)]
    assert zoned == plain
    assert sum(len(m) for m in zoned) > 600  # the texts do mention skills
    # without a zone the same texts add their new words: the check above could fail
    assert len(strings) > before + 3 * len(texts)


def test_warm_texts_are_read_outside_zones(extractor: SkillExtractor) -> None:
    ex = SkillExtractor(warm_texts=4)
    strings = ex.nlp.vocab.strings
    base = len(strings)
    list(ex.pipe_zoned(distinct_texts(4, seed=10_000), zone_texts=2))
    warmed = len(strings)
    assert warmed > base  # the warm-up's words stay (spaCy's caches keep them)
    list(ex.pipe_zoned(distinct_texts(50, seed=20_000), zone_texts=10))
    assert len(strings) == warmed


def test_zones_do_not_nest(cold: SkillExtractor) -> None:
    strings = cold.nlp.vocab.strings
    before = len(strings)
    with cold.memory_zone():
        doc, _ = next(cold.pipe_zoned(["Kelbrin77x and Python"]))  # joins the outer zone
        assert doc.text == "Kelbrin77x and Python"  # the inner block did not free it
        assert cold.nlp.vocab.in_memory_zone
    assert len(strings) == before


def test_no_zone_outside_the_main_thread(cold: SkillExtractor) -> None:
    # a zone frees the strings every thread added meanwhile: threads get none
    seen: list[bool] = []

    def work() -> None:
        with cold.memory_zone():
            seen.append(cold.nlp.vocab.in_memory_zone)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [False]
    with cold.memory_zone():
        assert cold.nlp.vocab.in_memory_zone


def test_pipe_zoned_checks_its_zone_size(extractor: SkillExtractor) -> None:
    with pytest.raises(ValueError, match="zone_texts must be at least 1"):
        list(extractor.pipe_zoned(["Python"], zone_texts=0))


def _no_zones(self: SkillExtractor) -> contextlib.AbstractContextManager[None]:
    return contextlib.nullcontext()


@pytest.fixture
def cold_default(monkeypatch: pytest.MonkeyPatch) -> SkillExtractor:
    """The shared extractor (the market's and the batch engine's), with zones from the first
    text."""
    ex = default_extractor()
    monkeypatch.setattr(ex, "warm_texts", 0)
    return ex


def test_market_in_zones_reports_the_same_and_keeps_the_vocabulary(
    cold_default: SkillExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = distinct_texts(200, seed=1_000)
    strings = cold_default.nlp.vocab.strings
    before = len(strings)
    zoned = market_report(texts)
    assert len(strings) == before
    assert zoned.postings == 200
    monkeypatch.setattr(SkillExtractor, "memory_zone", _no_zones)
    plain = market_report(texts)
    assert len(strings) > before + 3 * len(texts)  # without zones it grows
    assert zoned.to_dict() == plain.to_dict()


def test_batch_in_zones_scores_the_same_and_keeps_the_vocabulary(
    cold_default: SkillExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = distinct_texts(150, seed=2_000)
    strings = cold_default.nlp.vocab.strings
    before = len(strings)
    zoned = list(score_many(texts, jobs=1, chunk_size=32))
    assert len(strings) == before
    assert [r.status for r in zoned] == ["ok"] * 150
    monkeypatch.setattr(SkillExtractor, "memory_zone", _no_zones)
    plain = list(score_many(texts, jobs=1, chunk_size=32))
    assert len(strings) > before + 3 * len(texts)
    assert zoned == plain
