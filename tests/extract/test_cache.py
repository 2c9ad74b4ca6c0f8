"""The compiled pattern cache: shipped fresh, used only when it fits, same mentions as without."""

from __future__ import annotations

import gc
import logging
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import cast

import pytest
import srsly

from jobmatch.extract.cache import (
    CACHE_RESOURCE,
    PackedTokens,
    PatternCache,
    build_cache,
    lexicon_hash,
    read_cache,
    shipped_cache,
    stale_reason,
)
from jobmatch.extract.compiled import builder_hash, builder_sources, unfit_reason
from jobmatch.extract.component import SkillComponent, SkillExtractor
from jobmatch.extract.matcher_inputs import PatternTokens
from jobmatch.extract.nlp_tokenizer import blank_pipeline, tokenizer_hash
from jobmatch.lexicon.loader import load_lexicon, source_digest
from tests.helpers import MINI_RECORDS, write_lexicon

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def _without_cache() -> SkillComponent:
    nlp = blank_pipeline()
    nlp.add_pipe("jobmatch_skills", config={"use_cache": False})
    comp = cast(SkillComponent, nlp.get_pipe("jobmatch_skills"))
    comp.initialize()
    return comp


def _shipped() -> PatternCache:
    cache = shipped_cache()
    assert cache is not None
    return cache


def test_the_committed_cache_is_not_stale() -> None:
    # fails when the lexicon or the tokenizer rules change without
    # `python -m jobmatch.extract.cache build`
    assert _shipped().to_dict() == build_cache().to_dict()


def test_the_cache_ships_as_package_data() -> None:
    assert resources.files("jobmatch.extract").joinpath(CACHE_RESOURCE).is_file()
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "jobmatch.extract = compiled_patterns.msgpack" in setup


def test_the_default_pipeline_builds_from_the_shipped_cache(extractor: SkillExtractor) -> None:
    assert extractor.component.pattern_cache is _shipped()
    assert _shipped().letters == ("C", "R")


def test_same_mentions_with_and_without_the_cache(extractor: SkillExtractor) -> None:
    plain = _without_cache()
    assert plain.pattern_cache is not _shipped()  # built by tokenising every text
    assert len(SAMPLES) == 5
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        cached = [(m.skill_id, m.start, m.end, m.section) for m in extractor.extract(text)]
        fresh = [
            (m.skill_id, m.start, m.end, m.section) for m in plain.mentions(plain.nlp(text), text)
        ]
        assert cached == fresh, path.name
        assert cached  # every sample names skills


def test_stale_reasons() -> None:
    lexicon = load_lexicon()
    cache = _shipped()
    digest = cache.tokenizer_hash
    assert stale_reason(cache, lexicon, digest) is None
    older = replace(cache, lexicon_version="2000.1.1")
    assert stale_reason(older, lexicon, digest) == f"lexicon version 2000.1.1 != {lexicon.version}"
    edited = replace(lexicon, skills=lexicon.skills[:-1])
    assert stale_reason(cache, edited, digest) == "the lexicon's content changed"
    assert stale_reason(cache, lexicon, "0" * 64) == "the tokenizer's rules differ"


def test_the_files_digest_decides_before_the_content_hash() -> None:
    lexicon = load_lexicon()
    cache = _shipped()
    digest = cache.tokenizer_hash
    # the shipped cache names the digest of the shipped files, and its content hash is
    # that of the lexicon they hold (the committed cache is also a fresh build, above)
    assert cache.lexicon_source == source_digest(lexicon)
    assert cache.lexicon_hash == lexicon_hash(lexicon)
    # the same files: fits without the content hash; other files with the same content
    # (a lexicon built in memory has no digest): the content hash decides
    assert stale_reason(replace(cache, lexicon_hash="0" * 64), lexicon, digest) is None
    assert stale_reason(replace(cache, lexicon_source="0" * 64), lexicon, digest) is None
    assert stale_reason(replace(cache, lexicon_source=""), replace(lexicon), digest) is None
    neither = replace(cache, lexicon_source="0" * 64, lexicon_hash="0" * 64)
    assert stale_reason(neither, lexicon, digest) == "the lexicon's content changed"
    # a copy of a loaded lexicon has no digest: a stale content hash is seen
    stale = replace(cache, lexicon_hash="0" * 64)
    assert stale_reason(stale, replace(lexicon), digest) == "the lexicon's content changed"


def test_a_cache_without_a_files_digest_reads_back() -> None:
    data = _shipped().to_dict()
    del data["lexicon_source"]
    cache = PatternCache.from_dict(data)
    assert cache.lexicon_source == ""
    assert stale_reason(cache, load_lexicon(), cache.tokenizer_hash) is None
    with pytest.raises(ValueError, match="source digest"):
        PatternCache.from_dict({**data, "lexicon_source": 7})


def test_the_tokenizer_hash_sees_a_rule_change() -> None:
    nlp = blank_pipeline()
    before = tokenizer_hash(nlp.tokenizer)
    assert before == _shipped().tokenizer_hash
    nlp.tokenizer.add_special_case("C.", [{"ORTH": "C."}])
    assert tokenizer_hash(nlp.tokenizer) != before


def test_a_stale_cache_is_not_used(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="jobmatch.extract.cache")
    lexicon = load_lexicon()
    cache = _shipped()
    # a cache of another lexicon version whose tokens are wrong: it must not be used
    wrong = replace(cache, lexicon_version="1999.1.1", tokens={"Python": ["Py", "thon"]})
    nlp = blank_pipeline()
    comp = SkillComponent(nlp, lexicon=lexicon)
    comp.from_bytes(
        srsly.msgpack_dumps({**srsly.msgpack_loads(comp.to_bytes()), "patterns": wrong.to_dict()})
    )
    assert "pattern cache not used: lexicon version 1999.1.1" in caplog.text
    assert [m.skill_id for m in comp.mentions(comp(nlp.make_doc("Python and R")))] == [
        "python",
        "r",
    ]


def test_a_missing_shipped_cache_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("jobmatch.extract.cache.shipped_cache", lambda: None)
    caplog.set_level(logging.INFO, logger="jobmatch.extract.cache")
    nlp = blank_pipeline()
    comp = SkillComponent(nlp, lexicon=load_lexicon())
    n_texts = len(_shipped().tokens)  # 24,245 for lexicon 2026.11.4
    assert f"tokenised {n_texts} pattern texts (no fitting cache)" in caplog.text
    assert comp.pattern_cache.to_dict() == _shipped().to_dict()
    assert [m.skill_id for m in comp.mentions(comp(nlp.make_doc("PyTorch, C++ and R.")))] == [
        "pytorch",
        "c++",
        "r",
    ]


def test_a_custom_lexicon_does_not_use_the_shipped_cache(tmp_path: Path) -> None:
    folder = write_lexicon(tmp_path / "lex", MINI_RECORDS)
    ex = SkillExtractor(lexicon=folder)
    cache = ex.component.pattern_cache
    assert cache is not _shipped()
    assert cache.lexicon_version == "test"
    assert cache.lexicon_hash == lexicon_hash(load_lexicon(folder))


@pytest.mark.parametrize(
    ("content", "level"),
    [
        (None, "INFO"),
        (b"\x00not msgpack", "WARNING"),
        (srsly.msgpack_dumps({"format": 99}), "WARNING"),
    ],
)
def test_read_cache_of_a_missing_or_bad_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes | None, level: str
) -> None:
    caplog.set_level(logging.INFO, logger="jobmatch.extract.cache")
    path = tmp_path / CACHE_RESOURCE
    if content is not None:
        path.write_bytes(content)
    assert read_cache(path) is None
    assert [r.levelname for r in caplog.records] == [level]


def test_cache_round_trips_as_a_dict() -> None:
    cache = _shipped()
    again = PatternCache.from_dict(srsly.msgpack_loads(srsly.msgpack_dumps(cache.to_dict())))
    assert again == replace(cache, tokens=again.tokens)
    assert again.tokens["C++"] == ["C++"]
    with pytest.raises(ValueError, match="not a pattern cache of format 4"):
        PatternCache.from_dict({"format": 1})  # the token lists alone: rebuilt in memory
    with pytest.raises(ValueError, match="not a pattern cache of format 4"):
        PatternCache.from_dict({**cache.to_dict(), "format": 3})  # rules without derived sets
    bad = {**cache.to_dict(), "compiled": {"rules": []}}
    with pytest.raises(ValueError, match="bad compiled build"):
        PatternCache.from_dict(bad)


def test_rules_read_back_from_the_cache_are_the_compiled_ones() -> None:
    # every field, the derived ones too (an iterator read back from the cache was once
    # read twice: the rules lost the first words of their multi-token cues); the derived
    # ones are stored (format 4), and read back equal to what the rule's parts give
    fresh, shipped = build_cache().compiled, _shipped().compiled
    assert fresh is not None and shipped is not None
    assert shipped.rules == fresh.rules
    assert any(r is not None and r.multi_first for r in shipped.rules)
    assert any(r is not None and r.negative_context for r in shipped.rules)
    assert any(r is not None and r.negative_bare for r in shipped.rules)


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_a_cache_leaves_the_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    path = tmp_path / CACHE_RESOURCE
    path.write_bytes(srsly.msgpack_dumps(_shipped().to_dict()))
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        assert read_cache(path) is not None
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()


def test_the_shipped_cache_holds_the_compiled_build(extractor: SkillExtractor) -> None:
    compiled = _shipped().compiled
    assert compiled is not None
    assert compiled.code_hash == builder_hash()
    assert unfit_reason(compiled, len(load_lexicon().skills)) is None
    # the component took its rules and patterns from it, not from compiling them again
    assert extractor.component.pattern_cache is _shipped()
    assert extractor.component.n_patterns == compiled.plan.n_patterns


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"code_hash": "0" * 64}, "the rule and pattern code changed"),
        ({"code_hash": ""}, "the rule and pattern code changed"),
        ({"probe": 1}, "spaCy hashes strings differently"),
        ({"rules": ()}, "0 rules for"),
    ],
)
def test_an_unfit_compiled_build_is_compiled_again(
    caplog: pytest.LogCaptureFixture, change: dict[str, object], reason: str
) -> None:
    caplog.set_level(logging.INFO, logger="jobmatch.extract.cache")
    lexicon = load_lexicon()
    cache = _shipped()
    assert cache.compiled is not None
    # a build whose patterns are wrong: were it used, "Python" would not be found
    wrong_plan = replace(cache.compiled.plan, groups=cache.compiled.plan.groups[:1])
    wrong = replace(cache, compiled=replace(cache.compiled, plan=wrong_plan, **change))
    nlp = blank_pipeline()
    comp = SkillComponent(nlp, lexicon=lexicon)
    comp.from_bytes(
        srsly.msgpack_dumps({**srsly.msgpack_loads(comp.to_bytes()), "patterns": wrong.to_dict()})
    )
    assert f"compiled rules and patterns not used: {reason}" in caplog.text
    assert "tokenised" not in caplog.text  # the cached token lists still fit
    assert comp.pattern_cache.to_dict() == cache.to_dict()
    assert [m.skill_id for m in comp.mentions(comp(nlp.make_doc("Python and R")))] == [
        "python",
        "r",
    ]


def test_the_builder_hash_covers_the_compiling_modules() -> None:
    names = sorted(p.name for p in builder_sources() if p is not None)
    assert names == ["context.py", "forms.py", "patterns.py", "vocabulary.py"]
    assert len(builder_hash()) == 64


def test_a_bad_packed_token_table_means_tokenising(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="jobmatch.extract.cache")
    packed = PackedTokens(srsly.msgpack_dumps(["not", "a", "map"]))
    cache = replace(_shipped(), tokens=packed)
    tokens = PatternTokens(blank_pipeline().tokenizer, cache)
    assert "token table unreadable" in caplog.text
    assert tokens(["Node.js,", "C++"]) == [["Node.js", ","], ["C++"]]
    assert tokens.live == 2
