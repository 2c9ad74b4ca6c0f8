"""Shared fixtures: one skill extractor for the whole session, and the real-data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from jobmatch.extract.component import SkillExtractor


def _shared_data_dir() -> Path | None:
    # CI clones the repository next to shared/; JOBMATCH_SHARED_DATA overrides for other layouts
    candidate = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if candidate.is_dir():
        return candidate
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    if env and Path(env).is_dir():
        return Path(env)
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (real documents for evaluation tests); skips the test if absent."""
    path = _shared_data_dir()
    if path is None:
        pytest.skip("shared data folder not found (set JOBMATCH_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def extractor() -> SkillExtractor:
    """One ``SkillExtractor`` over the shipped lexicon, built once per test session."""
    from jobmatch.extract.component import SkillExtractor

    return SkillExtractor()


# A small, fixed lexicon for tests that must not move when the shipped data is tuned: the
# ambiguous names with context rules (the semantics are in the README, "Context rules") and
# a few unambiguous neighbours.
def _ctx(forms: list[str], positive: list[str], negative: list[str], **kw: object) -> dict:
    return {"forms": forms, "positive": positive, "negative": negative, **kw}


MINI_CATEGORIES = {
    "programming_language": ("Programming languages", "knowledge"),
    "ml_framework": ("ML frameworks", "knowledge"),
    "library": ("Libraries", "knowledge"),
    "data_tool": ("Data tools", "knowledge"),
    "devops": ("DevOps", "knowledge"),
    "tool": ("Tools", "knowledge"),
    "platform": ("Platforms", "knowledge"),
    "ml_method": ("ML methods", "knowledge"),
    "ai_domain": ("AI domains", "knowledge"),
    "soft_skill": ("Soft skills", "skill"),
}

MINI_RECORDS: list[dict] = [
    {"id": "python", "name": "Python", "category": "programming_language"},
    {"id": "sql", "name": "SQL", "category": "programming_language"},
    {"id": "c++", "name": "C++", "category": "programming_language", "aliases": ["cpp"]},
    {"id": "c#", "name": "C#", "category": "programming_language"},
    {"id": "objective_c", "name": "Objective-C", "category": "programming_language"},
    {"id": "kotlin", "name": "Kotlin", "category": "programming_language"},
    {"id": "javascript", "name": "JavaScript", "category": "programming_language"},
    {"id": "matlab", "name": "MATLAB", "category": "programming_language"},
    {"id": "nodejs", "name": "Node.js", "category": "library"},
    {"id": "dotnet", "name": ".NET", "category": "library"},
    {"id": "django", "name": "Django", "category": "library"},
    {"id": "ios", "name": "iOS", "category": "platform"},
    {"id": "linux", "name": "Linux", "category": "platform"},
    {"id": "pytorch", "name": "PyTorch", "category": "ml_framework"},
    {"id": "tensorflow", "name": "TensorFlow", "category": "ml_framework"},
    {
        "id": "scikit-learn",
        "name": "scikit-learn",
        "category": "ml_framework",
        "aliases": ["sklearn"],
    },
    {"id": "docker", "name": "Docker", "category": "devops"},
    {"id": "kubernetes", "name": "Kubernetes", "category": "devops", "aliases": ["k8s"]},
    {"id": "ansible", "name": "Ansible", "category": "devops"},
    {"id": "terraform", "name": "Terraform", "category": "devops"},
    {"id": "ci_cd", "name": "CI/CD", "category": "devops"},
    {"id": "hadoop", "name": "Hadoop", "category": "data_tool"},
    {"id": "kafka", "name": "Kafka", "category": "data_tool", "aliases": ["Apache Kafka"]},
    {"id": "pyspark", "name": "PySpark", "category": "data_tool"},
    {"id": "tableau", "name": "Tableau", "category": "tool"},
    {"id": "git", "name": "Git", "category": "tool"},
    {
        "id": "machine_learning",
        "name": "machine learning",
        "category": "ml_method",
        "aliases": ["ML"],
    },
    {"id": "neural_network", "name": "neural network", "category": "ml_method"},
    {"id": "api", "name": "API", "category": "tool"},
    {
        "id": "nlp",
        "name": "natural language processing",
        "category": "ai_domain",
        "aliases": ["NLP"],
    },
    {"id": "communication", "name": "communication", "category": "soft_skill"},
    {
        "id": "rails",
        "name": "Ruby on Rails",
        "category": "library",
        "aliases": ["Rails", "RoR"],
    },
    {
        "id": "r",
        "name": "R",
        "category": "programming_language",
        "aliases": ["R programming", "RStudio"],
        "context": _ctx(
            ["R"],
            ["statistical", "statistics", "rstudio", "tidyverse", "ggplot2", "shiny", "cran"],
            ["R&D", "R & D", "R and D"],
        ),
    },
    {
        "id": "c",
        "name": "C",
        "category": "programming_language",
        "aliases": ["C programming", "ANSI C"],
        "context": _ctx(
            ["C"],
            ["embedded", "firmware", "kernel", "assembly", "microcontroller", "microcontrollers"],
            ["C-level", "C-suite", "Grade C", "Vitamin C", "Type C", "USB-C"],
        ),
    },
    {
        "id": "go",
        "name": "Go",
        "category": "programming_language",
        "aliases": ["Golang", "Go language"],
        "context": _ctx(
            ["Go"],
            ["golang", "microservices", "concurrency", "goroutines", "backend"],
            ["go to market", "go-to-market", "go live", "go-live", "go ahead", "on the go"],
        ),
    },
    {
        "id": "julia",
        "name": "Julia",
        "category": "programming_language",
        "aliases": ["Julia language"],
        "context": _ctx(["Julia"], ["scientific computing", "numerical", "flux.jl"], []),
    },
    {
        "id": "swift",
        "name": "Swift",
        "category": "programming_language",
        "aliases": ["SwiftUI"],
        "context": _ctx(
            ["Swift"],
            ["ios", "xcode", "uikit", "cocoa", "apple", "macos"],
            ["SWIFT code", "SWIFT payments", "SWIFT network"],
        ),
    },
    {
        "id": "rust",
        "name": "Rust",
        "category": "programming_language",
        "aliases": ["Rust language"],
        "context": _ctx(
            ["Rust"],
            ["systems programming", "cargo", "memory safety", "webassembly", "tokio"],
            ["Rust Belt", "rust removal"],
        ),
    },
    {
        "id": "spark",
        "name": "Spark",
        "category": "data_tool",
        "aliases": ["Apache Spark", "Spark SQL"],
        "context": _ctx(
            ["Spark"],
            ["hadoop", "databricks", "big data", "streaming", "cluster", "rdd", "dataframes"],
            [],
        ),
    },
    {
        "id": "excel",
        "name": "Excel",
        "category": "tool",
        "aliases": ["MS Excel", "Microsoft Excel"],
        "context": _ctx(
            ["Excel"],
            ["spreadsheets", "spreadsheet", "vlookup", "pivot", "macros", "vba", "powerpoint"],
            ["Excel at", "Excel in"],
        ),
    },
    {
        "id": "scala",
        "name": "Scala",
        "category": "programming_language",
        "context": _ctx(["Scala"], ["jvm", "akka", "sbt", "functional programming"], ["La Scala"]),
    },
    {
        "id": "ruby",
        "name": "Ruby",
        "category": "programming_language",
        "context": _ctx(
            ["Ruby"], ["gems", "rspec", "rubocop"], ["Ruby wedding", "Ruby anniversary"]
        ),
    },
    {
        "id": "java",
        "name": "Java",
        "category": "programming_language",
        "aliases": ["Core Java", "Java SE"],
        "context": _ctx(
            ["Java"],
            ["jvm", "spring", "j2ee", "maven", "gradle", "hibernate"],
            ["island of Java", "East Java", "West Java", "cup of Java", "Java coffee"],
        ),
    },
    {
        "id": "transformers",
        "name": "Transformers",
        "category": "ml_framework",
        "aliases": ["transformer", "transformer models", "Hugging Face Transformers"],
        "context": _ctx(
            ["Transformers", "transformer"],
            ["bert", "gpt", "attention", "huggingface", "llm", "llms", "language models"],
            ["electrical transformers", "power transformers", "distribution transformers"],
            case_sensitive=False,
        ),
    },
    {
        "id": "hive",
        "name": "Hive",
        "category": "data_tool",
        "aliases": ["Apache Hive", "HiveQL"],
        "context": _ctx(["Hive"], ["hadoop", "hql", "hdfs", "presto", "impala"], ["hive of"]),
    },
    {
        "id": "pig",
        "name": "Pig",
        "category": "data_tool",
        "aliases": ["Apache Pig", "Pig Latin"],
        "context": _ctx(["Pig"], ["hadoop", "mapreduce", "hdfs"], ["guinea pig", "pig farm"]),
    },
    {
        "id": "flask",
        "name": "Flask",
        "category": "library",
        "context": _ctx(
            ["Flask"],
            ["web", "api", "apis", "rest", "jinja", "sqlalchemy", "fastapi"],
            ["lab flask", "Erlenmeyer flask", "conical flask"],
        ),
    },
    {
        "id": "airflow",
        "name": "Airflow",
        "category": "data_tool",
        "aliases": ["Apache Airflow"],
        "context": _ctx(
            ["Airflow"],
            ["dag", "dags", "etl", "orchestration", "data pipelines", "luigi", "prefect"],
            ["airflow sensor", "airflow management"],
        ),
    },
    {
        "id": "chef",
        "name": "Chef",
        "category": "devops",
        "context": _ctx(
            ["Chef"],
            ["cookbooks", "configuration management", "saltstack"],
            ["head chef", "sous chef", "chef de partie", "executive chef", "pastry chef"],
        ),
    },
    {
        "id": "puppet",
        "name": "Puppet",
        "category": "devops",
        "context": _ctx(
            ["Puppet"],
            ["manifests", "configuration management", "saltstack"],
            ["puppet show", "sock puppet", "puppet theatre"],
        ),
    },
]


def write_lexicon(
    folder: Path, records: list[dict], categories: dict | None = None, *, version: str = "test"
) -> Path:
    """Write a lexicon folder (lexicon.toml + skills/test.jsonl) and return it."""
    import json

    cats = MINI_CATEGORIES if categories is None else categories
    (folder / "skills").mkdir(parents=True, exist_ok=True)
    lines = [f'version = "{version}"']
    for cid, (label, layer) in cats.items():
        lines += [f"[categories.{cid}]", f'label = "{label}"', f'layer = "{layer}"']
    (folder / "lexicon.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    body = "".join(json.dumps(r) + "\n" for r in records)
    (folder / "skills" / "test.jsonl").write_text(body, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def mini_lexicon_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small fixed lexicon folder (ambiguous names with context rules + neighbours)."""
    return write_lexicon(tmp_path_factory.mktemp("mini_lexicon"), MINI_RECORDS)


@pytest.fixture(scope="session")
def mini_extractor(mini_lexicon_dir: Path) -> SkillExtractor:
    """A ``SkillExtractor`` over the small fixed test lexicon (stable expectations)."""
    from jobmatch.extract.component import SkillExtractor

    return SkillExtractor(lexicon=mini_lexicon_dir)
