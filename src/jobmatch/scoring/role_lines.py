"""The lines of a resume's role sections: header, date, place or description, and the title,
employer and kind a header line gives.

Vocabulary and patterns only (job-title words, anonymised placeholders, places, page footers,
durations, the verbs that open duties); :mod:`jobmatch.scoring.roles` pairs the lines into
entries. Pure functions over text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .dates import DateRange, find_ranges

__all__ = [
    "ROLE_WORDS",
    "TRIM",
    "classify_line",
    "footer_lines",
    "has_role_word",
    "is_company",
    "is_place",
    "lead_title",
    "line_parts",
    "looks_like_date",
    "role_kind",
    "restated_as_internship",
    "RUN_ON_WORDS",
    "runs_on",
    "strip_placeholder",
    "title_part",
    "trim",
    "is_certification",
    "is_state",
    "names_organisation",
    "prose_role",
]

# head words of job titles (singular; a trailing "s" is allowed by the check)
ROLE_WORDS = frozenset(
    """
    developer engineer architect manager lead leader head senior junior intern internship
    trainee apprentice consultant specialist administrator admin analyst scientist
    researcher research director officer technician coordinator associate assistant
    representative programmer designer teacher lecturer professor instructor tutor
    supervisor agent accountant auditor nurse physician doctor chef cook clerk cashier
    driver editor writer founder cofounder co-founder owner partner president vp chief
    member volunteer fellow postdoc student advisor adviser counselor therapist
    coach trainer operator mechanic electrician technologist executive strategist
    planner buyer sales salesperson marketer recruiter secretary receptionist host
    hostess server bartender attendant aide tester maintainer creator contractor
    freelancer principal staff head medic paralegal attorney lawyer pharmacist generalist
    landscaper estimator inspector investigator adjuster provider advocate worker painter
    dishwasher porter housekeeper janitor guard soldier sergeant nanny caregiver
    chair chairman chairperson superintendent expert examiner
    """.split()
)
# words of a line of work, a department or a trade: a header line of them names the work
# where a title stands ("Customer Service", "Business Development", "Cash Vault", "Front
# desk"), not an employer
_WORK_WORDS = frozenset(
    """
    service services customer client development management business finance financial
    accounting account accounts receivable receivables payable payables sales marketing
    operations operation support administration administrative freelance consulting
    contract vault cash teller unit investigative investigations claims billing payroll
    logistics warehouse maintenance production security retail wholesale hospitality
    reception front desk teaching tutoring nursing care healthcare research engineering
    design it hr human resources legal compliance audit banking treasury insurance
    purchasing procurement shipping receiving inventory quality safety construction
    delivery driving cleaning catering kitchen cooking culinary transportation passenger
    recruiting recruitment training education editorial writing tax lending loan loans
    mortgage underwriting collections collection dispatch fundraising outreach events
    social media communications public relations publishing photography graphic web
    software data network systems technical technology desktop helpdesk field lab
    laboratory clinical medical patient dental pharmacy childcare daycare landscaping
    housekeeping food beverage bar self-employed devops machine learning ai ml cloud
    infrastructure backend back-end frontend front-end full-stack fullstack mobile android
    ios qa testing analytics product platform reliability science sciences
    """.split()
)
# agent nouns and short titles outside ROLE_WORDS ("Barista", "Welder", "Machinist",
# "Translator", "Lieutenant", "Paramedic", "Sommelier", "Surgeon", "RN", "SRE")
_AGENT = re.compile(
    r"(?:[a-z]{3,}(?:er|or|ist|ian|man|woman|ista|ant|ent|ic|ier|eon)s?|waitress|actress"
    r"|seamstress|rn|lpn|cna|emt|cpa|ceo|cfo|coo|cto|cio|svp|evp|avp|sre|swe|sde|dba|bdr|sdr"
    r"|csr|pm|pilot|captain|mate|crew|staff)"
)
_COMPANY = re.compile(
    r"\b(?:inc|corp|corporation|co|ltd|llc|gmbh|plc|company|group|organization|labs?"
    r"|technologies|solutions|university|college|hospital|bank)\b\.?",
    re.IGNORECASE,
)
# the anonymised employer and place of some resume sites ("Company Name ï¼ City , State")
_PLACEHOLDER = re.compile(
    # "Company Name City Finance Officer": the anonymised place without its state
    r"\bcompany name\s+city\b(?=\s+(?-i:[A-Z])(?!tate\b))"
    r"|\bcompany name\b(?:\s*(?:ï¼|\ufffd|[-–,:/])?\s*(?:city\s*,\s*)?state\b)?"
    r"(?:\s*,\s*(?:usa|india|[A-Z][a-z]+))?|(?:^|\s)city\s*,\s*state\b",
    re.IGNORECASE,
)
# the two-letter codes of states, provinces and countries that end a place ("Austin, TX",
# "Pune, MH", "Toronto, ON", "Berlin, DE"); other capitals are no place ("Aviation
# Mechanist Mate, AD": a Navy rating)
_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV"
    " NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI"
    " AB BC MB NB NL NS NT NU ON PE QC SK YT"
    " AP AS BR CG CT GA GJ HR HP JK JH KA KL MP MH ML MZ OD PB RJ TS TG TR UP UK WB"
    " US FR ES IT CH SE NO DK FI IE BE AT PL PT CN JP KR SG HK AE BR MX NZ ZA IL RU UA NG KE"
    " PK BD LK PH MY TH VN TW EG SA TR GR CZ HU RO AU"
).split()
_STATES = (
    r"(?:(?-i:" + "|".join(sorted(set(_CODES))) + r")\b|State|USA|U\.S\.A\.?|US|UK|S\.Korea"
    r"|Korea|India|Canada|Germany|France)"
)
# up to four capitalised words, one space between them (no optional separator: "\s?" between
# words made the pattern backtrack exponentially on a long run of letters)
_PLACE_WORDS = r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s?"
_PLACE = re.compile(
    rf"^(?:{_PLACE_WORDS},\s*)?{_PLACE_WORDS},\s*{_STATES}\.?"
    rf"(?:\s*&\s*.+)?$|^city\s*,\s*state$|^(?:online|remote|[A-Z]\.?\s?Korea|S\.Korea)$",
    re.IGNORECASE,
)
_PLACE_MAX = 120
_BULLET = re.compile(r"^[•\-*●▪◦‣–·]\s*")
# the bullet glyphs (not the dashes and asterisks that may open a title or an emphasis)
_BULLET_GLYPH = re.compile(r"^[•●▪◦‣·]")
_ABBREV_END = re.compile(r"\b(?:inc|corp|co|ltd|jr|sr|st|dept|u\.s\.a|a\.i)\.$", re.IGNORECASE)
_PAGE = re.compile(r"^(?:\d{1,2}|\d{1,2}\s*/\s*\d{1,2}|page \d+(?: of \d+)?)$", re.IGNORECASE)
TRIM = " \t,;:|/–—-•·*()[]ï¼\ufffd"


def trim(text: str) -> str:
    """``text`` stripped of the separators :data:`TRIM` around it, but for a parenthesis
    that closes or opens one kept inside ("Specialist III (Drupal Dev) / " is "Specialist III
    (Drupal Dev)", not "... (Drupal Dev")."""
    a = len(text) - len(text.lstrip(TRIM))
    b = len(text.rstrip(TRIM))
    if a >= b:
        return ""
    while b < len(text) and text[b] == ")" and text.count("(", a, b) > text.count(")", a, b):
        b += 1
    while a > 0 and text[a - 1] == "(" and text.count(")", a, b) > text.count("(", a, b):
        a -= 1
    return text[a:b]


_VERB_CUT = re.compile(r"\s+[A-Z][a-z]+(?:ed|ly|ing)\b.*$")
# a long title runs on into a sentence at a verb followed by a lower-case word ("... Manager
# Managed a team of ..."); before a capitalised one it is a word of the title ("Chief
# Operating Officer and Executive Team Member")
_TITLE_VERB_CUT = re.compile(r"\s+[A-Z][a-z]+(?:ed|ly|ing)\s+[a-z].*$")
# the internship words of the other languages resumes are written in: Indonesian ("Junior
# Auditor (Magang)", "Praktik Kerja Lapangan"), German, French, Dutch, Spanish, Portuguese,
# Italian; not the French "stage", an English word too ("Stage Manager"). They are job-title
# words too: "Pasante de Contabilidad" names a role, not an employer
_INTERN_ABROAD = (
    r"magang|praktik\s+kerja|praktikum|praktikant(?:in)?|werkstudent(?:in)?"
    r"|stagiaire|stagiair|pasante|pr[aá]cticas|est[aá]gio|estagi[aá]ri[oa]"
    r"|tirocinante|tirocinio|stagista"
)
_INTERN_ABROAD_WORD = re.compile(rf"\b(?:{_INTERN_ABROAD})\b", re.IGNORECASE)
_INTERN = re.compile(
    r"\b(?:intern|interns|internship|trainee|apprentice|co-?op|summer"
    # "Student Accounts Representative", "Student Services Coordinator": a department's
    r"|student(?!\s+(?:advis|servic|affair|success|counsel|develop|life|activit|recruit"
    r"|account|loan|financ|record|housing|enrol|admission))"
    r"|teaching assistant|research assistant"
    # a doctoral student's role ("PhD Candidate", "Ph.D. Student", "Doctoral Researcher")
    r"|(?:ph\.?\s?d\.?|doctoral)\s+(?:candidate|researcher)"
    rf"|{_INTERN_ABROAD})\b",
    re.IGNORECASE,
)
# a rank no intern holds: a season alone ("Summer 2021") is then a short job, not an
# internship ("Senior Machine Learning Engineer (part-time, remote)")
_SENIOR = re.compile(
    r"\b(?:senior|sr\.?|staff|principal|lead|head|chief|director|manager|vp|vice president)\b",
    re.IGNORECASE,
)
# the irregular past tenses that open a duty ("Met with national buyers", "Led weekly
# meetings"); they never open a title ("Led Engineering Team")
_IRREGULAR_PAST = tuple(
    (
        "met led built ran took made wrote sold taught won gave kept brought held oversaw drove"
        " grew began sent spent bought"
    ).split()
)
# a line opening with a verb is a duty, not a title ("Create dashboards ...", "Managed a
# team"); the -ed words that open titles (Registered Nurse) are exceptions
_VERB_START = re.compile(
    r"^(?!(?:registered|licensed|certified|chartered|qualified|advanced|accomplished"
    r"|dedicated|experienced|seasoned|skilled|talented|motivated|detailed)\b)"
    r"(?:[A-Z][a-z]+ed|(?:create|build|develop|manage|provide|assist|support|maintain"
    r"|prepare|perform|ensure|coordinate|work|handle|conduct|monitor|review|oversee"
    r"|implement|design|analy[sz]e|train|process|answer|greet|schedule|operate|organi[sz]e"
    r"|plan|serve|use|utili[sz]e|help|drive|deliver|collaborate|communicate|responsible"
    r"|establish|identify|resolve|track|update|write|negotiate|recruit|supervise"
    r"|participate|increase|reduce|improve|respond|deep|strong|excellent|proven|ability"
    r"|knowledge|proficient|familiar|duties|responsibilities|evaluate|represent|administer"
    r"|report|assess|hire|file|compile|recruitment|hiring|served|serving|do|make|teach"
    r"|sell|greet|clean|answer)s?"
    rf"|(?:{'|'.join(_IRREGULAR_PAST)}))\b",
    re.IGNORECASE,
)
# a duty opening with a verb's -ing form and going on in lower case ("Assisting the Sports
# Director with ...", "Creating flyers and postcards ..."); titles go on in capitals
# ("Managing Director") or with a job-title word ("Teaching assistant for ...")
_GERUND_START = re.compile(r"^[A-Z][a-z]{2,}ing\s+(?!and\b|or\b)([a-z][a-z'-]*)")
# a sentence opening with an article ("An active member in ...", "A key member of ..."):
# a title or an employer goes on in capitals ("A. O. Smith")
_ARTICLE_START = re.compile(r"^An?\s+[a-z]")
# what looks like a date the patterns could not read ("13/2019", "2019 - 45")
_DATEISH = re.compile(r"\b\d{1,2}\s*/\s*\d{2,4}\b|\b(?:19|20)\d\d\s*[-–]\s*\d+\b")
# the tail of "Title, Employer, City, ST, USA": a state or country is no employer
_PLACE_WORD = re.compile(r"^(?:[A-Z]{2}|USA|U\.S\.A\.?|UK|India|Canada)$")
# a duration printed in a date column ("4 months", "2 yrs 3 mos"): neither title nor date
_DURATION = re.compile(
    r"^\(?\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)(?:\s+\d+\s*(?:months?|mos?))?\)?$",
    re.IGNORECASE,
)
# a sentence ends, then another starts; not after an abbreviation ("Machine Learning
# Lab(Prof. Seungjin Choi)": a lab's name, not a sentence)
_SENTENCE_END = re.compile(
    r"(?<![A-Za-z])(?!(?:Prof|Dept|Univ|Corp|Mrs|Assn|Govt|Bros)\.)[A-Za-z]*[a-z]{2}[.!?]\s+"
    # a brand written with its stop before the company's suffix ends no sentence
    # ("Omnious. Co., Ltd.", "Yahoo! Inc."): awesome_cv's Software Architect lost its employer
    r"(?!(?:Co|Inc|Ltd|LLC|Corp|Corporation|GmbH|Pvt|Pte|PLC)\b)[A-Z]"
)
# a sentence run on after a label: "Customer service Worked as Landscaper in ... from Jan
# 2010 to May 2015" (capitalised: "Engineer, Acme, worked as a contractor" stays a header)
_WORKED_AS = re.compile(r"\s(?:Worked|Served|Employed|Working|Serving) as\s")
# a date a sentence names ("... key note speaker at the summit in 2017 and 2018"): the
# line's lower-case words run into "in", "during" or "by" before it; a role's date follows
# its title or employer, never such a word
_PROSE_DATE = re.compile(r"\b[a-z]{2,}\s+[a-z-]{2,}\s+(?:in|during|by)\s*$")
# a copyright's year ("Copyright (C) 2007 Free Software Foundation, Inc.", "© 2020 Jane
# Doe"): no one's job
_COPYRIGHT_DATE = re.compile(r"(?:\bcopyright|\(c\)|©)[\s(c)©,]*$", re.IGNORECASE)
_CERTIFICATION = re.compile(r"\bcertifi(?:ed|cate|cation)\b", re.IGNORECASE)
# a rank alone after a comma is part of the title, never an employer or a place ("VP,
# Principal", "Vice President, Director" of a bank or an asset manager)
_RANK_AFTER_COMMA = re.compile(
    r"(?:Senior|Principal|Director|Managing Director|Partner|Associate|Lead)"
    r"|(?:SENIOR|PRINCIPAL|DIRECTOR|MANAGING DIRECTOR|PARTNER|ASSOCIATE|LEAD)"
)
_VOLUNTEER = re.compile(r"\bvolunteer", re.IGNORECASE)


# pure functions of a string, asked again and again about the same header lines while an
# entry is built (each new line re-checks the titles before it): remembered per process
_MEMO = 4096


@lru_cache(maxsize=_MEMO)
def is_place(text: str) -> bool:
    """``Seoul, S.Korea``, ``San Francisco, CA``, ``City , State``, ``Online``."""
    s = " ".join(text.replace("ï¼", " ").replace("\ufffd", " ").split()).strip(TRIM)
    if len(s) > _PLACE_MAX:  # a place is a short line; this also bounds the regex work
        return False
    # (the substring test first: the pattern backtracks over the whole line when it fails)
    if "company name" in s.lower() and re.search(r"\w.*\bcompany name\b", s, re.IGNORECASE):
        return False  # "Landscaper Company Name, City , State": a title before the employer
    return bool(s) and _PLACE.match(s) is not None


def footer_lines(lines: Sequence[str]) -> set[int]:
    """Indices of page-footer lines: page numbers, and lines repeated next to one."""
    stripped = [" ".join(x.split()) for x in lines]
    counts = Counter(s for s in stripped if s)
    pages = [i for i, s in enumerate(stripped) if _PAGE.match(s)]
    out = set(pages)
    for p in pages:
        for j in range(max(0, p - 6), min(len(lines), p + 7)):
            if counts[stripped[j]] >= 2 and not is_place(stripped[j]):
                out.add(j)
    return out


# a candidate for a degree or a qualification holds a role ("PhD Candidate", "CPA
# Candidate"); "for the Candidate" alone names none
_CANDIDATE = re.compile(
    r"\b(?:ph\.?\s?d\.?|doctoral|doctorate|master'?s|mba|cpa|cfa)\s+candidate\b", re.IGNORECASE
)


def _is_role_word(word: str) -> bool:
    """A job-title word, singular or plural (lower case)."""
    return word in ROLE_WORDS or (word.endswith("s") and word[:-1] in ROLE_WORDS)


@lru_cache(maxsize=_MEMO)
def has_role_word(text: str) -> bool:
    """Whether ``text`` holds a job-title word (engineer, nurse, intern...)."""
    words = re.findall(r"[a-z][a-z-]*", text.lower())
    if any(_is_role_word(w) for w in words) or _INTERN_ABROAD_WORD.search(text):
        return True
    return "andidate" in text and _CANDIDATE.search(text) is not None


# a title named after a possessive, the rest capitalised ("their SERVICE CENTRE MANAGER",
# "our Sales Manager"): the line names a role, the possessive is no part of it
_POSSESSIVE_TITLE = re.compile(r"^(?:their|our|my|his|her)\s+(?=(?:[A-Z][\w&'-]*\s*){1,4}$)")


def names_organisation(text: str) -> bool:
    """Whether a title-less header line names an organisation rather than a role: none of
    its words (before a parenthesis) is a job-title word, an agent noun ("Barista",
    "Welder") or a word of a line of work ("Customer Service", "Cash Vault"): "Express
    Scripts", "Radio Shack", "Prime Communication (AT&T Authorized Retailer)"."""
    words = re.findall(r"[a-z][a-z'-]*", text.split("(")[0].lower())
    if not words or has_role_word(text.split("(")[0]):
        return False
    return not any(w in _WORK_WORDS or _AGENT.fullmatch(w) for w in words)


def _titled_head(s: str) -> bool:
    """Whether a line opening like a verb opens with a title: its first part (to a
    separator) is a few capitalised words ending in a job-title word ("Design Engineer,
    Acme", "Applied Scientist Intern", "Deep Learning Engineer", "Support Engineer"), not
    a duty ("Design and implement ...", "Applied machine learning to ...")."""
    parts = line_parts(s)
    words = (parts[0] if parts else s).split()
    if not 2 <= len(words) <= 6 or words[0].lower() in _IRREGULAR_PAST:
        return False
    if any(not w[:1].isupper() and w not in ("of", "and", "&") for w in words):
        return False
    return _is_role_word(re.sub(r"[^a-z-]", "", words[-1].lower()))


# a count of things or hours ("three small children", "4-6 hours", "20 clients")
_COUNTS = re.compile(
    r"\b(?:\d+(?:-\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+[a-z]"
)


def _is_description(s: str) -> bool:
    words = s.split()
    if s[0].islower() and _POSSESSIVE_TITLE.match(s) and has_role_word(s):
        return False
    if s[0].islower():
        # a wrapped sentence, unless a short title written in lower case ("site lead")
        function_word = words[0] in {
            "the",
            "their",
            "and",
            "to",
            "for",
            "of",
            "with",
            "in",
            "a",
            "an",
            "our",
            "my",
            "his",
            "her",
            "as",
            "by",
            "on",
            "or",
        }
        return len(words) > 5 or s.endswith(".") or function_word or not has_role_word(s)
    if _BULLET.match(s) or not s[0].isalnum():
        return True
    if len(words) > 14 or _ARTICLE_START.match(s):
        return True
    if _VERB_START.match(s) and not _titled_head(s):
        return True
    gerund = _GERUND_START.match(s)
    if gerund and len(words) >= 4 and not _is_role_word(gerund.group(1)):
        return True
    if _SENTENCE_END.search(s):
        return True
    if len(words) >= 7 and _COUNTS.search(s) and not any(w[:1].isupper() for w in words[1:]):
        # a sentence counting what the work was ("Basic caregiver for three small children
        # for 4-6 hours everyday"), not a title
        return True
    if _WORKED_AS.search(s):
        return True
    return s.endswith(".") and _ABBREV_END.search(s) is None


#: the words a sentence does not end with: a line ending with one is wrapped mid-sentence
#: (a resume's description here, a posting's item in ``posting_rules``)
RUN_ON_WORDS = frozenset(
    "and or of the to in with for a an as by on at from including such their our your his"
    " her its &".split()
)


# more words no sentence of a resume's duties ends with ("... 50K+ transactions per second
# using" / "Kafka and Go, reducing ...": the resume_matcher template's single-column layout
# ended its Stripe entry there, and the entry's bullets below were no one's)
_RUN_ON_MORE = frozenset(
    "using utilizing leveraging into onto across through via between within per than whose"
    " toward towards among upon".split()
)


def runs_on(line: str) -> bool:
    """Whether a description line breaks off mid-sentence: it ends with a comma or a word
    no sentence ends with ("... needs of kitchen and"), or leaves a quotation open ("as
    \"Top 100 Myrtle Beach": the last of an odd number of quotation marks before a word, not
    an inch mark, '15" monitors')."""
    words = line.split()
    if not words:
        return False
    if line.endswith(",") or words[-1].lower() in RUN_ON_WORDS | _RUN_ON_MORE:
        return True
    last = line.rfind('"')
    return line.count('"') % 2 == 1 and line[last + 1 : last + 2].isalnum()


# a role written as a sentence: "Worked as Landscaper in Preston's Tree Service from Jan
# 2010 to May 2015", "From 2010 to march 2013 Job Function - Working as the Head General
# Goods COSCHARIS Group": the capitalised words after "as" (to a lower-case word, a name in
# capitals or a separator) are the title
_PROSE_TITLE = re.compile(
    r"\b(?:[Ww]ork(?:ed|ing)|[Ss]erv(?:ed|ing)|[Ee]mployed) as (?:the |an? )?"
    r"([A-Z][\w&/'-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][a-z][\w&/'-]*)*)"
)
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)


_TITLE_WORDS = re.compile(r"^[A-Z][a-z][\w&/'-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][a-z][\w&/'-]*)*")


def prose_role(
    line: str, dates: Sequence[DateRange], next_line: str = ""
) -> tuple[str, DateRange] | None:
    """The title and range of a role a description line states as a sentence: "worked
    as" (or working, served, employed) a capitalised title, and a range after "from". A
    title at the line's end goes on with the capitalised words that open the next line."""
    found = _PROSE_TITLE.search(line)
    if found is None:
        return None
    title = found[1]
    more = _TITLE_WORDS.match(next_line) if found.end() == len(line.rstrip()) else None
    title = f"{title} {more[0]}" if more else title
    if not has_role_word(title):
        return None
    ranges = [d for d in dates if not d.single and _FROM.search(line[: d.begin])]
    return (title, ranges[0]) if ranges else None


def _rest(line: str, dates: Sequence[DateRange]) -> str:
    out, last = [], 0
    for d in dates:
        out.append(line[last : d.begin])
        last = d.stop
    out.append(line[last:])
    return trim(" ".join(" ".join(out).split()))


def classify_line(s: str) -> tuple[str, list[DateRange], str]:
    """``(kind, dates, rest)`` of a stripped line: head, date, place or desc."""
    # a date as precise as a day is an event's ("Version 3, 19 November 2007", "adopted on
    # 20 December 1996"), unless it opens a range ("1 June 2015 - 30 May 2018")
    dates = [d for d in find_ranges(s) if d.start.precision != "day" or not d.single]
    rest = _rest(s, dates)
    if dates and _PROSE_DATE.search(s[: dates[0].begin]):
        return "desc", dates, rest  # "... key note speaker at a summit in 2017"
    if dates and _COPYRIGHT_DATE.search(s[: dates[0].begin]):
        return "desc", [], rest
    bare = _PLACEHOLDER.sub("", rest).strip(TRIM)
    if dates and (not bare or is_place(bare)):
        return "date", dates, rest
    if dates and not has_role_word(bare) and dates[0].begin == 0:
        return "date", dates, rest
    if not dates and (is_place(s) or _DURATION.match(s)):
        return "place", dates, rest
    if not dates and _BULLET_GLYPH.match(s):
        # a bulleted line without dates is a duty or a skill, not an entry's header (the
        # trimmed ``bare`` has lost its bullet)
        return "desc", dates, rest
    if _is_description(bare or s):
        return "desc", dates, rest
    return "head", dates, rest


_PARTS = re.compile(r"\s+[/|•·@]\s+|\s+(?:at|chez|bei)\s+|\s+[–—]\s+|\s+-\s+|\s*,\s*")


def line_parts(text: str) -> list[str]:
    """A header line split at its separators (``Title, Employer — City``), no parentheses."""
    s = trim(_PLACEHOLDER.sub("", text))
    s = _POSSESSIVE_TITLE.sub("", s)  # "their SERVICE CENTRE MANAGER"
    s = re.sub(r"\s*\([^)]*\b(?:19|20)\d\d[^)]*\)", "", s)  # "(Jul 2023 - present)"
    return [p.strip(TRIM.replace("()", "")) for p in _split_outside(s) if p.strip(TRIM)]


def _split_outside(s: str) -> list[str]:
    """``s`` split at the separators of :data:`_PARTS` that stand outside a closed
    parenthesis: "Engineer (Contract, Remote), Acme" is a title and an employer."""
    if "(" not in s:
        return _PARTS.split(s)
    inside = bytearray(len(s))
    for m in re.finditer(r"\([^()]*\)", s):
        inside[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    out: list[str] = []
    last = 0
    for m in _PARTS.finditer(s):
        if not inside[m.start()]:
            out.append(s[last : m.start()])
            last = m.end()
    return [*out, s[last:]]


@lru_cache(maxsize=_MEMO)
def title_part(text: str) -> str:
    """The title part of a header line: the part with a job-title word (else the first),
    without the employer, the place or a description run on after it. Two titles joined by
    a slash are one ("Owner / Sales & Marketing Director")."""
    parts = line_parts(text)
    if not parts:
        return ""
    strong = [p for p in parts if has_role_word(p) and p.split()[-1].lower() != "research"]
    s = next(iter(strong), next((p for p in parts if has_role_word(p)), parts[0]))
    s = _TITLE_VERB_CUT.sub("", s) if len(s.split()) > 6 else s
    s = s.strip(TRIM.replace("()", ""))
    words = s.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        # the site prints the title twice ("Executive Assistant Executive Assistant")
        s = " ".join(words[:half])
    k = parts.index(s) if s in parts else -1
    if 0 <= k < len(parts) - 1 and has_role_word(s):
        nxt = parts[k + 1]
        if (
            re.search(rf"{re.escape(s)}\s+/\s+{re.escape(nxt)}", text)
            and has_role_word(nxt)
            and not is_company(nxt)
            and not is_place(nxt)
            and len(nxt.split()) <= 6
        ):
            s = f"{s} / {nxt}"
        elif _RANK_AFTER_COMMA.fullmatch(nxt) and re.search(
            rf"{re.escape(s)}\s*,\s*{re.escape(nxt)}", text
        ):
            s = f"{s}, {nxt}"  # "VP, Principal": a corporate title in two parts
    if k > 0 and has_role_word(s) and re.search(r"\s(?:and|&)\s", s):
        # "Engineering, Operations and Construction Leader": a list of lines of work
        # before the title's head, not an employer
        prev = parts[k - 1]
        words = re.findall(r"[a-z][a-z'-]*", prev.lower())
        if (
            words
            and all(w in _WORK_WORDS for w in words)
            and re.search(rf"{re.escape(prev)}\s*,\s*{re.escape(s)}", text)
        ):
            s = f"{prev}, {s}"
    return s


def role_kind(title: str, block_text: str, period: DateRange, default: str) -> str:
    """The kind of a role: ``default`` outside jobs; else volunteer, internship (an intern
    title, or a season alone) or job. ``block_text`` is the entry's header text."""
    if default != "job":
        return default
    if _VOLUNTEER.search(title):
        return "volunteer"
    if re.search(r"\bundergraduate\b", block_text, re.IGNORECASE):
        return "other"
    if _INTERN.search(title):
        return "internship"
    if period.single and period.start.precision == "season" and not _SENIOR.search(title):
        return "internship"
    return "job"


def restated_as_internship(title: str, text: str) -> bool:
    """Whether ``text`` (the whole resume) names ``title`` again with an internship word in
    parentheses after it: a resume repeating its history in another language ("Junior
    Auditor , 02/2012 to 06/2012" in English, "Posisi : Junior Auditor (Magang)" in
    Indonesian) says there what the entry's title line does not."""
    if not title or _INTERN.search(title):
        return False
    pattern = re.escape(title) + r"\s*\(([^()\n]{1,40})\)"
    return any(_INTERN.search(m.group(1)) for m in re.finditer(pattern, text, re.IGNORECASE))


def strip_placeholder(text: str) -> str:
    """``text`` without an anonymised employer and place (``Company Name ï¼ City , State``)."""
    return trim(_PLACEHOLDER.sub("", text))


def is_company(text: str) -> bool:
    """Whether ``text`` names a company or a school (Inc., Ltd., University...)."""
    return _COMPANY.search(text) is not None


def is_certification(title: str) -> bool:
    """A certification dated like a role ("AWS Certified Solutions Architect")."""
    return _CERTIFICATION.search(title) is not None


def is_state(text: str) -> bool:
    """A state or country ending ``Title, Employer, City, ST``."""
    return _PLACE_WORD.match(text) is not None


def looks_like_date(line: str) -> bool:
    """Whether ``line`` holds something date-like the date patterns did not read."""
    return _DATEISH.search(line) is not None


def lead_title(line: str) -> str | None:
    """The title opening a description line ("Lecturer in X Effectively engaged ..."), if any."""
    lead = _VERB_CUT.sub("", line)
    if has_role_word(lead) and len(lead.split()) <= 8:
        return lead.strip(TRIM)
    return None
