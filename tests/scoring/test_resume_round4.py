"""Resume facts, round 4 (session 24): a title of just "Volunteer", schools named an
"Institute", a degree's date and school printed below it, field words before a school's
name, and duties opening with an -ing verb."""

from __future__ import annotations

from datetime import date

import pytest

import jobmatch

AS_OF = date(2026, 11, 1)


def test_a_title_of_just_volunteer_under_volunteering_is_the_entry_title() -> None:
    # laverne-resume: "Volunteer" between the organisation and its dates was a heading
    text = (
        "VOLUNTEER EXPERIENCE\nLionLike MindState, Pomona, CA\nVolunteer\n"
        "June 2012 – Present\n• Plan two yearly outreach events\n\n"
        "YMCA, Pomona, CA\nVolunteer Swim Coach\nSummer 2013\n"
    )
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [(r.title, r.kind) for r in facts.roles][0] == ("Volunteer", "volunteer")
    assert not any("dates without an entry" in w for w in facts.warnings)


def test_an_ihe_school_after_the_field_is_the_school() -> None:
    # ENGINEERING_12011623: "UNESCO-IHE" (an institute of higher education) was no school
    text = (
        "Education\nApril 2010\nMaster of Science : Environmental Science and Technology"
        " UNESCO-IHE \ufffd City The Netherlands Environmental Science and Technology\n"
    )
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.level == "master"
    assert degree.institution == "UNESCO-IHE"


@pytest.mark.parametrize(
    "school",
    ["Instituto Tecnológico de Monterrey", "Universidad de Chile", "Universitas Indonesia"],
)
def test_schools_named_in_other_languages_are_schools(school: str) -> None:
    text = f"Education\nBachelor of Science : Chemistry , 2010 {school} \ufffd City , State\n"
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.institution == school


def test_a_degree_date_printed_lines_below_it_is_its_date() -> None:
    # awesome_cv resume.pdf: the right-hand column (places, dates) printed after the entry
    text = (
        "Education\nPOSTECH(Pohang University of Science and Technology)\n"
        "B.S. in Computer Science and Engineering\n"
        "• Got a Chun Shin-Il Scholarship\n\nSeoul, S.Korea\nSeoul, S.Korea\n\n"
        "Pohang, S.Korea\nMar. 2010 - Aug. 2017\n"
    )
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert (degree.level, degree.year) == ("bachelor", 2017)


def test_a_date_line_right_above_the_next_degree_stays_its_own() -> None:
    text = (
        "Education\nB.S. in Chemistry\nState University\nLos Angeles, CA\n\n"
        "2012\nM.S. in Chemistry\nTech University\n"
    )
    first, second = jobmatch.read_resume(text, as_of=AS_OF).education
    assert first.year is None


def test_a_school_after_a_blank_line_below_its_degree_is_its_school() -> None:
    # CHEF_13212436: the associate degree had no school
    text = (
        "Education\nAOS : Culinary Arts & Hospitality Management , 1997\n\n"
        "California Culinary Academy - City , State\nHigh School Diploma : 1993\n"
        "Mary Star of the Sea High School - City , State\n"
    )
    first, second = jobmatch.read_resume(text, as_of=AS_OF).education
    assert first.institution == "California Culinary Academy"
    assert second.institution == "Mary Star of the Sea High School"


def test_a_line_after_a_blank_below_a_degree_without_a_school_word_is_not_taken() -> None:
    text = "Education\nBachelor of Science , 2010\n\nDean's List every semester\n"
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert (degree.institution, degree.field) == (None, None)


def test_a_field_word_before_a_school_named_again_without_it_is_no_part_of_it() -> None:
    # DIGITAL-MEDIA_11270462: the minor "Business" read as part of the school's name
    text = (
        "Education\nBachelor's : Public Relations, Business University of Louisiana at"
        " Lafayette \ufffd City , State , US University of Louisiana at Lafayette, Lafayette LA\n"
        "Public Relations/Liberal Arts, May 2014\n"
    )
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.institution == "University of Louisiana at Lafayette"


def test_a_field_word_before_a_school_named_once_stays() -> None:
    text = "Education\nBachelor of Arts : Painting , 2010 Art Institute of Colorado\n"
    (degree,) = jobmatch.read_resume(text, as_of=AS_OF).education
    assert degree.institution == "Art Institute of Colorado"


def test_a_duty_opening_with_an_ing_verb_is_no_entry() -> None:
    # DIGITAL-MEDIA_11270462: duties under an entry were "entries without dates"
    text = (
        "Experience\nSports Intern , 09/2013 to 02/2014 Company Name \ufffd City , State\n\n"
        "Assisting the Sports Director with filming high school football games\n"
        "Recording names, numbers and scores of each game\n\n"
        "Sales Associate , 05/2011 to 12/2012 Company Name \ufffd City , State\n\n"
        "Working the register\n"
        "Creating flyers and postcards to help advertise monthly sales or discounts\n"
    )
    facts = jobmatch.read_resume(text, as_of=AS_OF)
    assert [r.title for r in facts.roles] == ["Sports Intern", "Sales Associate"]
    assert not any("entry without dates" in w for w in facts.warnings)


def test_titles_opening_with_an_ing_word_stay_titles() -> None:
    text = (
        "Experience\nManaging Director, Acme Corp\nJan 2015 - Dec 2016\n"
        "Teaching assistant for Biology\nJan 2013 - Dec 2014\n"
    )
    titles = [r.title for r in jobmatch.read_resume(text, as_of=AS_OF).roles]
    assert titles == ["Managing Director", "Teaching assistant for Biology"]
