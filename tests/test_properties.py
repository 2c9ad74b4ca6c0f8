"""Property tests (hypothesis) over arbitrary input (issue 6).

- for any Unicode text, skill extraction never raises and every mention's offsets slice the
  input to the mention's text;
- scoring any text yields a score in [0, 100] (or a jobmatch input error for an empty text);
- the readers turn any bytes, under any supported extension, into a Document or a
  DocumentError, never another exception; the quality gate keeps its promises on any text.

Derandomised so the suite is reproducible; a failing example is printed by hypothesis.
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jobmatch
from jobmatch.errors import DocumentError, EmptyDocumentError, NoTextLayerError
from jobmatch.read.documents import check_text, read_bytes, read_text_bytes

SETTINGS = settings(
    max_examples=120,
    deadline=None,  # the first example pays for building the spaCy pipeline
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@cache
def _surface_forms() -> list[str]:
    lexicon = jobmatch.load_lexicon()
    forms = sorted({f for skill in lexicon.skills for f in skill.surface_forms})
    return forms[:: max(1, len(forms) // 300)]  # a spread of ~300 forms keeps examples varied


@st.composite
def skill_texts(draw: st.DrawFn) -> str:
    """Arbitrary Unicode interleaved with real skill names, odd separators and case."""
    forms = _surface_forms()
    pieces = draw(
        st.lists(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(forms),
                st.sampled_from(forms).map(str.upper),
                st.sampled_from([" ", "\n", "\t", ", ", "/", "(", ")", "-", "\u00a0", "\u200b"]),
            ),
            max_size=25,
        )
    )
    return "".join(pieces)


@SETTINGS
@given(text=st.one_of(st.text(), skill_texts()))
def test_extraction_never_raises_and_offsets_slice_the_input(text: str) -> None:
    mentions = jobmatch.extract_skills(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.skill_id and m.section
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@SETTINGS
@given(text=st.one_of(st.text(), skill_texts()))
def test_scoring_any_text_gives_a_score_between_0_and_100(text: str) -> None:
    try:
        report = jobmatch.score(text)  # a str is always text, never a file name
    except EmptyDocumentError:
        # an empty text is an input error, never a score
        assert not text.strip()
        return
    assert 0.0 <= report.score <= 100.0


EXTENSIONS = ["cv.txt", "cv.md", "cv.html", "cv.docx", "cv.pdf", "cv"]


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
        st.text(max_size=300).map(lambda t: t.encode("utf-16")),
        st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b),
        st.text(max_size=300).map(lambda t: f"<html><p>{t}</p><script>{t}".encode()),
    ),
    name=st.sampled_from(EXTENSIONS),
)
def test_any_bytes_give_a_document_or_a_document_error(data: bytes, name: str) -> None:
    try:
        doc = read_bytes(data, source="x", name=name)
    except DocumentError as exc:
        assert exc.source == "x" and "\n" not in str(exc)
        return
    assert doc.text and doc.text == doc.text.strip()
    assert "\x00" not in doc.text


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_text_decoding_is_total(data: bytes) -> None:
    try:
        text, encoding = read_text_bytes(data, source="x")
    except DocumentError:
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(text=st.text())
def test_quality_gate_output(text: str) -> None:
    try:
        out, warnings = check_text(text, source="x")
    except (EmptyDocumentError, NoTextLayerError):
        return
    assert out and out == out.strip()
    assert "(cid:" not in out or "(cid:" in text.replace("(cid:", "", 1)
    assert not any("\ud800" <= ch <= "\udfff" for ch in out)
    out.encode("utf-8")  # always encodable: reports and JSON never choke on it
    assert all("\n" not in w for w in warnings)
