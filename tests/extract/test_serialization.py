"""The component saves and loads like a spaCy component; the tokenizer is explicit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
import spacy

from jobmatch.errors import LexiconError
from jobmatch.extract.cache import lexicon_hash
from jobmatch.extract.component import SkillComponent, SkillExtractor, make_nlp
from jobmatch.extract.nlp_tokenizer import TOKENIZER_NAME, blank_pipeline, tokenizer_hash
from jobmatch.lexicon.loader import lexicon_from_records, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def _mentions(nlp: spacy.Language, text: str) -> list[tuple[str, int, int, str]]:
    comp = cast(SkillComponent, nlp.get_pipe("jobmatch_skills"))
    return [(m.skill_id, m.start, m.end, m.section) for m in comp.mentions(nlp(text), text)]


def test_make_nlp_names_the_jobmatch_tokenizer() -> None:
    nlp = make_nlp()
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": TOKENIZER_NAME, "letter_periods": None}
    assert [t.text for t in nlp.tokenizer("C#/.NET, •Python and R.")] == [
        "C", "#", "/", ".NET", ",", "•", "Python", "and", "R", ".",
    ]  # fmt: skip


def test_adding_the_component_leaves_the_tokenizer_alone() -> None:
    # the wheel check in .ci/run
    nlp = spacy.blank("en")
    before = tokenizer_hash(nlp.tokenizer)
    nlp.add_pipe("jobmatch_skills")
    doc = nlp("PyTorch, R and SQL")
    assert [s.label_ for s in doc.spans["skills"]] == ["pytorch", "r", "sql"]
    assert tokenizer_hash(nlp.tokenizer) == before
    # so spaCy's own rules apply: "R." stays one token there, not with make_nlp()
    assert [t.text for t in nlp.tokenizer("SQL, R.")] == ["SQL", ",", "R."]


def test_saved_pipeline_reloads_in_a_fresh_interpreter(tmp_path: Path) -> None:
    nlp = make_nlp()
    nlp.to_disk(tmp_path / "model")
    saved = tmp_path / "model" / "jobmatch_skills"
    assert sorted(p.name for p in saved.iterdir()) == [
        "compiled_patterns.msgpack",
        "lexicon.toml",
        "mention_filter.msgpack",
        "skills",
    ]
    code = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'model')!r})\n"
        "comp = nlp.get_pipe('jobmatch_skills')\n"
        "out = {'tokenizer': nlp.config['nlp']['tokenizer']['@tokenizers'], 'texts': []}\n"
        "for path in sys.argv[1:]:\n"
        "    text = open(path, encoding='utf-8').read()\n"
        "    out['texts'].append([[m.skill_id, m.start, m.end, m.section]\n"
        "                         for m in comp.mentions(nlp(text), text)])\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *map(str, SAMPLES)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    out = json.loads(proc.stdout)
    assert out["tokenizer"] == TOKENIZER_NAME
    expected = [[list(m) for m in _mentions(nlp, p.read_text(encoding="utf-8"))] for p in SAMPLES]
    assert out["texts"] == expected
    assert all(expected)


def test_to_bytes_from_bytes_round_trip(extractor: SkillExtractor) -> None:
    data = extractor.component.to_bytes()
    nlp = blank_pipeline()
    nlp.add_pipe("jobmatch_skills")
    comp = cast(SkillComponent, nlp.get_pipe("jobmatch_skills"))
    comp.from_bytes(data)
    assert lexicon_hash(comp.lexicon) == lexicon_hash(extractor.lexicon)
    assert comp.lexicon.kinds == extractor.lexicon.kinds != frozenset()
    assert comp.mention_filter == extractor.component.mention_filter
    assert comp.pattern_cache.to_dict() == extractor.component.pattern_cache.to_dict()
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert _mentions(nlp, text) == _mentions(extractor.nlp, text), path.name


def test_the_filter_weights_travel_with_the_pipeline(
    extractor: SkillExtractor, tmp_path: Path
) -> None:
    filt = extractor.component.mention_filter
    assert filt is not None
    # weights of one's own (here: the shipped ones, shifted) are saved, not re-read
    own = type(filt)(
        weights={k: v + 0.5 for k, v in filt.weights.items()},
        bias=filt.bias - 1.0,
        threshold=filt.threshold,
        meta=filt.meta,
    )
    nlp = make_nlp()
    comp = cast(SkillComponent, nlp.get_pipe("jobmatch_skills"))
    comp.initialize()
    comp._filter = own  # noqa: SLF001 (weights trained elsewhere)
    nlp.to_disk(tmp_path / "model")
    again = cast(SkillComponent, spacy.load(tmp_path / "model").get_pipe("jobmatch_skills"))
    assert again.mention_filter == own
    again2 = SkillComponent(blank_pipeline()).from_bytes(comp.to_bytes())
    assert again2.mention_filter == own


def test_a_pipeline_without_filter_saves_none(tmp_path: Path) -> None:
    nlp = make_nlp(use_filter=False)
    nlp.to_disk(tmp_path / "model")
    assert not (tmp_path / "model" / "jobmatch_skills" / "mention_filter.msgpack").exists()
    comp = cast(SkillComponent, spacy.load(tmp_path / "model").get_pipe("jobmatch_skills"))
    assert comp.mention_filter is None


def test_initialize_takes_the_lexicon_from_a_registered_function(mini_lexicon_dir: Path) -> None:
    nlp = blank_pipeline()
    nlp.add_pipe("jobmatch_skills")
    nlp.config["initialize"]["components"]["jobmatch_skills"] = {
        "lexicon": {"@misc": "jobmatch.lexicon_folder.v1", "path": str(mini_lexicon_dir)}
    }
    nlp.initialize()
    comp = cast(SkillComponent, nlp.get_pipe("jobmatch_skills"))
    assert comp.lexicon.version == "test"
    assert comp.lexicon == load_lexicon(mini_lexicon_dir)


def test_initialize_with_the_shipped_lexicon() -> None:
    nlp = blank_pipeline()
    nlp.add_pipe("jobmatch_skills")
    nlp.config["initialize"]["components"]["jobmatch_skills"] = {
        "lexicon": {"@misc": "jobmatch.shipped_lexicon.v1"}
    }
    nlp.initialize()
    comp = cast(SkillComponent, nlp.get_pipe("jobmatch_skills"))
    assert comp.lexicon is load_lexicon()
    with pytest.raises(TypeError, match="lexicon must be a Lexicon, not str"):
        comp.initialize(lexicon="skills")


def test_from_bytes_of_something_else() -> None:
    comp = SkillComponent(blank_pipeline())
    with pytest.raises(LexiconError, match="not a jobmatch_skills component"):
        comp.from_bytes(b"\x81\xa1a\x01")


def test_lexicon_from_records_validates() -> None:
    meta = {"version": "1", "categories": {"lang": {"label": "Languages", "layer": "knowledge"}}}
    ok = lexicon_from_records(meta, [{"id": "go", "name": "Go", "category": "lang"}])
    assert [s.id for s in ok.skills] == ["go"]
    with pytest.raises(LexiconError) as err:
        lexicon_from_records(meta, [{"id": "Go", "name": "Go", "category": "nope"}, 3])
    assert err.value.problems == (
        "record 1: id 'Go' must be a lower-case slug",
        "record 1: unknown category 'nope'",
        "record 2: a record must be a JSON object",
    )
