"""The degree and the years a posting asks: the shapes an audit of real postings found
misread ("N or more years", number words, contract lengths, several figures...)."""

from __future__ import annotations

import pytest

from jobmatch import read_posting
from jobmatch.extract.component import SkillExtractor
from jobmatch.scoring.posting_rules import years_asked


@pytest.mark.parametrize(
    ("clause", "years"),
    [
        # "N or more years", number words, ranges in words
        ("Five or more years of relevant experience.", 5.0),
        ("4 or more years in Business Intelligence", 4.0),
        ("Minimum 3 or more years of experience as a software developer", 3.0),
        ("Seven to ten years health data analysis experience", 7.0),
        ("four to six years of relevant experience", 4.0),
        ("Three (3) to five (5) years' experience", 3.0),
        ("Fifteen (15) years of experience in AI", 15.0),
        ("At least 2-3 year\x92s practical experience in C#", 2.0),
        ("Minimum one-year data collection or data entry experience required.", 1.0),
        # contract lengths, grants, a company's facts, ceilings: no experience asked
        ("The company has grown 5,000% in 4 years and 300% in the past year.", None),
        ("ONLY GC/EAD (more than 1-year validity)", None),
        ("A 3-year PhD scholarship in Pharmaceutical Technology is available.", None),
        ("a 1-year appointment (beginning June 2020)", None),
        ("The period of employment is 3 years.", None),
        ("Tenure: Three years", None),
        ("Employment for a fixed term of three years", None),
        ("Postdoc position from 2018 for first two years extendable", None),
        ("junior scientists are provided with three years of full support", None),
        ("a 4-year undergraduate degree or demonstrated relevant experience", None),
        ("a dynamic company with more than 50 years of experience", None),
        ("The company is celebrating 25 years in the IT industry", None),
        ("the candidate must have less than 4 years research experience", None),
        ("Applicants must be at least 25 years of age", None),
        ("within a 3-5 year timeframe", None),
        # several figures: the first asked, or the lowest of alternatives
        (
            "At least 7 years of experience with incident response or threat hunting "
            "At least 4 years of experience with a scripting language "
            "At least 2 years of experience leading small teams",
            7.0,
        ),
        ("+4 years of professional experience * +1 years of experience leading a team", 4.0),
        ("6 - 10 years of IT experience, with 5+ years on the ServiceNow platform", 6.0),
        ("Minimum 3 years, 5+ years preferred, experience in analytics", 3.0),
        ("Bachelor of Science and 5 years' experience OR Master of Science and 3 years'", 3.0),
        ("BS with 2+ years, or MS with 0-3 years", 0.0),
        ("Minimum 5 years (with M.S. degree) or 3 years (with PhD) of experience", 3.0),
        ("At least 5 years of experience in analysis. 3 years with a Master's degree.", 3.0),
        ("4 years relevant experience OR 6 years relevant experience", 4.0),
    ],
)
def test_years_asked(clause: str, years: float | None) -> None:
    assert years_asked(clause) == years


def test_the_company_s_growth_does_not_hide_the_years_asked(extractor: SkillExtractor) -> None:
    text = (
        "About us\nThe company has grown 5,000% in 4 years.\n\n"
        "Requirements\n- 5-10 years of experience in full stack development\n"
    )
    read = read_posting(text, extractor=extractor)
    assert read.years_min == 5.0
    assert read.years_evidence == "5-10 years of experience in full stack development"
