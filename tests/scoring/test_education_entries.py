"""Education entries in the layouts real resumes use (the audit of `jobmatch facts`):
which neighbouring line gives a degree its year and school, degrees in progress,
abbreviations, and degrees listed twice. The texts are written for these tests."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest

from jobmatch.extract.sections import classify_heading
from jobmatch.models import ResumeFacts
from jobmatch.report_facts import render_facts
from jobmatch.scoring.education_layout import date_only, in_progress
from jobmatch.scoring.education_names import mend_spaced
from jobmatch.scoring.resume_facts import degree_level, degree_requirements
from jobmatch.scoring.resume_reader import facts_from_text, read_resume

AS_OF = date(2026, 1, 1)


def facts(text: str) -> ResumeFacts:
    return facts_from_text(text, as_of=AS_OF)


def rows(text: str) -> list[tuple[str, str | None, str | None, int | None, bool]]:
    return [(e.level, e.field, e.institution, e.year, e.in_progress) for e in facts(text).education]


# ------------------------------------------------------------------ P1: whose line is whose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # LiveCareer: the date line stands above each degree (not the CFA's below)
            "Education and Training\n09/1998\nMaster of Science : Computer Science QAU City\n"
            "01/2008\nCFA Level 1 CFA Institute City\n",
            [("master", "computer science", None, 1998, False)],
        ),
        (  # the bachelor's takes its own date line and school, not the MBA's
            "Education and Training\n2005\n"
            "Master of Business Administration New Mexico State University\n"
            "May 20, 2005\nNM 4.00\n2002\n"
            "Bachelor of Economics Foreign Trade University, City Vietnam\n",
            [
                ("master", "business administration", "New Mexico State University", 2005, False),
                ("bachelor", "economics", "Foreign Trade University", 2002, False),
            ],
        ),
        (  # a school between a date line and its degree belongs to that degree
            "Education and Training\nMay, 2014\nBachelor of Science Shepherd University, City\n"
            "2000\nHagerstown Community College\nAssociate of Science\n",
            [
                ("bachelor", None, "Shepherd University", 2014, False),
                ("associate", None, "Hagerstown Community College", 2000, False),
            ],
        ),
        (  # dates below their degrees
            "Education\nMaster of Science in Physics\n2016\nBachelor of Science in Physics\n2012\n",
            [
                ("master", "physics", None, 2016, False),
                ("bachelor", "physics", None, 2012, False),
            ],
        ),
        (  # schools above their degrees
            "Education\nStanford University\nMaster of Science in Physics, 2012\n"
            "Boston University\nBachelor of Science in Physics, 2010\n",
            [
                ("master", "physics", "Stanford University", 2012, False),
                ("bachelor", "physics", "Boston University", 2010, False),
            ],
        ),
        (  # schools below: the culinary academy is the AOS's, the diploma has its own
            "Education\nAOS : Culinary Arts , 1997\n\nCalifornia Culinary Academy - City , State\n"
            "High School Diploma : 1993\nMary Star of the Sea High School - City , State\n",
            [
                ("associate", "culinary arts", "California Culinary Academy", 1997, False),
                ("high_school", None, "Mary Star of the Sea High School", 1993, False),
            ],
        ),
    ],
)
def test_a_degree_takes_the_year_and_school_of_its_own_entry(
    text: str, expected: list[tuple[str, str | None, str | None, int | None, bool]]
) -> None:
    assert rows(text) == expected


def test_a_degree_read_as_a_heading_is_not_lost() -> None:
    text = (
        "Education and Training\ncurrent\n"
        "Master of Science : Engineering Management Oklahoma Christian University\n"
        "2016\nBachelor of Technology : Chemical Engineering Sastra University, Tanjore\n"
        "Skills\nAutoCAD, process design\n"
    )
    assert classify_heading("Bachelor of Technology : Chemical Engineering Sastra") is None
    f = facts(text)
    assert [(e.level, e.year, e.in_progress) for e in f.education] == [
        ("master", None, True),
        ("bachelor", 2016, False),
    ]
    assert (f.highest_degree, f.highest_degree_field) == ("bachelor", "chemical engineering")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("09/1998", True),
        ("current", True),
        ("Expected May 2019", True),
        ("2014 - Present", True),
        ("May 20, 2005", True),
        ("NM 4.00", False),
        ("CFA Level 1 2008", False),
        ("", False),
    ],
)
def test_date_only_lines(line: str, expected: bool) -> None:
    assert date_only(line) is expected


# ------------------------------------------------------------------ P2: in progress


@pytest.mark.parametrize(
    "line",
    [
        "Ph.D. : Professional Sales 113 credit hours earned - Expected 2019 KENNESAW STATE",
        "Bachelor of Science : Psychology , Current",
        "MBA : Business Management Present New Jersey Institute of Technology",
        "PhD International Relations in progress - Final Drafting phase",
        "Master of Science in Computer Science, Expected May 2027",
        "Master of Science in Computer Science, 2024 - Present",
        "Master of Science in Computer Science, 2028",  # after the as-of day
    ],
)
def test_a_degree_in_progress_is_not_held(line: str) -> None:
    f = facts(f"Education\n{line}\nBachelor of Arts in History, 2010\n")
    assert [e.in_progress for e in f.education] == [True, False]
    assert f.highest_degree == "bachelor" and f.highest_degree_field == "history"


@pytest.mark.parametrize(
    "line",
    [
        "Currently working on a project on clustering",
        "Current GPA 3.8",
        "present research at conferences",
    ],
)
def test_status_words_in_prose_say_nothing(line: str) -> None:
    assert not in_progress(line)


def test_the_date_line_above_says_in_progress() -> None:
    text = "Education and Training\nPresent\nBachelors of Science : Healthcare Management\n"
    text += "2016\nAssociates of Science : Healthcare Management\n"
    assert [(e.level, e.year, e.in_progress) for e in facts(text).education] == [
        ("bachelor", None, True),
        ("associate", 2016, False),
    ]


def test_the_report_says_in_progress() -> None:
    f = facts("Education\nMaster of Science in Physics, Expected May 2027\nState University\n")
    assert f.highest_degree == "none"
    out = render_facts(f)
    assert "  highest degree: none held (a degree in progress is not held)\n" in out
    assert "    - master's degree, physics, State University, 2027, in progress (not held)\n" in out
    assert f.to_dict()["education"][0]["in_progress"] is True
    assert "  highest degree: none detected\n" in render_facts(facts("Skills\nPython\n"))


@pytest.mark.parametrize(
    ("resume", "verdict", "line"),
    [
        (
            "EDUCATION\nMBA, Wharton School, expected 2027\n"
            "BA in Economics, Yale University, 2019\n",
            False,
            "bachelor's degree in economics; master's degree in business administration in"
            " progress (below the required master's degree)",
        ),
        (
            "EDUCATION\nMaster of Science in Physics, Expected May 2027\nState University\n",
            False,
            "none held; master's degree in physics in progress (below the required master's"
            " degree)",
        ),
        (
            "EDUCATION\nPhD candidate in Physics, State University\n"
            "Master of Science in Physics, State University, 2022\n",
            True,
            "master's degree in physics; PhD in physics in progress (meets the required"
            " master's degree)",
        ),
    ],
)
def test_the_score_report_says_a_degree_is_in_progress(
    resume: str, verdict: bool, line: str
) -> None:
    import json

    import jsonschema

    import jobmatch
    from jobmatch.report import render

    r = jobmatch.match_texts(resume, "Requirements\n- Master's degree required\n")
    assert r.education.meets_requirement is verdict  # a degree in progress is not held
    assert r.education.in_progress is not None and r.education.in_progress.in_progress
    assert f"Education  {line}\n" in render(r, "text")
    assert f"<p>Education: {html.escape(line)}</p>" in render(r, "html")
    data = json.loads(render(r, "json"))
    schema = Path(jobmatch.__file__).parent / "schemas" / "score_report.schema.json"
    jsonschema.validate(data, json.loads(schema.read_text()))
    assert data["education"]["in_progress"]["in_progress"] is True


def test_no_degree_in_progress_is_named_below_the_degree_held() -> None:
    import jobmatch

    resume = "EDUCATION\nMSc in Physics, State University, 2020\nBSc in Biology, expected 2027\n"
    r = jobmatch.match_texts(resume, "Requirements\n- Master's degree required\n")
    assert (r.education.level, r.education.meets_requirement) == ("master", True)
    assert r.education.in_progress is None


# ------------------------------------------------------------------ P3: abbreviations


@pytest.mark.parametrize(
    ("abbr", "level"),
    [
        ("BA", "bachelor"),
        ("BS", "bachelor"),
        ("BBA", "bachelor"),
        ("BFA", "bachelor"),
        ("B.Com", "bachelor"),
        ("LLB", "bachelor"),
        ("AS", "associate"),
        ("MS", "master"),
        ("MA", "master"),
        ("MFA", "master"),
        ("MPH", "master"),
        ("MSW", "master"),
        ("M.Ed.", "master"),
        ("JD", "professional_doctorate"),
        ("J.D.", "professional_doctorate"),
        ("Juris Doctor", "professional_doctorate"),
        ("MD", "professional_doctorate"),
        ("M.D.", "professional_doctorate"),
        ("PharmD", "professional_doctorate"),
        ("DNP", "professional_doctorate"),
        ("DDS", "professional_doctorate"),
        ("D.M.D.", "professional_doctorate"),
        ("D.O.", "professional_doctorate"),
        ("PsyD", "professional_doctorate"),
        ("EdD", "phd"),
        ("Ed.D.", "phd"),
        ("Associate", "associate"),
        ("Associates", "associate"),
    ],
)
def test_degree_abbreviations(abbr: str, level: str) -> None:
    f = facts(f"Education\n{abbr} : Finance, University of North Texas, 2013\n")
    assert [(e.level, e.field, e.institution, e.year) for e in f.education] == [
        (level, "finance", "University of North Texas", 2013)
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Doctor of Medicine, University of Iowa, 2010",
            ("professional_doctorate", "medicine", "University of Iowa", 2010),
        ),
        (
            "J.D., cum laude, Harvard Law School, 2015",
            ("professional_doctorate", None, "Harvard Law School", 2015),
        ),
        (
            "Juris Doctorate : Law, Georgetown University Law Center, 2012",
            ("professional_doctorate", "law", "Georgetown University Law Center", 2012),
        ),
        (
            "Bachelor of Science, Stanford University, 2010",
            ("bachelor", None, "Stanford University", 2010),
        ),
    ],
)
def test_professional_doctorates_and_school_words(
    line: str, expected: tuple[str, str | None, str | None, int]
) -> None:
    f = facts(f"Education\n{line}\n")
    assert [(e.level, e.field, e.institution, e.year) for e in f.education] == [expected]
    assert f.highest_degree == expected[0]


def test_abbreviations_after_a_school_and_year() -> None:
    text = (
        "Education\nPrairie View A & M University 2003 BBA : Accounting Accounting Prairie View\n"
        "University of North Texas 2015 MBA : Strategic Management\n"
    )
    assert [(e.level, e.field, e.year) for e in facts(text).education] == [
        ("bachelor", "accounting", 2003),
        ("master", "business administration", 2015),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Proficient in MS Office and MS Project",
        "Boston, MA 02115",
        "Jackson, MS, USA",
        "Baltimore, MD (USA)",
        "tools such as: Excel",
        "Skills such as : Excel",
        "Set up MFA for Okta users",
        "drove forklifts at 5 mph",
        "Baltimore, MD 21201",
        "M.D. Anderson Cancer Center",
        "What I do in my spare time",
    ],
)
def test_abbreviations_need_a_degree_context(line: str) -> None:
    assert degree_level(line) is None


# ------------------------------------------------------------------ P6: listed twice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Education\nHigh School Diploma : 2008\nDon Bosco Senior High School - City , State\n",
            [("high_school", None, "Don Bosco Senior High School", 2008, False)],
        ),
        (
            "Education\nCambridge College Master of Education : Integrated Studies\n\n"
            "Master of Education (M.Ed.), Integrated Studies - Cambridge College 1998\n",
            [("master", "education", "Cambridge College", 1998, False)],
        ),
        (
            "Education\nBachelor's : Public Relations, University of Louisiana at Lafayette\n"
            "Public Relations, May 2014 Bachelor's degree in Public Relations\n",
            [
                (
                    "bachelor",
                    "public relations",
                    "University of Louisiana at Lafayette",
                    2014,
                    False,
                )
            ],
        ),
        (  # CONSULTANT_11333660: the line saying "in progress" dates it (expected)
            "Education\nPh.D : International Relations Oxford Brookes University\n2012\n"
            "PhD International Relations in progress - Final Drafting phase\nDecember 2016\n",
            [("phd", "international relations", "Oxford Brookes University", 2016, True)],
        ),
        (  # the other way round: the first line says it, its year stays
            "Education\nPhD : Physics - in progress\n2025\n"
            "PhD Physics, Oxford Brookes University\n2021\n",
            [("phd", "physics", "Oxford Brookes University", 2025, True)],
        ),
        (  # CONSULTANT_11333660: the repeated line's field too long to read, nothing else
            "Education\nBachelor of Science : Political Science & Global Studies South Dakota "
            "State University\nPolitical Science & Global Studies\nB.S : Political Science and "
            "Global Studies Cultural Geography Political Science and Global Studies Cultural "
            "Geography\n",
            [
                (
                    "bachelor",
                    "political science & global studies",
                    "South Dakota State University",
                    None,
                    False,
                )
            ],
        ),
        (  # two degrees of one level are two entries
            "Education\nMaster of Science : Forensic Psychology, 2019\n"
            "Master of Social Work, 2021\n",
            [
                ("master", "forensic psychology", None, 2019, False),
                ("master", "social work", None, 2021, False),
            ],
        ),
    ],
)
def test_a_degree_listed_twice_is_one_entry(
    text: str, expected: list[tuple[str, str | None, str | None, int | None, bool]]
) -> None:
    assert rows(text) == expected


# ------------------------------------------------------------------ real resumes


@pytest.mark.evaluation
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("AGRICULTURE_11813872", [("master", 1998, False)]),
        ("BANKING_15553584", [("master", 2005, False), ("bachelor", 2002, False)]),
        ("BUSINESS-DEVELOPMENT_10501991", [("bachelor", 2017, False), ("phd", 2019, True)]),
        # the date lines above the degrees ("8/2013" / "BA : Justice Studies ...") under a
        # certification read as a heading (was None, None: only the degree lines were read)
        ("HR_11592605", [("bachelor", 2013, False), ("associate", 2002, False)]),
        ("CHEF_13212436", [("associate", 1997, False), ("high_school", 1993, False)]),
    ],
)
def test_education_of_shared_resumes(
    shared_data: Path, name: str, expected: list[tuple[str, int | None, bool]]
) -> None:
    path = shared_data / "resumes" / "livecareer_more" / f"{name}.pdf"
    f = read_resume(path, as_of=date(2026, 11, 1))
    assert [(e.level, e.year, e.in_progress) for e in f.education] == expected


# ------------------------------------------------------------------ two degrees, certificates


def test_two_degrees_on_one_line_are_two_entries() -> None:
    text = (
        "Education\nMay 2004\nHS : General Studies Bainbridge High School - City , State\n"
        "December 2015\nA.S : Nursing Columbus Technical College BSN. South University - City ,"
        " State Nursing\n"
    )
    assert rows(text) == [
        ("high_school", None, "Bainbridge High School", 2004, False),
        ("associate", "nursing", "Columbus Technical College", None, False),
        ("bachelor", "nursing", "South University", 2015, False),
    ]


def test_a_degree_repeated_on_its_line_is_one_entry() -> None:
    text = (
        "Education\nSouthwest Texas Junior College 1996 Associate of Arts : Liberal Arts "
        "Southwest Texas Junior College, Texas, 1995-1996 Associate Degree in Liberal\n"
    )
    assert [(e.level, e.field) for e in facts(text).education] == [("associate", "liberal arts")]


@pytest.mark.parametrize(
    "line",
    [
        "Tulsa Welding School City , State Welding Certificate Job-Related Training",
        "Florida State College City , State Aircraft Coating Technician Certificate *148 hours",
    ],
)
def test_a_certificate_named_after_its_trade(line: str) -> None:
    f = facts(f"Education\n{line}\n")
    assert [e.level for e in f.education] == ["certificate"]
    assert f.highest_degree == "certificate"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Bachelor of Fine Arts : Interior Design Art Institute of Colorado", "interior design"),
        ("Bachelor of Science : Nursing Medical University of South Carolina", "nursing"),
        ("Bachelor of Arts : Anthropology Hunter College", "anthropology"),
    ],
)
def test_a_field_stops_before_the_school_name(line: str, field: str) -> None:
    assert [e.field for e in facts(f"Education\n{line}\n").education] == [field]


def test_a_job_title_associate_is_no_degree() -> None:
    assert facts("Education\nSales Associate : Company Name, 2010\n").education == ()


def test_a_certificate_word_in_prose_is_none() -> None:
    text = "Education\nManagement certificateCoursework in Industrial Psychology\n"
    assert facts(text).education == ()


# ------------------------------------------------------------------ P8: the school's name


@pytest.mark.parametrize(
    ("line", "school"),
    [
        (
            "Bachelor of Arts : Justice Studies Montclair State University",
            "Montclair State University",
        ),
        (
            "Bachelor of Science : Pre-Law University of South Florida",
            "University of South Florida",
        ),
        ("Bachelor of Science : Business TEMPLE UNIVERSITY City , State", "TEMPLE UNIVERSITY"),
        ("Master of Arts : Education Xavier University May 2012", "Xavier University"),
        (
            "Bachelor of Science : Psychology Liberty University - City , State",
            "Liberty University",
        ),
        (
            "Master of Arts : International Studies Oxford Brookes University GPA: Dissertation: "
            "Analyses of the Discourse in its",
            "Oxford Brookes University",
        ),
        (
            "Master of Science : Analytics University of New Hampshire USA Analytics",
            "University of New Hampshire",
        ),
        (
            "Bachelor of Fine Arts : Fine Arts Pennsylvania Academy of Fine Arts",
            "Pennsylvania Academy of Fine Arts",
        ),
        (
            "Bachelor of Science : Nursing, Medical University of South Carolina",
            "Medical University of South Carolina",
        ),
        (
            "Bachelor of Fine Arts : Painting, Art Institute of Pittsburgh",
            "Art Institute of Pittsburgh",
        ),
        (
            "BA : Economics, University of Missouri - Kansas City",
            "University of Missouri - Kansas City",
        ),
        (
            "High School Diploma : General Pennsauken High School City , State",
            "Pennsauken High School",
        ),
        (
            "Bachelor of Fine Arts : Interior Design Art Institute of Colorado",
            "Art Institute of Colorado",
        ),
        (
            "Bachelor of Science : Nursing Medical University of South Carolina",
            "Medical University of South Carolina",
        ),
    ],
)
def test_the_school_name_without_field_placeholder_or_month(line: str, school: str) -> None:
    assert [e.institution for e in facts(f"Education\n{line}\n").education] == [school]


# ------------------------------------------------------------------ doctorates by name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("EdD in Educational Leadership, Columbia University, 2015", "EdD"),
        ("Ed.D., Curriculum and Instruction, 2015", "EdD"),
        ("Doctor of Education : Leadership, 2015", "EdD"),
        ("DPhil in Physics, University of Oxford, 2010", "DPhil"),
        ("D.Phil. Engineering Science, 2010", "DPhil"),
        ("Doctorate in Business Administration, 2016", "doctorate"),
        ("Ph.D. in Computer Science, 2010", None),
        ("Doctor of Philosophy in Chemistry, 2010", None),
    ],
)
def test_a_research_doctorate_keeps_its_name(line: str, name: str | None) -> None:
    found = facts("EDUCATION\n" + line + "\nMaster of Arts in Education, 2008\n")
    top = found.education[0]
    assert (top.level, top.name) == ("phd", name)
    assert (found.highest_degree, found.highest_degree_name) == ("phd", name)
    assert found.education[1].name is None  # a master's has no such name


def test_an_edd_is_named_in_every_report_but_counts_as_a_phd() -> None:
    import json

    import jsonschema

    import jobmatch
    from jobmatch.report import render

    resume = "EDUCATION\nEdD in Educational Leadership, Columbia University, 2015\n"
    out = render_facts(facts(resume))
    assert "  highest degree: doctorate (EdD) in educational leadership\n" in out
    assert "    - doctorate (EdD), educational leadership, Columbia University, 2015\n" in out
    # the level comparisons are a PhD's: it meets a required PhD
    r = jobmatch.match_texts(resume, "Requirements\n- PhD in education required\n")
    assert (r.education.level, r.education.name, r.education.meets_requirement) == (
        "phd",
        "EdD",
        True,
    )
    line = "doctorate (EdD) in educational leadership (meets the required PhD)"
    assert f"Education  {line}\n" in render(r, "text")
    assert f"- Education: {line}\n" in render(r, "markdown")
    assert f"<p>Education: {line}</p>" in render(r, "html")
    data = json.loads(render(r, "json"))
    assert (data["education"]["level"], data["education"]["name"]) == ("phd", "EdD")
    schema = Path(jobmatch.__file__).parent / "schemas" / "score_report.schema.json"
    jsonschema.validate(data, json.loads(schema.read_text()))
    got = json.loads(render_facts(facts(resume), "json"))
    assert (got["highest_degree_name"], got["education"][0]["name"]) == ("EdD", "EdD")


# ------------------------------------------------------------------ certifications


def test_a_certified_associate_is_a_certification_not_a_degree() -> None:
    capm = "Certified Associate in Project Management (CAPM) – #2743884, Expires : Expected in 2028"
    assert degree_level(capm) is None
    assert degree_level("Associate in Applied Science, Nursing") == "associate"
    text = (
        f"Education\n{capm}\n2021\nMaster of Science : Information Technology Management , "
        "2019\nWestern Governors University - City , State\n"
    )
    # the master's dates itself: "2021" above it is the certification's
    assert rows(text) == [
        ("master", "information technology management", "Western Governors University", 2019, False)
    ]
    posting = "Requirements\n- Certified Associate in Project Management (CAPM) preferred\n"
    assert degree_requirements(posting + "- Bachelor's degree\n") == ("bachelor", None)


def test_a_date_line_above_still_dates_a_degree_line_without_its_own_date() -> None:
    text = (
        "Education and Training\n2005\nMaster of Business Administration New Mexico State "
        "University\n2002\nBachelor of Economics Foreign Trade University City Vietnam "
        "Recipient of the 2004-2005 Glen Yoquelet Scholarship, College of Business\n"
    )
    assert [(e.level, e.year) for e in facts(text).education] == [
        ("master", 2005),
        ("bachelor", 2002),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "PhD Candidate, Computer Science, Stanford University, 2021 - Present",
        "Master of Science in Physics, State University, Sep 2025 - current",
    ],
)
def test_an_open_range_gives_a_degree_no_year(line: str) -> None:
    # the range's start is when the studies began, not the degree's year
    [entry] = facts("Education\n" + line + "\n").education
    assert (entry.year, entry.in_progress) == (None, True)


# ------------------------------------------------------------------ letter-spaced names


@pytest.mark.parametrize(
    ("line", "mended"),
    [
        ("CENTRAL UNIVERSITY COLLEG E Accra", "CENTRAL UNIVERSITY COLLEGE Accra"),
        ("Colleg e of Art", "College of Art"),
        ("U NIVERSITY OF GHANA", "UNIVERSITY OF GHANA"),
        ("MEDI A STUDIES", "MEDIA STUDIES"),
        # real words stay apart: a larger part that is such a word alone, or no such word
        ("Bachelor of Art s", "Bachelor of Art s"),
        ("Special Investigative Unit I", "Special Investigative Unit I"),
        ("Grade A student", "Grade A student"),
        ("A COLLEGE", "A COLLEGE"),
    ],
)
def test_a_word_split_by_letter_spacing_is_mended(line: str, mended: str) -> None:
    assert mend_spaced(line) == mended


def test_a_school_name_split_by_letter_spacing_is_read_whole() -> None:
    # ARTS_16244633: the PDF's text splits the last letter of COLLEGE off
    text = (
        "Education\nBachelor's : Human Resources Management CENTRAL UNIVERSITY COLLEG E "
        "\ufffd City , GH\n\nCENTRAL UNIVERSITY COLLEG E Accra, Ghana Bachelor's degree in "
        "Human Resources Management July, 2003\n"
    )
    assert rows(text) == [
        ("bachelor", "human resources management", "CENTRAL UNIVERSITY COLLEGE", 2003, False)
    ]


def test_degrees_under_a_heading_of_another_section_keep_their_date_lines() -> None:
    # HR_11592605: a certification's name is read as a Certifications heading, so the
    # degrees below it are read outside any education section; their dates stand above
    text = (
        "Experience\n11/2008 to 08/2014\nHR Generalist Company Name City , State\n\n"
        "Maintained HR Website\n\nEducation\n8/2013\n"
        "ABA Approved Paralegal Program Certification\n\n8/2013\n"
        "BA : Justice Studies Montclair State University City , State Justice Studies\n"
        "06/2002\nAS : Psychology Essex County College City , State Psychology\n"
    )
    assert rows(text) == [
        ("bachelor", "justice studies", "Montclair State University", 2013, False),
        ("associate", "psychology", "Essex County College", 2002, False),
    ]


def test_lines_are_mended_as_they_are_read() -> None:
    """read_education mends a line's letter spacing when it reads it (the same text as
    mending every line first), and only then."""
    from jobmatch.scoring.education import _Mended

    raw = ["CENTRAL UNIVERSITY COLLEG E", "Art s and crafts", "B.A. Fine Arts"]
    lines = _Mended(raw)
    assert len(lines) == 3 and not lines._done
    assert lines[0] == "CENTRAL UNIVERSITY COLLEGE" and set(lines._done) == {0}
    assert list(lines) == [mend_spaced(x) for x in raw] == lines[:]
    assert lines[-1] == raw[-1]
    with pytest.raises(IndexError):
        lines[3]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        (
            "MS Computer Science, Stanford University, 2019",
            ("master", "computer science", "Stanford University", 2019, False),
        ),
        (
            "BA Economics, Yale University, 2010",
            ("bachelor", "economics", "Yale University", 2010, False),
        ),
        ("MS, Computer Science, 2019", ("master", "computer science", None, 2019, False)),
        (
            "BS Mathematics | Boston University | 2012",
            ("bachelor", "mathematics", "Boston University", 2012, False),
        ),
        # schools research resumes name by an acronym or one word
        (
            "B.Tech. Electrical Engineering, IIT Madras, 2015",
            ("bachelor", "electrical engineering", "IIT Madras", 2015, False),
        ),
        (
            "MSc Data Science — ETH Zurich — 2018",
            ("master", "data science", "ETH Zurich", 2018, False),
        ),
        ("PhD, Machine Learning, CMU, 2021", ("phd", "machine learning", "CMU", 2021, False)),
    ],
)
def test_a_bare_abbreviation_before_a_field_is_a_degree(
    line: str, row: tuple[str, str | None, str | None, int | None, bool]
) -> None:
    assert rows(f"Jane Doe\n\nEDUCATION\n{line}\n") == [row]


@pytest.mark.parametrize(
    "text",
    ["Jackson, MS Computer Science teacher", "Boston, MA Marketing Manager", "MS Office, MS Excel"],
)
def test_a_state_or_a_product_is_no_degree(text: str) -> None:
    assert degree_level(text) is None


# ------------------------------------------------------------------ certificates (session 26)


def test_a_certificate_named_with_its_field_is_no_certifications_heading() -> None:
    # LiveCareer's "School Certificate : Field" entry under Education opened a Certifications
    # section: the certificate and the degrees after it were lost (CONSTRUCTION_12826414)
    assert classify_heading("Cambridge College Certificate : Negotiation and Conflict") is None
    assert classify_heading("Certification : Food Safety and Sanitation , 2008 J&W") is None
    # the plural names the section, with its items after the colon or not
    assert classify_heading("Certifications: Coursera Python, Udemy SQL") == "certifications"
    assert classify_heading("Licenses & Certifications") == "certifications"
    assert classify_heading("Certification") == "certifications"


def test_a_certificate_entry_keeps_the_degrees_after_it_in_education() -> None:
    text = (
        "Jane Doe\n\nEducation\n1998\n\n"
        "Cambridge College Certificate : Negotiation and Conflict Resolution\n\n"
        "Graduate Level Certificate, Negotiation and Conflict Resolution - Cambridge College"
        " 1998 Awards\n\n1998\n"
        "Cambridge College Master of Education : Integrated Studies and Management\n\n"
        "Master of Education (M.Ed.), Integrated Studies and Management - Cambridge College"
        " 1998\n"
    )
    # one certificate (its second line repeats it), with its field, and the master's
    assert rows(text) == [
        ("certificate", "negotiation and conflict resolution", "Cambridge College", 1998, False),
        ("master", "education", "Cambridge College", 1998, False),
    ]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Office Business Certificate: Office Business Jun 2002 Job Corps", "office business"),
        ("Diploma : Computer Applications , 2002 F. B. Computer School", "computer applications"),
        # the school's name after the field is no part of it
        ("Certificate : Project Management Bowie State University", "project management"),
    ],
)
def test_a_certificate_gives_its_field_after_a_colon_or_comma(line: str, field: str) -> None:
    assert [e.field for e in facts(f"Jane Doe\n\nEDUCATION\n{line}\n").education] == [field]


def test_two_certificates_of_other_fields_stay_two() -> None:
    text = (
        "Jane Doe\n\nEducation\nWelding Certificate : Pipe Welding , 2010 Lincoln Tech\n"
        "Safety Certificate : OSHA Safety , 2011 Lincoln Tech\n"
    )
    assert [e.field for e in facts(text).education] == ["pipe welding", "osha safety"]


def test_the_next_entry_header_gives_no_school_to_the_entry_above() -> None:
    # ADVOCATE_13909762: LiveCareer's next entry ("School City , State , US Field") after a
    # blank line gave the certificate above it its school
    text = (
        "Jane Doe\n\nEducation\n"
        "Office Business Certificate: Office Business Jun 2002 Job Corps Imperial Beach, CA\n\n"
        "South Western College City , State , US Child Development\n\n"
        "South Western College Chula Vista, CA\n"
    )
    assert rows(text) == [("certificate", "office business", None, 2002, False)]
    # a school's line with nothing after its place still is the entry's
    text = (
        "Jane Doe\n\nEducation\nAOS : Culinary Arts, 1997\n\n"
        "California Culinary Academy - City , State\n"
    )
    assert rows(text) == [
        ("associate", "culinary arts", "California Culinary Academy", 1997, False)
    ]


def test_a_certificate_gives_no_highest_degree_field() -> None:
    # the certificate's entry names its field; the highest degree's field is a degree's only
    # (AUTOMOBILE_22452756: "highest degree: certificate in computer applications")
    got = facts("Jane Doe\n\nEducation\nDiploma : Computer Applications , 2002 F. B. School\n")
    assert (got.highest_degree, got.highest_degree_field) == ("certificate", None)
    assert [e.field for e in got.education] == ["computer applications"]
