"""The posting reader's pre-tests: they never hide a degree or a preference the patterns find."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring import posting_rules
from jobmatch.scoring.posting_rules import PREFER, clauses, degree_levels, states_preference

SPELLINGS = [
    ("PhD in Computer Science", ["phd"]),
    ("Ph.D. or equivalent", ["phd"]),
    ("DPhil preferred", ["phd"]),
    ("a doctoral degree", ["phd"]),
    ("M.Sc. in Statistics", ["master"]),
    ("MSc or MBA", ["master"]),
    ("M.Eng in EE", ["master"]),
    ("BS/MS in Physics", ["master", "bachelor"]),
    ("graduate degree in math", ["master"]),
    ("B.A. in Economics", ["bachelor"]),
    ("B.Tech or BEng", ["bachelor"]),
    ("a 4-year degree", ["bachelor"]),
    ("associate's degree", ["associate"]),
    ("High school diploma or G.E.D", ["high_school"]),
    ("degree in chemistry", ["bachelor"]),
    ("B\u00a0Tech in CS", ["bachelor"]),
    ("B\ttech or b eng", ["bachelor"]),
    ("M.S. or MS in Physics", ["master"]),
    ("Master\u2019s preferred", ["master"]),
    ("advanced\ndegree", ["master"]),
    ("4-year degree", ["bachelor"]),
    ("Associate\u2019s degree", []),
    ("GED required", ["high_school"]),
    ("\u017fecondary \u017fchool", ["high_school"]),
    ("Strong Python and SQL", []),
    ("JD required", ["professional_doctorate"]),
    ("Juris Doctor from an accredited law school", ["professional_doctorate"]),
    ("MD or DO", ["professional_doctorate"]),
    ("MD/PhD", ["phd"]),
    ("Advanced degree preferred (M.S., J.D.)", ["master"]),
    ("M.D. degree", ["professional_doctorate"]),
    ("Doctor of Pharmacy (PharmD)", ["professional_doctorate"]),
    ("EdD preferred", ["phd"]),
    ("a Juris Doctorate", ["professional_doctorate"]),
    ("read the JD below", []),
    ("Baltimore, MD", []),
    # the "B.A." inside "M.B.A." is no bachelor's
    ("M.B.A. required", ["master"]),
    ("B.A. or M.B.A. required", ["bachelor", "master"]),
    # a bare MS or BS before the years asked with it (glassdoor postings' forms); not a
    # state's or a suite's name before "and"
    ("BS and 2 years of experience", ["bachelor"]),
    ("BS with 2+ years, or MS with 0-3 years", ["master", "bachelor"]),
    ("MS and 3 plus years of relevant experience", ["master"]),
    ("MA/MS and two (2) years of experience", ["master"]),
    ("based in Cambridge, MA and currently expanding", []),
    ("Proficiency in MS and Google application suites", []),
]


def _full_levels(clause: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """degree_levels without the pre-test (a hint that matches every clause)."""
    with monkeypatch.context() as m:
        m.setattr(posting_rules, "_degree_hint", lambda clause, folded: True)
        m.setattr(posting_rules, "_LEVEL_WORDS", ((("",), ()),) * len(posting_rules._LEVELS))
        posting_rules._degree_levels.cache_clear()
        found = degree_levels(clause)
    posting_rules._degree_levels.cache_clear()
    return found


@pytest.mark.parametrize(("clause", "levels"), SPELLINGS)
def test_each_spelling_passes_the_pre_test(
    clause: str, levels: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sorted(degree_levels(clause)) == sorted(levels)
    assert _full_levels(clause, monkeypatch) == degree_levels(clause)


def test_the_pre_test_changes_nothing_on_real_postings(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glassdoor = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    texts = [json.loads(line)["text"] for line in glassdoor.read_text("utf-8").splitlines()]
    found = [" ".join(t[a:b].split()) for t in texts for a, b in clauses(t)]
    dev = shared_data / "gold" / "skillspan" / "skillspan_dev.jsonl"
    found += [json.loads(line)["text"] for line in dev.read_text("utf-8").splitlines()]
    posting_rules._degree_levels.cache_clear()
    fast = [degree_levels(c) for c in found]
    with monkeypatch.context() as m:
        m.setattr(posting_rules, "_degree_hint", lambda clause, folded: True)
        m.setattr(posting_rules, "_LEVEL_WORDS", ((("",), ()),) * len(posting_rules._LEVELS))
        posting_rules._degree_levels.cache_clear()
        full = [degree_levels(c) for c in found]
    posting_rules._degree_levels.cache_clear()
    assert fast == full
    assert sum(map(bool, full)) > 100  # the sample does hold degrees
    assert sum(1 for c in found if not posting_rules.DEGREE_HINT.search(c)) > len(found) / 2


def _real_clauses(shared_data: Path) -> list[str]:
    glassdoor = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    texts = [json.loads(line)["text"] for line in glassdoor.read_text("utf-8").splitlines()]
    found = [t[a:b] for t in texts for a, b in clauses(t)]
    dev = shared_data / "gold" / "skillspan" / "skillspan_dev.jsonl"
    return found + [json.loads(line)["text"] for line in dev.read_text("utf-8").splitlines()]


def test_the_folding_maps_every_ignorecase_lookalike_of_an_ascii_letter() -> None:
    """What re.IGNORECASE matches to an ASCII letter, _folded turns into that letter: so a
    literal search in the folded text is a necessary condition of a case-blind match."""
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    lookalikes = [
        chr(cp)
        for cp in range(0x80, 0x110000)
        if not 0xD800 <= cp < 0xE000 and any_letter.fullmatch(chr(cp))
    ]
    assert lookalikes  # the Kelvin sign, the long s, the dotted and dotless i
    for ch in lookalikes:
        letter = next(c for c in string.ascii_lowercase if re.fullmatch(c, ch, re.IGNORECASE))
        assert posting_rules._folded(ch) == letter, hex(ord(ch))
    for letter in string.ascii_letters:
        assert posting_rules._folded(letter) == letter.lower()


@pytest.mark.parametrize(
    "clause",
    [
        "Kubernetes IS A PLUS",
        "Go would be an asset",
        "Nice-to-have: Rust",
        "Ideally 3 years of Scala",
        "PREFERABLY a PhD",
        "Spark experience desirable",
        "dbt is good to have",
        "Airflow would be great",
        "Terraform is helpful",
        "Helm is beneficial",
        "Java (not required)",
        "Optional: C++",
        "R is a plu\u017f",  # the long s, which IGNORECASE reads as s
        "Python and SQL",
        "experience with pluses and minuses",
    ],
)
def test_the_preference_pre_test_gives_the_pattern_s_answer(clause: str) -> None:
    assert states_preference(clause) == (PREFER.search(clause) is not None)


def test_the_preference_pre_test_changes_nothing_on_real_postings(shared_data: Path) -> None:
    found = _real_clauses(shared_data)
    fast = [states_preference(c) for c in found]
    assert fast == [PREFER.search(c) is not None for c in found]
    assert sum(fast) > 100  # the sample does hold preferences


def test_every_preference_word_is_needed() -> None:
    """Each literal of the pre-test stands for an alternative of PREFER: dropping one loses a
    cue the pattern finds (so the list cannot silently go stale the other way)."""
    examples = {
        "plus": "is a plus",
        "bonus": "a bonus",
        "advantage": "an advantage",
        "asset": "an asset",
        "nice": "nice to have",
        "ideal": "ideal",
        "prefer": "preferred",
        "desir": "desired",
        "good to have": "good to have",
        "would be great": "would be great",
        "helpful": "helpful",
        "beneficial": "beneficial",
        "not required": "not required",
        "optional": "optional",
        "consideration": "special consideration for",
    }
    assert set(examples) == set(posting_rules._PREFER_WORDS)
    for word, text in examples.items():
        assert PREFER.search(text)
        others = tuple(w for w in posting_rules._PREFER_WORDS if w != word)
        assert not any(w in posting_rules._folded(text) for w in others), word


def test_a_list_without_bullets_is_one_clause_per_line() -> None:
    from jobmatch.scoring.posting_rules import clauses

    # web pages (and the Glassdoor postings) write a paragraph per line and a list as lines
    # without bullets: a line well short of the text's width, followed by a capital, ends
    intro = "We build the data platform of a growing company and hire engineers. " * 8
    text = (
        f"{intro.strip()}\n"
        "Experience with proteomics and other target engagement technologies is a plus\n"
        "Proficient in mammalian cell culture and cell line development\n"
        "Strong oral and written communication and excellent data management skills\n"
    )
    found = [" ".join(text[a:b].split()) for a, b in clauses(text)]
    assert found[-3:] == [
        "Experience with proteomics and other target engagement technologies is a plus",
        "Proficient in mammalian cell culture and cell line development",
        "Strong oral and written communication and excellent data management skills",
    ]


def test_a_line_ending_with_its_mark_ends_its_item() -> None:
    from jobmatch.scoring.posting_rules import clauses

    # glassdoor-0831: items as long as the text's lines, each marked "(essential)" or
    # "(desirable)", were joined into one clause and all read as preferred
    items = [
        "Work in a cross-functional project team with responsibility of making decisions and"
        " recommendations for program in vivo pharmacology plans (essential)",
        "Develop an understanding of the scientific basis of the CVRM project pipeline, to be"
        " able to successfully execute experiments needed to meet the requirements (essential)",
        "Execution of metabolism in vivo assays including GTTs, ITTs, and measurement of food"
        " intake in the animal models of the group (desirable)",
    ]
    text = "Requirements:\n" + "\n".join(items) + "\n"
    found = [" ".join(text[a:b].split()) for a, b in clauses(text)]
    assert found[-3:] == items


def test_wrapped_lines_stay_one_clause() -> None:
    from jobmatch.scoring.posting_rules import clauses

    # a PDF wraps at its width: a line that fills it continues, capital or not
    text = (
        "You will design and run large-scale experiments on our training infrastructure with\n"
        "Python and PyTorch, report the results to the research team and publish them at top\n"
        "Venues such as NeurIPS and ICML when they are ready.\n"
    )
    assert len(clauses(text)) == 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # glassdoor-0704: a sentence opening with a figure is a sentence of its own
        (
            "We want people who coach colleagues on best data practices. 5+ years is preferred.",
            ["We want people who coach colleagues on best data practices.",
             "5+ years is preferred."],
        ),
        # ... not after an abbreviation ("B.S. 3+ years", "min. 3 years", "approx. 5")
        ("B.S. 3+ years of experience in SQL.", ["B.S. 3+ years of experience in SQL."]),
        ("Experience: min. 3 years in Python.", ["Experience: min. 3 years in Python."]),
        ("A team of approx. 5 engineers.", ["A team of approx. 5 engineers."]),
        # ... nor before the years of another degree, alternatives to the figure before
        # (glassdoor-0370: 3 years with a master's, or 5)
        ("At least 5 years of experience in analysis. 3 years with a Master’s degree.",
         ["At least 5 years of experience in analysis. 3 years with a Master’s degree."]),
    ],
)  # fmt: skip
def test_a_sentence_may_open_with_a_figure(text: str, found: list[str]) -> None:
    assert [text[a:b].strip() for a, b in clauses(text)] == found


def test_years_preferred_in_a_sentence_of_their_own(extractor: SkillExtractor) -> None:
    # glassdoor-0704: the years' own sentence prefers them; run on with the sentence before
    # it, the clause was too long to mark them
    from jobmatch import read_posting

    text = (
        "Data Analyst\n\nQualifications\nWe are looking for candidates who have had previous"
        " experience on analytics teams and are willing to help coach and mentor colleagues on"
        " best data practices. 5+ years is preferred.\nSQL expertise\n"
    )
    read = read_posting(text, extractor=extractor)
    assert (read.years_min, read.years_preferred) == (5.0, True)
