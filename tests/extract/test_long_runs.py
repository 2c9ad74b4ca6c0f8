"""The jobmatch tokenizer stays linear on long runs without white space.

spaCy strips affixes one character at a time and searches the rest of the run each time:
2,000 "$" took about 7 s, so a hostile posting of 20 kB of punctuation would hold a batch
worker or a server process for ten minutes. Runs of ``LONG_RUN`` characters or more are
tokenised in pieces of at most 64.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from jobmatch import extract_skills
from jobmatch.extract.extractor import make_nlp
from jobmatch.extract.nlp_tokenizer import LONG_RUN, JobmatchTokenizer, _pieces

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return make_nlp()


def test_make_nlp_uses_the_guarded_tokenizer(nlp: spacy.language.Language) -> None:
    assert isinstance(nlp.tokenizer, JobmatchTokenizer)


@pytest.mark.parametrize("run", ["$" * 5000, "%+)" * 3000, "B.S." * 2000, "a/b," * 700])
def test_pieces_cover_the_run_and_stay_short(run: str) -> None:
    pieces = _pieces(run + " \n")
    assert "".join(pieces) == run + " \n"
    assert max(len(p.rstrip()) for p in pieces) <= 64


@pytest.mark.parametrize("unit", ["$", "%", "•", ",", ")", "+", "B.S.", "ï¼"])
def test_a_long_run_keeps_the_text_and_the_skills_around_it(
    nlp: spacy.language.Language, unit: str
) -> None:
    text = "Python developer " + unit * 30_000 + "\n  Skills: Java, SQL and Docker.\n"
    doc = nlp(text)
    assert doc.text == text
    skills = {s.text for s in doc.spans["skills"]}
    assert {"Python", "Java", "SQL", "Docker"} <= skills


def test_a_long_slash_list_keeps_its_skills() -> None:
    names = ["Python", "Java", "Scala", "Kotlin", "TypeScript", "React", "Django", "Flask"]
    names += ["Docker", "Kubernetes", "Terraform", "Ansible", "Jenkins", "PostgreSQL", "MySQL"]
    names += ["MongoDB", "Redis", "Kafka", "Hadoop", "Airflow", "PyTorch", "TensorFlow"]
    run = "/".join(names * 2)
    assert len(run) >= LONG_RUN
    found = {m.skill_id for m in extract_skills(f"Skills: {run} and more")}
    assert {"python", "java", "docker", "kubernetes", "pytorch", "tensorflow"} <= found


def test_texts_without_a_long_run_are_tokenised_as_by_spacy(
    nlp: spacy.language.Language,
) -> None:
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    plain = Tokenizer(
        nlp.vocab,
        rules=tok.rules,
        prefix_search=tok.prefix_search,
        suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer,
        token_match=tok.token_match,
        url_match=tok.url_match,
    )
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ours, theirs = tok(text), plain(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
