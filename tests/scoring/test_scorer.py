"""Scoring: exact values on small hand-made texts against a tiny fixed lexicon and profile."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobmatch.errors import DocumentNotFoundError, EmptyDocumentError, ProfileError
from jobmatch.lexicon.loader import load_lexicon
from jobmatch.models import Document
from jobmatch.read.inputs import as_document
from jobmatch.scoring.explain import snippet
from jobmatch.scoring.formula import calibrate
from jobmatch.scoring.posting_profile import posting_id, posting_profile
from jobmatch.scoring.profiles import ScoringParams, TermModel, load_profile
from jobmatch.scoring.resume_scorer import ResumeScorer
from jobmatch.scoring.scorer import Scorer

TINY_CATEGORIES = {
    "programming_language": ("Programming languages", "knowledge"),
    "ml_framework": ("ML frameworks", "knowledge"),
    "ml_method": ("ML methods", "knowledge"),
    "deep_learning": ("Deep learning", "knowledge"),
}
TINY_RECORDS = [
    {"id": "python", "name": "Python", "category": "programming_language"},
    {"id": "sql", "name": "SQL", "category": "programming_language"},
    {"id": "pytorch", "name": "PyTorch", "category": "ml_framework", "implies": ["deep_learning"]},
    {"id": "tensorflow", "name": "TensorFlow", "category": "ml_framework"},
    {"id": "keras", "name": "Keras", "category": "ml_framework", "implies": ["deep_learning"]},
    {
        "id": "deep_learning",
        "name": "deep learning",
        "category": "deep_learning",
        "implies": ["machine_learning"],
    },
    {"id": "machine_learning", "name": "machine learning", "category": "ml_method"},
]

# similarity_weight = 0: the score depends on coverage only, so values here do not move when
# the shipped TF-IDF data is rebuilt.
TINY_PROFILE = """
[profile]
id = "tiny"
name = "Tiny test profile"
version = "1"

[scoring]
similarity_weight = 0.0
partial_credit = 0.5
midpoint = 0.5
steepness = 6.0

[[categories]]
id = "programming"
label = "Programming"
weight = 1

[[categories.requirements]]
id = "python"
skills = ["python"]
required = true

[[categories.requirements]]
id = "sql"
skills = ["sql"]
required = false

[[categories]]
id = "frameworks"
label = "Frameworks"
weight = 2

[[categories.requirements]]
id = "dl_framework"
label = "PyTorch or TensorFlow"
skills = ["pytorch", "tensorflow"]
required = true

[[categories.requirements]]
id = "keras"
skills = ["keras"]
required = false

[[categories]]
id = "dl"
label = "Deep learning"
weight = 1

[[categories.requirements]]
id = "deep_learning"
skills = ["deep_learning"]
required = true

[[categories]]
id = "education"
label = "Education"
weight = 1

[[categories.requirements]]
id = "master"
degree = "master"
required = true

[[ladder]]
id = "junior"
label = "Junior"
titles = ["junior", "intern"]
min_years = 0.0

[[ladder]]
id = "mid"
label = "Engineer"
titles = ["engineer"]
min_years = 2.0
salary = "about $100,000"

[[ladder]]
id = "senior"
label = "Senior"
titles = ["senior", "lead"]
min_years = 5.0
"""


def write_tiny_lexicon(folder: Path) -> Path:
    from tests.helpers import write_lexicon

    return write_lexicon(folder, TINY_RECORDS, TINY_CATEGORIES, version="tiny-1")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Scorer:
    from jobmatch.extract.component import SkillExtractor

    folder = tmp_path_factory.mktemp("tiny")
    lexicon = load_lexicon(write_tiny_lexicon(folder / "lexicon"))
    (folder / "tiny.toml").write_text(TINY_PROFILE, encoding="utf-8")
    profile = load_profile(folder / "tiny.toml", lexicon=lexicon)
    return Scorer(profile, extractor=SkillExtractor(lexicon=lexicon))


TEXT = "Jane Doe\nSKILLS\nPython and Keras for image models.\n"


def test_coverage_partial_credit_and_categories(tiny: Scorer) -> None:
    r = tiny.score_text(TEXT, source="jane.txt")
    # programming 2/3 (python required 2 of 3), frameworks 1/3 (keras preferred 1 of 3),
    # dl 0.5 (deep learning implied by Keras), education 0 -> (2/3 + 2/3 + 0.5 + 0) / 5
    assert r.coverage == round((2 / 3 + 2 * (1 / 3) + 0.5) / 5, 4) == 0.3667
    assert [(c.id, c.coverage, c.matched, c.partial, c.missing) for c in r.categories] == [
        ("programming", 0.6667, ("python",), (), ("sql",)),
        ("frameworks", 0.3333, ("keras",), (), ("dl_framework",)),
        ("dl", 0.5, (), ("deep_learning",), ()),
        ("education", 0.0, (), (), ("master",)),
    ]
    assert r.score == round(calibrate(0.3667 + 1e-9, tiny.profile.scoring), 1) == 29.0
    assert r.source == "jane.txt" and r.profile == "tiny" and r.lexicon_version == "tiny-1"


def test_matched_skills_carry_evidence(tiny: Scorer) -> None:
    r = tiny.score_text(TEXT)
    got = [
        (m.skill_id, m.requirement, m.match, m.via, m.section, m.start, m.end) for m in r.matched
    ]
    assert got == [
        ("python", "python", "full", None, "skills", 16, 22),
        ("keras", "keras", "full", None, "skills", 27, 32),
        ("deep_learning", "deep_learning", "partial", "keras", "skills", 27, 32),
    ]
    assert r.matched[1].snippet == "Jane Doe SKILLS Python and Keras for image models."
    assert TEXT[27:32] == "Keras"


def test_the_evidence_is_a_sections_line_not_the_headline(tiny: Scorer) -> None:
    # the headline claims Python and Keras; the report shows the lines under a heading
    # (the first there), and the headline only when no section names the skill
    text = "Jane Doe, Python and Keras developer\nEXPERIENCE\nBuilt image models in Python.\n"
    r = tiny.score_text(text)
    got = {m.requirement: (m.via, m.section, text[m.start : m.end]) for m in r.matched}
    assert got["python"] == (None, "experience", "Python")
    assert text.index("Python", 30) == r.matched[0].start
    assert got["keras"] == (None, "other", "Keras")
    assert got["deep_learning"] == ("keras", "other", "Keras")
    # the count of mentions is every mention's, the headline's included
    assert [m.mentions for m in r.matched if m.requirement == "python"] == [2]


def test_what_to_add_is_ranked_by_gain(tiny: Scorer) -> None:
    r = tiny.score_text(TEXT)
    # e.g. meeting dl_framework lifts frameworks to 1: coverage (2/3 + 2 + 0.5) / 5 -> 71.0
    assert [(m.requirement, m.required, m.gain) for m in r.missing] == [
        ("dl_framework", True, 42.0),
        ("master", True, 31.9),
        ("deep_learning", True, 15.5),
        ("sql", False, 10.1),
    ]
    assert r.missing[0].skill_id == "pytorch"
    assert r.missing[0].alternatives == ("tensorflow",)
    assert r.missing[0].name == "PyTorch or TensorFlow"


def test_alternative_and_full_match(tiny: Scorer) -> None:
    text = (
        "SKILLS\nPython, SQL, TensorFlow, Keras, deep learning.\n"
        "EDUCATION\nM.Sc. in Computer Science, 2018\n"
    )
    r = tiny.score_text(text)
    assert r.coverage == 1.0 and r.score == 100.0 and r.missing == ()
    assert r.education.level == "master" and r.education.field == "computer science"
    assert r.education.required_level == "master" and r.education.meets_requirement is True


def test_a_degree_in_progress_meets_no_requirement(tiny: Scorer) -> None:
    text = (
        "SKILLS\nPython, SQL, TensorFlow, Keras, deep learning.\n"
        "EDUCATION\nM.Sc. in Computer Science, Expected 2099\nB.Sc. in Physics, 2016\n"
    )
    r = tiny.score_text(text)
    assert (r.education.level, r.education.field) == ("bachelor", "physics")
    assert r.education.required_level == "master" and r.education.meets_requirement is False


def test_unrelated_text_scores_zero(tiny: Scorer) -> None:
    r = tiny.score_text("Registered nurse. Patient care, wound dressing, triage.")
    assert r.score == 0.0 and r.coverage == 0.0
    assert r.warnings == ("no skills from the lexicon were found in the document",)


def test_same_input_same_dict(tiny: Scorer) -> None:
    a = tiny.score_text(TEXT, source="x").to_dict()
    b = tiny.score_text(TEXT, source="x").to_dict()
    assert a == b
    assert list(a)[0] == "score"
    assert json.loads(json.dumps(a)) == a


def test_score_doc_reuses_the_tokens(tiny: Scorer) -> None:
    doc, mentions = next(tiny.extractor.pipe_docs([TEXT]))
    assert tiny.score_parsed(doc, mentions, source="<text>") == tiny.score_text(TEXT)


def test_document_warnings_reach_the_report(tiny: Scorer) -> None:
    doc = Document(text=TEXT, source="a.pdf", format="pdf", warnings=("3 (cid:NN) glyphs",))
    r = tiny.score_document(doc)
    assert r.source == "a.pdf" and r.warnings == ("3 (cid:NN) glyphs",)


def test_the_readers_notes_on_roles_explain_the_years(tiny: Scorer) -> None:
    """The years a report gives are explained: an entry the reader could not date is a
    note of the report's career (as in ``jobmatch facts``), shown under Experience."""
    from datetime import date

    from jobmatch.report import render_markdown, render_text

    scorer = Scorer(tiny.profile, extractor=tiny.extractor, as_of=date(2024, 6, 1))
    text = (
        "EXPERIENCE\nSenior ML Engineer, Acme — Jan 2020 – Present\nBuilt models in Python.\n"
        "Research Intern, Initech\nWrote PyTorch code.\n"
    )
    report = scorer.score_text(text)
    note = "entry without dates: 'Research Intern'"
    assert note in report.career.notes and note not in report.warnings
    assert f"  note: {note}" in render_text(report).splitlines()
    assert "note: entry without dates" in render_markdown(report)
    assert report.to_dict()["career"]["notes"] == list(report.career.notes)


def test_career_from_dated_roles(tiny: Scorer) -> None:
    from datetime import date

    scorer = Scorer(tiny.profile, extractor=tiny.extractor, as_of=date(2024, 6, 1))
    text = (
        "EXPERIENCE\nSenior ML Engineer, Acme — Jan 2020 – Present\n"
        "Data Engineer, Initech 2016-2019\n"
        "EDUCATION\nB.Sc. Physics 2012 - 2016\n"
    )
    c = scorer.score_text(text).career
    # a year-only range counts from the middle of its first year to the middle of its last
    # (2016-2019: 3.0 years); Jan 2020 to June 2024 (the month of as_of): 54 months
    assert (c.years, c.level, c.level_from, c.ladder) == (
        7.5,
        "senior",
        "title",
        ("junior", "mid", "senior"),
    )
    assert [(x.title, x.employer, x.start, x.end, x.years) for x in c.roles] == [
        ("Senior ML Engineer", "Acme", "2020-01", "present", 4.5),
        ("Data Engineer", "Initech", "2016", "2019", 3.0),
    ]


def test_career_skips_dates_under_interests_and_volunteering(tiny: Scorer) -> None:
    from datetime import date

    scorer = Scorer(tiny.profile, extractor=tiny.extractor, as_of=date(2024, 6, 1))
    text = (
        "Data Engineer, Initech 2021-2023\n"  # before any heading: still a role
        "EXPERIENCE\nML Engineer, Acme 2016-2019\n"
        "INTERESTS\nAlpha Sigma Phi: Vice President 2006-2010\n"
        "VOLUNTEER EXPERIENCE\nSwim Coach 2012-2014\n"
    )
    c = scorer.score_text(text).career
    # the volunteering is a role of its own kind, not counted in the years
    assert [(x.title, x.start, x.kind) for x in c.roles] == [
        ("Data Engineer", "2021", "job"),
        ("ML Engineer", "2016", "job"),
        ("Swim Coach", "2012", "volunteer"),
    ]
    assert c.years == 5.0


def test_calibration_curve() -> None:
    p = ScoringParams()
    assert calibrate(0.0, p) == 0.0 and calibrate(1.0, p) == pytest.approx(100.0)
    values = [calibrate(x / 20, p) for x in range(21)]
    assert values == sorted(values) and len(set(values)) == 21


def test_term_model_cosine() -> None:
    tm = TermModel(idf={"python": 1.0, "pytorch": 2.0, "cooking": 1.0}, vector={"pytorch": 1.0})
    # document vector (python 1, pytorch 2*2=4); cosine with (pytorch 1) = 4 / sqrt(17)
    assert tm.cosine(["python", "pytorch", "pytorch", "unknown"]) == pytest.approx(
        4 / math.sqrt(17)
    )
    assert tm.cosine(["cooking"]) == 0.0 and tm.cosine([]) == 0.0


def test_posting_profile_required_from_sections(tiny: Scorer) -> None:
    posting = (
        "About us\nWe build models with Python.\n"
        "Requirements\n- PyTorch\n- SQL\n"
        "Nice to have\n- Keras\n"
    )
    doc, mentions = next(tiny.extractor.pipe_docs([posting]))
    assert tiny.profile.terms is None  # no generated file: the shipped idf is used
    terms = TermModel(idf={"pytorch": 1.0}, vector={"pytorch": 1.0})
    prof = posting_profile(
        posting, mentions, lexicon=tiny.lexicon, base=tiny.profile, terms=terms, doc=doc
    )
    reqs = {r.id: r.required for _, r in prof.requirements()}
    # "About us" describes the company: its Python is no requirement
    assert reqs == {"pytorch": True, "sql": True, "keras": False}
    assert [c.id for c in prof.categories] == ["ml_framework", "programming_language"]


def test_match_resume_against_posting(tiny: Scorer) -> None:
    posting = "Requirements\n- Python\n- PyTorch\nNice to have\n- SQL\n"
    r = tiny.match("SKILLS\nPython, PyTorch\n", posting)
    # category weights = the sum of their requirement weights (python 2, pytorch 2, sql 1);
    # the evidence prior adds posting_prior (4) x required_weight (2) = 8 unlisted weight:
    # (2 * 1 + 3 * 2/3) / (5 + 8) = 4 / 13
    # a posting given as text is named by a digest of its text
    digest = hashlib.sha256(posting.encode()).hexdigest()[:12]
    assert r.profile == f"posting:text-{digest}" and r.coverage == round(4 / 13, 4) == 0.3077
    assert [(c.id, c.weight, c.missing) for c in r.categories] == [
        ("ml_framework", 2.0, ()),
        ("programming_language", 3.0, ("sql",)),
    ]
    r2 = tiny.match("SKILLS\nSQL\n", posting)
    # equal gains (each adds 2/13 of coverage): ties go by the profile's order, a posting's
    # categories by id (ml_framework first). (The posting's term vector holds fewer than
    # posting_min_terms skill terms: part of the similarity term is the share of listed
    # requirements met, which each also raises.)
    assert [(m.requirement, m.gain) for m in r2.missing] == [("pytorch", 19.8), ("python", 19.8)]


def test_posting_match_keeps_levels_not_the_role_labels_and_salaries(tiny: Scorer) -> None:
    from datetime import date

    scorer = Scorer(tiny.profile, extractor=tiny.extractor, as_of=date(2024, 6, 1))
    resume = "SKILLS\nPython\nEXPERIENCE\nData Engineer, Initech 2020-2023\n"
    own = scorer.score_text(resume).career
    assert (own.level, own.level_label, own.salary_reference) == (
        "mid",
        "Engineer",
        "about $100,000",
    )
    # against a posting, the profile's level labels and salary figures describe another role
    c = scorer.match(resume, "Requirements\n- Python\n- PyTorch\n").career
    assert (c.level, c.level_label, c.salary_reference) == ("mid", "mid", None)
    assert c.ladder == ("junior", "mid", "senior")


def test_posting_prior_is_the_only_shrinkage(tiny: Scorer) -> None:
    """Without the evidence prior a posting's coverage is the plain weighted share."""
    from dataclasses import replace

    flat = replace(tiny.profile, scoring=replace(tiny.profile.scoring, posting_prior=0.0))
    scorer = Scorer(flat, extractor=tiny.extractor)
    posting = "Requirements\n- Python\n- PyTorch\nNice to have\n- SQL\n"
    assert scorer.match("SKILLS\nPython, PyTorch\n", posting).coverage == 0.8  # 4 / 5


def test_posting_that_cannot_show_a_good_fit_says_so(tiny: Scorer) -> None:
    # one requirement read: the evidence prior keeps a resume meeting it below "partial"
    r = tiny.match("SKILLS\nPython\n", "Requirements\n- Python\n")
    assert [m.requirement for m in r.matched] == ["python"] and not r.missing
    assert r.score < 40
    (note,) = [w for w in r.warnings if "cannot show a good fit" in w]
    assert note.startswith(
        "posting <text> has only 1 requirement jobmatch can check (Python): a document meeting it"
    )
    # two required skills can reach a partial match: no warning
    r2 = tiny.match("SKILLS\nPython, PyTorch\n", "Requirements\n- Python\n- PyTorch\n")
    assert r2.score >= 40 and not any("good fit" in w for w in r2.warnings)
    # a shipped profile never warns
    assert not any("good fit" in w for w in tiny.score_text(TEXT).warnings)


def test_reach_warning_is_the_best_score_below_partial(tiny: Scorer) -> None:
    from jobmatch.scoring.formula import compute
    from jobmatch.scoring.scorer import reach_warning

    text = "Requirements\n- Python\n"
    prof = tiny.posting_profile(text, tiny.extractor.extract(text), source="job.txt")
    best = compute(prof, {r.id: 1.0 for _, r in prof.requirements()}, 1.0).score
    note = reach_warning(prof)
    assert note is not None and f"would score at most {best:.1f}," in note


def test_thin_posting_vector_trusts_similarity_less(tiny: Scorer) -> None:
    """A posting's term vector of n < posting_min_terms skill terms: n / posting_min_terms of
    the similarity term is the cosine, the rest the share of listed requirements met."""
    from dataclasses import replace

    text = "Requirements\n- Python\n- PyTorch\n"
    mentions = tiny.extractor.extract(text)
    prof = tiny.posting_profile(text, mentions, source="job.txt")
    n, params = len(prof.terms.vector), tiny.profile.scoring
    assert 0 < n < params.posting_min_terms == 10
    assert prof.scoring.similarity_trust == pytest.approx(n / 10)
    assert prof.scoring.similarity_weight == params.posting_similarity_weight == 0.3
    off = replace(tiny.profile, scoring=replace(params, posting_min_terms=0.0))
    flat = Scorer(off, extractor=tiny.extractor).posting_profile(text, mentions, source="j.txt")
    assert flat.scoring.similarity_trust == 1.0
    # the parts show the blend, and their arithmetic holds: a resume meeting both
    r = tiny.match("SKILLS\nPython, PyTorch\n", text)
    p = r.parts
    assert p is not None and p.similarity_trust == prof.scoring.similarity_trust
    cosine_part = min(1.0, r.similarity / params.cosine_ref)
    listed = 1.0  # both listed requirements met
    blended = p.similarity_trust * cosine_part + (1 - p.similarity_trust) * listed
    assert p.similarity == round(blended, 4)
    assert p.raw == round(0.7 * r.coverage + 0.3 * blended, 4)


def test_thin_posting_is_weak_evidence(tiny: Scorer) -> None:
    """Two found requirements, both met, are not a full match: the prior keeps it low."""
    scorer = ResumeScorer(
        tiny.profile, extractor=tiny.extractor, resume="SKILLS\nPython, PyTorch\n"
    )
    r = scorer.score_text("Requirements\n- Python\n- PyTorch\n", source="job-1")
    assert r.source == "job-1" and r.coverage == round(4 / 12, 4) == 0.3333
    assert r.profile == "posting:job-1"


@pytest.mark.parametrize(
    ("source", "record_id", "expected"),
    [
        ("/home/jane/jobs/acme ml.pdf", None, "posting:acme ml.pdf"),  # no folders
        ("jobs/acme.txt", None, "posting:acme.txt"),
        ("C:\\Users\\jane\\acme.docx", None, "posting:acme.docx"),
        ("feed.jsonl:7", "glassdoor/0001", "posting:glassdoor/0001"),  # a record id as is
        ("jobs/bad\nname\x1b[31m.txt", None, "posting:bad?name?[31m.txt"),
        ("<stdin>", None, "posting:text-" + hashlib.sha256(b"Python").hexdigest()[:12]),
        ("<text>", None, "posting:text-" + hashlib.sha256(b"Python").hexdigest()[:12]),
        ("jobs/", None, "posting:jobs"),
        ("/", None, "posting:text-" + hashlib.sha256(b"Python").hexdigest()[:12]),
    ],
)
def test_posting_id(source: str, record_id: str | None, expected: str) -> None:
    assert posting_id(source, "Python", record_id=record_id) == expected


def test_posting_id_of_a_document_is_its_file_name(tiny: Scorer, tmp_path: Path) -> None:
    posting = tmp_path / "deep" / "acme-ml.txt"
    posting.parent.mkdir()
    posting.write_text("Requirements\n- Python\n", encoding="utf-8")
    r = tiny.match("SKILLS\nPython\n", posting)
    assert r.profile == "posting:acme-ml.txt"
    assert r.to_dict()["profile"] == "posting:acme-ml.txt"
    scorer = ResumeScorer(tiny.profile, extractor=tiny.extractor, resume="SKILLS\nPython\n")
    assert scorer.score_document(as_document(posting)).profile == "posting:acme-ml.txt"


def test_posting_without_skills_is_an_error(tiny: Scorer) -> None:
    with pytest.raises(ProfileError, match="no skills from the lexicon were found in the posting"):
        tiny.match("SKILLS\nPython\n", "We sell shoes.")


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_empty_text_is_never_scored(tiny: Scorer, text: str) -> None:
    with pytest.raises(EmptyDocumentError, match="^a.txt: the document has no text to score$"):
        tiny.score_document(Document(text=text, source="a.txt", format="text"))
    with pytest.raises(EmptyDocumentError):
        tiny.match(text, "Requirements: Python")


def test_a_path_is_a_file_and_a_str_is_text() -> None:
    # 0.2.0: no guessing; a str that reads like a file name is text (was DocumentNotFoundError)
    with pytest.raises(DocumentNotFoundError):
        as_document(Path("no/such/resume.pdf"))
    assert as_document("no/such/resume.pdf").text == "no/such/resume.pdf"
    assert as_document("Python and SQL").source == "<text>"


def test_snippet_folds_space_and_marks_cuts() -> None:
    text = "word " * 30 + "PyTorch" + " more" * 30
    s = snippet(text, 150, 157, width=20)
    assert s.startswith("\u2026") and s.endswith("\u2026") and "PyTorch" in s
    assert snippet("Use  PyTorch\n daily", 5, 12) == "Use PyTorch daily"


def test_public_api_is_lazy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, jobmatch\n"
        "assert callable(jobmatch.score) and callable(jobmatch.match)\n"
        "assert jobmatch.Scorer.__name__ == 'Scorer' and callable(jobmatch.load_profile)\n"
        "assert 'spacy' not in sys.modules and 'sklearn' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_scoring_against_a_profile_does_not_import_the_reading_of_postings() -> None:
    # jobmatch score starts without the posting reader (imported when a posting is read);
    # the names scorer gave before still work
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import jobmatch.api, jobmatch.cli.documents, jobmatch.report\n"
        "from jobmatch.scoring import scorer\n"
        "print(sorted(m for m in sys.modules if m.startswith('jobmatch.scoring.posting')))\n"
        "from jobmatch.scoring.posting_profile import posting_id, posting_profile\n"
        "print(scorer.posting_id is posting_id, scorer.posting_profile is posting_profile)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "True True"]


WORDS = [
    "Python",
    "SQL",
    "PyTorch",
    "TensorFlow",
    "Keras",
    "deep learning",
    "cooking",
    "MSc",
    "and",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_any_text_scores_in_range_and_deterministically(tiny: Scorer, words: list[str]) -> None:
    text = "SKILLS\n" + ", ".join(words) + "\n"
    r = tiny.score_text(text)
    assert 0.0 <= r.score <= 100.0 and 0.0 <= r.coverage <= 1.0
    assert all(0.0 <= c.coverage <= 1.0 for c in r.categories)
    gains = [m.gain for m in r.missing]
    assert gains == sorted(gains, reverse=True)
    assert tiny.score_text(text).to_dict() == r.to_dict()


def test_posting_degrees_required_and_preferred(tiny: Scorer) -> None:
    posting = "Requirements\n- Python\n- Bachelor's degree\nNice to have\n- PhD\n"
    r = tiny.match("SKILLS\nPython\nEDUCATION\nB.Sc. in Physics\n", posting)
    (edu,) = [c for c in r.categories if c.id == "education"]
    assert (edu.matched, edu.missing) == (("degree",), ("degree_preferred",))
    # named as a person reads them, not by their ids ("Degree: phd", "professional_doctorate")
    labels = {m.requirement: m.name for m in r.missing}
    assert labels["degree_preferred"] == "Degree: PhD"
    r = tiny.match("SKILLS\nPython\n", "Requirements\n- Python\n- JD required\n")
    assert {m.name for m in r.missing} == {"Degree: professional doctorate"}


def test_profile_without_generated_part_gets_a_term_vector(tiny: Scorer) -> None:
    # built from its labels and skill names over the shipped vocabulary, skill terms only
    assert {"python", "pytorch", "tensorflow", "keras"} <= set(tiny.terms.vector)
    assert tiny.score_text(TEXT).similarity > 0.0


def test_coverage_ceiling_keeps_similarity_from_carrying_a_score() -> None:
    from jobmatch.scoring.formula import ceiling

    params = ScoringParams()
    assert ceiling(0.0, params) == 30.0
    assert ceiling(0.2, params) == 30.0
    assert ceiling(0.25, params) == pytest.approx(80.0)
    assert ceiling(0.5, params) == 100.0
    # similarity at its cap and a coverage of 0.1: the calibrated score would be far higher
    assert calibrate(0.4 * 0.1 + 0.6 * 1.0, params) > 60


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # a label that already names its alternatives is not followed by them again
        ("A framework (PyTorch or TensorFlow)", "A framework (PyTorch or TensorFlow)"),
        # ... in another order or wording ("Version control (Git)")
        ("TensorFlow or PyTorch framework", "TensorFlow or PyTorch framework"),
        # a label that is one of the alternatives gives way to the list of them
        ("pytorch", "PyTorch or TensorFlow"),
        ("req_id", "PyTorch or TensorFlow"),
        # any other label is followed by the alternatives
        ("A deep-learning framework", "A deep-learning framework (PyTorch or TensorFlow)"),
    ],
)
def test_requirement_names_its_alternatives_once(label: str, expected: str) -> None:
    from jobmatch.scoring.explain import _requirement_name
    from jobmatch.scoring.profile_types import Requirement

    lexicon = load_lexicon()
    req = Requirement(id="req_id", label=label, required=True, skills=("pytorch", "tensorflow"))
    assert _requirement_name(req, lexicon) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # named by the aliases a reader knows: not followed by the lexicon's names again
        (
            "A cloud platform (AWS, Google Cloud or Azure)",
            "A cloud platform (AWS, Google Cloud or Azure)",
        ),
        # one alternative not named: the list follows
        (
            "A cloud platform (AWS or Azure)",
            "A cloud platform (AWS or Azure) (Amazon Web Services, Google Cloud Platform or"
            " Microsoft Azure)",
        ),
        # an alias inside a longer word names nothing ("GCPx")
        (
            "A cloud platform (AWS, GCPx or Azure)",
            "A cloud platform (AWS, GCPx or Azure) (Amazon Web Services, Google Cloud Platform"
            " or Microsoft Azure)",
        ),
    ],
)
def test_requirement_named_by_aliases_is_named_once(label: str, expected: str) -> None:
    from jobmatch.scoring.explain import _requirement_name
    from jobmatch.scoring.profile_types import Requirement

    req = Requirement(id="cloud", label=label, required=True, skills=("aws", "gcp", "azure"))
    assert _requirement_name(req, load_lexicon()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Built convolutional neural networks in PyTorch for image recognition.",
        "Trained recurrent neural networks for speech.",
        "Designed graph neural networks for molecules.",
    ],
)
def test_named_neural_network_kinds_give_credit_for_neural_networks(text: str) -> None:
    """A resume with convolutional (recurrent, graph) neural networks is not told to add
    "neural networks" as if it had none: they give partial credit for it (the report
    suggests naming it, an upgrade)."""
    import jobmatch

    report = jobmatch.score(f"Experience\n{text}\n")
    credit = {m.skill_id: m.match for m in report.matched}
    assert credit.get("neural_networks") == "partial"


@pytest.mark.parametrize(
    ("asked", "named", "kind", "via"),
    [
        # a member of a broad kind (the lexicon's ``kinds``)
        (
            "Experience with relational databases.",
            "PostgreSQL",
            "relational_databases",
            "postgresql",
        ),
        ("Experience with NoSQL stores.", "MongoDB", "nosql", "mongodb"),
        (
            "Familiarity with ML frameworks.",
            "TensorFlow",
            "machine_learning_frameworks",
            "tensorflow",
        ),
        ("Strong data visualization skills.", "Tableau", "data_visualization", "tableau"),
        ("Experience with version control.", "Git", "version_control", "git"),
        ("Experience with CI/CD.", "Jenkins", "ci_cd", "jenkins"),
        ("Infrastructure as code experience.", "Terraform", "infrastructure_as_code", "terraform"),
        # a compound skill, a kind of its head
        (
            "Experience with software testing.",
            "performance testing",
            "software_testing",
            "performance_testing",
        ),
        ("Experience with reporting.", "Financial reporting", "reporting", "financial_reporting"),
        ("Knowledge of compliance.", "security compliance", "compliance", "security_compliance"),
        ("Experience with Linux.", "Ubuntu", "linux", "ubuntu"),
        ("Experience with APIs.", "RESTful APIs", "apis", "rest_apis"),
        (
            "Experience with information security.",
            "network security",
            "security",
            "network_security",
        ),
        ("Experience in marketing.", "digital marketing", "marketing", "digital_marketing"),
        ("Experience in sales.", "B2B sales", "sales", "b2b_sales"),
        ("Experience in audit.", "internal audit", "audit", "internal_audit"),
        ("Experience in banking.", "investment banking", "banking", "investment_banking"),
        ("Knowledge of economics.", "behavioral economics", "economics", "behavioral_economics"),
        ("Experience in trading.", "algorithmic trading", "trading", "algorithmic_trading"),
        ("Proven leadership skills.", "team leadership", "leadership", "team_leadership"),
        (
            "Strong negotiation skills.",
            "contract negotiation",
            "negotiation",
            "contract_negotiation",
        ),
        (
            "Excellent communication skills.",
            "cross-cultural communication",
            "communication",
            "cross-cultural_communication",
        ),
        ("Proficiency in Microsoft Office.", "Excel", "microsoft_office", "excel"),
        # creative problem solving is problem solving, and creativity (a resume's "Soft:
        # Teamwork, Creative Problem Solving" was told problem solving is missing)
        (
            "Strong problem solving skills.",
            "Creative Problem Solving",
            "problem-solving",
            "creative_problem_solving",
        ),
        (
            "Creative thinking.",
            "Creative Problem Solving",
            "creativity",
            "creative_problem_solving",
        ),
        # CUDA is GPU computing ("experience with distributed training on GPU clusters")
        ("Experience with GPU computing.", "CUDA", "gpu_computing", "cuda"),
        (
            "Experience with content management systems.",
            "WordPress",
            "content_management_systems",
            "wordpress",
        ),
        # learning methods: a random forest is supervised learning, clustering unsupervised
        (
            "Experience with supervised learning.",
            "random forests",
            "supervised_learning",
            "random_forest",
        ),
        (
            "Experience with supervised learning.",
            "logistic regression",
            "supervised_learning",
            "logistic_regression",
        ),
        (
            "Knowledge of unsupervised learning.",
            "k-means clustering",
            "unsupervised_learning",
            "k-means",
        ),
    ],
)
def test_a_named_member_meets_its_kind(asked: str, named: str, kind: str, via: str) -> None:
    """A posting asking a broad kind ("relational databases") does not tell a resume naming
    one of its members (PostgreSQL) that it is missing, nor that it is only partly met; nor
    one naming a compound skill, a kind of its head ("performance testing" is testing,
    "Financial reporting" reporting, Ubuntu a Linux): the lexicon's ``implies`` and
    ``kinds``, and the report names the member as the evidence."""
    import jobmatch

    report = jobmatch.match_texts(
        f"Skills\nPython, {named}\n", f"Requirements\n- Python.\n- {asked}\n"
    )
    credit = {m.requirement: (m.match, m.via) for m in report.matched}
    assert credit.get(kind) == ("full", via)
    assert kind not in {m.requirement for m in report.missing}


@pytest.mark.parametrize(
    ("named", "asked", "skill", "via"),
    [
        # a React, Angular or Vue developer does frontend development, a Node.js developer
        # backend development: evidence, partly, not the practice itself
        ("React", "Frontend development experience.", "frontend", "react"),
        ("Vue.js", "Frontend development experience.", "frontend", "vue.js"),
        ("Angular", "Frontend development experience.", "frontend", "angular"),
        ("Node.js", "Backend development experience.", "backend", "node.js"),
        # Java and C++ are object-oriented languages
        ("Java", "Object-oriented programming.", "object-oriented_programming", "java"),
        ("C++", "Object-oriented programming.", "object-oriented_programming", "c++"),
    ],
)
def test_a_tool_partly_meets_the_practice_it_serves(
    named: str, asked: str, skill: str, via: str
) -> None:
    import jobmatch

    report = jobmatch.match_texts(
        f"Skills\nPython, {named}\n", f"Requirements\n- Python.\n- {asked}\n"
    )
    credit = {m.requirement: (m.match, m.via) for m in report.matched}
    assert credit.get(skill) == ("partial", via)


def test_an_implied_skill_that_is_no_kind_stays_partial() -> None:
    """Keras implies deep learning (a field, not a kind of which Keras is one): partly met;
    the same mention meets "ML frameworks" (a kind) in full."""
    import jobmatch

    report = jobmatch.match_texts(
        "Skills\nKeras\n",
        "Requirements\n- Deep learning.\n- Experience with ML frameworks.\n",
    )
    credit = {m.requirement: (m.match, m.via) for m in report.matched}
    assert credit["deep_learning"] == ("partial", "keras")
    assert credit["machine_learning_frameworks"] == ("full", "keras")
