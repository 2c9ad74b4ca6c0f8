"""The jobmatch_skills component, SkillExtractor and extract_skills."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from jobmatch.extract.component import SkillComponent, SkillExtractor, make_nlp, surface_variants
from jobmatch.models import SkillMention


def ids(ex: SkillExtractor, text: str) -> list[str]:
    return [m.skill_id for m in ex.extract(text)]


def test_factory_works_in_a_fresh_interpreter_without_importing_jobmatch(
    mini_lexicon_dir: Path,
) -> None:
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        f"nlp.add_pipe('jobmatch_skills', config={{'lexicon_path': {str(mini_lexicon_dir)!r}}})\n"
        "doc = nlp('PyTorch and SQL')\n"
        "print([(s.text, s.label_) for s in doc.spans['skills']])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[('PyTorch', 'pytorch'), ('SQL', 'sql')]"


def test_import_jobmatch_does_not_import_spacy() -> None:
    code = "import sys, jobmatch; print('spacy' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False False"


def test_spans_and_mentions(mini_extractor: SkillExtractor) -> None:
    text = "Skills: PyTorch, scikit-learn and SQL."
    doc = mini_extractor.nlp(text)
    assert [(s.text, s.label_) for s in doc.spans["skills"]] == [
        ("PyTorch", "pytorch"),
        ("scikit-learn", "scikit-learn"),
        ("SQL", "sql"),
    ]
    assert doc.spans["skills"][0]._.skill.name == "PyTorch"
    mentions = doc._.skill_mentions
    assert mentions == [
        SkillMention("pytorch", "PyTorch", "ml_framework", 8, 15, "PyTorch", "skills"),
        SkillMention(
            "scikit-learn", "scikit-learn", "ml_framework", 17, 29, "scikit-learn", "skills"
        ),
        SkillMention("sql", "SQL", "programming_language", 34, 37, "SQL", "skills"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scikit-learn", [("scikit-learn", "scikit-learn")]),
        ("sklearn", [("sklearn", "scikit-learn")]),
        ("scikit learn", [("scikit learn", "scikit-learn")]),
        ("SCIKIT-LEARN", [("SCIKIT-LEARN", "scikit-learn")]),
        (
            "We use C++, C#. and Node.js, .NET.",
            [("C++", "c++"), ("C#", "c#"), ("Node.js", "nodejs"), (".NET", "dotnet")],
        ),
        ("NodeJS and node.js", [("NodeJS", "nodejs"), ("node.js", "nodejs")]),
        ("CI/CD, CI CD and CICD", [("CI/CD", "ci_cd"), ("CI CD", "ci_cd"), ("CICD", "ci_cd")]),
        (
            "neural networks, neural-network",
            [("neural networks", "neural_network"), ("neural-network", "neural_network")],
        ),
        ("REST APIs", [("APIs", "api")]),
        (
            "NLP and natural language processing",
            [("NLP", "nlp"), ("natural language processing", "nlp")],
        ),
        ("Natural-Language-Processing", [("Natural-Language-Processing", "nlp")]),
        ("ml is not ML", [("ML", "machine_learning")]),
        ("it was an IT role", []),
        ("k8s", [("k8s", "kubernetes")]),
    ],
)
def test_variants(
    mini_extractor: SkillExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.skill_id) for m in mini_extractor.extract(text)] == expected


def test_longest_match_wins(mini_extractor: SkillExtractor) -> None:
    # "Ruby on Rails" beats "Ruby"/"Rails", "Apache Spark" beats "Spark", "Objective-C" beats "C"
    assert ids(mini_extractor, "Ruby on Rails, Apache Spark and Objective-C") == [
        "rails",
        "spark",
        "objective_c",
    ]
    assert [m.text for m in mini_extractor.extract("Spark SQL")] == ["Spark SQL"]


def test_overlap_resolution_is_deterministic(tmp_path: Path) -> None:
    from tests.helpers import write_lexicon

    folder = write_lexicon(
        tmp_path,
        [
            {"id": "first", "name": "alpha beta", "category": "tool"},
            {"id": "second", "name": "beta gamma", "category": "tool"},
            {"id": "third", "name": "gamma delta", "category": "tool"},
        ],
    )
    ex = SkillExtractor(lexicon=folder)
    # equal lengths: the leftmost wins; then "gamma delta" no longer overlaps
    assert [(m.text, m.skill_id) for m in ex.extract("alpha beta gamma delta")] == [
        ("alpha beta", "first"),
        ("gamma delta", "third"),
    ]
    assert [m.skill_id for m in ex.extract("beta gamma delta")] == ["second"]


def test_surface_variants() -> None:
    assert surface_variants("scikit-learn") == ["scikit-learn", "scikit learn", "scikitlearn"]
    assert surface_variants("Node.js") == ["Node.js", "Node js", "Nodejs"]
    assert surface_variants("CI/CD") == ["CI/CD", "CI CD", "CICD"]
    assert surface_variants("API") == ["API", "APIs"]
    assert surface_variants("library") == ["library", "libraries"]
    assert surface_variants("PyTorch") == ["PyTorch"]
    assert surface_variants("statistics") == ["statistics"]
    # a one-word capitalised name is a product or a language: no plural ("envoys")
    assert surface_variants("Envoy") == ["Envoy"]
    assert surface_variants("Neural Network")[-1] == "Neural-Networks"


def test_no_plural_of_product_names(extractor: SkillExtractor) -> None:
    assert extractor.extract("the envoys met gremlins and honeycombs") == []
    found = [
        m.skill_id
        for m in extractor.extract("Bachelors in Computer Science; Dockerfiles; neural networks")
    ]
    assert found == ["bachelors_degree", "computer_science", "docker", "neural_networks"]


def test_mentions_carry_sections(mini_extractor: SkillExtractor) -> None:
    text = "About us\nWe ship Python.\nRequirements:\n- Docker\nNice to have\n- Rust and C++\n"
    got = [(m.text, m.section) for m in mini_extractor.extract(text)]
    assert got == [
        ("Python", "about"),
        ("Docker", "requirements"),
        ("Rust", "preferred"),
        ("C++", "preferred"),
    ]


def test_pipe_and_pipe_docs(mini_extractor: SkillExtractor) -> None:
    texts = ["Python", "", "Docker and Kubernetes"]
    assert [[m.skill_id for m in ms] for ms in mini_extractor.pipe(texts, batch_size=2)] == [
        ["python"],
        [],
        ["docker", "kubernetes"],
    ]
    pairs = list(mini_extractor.pipe_docs(texts))
    assert [doc.text for doc, _ in pairs] == texts
    assert [len(doc) for doc, _ in pairs] == [1, 0, 3]
    assert [m.skill_id for m in pairs[2][1]] == ["docker", "kubernetes"]


def test_to_disk_from_disk_roundtrip(mini_extractor: SkillExtractor, tmp_path: Path) -> None:
    mini_extractor.nlp.to_disk(tmp_path / "model")
    nlp2 = spacy.load(tmp_path / "model")
    text = "Python, R and SQL; a spark of creativity"
    doc = nlp2(text)
    assert [(s.text, s.label_) for s in doc.spans["skills"]] == [
        ("Python", "python"),
        ("R", "r"),
        ("SQL", "sql"),
    ]
    comp = nlp2.get_pipe("jobmatch_skills")
    assert isinstance(comp, SkillComponent)
    assert len(comp.lexicon) == len(mini_extractor.lexicon)


def test_make_nlp_accepts_a_lexicon_object(mini_extractor: SkillExtractor) -> None:
    nlp = make_nlp(mini_extractor.lexicon)
    assert nlp.pipe_names == ["jobmatch_skills"]
    assert [m.skill_id for m in nlp("Go and Docker")._.skill_mentions] == ["go", "docker"]


def test_doc_without_component_has_no_mentions() -> None:
    doc = spacy.blank("en")("Python")
    assert doc._.skill_mentions == []


def test_extract_skills_needs_str() -> None:
    import jobmatch

    with pytest.raises(TypeError, match="needs a str"):
        jobmatch.extract_skills(b"Python")  # type: ignore[arg-type]


def test_extract_skills_shipped_lexicon() -> None:
    import jobmatch

    mentions = jobmatch.extract_skills("PyTorch and R")
    assert [(m.skill_id, m.start, m.end, m.section) for m in mentions] == [
        ("pytorch", 0, 7, "other"),
        ("r", 12, 13, "other"),
    ]


def test_shipped_extractor_fixture(extractor: SkillExtractor) -> None:
    got = {m.skill_id for m in extractor.extract("Python, scikit-learn, Docker and Kubernetes")}
    assert {"python", "scikit-learn", "docker", "kubernetes"} <= got


def test_saved_pipeline_does_not_need_the_original_lexicon(tmp_path: Path) -> None:
    import shutil

    from tests.helpers import MINI_RECORDS, write_lexicon

    folder = write_lexicon(tmp_path / "lex", MINI_RECORDS[:3])
    nlp = spacy.blank("en")
    nlp.add_pipe("jobmatch_skills", config={"lexicon_path": str(folder)})
    nlp.initialize()
    nlp.to_disk(tmp_path / "model")
    shutil.rmtree(folder)
    nlp2 = spacy.load(tmp_path / "model")
    doc = nlp2("SQL and C++ but not Java")
    assert [s.label_ for s in doc.spans["skills"]] == ["sql", "c++"]


# --- the trained mention filter --------------------------------------------------------------
def test_title_lines_keep_the_names_they_hold(extractor: SkillExtractor) -> None:
    # a technology named in a job title is a skill of that person (issue 12): the filter,
    # which learned from SkillSpan's unannotated title lines, does not judge names as written
    assert ids(extractor, "Senior Java Developer ( m/f/d )") == ["java"]
    assert ids(extractor, "Experience with Java, Spring Boot and SQL.") == [
        "java",
        "spring_boot",
        "sql",
    ]
    assert extractor.component.filter_active


def test_own_lexicon_gets_no_shipped_filter(mini_extractor: SkillExtractor) -> None:
    # the shipped weights know the shipped skill ids only
    assert not mini_extractor.component.filter_active
    assert ids(mini_extractor, "Senior Python Developer") == ["python"]


def test_mention_features(mini_extractor: SkillExtractor) -> None:
    comp = mini_extractor.component
    doc = mini_extractor.nlp("Intro\nSenior Python Developer")
    found = [
        (s.start, s.end, comp.lexicon.skills.index(comp.lexicon.by_id[s.label_]))
        for s in doc.spans["skills"]
    ]
    assert comp.features(doc, found) == [
        [
            "s:python",
            "id:python",
            "cat:programming_language",
            "case:title",
            "cc:programming_language|title",
            "ntok:1",
            "p:senior",
            "n:developer",
            "len:3",
            "nm:1",
            "title",
            "title|cat:programming_language",
        ]
    ]


@pytest.mark.parametrize(("use_filter", "expected"), [(True, []), (False, ["python"])])
def test_filter_config_flag(
    mini_lexicon_dir: Path, tmp_path: Path, use_filter: bool, expected: list[str]
) -> None:
    weights = tmp_path / "filter.json"
    weights.write_text(
        '{"bias": 1.0, "threshold_probability": 0.5, "weights": {"title": -5.0}}',
        encoding="utf-8",
    )
    nlp = spacy.blank("en")
    nlp.add_pipe(
        "jobmatch_skills",
        config={
            "lexicon_path": str(mini_lexicon_dir),
            "use_filter": use_filter,
            "filter_path": str(weights),
        },
    )
    # a lower-case mention on a title line is judged (a name as written never is)
    title = nlp("Senior python developer")
    assert [s.label_ for s in title.spans["skills"]] == expected
    prose = nlp("Python and SQL.")
    assert [s.label_ for s in prose.spans["skills"]] == ["python", "sql"]


def test_filter_fast_path_equals_the_features(extractor: SkillExtractor) -> None:
    # the component scores on token hashes; training uses the string features: same sums
    comp = extractor.component
    assert comp._filter is not None
    texts = [
        "Senior Java Developer ( m/f/d )\nExperience with Java, Spring Boot and SQL.",
        "Skills:\n- Python / Go / Kubernetes\n- machine learning, NLP and scikit - learn\n",
        "We use React and Node.js on AWS; Agile teams, testing and CI/CD.",
        "A good grasp of statistics: averages.\nLanguages: Python, SQL and Java: Spring.",
    ]
    for doc in comp.nlp.pipe(texts):
        # every raw match (overlaps included): both paths must agree on any candidate list
        found = sorted((s, e, comp._info[h][0]) for h, s, e in comp._matcher(doc))
        assert len(found) >= 5
        soft = {(s, e) for s, e, _ in found[::2]}  # as if their context rules were undecided
        fast = comp.filter_scores(doc, found, soft)
        slow = [comp._filter.score(f) for f in comp.features(doc, found, soft)]
        assert fast == pytest.approx(slow)


@pytest.fixture
def drop_python(tmp_path: Path) -> Path:
    """Filter weights that drop every Python mention the filter judges."""
    weights = tmp_path / "filter.json"
    weights.write_text(
        '{"bias": 1.0, "threshold_probability": 0.5, "weights": {"id:python": -5.0}}',
        encoding="utf-8",
    )
    return weights


@pytest.mark.parametrize(
    ("scope", "text", "expected"),
    [
        ("generic", "Python and SQL.", ["python", "sql"]),  # a name as written: never judged
        ("generic", "python and SQL.", ["sql"]),  # lower case: judged
        ("all", "Python and SQL.", ["sql"]),
    ],
)
def test_filter_scope(
    mini_lexicon_dir: Path, drop_python: Path, scope: str, text: str, expected: list[str]
) -> None:
    nlp = spacy.blank("en")
    config = {"lexicon_path": str(mini_lexicon_dir), "filter_path": str(drop_python)}
    nlp.add_pipe("jobmatch_skills", config={**config, "filter_scope": scope})
    doc = nlp(text)
    assert [s.label_ for s in doc.spans["skills"]] == expected


@pytest.mark.parametrize("loaded", [False, True])
@pytest.mark.parametrize(("scope", "expected"), [("generic", ["python", "sql"]), ("all", ["sql"])])
def test_extractor_passes_filter_path_and_scope(
    mini_lexicon_dir: Path, drop_python: Path, loaded: bool, scope: str, expected: list[str]
) -> None:
    from jobmatch.lexicon.loader import load_lexicon

    lexicon = load_lexicon(mini_lexicon_dir) if loaded else mini_lexicon_dir
    ex = SkillExtractor(lexicon=lexicon, filter_path=drop_python, filter_scope=scope)
    assert ex.component.filter_scope == scope
    assert [m.skill_id for m in ex.extract("Python and SQL.")] == expected


def test_filter_scope_is_checked() -> None:
    with pytest.raises(ValueError, match="filter_scope"):
        SkillComponent(spacy.blank("en"), filter_scope="some")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with C#/.NET and SQL.", ["c#", "dotnet", "sql"]),
        ("C#/ASP.NET and HTML/ CSS", ["c#", "asp.net", "html", "css"]),
        ("F#/C#/.NET", ["f#", "c#", "dotnet"]),
        ("Python/", ["python"]),
    ],
)
def test_slashes_beside_symbols_split(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    # spaCy alone keeps "C#/.NET" and "HTML/" as single tokens: no skill would match
    assert [m.skill_id for m in extractor.extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Node.js/Express, React.js/Redux", ["node.js", "express.js", "react", "redux"]),
        ("ASP.NET/MVC and VB.NET/C#", ["asp.net", "mvc", "vb.net", "c#"]),
        ("D3.js/Highcharts", ["d3.js", "highcharts"]),
    ],
)
def test_library_slash_library_is_no_url(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    # spaCy's URL rule alone keeps "Node.js/Express" as one token (a host and a path)
    assert [m.skill_id for m in extractor.extract(text)] == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://nodejs.org/en/docs",
        "www.asp.net/mvc",
        "http://cdn.example.js/lib",
        "github.com/org/repo",
        "www.example.net/path",
    ],
)
def test_real_urls_stay_one_token(extractor: SkillExtractor, url: str) -> None:
    assert [t.text for t in extractor.nlp.tokenizer(f"see {url} now")] == ["see", url, "now"]


def test_url_tweak_survives_serialisation(extractor: SkillExtractor) -> None:
    fresh = spacy.blank("en")
    fresh.tokenizer.from_bytes(extractor.nlp.tokenizer.to_bytes())
    assert [t.text for t in fresh.tokenizer("Node.js/Express")] == ["Node.js", "/", "Express"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("•Python\n•Docker", ["python", "docker"]),
        ("-Java\n–Kotlin", ["java", "kotlin"]),
        ("Trello- Project management tool", ["trello", "project_management"]),
        ("Languages such as;\noMATLAB\noPython", ["matlab", "python"]),
    ],
)
def test_glued_bullets_and_trailing_dashes_split(
    extractor: SkillExtractor, text: str, expected: list[str]
) -> None:
    # spaCy keeps "•Python", "-Java" and "Trello-" whole ("●", "▪" and "*" it splits)
    assert [m.skill_id for m in extractor.extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # as "IaC (Infrastructure as Code)": the acronym and its expansion, two mentions
        ("Utilizing IaC(Infrastructure as Code) tools", ["infrastructure_as_code"] * 2),
        ("Deployed services on hosts(Docker, Kubernetes)", ["docker", "kubernetes"]),
    ],
)
def test_glued_parenthesis_split(extractor: SkillExtractor, text: str, expected: list[str]) -> None:
    # Awesome-CV resumes glue "(" to the word before it; spaCy keeps "IaC(Infrastructure" whole
    assert [m.skill_id for m in extractor.extract(text)] == expected


def test_glued_parenthesis_split_only_before_a_letter(extractor: SkillExtractor) -> None:
    tokens = [t.text for t in extractor.nlp.tokenizer("f(x) skill(s) (2019) R(3) IaC(Code)")]
    assert tokens == [
        "f",
        "(",
        "x",
        ")",
        "skill",
        "(",
        "s",
        ")",
        "(",
        "2019",
        ")",
        "R(3",
        ")",
        "IaC",
        "(",
        "Code",
        ")",
    ]


def test_word_sub_bullet_split_only_before_a_capital(extractor: SkillExtractor) -> None:
    # Word's "o" sub-bullet glued to an item; a lower-case word or "OK" keeps its "o"
    tokens = [t.text for t in extractor.nlp.tokenizer("oMATLAB oPython of oak OK oK")]
    assert tokens == ["o", "MATLAB", "o", "Python", "of", "oak", "OK", "oK"]


def test_dash_rules_leave_numbers_and_compounds(extractor: SkillExtractor) -> None:
    tokens = [t.text for t in extractor.nlp.tokenizer("-5 degrees, e-mail, C++ and x - y")]
    assert tokens == ["-5", "degrees", ",", "e", "-", "mail", ",", "C++", "and", "x", "-", "y"]


def test_filter_gives_back_list_items_of_a_skills_section(extractor: SkillExtractor) -> None:
    # the filter (trained on posting sentences) drops these lower-case or generic words in
    # prose; listed under a Skills heading they are the candidate's skills
    skills = "Skills\n• Critical Thinking\n• Negotiation\n• Persuasion\n"
    found = [(m.skill_id, m.section) for m in extractor.extract(skills)]
    assert found == [
        ("critical_thinking", "skills"),
        ("negotiation", "skills"),
        ("persuasion", "skills"),
    ]
    doc = extractor.nlp(skills)
    spans = {sp.label_ for sp in doc.spans["skills"]}
    # the filter itself still drops them: doc.spans holds what it kept, mentions() gives
    # the list items of a Skills section back
    assert not {"negotiation", "persuasion"} & spans
    # the same list under another heading stays as the filter left it
    other = skills.replace("Skills", "Interests")
    assert [m.skill_id for m in extractor.extract(other)] == ["critical_thinking"]


def test_certification_name_on_a_title_like_line(extractor: SkillExtractor) -> None:
    # "Architect" is a job-title word; the line is still a certification, not a job title
    text = "AWS Certified Solutions Architect- Associate , 10/2018"
    assert [m.skill_id for m in extractor.extract(text)] == ["aws_certified_solutions_architect"]
    assert ids(extractor, "Senior Java Developer (m/f/d)") == ["java"]


def test_multi_word_skill_wrapped_over_a_line_break(extractor: SkillExtractor) -> None:
    # PDF text wraps lines mid-phrase: one line break between the words still matches
    text = "Skills: conflict\nresolution, project\nmanagement and machine\n  learning."
    found = {m.skill_id: m for m in extractor.extract(text)}
    assert {"conflict_resolution", "project_management", "machine_learning"} <= set(found)
    m = found["conflict_resolution"]
    assert (m.text, text[m.start : m.end]) == ("conflict\nresolution", "conflict\nresolution")
    assert m.section == "skills"


def test_blank_line_ends_a_phrase(extractor: SkillExtractor) -> None:
    mentions = extractor.extract("We studied machine\n\nlearning is not joined across a blank line")
    assert "machine_learning" not in {m.skill_id for m in mentions}


def test_one_shared_extractor_however_the_call_is_spelled() -> None:
    from jobmatch.extract.extractor import default_extractor

    assert default_extractor() is default_extractor(accurate=False)


def test_a_colon_after_a_phrases_object_makes_no_label(extractor: SkillExtractor) -> None:
    # "of statistics:" ends a phrase (the bundled data-analyst posting asks statistics);
    # a colon after anything else is a label's, which the filter learned to doubt
    from jobmatch.extract.vocabulary import OBJECT_BEFORE

    comp = extractor.component
    doc = comp.nlp.make_doc("A good grasp of statistics: averages, variance and A/B tests.")
    found = sorted((s, e, comp._info[h][0]) for h, s, e in comp._matcher(doc))
    stats = [f for f in found if doc[f[0] : f[1]].text == "statistics"]
    assert stats and "n:</s>" in comp.features(doc, stats)[0]
    assert "of" in OBJECT_BEFORE
    assert "statistics" in [m.skill_id for m in extractor.extract(doc.text)]
    label = comp.nlp.make_doc("Python: pandas, NumPy")
    found = sorted((s, e, comp._info[h][0]) for h, s, e in comp._matcher(label))
    assert "n::" in comp.features(label, found[:1])[0]
