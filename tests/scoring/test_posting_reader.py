"""The posting reader: requirements with alternatives, required or preferred, education, years."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch import read_posting
from jobmatch.cli import main
from jobmatch.errors import DocumentNotFoundError, EmptyDocumentError
from jobmatch.extract.component import SkillExtractor
from jobmatch.models import Document
from jobmatch.posting_report import render_posting
from jobmatch.scoring.posting_model import PostingRequirements
from jobmatch.scoring.posting_rules import clauses, degree_levels, years_asked

POSTING = """Machine Learning Engineer

About us
We build models with Python for publishers.

Requirements
- 3+ years of experience building ML models in Python or R
- Experience with PyTorch/TensorFlow
- Master's or Ph.D. in Computer Science, Statistics, or a related field
- Excellent communication skills

Nice to have
- Cloud experience (e.g., AWS, GCP or Azure)
- Familiarity with Docker is a plus

Benefits
- Free lunch and a SQL training budget
"""


@pytest.fixture(scope="module")
def read(extractor: SkillExtractor) -> PostingRequirements:
    return read_posting(POSTING, extractor=extractor)


def ids(read: PostingRequirements) -> list[tuple[tuple[str, ...], bool]]:
    return [(tuple(s.skill_id for s in r.skills), r.required) for r in read.requirements]


def test_requirements_alternatives_and_preference(read: PostingRequirements) -> None:
    assert ids(read) == [
        (("machine_learning",), True),
        (("python", "r"), True),
        (("pytorch", "tensorflow"), True),
        (("communication",), True),
        (("cloud_computing", "aws", "gcp", "azure"), False),
        (("docker",), False),
    ]
    assert read.requirements[2].name == "PyTorch or TensorFlow"
    assert read.requirements[2].evidence == "Experience with PyTorch/TensorFlow"
    assert read.requirements[3].soft and not read.requirements[1].soft
    assert [r.skills[0].skill_id for r in read.preferred] == ["cloud_computing", "docker"]


def test_company_description_and_benefits_are_no_requirement(read: PostingRequirements) -> None:
    # "We build models with Python" (About us) and SQL (Benefits) are not asked of the reader
    assert [s.skill_id for s in read.ignored] == ["sql"]
    assert all(
        r.evidence != "We build models with Python for publishers." for r in read.requirements
    )


def test_one_education_requirement_and_years(read: PostingRequirements) -> None:
    edu = read.education
    assert edu is not None
    assert (edu.min_level, edu.preferred_level) == ("master", None)
    assert edu.fields == ("computer science", "statistics") and edu.related_fields
    # the degree's fields are not skill requirements
    assert not any(s.skill_id == "computer_science" for r in read.requirements for s in r.skills)
    assert read.years_min == 3.0
    assert read.years_evidence == "3+ years of experience building ML models in Python or R"


@pytest.mark.parametrize(
    ("sentence", "required"),
    [
        ("Experience with Kubernetes is a plus.", False),
        ("Kubernetes experience is nice to have.", False),
        ("Ideally you know Kubernetes.", False),
        ("Kubernetes knowledge is a bonus.", False),
        ("Kubernetes experience preferred.", False),
        ("Kubernetes experience desired.", False),
        ("Familiarity with Kubernetes is an advantage.", False),
        ("Strong experience with Kubernetes.", True),
    ],
)
def test_preference_inside_sentences(
    extractor: SkillExtractor, sentence: str, required: bool
) -> None:
    read = read_posting(f"Requirements\n- {sentence}\n", extractor=extractor)
    assert ids(read) == [(("kubernetes",), required)]


def test_degree_required_and_preferred(extractor: SkillExtractor) -> None:
    read = read_posting(
        "Requirements\n- BS in Computer Science required; MS preferred.\n- 5-7 years with SQL.\n",
        extractor=extractor,
    )
    assert read.education is not None
    assert (read.education.min_level, read.education.preferred_level) == ("bachelor", "master")
    assert not read.education.related_fields
    assert read.years_min == 5.0


def test_terse_posting_without_headings_still_has_requirements(
    extractor: SkillExtractor,
) -> None:
    read = read_posting(
        "Research engineer: Python, PyTorch and CUDA; Kubernetes a plus.", extractor=extractor
    )
    assert ids(read) == [(("python",), True), (("pytorch",), True), (("cuda",), True),
                         (("kubernetes",), False)]  # fmt: skip


def test_path_is_a_file_and_str_is_text(extractor: SkillExtractor, tmp_path: Path) -> None:
    f = tmp_path / "job.txt"
    f.write_text("Requirements\n- Python\n", encoding="utf-8")
    assert read_posting(f, extractor=extractor).source == str(f)
    assert read_posting(Document(text="Python", source="x", format="text"), extractor=extractor)
    with pytest.raises(DocumentNotFoundError):
        read_posting(tmp_path / "nope.txt", extractor=extractor)
    # a str is always the text, even when it names a file
    assert read_posting(str(f), extractor=extractor).source == "<text>"
    with pytest.raises(EmptyDocumentError):
        read_posting("  \n", extractor=extractor)
    with pytest.raises(TypeError):
        read_posting(42, extractor=extractor)  # type: ignore[arg-type]


def test_rules() -> None:
    text = (
        "Requirements: Python; strong SQL.\n- Docker\n"
        "- Experience with distributed data processing frameworks such as Apache\n"
        "Spark or Flink.\n"
    )
    assert [text[a:b] for a, b in clauses(text)] == [
        "Requirements: Python",
        "strong SQL.",
        "- Docker",
        "- Experience with distributed data processing frameworks such as Apache\nSpark or Flink.",
    ]
    assert degree_levels("MS Office and Excel") == []
    assert degree_levels("BS/MS degree in Computer Science") == ["master", "bachelor"]
    assert years_asked("3-5 years of experience; 10+ yrs in total") == 3.0
    assert years_asked("grew 20% in the last 3 years") is None
    # the length of a contract, not experience asked
    assert years_asked("under contract to go at least another 9 years") is None


def test_cli_posting_text_and_json(tmp_path: Path) -> None:
    f = tmp_path / "job.txt"
    f.write_text(POSTING, encoding="utf-8")
    result = CliRunner().invoke(main, ["posting", str(f)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Posting: job.txt\n\nRequired (4):\n  - machine learning\n")
    assert "  - Python or R\n" in result.stdout
    assert "Education: at least a master's degree, in computer science or statistics or a " \
        "related field\n" in result.stdout  # fmt: skip
    assert "Experience: 3+ years in machine learning, Python or R\n" in result.stdout
    result = CliRunner().invoke(main, ["posting", str(f), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["requirements"][1]["name"] == "Python or R"
    assert data["requirements"][1]["skills"] == [
        {"skill_id": "python", "name": "Python"},
        {"skill_id": "r", "name": "R"},
    ]
    assert data["education"]["min_level"] == "master" and data["years_min"] == 3.0
    missing = CliRunner().invoke(main, ["posting", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1


def test_reading_without_years_keeps_every_requirement() -> None:
    from dataclasses import replace

    from jobmatch.extract.extractor import default_extractor
    from jobmatch.lexicon.loader import load_lexicon
    from jobmatch.scoring.posting_reader import read_requirements

    text = (
        "Requirements:\n- 5+ years of experience with Python and SQL\n"
        "- MS in Computer Science\nNice to have:\n- Kubernetes\n"
    )
    mentions = default_extractor().extract(text)
    full = read_requirements(text, mentions, lexicon=load_lexicon())
    lean = read_requirements(text, mentions, lexicon=load_lexicon(), years=False)
    assert full.years_min == 5
    assert [s.skill_id for s in full.years_skills] == ["python", "sql"] and full.years_each
    assert lean.years_min is None and lean.years_evidence is None and lean.years_skills == ()
    assert lean == replace(
        full, years_min=None, years_evidence=None, years_skills=(), years_each=False
    )


@pytest.mark.parametrize(
    ("clause", "groups"),
    [
        # a list of examples ends with "and": its last item is one more example
        ("Cloud platforms (e.g., AWS, GCP and Azure).",
         [["cloud_computing", "aws", "gcp", "azure"]]),
        ("Deep learning frameworks such as PyTorch, TensorFlow, and JAX.",
         [["deep_learning", "pytorch", "tensorflow", "jax"]]),
        # a short form in parentheses does not end the list it stands in
        ("Solid understanding of deep learning architectures, including convolutional neural "
         "networks (CNNs), "
         "recurrent neural networks (RNNs), and transformers.",
         [["deep_learning", "convolutional_neural_networks", "recurrent_neural_networks",
           "transformer"]]),
        # without an example marker, "and" still makes separate requirements
        ("Proficiency in Python, SQL and Spark.", [["python"], ["sql"], ["apache_spark"]]),
        ("PyTorch, scikit-learn, and Hugging Face",
         [["pytorch"], ["scikit-learn"], ["hugging_face"]]),
        ("Python or R and SQL", [["python", "r"], ["sql"]]),
        ("Python (e.g., pandas) and SQL", [["python", "pandas"], ["sql"]]),
        ("Spark or Ray, MLflow", [["apache_spark", "ray"], ["mlflow"]]),
        # a skill after "for" is the purpose of the one before: the comma ends the pair
        ("Familiarity with Storybook for component documentation, Vitest or Jest for unit "
         "tests, and Playwright for end-to-end testing.",
         [["storybook"], ["technical_documentation"], ["vitest", "jest"], ["unit_testing"],
          ["playwright"], ["end-to-end_testing"]]),
        # "or other ..." after a list: its items are alternatives, and so is the kind it
        # names when the kind is a skill ("analytics package": the items' category)
        ("Proficiency in Pandas, SAS, R, Matlab or other analytics package.",
         [["pandas", "sas", "r", "matlab", "data_analytics"]]),
        ("Python, Java, or a similar language", [["python", "java"]]),
        # "X or other/similar/equivalent Y": Y is the kind X is offered as, one requirement
        ("Experience with TensorRT or other inference compilers", [["tensorrt", "compilers"]]),
        ("Experience with Docker or similar container technologies",
         [["docker", "containerization"]]),
        ("Working knowledge of BitBucket or equivalent SCM tool",
         [["bitbucket", "version_control"]]),
        ("AWS GCP Microsoft Azure or another public cloud service",
         [["aws", "gcp", "azure", "cloud_computing"]]),
        # ... and the examples of that kind after it ("like Ramda") too
        ("Some experience with fp-ts, io-ts or similar functional programming libraries like"
         " Ramda",
         [["fp-ts", "io-ts", "functional_programming", "ramda"]]),
        ("Experience with Airflow or similar workflow tools such as Luigi",
         [["apache_airflow", "luigi"]]),
        # ... but not a skill after "and": it is asked besides ("computer networks": a
        # cell's "signaling networks" are no networking since lexicon 2026.12.55)
        ("Knowledge in computer networks or similar cellular pathways and cell biology",
         [["networking"], ["cell_biology"]]),
        # "for" that does not follow a skill keeps the list whole
        ("Experience with tools for monitoring, logging or tracing.",
         [["monitoring", "logging", "distributed_tracing"]]),
        # a list that trails off ("etc.") names examples, unknown names among them too;
        # after "<skill> <up to three words>:" they are that skill's examples
        ("Experience with AWS cloud services: EC2, S3, EMR, Glue, RedShift, Athena etc.",
         [["aws", "amazon_ec2", "amazon_s3", "amazon_emr", "aws_glue", "amazon_redshift"]]),
        ("Big data tools; Teradata, Aster, Hadoop, etc.",
         [["big_data"], ["teradata", "apache_hadoop"]]),
        ("Python, SQL, Tableau and so on", [["python", "sql", "tableau"]]),
        # ... but not the skill asked besides them, nor a list without the trailing words
        ("At least one language in addition to SQL: Java, Python, PHP, etc.",
         [["sql"], ["java", "python", "php"]]),
        ("Skills: Python, SQL, Tableau", [["python"], ["sql"], ["tableau"]]),
        # "or related ..." ends such a list too, unknown names between its skills
        ("Programming languages for deep learning, statistics, sensors and sensor fusion,"
         " planning, computer vision, or related areas.",
         [["programming_languages"],
          ["deep_learning", "statistics", "sensor_fusion", "computer_vision"]]),
        # the list starts at a colon, a parenthesis, an example marker or the line's start
        ("A/B testing in the company, such as outbound email, web optimization, etc.",
         [["a_b_testing"], ["optimization"]]),
        # ... and after a verb or a preposition, its first item of one or two words
        ("Webscraping leveraging Beautifulsoup, Selenium, Scrapy, etc",
         [["beautifulsoup", "selenium", "scrapy"]]),
        ("Knowledge of NoSQL systems, Hadoop/map-reduce, Spark, Hbase, etc.",
         [["nosql", "apache_hadoop", "apache_spark", "apache_hbase"]]),
        ("Strong SQL skills in Spark, Hive, Presto, etc.",
         [["sql"], ["apache_spark", "apache_hive", "presto"]]),
        # "one of the following:" and "two or more of the following:" announce alternatives
        ("Experience writing production level code in one of the following: Python, Java,"
         " C++, C",
         [["python", "java", "c++", "c"]]),
        ("Strong development skills in two or more of the following: C/C++, C#, Python, Java",
         [["computer_programming"], ["c_c++", "c#", "python", "java"]]),
        # examples after "such as" that run to the clause's end, unknown names among them
        ("Solve robotics challenges such as lane detection, object detection and"
         " classification, sensor fusion, tracking, prediction, anomaly detection, and"
         " planning.",
         [["object_detection", "classification", "sensor_fusion", "anomaly_detection"]]),
        # the skill a list of examples exemplifies, before its kind ("toolkits"), is one of
        # them; a list may wrap after a comma
        ("Experience with common data science toolkits, such as R, Weka, NumPy, OpenCV, "
         "MatLab, etc.",
         [["data_science", "r", "weka", "numpy", "opencv", "matlab"]]),
        ("Excellent understanding of machine learning techniques and algorithms, such as k-NN,"
         " Naive Bayes,\nSVM, Decision Forests, CNN, RNN, LSTM etc.",
         [["machine_learning", "algorithms", "k-nearest_neighbors", "naive_bayes",
           "support_vector_machines", "random_forest", "convolutional_neural_networks",
           "recurrent_neural_networks", "lstm"]]),
        # ... but not a skill joined to the head by "and" alone
        ("Python and machine learning techniques, such as k-NN, SVM.",
         [["python"], ["machine_learning", "k-nearest_neighbors", "support_vector_machines"]]),
        # "X based <kind> (including Y)": Y exemplifies the kind, X is asked too (SkillSpan
        # train-tech-008 read "Java or REST"); examples of the skill's own kind stay its
        # alternatives
        ("Must have experience developing Java based services ( including restful web"
         " services )",
         [["java"], ["rest_apis"]]),
        ("Experience with cloud-based technologies ( AWS GCP Azure )",
         [["cloud_computing", "aws", "gcp", "azure"]]),
        # ... but not a list that goes on after its last item, nor two items
        ("Robotics challenges such as lane detection, sensor fusion, and anomaly detection"
         " in our cars with Python",
         [["sensor_fusion"], ["anomaly_detection"], ["python"]]),
    ],
)  # fmt: skip
def test_alternatives_of_a_clause(clause: str, groups: list[list[str]]) -> None:
    from jobmatch import extract_skills
    from jobmatch.scoring.posting_alternatives import alternatives

    assert alternatives(clause, extract_skills(clause)) == groups


@pytest.mark.parametrize(
    ("text", "not_required", "required"),
    [
        # the teams a posting names as colleagues are no skills asked of the candidate
        ("Requirements: 4+ years of product management, working alongside engineering, "
         "design, data science, and go-to-market teams.",
         {"data_science"}, {"product_management"}),
        ("Requirements: experience with SQL; you will work with the Data Engineering team.",
         {"data_engineering"}, {"sql"}),
        # a team named after a language or framework names the job's stack
        ("Requirements: TypeScript; you will work with a GraphQL API team.",
         set(), {"typescript", "graphql"}),
        # leading such a team asks for the skill
        ("Requirements: 5+ years leading data science teams.", set(), {"data_science"}),
        ("Requirements: SQL. You will support our product, sales, leadership and marketing"
         " teams with insights.", {"leadership"}, {"sql"}),
        # ... and their members (glassdoor-0241)
        ("Requirements: SQL. You will work with other members of the Data Engineering, Data"
         " Analytics and User Research teams.", {"data_engineering", "user_research"}, {"sql"}),
    ],
)  # fmt: skip
def test_team_names_are_no_requirement(
    extractor: SkillExtractor, text: str, not_required: set[str], required: set[str]
) -> None:
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert required <= asked
    assert not (not_required & asked)
    assert not_required <= {s.skill_id for s in read.ignored}


def test_team_names_spans() -> None:
    from jobmatch.scoring.posting_rules import team_names

    text = "Join our AI platform team and partner with Sales and the Analytics Strategy teams."
    assert [text[a:b] for a, b in team_names(text)] == [
        "AI platform",
        "Sales and the Analytics Strategy",
    ]
    # long prose before "team" is no team name: the match is bounded and fails fast
    hostile = "with " + "a b c, " * 2000 + "x y z w team"
    assert team_names(hostile) == []


def test_a_preferred_tail_picks_one_of_the_list(extractor: SkillExtractor) -> None:
    # the list is asked; ", Python preferred" prefers one of its items
    text = (
        "Basic Qualifications:\n"
        "Knowledgeable with at least one scripting language (C, C++, Perl, Python, Java, etc.),"
        " Python preferred.\n"
    )
    reqs = {
        tuple(s.skill_id for s in r.skills): r.required
        for r in read_posting(text, extractor=extractor).requirements
    }
    assert list(reqs.items()) == [
        (("scripting_languages", "c", "c++", "perl", "python", "java"), True),
        (("python",), False),  # in text order
    ]
    # a tail naming a skill of its own keeps the whole clause preferred
    text = "Requirements:\n- Experience with SQL, Alteryx, and Microsoft Office preferred.\n"
    read = read_posting(text, extractor=extractor)
    assert read.requirements and not any(r.required for r in read.requirements)


def test_is_needed_makes_a_clause_required(extractor: SkillExtractor) -> None:
    text = "We build networks.\nDeploying services with Python and Kubernetes is needed.\n"
    read = read_posting(text, extractor=extractor)
    assert [(s.skill_id, r.required) for r in read.requirements for s in r.skills] == [
        ("python", True),
        ("kubernetes", True),
    ]


def _asked(text: str, extractor: SkillExtractor) -> dict[tuple[str, ...], bool]:
    read = read_posting(text, extractor=extractor)
    return {tuple(s.skill_id for s in r.skills): r.required for r in read.requirements}


def _check_reading(
    text: str,
    extractor: SkillExtractor,
    asked: dict[tuple[str, ...], bool],
    not_asked: list[str],
) -> None:
    """What the posting asks (skills of each requirement: required or not), and what it
    names without asking."""
    read = read_posting(text, extractor=extractor)
    assert {tuple(s.skill_id for s in r.skills): r.required for r in read.requirements} == asked
    assert [s.skill_id for s in read.ignored] == not_asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the aside prefers what it names; the clause around it stays required
        ("Requirements:\n- Experience with Python (Docker a plus).\n",
         {("python",): True, ("docker",): False}),
        ("Requirements:\n- Relational database knowledge (SQL Server preferred).\n",
         {("relational_databases",): True, ("microsoft_sql_server",): False}),
        # an aside that names nothing but the cue speaks of the whole clause
        ("Requirements:\n- Experience with Kubernetes (preferred).\n", {("kubernetes",): False}),
        ("Requirements:\n- Banking / Financial Sectors (preferred / not a must)\n",
         {("banking",): False}),
        # a tail starting with "ideally" or "preferably" prefers what it names
        ("Requirements:\n- Fluency in SQL, ideally in conjunction with Tableau.\n",
         {("sql",): True, ("tableau",): False}),
        ("Requirements:\n- 3+ years of data analysis, preferably in the insurance industry.\n",
         {("data_analysis",): True}),
        # a clause that asks firmly keeps its requirement; a short preferred tail is its own
        ("Requirements:\n- Must possess an active Secret or higher security clearance, Top"
         " Secret preferred.\n", {("security_clearance",): True}),
        ("Requirements:\n- Python required, Docker experience a plus\n",
         {("python",): True, ("docker",): False}),
        # a preferred tail about other things than those asked before it
        ("Requirements:\n- Excellent English language skills, other languages (e.g. German,"
         " Spanish, Chinese) are a plus\n",
         {("english",): True, ("german", "spanish", "mandarin"): False}),
    ],
)  # fmt: skip
def test_a_preference_in_an_aside_or_a_tail_is_its_own(
    extractor: SkillExtractor, text: str, expected: dict[tuple[str, ...], bool]
) -> None:
    assert _asked(text, extractor) == expected


@pytest.mark.parametrize(
    ("clause", "levels"),
    [
        ("Bachelor's degree (MBA preferred).", ("bachelor", "master")),
        ("Master's degree (PhD preferred) in Statistics or a related field", ("master", "phd")),
        ("Bachelor's degree required, preferably in Statistics or Economics.", ("bachelor", None)),
        ("An advanced degree (M.S., PhD.), preferably in Statistics.", ("master", None)),
    ],
)
def test_a_degree_preferred_in_an_aside(
    extractor: SkillExtractor, clause: str, levels: tuple[str, str | None]
) -> None:
    read = read_posting(f"Requirements:\n- {clause}\n- Python\n", extractor=extractor)
    assert read.education is not None
    assert (read.education.min_level, read.education.preferred_level) == levels
    assert read.education.evidence == clause  # quoted whole
    # a field of study in the preferred tail is a field, not a skill asked
    assert {s.skill_id for r in read.requirements for s in r.skills} == {"python"}


def test_a_list_without_bullets_ends_a_line_before_a_number(extractor: SkillExtractor) -> None:
    """A short line followed by one starting with a number ("2+ years ...") was ended by the
    writer: the preference of the next line does not reach it, nor its years."""
    wide = "We build visual analytics products for research teams all over the world. " * 4
    text = (
        f"{wide}\n\nMinimum requirements\n"
        "Master's degree in Statistics, Mathematics, Computer Science or a related discipline\n"
        "2+ years of experience with SQL is a plus\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None and read.education.min_level == "master"
    assert read.years_min == 2.0


def test_list_items_run_into_one_line_are_clauses() -> None:
    text = (
        "2+ years of data analysis - expertise in R or Python - knowledge of C++ is a plus"
        " \u2022 Embrace change"
    )
    assert [text[a:b] for a, b in clauses(text)] == [
        "2+ years of data analysis",
        "expertise in R or Python",
        "knowledge of C++ is a plus",
        "Embrace change",
    ]
    # one hyphen between spaces is a dash, not a list
    one = "Python - the language we use most"
    assert [one[a:b] for a, b in clauses(one)] == [one]
    # plus signs as bullets, in a posting written as one paragraph
    plus = "MUST HAVE + Minimum 5 years of analytics + Proficiency in Tableau"
    assert [plus[a:b] for a, b in clauses(plus)] == [
        "MUST HAVE",
        "Minimum 5 years of analytics",
        "Proficiency in Tableau",
    ]
    assert [t[a:b] for t in ["Knowledge of C + + is a plus."] for a, b in clauses(t)] == [
        "Knowledge of C + + is a plus."
    ]


def test_an_abbreviation_ends_no_sentence() -> None:
    text = "Experience with relational databases (i.e. DB2, SQL Server). Git (e.g. GitHub)."
    assert [text[a:b] for a, b in clauses(text)] == [
        "Experience with relational databases (i.e. DB2, SQL Server).",
        "Git (e.g. GitHub).",
    ]


def test_colleagues_named_by_their_field_are_no_requirement(extractor: SkillExtractor) -> None:
    text = (
        "Responsibilities:\n- Work under the supervision of senior Data Science staff.\n"
        "- Build dashboards with Tableau.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id for r in read.requirements for s in r.skills}
    assert "tableau" in asked and "data_science" not in asked


@pytest.mark.parametrize(
    ("clause", "years"),
    [
        ("For nearly 60 years, we have offered annuities.", None),
        ("For more than 50 years, our lab has advanced science.", None),
        ("Over 5 years of experience with Python.", 5.0),
        ("Over 3 years' experience in SQL.", 3.0),
        ("The team grew over 3 years to 200 people.", None),
        ("25 years of innovation", None),
        ("5+ years of customer service experience", 5.0),
    ],
)
def test_years_of_a_time_span_are_not_asked(clause: str, years: float | None) -> None:
    assert years_asked(clause) == years


def test_an_equal_opportunity_statement_asks_nothing(extractor: SkillExtractor) -> None:
    text = (
        "Requirements:\n- Python and SQL.\n\n"
        "Acme provides equal employment opportunities to all employees and applicants without"
        " regard to race, religion, age, disability, genetics or veteran status.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert [s.skill_id for r in read.requirements for s in r.skills] == ["python", "sql"]
    # nor in a terse posting read leniently
    terse = read_posting(
        "Python, SQL. We are an equal opportunity employer regardless of genetics.",
        extractor=extractor,
    )
    assert "genetics" not in {s.skill_id for r in terse.requirements for s in r.skills}


def test_a_dash_before_a_degree_starts_a_statement_of_its_own(extractor: SkillExtractor) -> None:
    text = (
        "Requirements:\n"
        "B.S. in Physics, Computer Science or applicable science field - M.S. or higher"
        " degree preferred.\n"
        "Experience with Python.\n"
    )
    line = text.splitlines()[1]
    assert [line[a:b] for a, b in clauses(line)] == [
        "B.S. in Physics, Computer Science or applicable science field",
        "M.S. or higher degree preferred.",
    ]
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert (read.education.min_level, read.education.preferred_level) == ("bachelor", "master")


def test_a_company_describing_itself_asks_nothing_but_its_stack(
    extractor: SkillExtractor,
) -> None:
    text = (
        "Who Are We?\n\n"
        "We work with the latest developments in government, industry, and academia,"
        " leveraging that knowledge in signal processing and machine learning.\n"
        "We've built a container platform in AWS using Docker and Kubernetes.\n\n"
        "To Land This Job, You Need:\n"
        "Experience with Python and SQL.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {s.skill_id: r.required for r in read.requirements for s in r.skills}
    assert asked == {
        "aws": False,
        "docker": False,
        "kubernetes": False,
        "python": True,
        "sql": True,
    }
    # the company turning to the candidate asks
    turned = read_posting(
        "About us\n\nWe are looking for someone with deep knowledge of signal processing and"
        " Python.\n",
        extractor=extractor,
    )
    assert {s.skill_id for r in turned.requirements for s in r.skills} == {
        "signal_processing",
        "python",
    }


def test_the_items_after_one_of_the_following_are_one_requirement(
    extractor: SkillExtractor,
) -> None:
    text = (
        "Responsibilities\n"
        "You are expected to have deep domain expertise on one or more of following areas:\n"
        "Natural Language Processing (entity recognition, text embedding, etc)\n"
        "Computer Vision, Image Processing\n"
        "Knowledge Graph\n"
        "Recommendation, Collaborative Filtering Algorithms\n"
        "Ability to code in Python\n"
    )
    read = read_posting(text, extractor=extractor)
    groups = [[s.skill_id for s in r.skills] for r in read.requirements]
    assert groups == [
        [
            "nlp",
            "computer_vision",
            "image_processing",
            "knowledge_graphs",
            "collaborative_filtering",
            "algorithms",
        ],
        ["python"],
    ]
    assert all(r.required for r in read.requirements)
    # a list in the clause itself is read as usual; the lines after it are their own
    inline = read_posting(
        "Requirements:\nProficiency with Python and one of the following languages: Java, Scala.\n"
        "Knowledge Graph experience\n",
        extractor=extractor,
    )
    assert [[s.skill_id for s in r.skills] for r in inline.requirements] == [
        ["python"],
        ["java", "scala"],
        ["knowledge_graphs"],
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "We work in one or more of the following areas:",  # the company's own voice
        "The lab publishes in one or more of the following areas:",  # no candidate cue
    ],
)
def test_items_after_one_of_the_following_follow_the_lead(
    extractor: SkillExtractor, lead: str
) -> None:
    # a company listing its own areas under About asks none of them
    text = (
        f"About Us\n{lead}\nNatural Language Processing\nComputer Vision\n\n"
        "Requirements\nExperience with Python is required.\n"
    )
    read = read_posting(text, extractor=extractor)
    assert [[s.skill_id for s in r.skills] for r in read.requirements] == [["python"]]
    assert {"nlp", "computer_vision"} <= {s.skill_id for s in read.ignored}


def test_implementation_is_the_work_not_a_skill(extractor: SkillExtractor) -> None:
    # "implementation" names what the job does with the skills, as "design" does
    read = read_posting(
        "Requirements:\n- Design, implementation, and deployment of data services in Python\n",
        extractor=extractor,
    )
    assert [[s.skill_id for s in r.skills] for r in read.requirements] == [["python"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the firm part of the sentence stays required; the cue binds to its own conjunct
        ("Requirements:\n- A good command of PowerPoint Excel and English is a must and"
         " retail experience is a plus.\n",
         {("microsoft_powerpoint",): True, ("excel",): True, ("english",): True,
          ("retail",): False}),
        ("Requirements:\n- The role requires expertise with Microsoft Excel, and skills in"
         " SQL, Tableau, and/or Python are preferred.\n",
         {("excel",): True, ("sql", "tableau", "python"): False}),
        ("Requirements:\n- Fluent English is essential: German is helpful but not a"
         " prerequisite.\n", {("english",): True, ("german",): False}),
        ("Requirements:\n- You have fluent English and are preferably proficient in German.\n",
         {("english",): True, ("german",): False}),
        ("Requirements:\n- Strong Python skills and ideally some Docker experience.\n",
         {("python",): True, ("docker",): False}),
        ("Requirements:\n- Python is required while Kubernetes would be a plus.\n",
         {("python",): True, ("kubernetes",): False}),
        ("Requirements:\n- Docker experience is a plus, but fluent English is a must.\n",
         {("docker",): False, ("english",): True}),
        ("Requirements:\n- Must have experience with Python and Java, Docker is a plus.\n",
         {("python",): True, ("java",): True, ("docker",): False}),
        ("Requirements:\n- Proficiency in Word and Excel - Tableau is desirable\n",
         {("microsoft_word",): True, ("excel",): True, ("tableau",): False}),
        ("Requirements:\n- 5+ years of experience in SQL preferably in retail\n",
         {("sql",): True, ("retail",): False}),
        # one statement about the same skills keeps its cue for all of them
        ("Requirements:\n- Experience with Python, Java and Docker is a plus.\n",
         {("python",): False, ("java",): False, ("docker",): False}),
        ("Requirements:\n- Docker is a plus but not a must.\n", {("docker",): False}),
        ("Requirements:\n- Knowledge of Kubernetes is not required but would be a plus.\n",
         {("kubernetes",): False}),
        ("Requirements:\n- You should ideally have Kubernetes experience.\n",
         {("kubernetes",): False}),
        ("Requirements:\n- Experience 2 - 3 years with Excel, Tableau knowledge a plus.\n",
         {("excel",): False, ("tableau",): False}),
    ],
)  # fmt: skip
def test_a_preference_binds_to_its_own_conjunct(
    extractor: SkillExtractor, text: str, expected: dict[tuple[str, ...], bool]
) -> None:
    assert _asked(text, extractor) == expected


@pytest.mark.parametrize(
    ("text", "asked", "not_asked"),
    [
        ("Requirements:\n- You do not have to be able to speak Danish, but fluent Swedish is"
         " a must.\n", {("swedish",): True}, ["danish"]),
        ("Requirements:\n- Knowledge of Danish is not required.\n- Fluent English.\n",
         {("english",): True}, ["danish"]),
        ("Requirements:\n- No prior SQL experience is needed, but Python is a must.\n",
         {("python",): True}, ["sql"]),
        ("Requirements:\n- You don't need to know Java; strong Python skills.\n",
         {("python",): True}, ["java"]),
        ("Requirements:\n- Experience with Kafka is not a requirement.\n- Python\n",
         {("python",): True}, ["apache_kafka"]),
        # "not required" besides a preference prefers
        ("Requirements:\n- Kubernetes is helpful but not required.\n",
         {("kubernetes",): False}, []),
        ("Requirements:\n- No less than 5 years of SQL experience required.\n",
         {("sql",): True}, []),
    ],
)  # fmt: skip
def test_what_a_posting_says_is_not_asked(
    extractor: SkillExtractor, text: str, asked: dict[tuple[str, ...], bool], not_asked: list[str]
) -> None:
    _check_reading(text, extractor, asked, not_asked)


def test_headings_that_turn_to_the_candidate_open_its_requirements(
    extractor: SkillExtractor,
) -> None:
    # "ABOUT YOU" asks (it is no company description), "About the company" does not,
    # and "What we'll offer you" is the benefits
    text = (
        "ABOUT YOU\n"
        "You have worked with data platforms such as Kafka and Snowflake.\n"
        "You feel at home in the AWS ecosystem.\n\n"
        "About the company\n"
        "We sell insurance to hospitals.\n\n"
        "What we'll offer you\n"
        "A yearly Docker training budget.\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {tuple(s.skill_id for s in r.skills): r.required for r in read.requirements}
    assert asked == {("apache_kafka", "snowflake"): True, ("aws",): True}
    assert "docker" in {s.skill_id for s in read.ignored}


def test_a_heading_run_into_a_line_starts_its_requirements(extractor: SkillExtractor) -> None:
    # SkillSpan's rebuilt ads: the heading and its items in one line, bullets without a space
    text = (
        "We are a growing software company in Aarhus making websites for small businesses .\n"
        "THIS INCLUDES \u2022Being attentive to partner needs \u2022Tracking key metrics\n"
        "REQUIREMENTS & QUALIFICATIONS \u2022BA/BS degree \u2022Fluent in German and English"
        " \u2022Solid oral and written communication skills\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {tuple(s.skill_id for s in r.skills): r.required for r in read.requirements}
    assert asked == {("german",): True, ("english",): True, ("communication",): True}
    assert read.education is not None and read.education.min_level == "bachelor"


@pytest.mark.parametrize(
    ("text", "asked", "not_asked"),
    [
        # under a heading that asks, the company speaking of itself asks no domain or skill
        ("Requirements\n- At the Department of Law we teach research within the Danish"
         " language.\n- Fluent English.\n", {("english",): True}, ["danish"]),
        # "Danish law" names no language at all (lexicon 2026.12.64): nothing to ignore
        ("Requirements\n- At the Department of Law we teach research within Danish law.\n"
         "- Fluent English.\n", {("english",): True}, []),
        ("Qualifications\n- To keep our lead we invest massively in R&D .\n- Python\n",
         {("python",): True}, ["research_and_development"]),
        # its stack is read as the section reads it
        ("Requirements\n- Our stack: Spark and Hive.\n", {("apache_spark",): True,
         ("apache_hive",): True}, []),
        # ... but a team saying what it works with asks nothing: its tools are preferred
        # (glassdoor-0202), its own skills no requirement (glassdoor-0623)
        ("What We're Looking For\n- Our data team uses PySpark and Jupyter notebooks"
         " extensively.\n- Experience with SQL\n",
         {("apache_spark",): False, ("jupyter",): False, ("sql",): True}, []),
        ("Requirements\n- The team uses their scientific, quantitative, and problem-solving"
         " skills to work on a broad range of challenges.\n- Python\n",
         {("python",): True}, ["problem-solving"]),
        # "required to" after a noun is the company's, no demand (glassdoor-0708, "The Team")
        ("The Team\nOur technology spans the web, mobile, API, point of sale, and the data"
         " infrastructure required to support those systems.\nRequirements\n- Python\n",
         {("python",): True, ("data_engineering",): False},
         ["web_technologies", "mobile", "apis", "point_of_sale"]),
        # ... and the company turning to the candidate asks
        ("Requirements\n- We want people with knowledge of Danish.\n", {("danish",): True}, []),
        ("The Team\nOur engineers are required to know Python.\n", {("python",): True}, []),
    ],
)  # fmt: skip
def test_the_company_speaking_of_itself_asks_nothing_under_any_heading(
    extractor: SkillExtractor, text: str, asked: dict[tuple[str, ...], bool], not_asked: list[str]
) -> None:
    _check_reading(text, extractor, asked, not_asked)


@pytest.mark.parametrize(
    ("text", "years", "preferred"),
    [
        ("Qualifications\n- 3 years Pharmacovigilance experience preferred.\n", 3.0, True),
        ("Preferred Qualifications\n- 4+ years of experience with Python\n", 4.0, True),
        ("Requirements\n- 5+ years of experience with Python\n", 5.0, False),
        # the preference is not surely the years': the years are not marked
        ("Qualifications\n- Minimum 3 years, 5+ years preferred, of data analysis.\n", 3.0, False),
    ],
)
def test_years_a_posting_only_prefers_are_marked(
    extractor: SkillExtractor, text: str, years: float, preferred: bool
) -> None:
    read = read_posting(text, extractor=extractor)
    assert (read.years_min, read.years_preferred) == (years, preferred)
    assert read.to_dict()["years_preferred"] is preferred
    shown = render_posting(read, "text")
    line = next(ln for ln in shown.splitlines() if ln.startswith("Experience: "))
    assert line.startswith(f"Experience: {years:g}+ years")
    assert line.endswith(" (preferred)") is preferred


def test_a_job_description_asks_its_items_and_not_the_company(extractor: SkillExtractor) -> None:
    # SkillSpan's ads put the whole body under "Job description": the company's words, then
    # what is asked. An item of what is asked is required without a firm word; a sentence
    # about the company or its product asks nothing, or prefers its stack
    text = (
        "Job description\n"
        "Acme is a leading provider of Salesforce apps for banks .\n"
        "The 1st skill we are giving to our AI is the ability to write tests in Python .\n"
        "Good knowledge of SAP\n"
        "Familiar with Docker and Kubernetes\n"
        "The candidate should also possess excellent communication skills .\n"
        "Back-end in TypeScript ( Mandatory )\n"
    )
    read = read_posting(text, extractor=extractor)
    asked = {tuple(s.skill_id for s in r.skills): r.required for r in read.requirements}
    assert asked == {
        ("python",): False,
        ("sap",): True,
        ("docker",): True,
        ("kubernetes",): True,
        ("communication",): True,
        ("backend",): True,
        ("typescript",): True,
    }
    assert [s.skill_id for s in read.ignored] == ["salesforce"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a slash binds its two neighbours, not the list they stand in (SkillSpan lost its
        # commas: "ReactJS HTML5 / CSS3")
        ("Requirements:\n- ReactJS HTML5 / CSS3 and related tooling\n",
         {("react",): True, ("html", "css"): True}),
        ("Requirements:\n- Proficiency in Excel, PowerPoint, Power BI / Tableau.\n",
         {("excel",): True, ("microsoft_powerpoint",): True, ("power_bi", "tableau"): True}),
        # an "or" written as a word still makes the whole list alternatives
        ("Requirements:\n- Python, R or Julia\n", {("python", "r", "julia"): True}),
        # "at least one or more of:", "one of these languages:" announce alternatives
        ("Requirements:\n- Heavy experience in at least one or more of: Docker Kubernetes"
         " Rancher\n", {("docker", "kubernetes", "rancher"): True}),
        ("Requirements:\n- Fluency in at least one of these languages: Java Angular"
         " JavaScript/Node.js\n", {("java", "angular", "javascript", "node.js"): True}),
        # "( e.g ." at a line's end: the examples on the next line are the skill's
        ("Requirements:\n\n- Some experience with infrastructure-as-code ( e.g .\n"
         "Ansible Puppet Terraform )\n",
         {("infrastructure_as_code", "ansible", "puppet", "terraform"): True}),
    ],
)  # fmt: skip
def test_alternatives_a_slash_and_a_list_announce(
    extractor: SkillExtractor, text: str, expected: dict[tuple[str, ...], bool]
) -> None:
    assert _asked(text, extractor) == expected


def test_a_preference_of_its_own_after_a_negation_leaves_it(extractor: SkillExtractor) -> None:
    # "... is not necessary but experience with Docker is desirable": Kubernetes not asked
    text = (
        "Requirements:\n- Prior experience in Kubernetes is not necessary but experience"
        " with Docker is desirable .\n"
    )
    read = read_posting(text, extractor=extractor)
    assert _asked(text, extractor) == {("docker",): False}
    assert [s.skill_id for s in read.ignored] == ["kubernetes"]


@pytest.mark.parametrize(
    ("text", "asked", "not_asked"),
    [
        # SkillSpan's last section runs on into how to apply: the instruction asks nothing
        ("Requirements\n- Strong communication skills Qualified applicants should send their"
         " CV with Excel sheets of grades to HR .\n",
         {("communication",): True}, ["excel"]),
        ("Requirements\n- SQL\n- The file must include: a cover letter and examples of Python"
         " code .\n", {("sql",): True}, ["python"]),
        ("Requirements\n- Python\n- If you are an employee, please apply internally via the"
         " Workday careers site.\n", {("python",): True}, ["workday"]),
        # the terms of employment and legal statements neither, from their sentence on
        ("Requirements\n- Python\n- Salary and terms The appointment will be based on the"
         " collective agreement with the Danish Confederation of Professional Associations"
         " for IT professionals .\n", {("python",): True}, ["information_technology"]),
        ("Requirements\n- 4+ years of experience with Splunk At this time Acme will not sponsor"
         " a new applicant for employment authorization for Python roles\n",
         {("splunk",): True}, ["python"]),
        # a check of the applicant asks no skill (Microsoft's "Other Requirements")...
        ("Requirements\n- Python\nOther Requirements:\nAbility to meet Microsoft, customer"
         " and/or government security screening requirements are required for this role."
         " These requirements include the following specialized security screenings:"
         " Microsoft Cloud Background Check.\n",
         {("python",): True}, ["government", "security", "cloud_computing"]),
        # ... but a clearance asked with it stays asked
        ("Requirements\n- Python\n- You will be subject to a background investigation and"
         " must be eligible to obtain and maintain a Department of Defense security"
         " clearance.\n",
         {("python",): True, ("security_clearance",): True}, []),
    ],
)  # fmt: skip
def test_how_to_apply_asks_nothing(
    extractor: SkillExtractor, text: str, asked: dict[tuple[str, ...], bool], not_asked: list[str]
) -> None:
    _check_reading(text, extractor, asked, not_asked)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Advantage:" opening a clause prefers it
        ("Requirements\n- Advantage: Experience in Cyber Security\n- Python\n",
         {("security",): False, ("python",): True}),
        # under "Job description", what "you have" or "are familiar with" is asked
        ("Job description\nAcme sells boats .\nYou have excellent English communication"
         " skills .\nYou are familiar with Docker .\n",
         {("english",): True, ("communication",): True, ("docker",): True}),
        # "Needed is ..." asks firmly
        ("Acme builds ships .\nNeeded is very good verbal Danish knowledge .\n",
         {("danish",): True}),
        # SkillSpan's ". . ." list items are clauses of their own: "ideally" prefers Docker
        # and Kubernetes, not the items after it
        ("Requirements\n- . . . have 5 years of experience in Java . . . are interested and"
         " ideally gained first experience with Docker . . . have experience with Angular and"
         " CSS\n", {("java",): True, ("docker",): False, ("angular",): True, ("css",): True}),
    ],
)  # fmt: skip
def test_cues_skillspan_writes(
    extractor: SkillExtractor, text: str, expected: dict[tuple[str, ...], bool]
) -> None:
    assert _asked(text, extractor) == expected


def test_all_feature_teams_are_colleagues(extractor: SkillExtractor) -> None:
    text = "Requirements\n- Python\n- You will work with all Data Catalog feature teams .\n"
    read = read_posting(text, extractor=extractor)
    assert _asked(text, extractor) == {("python",): True}
    assert [s.skill_id for s in read.ignored] == ["data_catalog"]


def test_an_experience_item_opens_no_section(extractor: SkillExtractor) -> None:
    # "Experience with Docker" under "Desired qualifications" was an Experience heading,
    # whose items were then required
    text = (
        "Required qualifications:\n- Python\n\nDesired qualifications:\n"
        "Experience with Docker\nExperience with Git, JIRA, Confluence\n"
    )
    assert _asked(text, extractor) == {
        ("python",): True,
        ("docker",): False,
        ("git",): False,
        ("jira",): False,
        ("confluence",): False,
    }


def test_expert_in_speaks_of_the_candidate(extractor: SkillExtractor) -> None:
    text = (
        "Job Description\nAcme builds cars .\nExpert in clustering and anomaly detection\n\n"
        "Requirements\n- Python\n"
    )
    assert _asked(text, extractor) == {
        ("clustering",): True,
        ("anomaly_detection",): True,
        ("python",): True,
    }


def test_a_preferred_tail_ends_where_a_degree_starts_a_statement(
    extractor: SkillExtractor,
) -> None:
    # SkillSpan's run-on line: "preferably in E-Commerce" prefers e-commerce, not the degree
    # written after it ("Bachelor and/or Master's degree" is asked; the aside prefers an MBA)
    text = (
        "Requirements\n- Many years experience in Business Development preferably in"
        " E-Commerce Bachelor and/or Master's degree ( preferably MSc or MBA in business )\n"
        "- 3 years of teaching preferably after Ph.D .\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.education is not None
    assert (read.education.min_level, read.education.preferred_level) == ("bachelor", "phd")
    asked = _asked(text, extractor)
    assert asked[("business_development",)] is True and asked[("e-commerce",)] is False


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Requirements\n- 5+ years of experience with Python\n", "5+ years in Python"),
        ("Requirements\n- 5+ years of experience\n", "5+ years"),
        ("Requirements\n- 5+ years of experience with Python or R\n", "5+ years in Python or R"),
        (
            "Requirements\n- 5+ years of experience in C#, Python and SQL\n",
            "5+ years in C#, Python and SQL (each)",
        ),
        ("Preferred\n- 4+ years of experience with Python\n", "4+ years in Python (preferred)"),
    ],
)
def test_posting_text_names_the_skills_the_years_are_asked_in(
    extractor: SkillExtractor, text: str, line: str
) -> None:
    shown = render_posting(read_posting(text, extractor=extractor), "text")
    assert f"Experience: {line}\n" in shown, shown


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Requirements\n- Terraform is nice but not necessary.\n", {("terraform",): False}),
        (
            "Requirements\n- Python\n- Docker would be nice.\n",
            {("python",): True, ("docker",): False},
        ),
    ],
)
def test_nice_prefers(
    extractor: SkillExtractor, text: str, asked: dict[tuple[str, ...], bool]
) -> None:
    assert _asked(text, extractor) == asked


@pytest.mark.parametrize(
    ("line", "levels"),
    [
        # a degree said not to be needed is not asked, nor preferred
        ("- PhD not required.", None),
        ("- A Master's degree is not required.", None),
        ("- Bachelor's degree in CS; PhD not necessary.", ("bachelor", None)),
        # "preferred but not required" still prefers it
        ("- PhD preferred but not required.", (None, "phd")),
        # no degree required, two preferred: the highest preference is shown
        # (glassdoor-0007 showed the bachelor's)
        (
            "- An undergraduate degree in mathematics is preferred\n"
            "Preferred Qualifications\n- Masters or PhD in data science",
            (None, "master"),
        ),
    ],
)
def test_a_degree_not_required_is_not_asked(
    extractor: SkillExtractor, line: str, levels: tuple[str | None, str | None] | None
) -> None:
    edu = read_posting(f"Requirements\n- Python\n{line}\n", extractor=extractor).education
    assert (None if edu is None else (edu.min_level, edu.preferred_level)) == levels


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # each item's own marker decides its own level, not the clause's
        (
            "Requirements\n- Python (required), Spark (preferred)\n- Experience with SQL\n",
            {("python",): True, ("apache_spark",): False, ("sql",): True},
        ),
        (
            "Requirements\n- Docker (a plus), Kubernetes (required) and Go (preferred)\n",
            {("docker",): False, ("kubernetes",): True, ("go",): False},
        ),
        # one marker alone still speaks of the whole clause
        ("Requirements\n- Python and SQL (preferred)\n", {("python",): False, ("sql",): False}),
    ],
)
def test_each_item_marker_decides_its_item(
    extractor: SkillExtractor, text: str, asked: dict[tuple[str, ...], bool]
) -> None:
    assert _asked(text, extractor) == asked


def test_a_sentence_style_preferred_heading_opens_a_preferred_list(
    extractor: SkillExtractor,
) -> None:
    text = (
        "Requirements:\nNode.js\nPostgreSQL\n\n"
        "Earn street creds by also knowing these:\nDocker\nKubernetes\n"
    )
    asked = _asked(text, extractor)
    assert asked[("docker",)] is False and asked[("kubernetes",)] is False
    assert asked[("node.js",)] is True


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a model's sharding is distributed training, not a database's
        (
            "Requirements\n- Familiarity with sharding strategies for very large models\n",
            set(),
            {"database_replication"},
        ),
        # Triton the GPU kernel language, not the inference server, and the other way round
        (
            "Requirements\n- Experience writing Triton kernels\n- Proficiency in CUDA or Triton\n",
            {"triton_language", "cuda"},
            {"triton_inference_server"},
        ),
        (
            "Requirements\n- Deploying models with NVIDIA Triton Inference Server\n",
            {"triton_inference_server"},
            {"triton_language"},
        ),
        # research into finance is no scientific research
        (
            "Requirements\n- Knowledge of financial research\n- Experience with Python\n",
            {"python"},
            {"scientific_research"},
        ),
    ],
)
def test_senses_of_a_posting_s_words(
    extractor: SkillExtractor, text: str, present: set[str], absent: set[str]
) -> None:
    read = read_posting(text, extractor=extractor)
    found = {s.skill_id for r in read.requirements for s in r.skills}
    assert present <= found and not absent & found, found
