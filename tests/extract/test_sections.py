"""Sections of resumes and postings from headings and cue phrases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jobmatch.extract import sections
from jobmatch.extract.sections import (
    classify_heading,
    detect_sections,
    inline_headings,
    section_at,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("What you'll do", "responsibilities"),
        ("What you’ll do:", "responsibilities"),
        ("Key Responsibilities", "responsibilities"),
        ("What we're looking for", "requirements"),
        ("Qualifications", "requirements"),
        ("Minimum Qualifications:", "requirements"),
        ("Must have", "requirements"),
        ("REQUIREMENTS", "requirements"),
        ("Nice to have", "preferred"),
        ("Nice-to-have:", "preferred"),
        ("Preferred Qualifications", "preferred"),
        ("Bonus points", "preferred"),
        ("Perks", "benefits"),
        ("What we offer", "benefits"),
        ("What We Can Offer You:", "benefits"),
        ("Benefits:", "benefits"),
        ("About Us", "about"),
        ("About the role", "responsibilities"),
        ("ABOUT THE GIG", "responsibilities"),
        ("About the company", "about"),
        ("About Acme", "about"),
        # headings that turn to the candidate, in the words of a sentence: requirements
        ("ABOUT YOU", "requirements"),
        ("About you…", "requirements"),
        ("Who we are looking for", "requirements"),
        ("Who are we looking for?", "requirements"),
        ("WHAT DO WE EXPECT FROM YOU?", "requirements"),
        ("What you bring to the table", "requirements"),
        ("You’d be a great fit if…", "requirements"),
        # the AI labs' postings: what is asked, then what strong candidates may add
        ("You may be a good fit if you:", "requirements"),
        ("You might thrive in this role if you:", "requirements"),
        ("Strong candidates may also have:", "preferred"),
        ("Strong candidates may also have experience with:", "preferred"),
        ("Candidates will also have knowledge of:", "preferred"),
        ("In addition, the following would be an advantage:", "preferred"),
        ("It would be an advantage if you have:", "preferred"),
        ("Advantageous skills to have:", "preferred"),
        ("Ideal candidates will also have", "preferred"),
        ("YOU WANT TO TALK TO US IF…", "requirements"),
        ("We'd love to hear from you if:", "requirements"),
        ("Apply if you:", "requirements"),
        ("WHO WE LOOK FOR", "requirements"),
        ("YOUR PERSONALITY", "requirements"),
        ("What we'll need from you", "requirements"),
        # a note in parentheses after such a title (glassdoor-0229)
        ("What we are expecting from you (i.e., the qualifications you must have)", "requirements"),
        ("Who we are looking for (must-haves)", "requirements"),
        ("Ideally you’d have:", "preferred"),
        ("You might also have -", "preferred"),
        ("It’d be even better if you…", "preferred"),
        ("What we'll offer you", "benefits"),
        ("What Takeda can offer you", "benefits"),
        ("What you’ll get…", "benefits"),
        ("WHAT AWAITS YOU", "benefits"),
        # the role and what it asks (after the company's own words, often): its own section
        ("Job description:", "description"),
        ("JOB DESCRIPTION", "description"),
        ("Additional Job Description", "description"),
        ("Job Description/Duties:", "responsibilities"),
        ("Company Description", "about"),
        ("PACKAGE", "benefits"),
        ("Salary package:", "benefits"),
        ("Work Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Technical Skills", "skills"),
        ("Skills:", "skills"),
        ("EDUCATION", "education"),
        ("Projects", "projects"),
        ("Selected Publications", "publications"),
        ("Licenses & Certifications", "certifications"),
        ("Professional Summary", "summary"),
        ("## Preferred Qualifications", "preferred"),
        ("**Benefits**", "benefits"),
        ("II. Principal Responsibilities and Tasks", "responsibilities"),
        ("Requirements: Python, SQL", "requirements"),
        ("Technologies", "skills"),
        ("Tech Stack", "skills"),
        ("THE TECH STACK", "skills"),
        ("Skills & Technologies", "skills"),
        ("Skills, Tools & Technologies", "skills"),
        ("Information Technology Certifications", "certifications"),
        ("Internship Experience", "experience"),
        ("Education & Internships", "education"),
        # resume sections that are none of the named ones: they open `other`
        ("Interests", "other"),
        ("Additional Information", "other"),
        ("Accomplishments", "other"),
        ("Activities", "other"),
        (
            "Activities: Alpha Sigma Phi: Officer and Chair positions January 2006- May 2010",
            "other",
        ),
        ("Extracurricular Activities", "other"),
        ("Volunteer", "other"),
        ("Volunteering", "other"),
        ("VOLUNTEER EXPERIENCE", "other"),
        ("Honors", "other"),
        ("Awards", "other"),
        ("HONORS/AWARDS", "other"),
        ("Awards / Recognition / Volunteer Work", "other"),
        ("Recognitions", "other"),  # the prefilter is derived from the heading words
        ("Links", "other"),
        ("References", "other"),
        ("Hobbies & Interests", "other"),
        ("Professional Affiliations", "other"),
        ("Memberships", "other"),
        ("Languages", "skills"),
        ("SKILLS & AWARDS", "skills"),
        ("Education and Honors", "education"),
        ("Educational Background", "education"),
        ("PROJECT", "projects"),
        ("Project Experience", "projects"),
        ("Personal Projects", "projects"),
        ("Academic Projects", "projects"),
        ("Key Projects:", "projects"),
        ("Capstone Project", "projects"),
        ("Personal Project: Home Automation System", "projects"),
        ("Open Source", "projects"),
        ("Portfolio", "projects"),
        ("Skill Highlights", "skills"),
        ("Core Strengths", "skills"),
        ("Key Strengths:", "skills"),
        ("Highlights", "summary"),
        # shared by resumes and postings: a posting's reading wins (see the README)
        ("Career Overview", "about"),
        ("Core Qualifications", "requirements"),
        # a short question is a heading; a long one is prose
        ("Who Are We?", "about"),
        ("Why QinetiQ Inc.?", "benefits"),
        ("Why join us?", "benefits"),
        ("Your Contribution to Our Mission:", "responsibilities"),
        ("To Land This Job, You Need:", "requirements"),
        ("Even Better:", "preferred"),
        ("Technical Skills Required:", "requirements"),
        ("Travel Required:", "requirements"),
        ("Preferred", "preferred"),
        ("EVEN BETTER IF YOU HAVE", "preferred"),
        # sentence-style preferred headings: a reward for more than the asked, "it would be
        # <good> if", "even better if", "what sets you apart"
        ("Earn street creds by also knowing these:", "preferred"),
        ("Bonus points if you have:", "preferred"),
        ("Brownie points if you have:", "preferred"),
        ("Extra points for:", "preferred"),
        ("Extra credit:", "preferred"),
        ("It would be great if you also have:", "preferred"),
        ("It would be awesome if you have:", "preferred"),
        ("Even better if you have:", "preferred"),
        ("Even better if you have", "preferred"),
        ("We'd love it if you also had:", "preferred"),
        ("What sets you apart:", "preferred"),
        ("Not required but nice:", "preferred"),
        # glassdoor-0357: its requirements under a "summary" read as prose
        ("Profile of Success", "requirements"),
    ],
)
def test_classify_heading(line: str, section: str) -> None:
    assert classify_heading(line) == section


@pytest.mark.parametrize(
    "line",
    [
        "",
        "- 3+ years of Python experience",
        # a company's pitch, and an item that says it is an advantage, are no headings
        "The Acme Advantage",
        "Knowledge of Spark would be an advantage.",
        "• Strong communication skills",
        # a bullet glyph printed against its text (BPO_45077654's skill list in the work
        # history, whose "benefits" heading ran to the education section)
        "•Understands insurance benefits",
        "●Excellent verbal communication skills",
        "We are looking for a great engineer.",
        "We are looking for someone who can work well on a team .",
        "Then we're looking for you!",  # it ends a list of what is asked
        "The candidate",  # "The candidate / will be responsible for:", a wrapped line
        # a line saying what is preferred or required is no heading
        "Master's Degree preferred",
        "Industry experience preferred",
        "Bachelor's (Preferred)",
        "Java is a plus",
        "Active TS/SCI Clearance REQUIRED",
        "You will build and ship models used by millions of people every single day",
        "Experience level: Senior",
        "Job type: Full-time",
        "Python",
        "resolution and project",  # a PDF line wrapped mid-sentence, not "Projects"
        "skills and benefits",
        # job-title lines: a cue word ("stack", "technology", "experience") in a role's title
        "MERN Stack Developer",
        "MERN Stack Developer, OpenAI, San Francisco, USA",
        "ADJUNCT INFORMATION TECHNOLOGY INSTRUCTOR",
        "INFORMATION TECHNOLOGY SPECIALIST III (DRUPAL DEV)",
        "INFORMATION TECHNOLOGY AND AWS ADMIN INTERN",
        "Customer Experience Manager",
        "Microsoft Technology Associate - Network Fundamentals",
        # a company line: a weak skills cue followed by a comma and more text
        "ABC Technologies, Boston, MA",
        # the `other` words only make a heading as a whole title
        "Year-round gym memberships",
        "Key Activities:",
        "Volunteer service opportunities",
        "References available upon request",
        # skill lines and titles that name a project, not a Projects heading
        "Project Management",
        "Project Management:",
        "Project Manager",
        "Project Planning",
        "Portfolio Management",
        "Your strengths",  # a posting's requirements, not a skills list
        # benefits, not an Education heading
        "Education Assistance",
        "Educational Reimbursement",
        # SkillSpan dev-tech-028 under "Job benefits:" (its "Life-Long Learning" was asked)
        "Tuition Assistance Life-Long Learning & Education",
        "Tuition Reimbursement and Continuing Education",
        # pay and benefits as a line of work: resume highlights and roles (IT_10553553,
        # HR_15041689), not what an employer offers
        "Compensation/benefits administration",
        "Salary structure/compensation analysis",
        "Benefits administrator",
        "Company Name Benefits Administrator",
        # a field of law, no Employment heading (HR_15041689's highlights)
        "Employment law knowledge",
        # the company's pitch, an address: no reward for more than the asked
        "What sets us apart",
        "Street address:",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert classify_heading(line) is None


def test_posting_sections_exact_ranges() -> None:
    text = (
        "Acme builds robots.\n"
        "What you'll do\n"
        "- Train models\n"
        "Must have:\n"
        "- Python\n"
        "Nice to have\n"
        "- Rust\n"
        "Perks\n"
        "- Free lunch\n"
    )
    assert detect_sections(text) == [
        (0, 20, "other"),
        (20, 50, "responsibilities"),
        (50, 70, "requirements"),
        (70, 90, "preferred"),
        (90, 109, "benefits"),
    ]
    assert text[20:50] == "What you'll do\n- Train models\n"
    assert text[90:109] == "Perks\n- Free lunch\n"


def test_resume_sections_exact_ranges() -> None:
    text = (
        "Jane Doe\n"
        "SUMMARY\n"
        "ML engineer.\n"
        "Technical Skills: Python, PyTorch\n"
        "Work Experience\n"
        "Acme, 2020-2024\n"
        "Education\n"
        "MSc Computer Science\n"
        "Projects\n"
        "A chess engine\n"
        "Publications\n"
        "A paper\n"
        "Certifications\n"
        "AWS ML Specialty\n"
    )
    names = [n for _, _, n in detect_sections(text)]
    assert names == [
        "other",
        "summary",
        "skills",
        "experience",
        "education",
        "projects",
        "publications",
        "certifications",
    ]
    ranges = detect_sections(text)
    assert ranges[0] == (0, 9, "other")
    assert ranges[2] == (30, 64, "skills")
    assert ranges[-1][1] == len(text)
    # contiguous cover of the whole text
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_role_line_does_not_open_skills() -> None:
    text = (
        "Bruce Wayne\n"
        "MERN Stack Developer\n"
        "Skills\n"
        "React, Node.js\n"
        "Experience\n"
        "MERN Stack Developer, OpenAI, San Francisco, USA\n"
        "Built the backend.\n"
        "Education\n"
        "BSc\n"
    )
    assert [(text[a:b].split("\n")[0], n) for a, b, n in detect_sections(text)] == [
        ("Bruce Wayne", "other"),
        ("Skills", "skills"),
        ("Experience", "experience"),
        ("Education", "education"),
    ]


def test_a_job_board_field_value_is_no_heading() -> None:
    # SkillSpan's StackOverflow ads: "Banking Financial Services Financial Technology" under
    # "Industry:" opened a skills section by its "technology", so the industry was asked
    text = (
        "Compensation:\n"
        "kr480k - 720k\n"
        "Experience level:\n"
        "Mid-Level Senior\n"
        "Industry:\n"
        "Banking Financial Services Financial Technology\n"
        "Company size:\n"
        "51-200 people\n"
        "Technologies\n"
        "kubernetes terraform\n"
    )
    assert [(text[a:b].split("\n")[0], n) for a, b, n in detect_sections(text)] == [
        ("Compensation:", "benefits"),
        ("Technologies", "skills"),
    ]


def test_unnamed_heading_ends_the_section() -> None:
    text = (
        "Experience\n"
        "Staff Accountant, Jan 2014 - Oct 2014\n"
        "Interests\n"
        "Alpha Sigma Phi: Officer January 2006- May 2010\n"
        "Skills\n"
        "Excel\n"
        "Additional Information\n"
        "Activities: Alpha Sigma Phi\n"
    )
    assert [(text[a:b].split("\n")[0], n) for a, b, n in detect_sections(text)] == [
        ("Experience", "experience"),
        ("Interests", "other"),
        ("Skills", "skills"),
        ("Additional Information", "other"),
    ]


def test_project_management_skill_does_not_open_projects() -> None:
    text = (
        "Core Strengths\n"
        "Supervising\n"
        "Project Management\n"
        "Educational Background\n"
        "Bachelor of Arts, Hospitality Management 2013\n"
    )
    assert [(text[a:b].split("\n")[0], n) for a, b, n in detect_sections(text)] == [
        ("Core Strengths", "skills"),
        ("Educational Background", "education"),
    ]


def test_an_item_in_sentence_case_does_not_leave_the_list() -> None:
    # glassdoor-0229: "Customer technical support experience" under "Nice to Have" opened an
    # Experience section, so the preferred items after it were read as required
    text = (
        "Requirements\n"
        "Strong communication skills\n"
        "Nice to Have\n"
        "Customer technical support experience\n"
        "Documentation experience, to include design documentation\n"
        "Work Experience\n"
        "Acme, 2019 to 2021\n"
    )
    assert [(text[a:b].split("\n")[0], n) for a, b, n in detect_sections(text)] == [
        ("Requirements", "requirements"),
        ("Nice to Have", "preferred"),
        ("Work Experience", "experience"),  # a heading in Title Case still opens its section
    ]


def test_same_section_twice_is_merged() -> None:
    text = "Requirements\nPython\nQualifications\nSQL\n"
    assert detect_sections(text) == [(0, len(text), "requirements")]


def test_empty_and_headingless() -> None:
    assert detect_sections("") == []
    assert detect_sections("Just one line of prose.") == [(0, 23, "other")]


def test_section_at() -> None:
    sections = [(0, 5, "other"), (5, 12, "skills")]
    assert [section_at(sections, i) for i in (0, 4, 5, 11, 12)] == [
        "other",
        "other",
        "skills",
        "skills",
        "other",
    ]


@pytest.mark.evaluation
def test_real_glassdoor_posting(shared_data: Path) -> None:
    path = shared_data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl"
    with path.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    names = [n for _, _, n in detect_sections(first["text"])]
    assert names[:4] == ["responsibilities", "about", "responsibilities", "requirements"]
    assert "education" in names and "skills" in names


@pytest.mark.evaluation
def test_real_ml_engineer_posting(shared_data: Path) -> None:
    text = (shared_data / "postings" / "resume_matcher" / "raw_job_1_ml_engineer.txt").read_text(
        encoding="utf-8"
    )
    names = {n for _, _, n in detect_sections(text)}
    assert {"responsibilities", "requirements"} <= names


def _section_of_line(text: str, line: str) -> str:
    return section_at(detect_sections(text), text.index(line))


@pytest.mark.evaluation
def test_real_resume_role_lines_stay_in_experience(shared_data: Path) -> None:
    from jobmatch.read.documents import read_document

    path = shared_data / "resumes" / "resume_matcher" / "bruce_wayne_fullstack.pdf"
    text = read_document(path).text
    for line in ("MERN Stack Developer, OpenAI", "Full Stack Developer, Uber", "Facebook"):
        assert _section_of_line(text, line) == "experience", line


@pytest.mark.evaluation
def test_real_resume_education_after_project_management(shared_data: Path) -> None:
    from jobmatch.read.documents import read_document

    text = read_document(shared_data / "resumes" / "livecareer" / "CHEF_10001727.pdf").text
    assert _section_of_line(text, "Project Management") != "projects"
    assert _section_of_line(text, "Bachelors of Arts , Hospitality Management") == "education"
    assert "projects" not in {n for _, _, n in detect_sections(text)}
    assert _section_of_line(text, "Resolving guest disputes") == "skills"  # Core Strengths


@pytest.mark.evaluation
def test_real_resume_skill_highlights(shared_data: Path) -> None:
    from jobmatch.read.documents import read_document

    path = shared_data / "resumes" / "livecareer" / "HEALTHCARE_14062078.pdf"
    text = read_document(path).text
    assert _section_of_line(text, "Microsoft Office, Word, Excel, PowerPoint") == "skills"


def test_sections_of_the_same_text_again_are_a_fresh_list() -> None:
    text = "Acme builds robots.\nRequirements:\n- Python\n"
    first = detect_sections(text)
    first.append((0, 0, "mutated"))
    assert detect_sections(text) == [(0, 20, "other"), (20, 43, "requirements")]
    assert detect_sections(text + "Benefits:\n- Lunch\n")[-1] == (43, 61, "benefits")
    assert detect_sections(text) == [(0, 20, "other"), (20, 43, "requirements")]


def test_remembered_headings_give_the_sections_found_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    from jobmatch.extract import sections

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert texts
    first = [detect_sections(t) for t in texts]
    again = [detect_sections(t) for t in texts]  # every short line from the memo now
    assert sections._heading_of.cache_info().hits > 0
    monkeypatch.setattr(sections, "_heading_of", classify_heading)  # no memo
    assert first == again == [detect_sections(t) for t in texts]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        # a heading run into a line of text opens its section where it stands
        ("Perform necessary analysis Requirements: 5 years of experience", [(27, "requirements")]),
        ("REQUIREMENTS & QUALIFICATIONS \u20223+ years of experience", [(0, "requirements")]),
        ("a medical software product Your Profile  Bachelor degree", [(27, "requirements")]),
        ("teams Preferred Qualifications: 4+ years", [(6, "preferred")]),
        ("balance We offer \u2022 An agile team", [(8, "benefits")]),
        ("Reference ID: 873 Job benefits: Flexible hours", [(18, "benefits")]),
        ("apache-spark Job description Your Tasks Development of", [(29, "responsibilities")]),
        # a heading in the words of a phrase, after a capitalised word too
        ("Fluent in English Good to have Experience in testing", [(18, "preferred")]),
        ("quality processes WHAT YOU BRING TO THE TABLE: Computer Science", [(18, "requirements")]),
        # a name, not a heading: a capitalised word before it, or a name going on
        ("according to Functional Requirements Specifications .", []),
        ("experience in Requirements Engineering and UML", []),
        ("debug automated tasks ( Apps Systems", []),
        # "We offer" before the job's text is no benefits heading
        ("We Offer As Technical Safety Engineer you will be", []),
        # a heading glued to the title before it, with its colon (glassdoor-0712)
        ("Data Science ManagerResponsibilities:", [(20, "responsibilities")]),
        ("Senior AnalystRequirements: 5 years of SQL", [(14, "requirements")]),
        # ... not a name's capitals ("OpenTasks", "myTasks list")
        ("Use the myTasks list", []),
        # a heading line is read as such, not run into a line
        ("Requirements: Python, SQL", []),
        ("Must have 1 year of experience", []),
    ],
)
def test_inline_headings(line: str, found: list[tuple[int, str]]) -> None:
    assert inline_headings(line) == found


def _starts(items: list[Any], k: int, pre: str = "") -> set[str]:
    """The first ``k`` characters a match of the parsed pattern ``items`` can start with
    (shorter where the walk meets what it cannot enumerate: ``_INLINE_STARTS`` must then
    take the shorter start); a positive lookahead keeps the starts that agree with it."""
    import re._parser as sre  # type: ignore[import-not-found]

    if len(pre) >= k or not items:
        return {pre[:k]}
    (op, av), rest = items[0], items[1:]
    if op is sre.ASSERT and av[0] == 1:  # (?=...): the starts that agree with it
        ahead = _starts(list(av[1]), k)
        return {
            s
            for s in _starts(rest, k, pre)
            if any(s[len(pre) :].startswith(a) or a.startswith(s[len(pre) :]) for a in ahead)
        }
    if op in {sre.ASSERT, sre.ASSERT_NOT, sre.AT}:  # zero width: any start stays possible
        return _starts(rest, k, pre)
    if op is sre.LITERAL:
        return _starts(rest, k, pre + chr(av))
    if op is sre.IN and all(kind in {sre.LITERAL, sre.RANGE} for kind, _ in av):
        chars = [chr(v) for kind, v in av if kind is sre.LITERAL]
        chars += [chr(c) for kind, v in av if kind is sre.RANGE for c in range(v[0], v[1] + 1)]
        return set().union(*(_starts(rest, k, pre + c) for c in chars))
    if op is sre.SUBPATTERN:
        return _starts([*av[3], *rest], k, pre)
    if op is sre.BRANCH:
        return set().union(*(_starts([*alt, *rest], k, pre) for alt in av[1]))
    if op in {sre.MAX_REPEAT, sre.MIN_REPEAT}:
        low, high, sub = av
        return set().union(
            *(_starts([*list(sub) * n, *rest], k, pre) for n in range(low, min(high, k) + 1))
        )
    return {pre}


def test_every_run_in_heading_starts_with_a_listed_start() -> None:
    # the search tries the heading pattern only where one of _INLINE_STARTS stands: every
    # start the pattern allows must be listed
    import re._parser as sre

    starts = _starts(list(sre.parse(sections._INLINE_HEADING_RE.pattern)), 4)
    assert len(starts) > 30  # the walk reached the headings' words
    missing = {s for s in starts if sections._INLINE_START_RE.match(s) is None}
    assert not missing


def _inline_headings_everywhere(line: str) -> list[tuple[int, str]]:
    """inline_headings trying the heading pattern at every character (its first form)."""
    out = []
    lead = len(line) - len(line.lstrip())
    for m in sections._INLINE_HEADING_RE.finditer(line):
        at = m.start()
        glued = sections.glued_heading(line, at, m.group())
        if at == lead:
            if ":" in m.group() and len(line) <= sections._MAX_HEADING_LINE:
                continue
        elif not (glued or sections._after_text(line, at) or sections._PHRASE_RE.match(m.group())):
            continue
        if not (glued or line[m.end() :].strip()):
            if ":" in m.group() and at != lead:
                out.append((at, m.lastgroup or "other"))  # opens where it starts
            elif at != lead and sections._ends_with_title(m.group(), m.lastgroup):
                out.append((at, m.lastgroup or "other"))  # a title ending the line
            continue
        out.append((at, m.lastgroup or "other"))
    return out


def test_run_in_headings_are_those_of_a_search_at_every_character(shared_data: Path) -> None:
    lines = [
        "We Other Qualifications: Python",  # a start inside a start that fails
        "team WHAT WE OFFER  pay Your Profile  degree",
        *(SAMPLES / "postings.jsonl").read_text(encoding="utf-8").splitlines(),
    ]
    for f in sorted((shared_data / "postings").rglob("*.jsonl")):
        for record in f.read_text(encoding="utf-8").splitlines():
            if record.strip():
                lines += (json.loads(record).get("text") or "").split("\n")
    found = 0
    for line in lines:
        expected = _inline_headings_everywhere(line)
        assert inline_headings(line) == expected, line
        found += len(expected)
    assert found > 50


def test_a_heading_glued_to_the_title_opens_its_section() -> None:
    # glassdoor-0712: the title and the heading lost the line break between them
    text = "Data Science ManagerResponsibilities:\n\nOversee a team of Data Scientists\n"
    at = text.index("Responsibilities")
    assert detect_sections(text) == [(0, at, "other"), (at, len(text), "responsibilities")]


def test_a_heading_run_into_a_line_opens_its_section() -> None:
    text = (
        "Provide support to use of company supply chain tools Perform necessary analysis"
        " Requirements: 5 years of supply chain industry experience\nFluent English\n"
    )
    at = text.index("Requirements")
    assert detect_sections(text) == [(0, at, "other"), (at, len(text), "requirements")]


@pytest.mark.parametrize(
    "line",
    [
        "MS Office Package",
        "Software Package",
        # a posting's item, no Experience or Skills heading
        "Experience utilizing competitive intelligence",
        "Expertise in JavaScript programming",
        "Experience with Docker",
        # ... with its list after a colon too (glassdoor-0362, under "Required:")
        "Experience with two of the following languages: Java, Scala, or Python",
        "Proficiency in the following technical concepts:",
    ],
)
def test_a_name_or_an_item_is_no_heading(line: str) -> None:
    assert classify_heading(line) is None


@pytest.mark.parametrize(
    ("line", "section"),
    [
        # a short exclamation is a heading, as a short question is (glassdoor postings)
        ("Preferred Skills!", "preferred"),
        ("Who We Are!", "about"),
        ("Benefits!!", "benefits"),
        # a sentence that exclaims is none
        ("Apply today and join our amazing team!", None),
        ("We are hiring!", None),
        ("Python rocks!", None),
    ],
)
def test_a_short_exclamation_is_a_heading(line: str, section: str | None) -> None:
    assert classify_heading(line) == section


def test_items_under_an_exclaimed_preferred_heading_are_preferred() -> None:
    text = "Requirements\n- Python\nPreferred Skills!\n- Experience with Kubernetes\n"
    at = text.index("Preferred")
    assert detect_sections(text)[-1] == (at, len(text), "preferred")


def test_a_labelled_list_stays_in_the_preferred_section() -> None:
    # glassdoor-0362: "Additional Languages: Chef, R, Javascript" opened a Skills section,
    # and everything under "Preferred:" read as required
    text = (
        "Required:\n- Working knowledge of SQL\n"
        "Preferred:\nAdditional Languages: Chef, R, Javascript\n"
        "Experience with data formats including Parquet\n"
    )
    at = text.index("Preferred")
    assert detect_sections(text)[-1] == (at, len(text), "preferred")
    # alone, such a line still opens a Skills section (a resume's, or a posting's list)
    assert detect_sections("Acme\nLanguages: Python, SQL\n")[-1][2] == "skills"
