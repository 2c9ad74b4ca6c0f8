"""The mention filter's reading of a resume's deed sentences ("Designed ...", "Successfully
led ..."): a skill named in one is the writer's, kept without the filter's judgement."""

from __future__ import annotations

import pytest

import jobmatch

CASES: list[tuple[str, str]] = [
    # the hyphen of "real-time" is no bullet: the sentence opens with "Designed" (the
    # template_two_column resume of the shared data lost its fraud detection to this)
    (
        "EXPERIENCE\nSenior Software Engineer\n\nStripe - San Francisco, CA\n"
        "•  Designed and implemented real-time fraud detection pipeline processing 50K+\n"
        "transactions per second using Kafka and Go\n",
        "fraud_detection",
    ),
    # an adverb of manner before the deed ("Formally recognized", "Successfully led")
    (
        "Accomplishments\nAchieved 25% cost reduction by eliminating redundant processes.\n"
        "Formally recognized for excellence achieved in financial analysis, budgeting and"
        " forecasting.\nExperience\n",
        "forecasting",
    ),
]


@pytest.mark.parametrize(("text", "skill"), CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_a_skill_in_a_deed_sentence_is_kept(text: str, skill: str) -> None:
    found = [m.skill_id for m in jobmatch.extract_skills(text)]
    assert skill in found, found
