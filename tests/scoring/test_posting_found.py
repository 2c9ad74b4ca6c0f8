"""Skills postings ask for that the reader missed (the sixth audit, of the 27 labelled
postings): cloud services and phrasings the lexicon lacked, and items that open "Knowledge
of" / "Experience with" whose skill the mention filter dropped."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor


def _asked(text: str, extractor: SkillExtractor) -> dict[str, bool]:
    """Each skill id a requirement names -> whether that requirement is required."""
    out: dict[str, bool] = {}
    for r in read_posting(text, extractor=extractor).requirements:
        for s in r.skills:
            out.setdefault(s.skill_id, r.required)
    return out


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        # glassdoor-0357: Azure's big-data services, written without "Azure" in a list
        ("Experience with Hadoop-based technologies (HDInsight, Spark, Hive)", "azure_hdinsight"),
        (
            "Experience with Azure data movement and transformation capabilities (Azure Data "
            "Factory, Data Lake Analytics, Data Bricks, Stream Analytics)",
            "azure_data_lake_analytics",
        ),
        (
            "Experience with Azure data movement and transformation capabilities (Azure Data "
            "Factory, Data Lake Analytics, Data Bricks, Stream Analytics)",
            "databricks",
        ),
        (
            "Experience with Azure data movement and transformation capabilities (Azure Data "
            "Factory, Data Lake Analytics, Data Bricks, Stream Analytics)",
            "azure_stream_analytics",
        ),
        # glassdoor-0179: Amazon EMR by its short name, among AWS and big-data tools
        (
            "Familiarity with five of the following: Spark, MySQL, PostgreSQL, EMR, S3, Redshift",
            "amazon_emr",
        ),
        # glassdoor-0043: hospital EMRs are electronic health records
        (
            "Experience working with hospital EMRs such as Meditech, McKesson, Epic and Cerner",
            "ehr",
        ),
        # glassdoor-0635
        ("Knowledge of streaming tools such as StreamSets", "streamsets"),
        ("Knowledge of streaming tools such as StreamSets", "stream_processing"),
        # e2e_ml-eng
        ("Experience with ML monitoring tools such as Evidently or WhyLogs", "whylogs"),
        # glassdoor-0326
        ("Securities or financial markets experience", "financial_markets"),
        # train-house-110
        ("You have a profound knowledge of semiconductor fabrication", "semiconductor_fabrication"),
        ("Knowledge of molecular beam epitaxy is a plus", "molecular_beam_epitaxy"),
        # glassdoor-0008
        ("A strong background in Molecular Biology or Cancer Biology Research", "oncology"),
        # glassdoor-0051
        ("Strong technical writing and briefing skills", "presentation_skills"),
        # glassdoor-0624
        ("Motivated to learn and master new technologies and techniques.", "eagerness_to_learn"),
        # data_scientist.docx
        (
            "Excellent understanding of machine learning algorithms, such as k-NN, Naive Bayes, "
            "SVM, Decision Forests, CNN, RNN",
            "random_forest",
        ),
        # glassdoor-0201: a mixed-case name's plural
        ("Ability to create PowerPoints containing graphs and insights", "microsoft_powerpoint"),
        ("Customer profiling experience", "customer_profiling"),
    ],
)
def test_a_form_the_lexicon_lacked_is_asked(
    line: str, skill: str, extractor: SkillExtractor
) -> None:
    text = f"Data Engineer\n\nRequirements:\n{line}\nBachelor's degree in a related field\n"
    assert skill in _asked(text, extractor)


def test_customer_profiling_is_no_code_profiling(extractor: SkillExtractor) -> None:
    text = "Analyst\n\nRequirements:\nCustomer profiling experience\nSQL\n"
    assert "profiling" not in _asked(text, extractor)


@pytest.mark.parametrize(
    ("lines", "skill"),
    [
        # the mention filter judged "quantization" in a short line and dropped it
        (
            "Requirements:\n- 3+ years of experience with PyTorch.\n"
            "- Knowledge of quantization techniques (INT8, FP8).\n",
            "quantization",
        ),
        # glassdoor-0357, under "Profile of Success"
        (
            "Profile of Success\nBachelor's degree in a related field and six years of "
            "experience\nDeep knowledge of data ingestion strategies and understanding of the "
            "V-dimensions of data (velocity, volume, variety, veracity)\n",
            "data_ingestion",
        ),
        (
            "Requirements:\n- Experience in separation techniques such as chromatography, "
            "filtration, centrifugation\n",
            "chromatography",
        ),
    ],
)
def test_an_item_opening_knowledge_of_asks_its_skill(
    lines: str, skill: str, extractor: SkillExtractor
) -> None:
    text = "Machine Learning Engineer\n\nAcme builds models for hospitals.\n\n" + lines
    assert _asked(text, extractor).get(skill) is True


def test_a_run_on_line_asks_only_near_its_cue(extractor: SkillExtractor) -> None:
    # a SkillSpan ad whose items lost their full stops: "autonomy" 25 words after
    # "Experience with" is the company's offer, not an item that asks it
    text = (
        "Developer\n\nYour profile:\nExperience with Python and Django and relational "
        "databases you learn new technologies quickly Someone already located in Berlin or "
        "ready to move here We believe that by providing autonomy and freedom to our teams "
        "we will get the best results .\n"
    )
    asked = _asked(text, extractor)
    assert "python" in asked
    assert "work_independently" not in asked


def test_a_c1_bullet_is_the_cp1252_bullet() -> None:
    # a CP-1252 text decoded as Latin-1: "\x95" is "•", "\x92" is "’", offsets kept
    from jobmatch.extract.text_guard import guard_text

    assert guard_text("\x95Bachelor\x92s degree") == "•Bachelor’s degree"
    assert guard_text("a\x81b") == "a\x81b"  # a byte CP-1252 leaves undefined stays


def test_an_item_after_a_c1_bullet_asks_its_skill(extractor: SkillExtractor) -> None:
    # dev-house-030: the items' bullets were "\x95" glued to their first word
    text = (
        "Postdoc in machine learning\n\nQualifications\n"
        "\x95A PhD degree or equivalent .\n"
        "\x95Experience with physiological measurements and/or neuroscience is a definite "
        "advantage .\n\x95Project management experience\n"
    )
    assert "computational_neuroscience" in _asked(text, extractor)


def test_working_as_a_part_of_the_team_is_teamwork(extractor: SkillExtractor) -> None:
    # train-tech-073
    text = (
        "Principal Engineer\n\nWhat we hope from you\nA strong background in software "
        "development and ability to work as a part of the team .\n"
    )
    assert "teamwork" in _asked(text, extractor)


def test_data_mining_techniques_are_data_mining(extractor: SkillExtractor) -> None:
    # one skill, not two: "data mining techniques" was a skill of its own beside data mining
    assert "data_mining_techniques" not in extractor.lexicon.by_id
    text = "Data Scientist\n\nRequirements:\nStrong grasp of data mining techniques\n"
    assert "data_mining" in _asked(text, extractor)


@pytest.mark.parametrize(
    "heading",
    [
        "As a Data Engineer at Cogo Labs you will:",
        "As a Data Engineer, you will:",
        "You will:",
        "In this position, you will:",
        "As our new Backend Engineer you will be responsible for:",
    ],
)
def test_a_sentence_ending_you_will_opens_the_tasks(heading: str) -> None:
    from jobmatch.extract.sections import classify_heading

    assert classify_heading(heading) == "responsibilities"


def test_a_sentence_with_you_will_is_no_heading() -> None:
    from jobmatch.extract.sections import classify_heading

    assert classify_heading("As a Data Engineer, you will use cutting edge cloud tools") is None


def test_the_tasks_after_you_will_are_asked(extractor: SkillExtractor) -> None:
    # glassdoor-0179: the tasks under "As a Data Engineer at Cogo Labs you will:" were read
    # as the company's description
    text = (
        "Data is the life blood of Cogo Labs.\n\nAs a Data Engineer at Cogo Labs you will:\n"
        "Build and maintain robust, fault-tolerant ETL pipelines for internal data\n"
        "Work with teams to plan their data pipeline, optimize their data processes and SQL\n"
        "\nSkills and requirements:\nProficiency with Python\n"
    )
    asked = _asked(text, extractor)
    assert asked.get("etl") is True
    assert asked.get("python") is True
