"""The token columns the component's steps share."""

from __future__ import annotations

from jobmatch.extract.columns import Columns
from jobmatch.extract.nlp_tokenizer import blank_pipeline


def test_breaks_are_the_white_space_tokens_with_a_line_break() -> None:
    nlp = blank_pipeline()
    doc = nlp.make_doc("Python  SQL\nR\n\nGo \t Java \n Scala\n")
    expected = [t.i for t in doc if t.is_space and "\n" in t.text]
    assert [doc[k].text for k in expected] == ["\n", "\n\n", "\n ", "\n"]
    assert Columns(doc).breaks == expected
    assert Columns(doc).breaks == expected  # the second time from the remembered hashes


def test_has_shape_tests_the_shape_column() -> None:
    nlp = blank_pipeline()
    doc = nlp.make_doc("Published at NeurIPS 2021, J. Smith")
    cols = Columns(doc)
    assert cols.has_shape(nlp.vocab.strings["dddd"])
    assert cols.has_shape(nlp.vocab.strings["X."])
    assert not cols.has_shape(nlp.vocab.strings.add("ddd"))
    assert not Columns(nlp.make_doc("no year here")).has_shape(nlp.vocab.strings["dddd"])


def test_where_after_keeps_the_tokens_with_a_lead_within_reach_before() -> None:
    nlp = blank_pipeline()
    doc = nlp.make_doc(
        "Ran experiments and wrote papers; experiments ran long. Ran ran experiments"
    )
    key = nlp.vocab.strings.add
    cols = Columns(doc)
    objects, verbs = frozenset({key("experiments"), key("papers")}), frozenset({key("ran")})
    for reach in (1, 2, 4, 6):
        # the tokens before each, sliced: what the evidence finder did first
        expected = [
            k
            for k in cols.where("low", objects)
            if not verbs.isdisjoint(cols.low[max(0, k - reach) : k])
        ]
        assert cols.where_after(objects, verbs, reach) == expected
    assert [doc[k].text for k in cols.where_after(objects, verbs, 2)] == ["experiments"] * 2
    assert cols.where_after(objects, frozenset({key("absent")}), 5) == []
