"""The shipped skill lexicon: validation, coverage of the profile seed, implications, rules.

Broken lexicons are built in ``tmp_path``; the CLI is driven with ``CliRunner`` and exact
exit codes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.lexicon.loader import check_lexicon, load_lexicon, normalise_form, source_digest
from jobmatch.models import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def form_owner(lexicon: Lexicon) -> dict[str, str]:
    return {normalise_form(f): s.id for s in lexicon.skills for f in s.surface_forms}


def test_shipped_lexicon_validates() -> None:
    assert check_lexicon() == []


def test_shipped_lexicon_size_and_categories(lexicon: Lexicon) -> None:
    assert 2500 <= len(lexicon) <= 4000
    used = {s.category for s in lexicon.skills}
    assert used == set(lexicon.categories)


@pytest.mark.parametrize(
    "skill_id",
    ["python", "r", "sql", "pytorch", "scikit-learn", "deep_learning", "machine_learning", "nlp"],
)
def test_referenced_ids_exist(lexicon: Lexicon, skill_id: str) -> None:
    assert skill_id in lexicon


# Every skill, tool, method and qualification named in the Research Engineer in AI/ML seed
# (../shared/seeds/000_920075ef54c2245c.txt), as written there -> the skill it must resolve to.
SEED_FORMS = {
    "Python": "python",
    "C++": "c++",
    "R": "r",
    "Java": "java",
    "JavaScript": "javascript",
    "linear algebra": "linear_algebra",
    "calculus": "calculus",
    "probability theory": "probability",
    "statistics": "statistics",
    "statistical methods": "statistics",
    "TensorFlow": "tensorflow",
    "PyTorch": "pytorch",
    "Keras": "keras",
    "Scikit-learn": "scikit-learn",
    "NumPy": "numpy",
    "Pandas": "pandas",
    "SciPy": "scipy",
    "Apache Spark": "apache_spark",
    "Hadoop": "apache_hadoop",
    "Git": "git",
    "version control": "version_control",
    "AWS": "aws",
    "Google Cloud": "gcp",
    "GCP": "gcp",
    "Azure": "azure",
    "cloud platforms": "cloud_computing",
    "distributed computing": "distributed_computing",
    "MLOps": "mlops",
    "ML frameworks": "machine_learning_frameworks",
    "data preprocessing": "data_preprocessing",
    "data cleaning": "data_cleaning",
    "feature engineering": "feature_engineering",
    "data visualization": "data_visualization",
    "data mining": "data_mining",
    "data quality": "data_quality",
    "data privacy": "data_privacy",
    "data labeling": "data_labeling",
    "data versioning": "data_versioning",
    "supervised": None,  # the seed writes "supervised, unsupervised, and reinforcement learning"
    "supervised learning": "supervised_learning",
    "unsupervised learning": "unsupervised_learning",
    "reinforcement learning": "reinforcement_learning",
    "deep learning": "deep_learning",
    "neural networks": "neural_networks",
    "machine learning": "machine_learning",
    "ML": "machine_learning",
    "artificial intelligence": "artificial_intelligence",
    "AI": "artificial_intelligence",
    "computer vision": "computer_vision",
    "natural language processing": "nlp",
    "generative AI": "generative_ai",
    "large language models": "large_language_models",
    "LLMs": "large_language_models",
    "Retrieval-Augmented Generation": "retrieval-augmented_generation",
    "RAG": "retrieval-augmented_generation",
    "AI Safety and Alignment": "ai_safety",
    "AI ethics": "ai_ethics",
    "responsible AI": "responsible_ai",
    "explainability": "explainable_ai",
    "overfitting": "overfitting",
    "model deployment": "model_deployment",
    "model monitoring": "model_monitoring",
    "ML pipelines": "ml_pipelines",
    "continuous integration": "continuous_integration",
    "CI/CD": "ci_cd",
    "automated testing": "test_automation",
    "static analysis": "static_analysis",
    "code reviews": "code_review",
    "peer reviews": "peer_review",
    "literature review": "literature_review",
    "open-source projects": "open-source_contributions",
    "research publications": "publishing_research",
    "cybersecurity": "security",
    "process automation": "automation",
    "scalability": "scalability",
    "real-time processing": "stream_processing",
    "AI Product Management": "ai_product_management",
    "data science": "data_science",
    "Master's": "masters_degree",
    "Ph.D.": "phd",
    "bachelor's degree": "bachelors_degree",
    "Computer Science": "computer_science",
    "Electrical Engineering": "electrical_engineering",
    "mathematics": "mathematics",
    "communication": "communication",
    "written and verbal communication": "communication",
    "collaboration": "collaboration",
    "teamwork": "teamwork",
    "time management": "time_management",
    "problem-solving": "problem-solving",
    "analytical skills": "analytical_skills",
    "analytical thinking": "analytical_skills",
    "attention to detail": "attention_to_detail",
    "curiosity": "curiosity",
    "adaptability": "adaptability",
    "continuous learning": "continuous_learning",
    "creativity": "creativity",
    "resilience": "resilience",
    "presentation skills": "presentation_skills",
    "mentorship": "mentoring",
    "leadership": "leadership",
    "healthcare": "healthcare",
    "finance": "finance",
    "automotive": "automotive",
    "retail": "retail",
}


@pytest.mark.parametrize("form", [f for f, sid in SEED_FORMS.items() if sid is not None])
def test_every_seed_skill_is_in_the_lexicon(form_owner: dict[str, str], form: str) -> None:
    key = normalise_form(form)
    # plurals are the matcher's job ("LLMs" -> "LLM"), so the lexicon holds the singular
    owner = form_owner.get(key) or form_owner.get(key.removesuffix("s"))
    assert owner == SEED_FORMS[form]


@pytest.mark.parametrize(
    ("skill_id", "implied"),
    [
        ("pytorch", ("deep_learning", "machine_learning_frameworks", "machine_learning")),
        ("scikit-learn", ("machine_learning", "machine_learning_frameworks")),
        ("keras", ("deep_learning", "machine_learning_frameworks", "machine_learning")),
        (
            "xgboost",
            (
                "gradient_boosting",
                "machine_learning_frameworks",
                "ensemble_learning",
                "supervised_learning",
                "machine_learning",
            ),
        ),
        ("huggingface_transformers", ("transformer", "deep_learning", "machine_learning")),
        (
            "spring_boot",
            (
                "spring",
                "web_frameworks",
                "java",
                "computer_programming",
                "programming_languages",
                "object-oriented_programming",
            ),
        ),
        # a named member of a broad kind is evidence of it (a posting's "relational
        # databases", "version control", "data visualization", "ML frameworks")
        ("postgresql", ("relational_databases", "databases")),
        ("mongodb", ("nosql", "databases")),
        ("tableau", ("data_visualization", "business_intelligence")),
        ("git", ("version_control",)),
        ("docker", ("containerization",)),
        ("terraform", ("infrastructure_as_code",)),
        ("apache_kafka", ("message_queues",)),
        ("spss", ("statistical_software",)),
        # a language is evidence of programming ("Good scripting and programming skills")
        ("python", ("computer_programming", "programming_languages", "scripting_languages")),
        ("bash", ("shell_scripting", "scripting_languages")),
        # a publication record is evidence of research
        ("publishing_research", ("scientific_research",)),
        ("large_language_models", ("generative_ai", "artificial_intelligence", "machine_learning")),
        # research engineering: training on many GPUs is large-scale training and distributed
        # computing; RLHF is reinforcement learning (reports called both missing)
        ("distributed_training", ("large-scale_training", "distributed_computing")),
        (
            "rlhf",
            (
                "large_language_models",
                "reinforcement_learning",
                "generative_ai",
                "machine_learning",
                "artificial_intelligence",
            ),
        ),
    ],
)
def test_implies_closure(lexicon: Lexicon, skill_id: str, implied: tuple[str, ...]) -> None:
    assert lexicon.implied(skill_id) == implied


def test_data_analysis_implies_data_analytics(lexicon: Lexicon) -> None:
    # a resume's "Data Analysis" earns partial credit for a posting's "data analytics"
    assert "data_analytics" in lexicon.implied("data_analysis")


@pytest.mark.parametrize("skill_id", ["scrapy", "beautifulsoup", "selenium"])
def test_scraping_libraries_are_libraries(lexicon: Lexicon, skill_id: str) -> None:
    # a posting's "Beautifulsoup, Selenium, Scrapy" is one list of libraries, not ML methods
    skill = lexicon.get(skill_id)
    assert skill is not None and skill.category == "library"


def test_no_plain_plural_aliases(lexicon: Lexicon) -> None:
    # the matcher adds plurals itself; an alias that is just the name + "s" is noise
    for skill in lexicon.skills:
        ruled = set(skill.context.forms) if skill.context is not None else set()
        for alias in set(skill.aliases) - ruled:
            assert alias.lower() != skill.name.lower() + "s", skill.id


# Audit of real resumes (lexicon 2026.11.3): forms that pointed at the wrong skill or at none.
AUDIT_FORMS = {
    "Bash": "bash",  # was an alias of groovy
    "Bash scripting": "bash",
    "ODBC": "odbc",  # was an alias of jdbc
    "JDBC": "jdbc",
    "Google AI Platform": "vertex_ai",
    "HTML5 Canvas": "html_canvas",
    "B.E": "bachelors_degree",  # "B.E : Electrical Engineering"
    "A.S.": "associate_degree",
    "Associate of Applied Science": "associate_degree",
    "associate degree": "associate_degree",
    "BSN": "bsn",
    "ASN": "asn",
    "Quick Books": "quickbooks",
    "Peachtree": "peachtree",
    "Sage": "sage_accounting",
    "SMTP": "smtp",
    "FTP": "ftp",
    "NFS": "nfs",
    "IPsec": "ipsec",
    "VirtualBox": "virtualbox",
    "Cisco Packet Tracer": "cisco_packet_tracer",
    "HP QTP": "qtp",
    "QuickTest Professional": "qtp",
    "HP ALM": "hp_alm",
    "Quality Center": "hp_alm",
    "XHTML": "xhtml",
    "medical terminology": "medical_terminology",
    "patient safety": "patient_safety",
    "job costing": "job_costing",
    "cash flow": "cash_flow",
    "cash flow management": "cash_flow",
    "balance sheet": "balance_sheet",
    # Excel implies Microsoft Office; Google's spreadsheet is Google Workspace's
    "Google Sheets": "google_workspace",
    # "troubleshoot and debug system application code"
    "debug": "debugging",
    "debugged": "debugging",
    # "deep neural networks (required)" met by "designed deep learning models": one skill
    "deep neural network": "deep_learning",
    "DNN": "deep_learning",
    "lesson plan": "lesson_planning",
    "account planning": "account_planning",
    # a resume's "Communication" meets a posting's "excellent written communication"
    "written communication": "communication",
    "oral communication": "communication",
}


@pytest.mark.parametrize("form", list(AUDIT_FORMS))
def test_audit_forms(form_owner: dict[str, str], form: str) -> None:
    assert form_owner.get(normalise_form(form)) == AUDIT_FORMS[form]


@pytest.mark.parametrize(
    ("form", "owner"),
    [
        ("AI Platform", None),  # "join our AI platform team"
        ("AS", None),  # the English word ("A.S." is a ruled form of the associate degree)
        ("AA", None),
        ("canvas", "html_canvas"),  # under a rule; never Canva's generated plural
    ],
)
def test_audit_forms_owned_elsewhere(
    form_owner: dict[str, str], form: str, owner: str | None
) -> None:
    assert form_owner.get(normalise_form(form)) == owner


@pytest.mark.parametrize(
    ("skill_id", "implied"),
    [
        ("bash", "shell_scripting"),
        ("bsn", "bachelors_degree"),
        ("bsn", "nursing_degree"),
        ("asn", "associate_degree"),
        ("asn", "nursing_degree"),
        ("xhtml", "html"),
        # a REST or GraphQL API is an API; test-driven development is unit testing first
        ("rest_apis", "apis"),
        ("graphql", "apis"),
        ("test-driven_development", "unit_testing"),
        # an A/B test is an online experiment
        ("a_b_testing", "experimentation"),
        # the Office applications are evidence of Microsoft Office ("Microsoft Word, Access")
        ("microsoft_word", "microsoft_office"),
        ("microsoft_access", "microsoft_office"),
        ("excel", "microsoft_office"),
        ("microsoft_powerpoint", "microsoft_office"),
        ("microsoft_outlook", "microsoft_office"),
        # "CI/CD pipelines" is continuous integration and delivery
        ("ci_cd", "continuous_integration"),
        ("ci_cd", "continuous_delivery"),
        # building web applications is web development; data pipelines, data engineering
        ("web_applications", "web_development"),
        ("data_pipelines", "data_engineering"),
        # a teacher's lesson plans and classroom are evidence of teaching
        ("lesson_planning", "teaching"),
        ("classroom_management", "teaching"),
        ("account_planning", "account_management"),
        # frontend and backend tools are evidence of that development; creative problem
        # solving of problem solving and creativity
        ("react", "frontend"),
        ("angular", "frontend"),
        ("vue.js", "frontend"),
        ("node.js", "backend"),
        # an object-oriented language is evidence of object-oriented programming
        ("java", "object-oriented_programming"),
        ("c++", "object-oriented_programming"),
        ("c#", "object-oriented_programming"),
        ("creative_problem_solving", "problem-solving"),
        ("creative_problem_solving", "creativity"),
        ("technical_writing", "technical_documentation"),
        ("cloudera", "apache_hadoop"),
        ("apache_accumulo", "nosql"),
        ("singularity", "containerization"),
        # TypeScript is a typed superset of JavaScript: its code is JavaScript's (partly met)
        ("typescript", "javascript"),
        # "Managed cross-functional teams" is teamwork too (a report listed teamwork missing
        # beside the matched cross-functional teamwork)
        ("cross-functional_teamwork", "teamwork"),
    ],
)
def test_audit_implications(lexicon: Lexicon, skill_id: str, implied: str) -> None:
    assert implied in lexicon.implied(skill_id)


def test_spoken_languages_need_a_language_cue(lexicon: Lexicon) -> None:
    # "Greek Week", "Czech Republic": a bare one-word language name carries the generated
    # language rule (cues such as "fluent", "native", CEFR levels, and the other language names)
    langs = [s for s in lexicon.skills if s.category == "spoken_language"]
    for s in langs:
        bare = [f for f in s.surface_forms if f.isalpha() and f[0].isupper() and f[1:].islower()]
        if bare:
            assert s.context is not None and set(bare) <= set(s.context.forms), s.id
            assert s.context.case_sensitive and not s.context.neighbours
    english = lexicon.get("english")
    assert english is not None and english.context is not None
    assert {"native", "fluent", "b2", "german", "spanish"} <= set(english.context.positive)
    czech = lexicon.get("czech")
    assert czech is not None and czech.context is not None
    assert "Czech Republic" in czech.context.negative
    # multi-word and lower-case records keep matching plainly
    assert lexicon.get("sign_language").context is None  # type: ignore[union-attr]


# --- broken lexicons, built in tmp_path ---------------------------------------------------------

TOML = """version = "test"
[categories.tool]
label = "Tools"
layer = "knowledge"
"""


def _write(root: Path, records: list[object]) -> Path:
    (root / "skills").mkdir(parents=True)
    (root / "lexicon.toml").write_text(TOML, encoding="utf-8")
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    # one valid record after the tested ones, so "no skill records" never shows up
    lines.append(json.dumps({"id": "zz", "name": "ZZ", "category": "tool"}))
    (root / "skills" / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("records", "problems"),
    [
        (
            [{"id": "git", "name": "Git", "category": "tool"}] * 2,
            ["skills/a.jsonl:2: duplicate id 'git' (first at skills/a.jsonl:1)"],
        ),
        (
            [
                {"id": "git", "name": "Git", "category": "tool", "aliases": ["vcs"]},
                {"id": "svn", "name": "SVN", "category": "tool", "aliases": ["VCS"]},
            ],
            [
                "skills/a.jsonl:2: alias 'VCS' of 'svn' is already claimed by 'git' "
                "(skills/a.jsonl:1)"
            ],
        ),
        (
            [{"id": "git", "name": "Git", "category": "tools"}],
            ["skills/a.jsonl:1: unknown category 'tools'"],
        ),
        (
            [{"id": "git", "name": "", "category": "tool"}],
            ["skills/a.jsonl:1: name is missing or empty"],
        ),
        (
            [{"id": "git", "name": "Git", "category": "tool", "aliases": [""]}],
            ["skills/a.jsonl:1: aliases holds an empty string"],
        ),
        (
            [{"id": "Git", "name": "Git", "category": "tool"}],
            ["skills/a.jsonl:1: id 'Git' must be a lower-case slug"],
        ),
        (
            [{"id": "git", "name": "Git", "category": "tool", "implies": ["vcs"]}],
            ["skills/a.jsonl:1: implies unknown skill 'vcs'"],
        ),
        (
            [
                {"id": "a", "name": "A", "category": "tool", "implies": ["b"]},
                {"id": "b", "name": "B", "category": "tool", "implies": ["c"]},
                {"id": "c", "name": "C", "category": "tool", "implies": ["a"]},
                {"id": "d", "name": "D", "category": "tool", "implies": ["a"]},
            ],
            ["skills/a.jsonl:1: implies cycle a -> b -> c -> a"],
        ),
        (
            [
                {
                    "id": "git",
                    "name": "Git",
                    "category": "tool",
                    "context": {"forms": [], "plain_forms": ["gitt"], "negative": ["gitt hub"]},
                }
            ],
            ["skills/a.jsonl:1: context form 'gitt' is not a name or alias of 'git'"],
        ),
        (
            [{"id": "git", "name": "Git", "category": "tool", "context": {"forms": []}}],
            ["skills/a.jsonl:1: context.forms must name the ambiguous surface forms"],
        ),
        # a form's other sense names another skill of the lexicon, with its cues
        (
            [
                {
                    "id": "git",
                    "name": "Git",
                    "category": "tool",
                    "context": {"forms": ["Git"], "sense": "gitlab", "sense_positive": ["ci"]},
                }
            ],
            ["skills/a.jsonl:1: context.sense names no other skill: 'gitlab'"],
        ),
        (
            [
                {
                    "id": "git",
                    "name": "Git",
                    "category": "tool",
                    "context": {"forms": ["Git"], "sense": "zz"},
                }
            ],
            ["skills/a.jsonl:1: context.sense and context.sense_positive go together"],
        ),
        (
            ['{"id": "git",'],
            [
                "skills/a.jsonl:1: not valid JSON "
                "(Expecting property name enclosed in double quotes)"
            ],
        ),
    ],
)
def test_check_reports_file_and_line(
    tmp_path: Path, records: list[object], problems: list[str]
) -> None:
    assert check_lexicon(_write(tmp_path, records)) == problems


@pytest.mark.parametrize(
    ("aliases", "problems"),
    [
        (["vcs", " vcs2"], ["aliases entry ' vcs2' has leading/trailing space"]),
        (["vcs\t", "vcs2"], ["aliases entry 'vcs\\t' has leading/trailing space"]),
        (["vcs", "\u00a0"], ["aliases holds an empty string"]),
        (["a", "", "b"], ["aliases holds an empty string"]),
        (["a", " ", ""], ["aliases holds an empty string"] * 2),
        (["a", 3], ["aliases must be a list of strings"]),
        ("vcs", ["aliases must be a list of strings"]),
        (["version control", "v c s"], []),
    ],
)
def test_check_reads_every_entry_of_a_string_list(
    tmp_path: Path, aliases: object, problems: list[str]
) -> None:
    record = {"id": "git", "name": "Git", "category": "tool", "aliases": aliases}
    root = _write(tmp_path, [record])
    assert check_lexicon(root) == [f"skills/a.jsonl:1: {p}" for p in problems]


def test_the_source_digest_names_the_files_read(tmp_path: Path) -> None:
    shipped = load_lexicon()
    digest = source_digest(shipped)
    assert digest is not None and len(digest) == 64
    # a byte-for-byte copy of a folder has its digest; one changed byte, another
    record = {"id": "git", "name": "Git", "category": "tool"}
    one = load_lexicon(_write(tmp_path / "one", [record]))
    two = load_lexicon(_write(tmp_path / "two", [record]))
    assert source_digest(one) == source_digest(two) != digest
    three = load_lexicon(_write(tmp_path / "three", [{**record, "name": "GIT"}]))
    assert source_digest(three) not in (None, source_digest(one))
    # a lexicon load_lexicon did not return has none, even when equal to one it did
    from dataclasses import replace

    assert source_digest(replace(shipped)) is None
    assert source_digest(replace(shipped, skills=shipped.skills[:-1])) is None
    # loading many other folders forgets no live lexicon's digest
    for n in range(12):
        load_lexicon(_write(tmp_path / f"many{n}", [{**record, "name": f"Git{n}"}]))
        assert load_lexicon() is shipped  # still cached
    assert source_digest(shipped) == digest


def test_check_lists_every_problem(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        [
            {"id": "git", "name": "Git", "category": "tool"},
            {"id": "git", "name": "Git2", "category": "nope"},
            {"id": "hg", "name": "Mercurial", "category": "tool", "aliases": ["git"]},
        ],
    )
    assert check_lexicon(root) == [
        "skills/a.jsonl:2: unknown category 'nope'",
        "skills/a.jsonl:3: alias 'git' of 'hg' is already claimed by 'git' (skills/a.jsonl:1)",
    ]


# --- CLI ------------------------------------------------------------------------------------


def test_cli_check_shipped() -> None:
    result = CliRunner().invoke(main, ["lexicon", "check"])
    assert (result.exit_code, result.output) == (0, "lexicon OK\n")


def test_cli_check_broken(tmp_path: Path) -> None:
    root = _write(tmp_path, [{"id": "git", "name": "Git", "category": "tools"}])
    result = CliRunner().invoke(main, ["lexicon", "check", str(root)])
    assert result.exit_code == 1
    assert result.stdout == "skills/a.jsonl:1: unknown category 'tools'\n"
    assert result.stderr == "Error: 1 problem(s) in the lexicon\n"


def test_cli_show_one_skill() -> None:
    result = CliRunner().invoke(main, ["lexicon", "show", "sklearn"])
    assert result.exit_code == 0
    assert result.output.splitlines()[:3] == [
        "scikit-learn: scikit-learn [ml_framework]",
        "  aliases: sklearn, scikit learn, scikit, scikitlearn, sci-kit learn, sci-kit-learn",
        "  implies: machine_learning, machine_learning_frameworks",
    ]


def test_cli_show_json_and_context() -> None:
    result = CliRunner().invoke(main, ["lexicon", "show", "r", "--format", "json"])
    assert result.exit_code == 0
    (record,) = json.loads(result.output)
    assert (record["id"], record["name"], record["category"]) == ("r", "R", "programming_language")
    assert record["context"]["forms"] == ["R"]
    assert "R&D" in record["context"]["negative"]


def test_cli_show_stats(lexicon: Lexicon) -> None:
    result = CliRunner().invoke(main, ["lexicon", "show", "--format", "json"])
    assert result.exit_code == 0
    stats = json.loads(result.output)
    assert stats["version"] == lexicon.version
    assert stats["skills"] == len(lexicon)
    assert sum(c["skills"] for c in stats["categories"].values()) == len(lexicon)
    text = CliRunner().invoke(main, ["lexicon", "show"])
    assert text.exit_code == 0
    assert text.output.startswith(f"lexicon {lexicon.version}: {len(lexicon)} skills, ")


def test_cli_show_category_listing() -> None:
    result = CliRunner().invoke(main, ["lexicon", "show", "--category", "spoken_language"])
    assert result.exit_code == 0
    assert "english\tEnglish\tspoken_language" in result.output.splitlines()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["lexicon", "show", "no-such-skill-xyz"],
            1,
            "Error: no skill matches 'no-such-skill-xyz'\n",
        ),
        (["lexicon", "show", "--category", "nope"], 2, "unknown category 'nope'"),
    ],
)
def test_cli_show_errors(args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert message in result.stderr


# --- broad kinds (lexicon.toml ``kinds``) -------------------------------------------------------


def test_shipped_kinds_are_implied_by_their_members(lexicon: Lexicon) -> None:
    assert {"relational_databases", "version_control", "ci_cd"} <= lexicon.kinds
    # a kind that no skill implies could never be met by a member
    implied = {t for s in lexicon.skills for t in s.implies}
    assert lexicon.kinds <= implied
    assert "deep_learning" not in lexicon.kinds  # Keras is no deep learning: a field


@pytest.mark.parametrize(
    ("kinds", "problem"),
    [
        ('kinds = ["git", "nope"]', "lexicon.toml: kind 'nope' is no skill id"),
        ('kinds = "git"', "lexicon.toml: 'kinds' must be a list of skill ids"),
    ],
)
def test_kinds_must_name_skills(tmp_path: Path, kinds: str, problem: str) -> None:
    root = _write(tmp_path, [{"id": "git", "name": "Git", "category": "tool"}])
    (root / "lexicon.toml").write_text(kinds + "\n" + TOML, encoding="utf-8")
    assert check_lexicon(root) == [problem]


def test_kinds_are_read_and_written(tmp_path: Path) -> None:
    from jobmatch.extract.serialise import write_lexicon

    root = _write(tmp_path / "a", [{"id": "git", "name": "Git", "category": "tool"}])
    (root / "lexicon.toml").write_text('kinds = ["git"]\n' + TOML, encoding="utf-8")
    lex = load_lexicon(root)
    assert lex.kinds == frozenset({"git"})
    write_lexicon(lex, tmp_path / "b")
    assert load_lexicon(tmp_path / "b").kinds == frozenset({"git"})


def test_control_engineering_is_named_control_systems(
    lexicon: Lexicon, form_owner: dict[str, str]
) -> None:
    # a control-systems engineer's "M.Tech: Control Systems" was reported as "robot control"
    owner = form_owner[normalise_form("control systems")]
    assert lexicon.by_id[owner].name == "control systems"
    for form in ("control theory", "PID control", "model predictive control", "robot control"):
        assert form_owner[normalise_form(form)] == owner
    assert "robot_control" not in lexicon.by_id
