"""The text rules of the posting reader: clauses, preference cues, degrees, years asked.

Pure functions over text (standard library only):

* :func:`clauses` cuts a posting into the units a requirement is read from: a bullet, a
  sentence, or a clause of a sentence cut at ``;`` (wrapped lines are joined).
* :data:`PREFER` is the cue that a clause states a preference ("is a plus", "nice to
  have", "ideally", "bonus", "preferred", "desired", "an advantage"...);
  :func:`states_preference` answers the same, testing literals first.
* :func:`degree_levels` finds the degree levels a clause names; :func:`field_names` the
  fields of study; :data:`RELATED` "or a related field".
* :func:`years_asked` (from :mod:`.posting_years`) reads "5+ years of ...", "3-5 years",
  "five years".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .posting_departments import department_names
from .posting_years import next_item, years_asked, years_phrase
from .profile_types import DEGREE_LEVELS
from .resume_facts import KNOWN_FIELDS, PROFESSIONAL_DOCTORATE_PATTERN
from .role_lines import RUN_ON_WORDS

__all__ = [
    "CRITICAL_END",
    "PREFER",
    "states_preference",
    "degree_instead_of_years",
    "degree_for_years",
    "RELATED",
    "CANDIDATE",
    "ONE_OF_FOLLOWING",
    "clauses",
    "degree_levels",
    "degree_mentions",
    "field_names",
    "field_spans",
    "years_asked",
    "years_phrase",
    "team_names",
    "preferred_asides",
    "marked_items",
    "without",
]

PREFER = re.compile(
    r"\b(?:is|are|would be|will be)?\s*(?:a|an)\s+(?:(?:big|huge|definite|strong|great|large"
    r"|real|clear|distinct|considerable|significant|major|added|additional|particular)\s+)?"
    r"(?:plus|bonus|advantage|asset)\b|\b(?:is|are|be)\s+(?:big|huge|strong|great)\s+"
    r"(?:plus|bonus|advantage|asset)\b|\bpluses\b|\bnice[- ]to[- ]haves?\b|\bideally\b"
    r"|\bideal\b|\bbonus\b|\bpreferred\b|\bprefer(?:ably|ence)?\b|\bdesired\b|\bdesirable\b"
    r"|\badvantageous\b|\bgood to have\b|\bwould be great\b|\bhelpful\b|\bbeneficial\b"
    r"|\bnice\s+but\s+not\s+(?:necessary|required|essential|mandatory)\b|\b(?:is|are|be)\s+nice\b"
    r"|\bnot required\b|\boptional\b|^[^\w(]*advantages?\s*:"
    # "(special consideration for experience with pandas, NumPy ...)" (glassdoor-0506)
    r"|\b(?:special|additional|extra|preferential)\s+consideration\s+(?:for|to|given)\b",
    re.IGNORECASE,
)
#: a clause that ends saying its need is critical: "A solid understanding of immunology and
#: cell biology is critical." (glassdoor-0160); at the end only, not "The SRE role is
#: critical to our success"
CRITICAL_END = r"\b(?:is|are)[ \t]+(?:absolutely[ \t]+)?(?:critical|crucial)[ \t]*[.!;]?[ \t]*$"
#: a clause about the candidate (outside a requirements section it makes skills count)
CANDIDATE = re.compile(
    r"\bexperiences?\b|\bexperienced\b|\bknowledge\b|\bproficien|\bfamiliar|\bexpertise\b"
    r"|\bskills?\b|\bbackground\b|\bability to\b|\byou will\b|\byou'll\b|\byou have\b"
    r"|\bcandidate\b|\bmust\b|\brequired\b|\brequires?\b|\bhands-on\b|\bworking with\b"
    r"|\busing\b|\bwork involves\b|\bstrong\b|\bunderstanding of\b|\bdegree\b|\byears?\b"
    r"|\b(?:is|are) (?:needed|essential)\b|\byou master\b|\bmandatory\b|\bneeded is\b"
    r"|\bexperts? (?:in|with|at|on)\b"
    # "We're looking for someone who ... will deliver results with integrity"
    r"|\blooking for (?:someone|a person|people|an individual) (?:who|with)\b|" + CRITICAL_END,
    re.IGNORECASE,
)
RELATED = re.compile(
    # "or a related life science field" (glassdoor-0101): up to two words of its kind
    # ... or a science: "or related pharmaceutical science" (glassdoor-0199), "or in a related
    # science (e.g. laboratory sciences such as chemistry, ...)"
    r"\brelated\s+(?:\w+\s+){0,2}(?:fields?|disciplines?|areas?|subjects?|majors?|degrees?"
    r"|sciences?)\b"
    r"|\bsimilar\s+fields?\b|\bquantitative\s+(?:fields?|disciplines?)\b|\bequivalent\b"
    r"|\brelevant\s+(?:\w+\s+)?(?:fields?|disciplines?|degrees?)\b|\bSTEM\b"
    r"|\btechnical\s+(?:fields?|disciplines?)\b"
    # "an MSc in mechanical engineering ... physics or similar", "or similar quantitative
    # discipline", "or comparable field of study"; not "or comparable work experience"
    r"|\bor\s+(?:a\s+)?(?:similar|comparable)\b(?!\s+(?:(?:work|professional|practical)\s+)?"
    r"(?:experience|qualifications?|roles?|positions?|functions?|jobs?|titles?)\b)",
    re.IGNORECASE,
)
# the teams a posting names as colleagues: "work with the Data Engineering team", "alongside
# engineering, design, data science, and go-to-market teams", "join our AI platform team",
# "support our product, sales, leadership and marketing teams", "members of the Data
# Engineering and User Research teams".
# Their names are not skills asked of the candidate. A name is one to three words (no
# article, preposition or "and"); names are joined by commas, "and", "&" or "/". "Leading
# data science teams" is not one: leading such a team asks for the skill.
_TEAM_WORD = (
    r"(?!(?:and|or|the|a|an|at|to|in|of|for|on|by|from|with|as|strong|excellent|good)\b)"
    r"[A-Za-z][\w&+.-]*"
)
_TEAM_NAME = rf"(?:{_TEAM_WORD}[ \t]+){{0,2}}{_TEAM_WORD}"
_TEAM_SEP = (
    r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+|[ \t]*/[ \t]*)"
    r"(?:the[ \t]+|other[ \t]+|an?[ \t]+)?"
)
_TEAMS = re.compile(
    r"\b(?:with|alongside|join|joining|support|supporting|across|members?[ \t]+of)[ \t]+"
    r"(?:the[ \t]+|our[ \t]+|other[ \t]+|your[ \t]+|an?[ \t]+|all[ \t]+(?:the[ \t]+|our[ \t]+)?)?"
    rf"({_TEAM_NAME}(?:{_TEAM_SEP}{_TEAM_NAME})*)"
    r"[ \t]+(?:teams?|departments?|groups?|functions?|counterparts|organi[sz]ations?)\b",
    re.IGNORECASE,
)


# colleagues named by their field: "under the supervision of senior Data Science staff",
# "support senior data science colleagues"
_COLLEAGUES = re.compile(
    r"\b(?:with|alongside|of|and)[ \t]+"
    r"(?:(?:the|our|other|your|fellow|senior|junior)[ \t]+)*"
    rf"({_TEAM_NAME}(?:{_TEAM_SEP}{_TEAM_NAME})*)"
    r"[ \t]+(?:staff|colleagues|peers|teammates)\b",
    re.IGNORECASE,
)


# colleagues named by their trade: "Supporting user experience specialists and information
# architects" (glassdoor-0893), "work with Scrum Masters, Business Analysts, and Developers"
# (glassdoor-0450): the people met, not the skill ("a team of data scientists" after
# "lead" asks the skill, so "of" does not open such a list)
_ROLE = (
    r"(?:engineers|scientists|analysts|specialists|architects|designers|developers"
    r"|researchers|masters|managers|owners)\b"
)
_PEOPLE = re.compile(
    r"\b(?:with|alongside|support|supporting)[ \t]+"
    r"(?:(?:the|our|other|your|fellow|senior|junior)[ \t]+)*"
    rf"({_TEAM_NAME}[ \t]+{_ROLE}(?:{_TEAM_SEP}{_TEAM_NAME}[ \t]+{_ROLE})*)",
    re.IGNORECASE,
)


# the people a posting's leadership names, not the skill: "present findings to agency
# leadership", "materials for TransUnion leadership", "business units and senior
# leadership", "Educate executives and leadership" ("leadership skills", "provide
# leadership", "strong communication and leadership" ask the skill)
_MODIFIER = (
    r"(?:the|our|its|their|business|senior|executive|client|agency|company"
    r"|(?-i:[A-Z][\w&.-]*))"
)
_LEADERS = re.compile(
    rf"(?:\b(?:to|by|from)[ \t]+(?:{_MODIFIER}[ \t]+){{0,2}}"
    rf"|\b(?:for|with)[ \t]+(?:{_MODIFIER}[ \t]+){{1,2}}"
    r"|\b(?:executives|management|organi[sz]ations?|stakeholders|partners|teams|units)"
    r"[ \t]+(?:and|&)[ \t]+|\b(?:senior|executive)[ \t]+)"
    r"(leadership)\b(?![ \t]+(?:skills?|experience|abilit|qualit|roles?|positions?|capabilit"
    r"|potential|development|principles?|style|competenc))",
    re.IGNORECASE,
)


def team_names(text: str) -> list[tuple[int, int]]:
    """The character spans of the team names a posting mentions as colleagues
    ("with the Data Engineering team": the span of "Data Engineering"; "senior Data Science
    staff": "Data Science"; "present findings to agency leadership": "leadership")."""
    spans = [m.span(1) for m in _TEAMS.finditer(text)]
    # "liaise with Clinical Operations, Biostatistics, Regulatory Affairs": no team word
    spans += [
        (a, b) for a, b in department_names(text) if not any(a < d and c < b for c, d in spans)
    ]
    if "staff" in text or "colleagues" in text or "peers" in text or "teammates" in text:
        spans += [m.span(1) for m in _COLLEAGUES.finditer(text)]
    spans += [
        m.span(1)
        for m in _PEOPLE.finditer(text)
        if not any(a < m.end(1) and m.start(1) < b for a, b in spans)
    ]
    if "eadership" in text or "EADERSHIP" in text:
        # (none inside a team's name: the spans do not overlap)
        spans += [
            m.span(1)
            for m in _LEADERS.finditer(text)
            if not any(a <= m.start(1) < b for a, b in spans)
        ]
    return sorted(spans)


#: the years asked with a bare "MS", "MA", "BS" or "BA", which make it a degree: "BS and 2
#: years of experience", "MS with 0-3 years", "MS and 3 plus years of relevant experience"
#: or a bare figure of them after others ("... or MS and 4.") (not "Cambridge, MA and
#: currently", "MS and Google application suites")
_WITH_YEARS = (
    r"\s*(?:with|and|plus|\+|&)\s*(?:(?:at\s+least|a\s+minimum|minimum)\s+(?:of\s+)?)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?:[\s\d()+-]*"
    r"(?:plus\s+)?(?:years?|yrs?)\b|\+?\s*(?:[.,;)]|$))"
)
#: the degree levels (of :data:`DEGREE_LEVELS`) and the words that name them: the one table
#: of degree words of the posting reader (:func:`degree_levels`, :func:`degree_mentions`)
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "phd",
        re.compile(
            r"\bph\.?\s?d\b|(?<!juris )\bdoctorate\b|\bdoctoral\b|\bdphil\b"
            r"|\bed\.\s?d\b|(?-i:\bEdD\b)|\bdoctor of education\b",
            re.IGNORECASE,
        ),
    ),
    (
        # JD, MD, PharmD...: the spelled-out and dotted forms of the resume reader; the bare
        # abbreviations as written and where a degree stands ("JD degree", "MD or DO",
        # "JD required", "MD/PhD"), not "the JD" (a job description) or "Baltimore, MD"
        "professional_doctorate",
        re.compile(
            PROFESSIONAL_DOCTORATE_PATTERN + r"|(?-i:\b(?:JD|MD|DDS|DMD|DVM|DNP|DPT|PharmD|PsyD)\b)"
            r"(?=\s+degree\b|\s*(?:/|,?\s*(?:or|and/or)\b)\s*(?-i:D\.?O\b|Ph\.?\s?D|M\.?D\b"
            r"|J\.?D\b|LL\.?M|DDS|DMD)|\s+(?:is\s+)?(?:required|preferred)\b"
            r"|\s+from\s+an?\s+(?:ABA|accredited)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "master",
        re.compile(
            # "master" alone is the degree only before what a degree has ("Master of
            # Science", "Master degree", "Master in Economics", "Master/PhD") or after
            # another degree ("Bachelor or Master"): not "master the English language",
            # "Scrum Master", "a master communicator", "master data management"
            r"\bmaster(?<!scrum master)(?<!scrum-master)(?:s\b|['\u2019\u00b4\u0092`]s\b"
            r"|(?=[\s-]*(?:degree|diploma|level|programme|program|education)\b"
            r"|\s+of\s+(?-i:[A-Z])|\s+in\s+(?!the\b)|\s*(?:/|\)|,?\s*(?:or|and/or)\s|\(\s*m)"
            r"|\s+and\s+(?:ph|doc)|\s+(?:is\s+|are\s+)?(?:preferred|required|desired|a\s+plus)\b))"
            r"|\b(?:bachelor(?:['\u2019\u00b4\u0092`]?s)?|b\.?sc|b\.?[sa]\.?)"
            r"\s*(?:,|/|&|\+|-|or|and|and/or)\s*master\b"
            r"|\bm\.\s?sc?\b\.?|\bmsc\b|\bmba\b|\bm\.\s?b\.\s?a\b\.?|\bm\.?eng\b|\bm\.a\."
            r"|(?-i:\bMA)(?=\s+(?:in|degree)\b|\s*/\s*M)"
            r"|\b(?:graduate|advanced|post-?graduate)\s+degree\b"
            r"|(?-i:\bMS)(?=\s*(?:/|,|or\b|in\b|degree\b|preferred\b|required\b|\)|\.|;|$))"
            rf"|(?-i:\bM[SA])(?={_WITH_YEARS})"
            r"|\bm\.s\."
            # the public health and social work masters, as written ("PharmD, MD, PhD, MPH
            # ... preferred", glassdoor-0223 preferred a PhD)
            r"|(?-i:\bM(?:PH|SW)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "bachelor",
        re.compile(
            # "B.A." but inside "M.B.A." (a master's)
            r"\bbachelor'?s?\b|\bbachelor\u2019s\b|\bb\.\s?sc?\b\.?|\bbsc\b|\bb\.s\.|(?<!m\.)\bb\.a\."
            r"|(?-i:\bB[SA])(?=\s*(?:/|,|or\b|and/or\b|in\b|degree\b|preferred\b|required\b|\)))"
            rf"|(?-i:\bB[SA])(?={_WITH_YEARS})"
            r"|\bundergraduate degree\b"
            r"|\b(?:4|four)[- ]year (?:college |university )?degree\b"
            r"|\b(?:college|university|academic) degree\b|\bb\.?\s?tech\b|\bb\.?\s?eng\b",
            re.IGNORECASE,
        ),
    ),
    ("associate", re.compile(r"\bassociate'?s?\s+degree\b", re.IGNORECASE)),
    (
        "high_school",
        re.compile(r"\bhigh school\b|\bg\.?e\.?d\b(?=\s|$)|\bsecondary school\b", re.IGNORECASE),
    ),
)
#: a degree named for what is not asked of the candidate: the students, courses or position
#: of that level ("PhD students", "MSc courses", "a PhD scholarship", "the PhD research
#: project", "PhD fellows", "PhD supervision"; SkillSpan's "MSc . students"), or one said
#: not to be needed ("PhD not required") ...
_NOT_ASKED_AFTER = re.compile(
    r"(?:\s+\.)?[\s-]*(?:(?:degree|research|level)\s+)?(?:students?|studentships?|courses?|fellows?"
    r"|fellowships?|scholarships?|stipends?|positions?|projects?|supervision|guide"
    # ... or said not to be asked ("PhD not required", "a Master's degree is not necessary")
    r"|(?:is\s+|are\s+)?not\s+(?:required|necessary|needed|mandatory|essential))\b",
    re.IGNORECASE,
)
#: ... what is taught at that level, what a grant pays for, or a head count ("teaching
#: primarily in terms of MSc", "scholarships for the PhD degree", "enrolled in a PhD
#: programme", "a staff of 400 including 130 Ph.D.")
_NOT_ASKED_BEFORE = re.compile(
    r"(?:\bteach(?:ing|es)?(?:\s+(?:at|on|in|of|to|the|primarily|mainly|mostly|terms|both"
    r"|and|bsc|msc|ba|ma|bachelor'?s?|master'?s?|undergraduate|graduate))*"
    r"|\b(?:scholarships?|stipends?|fellowships?|studentships?|enrol(?:l?ed|l?ment)"
    r"|admission|admitted)(?:\s+\w+){0,2}?\s+(?:for|in|to|into|as)(?:\s+(?:a|an|the))?"
    r"|\b\d+)\s+$",
    re.IGNORECASE,
)
#: every match of :data:`_NOT_ASKED_BEFORE` holds one of these
_NOT_ASKED_HINT = re.compile(r"(?i:teach|scholar|stipend|fellow|student|enrol|admi)|\d")
#: a list of documents to send ("The file must include: ... Diploma (MSc/PhD)", "a copy of
#: your master's diploma", "Grade transcripts and BSc/MSc diploma"): the degrees of its
#: diplomas, certificates and transcripts are no degree asked
_DOCUMENTS = re.compile(
    r"\binclude\b|\bcontain\b|\battach|\benclos|\bupload|\bcop(?:y|ies)\s+of\b|\bsubmit",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(
    r"\([^()]*\b(?:diploma|certificate|transcript)s?\b[^()]*\)"
    r"|(?:[^\s()]+\s+){0,2}[^\s()]*\b(?:diplomas?|certificates?|transcripts?)\b"
    r"(?:\s*\([^()]*\)|\s+(?:for|of|in)\s+(?:\S+\s+){0,3}?\S*degree\b)?",
    re.IGNORECASE,
)
_BARE_DEGREE = re.compile(r"\bdegree\s+in\b|\bdegree\b(?=.{0,40}\b(?:in|of)\b)", re.IGNORECASE)
#: every alternative of _LEVELS and _BARE_DEGREE holds one of these, under the same case
#: rules (IGNORECASE, but MS, MA, BS and BA as written): a clause without any names no degree.
#: One search for them costs about a fifth of the six above, and four clauses in five of
#: real postings hold none (tests/scoring/test_posting_rules.py checks the claim)
DEGREE_HINT = re.compile(
    r"(?i:ph|doctor|master|m\.|msc|mba|eng|degree|bachelor|b\.|bsc|tech|school|g\.?e\.?d"
    r"|j\.|juris|pharm|psy|d\.[dmvno]|ed\.\s?d)"
    r"|M[SA]|B[SA]|JD|MD|DDS|DMD|DVM|DNP|DPT|EdD|MPH"
)
_FIELD_RE = re.compile(
    r"\b("
    + "|".join(re.escape(f) for f in KNOWN_FIELDS)
    + r"|operations research|cs|ee|maths?|stats"
    # "degree in Business, Computer Science", "Business/Finance": the field alone, as an
    # item of the list, not "Business Intelligence", "business and system requirements"
    r"|business(?=[ \t]*(?:[,;)]|\bor\b|-?related\b|$|(?:/|\band\b)[ \t]*(?:"
    + "|".join(re.escape(f) for f in KNOWN_FIELDS)
    + r")\b)))\b",
    re.IGNORECASE,
)
_FIELD_ALIASES = {
    "cs": "computer science",
    "ee": "electrical engineering",
    "math": "mathematics",
    "maths": "mathematics",
    "stats": "statistics",
}
#: (U+0095 is the bullet of Windows-1252 read as Latin-1, as in the SkillSpan postings)
#: a bullet glyph opens an item without a space too ("\u2022Proven experience with data
#: mining", glassdoor-0023, whose items ran into one clause each two)
_BULLET = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\u00b7\u2023\u2043*\-\u2013o]\s+|\d{1,2}[.)]\s+|\u0095"
    r"|[\u2022\u25aa\u25cf\u2023](?=\S))"
)
#: (a sentence opening with a figure, "... best data practices. 5+ years is preferred.",
#: only after a word: not "B.S. 3+ years", "min. 3 years")
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[A-Z(\"\u201c\u2022])|;\s+"
    r"|(?<=[a-z]{2}[.!?])(?<!\bmin\.)(?<!\bmax\.)(?<!\byrs\.)\s+(?=\d)"
)
#: list items run into one line: a bullet inside the line ("... insights \u2022 Embrace
#: culture change"; one with no space after it, "REQUIREMENTS \u20223+ years ... \u2022BA/BS
#: degree", only in a line without a colon before it: the items of "you will: \u2022Take ...
#: \u2022Document ..." stay with what introduces them), or a hyphen between spaces before a
#: lower-case word when the line holds two or more ("... design - expertise in R - experience
#: with SQL")
_INLINE_BULLET = re.compile(r"[ \t]+[\u2022\u25aa\u25cf\u2023\u0095][ \t]*(?=\S)|\u0095(?=\S)")
_INLINE_DASH = re.compile(r"[ \t]+-[ \t]+(?=[a-z])")
#: ... or an ellipsis written ". . ." before a lower-case word (SkillSpan's list items)
_INLINE_ELLIPSIS = re.compile(r"[ \t]+\.[ \t]\.[ \t]\.[ \t]+(?=[a-z])")
#: ... or a plus sign between spaces before a capital or a number, two or more in the line
#: ("MUST HAVE + Minimum 5 years of ... + Bachelor's degree ...")
_INLINE_PLUS = re.compile(r"[ \t]+\+[ \t]+(?=[A-Z0-9])")
#: ... or a dash between spaces before a degree: a second statement about another degree
#: ("B.S. in Physics or a related field - M.S. or higher degree preferred")
_DASH_DEGREE = re.compile(
    r"[ \t]+[-\u2013\u2014][ \t]+(?=(?:M\.?S|B\.?S|B\.?A|M\.?A|Ph\.?D|MBA|Master|Bachelor"
    r"|Doctorate|Graduate degree|Advanced degree)\b)"
)
#: the cue announcing a list of alternatives: "one of the following", "one or more of the
#: following", "at least one of the following", "two or more of the following", "any of
#: following" (any of its items counts; "five of" is read so too)
ONE_OF_FOLLOWING = (
    # "Experience with some or all of the following: MySQL Aurora Nginx ..."
    # (skillspan-dev-tech-002, whose nine tools were each required)
    r"\b(?:one|any|either|some|two|three|four|five|six|\d{1,2})"
    r"\s+(?:or\s+(?:more|all)\s+)?of\s+"
    r"(?:the\s+)?following\b"
)
#: abbreviations whose full stop ends no sentence ("(i.e. DB2, SQL Server)", also without
#: their first stop: "(eg. Python, MATLAB, R, Perl)", glassdoor-0892), nor an initialism's
#: ("requires U.S. Citizenship", "a U.S. Security Clearance")
_NO_SENTENCE_END = re.compile(
    r"(?:\b[ie]\.\s?[eg]\s?|(?-i:\b(?:eg|ie))|\bvs|\bapprox|\bincl|\bcf"
    r"|(?-i:\b[A-Z]\.[A-Z]))\.$",
    re.IGNORECASE,
)


#: a line that ends with how firmly its item is asked: "... pharmacology plans (essential)"
#: / "Develop an understanding of ...": the writer ended the item, however long the line
_MARKED_END = re.compile(
    r"\((?:essential|desirable|required|preferred|mandatory|optional|a plus|nice to have"
    r"|must(?: have)?|bonus)\)$",
    re.IGNORECASE,
)
#: a short line that closes a parenthesis (the examples of the line before it)
_CLOSING_LINE = re.compile(r"[ \t]*[^\s(\u2022\u0095*-][^()\n]{0,58}\)[ \t]*\.?[ \t]*")


#: a word in lower case letters and the space after it
_LOWER_WORD = re.compile(r"[a-z]+[ \t]")
#: the most words of a line broken off the start of its item
_BROKEN_WORDS = 3


def _broken_item(line: str, nxt: str) -> bool:
    """Whether ``line`` is the start of an item whose line was broken after a word or two,
    as a Word export with hard breaks writes them ("Experience" / "with databases
    technologies (e.g., PostgreSQL ...)", "Ability to" / "understand and map data", glassdoor-
    0107): a short line opening in a capital and ending in a letter, no heading, before a
    line opening with a word in lower case (not a name: "HTML/CSS/JavaScript" / "d3.js and
    other libraries", "Jupyter Notebooks" / "dBeaver or equivalent" are two items)."""
    from ..extract.sections import classify_heading

    words = line.split()
    return (
        0 < len(words) <= _BROKEN_WORDS
        and line[:1].isupper()
        and line[-1].isalpha()
        and _LOWER_WORD.match(nxt) is not None
        and classify_heading(line) is None
    )


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs and bullets as offsets: a line break is a wrap when the line goes on into
    the next (:func:`_goes_on`), else kept when the writer ended the line there
    (:func:`_ends_item`), else a wrap."""
    start = 0
    lines = text.split("\n")
    # a wrapped line fills the text's width; a line well short of it that the next line
    # follows with a capital or a number was ended by the writer (a list without bullets,
    # as web pages and the Glassdoor postings write them: "...in an industry" / "Experience
    # in ...", "...or related discipline)" / "2+ years of ...")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[(9 * len(lengths)) // 10] if lengths else 0
    wrapped = _hard_wrapped(lines)
    pos = 0
    for i, line in enumerate(lines):
        end = pos + len(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not _goes_on(lines, i, start == pos, wrapped=wrapped) and _ends_item(
            line.rstrip(), nxt, width
        ):
            if text[start:end].strip():
                yield start, end
            start = end + 1
        pos = end + 1
    if start < len(text) and text[start:].strip():
        yield start, len(text)


def _goes_on(lines: list[str], i: int, opens_item: bool, *, wrapped: bool = False) -> bool:
    """Whether line ``i`` of ``lines`` goes on into the next line, whatever its length and
    end say (``opens_item``: the line is the first of its item; ``wrapped``: the text is
    hard-wrapped, :func:`_hard_wrapped`). Each case:

    * **double spacing**: a blank line between a line that runs on (a comma, "and/or",
      "of") and one opening in lower case is the spacing, not a paragraph's end
      ("...public health, psychology," / "" / "statistics, or other ...", glassdoor-0302);
      the line before the blank and the blank itself go on (:func:`_spaced_on`);
    * **a subject's verb after a blank line**: an unfinished line goes on across a blank
      line into the verb of its sentence ("Advanced statistics and health economics" / "" /
      "concepts are a plus.", glassdoor-0302; :func:`_spaced_on` too);
    * **an abbreviation's full stop**: a full stop before a line opening in lower case (not
      a bullet) ended an abbreviation where SkillSpan cut its sentences ("Supervision
      experience of e.g ." / "MSc ." / "students .", "Hold a relevant B.Sc ." / "or M.Sc .");
    * **a short broken item**: the first line of an item broken after a word or two, before
      a line opening in lower case ("Experience" / "with databases technologies ...",
      glassdoor-0107; :func:`_broken_item`);
    * **a run-on last word**: a line ending in a word no item ends with, before a line
      opening in lower case, however short ("... senior government levels in a" /
      "balanced technical value ...", glassdoor-0463's hard breaks);
    * **a hard wrap**: in a hard-wrapped text, a line of a few words that ends with a word
      (in lower case or not), before a line opening in lower case ("2 or more years of
      experience with data" / "analytics and data visualization", glassdoor-0107;
      :func:`_hard_wrap`);
    * **examples going on**: a line ending with "e.g." (a full stop that ends no sentence)
      before a short line that closes the parenthesis ("( e.g ." / "Ansible Puppet
      Terraform )"; a longer one runs on into other statements).
    """
    line = lines[i].rstrip()
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    opens_lower = nxt[:1].islower() and not _BULLET.match(nxt)
    return (
        # double spacing, or a subject's verb after a blank line: the line before the blank
        (not nxt.strip() and i + 2 < len(lines) and _spaced_on(line, lines[i + 2]))
        # ... and the blank line itself
        or (not line and 0 < i < len(lines) - 1 and _spaced_on(lines[i - 1].rstrip(), nxt))
        # an abbreviation's full stop
        or (opens_lower and line.endswith("."))
        # a short broken item
        or (opens_lower and opens_item and _broken_item(line, nxt))
        # a run-on last word
        or (opens_lower and _RUNS_ON_WORD.search(line) is not None)
        # a hard wrap: a line of a few words cut after a word, before a line opening in
        # lower case
        or (opens_lower and wrapped and _hard_wrap(line))
        # examples going on
        or (
            line.endswith(".")
            and _NO_SENTENCE_END.search(line[-8:]) is not None
            and _CLOSING_LINE.fullmatch(nxt) is not None
        )
    )


#: a line's last word, in lower case or not ("BS in Systems Engineering, Computer Science,
#: Data Science" / "or other relevant technical field", glassdoor-0463)
_WORD_END = re.compile(r"[ \t][A-Za-z]+$")
#: the fewest words of a line a hard wrap cuts
_WRAPPED_WORDS = 4


#: the share of a text's lines that run on into a line opening in lower case, from which
#: the text is hard-wrapped (Glassdoor's pasted pages: 44% to 56%; a list of items in
#: lower case or SkillSpan's lines cut at spans: 35% and less)
_WRAPPED_SHARE = 0.4
#: a line that runs on: it ends with a word in lower case or a comma
_RUNS_ON_END = re.compile(r"[a-z,]$")


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text of ``lines`` is hard-wrapped: at least :data:`_WRAPPED_SHARE` of its
    lines end with a word in lower case or a comma before a line opening in lower case."""
    filled = sum(1 for line in lines if line.strip())
    runs = sum(
        1
        for line, nxt in zip(lines, lines[1:], strict=False)
        if _RUNS_ON_END.search(line.rstrip()) and nxt[:1].islower()
    )
    return filled > 0 and runs >= _WRAPPED_SHARE * filled


def _hard_wrap(line: str) -> bool:
    """Whether ``line``, before a line opening in lower case, was cut by a hard wrap: it has
    a few words and ends with a word ("2 or more years of experience with data" / "analytics
    and data visualization", "BS in Computer Science or other" / "related discipline",
    glassdoor-0107; "BS in Systems Engineering, Computer Science, Data Science" / "or other
    relevant technical field", glassdoor-0463), and it states no preference, which ends an item
    ("Java is a plus" / "design patterns and ...", SkillSpan's items in lower case)."""
    return (
        len(line.split()) >= _WRAPPED_WORDS
        and _WORD_END.search(line) is not None
        and not states_preference(line)
    )


def _ends_item(line: str, nxt: str, width: int) -> bool:
    """Whether the writer ended ``line`` (stripped at its end) before ``nxt``: a blank line
    on either side, a line ending a sentence or a heading-like short line, a bullet next, a
    line ending with its item's mark ("... plans (essential)"), or a line well short of
    the text's ``width`` (or one the next line's first word would have fitted) before a
    capital or a figure."""
    return (
        not line
        or not nxt.strip()
        or line.endswith((".", ":", ";", "!", "?"))
        or len(line) < 60
        or bool(_BULLET.match(nxt))
        or (line.endswith(")") and _MARKED_END.search(line) is not None)
        or (
            (len(line) < 0.75 * width or _next_word_fits(line, nxt, width))
            and (nxt.lstrip()[:1].isupper() or nxt.lstrip()[:1].isdigit())
        )
    )


#: the end of a line that a wrap cuts after, never a writer's end of an item: a word no
#: sentence ends with, a possessive, a comma, "&", "/" or "-"
_RUNS_ON = re.compile(
    r"(?:[,&/-]|['\u2019]s|\b(?:"
    + "|".join(sorted(w for w in RUN_ON_WORDS if w.isalpha()))
    + r"))$",
    re.IGNORECASE,
)


#: a line's last word that no item ends with ("in a", "needed to", "greater than")
_RUNS_ON_WORD = re.compile(
    r"[ \t](?:" + "|".join(sorted(w for w in RUN_ON_WORDS if w.isalpha())) + r"|than)$",
    re.IGNORECASE,
)


#: a word in lower case letters ending where a word does ("statistics,", "and")
_SPACED_WORD = re.compile(r"[a-z]+(?=[\s,;:])")


#: a line that is only the rest of a sentence: its one word of subject and its verb
#: ("concepts are a plus.", glassdoor-0302), the head of a subject begun the line before
_PREDICATE_OPEN = re.compile(r"[a-z]+[ \t]+(?:is|are)\b")
#: the end of a finished line
_FINISHED = re.compile(r"[.;:!?]$")


def _spaced_on(line: str, after: str) -> bool:
    """Whether ``line`` runs on (a comma, "and/or", "of") into ``after``, a line opening
    with a word in lower case, across the blank line of double-spaced text; or an
    unfinished ``line`` goes on into the verb of its sentence ("Advanced statistics and
    health economics" / "" / "concepts are a plus.")."""
    if _BULLET.match(after) or not line:
        return False
    if _RUNS_ON.search(line) is not None:
        return _SPACED_WORD.match(after.lstrip()) is not None
    return _FINISHED.search(line) is None and _PREDICATE_OPEN.match(after.lstrip()) is not None


def _next_word_fits(line: str, nxt: str, width: int) -> bool:
    """Whether the first word of ``nxt`` would have fitted at the end of ``line`` within the
    text's ``width``: a wrap fills its line, so a writer ended this one (Glassdoor's items
    of uneven length: "... (velocity, volume, variety, veracity)" / "Extensive experience
    with ..."), unless it ends with a word that runs on ("and", "of", "our team's", a comma)."""
    words = nxt.split()
    return bool(words) and len(line) + 1 + len(words[0]) <= width and _RUNS_ON.search(line) is None


def _other_degree_s_years(seg: str, at: int) -> bool:
    """Whether the sentence at ``seg[at:]`` opens with a figure and names a degree: the
    years of another degree, an alternative to the figure before ("At least 5 years of
    experience ... 3 years with a Master's degree."), read in one clause with it."""
    if not seg[at : at + 1].isdigit():
        return False
    end = seg.find(".", at)
    return bool(degree_levels(seg[at : end if end != -1 else len(seg)]))


#: a clause that opens with the field of study: "...; in molecular biology, biology, or
#: biochemistry or related field"
_FIELD_OPENING = re.compile(r"in\s+[^.;]+")


def _degree_s_fields(seg: str, at: int, after: int) -> bool:
    """Whether the semicolon at ``seg[at]`` parts a degree from its fields of study: "B.S
    with 8 years of experience or, M.S with 6 years of experience preferred; in molecular
    biology, biology, or biochemistry or related field" (glassdoor-0106), read in one
    clause with it."""
    if seg[at] != ";":
        return False
    opening = _FIELD_OPENING.match(seg, after)
    return (
        opening is not None
        and bool(field_spans(opening.group()))
        and bool(degree_levels(seg[max(0, seg.rfind(";", 0, at) + 1) : at]))
    )


#: a degree's initial and its second part, apart: "B. Tech", "M. Sc", "B. E"
_SPACED_DEGREE = re.compile(r"(?-i:[BM])\.\s+(?-i:Tech|Sc|Eng|Com|Pharm|Arch|Des|Ed|Phil|E|S|A)\b")


def _spaced_degree(seg: str, at: int) -> bool:
    """Whether the full stop before ``seg[at]`` is a degree's initial's ("B. Tech with
    minimum 60%", resume_matcher's Web_dev_job.docx, lost its bachelor's)."""
    i = at - 2
    return i >= 0 and not seg[i - 1 : i].isalnum() and _SPACED_DEGREE.match(seg, i) is not None


def _in_parenthesis(seg: str, start: int, end: int) -> bool:
    """Whether ``seg[start:end]`` (a sentence's end) stands inside a parenthesis that closes
    later in ``seg``: "(experience with tools such as WEKA, RapidMiner, R. Python or other
    open source tools strongly desired)" (glassdoor-0001) is one aside, its preference its
    whole's. Not after "?" or "!" ("( MacOS Linux Windows? You can pick ... )" ends a
    question), nor far from the parenthesis' end."""
    if "(" not in seg or seg[start - 1 : start] not in (".", ";"):
        return False
    if seg.count("(", 0, start) <= seg.count(")", 0, start):
        return False
    close = seg.find(")", end, end + _ASIDE_REST)
    return close != -1 and seg.count("(", end, close) == 0


#: the most characters from a sentence's end inside a parenthesis to its ")"
_ASIDE_REST = 120


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` as ``(start, end)`` offsets, in text order.

    A clause is a bullet or a sentence (wrapped lines joined), cut again at ``;``, at list
    items run into one line, and at a dash before a degree.
    """
    out: list[tuple[int, int]] = []
    for a, b in _segments(text):
        seg = text[a:b]
        cuts = [
            m.span()
            for m in _SENTENCE_END.finditer(seg)
            if not _NO_SENTENCE_END.search(seg, max(0, m.start() - 8), m.start())
            and not _other_degree_s_years(seg, m.end())
            and not _spaced_degree(seg, m.start())
            and not _degree_s_fields(seg, m.start(), m.end())
            and not _in_parenthesis(seg, m.start(), m.end())
        ]
        if seg.count(" + ") >= 2:
            pluses = [m.span() for m in _INLINE_PLUS.finditer(seg)]
            cuts += pluses if len(pluses) >= 2 else []
        if (
            "\u2022" in seg
            or "\u25aa" in seg
            or "\u25cf" in seg
            or "\u2023" in seg
            or "\x95" in seg
        ):
            cuts += [
                m.span()
                for m in _INLINE_BULLET.finditer(seg)
                if m.group()[0].isspace() and m.group()[-1].isspace() or ":" not in seg[: m.start()]
            ]
        if " . . . " in seg:
            # ". . . have an above-average degree . . . have 5-10 years of ...": SkillSpan's
            # rebuilt list items
            cuts += [m.span() for m in _INLINE_ELLIPSIS.finditer(seg)]
        if " - " in seg or "\u2013" in seg or "\u2014" in seg:
            cuts += [m.span() for m in _DASH_DEGREE.finditer(seg)]
        if seg.count(" - ") >= 2:
            dashes = [m.span() for m in _INLINE_DASH.finditer(seg)]
            cuts += dashes if len(dashes) >= 2 else []
        cut = a
        for start, end in sorted(cuts):
            if a + start < cut:  # overlaps the cut before it
                continue
            if text[cut : a + start].strip():
                out.append((cut, a + start))
            cut = a + end
        if text[cut:b].strip():
            out.append((cut, b))
    return out


#: the characters Python's ``re.IGNORECASE`` takes for an ASCII letter, besides the letter's
#: two cases (tests/scoring/test_posting_rules.py derives the set from ``re`` itself)
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: every match of :data:`PREFER` holds one of these, under the same case rules
_PREFER_WORDS = (
    "plus",
    "bonus",
    "advantage",
    "asset",
    "nice",
    "ideal",
    "prefer",
    "desir",
    "good to have",
    "would be great",
    "helpful",
    "beneficial",
    "not required",
    "optional",
    "consideration",
)
#: every match of :data:`DEGREE_HINT`'s case-blind part holds one of these
_DEGREE_WORDS = (
    "ph",
    "doctor",
    "master",
    "m.",
    "msc",
    "mba",
    "eng",
    "degree",
    "bachelor",
    "b.",
    "bsc",
    "tech",
    "school",
    "ged",
    "g.ed",
    "ge.d",
    "g.e.d",
    "j.",
    "juris",
    "pharm",
    "psy",
    "d.d",
    "d.m",
    "d.v",
    "d.n",
    "d.o",
    "ed.d",
    "ed. d",
    "jd",
    "md",
    "dds",
    "dmd",
    "dvm",
    "dnp",
    "dpt",
    "edd",
)

#: per level of :data:`_LEVELS`, literals one of which every match holds: case-blind ones (in
#: the folded text, white space made single blanks) and ones as written (``MS``, ``BS``...)
_LEVEL_WORDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("ph", "doctor", "ed.d", "ed. d"), ("EdD",)),
    (
        ("j.", "juris", "m.", "pharm", "psy", "d.d", "d.m", "d.v", "d.n", "d.o", "doctor"),
        ("JD", "MD", "DDS", "DMD", "DVM", "DNP", "DPT"),
    ),
    (("master", "m.", "msc", "mba", "meng", "degree"), ("MS", "MA", "MPH")),
    (("bachelor", "b.", "bsc", "degree", "btech", "b tech", "beng", "b eng"), ("BS", "BA")),
    (("associate",), ()),
    (("school", "ged", "g.ed", "ge.d", "g.e.d"), ()),
)


def _folded(text: str) -> str:
    """``text`` in lower case, with what ``re.IGNORECASE`` reads as an ASCII letter made it.

    A literal search in it is a cheap necessary condition for a case-blind pattern: Python's
    ``re`` cannot skip ahead to a pattern that may start anywhere (:data:`PREFER`'s first
    alternative, with its optional words before "a"), ``str.__contains__`` can.
    """
    return (text if text.isascii() else text.translate(_ASCII_LOOKALIKES)).lower()


def states_preference(clause: str) -> bool:
    """Whether ``clause`` holds a :data:`PREFER` cue (the same answer, five times faster)."""
    folded = _folded(clause)
    return any(w in folded for w in _PREFER_WORDS) and PREFER.search(clause) is not None


def _degree_hint(clause: str, folded: str) -> bool:
    """Whether ``clause`` may name a degree (:data:`DEGREE_HINT`), literals tested first
    (``folded`` is :func:`_folded` of ``clause``)."""
    if not (
        "MS" in clause or "MA" in clause or "BS" in clause or "BA" in clause or "MPH" in clause
    ):
        if not any(w in folded for w in _DEGREE_WORDS):
            return False
    return DEGREE_HINT.search(clause) is not None


#: a parenthesised aside of a clause ("(preferred)", "(e.g. Python, R)")
ASIDE = re.compile(r"\([^()\n]{1,200}\)")
#: the words of an aside that are no subject of its own: its cue's qualifiers ("(strongly
#: preferred)", "(preferred / not a must)", "(would be advantageous)")
_ASIDE_FILLER = frozenset(
    "not must but would will very also some any prior the this that and strongly highly "
    "experience required mandatory necessary".split()
)
#: ... an aside naming two more words says what it prefers: "(publication history a plus)"
_ASIDE_SUBJECT_WORDS = 2
#: ... as does one naming a version of what it follows: "HL7 (V3 preferred)", "Python (3.x
#: preferred)", "(version 2 a plus)" (not a count of years: "(3+ years preferred)")
_ASIDE_VERSION = re.compile(
    r"(?:\bv\.?\s?\d+(?:\.\d+)*\b|(?<![\w.])\d+\.(?:\d+|x)\b|\bversion\s+\d+)"
    r"(?!\s*\+?\s*(?:years?|yrs?|months?)\b)",
    re.IGNORECASE,
)


def aside_subject(aside: str) -> bool:
    """Whether a preferring aside names a subject of its own besides its cue: "Outstanding
    communication skills (publication history a plus)" prefers the publications, not the
    communication; "HL7 (V3 preferred)" the version, not HL7; "(preferred)", "(a huge
    plus)" and "(experience preferred)" speak of the whole clause."""
    if _ASIDE_VERSION.search(aside):
        return True
    words = re.findall(r"[A-Za-z]{3,}", PREFER.sub(" ", aside))
    return sum(w.lower() not in _ASIDE_FILLER for w in words) >= _ASIDE_SUBJECT_WORDS


#: a tail that prefers what follows it: "..., ideally in conjunction with BI tools", "... and
#: is preferably proficient in German", "experience in Business Development preferably in
#: E-Commerce" (the comma may be missing)
_PREFERRED_TAIL_START = re.compile(
    r"(?:,[ \t]*|[ \t]+)(?:(?:and|but)[ \t]+)?(?:(?:is|are|has|have|be)[ \t]+)?"
    r"(?:ideally|preferably|optionally)\b",
    re.IGNORECASE,
)
#: ... but not after a word the cue qualifies too: "Docker would ideally be ...", "Python or
#: preferably Scala" (either is asked)
_NO_TAIL_AFTER = re.compile(
    r"\b(?:would|should|could|will|can|may|might|must|shall|or|nor|to)\s*$", re.IGNORECASE
)
#: a clause that asks firmly; a short preferred tail after a comma is then the tail's own
_FIRM = re.compile(r"\bmust\b|\brequired\b|\brequires?\b|\bminimum\b", re.IGNORECASE)
_SHORT_PREFERRED_TAIL = re.compile(
    r",[ \t]*(?:[\w+#.'\u2019-]+[ \t]+){1,5}(?:is[ \t]+|are[ \t]+)?(?:strongly[ \t]+|highly[ \t]+)?"
    r"(?:preferred|desired|a[ \t]+plus)[ \t]*[.),;]*[ \t]*$",
    re.IGNORECASE,
)
#: a tail about other things than those asked before it: "Excellent English language
#: skills, other languages (e.g. German, Spanish, Chinese) are a plus"
_OTHER_TAIL_START = re.compile(
    r",[ \t]*(?:and[ \t]+)?(?:any[ \t]+)?(?:other|additional|further)\b", re.IGNORECASE
)


def preferred_asides(
    text: str, start: int, end: int
) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The parts of the clause ``text[start:end]`` that prefer something of their own, as
    offsets in ``text``: parenthetical asides stating a preference ("Master's degree (PhD
    preferred)", "Python (Docker a plus)"), and a tail that starts with "ideally" or
    "preferably" ("SQL, ideally with BI tools"), a preferred tail about other things
    ("English, other languages are a plus") or a short preferred tail of a firm clause.

    Their preference is theirs: the rest of the clause stays as its other words make it.
    An aside that names nothing but the cue ("Python (preferred)", "(preferred / not a
    must)") speaks of the whole clause: the caller, which knows the skills named, keeps
    only the asides naming one (or a degree).

    Returns:
        ``(asides, tail)``: the asides before the tail, and the tail (``None``: none).
    """
    clause = text[start:end]
    found: list[tuple[int, int]] = []
    if "(" in clause:
        found = [m.span() for m in ASIDE.finditer(text, start, end) if states_preference(m.group())]
    tail = None
    lowered = clause.lower()  # "... configuration management and CI Ideally fit in ..."
    if "ideal" in lowered or "prefera" in lowered or "option" in lowered:
        tail = _preferred_tail_start(text, start, end)
    if tail is None and ("other" in clause or "additional" in clause or "further" in clause):
        other = _OTHER_TAIL_START.search(text, start, end)
        if other is not None and states_preference(text[other.start() : end]):
            tail = other
    if tail is None and _FIRM.search(clause):
        # "Must possess an active Secret or higher security clearance, Top Secret preferred"
        tail = _SHORT_PREFERRED_TAIL.search(text, start, end)
    if tail is None and ("preferred" in clause or "desired" in clause or "plus" in clause):
        # "Master's degree in Computer Science or a related field, PhD preferred" (glassdoor-
        # 0133 preferred the master's and lost the PhD): a degree asked, another preferred
        degree = _SHORT_PREFERRED_TAIL.search(text, start, end)
        if degree is not None:
            named, asked = (
                degree_levels(degree.group()),
                degree_levels(text[start : degree.start()]),
            )
            if named and asked and not set(named) & set(asked):
                tail = degree
    if tail is not None and not states_preference(text[start : tail.start()]):
        stop = _degree_statement(text, tail.end(), end)
        item = next_item(text, tail.end(), stop)
        if not states_preference(text[item:stop]):
            # a run-on line's next item ends the tail ("Ideally you have used Helm ... You
            # use Python as your primary language": Python is asked), unless a preference
            # follows, which the rest of the clause would then take for its own
            stop = item
        kept = [(a, b) for a, b in found if b <= tail.start() or a >= stop]
        return kept, (tail.start(), stop)
    return found, None


#: a degree named by its title ("Bachelor", "Master's", "PhD", "MSc", "MBA") ...
_DEGREE_TITLE = re.compile(r"[ \t]+(?=(?:Bachelor|Master|Ph\.?[ \t]?D|MSc|BSc|M\.Sc|B\.Sc|MBA)\b)")
#: ... after a word that leads into it is part of the statement before it
_INTO_DEGREE = frozenset(
    "a an or and and/or in with of the your any relevant completed preferably ideally "
    "optionally / ( , equivalent after before since post following during than".split()
)


def _degree_statement(text: str, start: int, end: int) -> int:
    """Where a degree named by its title starts a statement of its own in ``text[start:end]``
    (SkillSpan's run-on lines: "experience in Business Development preferably in E-Commerce
    Bachelor and/or Master's degree": the tail's preference stops at "Bachelor"), else
    ``end``."""
    for m in _DEGREE_TITLE.finditer(text, start, end):
        words = text[start : m.start()].split()
        if words and words[-1].lower() not in _INTO_DEGREE and words[-1][-1].isalnum():
            return m.start()
    return end


def _preferred_tail_start(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "ideally" / "preferably" / "optionally" tail of ``text[start:end]`` that
    has words of its own before it, outside parentheses (an aside is read as such), and
    that qualifies no verb or "or" before it."""
    for m in _PREFERRED_TAIL_START.finditer(text, start, end):
        before = text[start : m.start()]
        if not any(c.isalnum() for c in before) or before.rfind("(") > before.rfind(")"):
            continue
        if not m.group().startswith(",") and _NO_TAIL_AFTER.search(before):
            continue
        return m
    return None


#: an item's own marker of how firmly it is asked, in parentheses: "Python (required)",
#: "Spark (preferred)", "Docker (a plus)", "(nice to have)"
_ITEM_MARKER = re.compile(
    r"[ \t]*\((?:(?:strongly|highly|very)[ \t]+)?(?:required|preferred|essential|mandatory"
    r"|desirable|desired|optional|a[ \t]+plus|plus|nice[ \t-]+to[ \t-]+have|must(?:[ \t]+have)?"
    r"|a[ \t]+must|bonus|an[ \t]+advantage|advantageous)\)",
    re.IGNORECASE,
)


def marked_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the clause ``text[start:end]`` that each end with a marker of their own
    ("Python (required), Spark (preferred)"), as offsets in ``text``: each runs from the
    previous item's end (or the clause's start) to its marker's end. Two markers or more
    make the clause a list of such items: each item's marker says how firmly it is asked,
    not the whole clause's. One marker alone speaks of the whole clause ("Python
    (preferred)"), and an empty list is returned."""
    if text.count("(", start, end) < 2:
        return []
    found = [m for m in _ITEM_MARKER.finditer(text, start, end) if _marks_item(text, start, m)]
    if len(found) < 2:
        return []
    out: list[tuple[int, int]] = []
    at = start
    for m in found:
        while at < m.start() and text[at] in " \t\n,;":
            at += 1
        if at < m.start():
            out.append((at, m.end()))
        at = m.end()
    return out


def _marks_item(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the marker ``m`` ends an item: words before it since the clause's start or
    the last separator, and a separator (or the clause's end) after it."""
    after = text[m.end() : m.end() + 6].lstrip(" \t")
    ends = not after or after[0] in ",;.\n" or after.lower().startswith(("and ", "& "))
    return ends and any(c.isalnum() for c in text[start : m.start()])


def without(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` with the given spans (inside it, in order) left out."""
    out, pos = [], start
    for a, b in spans:
        out.append(text[pos:a])
        pos = b
    out.append(text[pos:end])
    return " ".join("".join(out).split())


#: years of experience asked ("3 years", "5+ years", "2-4 years", "five (5) years")
_YEARS_FIGURE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\(\d+\)\s*)?\+?\s*"
    r"(?:-\s*\d+\s*)?(?:\+\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
#: "or" a few words before a degree: "(or a PhD)", "or 5+ with a Master's"
_OR_BEFORE = re.compile(r"\bor\b(?:\s+[^\s]+){0,4}?\s*[(]?\s*$", re.IGNORECASE)


def degree_instead_of_years(clause: str) -> bool:
    """Whether the degrees ``clause`` names are another way to the years it asks first: "At
    least 3 years of industry experience (or a PhD)", "7+ years of experience, or 5+ with a
    Master's, or 3+ with a PhD". Such a degree is no degree asked: the years alone do."""
    years = _YEARS_FIGURE.search(clause)
    if years is None or not degree_levels(clause):
        return False
    starts = [m.start() for _, rx in _LEVELS for m in rx.finditer(clause) if _asked(clause, m)]
    if not starts or min(starts) < years.end():
        return False
    return all(_OR_BEFORE.search(clause, max(0, s - 40), s) is not None for s in starts)


def degree_for_years(clause: str) -> str | None:
    """The lowest degree level ``clause`` accepts in place of all the years it asks ("3+
    years of experience building ML systems, or a PhD in a relevant field": ``phd``), else
    ``None``: not when the degree only lowers the years ("7+ years, or 5+ with a Master's").
    """
    if not degree_instead_of_years(clause):
        return None
    years = _YEARS_FIGURE.search(clause)
    assert years is not None
    if _YEARS_FIGURE.search(clause, years.end()) or re.search(r"\d", clause[years.end() :]):
        return None
    levels = degree_levels(clause)
    return min(levels, key=DEGREE_LEVELS.index) if levels else None


def degree_levels(clause: str) -> list[str]:
    """The degree levels ``clause`` names (``phd``, ``master``, ``bachelor``...).

    A bare "degree in X" without a level counts as a bachelor's degree. A professional
    doctorate (JD, MD...) counts alone only: named beside other degrees it is one of the
    alternatives ("MD or PhD" asks for a doctorate, "M.S., M.B.A., J.D." a master's).
    """
    return list(_degree_levels(clause))


@lru_cache(maxsize=4096)
def _degree_levels(clause: str) -> tuple[str, ...]:
    # cached: a posting's reading asks twice for most clauses (does it count, what does it
    # ask), a second reading (lenient) again, and boilerplate clauses recur across postings
    folded = _folded(clause)
    if not _degree_hint(clause, folded):
        return ()
    words = " ".join(folded.split())  # white space as \s sees it, one blank a run
    clause = _without_documents(clause, folded)
    found = [
        level
        for (level, rx), (blind, raw) in zip(_LEVELS, _LEVEL_WORDS, strict=True)
        if (any(w in words for w in blind) or any(w in clause for w in raw))
        and any(_asked(clause, m) for m in rx.finditer(clause))
    ]
    if not found and _BARE_DEGREE.search(clause) and field_names(clause):
        found.append("bachelor")
    if len(found) > 1 and "professional_doctorate" in found:
        # "MD or PhD", "(M.S., M.B.A., J.D.)": a JD or MD named beside other degrees is one
        # of the alternatives, off their ladder; the others say the level
        found.remove("professional_doctorate")
    return tuple(found)


def _without_documents(clause: str, folded: str) -> str:
    """``clause`` with the documents an application asks for blanked out (same offsets):
    a diploma, certificate or transcript is no degree asked (``folded``: the clause
    folded, :func:`_folded`)."""
    if ("diploma" in folded or "certificate" in folded or "transcript" in folded) and (
        _DOCUMENTS.search(clause)
    ):
        return _DOCUMENT.sub(lambda m: " " * len(m.group()), clause)
    return clause


def degree_mentions(clause: str) -> list[tuple[int, int, str]]:
    """The degrees ``clause`` names and asks, as ``(start, end, level)`` in text order, read
    through the table of :func:`degree_levels` (its words, the degrees not asked left out):
    "BS or MS with 5+ years": ``[(0, 2, "bachelor"), (6, 8, "master")]``.

    The master's named after another degree ("Bachelor or Master") spans its own word; a
    professional doctorate named beside other degrees is left out, as there; a bare "degree
    in X" is no mention."""
    folded = _folded(clause)
    if not _degree_hint(clause, folded):
        return []
    clause = _without_documents(clause, folded)
    found: list[tuple[int, int, str]] = []
    for level, rx in _LEVELS:
        for m in rx.finditer(clause):
            if not _asked(clause, m):
                continue
            # ("Bachelor or Master": the master's word, after the bachelor's)
            own = m.group().lower().rfind("master") if level == "master" else -1
            found.append((m.start() + max(own, 0), m.end(), level))
    if any(level == "professional_doctorate" for *_, level in found) and any(
        level != "professional_doctorate" for *_, level in found
    ):
        found = [f for f in found if f[2] != "professional_doctorate"]
    out: list[tuple[int, int, str]] = []
    for f in sorted(found):
        if not out or f[0] >= out[-1][1]:
            out.append(f)
    return out


#: "Master of" before what is no degree's name ("Master of Python, R, and SQL languages":
#: the verb's noun, a master of a craft); a degree's name follows it ("Master of Science",
#: "Master of Business Administration", "Master of Public Health")
_NOT_A_DEGREE = re.compile(
    r"\s+of\s+(?!(?:science|arts|engineering|business|public|fine|education|laws?|social"
    r"|computer|information|data|applied|health|finance|financial|philosophy|technology"
    r"|management|economics|statistics|mathematics|nursing|architecture|library|divinity"
    r"|music|professional|accountancy|accounting|occupational|physical|international|urban"
    r"|industrial|environmental|human|quantitative|analytics|biomedical|medical|clinical"
    r"|research|advanced|mechanical|electrical|chemical|civil|software)\b)",
    re.IGNORECASE,
)
#: "LC-MS", "GC-MS", "MS/MS": mass spectrometry, no master's
_INSTRUMENT = re.compile(r"(?:[A-Za-z]-|\bMS/)$")
#: a person's title after the name a de-identified posting writes ("For more information
#: please contact <NAME> <NAME> M.Sc IT Manager"): no degree asked
_AFTER_A_NAME = re.compile(r"<NAME>\s*,?\s*$")


def _asked(clause: str, m: re.Match[str]) -> bool:
    """Whether the degree named at ``m`` is asked (not the level of students, courses, a
    position or a head count: :data:`_NOT_ASKED_AFTER`, :data:`_NOT_ASKED_BEFORE`)."""
    start = max(0, m.start() - 60)
    return not (
        _NOT_A_DEGREE.match(clause, m.end()) is not None
        and m.group().lower() in ("master", "ms")
        or m.group() == "MS"
        and (_INSTRUMENT.search(clause, 0, m.start()) or clause.startswith("/MS", m.end()))
        or _AFTER_A_NAME.search(clause, max(0, m.start() - 12), m.start()) is not None
        or _NOT_ASKED_AFTER.match(clause, m.end())
        or (
            _NOT_ASKED_HINT.search(clause, start, m.start()) is not None
            and _NOT_ASKED_BEFORE.search(clause, start, m.start()) is not None
        )
    )


def field_names(clause: str) -> list[str]:
    """The known fields of study ``clause`` names, lower case, in text order, no repeats."""
    return list(dict.fromkeys(name for _, _, name in field_spans(clause)))


def field_spans(clause: str) -> list[tuple[int, int, str]]:
    """The known fields of study ``clause`` names, as ``(start, end, name)`` in text order
    (the name lower case, a short name spelled out: "CS" is "computer science")."""
    out: list[tuple[int, int, str]] = []
    for m in _FIELD_RE.finditer(clause):
        word = m.group(1)
        if word in ("cs", "ee", "Cs", "Ee"):  # only the upper-case abbreviations
            continue
        out.append((m.start(1), m.end(1), _FIELD_ALIASES.get(word.lower(), word.lower())))
    return out
