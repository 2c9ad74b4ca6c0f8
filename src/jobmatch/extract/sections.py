"""Find the sections of a resume or a job posting from its headings and cue phrases.

:func:`detect_sections` splits a text into contiguous character ranges, each named after the
heading that opens it. Resume sections: ``summary``, ``skills``, ``experience``,
``education``, ``projects``, ``publications``, ``certifications``. Posting sections:
``about``, ``description`` (under "Job description": the role and what it asks, often
after the company's own words), ``responsibilities``, ``requirements`` (must-have),
``preferred`` (nice-to-have, bonus), ``benefits``. Text before the first recognised
heading is ``other``, and so is text under the headings of resume sections without a name
of their own (Interests, Additional Information, Honors/Awards, Volunteering,
References...), which end the section before them. A line we do not recognise as a
heading continues the section.

A line is a heading when it is short (at most seven words before any ``:``), is not a
bullet, does not read like a sentence, and one of the cue patterns below matches it.
Inline headings (``Requirements: Python, SQL``) open the section at the start of their line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from .vocabulary import TITLE_WORDS

__all__ = [
    "SECTION_NAMES",
    "detect_sections",
    "sections_and_headings",
    "section_at",
    "classify_heading",
    "stack_parts",
]

SECTION_NAMES: tuple[str, ...] = (
    "summary",
    "skills",
    "experience",
    "education",
    "projects",
    "publications",
    "certifications",
    "about",
    "description",
    "responsibilities",
    "requirements",
    "preferred",
    "benefits",
    "other",
)

# Whole titles that turn to the candidate, in the words of a sentence ("Who we are looking
# for", "You'd be a great fit if...", "YOU WANT TO TALK TO US IF...", "About you"): what follows
# is asked of the candidate. They are headings in sentence case and as long questions too
# (:func:`_phrase_heading`), matched on the normalised title as a whole.
_CANDIDATE_HEADING = (
    r"^(?:(?:so|and) )?(?:about you(?:rself)?|who are you|who you are|your personality"
    r"|people like you|you be like"
    r"|(?:who|what) (?:we are|are we|were|we re|do we|we) (?:looking for|seeking|look for|seek"
    r"|need|expect|expecting)(?: (?:from|in|of) you)?"
    r"|the (?:skills|person|profile|candidate) (?:we are|were|we re) looking for(?: are)?"
    r"|(?:we are|were|we re) looking for (?:someone|people|a person)(?: who| with)?"
    r"|what (?:well|we will|we) need from you|our expectations(?: of you)?|need to have"
    r"|what (?:is|youll|you will|you) need(?:ed)? to (?:succeed|be successful)"
    r"|(?:this is )?what you (?:must |will |ll |need to )?(?:bring|offer|need|have)"
    r"(?: to (?:the table|the team|the role|us))?(?: to have)?"
    r"|(?:you (?:may|might|could|will|would|can) |youll |youd )?thrive(?: in this role| here)? if"
    r"(?: you)?"
    r"|(?:youd|you would|youll|you will|youre|you are|you may|you might|you) (?:be )?(?:a )?"
    r"(?:great|good|perfect"
    r"|strong|right) (?:fit|match)(?: for (?:us|this role))? if(?: you)?"
    r"|are we a match|is (?:this|that) you|(?:does )?(?:this|that) sounds? like you"
    r"|(?:you should |please )?apply if(?: you)?|you should(?: demonstrate| have| bring)?"
    r"|you want to talk to us if|(?:we(?:d| would) )?love to hear from you if"
    # "You'll love our Data Engineer position if:" (glassdoor-0450)
    r"|you(?:ll| will)? love (?:our|this|the) (?:[\w-]+ ){0,4}?(?:position|role|job|opportunity)"
    r" if(?: you)?"
    r"|wed like you to (?:be comfortable with|have|know|bring)"
    # "We'll also want to know you can demonstrate some or all of these attributes:"
    r"|(?:well |we will |we )?(?:also )?want to (?:know|see) (?:that )?you (?:can |could )?"
    r"(?:demonstrate|have|show|bring)(?: (?:some|all|most|any|or|of|these|the|following))*"
    r" (?:attributes|skills|qualities|qualifications|traits|abilities)"
    r"|you (?:could|can|might) (?:be our next \w+|help us make a difference) if(?: you)?)$"
)
_PREFERRED_HEADING = (
    r"^(?:(?:ideally|preferably) (?:youd|you would|youll|you will|you) (?:also )?(?:have|bring)"
    r"|(?:what )?you (?:might|may) (?:also )?(?:have|bring)"
    r"|(?:it would|itd|it d|youd|you would|its|it is|that would|thatd|would) be (?:even )?"
    r"(?:better|great|a plus|a bonus|an asset|an advantage|nice|awesome|amazing|fantastic"
    r"|wonderful|cool|ideal|helpful|useful|beneficial) (?:if|for you to)"
    r"(?: you(?: also)?(?: have| had| know| bring| are)?)?"
    # "Even better if you have:", "Bonus points if you know:", "Extra credit if you also
    # bring", "We'd love it if you also had" (what beyond the asked would please)
    r"|(?:(?:its |it is )?even better|(?:\w+ )?(?:points?|credits?|creds?|kudos|stars?)) if"
    r"(?: you(?: also)?(?: have| had| know| bring| are)?)?"
    # "You will get extra points for the following" (skillspan-dev-tech-003, whose DevOps
    # and languages after it were required): the reward names what follows
    r"|(?:you(?:ll| will| can| may)? (?:also )?(?:get|earn|score|gain|receive) )?"
    r"(?:extra|bonus|brownie) (?:points?|credits?|kudos) for(?: (?:the following|these|this))?"
    r"|(?:wed|we would|we ?d) (?:also )?love (?:it )?if you(?: also)?(?: have| had| know| bring)?"
    # "We'll REALLY love you if:", "What we love to see:", "We'd Love to See:" (TransUnion's
    # nice-to-haves after its "What You'll Bring:", glassdoor-0102, 0462; glassdoor-0450)
    r"|(?:well|we will) (?:also |really )?love (?:it |you )?if(?: you)?(?: also)?"
    r"(?: have| had| know| bring)?"
    r"|(?:what )?(?:wed |we would |well |we will |we )?(?:also |really )?love to see"
    # "In addition, the following would be an advantage:", "It would be an advantage if you
    # have:" (Google DeepMind's postings)
    r"|(?:in addition )?(?:the following|these|this|it) would (?:also )?be (?:an? )?"
    r"(?:advantage|plus|bonus)(?: if(?: you(?: have| also have)?)?)?"
    # "Strong candidates may also have:" (what beyond the asked some have)
    r"|(?:(?:strong|ideal|great|successful|top|exceptional|the best) )?(?:candidates|applicants)"
    r" (?:may|might|could|will|would) also(?: have| bring| be| possess)?"
    # "... also have experience with:", "... also have knowledge of:"
    r"(?: (?:experience|expertise|knowledge|familiarity|exposure)(?: with| in| of)?)?)$"
)
#: ... and what the candidate will do: "What you'll be working on", "What you get to do in
#: this role"
_TASKS_HEADING = (
    r"^(?:what|how) (?:youll|you will|you) (?:be )?(?:do|doing|work on|working on"
    r"|get to do(?: in this role)?)$"
    # "As a Data Engineer at Cogo Labs you will:", "In this position, you will:", "You
    # will:": the line ends the sentence its list of tasks goes on
    r"|^(?:(?:as|in) (?:an?|the|this|our) (?:\w+ ){0,8}?)?(?:youll|you will)"
    r"(?: be(?: responsible for)?)?$"
)
_OFFER_HEADING = (
    r"^(?:what (?:well|we will|we can|we|\w+ can|\w+ will) (?:offer|bring|give)(?: you)?"
    # "What you will gain" (glassdoor-0824: the experience and the curiosity the job
    # offers were asked)
    r"|what you(?:ll| will)? (?:get|gain)|what awaits you|this and more is awaiting you"
    r"|in return we (?:have|offer)"
    # "What makes this job great" (skillspan-dev-house-047, whose perks, "white-board
    # brainstorming pair programming", were asked)
    r"|what makes (?:this|the|our) (?:job|role|position|opportunity|team|place)"
    r"(?: so)? (?:great|unique|special|exciting|different|awesome)"
    r"|what makes us(?: so)? (?:great|unique|special|different))$"
)
#: ... and a question about the employer: "So, what does Novetta do?" (glassdoor-0025,
#: whose core values under it were preferred), "HOW DOES AMAZON FIT IN?" (glassdoor-0015,
#: whose "You'll get to play with ... EC2, SQS and S3" was asked); never the role's own
#: question ("What does this role do?", "How does the team fit in?" stay unread)
_COMPANY_QUESTION = (
    r"^(?:so )?(?:what|how) does (?!(?:this|the|that|a|an|our|your|you)\b)"
    r"(?:[\w&]+ ){1,3}(?:do|fit in)$"
)
#: every title :func:`_phrase_heading` accepts holds one of these words
_PHRASE_WORDS = (
    "you", "look", "seek", "need", "expect", "candidate", "offer", "match", "await", "advantage",
    "makes", "points", "does",
)  # fmt: skip

# Ordered: the first pattern that matches the normalised heading wins, so the more specific
# cues come first ("preferred qualifications" is preferred, not requirements; "job summary"
# is about the job, not a resume summary; "required skills" is a requirement).
_CUES: tuple[tuple[str, str], ...] = (
    ("requirements", _CANDIDATE_HEADING),
    ("preferred", _PREFERRED_HEADING),
    ("benefits", _OFFER_HEADING),
    ("summary", r"^about me\b"),
    ("responsibilities", r"^about (?:the|this) (?:role|job|position|gig)$"),
    # "Job description": the role and what it asks, often after the company's own words
    ("description", r"\b(?:job|position|role) description\b(?!.*\b(?:duties|responsibilit))"),
    # "Our values:" / "CORE VALUES" (glassdoor-0042: "Eager: We are self-starters ..."
    # required initiative): the company's values, under its own words
    # "CMG Operating Principles" / "Our guiding principles" (glassdoor-0302: "I have a
    # growth mindset." required continuous learning): the company's principles too
    (
        "about",
        r"^about\b|^(?:our |company )?(?:core )?values$"
        r"|^(?:our |[\w&]+ )?(?:operating|guiding|leadership|core) (?:principles|values)$",
    ),
    (
        "preferred",
        r"\bnice to haves?\b|\bpreferred\b|\bbonus\b|\bpluses\b|\bplus\b|\bdesired\b"
        r"|\bdesirable\b|\bgood to have\b|\bextra credit\b|\bassets?\b|\boptional\b"
        r"|\bwould be great\b|\bstand out\b|\beven better\b"
        # a reward for more than the asked: "Bonus points", "Extra credit", "Brownie
        # points", "Earn street creds by also knowing these", "What sets you apart"
        r"|\b(?:extra|brownie|street|double|gold|big|major) (?:points?|credits?|creds?|kudos"
        r"|stars?)\b|\bsets? you apart\b|\bicing on the cake\b|\bnot required but\b"
        # "In addition, the following would be an advantage:" (not "The Acme Advantage")
        r"|\ban advantage\b|\badvantageous\b"
        # "Beneficial:" (glassdoor-0356, whose IoT and machine learning under it were asked)
        r"|\bbeneficial\b"
        # "Ideal Qualifications:" after "Basic Qualifications:" (glassdoor-0401, whose Git,
        # AWS and Master's degree under it were asked); not "The ideal candidate"
        r"|\bideal(?:ly)? (?:qualifications?|skills?|experience|requirements?|background)\b",
    ),
    (
        "benefits",
        r"\bbenefits?\b|\bperks?\b|\bwe (?:can )?offer\b|\bcompensation\b"
        r"|\bwhy join\b|\bwhy work\b|\bin it for you\b|\bsalary\b|\bwhat you get\b"
        # "Why Acme?", "Why us": the employer's pitch
        r"|^why\b"
        # "Building skills and careers" (skillspan-dev-tech-023's training and career
        # policy, read as a Skills list that asked its business sense): what the employer
        # grows in its people
        r"|^(?:building|developing|growing|build|develop|grow) (?:your |our )?"
        r"(?:skills|careers?|talents?)(?: and (?:skills|careers?|talents?))?$"
        # "PACKAGE" / "Between 50 and 65K euros" / "Health insurance"
        r"|^(?:the |your |our )?(?:salary |compensation |benefits? )?package$",
    ),
    (
        "requirements",
        r"\brequire|\bqualifications?\b|\bmust haves?\b|\blooking for\b|\bwho you are\b"
        r"|\byou bring\b|\byoull bring\b|\byou will bring\b|\byou have\b|\byou should have\b"
        r"|\bideal candidate\b|\byour profile\b|\bessentials?\b|\bwhat you need\b"
        r"|\bwe expect\b|\bneed to succeed\b|\bskills and experience\b|\bjob specification\b"
        r"|\byou need\b|\byoull need\b|\byou will need\b|\bprofile of success\b"
        r"|\bsuccess profile\b",
    ),
    (
        "responsibilities",
        r"\bresponsibilit|\bduties\b|\byoull do\b|\byou will do\b|\byoull be doing\b"
        r"|\byou will be doing\b|\bday to day\b|\byour role\b|\bthe role\b|\byour mission\b"
        r"|\byour impact\b|\btasks\b|\bwhat you will\b|\bwhat youll\b|\bin this role\b"
        r"|\bjob functions?\b|\baccountabilities\b|\byour contributions?\b|^your job$"
        # "Impact You'll Make:" (TransUnion's tasks, after its nice-to-haves)
        r"|^(?:the )?impact (?:youll|you will) (?:make|have)$"
        # "What your day will look like:" (glassdoor-0450, after its nice-to-haves)
        r"|^(?:what )?(?:your|a) (?:typical )?day (?:will )?looks? like$|^a day in the life\b",
    ),
    ("summary", r"\babout me\b|\bcareer objective\b|\bprofessional summary\b"),
    (
        "about",
        r"^about\b|\bwho we are\b|\bwho are we\b|\boverview\b|\bjob description\b|\bjob summary\b"
        r"|\bposition summary\b|\brole summary\b|\bthe opportunity\b|\bour company\b"
        r"|\bcompany description\b|\bthe company\b|\bour mission\b|\bour team\b"
        r"|\bthe team\b|\bgeneral summary\b|\bdescription\b"
        # "The VU Technology Department includes:" (its teams, no skills: glassdoor-0496)
        r"|\b(?:department|division|organi[sz]ation|teams) (?:includes?|consists of|comprises)$",
    ),
    # a resume's list of skills under a summary-like name ("Skill Highlights", "Core
    # Strengths"); a posting's "Your strengths" is not one
    (
        "skills",
        r"\bskills? highlights\b|^(?:core |key |professional |technical |personal )?strengths$",
    ),
    ("summary", r"\bsummary\b|\bprofile\b|\bobjective\b|\bhighlights\b"),
    ("certifications", r"\bcertific|\blicen[cs]es?\b|\baccreditations?\b"),
    ("publications", r"\bpublications?\b|\bpapers\b|\bpatents?\b|\btalks\b"),
    # "Projects", "Key Projects", "Project Experience", "Personal Project: X"; not a skill line
    # such as "Project Management", "Project Planning", "Portfolio Management"
    (
        "projects",
        r"\bprojects\b(?! manag)|^(?:[a-z]+ )?project(?: experience| work| history| details)?$"
        r"|\bopen source\b|\bportfolio\b(?! manag)",
    ),
    (
        "education",
        # "Education Assistance", "Educational Reimbursement": a benefit, not a heading
        r"\beducation(?:al)?\b(?! (?:assistance|reimbursement|allowance|stipend|support))"
        r"|\bacademic\b|\bdegrees?\b|\bschooling\b|\bcoursework\b",
    ),
    (
        "experience",
        # "Employment law knowledge" (an HR resume's highlight) names a field of law
        r"\bexperience\b|\bemployment\b(?! law)|\bwork history\b|\bcareer history\b"
        r"|\bprofessional background\b|\binternships?\b",
    ),
    (
        "skills",
        r"\bskills?\b|\bcompetenc|\btechnolog|\bexpertise\b|\bproficienc|\btech stack\b"
        r"|\btools\b|\btoolbox\b|\bstack\b|\blanguages\b",
    ),
)
# Job-title words: a line holding one is a role ("MERN Stack Developer", "INFORMATION
# TECHNOLOGY SPECIALIST III", "Customer Experience Manager"), not a resume section heading.
# The mention filter's title words (without "internship": "Education & Internships" is a
# heading) and the titles of the shared resumes' roles.
_TITLE_WORDS = (TITLE_WORDS - {"internship"}) | frozenset(
    "instructor instructors admin admins administrators managers director directors "
    "officer technician technicians coordinator associate assistant representative "
    "programmer programmers designer designers teacher lecturer professor supervisor "
    "interns".split()
)
# sections a role line can be taken for by its words ("Information Technology Instructor",
# "Project Manager", "Education Coordinator"); posting headings may name the role ("What
# you'll do as an engineer"), so they are not checked
_RESUME_BODY = frozenset(
    {"skills", "experience", "education", "projects", "publications", "certifications"}
)
# the skills cues that are no heading word of their own: "ABC Technologies, Boston, MA"
_STRONG_SKILLS_RE = re.compile(r"\bskills?\b|\bcompetenc")
# a school's name holds a weak skills cue ("Massachusetts Institute of Technology", "Pohang
# University of Science and Technology", "Nanyang Technological University"): no heading
_SCHOOL_RE = re.compile(r"\b(?:universit(?:y|ies)|college|institute|polytechnic|academy)\b")
# Headings of resume sections that are none of the above (interests, awards, volunteering,
# references...): they open ``other``, which ends the section before them (fraternity dates
# under "Interests" are no experience). Only a whole title made of these words counts, so
# "Year-round gym memberships" (a perk) and "Key Activities" (a posting's duties) do not.
# "Volunteer Experience" is ``other`` too: volunteering is not employment.
_OTHER_QUALIFIER = r"(?:personal|professional|other|community|campus|student|extra curricular)"
_OTHER_WORD = (
    r"(?:interests|hobbies|additional information|accomplishments|activities|extracurricular"
    r"|volunteer(?:ing)?(?: experience| work| service)?|honou?rs|awards?|recognitions?|links"
    r"|references|affiliations?|memberships?|involvement)"
)
_OTHER_RE = re.compile(
    rf"^(?:{_OTHER_QUALIFIER} )?{_OTHER_WORD}(?:(?: and | ){_OTHER_QUALIFIER}? ?{_OTHER_WORD})*$"
)
# a title _OTHER_RE matches holds one of the words as a whole word
_OTHER_PREFILTER = rf"\b{_OTHER_WORD}\b"
# posting metadata fields, not sections ("Experience level: Senior", "Job type: Full-time")
_META_RE = re.compile(r"\b(?:level|years|type|size|posted|date|location|id)\b")
# more labels of a job board's fields whose value stands on the next line ("Industry:" /
# "Banking Financial Services Financial Technology")
_FIELD_RE = re.compile(r"^(?:industry|role|company|sector|department|function)$")
# a degree's name before a colon is an education entry ("Bachelor of Technology : Chemical
# Engineering"), not a heading with the cue "technology"
_DEGREE_NAME_RE = re.compile(r"^(?:bachelor|master|associate|doctor)s?\b.*\bof\b")
# a line saying what is preferred or required, no heading: "Master's Degree preferred",
# "Industry experience preferred", "U.S. Citizenship required", "Bachelor's (Preferred)"
# ("Technical Skills Required:", "Travel Required:" and "Preferred" alone are headings)
_STATEMENT_RE = re.compile(
    r"^(?!.*\b(?:skills?|qualifications?|abilities|requirements|competencies)\b)"
    r".+ (?:preferred|required|desired|a plus)$"
)
# a posting's item, no heading: "Experience utilizing competitive intelligence", "Expertise in
# JavaScript programming", "Experience with Transactional databases" (gd-0305's preferred
# items read as an Experience section, so required); a choice among the items that follow
# ("One or more of the following certifications: CBIP, ITIL, Lean Six Sigma, TOGAF" under
# "Additional Preferred Qualifications" read as a Certifications section, so everything
# after it required)
_ITEM_RE = re.compile(
    r"^(?:experience|expertise|knowledge|proficiency|familiarity|background|skills?)"
    r" (?:with|in|of|on|utilizing|using|working|building|developing|designing|leading)\b"
    r"|^(?:at least |up to )?(?:one|two|three|four|five|any|each|either|some|several"
    r"|\w+ or more) of (?:the following|these)\b"
)
_CUE_RES = tuple((name, re.compile(pattern)) for name, pattern in _CUES)
# a Certifications heading names them in the plural ("Certifications: PMP, CSM",
# "Licenses & Certifications"); a certificate named in the singular before a colon with
# text after it is one entry of the section it stands in, mostly Education: "Cambridge
# College Certificate : Negotiation and Conflict Resolution", "Certification : Food Safety
# and Sanitation , 2008 Johnson and Wales", "2003 NEEC Building Operator Certification :
# Butte College" (livecareer's entries; read as a heading, the degrees after it left
# Education)
_CERTIFICATES_RE = re.compile(r"\b(?:certificat(?:es|ions)|licen[cs]es|accreditations)\b")
# a benefit, not the Education heading its last word would make: "Tuition Assistance
# Life-Long Learning & Education", "Tuition Reimbursement and Continuing Education"
_TUITION_RE = re.compile(r"\btuition\b")
# a line of work on pay and benefits, not what an employer offers: "Compensation/benefits
# administration", "Salary structure/compensation analysis", "Benefits Administrator" (a
# resume's skill or role line read as a Benefits heading dropped what followed it)
_BENEFITS_WORK_RE = re.compile(
    r"\b(?:administration|administrator|analysis|analyst|specialist|coordinator|management"
    r"|manager|planning|processing|structure|auditing|compliance|reporting)s?$"
)
# one search over the raw lower-cased line rejects most lines before any other work (the
# anchors are dropped: the raw line may go on with ": Python, SQL")
_ANY_CUE = re.compile(
    "|".join(
        [pattern.replace("^", r"\b").replace("$", "") for _, pattern in _CUES] + [_OTHER_PREFILTER]
    )
)

# A heading line: optional markdown/numbering decoration, a short title, optional ':'
# and optional inline content after the colon.
_LINE_RE = re.compile(r"[^\n]*(?:\n|$)")
_DECORATION_RE = re.compile(
    r"^(?:#{1,6}\s*|\*\*|__|(?:[ivxlc]{1,5}|\d{1,2}|[a-h])[.)]\s+)", re.IGNORECASE
)
# a bullet glyph may touch its text ("•Understands insurance benefits"); "-", "*" and "o"
# only before a space (a hyphenated word, markdown emphasis, a word), or "-" before a
# capital in a line not closed by another ("-Bachelor's Degree", glassdoor-0598: an
# Education heading under Minimum Qualifications; "-Skills-" is a decorated title)
_BULLET_RE = re.compile(r"^(?:[-*•·▪◦●o]\s|[•·▪◦●]|-(?=[A-Z])(?![^\n]*-\s*$)|\d{1,2}[.)]\s+[a-z])")
_NORMALISE_RE = re.compile(r"[^a-z0-9& ]+")
_MAX_HEADING_WORDS = 7
#: short lines whose heading test is remembered (at most 122 characters each)
HEADING_MEMO_LINES = 20_000


#: the longest line (with its line break) read as a heading line
_MAX_HEADING_LINE = 122
#: the most words of a question that may be a heading
_MAX_QUESTION_WORDS = 4
#: ... and of one in Title Case
_MAX_TITLED_QUESTION_WORDS = 8


def _normalise(title: str) -> str:
    t = title.lower().replace("’", "").replace("'", "").replace("&", " and ")
    return " ".join(_NORMALISE_RE.sub(" ", t).split())


#: an ellipsis ending a line ("...", ". . .", "…"): the title trails off, no sentence ends
_TRAILING_OFF_RE = re.compile(r"(?<=\w)[ \t]*(?:\u2026|\.(?:[ \t]?\.){2,})[ \t]*$")


def classify_heading(line: str) -> str | None:
    """The section a heading line opens, or ``None`` if the line is not a known heading.

    >>> classify_heading("What you'll do:")
    'responsibilities'
    >>> classify_heading("NICE TO HAVE")
    'preferred'
    >>> classify_heading("We use Python daily.") is None
    True
    """
    s = line.strip()
    if not s or len(s) > 120 or _BULLET_RE.match(s):
        return None
    # a title trailing off: "Minimum Qualifications...", "About Acme. . .", "About you…"
    s = _TRAILING_OFF_RE.sub("", s) or s
    phrase = _phrase_heading(s)
    if phrase is not None:
        return phrase
    if ":" not in s:
        # cheap rejections before the cue search (most lines of prose): a whole-line heading
        # ends without sentence punctuation and, once undecorated, starts in upper case
        end = s.rstrip("*_#").rstrip()
        if not end or _ends_sentence(end) or (s[0].islower() and not _DECORATION_RE.match(s)):
            return None
    if not _ANY_CUE.search(s.lower().replace("'", "").replace("’", "").replace("-", " ")):
        return None
    s = _DECORATION_RE.sub("", s).strip().strip("*_#").strip()
    head, colon, rest = s.partition(":")
    head = head.strip()
    if not head:
        return None
    if not colon:
        # a whole-line heading: no sentence punctuation at the end
        if _ends_sentence(head) or len(head) > 70:
            return None
    # drop a parenthetical note: "Requirements (must have)" -> keep both words for matching
    title = _normalise(head)
    words = title.split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    if not colon and not _looks_like_heading(head):
        return None
    if _META_RE.search(title) or _DEGREE_NAME_RE.match(title):
        return None
    if not colon and _STATEMENT_RE.match(title):
        return None
    if _ITEM_RE.match(title):
        # with a colon too: "Experience with two of the following languages: Java, Scala"
        return None
    if _OTHER_RE.match(title):
        return "other"
    return _cue_section(title, head, items=bool(rest.strip()))


def _cue_section(title: str, head: str, *, items: bool = False) -> str | None:
    """The section of the first cue the normalised ``title`` matches, unless it is a role
    or (``items``: text follows the title's colon) one certificate's entry."""
    for name, pattern in _CUE_RES:
        if pattern.search(title):
            if name == "certifications" and items and not _CERTIFICATES_RE.search(title):
                return None  # "Cambridge College Certificate : Negotiation and Conflict ..."
            if name in _RESUME_BODY and _is_role_line(title, head, name):
                return None
            if name == "education" and _TUITION_RE.search(title):
                return None  # "Tuition Assistance Life-Long Learning & Education": a benefit
            if name == "benefits" and _BENEFITS_WORK_RE.search(title):
                return None
            if (
                name == "skills"
                and _SCHOOL_RE.search(title)
                and not _STRONG_SKILLS_RE.search(title)
            ):
                return None  # "Pohang University of Science and Technology": a school
            return name
    return None


#: the longest line :func:`_phrase_heading` reads
_MAX_PHRASE_CHARS = 80
_PHRASE_RES = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("requirements", _CANDIDATE_HEADING),
        ("preferred", _PREFERRED_HEADING),
        ("benefits", _OFFER_HEADING),
        ("responsibilities", _TASKS_HEADING),
        ("about", _COMPANY_QUESTION),
    )
)
_PHRASE_END_RE = re.compile(r"(?:\s|:|\?|!|\u2026|-|(?:\.\s?){2,})+$")
_PHRASE_NOTE_RE = re.compile(r"\s*\([^()]*\)$")


def _phrase_heading(line: str) -> str | None:
    """The section a whole-line title in the words of a sentence opens ("Who we are looking
    for", "You'd be a great fit if...", "What we'll offer you"), whatever its case and
    however it ends (":", "?", "..."), or ``None``."""
    low = line.lower()
    if len(line) > _MAX_PHRASE_CHARS or not any(w in low for w in _PHRASE_WORDS):
        return None
    head = _PHRASE_END_RE.sub("", _DECORATION_RE.sub("", line).strip().strip("*_#"))
    # a note in parentheses after the title: "What we are expecting from you (i.e., the
    # qualifications you must have)"
    head = _PHRASE_END_RE.sub("", _PHRASE_NOTE_RE.sub("", head)) or head
    if not head or head.endswith(".") or ":" in head:
        return None
    title = _normalise(head)
    for name, pattern in _PHRASE_RES:
        if pattern.match(title):
            return name
    return None


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends as a sentence does; a short question or exclamation is a
    heading ("Who Are We?", "Why Acme?", "Preferred Skills!")."""
    last = line[-1]
    if last in "?!":
        # a longer one in Title Case too: "Why We're Proud To Be Mavens!" (glassdoor-0435,
        # whose awards under it were read as asked: "Google Cloud ... Partner of the Year")
        words = line.rstrip("?!").split()
        return len(words) > _MAX_QUESTION_WORDS and not (
            len(words) <= _MAX_TITLED_QUESTION_WORDS and _title_case(line.rstrip("?!"))
        )
    return last in ".,;"


def _is_role_line(title: str, head: str, name: str) -> bool:
    """A job line, not a heading: a title word, or (skills) "Stack Developer, Acme, NY"."""
    if not _TITLE_WORDS.isdisjoint(title.split()):
        return True
    if name != "skills" or _STRONG_SKILLS_RE.search(title):
        return False
    _, comma, after = head.partition(",")
    return bool(comma and after.strip())


_SMALL_WORDS = frozenset("and or of the to for a an in on with we you".split())


def _looks_like_heading(head: str) -> bool:
    """A colon-less line is a heading if it is ALL CAPS, Title Case or a short phrase."""
    letters = [c for c in head if c.isalpha()]
    if not letters:
        return False
    if head[0].islower() and not all(c.isupper() for c in letters):
        return False  # a wrapped line's continuation ("resolution and project"), no heading
    # "What you'll do" / "Nice to have" (sentence case) are accepted when short
    return _title_case(head) or len(_words(head)) <= 4


def _words(head: str) -> list[str]:
    return [w for w in re.split(r"\s+", head) if w[:1].isalpha()]


def _title_case(head: str) -> bool:
    """Whether ``head`` is ALL CAPS or Title Case (its small words aside)."""
    letters = [c for c in head if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in _words(head))


def detect_sections(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into contiguous ``(start, end, section)`` ranges covering all of it.

    Adjacent ranges with the same name are merged. An empty text gives ``[]``.

    Args:
        text: the document text (any ``str``; no error is raised for any text).

    Returns:
        ``(start, end, section)`` character ranges in text order; ``section`` is one of the
        section names of :mod:`jobmatch.extract.sections` (``skills``, ``experience``,
        ``education``, ``requirements``, ... or ``other``).

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> detect_sections("Acme builds robots.\\nRequirements:\\n- Python\\n")
    [(0, 20, 'other'), (20, 43, 'requirements')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not text:
        return []
    return _sections(text)[0]


def sections_and_headings(
    text: str,
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """:func:`detect_sections` of ``text``, and its heading lines: ``(start, end, section)``
    of the title of each line read as a heading (the words before any colon, decoration
    aside), also one that goes on with the section before it ("Teaching Experience" after
    "Experience")."""
    if not text:
        return [], []
    return _sections(text)


def stack_parts(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The parts of the Skills section ``text[start:end]`` of a posting: the part under a
    heading naming the company's stack (``STACK_TITLE``) is ``preferred`` (what the company
    works with, which a candidate may know; a resume's "Tech Stack" stays its skills), read
    by the rules of :func:`detect_sections`: a labelled line under it ("Languages: Go,
    TypeScript") is an item of its list, a heading of its own ("THE SKILL SET") ends it.

    >>> stack_parts("Our Tech Stack:\\nLanguages: Go\\nSKILLS\\nPython\\n", 0, 44)
    [(0, 30, 'preferred'), (30, 44, 'skills')]
    """
    parts, _ = _sections(text[start:end], stack=True)
    return [(start + a, start + b, "skills" if n == "other" else n) for a, b, n in parts]


# classify_heading depends on the line alone, and headings, bullets and boilerplate lines
# come back across postings and resumes: the cue search alone costs ~17 us a line
_heading_of = lru_cache(maxsize=HEADING_MEMO_LINES)(classify_heading)


def _field_label(line: str) -> bool:
    """Whether ``line`` is the label of a job board's field, alone on its line ("Industry:",
    "Experience level:", "Job type:"): the next line is its value, never a heading."""
    head, colon, rest = line.strip().partition(":")
    if not colon or rest.strip() or len(head) > 40:
        return False
    title = _normalise(head)
    return bool(_META_RE.search(title) or _FIELD_RE.match(title))


def _list_item(line: str) -> bool:
    """Whether a heading-like ``line`` reads as an item of a list: no colon, and in the case
    of a sentence (neither Title Case nor ALL CAPS)."""
    s = _DECORATION_RE.sub("", line.strip()).strip().strip("*_#").strip()
    return ":" not in s and not _title_case(s)


def _closes_list(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` closes the list it stands in: right after an
    item (no blank line between) and before a blank line or the end. "Healthcare Industry
    Experience" as the last item under "Preferred Qualifications" (glassdoor-0598) is no
    Experience heading, whose body would be empty or the next paragraph."""
    if not _after_text_line(text, start):
        return False
    after = text[end:]
    return not after.strip() or not after.partition("\n")[0].strip()


def _after_text_line(text: str, start: int) -> bool:
    """Whether the line at ``start`` follows a line of text that is no heading, with no
    blank line between (found backwards from ``start``, without copying the text before)."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    if at == 0 or text[at - 1] != "\n":
        return False
    prev = text[text.rfind("\n", 0, at - 1) + 1 : at - 1]
    return bool(prev.strip()) and _heading_of(prev) is None


#: a line naming a degree by its level, no more: "Bachelor's Degree", "- Master's degree",
#: "PhD degree" (not "Education", "Degree and certifications")
_DEGREE_ITEM_RE = re.compile(
    r"[^\w\n]*(?:bachelor|master|doctor(?:al|ate)?|associate|ph\.?[ \t]?d\.?)['\u2019]?s?"
    r"(?:[ \t]+degree)?[ \t]*(?:\((?:or[ \t]+equivalent|preferred|required)\))?[ \t]*$",
    re.IGNORECASE,
)
#: the sections of what a posting asks: a skills label with its items on its line
#: ("Languages: Chef, R") stays in them
_ASKED = frozenset({"requirements", "preferred"})
#: the sections whose label with items on its line is an item of an asked list
_LABELLED_ITEMS = frozenset({"skills", "certifications"})


def _sections(
    text: str, *, stack: bool = False
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    out: list[tuple[int, int, str]] = []
    heads: list[tuple[int, int, str]] = []
    cur_start, cur_name = 0, "other"
    value = False  # this line is the value of a field labelled on the line before

    def opens(start: int, name: str) -> None:
        nonlocal cur_start, cur_name
        if name == cur_name:
            return
        if start > cur_start:
            out.append((cur_start, start, cur_name))
        cur_start, cur_name = start, name

    for m in _LINE_RE.finditer(text):
        line = m.group()
        if not line:
            break
        # cheap pre-filters: headings are short; a long line is one only with an early colon
        # (a title in the words of a sentence may run to its colon at the end: "We'll also
        # want to know you can demonstrate some or all of these attributes:")
        if len(line) > _MAX_HEADING_LINE or (
            len(line) > 72
            and line.find(":", 0, 73) < 0
            and not (len(line) <= _MAX_PHRASE_CHARS + 2 and line.rstrip().endswith(":"))
        ):
            value = False
            for at, section, titled in _long_line_headings(line):
                opens(m.start() + at, section)
                if titled:
                    heads.append((*_title_span(line, m.start()), section))
            continue
        if value and line.strip():
            # "Industry:" / "Banking Financial Services Financial Technology": a value, not
            # a "technology" heading opening a skills section
            value = False
            continue
        if line.strip():
            value = line.rstrip().endswith(":") and _field_label(line)
        name = _heading_of(line)
        if name in _LABELLED_ITEMS and cur_name in _ASKED and line.partition(":")[2].strip():
            # "Preferred:" / "Additional Languages: Chef, R, Javascript", "Certifications:
            # CBIP, ITIL": a labelled item of the list it stands in, no section of its own
            continue
        if (cur_name in _ASKED and _asked_item(text, m.start(), m.end(), name)) or (
            name == "education" and _described_item(text, m.start(), line)
        ):
            continue
        if name is not None:
            name = _stack_heading(line, name, stack=stack)
            opens(m.start(), name)
            heads.append((*_title_span(line, m.start()), name))
            continue
        for at, inline in inline_headings(line):
            opens(m.start() + at, inline)
    out.append((cur_start, len(text), cur_name))
    return out, heads


def _asked_item(text: str, start: int, end: int, name: str | None) -> bool:
    """Whether the heading-like line ``text[start:end]``, under a list of what is asked, is
    an item of it: "Customer technical support experience" under "Nice to Have", "Strong
    communication skills" under "Requirements" (in the case of a sentence; an Experience
    heading would make the preferred items required), and a degree named alone: "Preferred
    Qualifications:" / "Master's Degree" (skillspan-train-tech-013, whose Education section
    took the preferred items after it for required)."""
    line = text[start:end]
    if name == "education" and _DEGREE_ITEM_RE.match(line):
        return True
    return name in _RESUME_BODY and (_list_item(line) or _closes_list(text, start, end))


#: what an Education label's text names when it is the section's: a degree, a school, a
#: qualification or a year ("Education: BSc Physics", "Education: Stanford University")
_SCHOOLING_RE = re.compile(
    r"\d|\b(?:degrees?|diplomas?|bachelor|master|doctor|ph\.?\s?d|mba|b\.?\s?sc?|m\.?\s?sc?"
    r"|b\.?a|m\.?a|b\.?eng|m\.?eng|ged|school|college|universit\w*|institut\w*|academy"
    r"|qualifications?|equivalent|requirements?|required|preferred|graduate\w*)\b",
    re.IGNORECASE,
)


def _described_item(text: str, start: int, line: str) -> bool:
    """Whether an Education label with a sentence after it, right after a line of text, is
    an item of a list the company describes itself in: "What do we do:" / "... Ideation
    design training engineering to product development ." / "Professional Education:
    High-impact training courses taught by practitioners ( Agile and Lean methodologies) ."
    (skillspan-dev-tech-001, whose Education section required Agile and Lean). The text
    names no degree, school, qualification or year and runs to five words or more."""
    rest = line.partition(":")[2].strip()
    if len(rest.split()) < 5 or _SCHOOLING_RE.search(rest):
        return False
    return _after_text_line(text, start)


def _stack_heading(line: str, name: str, *, stack: bool) -> str:
    """The section a heading ``line`` of section ``name`` opens: with ``stack`` (a
    posting's Skills section, :func:`stack_parts`), "Our Tech Stack:" opens the preferred
    part, the stack the company uses."""
    if stack and name == "skills" and _STACK_LINE_RE.match(line.partition(":")[0]):
        return "preferred"
    return name


#: the posting sections a long line's label may open (not benefits: "Salary: £35,000 –
#: £45,000 Here at ... we are changing the way ..." is a field and the company's words)
_LABELLED_SECTIONS = frozenset({"requirements", "preferred", "responsibilities"})


def _long_line_headings(line: str) -> list[tuple[int, str, bool]]:
    """The sections a long line opens: ``(offset, section, whether it is the line's own
    label)`` for its label (:func:`_long_line_label`) and the headings run into it further
    on (:func:`inline_headings`: "... Preferred Qualifications: ...")."""
    label = _long_line_label(line)
    out = [(0, label, True)] if label is not None else []
    past = line.find(":") + 1 if label is not None else 0
    out += [(at, name, False) for at, name in inline_headings(line) if at >= past]
    return out


def _long_line_label(line: str) -> str | None:
    """The posting section a long line's label opens, the items on the line itself: "Main
    tasks in the position are: Responsible for capacity planning of ..." (the rebuilt
    SkillSpan postings join a list into one line; skillspan-dev-house-052's tasks were read
    as a company's words). Only a label before a colon within the first 72 characters, and
    only the sections of what a posting asks or the job does."""
    colon = line.find(":", 0, 73)
    if colon < 0:
        return None
    name = _heading_of(line[: colon + 1])
    return name if name in _LABELLED_SECTIONS else None


def _title_span(line: str, at: int) -> tuple[int, int]:
    """The offsets of a heading line's title: its words before any colon, without the
    decoration ("## ", "1. ", "**") around them (``at`` is the line's offset)."""
    head = line.partition(":")[0].rstrip()
    lead = len(head) - len(head.lstrip())
    deco = _DECORATION_RE.match(head, lead)
    start = deco.end() if deco is not None else lead
    while start < len(head) and head[start] in "*_#":
        start += 1
    end = len(head.rstrip("*_# \t\r\n"))
    return at + start, at + max(start, end)


# A heading run into a line of text, as the rebuilt SkillSpan postings and pasted ads have
# them: "... Perform necessary analysis Requirements: 5 years of supply chain experience",
# "REQUIREMENTS & QUALIFICATIONS 3+ years relevant work experience BA/BS degree ...",
# "... a high-quality medical software product Your Profile  Bachelor or Masters degree".
# Only the posting sections that say what is asked or done (requirements, preferred,
# benefits, responsibilities), in the capitals of a title, followed by a colon, two spaces
# or the capital (digit, bracket) of their first item; mid-line, the word before is no
# capitalised word ("Functional Requirements Specifications" is a name).
#: the title of a heading naming the company's stack, in the capitals of a title: "Our Tech
#: Stack", "THE TECH STACK", "Tools & Services", "Technologies we use", "THE STACK". One
#: definition serves both forms of the heading: run into a line (``_INLINE_PREFERRED``) and
#: alone on its line, in any case ("Our Core tech stack"), where a posting reads the part
#: under it as preferred (:func:`stack_parts`). A bare "Stack" names no stack ("Stack
#: Overflow", "Full Stack Developer"): only with "our" or "the"
STACK_TITLE = (
    r"(?:(?:Our|OUR|The|THE) )?(?:(?:Core|CORE) )?"
    r"(?:Tech(?:nology)? [Ss]tack|TECH(?:NOLOGY)? STACK|Tools (?:&|and) Services"
    r"|TOOLS (?:&|AND) SERVICES|Technologies [Ww]e [Uu]se|TECHNOLOGIES WE USE)"
    r"|(?:Our|OUR|The|THE) (?:(?:Core|CORE) )?(?:Stack|STACK)"
)
#: a heading line naming the stack: its title (before any colon), decoration aside, in any
#: case, and at most a short note after it ("Our Tech Stack (a selection)")
_STACK_LINE_RE = re.compile(rf"[^\w\n]*(?:{STACK_TITLE})\b[^\n]{{0,20}}$", re.IGNORECASE)

_INLINE_REQUIRED = (
    r"(?:(?:Basic|Minimum|Required|Key|Other|Job|Candidate|Your|Professional|Personal)"
    r" )?[Qq]ualifications|(?:Basic |Minimum |Key |Job |Candidate )?Requirements"
    r"(?: (?:&|and) [Qq]ualifications)?|(?:BASIC |MINIMUM |KEY )?REQUIREMENTS"
    r"(?: (?:&|AND) QUALIFICATIONS)?|(?:BASIC |MINIMUM |KEY )?QUALIFICATIONS"
    r"|Your [Pp]rofile|YOUR PROFILE|Your [Ss]kills|YOUR SKILLS"
    r"|Required (?:Skills|Experience)(?: (?:&|and) (?:Technologies|Skills|Qualifications))?"
    r"|Who [Ww]e [Aa]re [Ll]ooking [Ff]or|About [Yy]ou|ABOUT YOU|Must [Hh]aves?(?=[ \t]*:)"
    r"|What [Yy]ou [Bb]ring(?: [Tt]o [Tt]he [Tt]able)?|WHAT YOU BRING(?: TO THE TABLE)?"
    r"|Essential (?:[Ss]kills|[Ee]xperience|[Qq]ualifications|[Rr]equirements)"
    r"(?: (?:&|and) (?:[Ss]kills|[Ee]xperience|[Aa]bilities|[Qq]ualifications))?"
    r"|ESSENTIAL (?:SKILLS|EXPERIENCE|QUALIFICATIONS|REQUIREMENTS)"
)
_INLINE_PREFERRED = (
    r"Preferred (?:Qualifications|Skills|Experience)|PREFERRED QUALIFICATIONS"
    r"|Desired (?:Experience|Skills|Qualifications)|Nice to [Hh]ave|NICE TO HAVE"
    r"|Good to [Hh]ave|GOOD TO HAVE"
    r"|Desirable (?:[Ss]kills|[Ee]xperience|[Qq]ualifications)"
    r"(?: (?:&|and) (?:[Ss]kills|[Ee]xperience|[Qq]ualifications))?"
    r"|DESIRABLE (?:SKILLS|EXPERIENCE|QUALIFICATIONS)"
    # the company's stack, which a candidate may know: "Tools & Services ... On AWS: Docker
    # on ECS Lambda ...", "Tech Stack: ..." (preferred, as the stack it says it uses)
    rf"|{STACK_TITLE}"
)
_INLINE_RESPONSIBILITIES = (
    r"(?:Key |General |Main |Primary |Job |Your |YOUR )?(?:Responsibilities|RESPONSIBILITIES)"
    r"|(?:Key|General|Main|Primary|Job|Your) responsibilities"
    r"|(?:Your |Key )?Tasks|(?:Your|Key) tasks|YOUR TASKS"
    r"|What [Yy]ou(?:'ll|\u2019ll| will) [Dd]o|WHAT YOU WILL DO"
)
# "We offer" before the text of the job ("We Offer As Technical Safety Engineer you will be
# ...") is no benefits heading: only before a colon, two spaces or a bullet
_INLINE_BENEFITS = (
    r"What [Ww]e [Oo]ffer|WHAT WE OFFER|We [Oo]ffer(?=[ \t]*[:\u0095\u2022]|[ \t]{2})"
    r"|Benefits|BENEFITS|(?:Job|Employee|Your) benefits(?=[ \t]*:)"
    r"|What can (?:we|<ORGANIZATION>|[A-Z]\w+) offer(?: you)?\?"
    r"|What makes (?:this|the|our) (?:job|role|position|opportunity) (?:great|unique|special)"
)
_INLINE_HEADING_RE = re.compile(
    # every heading starts with a capital: the lookahead lets the search skip the others
    rf"(?=[A-Z])(?:(?P<requirements>{_INLINE_REQUIRED})|(?P<preferred>{_INLINE_PREFERRED})"
    rf"|(?P<benefits>{_INLINE_BENEFITS})|(?P<responsibilities>{_INLINE_RESPONSIBILITIES}))"
    # a colon, two spaces, or the first item; not a name going on ("Requirements Engineering")
    r"(?:[ \t]*:[ \t]*|[ \t]{2,}|[ \t]+(?=[A-Z0-9(<\u2022\u25aa\u25cf\u0095*]|-\s)"
    r"(?!(?:Engineering|Analysis|Management|Specifications?|Gathering|Documents?|Elicitation"
    r"|Framework|Package|Plan|Administration)\b)"
    # or the line's end: "... ( HIPAA FISMA GDPR FedRAMP ) Desired Experience" (the rebuilt
    # SkillSpan postings run a heading into the end of the line before its items)
    r"|(?=[ \t]*(?:\r?\n|$)))"
)


#: the first four characters a run-in heading can start with (a match of
#: ``_INLINE_HEADING_RE`` starts with one of them; tests/extract/test_sections.py derives them
#: from the pattern): the heading pattern, which ``re`` would try at every capital, is tried
#: only where one of these stands, and most lines hold none. A union of literals starting
#: with a capital: ``re`` skips the other characters in C
_INLINE_STARTS = (
    "ABOU Abou BASI BENE Basi Bene Cand DESI Desi ESSE Empl Esse GOOD Gene Good Job KEY Key MINI"
    " Main Mini"
    " Must NICE Nice OUR Othe Our PREF Pers Pref Prim Prof QUAL Qual REQU RESP Requ Resp TECH"
    " TOOL Task Tech Tool WHAT What Who YOUR Your CORE Core"
).split() + ["We O", "We o", "The ", "THE "]
_INLINE_START_RE = re.compile("|".join(_INLINE_STARTS))

#: a heading in the words of a phrase ("Good to have", "What you bring to the table", "Who
#: we are looking for") names nothing: it is run in after a capitalised word too ("...
#: Fluent in English Good to have Experience in ...")
_PHRASE_RE = re.compile(r"\S+ (?:to|you|we)\b", re.IGNORECASE)


def inline_headings(line: str) -> list[tuple[int, str]]:
    """The headings run into ``line`` (not a heading itself), as ``(offset, section)``: at
    its start with text after it and no colon, or after a word that is not capitalised; one
    ending the line with its colon ("... ( ETL processes etc. ) Job benefits:") opens where
    it starts, so the item before it does not read its words.

    >>> inline_headings("Perform necessary analysis Requirements: 5 years of experience")
    [(27, 'requirements')]
    """
    out: list[tuple[int, str]] = []
    lead = -1  # the line's leading white space, measured on the first heading found
    pos = 0
    # the matches finditer would give: the heading is tried where a start of one stands,
    # from the end of the last match on
    while (start := _INLINE_START_RE.search(line, pos)) is not None:
        m = _INLINE_HEADING_RE.match(line, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        if lead < 0:
            lead = len(line) - len(line.lstrip())
        at, pos = m.start(), m.end()
        glued = glued_heading(line, at, m.group())
        if at == lead:
            if ":" in m.group() and len(line) <= _MAX_HEADING_LINE:
                continue  # "Requirements: Python, SQL" is a heading line
        elif not (glued or _after_text(line, at) or _PHRASE_RE.match(m.group())):
            continue
        if not (glued or line[m.end() :].strip()):
            if ":" in m.group() and at != lead:
                # "... big data tools ( ETL processes etc. ) Job benefits:" / "Private health
                # insurance": a heading ending a line of text opens where it starts (not the
                # next line: "... Google Cloud ) Preferred Qualifications:" preferred the
                # cloud, skillspan-train-tech-013)
                out.append((at, m.lastgroup or "other"))
            elif at != lead and _ends_with_title(m.group(), m.lastgroup):
                # "... ( HIPAA GDPR FedRAMP ) Desired Experience": a title of two words or
                # more ends the line without a colon; it opens where it starts, so the
                # item before it does not read its words ("Desired" would prefer it)
                out.append((at, m.lastgroup or "other"))
            continue
        out.append((at, m.lastgroup or "other"))
    return out


def _ends_with_title(heading: str, section: str | None) -> bool:
    """A run-in heading that ends its line with no colon opens a section only when it asks
    or prefers and has two words or more ("Desired Experience", "Preferred Qualifications";
    not "... meet the minimum Requirements")."""
    return section in _ASKED and len(heading.split()) >= 2


def glued_heading(line: str, at: int, heading: str) -> bool:
    """Whether the run-in ``heading`` at ``line[at:]`` is glued to the word before it, with
    its colon: the line break between a title and the heading was lost ("Data Science
    ManagerResponsibilities:"). It opens its section even at the end of the line."""
    return at > 0 and line[at - 1].islower() and ":" in heading


def _after_text(line: str, at: int) -> bool:
    """Whether ``line[at:]`` follows a word of running text: white space before it, and a
    word before that ending a sentence or not capitalised ("analysis Requirements")."""
    before = line[:at]
    if not before[-1:].isspace():
        return False
    words = before.split()
    if not words:
        return False
    word = words[-1]
    return word[-1] in ".)!?,;" or word[0].islower() or word[0].isdigit()


def section_at(sections: Sequence[tuple[int, int, str]], offset: int) -> str:
    """The name of the section holding character ``offset`` (``other`` if none)."""
    i = bisect_right([s[0] for s in sections], offset) - 1
    if i < 0 or offset >= sections[i][1]:
        return "other"
    return sections[i][2]
