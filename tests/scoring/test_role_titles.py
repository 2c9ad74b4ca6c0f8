"""Role titles the audit of `jobmatch facts` found cut or lost: a title after a rating
(", AD"), a title after a possessive ("their ..."), two titles joined by a slash; and the
career level such titles name. The texts are written for these tests."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import jsonschema
import pytest

from jobmatch.models import ResumeFacts
from jobmatch.report_facts import career_line, role_line
from jobmatch.scoring.career import career_estimate
from jobmatch.scoring.profiles import load_profile
from jobmatch.scoring.resume_reader import facts_from_text
from jobmatch.scoring.role_lines import is_place, names_organisation

AS_OF = date(2026, 1, 1)


def facts(text: str) -> ResumeFacts:
    return facts_from_text(text, as_of=AS_OF)


def roles(text: str) -> list[tuple[str, str, str]]:
    return [(r.title, r.start, r.end) for r in facts(text).roles]


def test_a_title_ending_in_a_rating_is_no_place() -> None:
    text = (
        "Experience\nStock Clerk Jun 1996 to Jan 1998\nCompany Name - City , State\n"
        "Kept the stock.\n\nAviation Mechanist Mate, AD Mar 1988 to Mar 1996\n"
        "Company Name - City , State\n\nMaintained and repaired engine systems.\n"
    )
    f = facts(text)
    assert roles(text) == [
        ("Stock Clerk", "1996-06", "1998-01"),
        ("Aviation Mechanist Mate", "1988-03", "1996-03"),
    ]
    assert f.warnings == ()


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Austin, TX", True),
        ("Pune, MH", True),
        ("Toronto, ON", True),
        ("Berlin, DE", True),
        ("Aviation Mechanist Mate, AD", False),
        ("Boatswain Mate, BM", False),
    ],
)
def test_a_place_ends_with_a_known_code(line: str, place: bool) -> None:
    assert is_place(line) is place


def test_a_title_after_a_possessive_keeps_its_dates() -> None:
    text = (
        "Experience\ntheir SERVICE CENTRE MANAGER\nJanuary 1994 to January 2007 Company Name\n\n"
        "My job involved regular check up of the bikes.\n\nCustomer Relations Officer\n"
        "Company Name\n"
    )
    assert roles(text) == [("SERVICE CENTRE MANAGER", "1994-01", "2007-01")]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Owner / Sales & Marketing Director 06/2003 to 07/2011 Company Name City , State",
            "Owner / Sales & Marketing Director",
        ),
        (
            "Lead Stock Associate / Receiving Manager Jun 1996 to Jan 1998",
            "Lead Stock Associate / Receiving Manager",
        ),
        ("Software Engineer / Google - New York Jun 2019 to Jan 2021", "Software Engineer"),
    ],
)
def test_two_titles_joined_by_a_slash_are_one(line: str, title: str) -> None:
    assert [r.title for r in facts(f"Experience\n{line}\n").roles] == [title]


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Associate Director of Machine Learning", "principal"),
        ("Senior Machine Learning Intern", "intern"),
        ("Junior Machine Learning Engineer", "junior"),
        ("Machine Learning Engineer / Director of AI", "principal"),
        ("Junior Developer / Senior Machine Learning Engineer", "senior"),
    ],
)
def test_the_career_level_reads_the_most_senior_part(title: str, level: str) -> None:
    f = facts(f"Experience\n{title}, Acme Inc, Jan 2020 - Dec 2021\n")
    assert f.most_recent_title == title
    estimate = career_estimate(f, load_profile("research-engineer"))
    assert (estimate.level, estimate.level_from) == (level, "title")


# ------------------------------------------------------------------ employers


@pytest.mark.parametrize(
    ("text", "employers"),
    [
        (  # the title's line names the anonymised employer: the heading below is none
            "EXPERIENCE\nAssistant Store Supervisor / Company Name - City , State 02/2010 - "
            "09/2013\nSupervisor of Footwear Department / Company Name - City , State 02/2008 "
            "- 12/2009\nPROFESSIONAL DEVELOPMENT\nVOLUNTEER EXPERIENCE\n",
            [("Assistant Store Supervisor", None), ("Supervisor of Footwear Department", None)],
        ),
        (  # a duty of the job above is no employer, anonymised or not
            "EXPERIENCE\nPassenger Service Agent 06/2015 to 12/2015 Company Name City , State\n"
            "\nChecked baggage and collected baggage charges.\n"
            "Escort first and business class passengers to lounge\n\n"
            "Teachers Aide 01/2015 to 03/2015 Company Name City , State\n\nAssisted a child.\n",
            [("Passenger Service Agent", None), ("Teachers Aide", None)],
        ),
        (
            "EXPERIENCE\nPassenger Service Agent, Delta Air Lines, 06/2015 to 12/2015\n\n"
            "Checked baggage and collected baggage charges.\n"
            "Escort first and business class passengers to lounge\n\n"
            "Teachers Aide 01/2015 to 03/2015\n\nAssisted a child.\n",
            [("Passenger Service Agent", "Delta Air Lines"), ("Teachers Aide", None)],
        ),
        (  # a name's lower-case joiners, and what it says in parentheses, are no sentence
            "EXPERIENCE\nBank of America\nFinancial Analyst 01/2015 to 03/2019\n\n"
            "Mentor\nSoftware Maestro (funded by the Ministry of Knowledge)\n2019 - 2020\n",
            [
                ("Financial Analyst", "Bank of America"),
                ("Mentor", "Software Maestro (funded by the Ministry of Knowledge)"),
            ],
        ),
    ],
)
def test_the_employer_is_a_line_of_the_entry(
    text: str, employers: list[tuple[str, str | None]]
) -> None:
    assert [(r.title, r.employer) for r in facts(text).roles] == employers


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Information Technology Specialist III (Drupal Dev) / Company Name - City , State "
            "08/2015 - Current",
            "Information Technology Specialist III (Drupal Dev)",
        ),
        ("Data Engineer (Contract), Acme 2019 - 2020", "Data Engineer (Contract)"),
        ("(Acting) Director of Operations, Acme 2019 - 2020", "(Acting) Director of Operations"),
        # a comma inside the parenthesis separates nothing
        (
            "Machine Learning Engineer (Contract, Remote), Hugging Face    Jan 2020 - Dec 2020",
            "Machine Learning Engineer (Contract, Remote)",
        ),
    ],
)
def test_a_title_keeps_its_parentheses(line: str, title: str) -> None:
    assert [r.title for r in facts("EXPERIENCE\n" + line + "\n").roles] == [title]


def test_a_comma_in_a_parenthesis_leaves_the_employer_whole() -> None:
    [role] = facts(
        "EXPERIENCE\nSenior ML Engineer (part-time, remote) — Hugging Face   2021 – 2022\n"
    ).roles
    assert (role.title, role.employer) == ("Senior ML Engineer (part-time, remote)", "Hugging Face")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Research Intern", "internship"),
        ("Machine Learning Engineer", "internship"),  # a season alone: a student's summer
        ("Senior Machine Learning Engineer", "job"),  # no intern holds a senior rank
        ("Staff Software Engineer (part-time)", "job"),
        ("Engineering Manager", "job"),
    ],
)
def test_a_season_alone_is_an_internship_below_a_senior_rank(title: str, kind: str) -> None:
    [role] = facts(f"EXPERIENCE\n{title}, Acme    Summer 2021\n").roles
    assert (role.title, role.kind) == (title, kind)


def test_a_title_holding_a_posting_heading_word_is_a_role() -> None:
    # "Benefits" opens a posting's benefits section: in a job's title line it is no heading
    text = (
        "Experience\nOctober 2004 to March 2008\nCompany Name City , State HR Generalist\n\n"
        "Recruited staff.\nJanuary 2004 to October 2004\nCompany Name Benefits Administrator\n"
        "\nAnswered benefits questions.\nFebruary 2001 to January 2004\n"
        "Company Name City , State HR Coordinator\n"
    )
    assert roles(text) == [
        ("HR Generalist", "2004-10", "2008-03"),
        ("Benefits Administrator", "2004-01", "2004-10"),
        ("HR Coordinator", "2001-02", "2004-01"),
    ]
    assert facts(text).years == 7.2  # Feb 2001 to Mar 2008: 86 months


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Student Accounts Representative/Bookkeeper", "job"),
        ("Student Loan Specialist", "job"),
        ("Student Financial Aid Counselor", "job"),
        ("Student Nurse Intern", "internship"),
        ("Student Research Assistant", "internship"),
    ],
)
def test_a_student_department_is_no_internship(title: str, kind: str) -> None:
    [role] = facts(f"Experience\n{title}, Acme, January 2003 to January 2004\n").roles
    assert (role.title, role.kind) == (title, kind)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (  # "Operating" before a capitalised word is the title's, no run-on verb
            "Chief Operating Officer and Executive Team Member Company Name City , State",
            "Chief Operating Officer and Executive Team Member",
        ),
        ("Senior Project Manager Managed a team of twelve engineers", "Senior Project Manager"),
    ],
)
def test_a_long_title_is_cut_at_a_verb_of_a_sentence_only(line: str, title: str) -> None:
    text = f"Experience\nJanuary 1994 to January 1997\n{line}\n"
    assert roles(text) == [(title, "1994-01", "1997-01")]


def test_a_sentence_run_on_after_a_label_is_no_entry() -> None:
    # the dates of a duty line ("... Worked as Landscaper ... from Jan 2010 to May 2015")
    # make no second role
    text = (
        "Experience\n01/2010 to 05/2015\nLandscaper Company Name City , State\n\n"
        "Customer service Worked as Landscaper in Preston's Tree Service from Jan 2010 to "
        "May 2015 Role :Concrete/Pavements Roofing Yard\nmaintenance Trim and cut trees.\n"
    )
    assert roles(text) == [("Landscaper", "2010-01", "2015-05")]
    header = "Experience\nData Engineer, Acme, worked as a contractor, 2019 - 2020\n"
    assert roles(header) == [("Data Engineer", "2019", "2020")]


@pytest.mark.parametrize(
    ("title", "duty"),
    [
        ("Business Management", "Lead management team"),
        ("Operations", "Senior staff scheduling"),
    ],
)
def test_the_anonymised_title_line_is_the_title_whatever_its_words(title: str, duty: str) -> None:
    # the site prints "Title Company Name City , State"; the line below is the first duty
    text = (
        f"Experience\n01/1985 to 01/2011\n{title} Company Name City , State\n\n{duty}\n"
        "Developed guest loyalty programs\n"
    )
    assert roles(text) == [(title, "1985-01", "2011-01")]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Executive Assistant Executive Assistant", "Executive Assistant"),
        ("Supervisor Supervisor", "Supervisor"),
        # a word repeated inside a title is the title's
        ("Assistant to the Assistant Director", "Assistant to the Assistant Director"),
    ],
)
def test_a_title_printed_twice_is_read_once(line: str, title: str) -> None:
    text = f"Experience\n{line}\nFebruary 2011 to July 2013 Company Name City , State\n\nDid it.\n"
    assert roles(text) == [(title, "2011-02", "2013-07")]


# ------------------------------------------------------ an employer where the title stands

# the LiveCareer layout of ADVOCATE_10818478: the employer's name on the title line, the
# anonymised employer beside the dates
_EMPLOYERS_AS_TITLES = (
    "Experience\nExpress Scripts\nSeptember 2015 to Current Company Name \ufffd City , State\n\n"
    "Exercises sound judgment in issuing credits to customers.\n\n"
    "Prime Communication (AT&T Authorized Retailer)\n"
    "January 2015 to September 2015 Company Name \ufffd City , State\n\n"
    "Created strategies to develop and expand existing customer sales.\n\n"
    "Radio Shack\nNovember 2013 to January 2015 Company Name \ufffd City , State\n\n"
    "Operated a cash register to process cash, check and credit card transactions.\n"
)


def test_an_employer_written_as_the_title_is_no_title() -> None:
    f = facts_from_text(_EMPLOYERS_AS_TITLES, as_of=date(2021, 9, 1))
    assert [(r.title, r.employer, r.start, r.end) for r in f.roles] == [
        ("", "Express Scripts", "2015-09", "present"),
        ("", "Prime Communication (AT&T Authorized Retailer)", "2015-01", "2015-09"),
        ("", "Radio Shack", "2013-11", "2015-01"),
    ]
    assert f.years == 7.9  # the jobs count: Nov 2013 to Sep 2021, 95 months
    assert f.most_recent_title is None
    assert role_line(f.roles[2]) == "(no title), Radio Shack: 2013-11 to 2015-01 (1.2 years, job)"


def test_an_untitled_role_follows_the_schema() -> None:
    schema = json.loads(
        resources.files("jobmatch").joinpath("schemas/resume_facts.schema.json").read_text()
    )
    jsonschema.validate(facts(_EMPLOYERS_AS_TITLES).to_dict(), schema)


def test_the_title_an_employer_entry_opens_with_is_its_title() -> None:
    # FITNESS_12938389: "Lifetime fitness" over the dates, the title opening the bullets
    text = (
        "Experience\nLifetime fitness\nJul 2006 to Sep 2015\n\n"
        "Supervisor of the hospitality and operations department Overseeing employees/help "
        "employees meet and exceed company standards.\nProvide administrative support.\n"
    )
    [role] = facts(text).roles
    assert (role.title, role.employer) == (
        "Supervisor of the hospitality and operations department",
        "Lifetime fitness",
    )


@pytest.mark.parametrize(
    "title",
    [
        "Customer Service",
        "Cash Vault",
        "Account Receivable",
        "Business Development",
        "Freelance",
        "Barista",
        "Machinist",
        "Welder",
        "Direct Support Professional",
        "Special Investigative Unit I",
    ],
)
def test_a_line_of_work_or_an_agent_noun_stays_the_title(title: str) -> None:
    text = f"Experience\n{title}\nJanuary 2010 to March 2012 Company Name City , State\n\nDid it.\n"
    [role] = facts(text).roles
    assert (role.title, role.employer) == (title, None)


@pytest.mark.parametrize(
    ("line", "organisation"),
    [
        ("Radio Shack", True),
        ("Seeds Of Hope", True),
        ("Prime Communication (AT&T Authorized Retailer)", True),
        ("Lifetime fitness", True),
        ("Express Scripts", True),
        ("Cash Vault", False),
        ("Waitress", False),
        ("Wholesale Food Supplier", False),
        ("Passenger Service", False),
        ("SRE", False),
        ("DevOps", False),
        ("Machine Learning", False),
        ("Sommelier", False),
        ("Paramedic", False),
        ("Lieutenant", False),
        ("Surgeon", False),
    ],
)
def test_names_organisation(line: str, organisation: bool) -> None:
    assert names_organisation(line) is organisation


def test_a_chair_is_the_title_beside_its_organisation() -> None:
    text = (
        "VOLUNTEER EXPERIENCE\n\nEmployees Association                 05/2016 \u2013 Present\n"
        "IT Chair of the IT Committee Board\n\u2022 Create and maintain the website.\n"
    )
    [role] = facts(text).roles
    assert (role.title, role.employer, role.kind) == (
        "IT Chair of the IT Committee Board",
        "Employees Association",
        "volunteer",
    )


def test_an_anonymised_entry_without_a_title_is_an_untitled_job() -> None:
    # ARTS_16244633: the line above the dates is a duty, the employer anonymised; the
    # range is a job's (20 months), not "dates without an entry"
    text = (
        "Experience\nOffice Manager\nAugust 2007 to September 2010 Company Name City , State\n"
        "\nOrganized employee schedules.\n\n"
        "Coordinated communication between administration and executive team\n"
        "January 2011 to August 2012 Company Name \ufffd City , State\n\n"
        "Created social media initiatives for new employee search strategies.\n"
    )
    f = facts(text)
    assert [(r.title, r.employer, r.start, r.end, r.kind) for r in f.roles] == [
        ("Office Manager", None, "2007-08", "2010-09", "job"),
        ("", None, "2011-01", "2012-08", "job"),
    ]
    assert f.years == 4.8  # 38 + 20 months
    assert f.most_recent_title is None  # the latest job names no title
    assert f.warnings == ()


def test_an_anonymised_employer_alone_under_its_dates_is_an_untitled_job() -> None:
    # BANKING_15553584: "02/1999 to 02/2001" / "02/1999" / "Company Name"
    text = (
        "Experience\n01/2002 to 01/2003\nOfficer Company Name\n\nDid clerical work.\n\n"
        "02/1999 to 02/2001\n02/1999\nCompany Name\n\nWorked on the Returnee project.\n"
    )
    f = facts(text)
    assert [(r.title, r.start, r.end) for r in f.roles] == [
        ("Officer", "2002-01", "2003-01"),
        ("", "1999-02", "2001-02"),
    ]
    assert f.years == 3.2  # 13 + 25 months
    assert f.most_recent_title == "Officer"
    # a lone month beside the placeholder says too little to be a job
    assert f.warnings == ("dates without an entry: 1999-02",)


@pytest.mark.parametrize(
    "text",
    [
        # a lone month and the placeholder (a projects entry of IT_20824105): no job
        "Experience\nNetwork Engineer Intern , 10/2015\nCompany Name\n\nBuilt LANs.\n\n"
        "04/2019\nCompany Name\n\nSet up a VPC network on Amazon.\n",
        # a range without the placeholder between two entries' bullets: no entry
        "Experience\nNetwork Engineer Intern , 10/2015\nAcme Inc\n\nBuilt LANs.\n\n"
        "01/2016 to 03/2017\n\nSet up a VPC network on Amazon.\n",
    ],
)
def test_dates_without_title_or_anonymised_employer_are_no_job(text: str) -> None:
    f = facts(text)
    assert [r.kind for r in f.roles] == ["internship"]
    assert f.years == 0.0
    assert any(w.startswith("dates without an entry") for w in f.warnings), f.warnings


def test_the_anonymised_city_without_its_state_is_no_part_of_the_title() -> None:
    # FINANCE_15891494: "Company Name City Finance Officer" (the place's "State" dropped)
    text = (
        "Experience\nApril 2014 to January 2016\nCompany Name City Finance Officer\n\n"
        "Prepared the budget.\n\nSeptember 2012 to April 2013\n"
        "Company Name City Compliance and Internal Controlls Officer\n\nAudited reports.\n"
    )
    f = facts(text)
    assert [r.title for r in f.roles] == [
        "Finance Officer",
        "Compliance and Internal Controlls Officer",
    ]
    assert f.most_recent_title == "Finance Officer"


@pytest.mark.parametrize(
    ("line", "title", "employer"),
    [
        (  # CONSTRUCTION_12826414: "Engineering" was the employer
            "January 1989 to December 2007\n"
            "Company Name City , State Engineering, Operations and Construction Leader",
            "Engineering, Operations and Construction Leader",
            None,
        ),
        (
            "Finance, Accounting and Payroll Manager, Acme Inc, 2010 - 2014",
            "Finance, Accounting and Payroll Manager",
            "Acme Inc",
        ),
        ("Acme, Sales and Marketing Manager, 2010 - 2014", "Sales and Marketing Manager", "Acme"),
    ],
)
def test_lines_of_work_listed_before_a_title_are_the_title(
    line: str, title: str, employer: str | None
) -> None:
    [role] = facts(f"Experience\n{line}\n\nManaged the work.\n").roles
    assert (role.title, role.employer) == (title, employer)


@pytest.mark.parametrize("bullet", ["•", "• ", "●", "▪ "])
def test_a_bulleted_line_is_no_entry_without_dates(bullet: str) -> None:
    # BPO_45077654: a skill list printed with bullets under the entry's header ("•Research
    # and data analysis" was an "entry without dates")
    text = (
        "Work History\nClaims Subject Matter Expert , 09/2016 to 12/2016\n"
        "Company Name - City , State\n\n"
        f"{bullet}Insurance and collections procedures\n{bullet}Research and data analysis\n"
        f"{bullet}Office management professional\n\n"
        "Claims Examiner , 07/2014 to 05/2015\nCompany Name - City , State\n"
    )
    assert roles(text) == [
        ("Claims Subject Matter Expert", "2016-09", "2016-12"),
        ("Claims Examiner", "2014-07", "2015-05"),
    ]
    assert facts(text).warnings == ()


@pytest.mark.parametrize(
    "duty",
    [
        # BUSINESS-DEVELOPMENT_13080868: a duty opening with an irregular past tense
        "Met with national buyers to sell products",
        "Led weekly meetings with the chefs",
        "Built a team of 50 developers",
        # AGRICULTURE_11813872: a sentence opening with an article, wrapped after a comma
        "An active member in multiple working groups to establish data strategy, data",
        "A key member of the operations team",
    ],
)
def test_a_duty_among_the_bullets_is_no_entry_without_dates(duty: str) -> None:
    text = (
        "Experience\nSales Manager\n01/2012 to 01/2014 Company Name - City , State\n\n"
        f"Developed promotional and sales programs\n{duty}\nCreated POS material\n\n"
        "Sales Associate\n01/2008 to 01/2011 Company Name - City , State\n\nSold shoes.\n"
    )
    assert roles(text) == [
        ("Sales Manager", "2012-01", "2014-01"),
        ("Sales Associate", "2008-01", "2011-01"),
    ]
    assert facts(text).warnings == ()


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        # CHEF_10588874: a sentence wrapped after "and", after an open quotation mark
        ("Supported the changing needs of kitchen and", "staff"),
        (
            'Acknowledged in the local news as "Top 100 Myrtle Beach',
            'Chefs" in over 3,000 restaurants',
        ),
        ("Trained the cooks, servers,", "bartenders and hosts"),
    ],
)
def test_the_rest_of_a_wrapped_sentence_is_no_entry(sentence: str, rest: str) -> None:
    text = (
        "Experience\nSous Chef\nApril 2010 to December 2010 Company Name - City , State\n\n"
        f"Placed daily food orders\n{sentence}\n{rest}\n\n"
        "Kitchen Manager\nJuly 2008 to April 2010 Company Name - City , State\n\nKept stock.\n"
    )
    assert roles(text) == [
        ("Sous Chef", "2010-04", "2010-12"),
        ("Kitchen Manager", "2008-07", "2010-04"),
    ]
    assert facts(text).warnings == ()


def test_a_role_stated_as_a_sentence_is_a_role() -> None:
    # AUTOMOBILE_22452756: the latest role told in the prose under the entry before it, its
    # title wrapped at the line's end
    text = (
        "Experience\nServices Engineer\nJanuary 2007 to January 2010 Company Name\n\n"
        "Electrical items, for LEGRAND, From 2010 to march 2013 Job Function - Working as the"
        " Head General\nGoods COSCHARIS Group, 1-7 COSCHARIS Street.\n\n"
        "Services Engineer\nJanuary 1990 to January 1994 Company Name\n\nRepaired bikes.\n"
    )
    assert roles(text) == [
        ("Services Engineer", "2007-01", "2010-01"),
        ("Head General Goods", "2010", "2013-03"),
        ("Services Engineer", "1990-01", "1994-01"),
    ]
    assert facts(text).most_recent_title == "Head General Goods"


@pytest.mark.parametrize(
    "sentence",
    [
        # the entry above says the same (SALES_14381464): one role
        "Worked as Landscaper in Preston's Tree Service from Jan 2010 to May 2015",
        # no range after "from", no title in capitals, no job-title word: no role
        "Served as Executive Assistant to the national sales manager in 2014",
        "Worked as a team from 2010 to 2012 to ship the product",
        "Worked as Acme Corp's contact from 2010 to 2012",
    ],
)
def test_a_sentence_adds_no_role_the_entries_do_not_state(sentence: str) -> None:
    text = (
        f"Experience\nLandscaper\n01/2010 to 05/2015 Company Name - City , State\n\n{sentence}\n\n"
    )
    assert roles(text) == [("Landscaper", "2010-01", "2015-05")]


def test_an_inch_mark_opens_no_quotation() -> None:
    # a line with one '"' runs on only when it opens a quotation, not after a size
    text = (
        "Experience\nSous Chef\nApril 2010 to December 2010 Company Name - City , State\n\n"
        'Installed the 15" monitors\nKitchen Manager\n'
        "July 2008 to April 2010 Company Name - City , State\n\nKept stock.\n"
    )
    assert roles(text) == [
        ("Sous Chef", "2010-04", "2010-12"),
        ("Kitchen Manager", "2008-07", "2010-04"),
    ]


def test_the_report_names_the_title_a_level_was_read_from() -> None:
    # the profile's label ("Senior AI research engineer") is no title of the resume: the
    # line says it is the profile's, and names the resume's own title that placed it
    f = facts_from_text(
        # six years: a senior's by the years too (two years would add "on the 2.0 years in
        # dated roles alone: mid", test_match_round6)
        "Experience\nSenior Python Developer, Acme Inc, Jan 2016 - Dec 2021\n",
        as_of=date(2026, 1, 1),
    )
    line = career_line(career_estimate(f, load_profile("research-engineer")))
    assert line.endswith(
        "career level senior (the profile's Senior AI research engineer),"
        " read from the latest title, Senior Python Developer"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Applied Scientist Intern",
        "Deep Learning Engineer",
        "Design Engineer",
        "Support Engineer",
        "Embedded Software Engineer",
        "Distinguished Engineer",
        "Build Engineer",
    ],
)
def test_a_title_opening_like_a_verb_is_a_title(title: str) -> None:
    # such lines were duties ("Design ...", "Applied ...", "Deep ..."): the role and its
    # years were lost
    f = facts(f"EXPERIENCE\n{title}, Acme Corp — Jun 2019 – Aug 2021\n• Did the work.\n")
    assert [(r.title, r.employer, r.start, r.end) for r in f.roles] == [
        (title, "Acme Corp", "2019-06", "2021-08")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Applied machine learning to fraud, Acme Corp — Jun 2019 – Aug 2021",
        "Led Engineering Team, Acme Corp — Jun 2019 – Aug 2021",
    ],
)
def test_a_duty_opening_with_a_verb_stays_a_duty(line: str) -> None:
    assert facts(f"EXPERIENCE\n{line}\n").roles == ()


LINKEDIN = """Experience
OpenAI
2 years 5 months
Member of Technical Staff
March 2023 - Present (1 year 10 months)
San Francisco, California, United States
Research Engineer
October 2022 - March 2023 (6 months)
Google
Software Engineer II
June 2019 - September 2022 (3 years 4 months)
Mountain View, California
Built ranking models for Search.
Acme, Inc.
Intern
June 2018 - August 2018 (3 months)
"""


def test_linkedin_pdf_employers_head_their_positions() -> None:
    # LinkedIn's "Save to PDF" puts the employer above its positions (after the time at it
    # when there are several): the second OpenAI position was Google's, and Google's was
    # "Mountain View", the line after its dates
    f = facts_from_text(LINKEDIN, as_of=date(2025, 1, 1))
    assert [(r.title, r.employer, r.start, r.end) for r in f.roles] == [
        ("Member of Technical Staff", "OpenAI", "2023-03", "present"),
        ("Research Engineer", "OpenAI", "2022-10", "2023-03"),
        ("Software Engineer II", "Google", "2019-06", "2022-09"),
        ("Intern", "Acme, Inc.", "2018-06", "2018-08"),
    ]
    assert f.years == 5.7


def test_markdown_headings_hold_roles() -> None:
    # a Markdown resume's roles as headings: "### " made each line a description, and the
    # resume had no dated job
    text = (
        "# Priya Raman\n\n## Experience\n\n"
        "### **Senior Research Engineer**, DeepMind — *Jan 2022 – Present*\n"
        "- Built JAX training pipelines.\n\n"
        "### **Machine Learning Engineer**, Spotify — *Jul 2018 – Dec 2021*\n"
        "- Built recommendation models.\n\n## Education\n**M.Sc. Computer Science**, ETH, 2018\n"
    )
    f = facts_from_text(text, as_of=date(2025, 1, 1))
    assert [(r.title, r.employer, r.start, r.end) for r in f.roles] == [
        ("Senior Research Engineer", "DeepMind", "2022-01", "present"),
        ("Machine Learning Engineer", "Spotify", "2018-07", "2021-12"),
    ]
    assert (f.years, f.highest_degree) == (6.6, "master")


def test_a_tab_separates_a_role_line_s_columns() -> None:
    # a text or Word export with tabs between title, employer and dates: the title ran on
    # into the employer ("Senior Research Engineer DeepMind", no employer)
    f = facts_from_text(
        "Experience\nSenior Research Engineer\tDeepMind\t2022 – Present\n• Built models.\n",
        as_of=date(2025, 1, 1),
    )
    assert [(r.title, r.employer, r.start) for r in f.roles] == [
        ("Senior Research Engineer", "DeepMind", "2022")
    ]


@pytest.mark.parametrize("bullet", ["  - ", "  • ", "    ", "\t"])
def test_indented_duties_under_a_dated_entry_stay_its_lines(bullet: str) -> None:
    # a plain-text resume indents the duties under each entry; before, an indented line
    # was joined to the entry's line as a wrapped cell and the entry was lost
    text = (
        "EXPERIENCE\n"
        "Research Scientist Intern, Meta FAIR   2023.06 – 2023.09\n"
        f"{bullet}Ran ablations on 7B models with PyTorch.\n"
        "Member of Technical Staff, Anthropic   Jul 2025 – present\n"
        f"{bullet}Train and evaluate reward models.\n"
    )
    assert [(r.title, r.employer, r.start, r.end) for r in facts(text).roles] == [
        ("Research Scientist Intern", "Meta FAIR", "2023-06", "2023-09"),
        ("Member of Technical Staff", "Anthropic", "2025-07", "present"),
    ]


def test_a_word_exports_wrapped_cells_are_still_joined() -> None:
    # each word of a Word export's cell on its own indented line ("June" / "  2012" ...)
    text = "VOLUNTEER EXPERIENCE\nLionLike MindState\nVolunteer\n  June\n  2012\n  –\n  Present\n"
    assert [(r.start, r.end) for r in facts(text).roles] == [("2012-06", "present")]


@pytest.mark.parametrize(
    ("line", "employer"),
    [
        ("Research Intern, Google Research    2022.06 – 2022.09", "Google Research"),
        ("Software Engineer, Microsoft Research    2022.06 – 2022.09", "Microsoft Research"),
    ],
)
def test_a_companys_research_arm_is_the_employer(line: str, employer: str) -> None:
    [role] = facts(f"EXPERIENCE\n{line}\n- Implemented layers.\n").roles
    assert role.employer == employer


def test_a_role_given_one_date_reads_as_that_month_only() -> None:
    from jobmatch.report_facts import span

    # HEALTHCARE_14062078's latest role gives "06/2016" alone: "2016-06 to 2016-06" read
    # as a misread range
    assert span("2016-06", "2016-06") == "2016-06 only"
    assert span("2013-11", "2015-01") == "2013-11 to 2015-01"
