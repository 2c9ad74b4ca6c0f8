"""Resume facts, round 4 (session 24): a title of just "Volunteer", schools named an
"Institute", a degree's dates lines below it, and the major after a degree's colon."""

from __future__ import annotations

from datetime import date

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
