"""Read a posting's requirements: skills (with alternatives), required or preferred,
the degree asked, the years of experience asked.

The rules (``docs/postings.md``):

* The posting is cut into clauses (:func:`~.posting_rules.clauses`). A clause under a
  *Benefits* heading is never a requirement; one under *About*, a summary or no heading
  counts only when it speaks of the candidate (:data:`~.posting_rules.CANDIDATE`: "experience",
  "knowledge of", "you will", "must"...), so company descriptions and generic prose are
  left out.
* A clause states a preference when it is under a *Preferred*/*Nice to have* heading or says
  so itself ("is a plus", "nice to have", "ideally", "bonus", "preferred", "desired", "an
  advantage"...); otherwise its skills are required.
* Alternatives are one requirement: skills joined by "or" or "/" ("Python or R", "AWS, GCP
  or Azure", "PyTorch/TensorFlow"), and examples ("e.g. ...", "such as ...", a list in
  parentheses, with the general skill before it). Skills joined by "and" or a bare comma are
  separate requirements.
* Degrees and fields of study are not skills: the degree clauses make one education
  requirement (lowest level asked, a higher preferred level, the fields, "or a related
  field"). A few words too generic to be a requirement (:data:`GENERIC`) are dropped.
* The years asked are the first "N+ years" of a required clause; the skills its phrase names
  are their domain, any of which counts, or each of which is asked when they are named
  technologies in one list joined by "and" ("5+ years of C# and Python"). The years other
  clauses ask in named skills are further asks (:func:`~.posting_years_also.years_also`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EmptyDocumentError
from ..extract.sections import classify_heading
from ..extract.vocabulary import NAMED_TECHNOLOGY
from ..models import Document, Lexicon, SkillMention
from .posting_alternatives import acceptable_alternatives, alternatives
from .posting_certified import shared_certification
from .posting_company import (
    client_industries,
    company_names,
    company_spans,
    company_subject,
    named_companies,
)
from .posting_conjuncts import application_part, not_asked, preferred_conjunct
from .posting_degree_years import continued, degree_table, degree_years
from .posting_fields import degree_fields, near_degree
from .posting_implied import without_implied
from .posting_labels import board_field_values, kind_of_requirements, line_label
from .posting_model import (
    EducationRequirement,
    PostingRequirement,
    PostingRequirements,
    PostingSkill,
)
from .posting_rules import (
    CANDIDATE,
    CRITICAL_END,
    ONE_OF_FOLLOWING,
    RELATED,
    aside_subject,
    clauses,
    degree_for_years,
    degree_instead_of_years,
    degree_levels,
    degree_mentions,
    field_spans,
    marked_items,
    preferred_asides,
    states_preference,
    team_names,
    without,
    years_asked,
    years_phrase,
)
from .posting_years import and_list, field_alternatives, minimum_sharing_unit, role_work
from .posting_years_also import AskRead, years_also
from .profile_types import DEGREE_LEVELS, POSTING_SOFT

if TYPE_CHECKING:
    from ..extract.component import SkillExtractor

__all__ = ["read_posting", "read_requirements", "GENERIC", "SOFT_CATEGORIES"]

#: the word of a kind of field ("a quantitative discipline", "a quantitative research field")
_FIELD_WORD = re.compile(r"\s*\b(?:fields?|disciplines?|areas?|subjects?)\b", re.IGNORECASE)
#: lexicon categories that are education, not skills
_EDUCATION_CATEGORIES = frozenset({"degree", "field_of_study"})
#: soft skills and competencies: requirements, but their weight in a profile is capped (one
#: definition with the report's, which must not import the reader)
SOFT_CATEGORIES = POSTING_SOFT
#: skills too generic to be a requirement of a posting (they name the job, not a skill)
GENERIC = frozenset(
    {
        "design",
        "software_development",
        "programming",
        "programming_languages",
        "software_engineering",
        "artificial_intelligence",
        "research",
        "hiring",
        "recruiting",
        "passion",
        "self_motivation",
        "technology",
        "engineering",
        "computer_science",
        "web_technologies",
        "data_analytics",
        # "design, implementation, and deployment of data services", "Implementation/
        # fine-tuning of machine learning algorithms": the work, not a skill
        "implementation",
    }
)
#: how to apply and the terms of employment: read as a section of their own that asks nothing
_APPLYING = "applying"
_NEVER_SECTIONS = frozenset({"benefits", _APPLYING})
#: an equal-opportunity statement asks nothing ("without regard to race, ..., genetics"),
#: nor a privacy notice for applicants ("Our Applicant Privacy Notice describes how Acme
#: treats the personal information ...": no data privacy asked)
_EQUAL_OPPORTUNITY = re.compile(
    r"equal (?:employment )?opportunit|without regard to|affirmative action employer"
    r"|\bprivacy (?:notice|policy|statement)\b"
    r"|regardless of (?:race|age|sex|gender|religion|colou?r|national)",
    re.IGNORECASE,
)
#: a job board's tags for the job: "Job Segment: Database, Scientific, SQL, Technology,
#: Engineering" (glassdoor-0341 required databases), "Job Category: ..."
_BOARD_TAGS = re.compile(
    r"^\W*job\s+(?:segments?|categor(?:y|ies)|family|families)\s*:", re.IGNORECASE
)
#: a line of a web page's script copied with the posting: "(function() { var ac =
#: document.createElement('script'); ac.type = 'text/javascript'; ..." (glassdoor-0421's
#: tracking pixel asked JavaScript)
_SCRIPT = re.compile(
    r"\bfunction\s*\([^()]*\)\s*\{|\bdocument\.(?:createElement|getElement\w*|location|write)\b"
    r"|\b(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=[^=]"
)


def _script_line(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` of ``text`` is script code."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : len(text) if end == -1 else end]
    return (
        "function" in line
        or "document." in line
        or "var " in line
        or "const " in line
        or "let " in line
    ) and _SCRIPT.search(line) is not None


#: pastimes no posting asks (no skill of the lexicon): a clause naming two or more speaks of
#: the people's free time ("Whether it be cooking, traveling, hiking, or volunteering, SEI
#: Consultants enjoy ...", glassdoor-0288 required cooking); "cooking and baking" of a chef's
#: posting names none of them
_LEISURE = re.compile(
    r"\b(?:hiking|camping|travell?ing|volunteering|gardening|skiing|snowboarding|biking"
    r"|surfing|yoga|knitting)\b",
    re.IGNORECASE,
)


def _leisure(clause: str) -> bool:
    """Whether ``clause`` names two or more pastimes."""
    return len({m.group().lower() for m in _LEISURE.finditer(clause)}) >= 2


_CONTEXT_SECTIONS = frozenset({"about", "other", "summary"})
#: under "Job description" a clause counts when it speaks of the candidate (as under About:
#: the company's words often come first), and then asks without a firm cue
_DESCRIPTION = "description"
#: ... a clause there asks when it is an item of what is asked ("Advanced knowledge of ...",
#: "Good knowledge of SAP", "Solid understanding of ...") or says the candidate should have it
_DESCRIPTION_ASKS = re.compile(
    r"^\W*(?:(?:you\s+)?(?:have|has|are|possess|bring)\s+)?"
    r"(?!(?:the|a|an|our|this|these|we|it|its|their)\b)(?:[\w-]+\s+){0,3}?(?:knowledge"
    r"|understanding|experience|proficiency|familiarity|skills?|abilit(?:y|ies)|background"
    r"|expertise|command|fluency)\b"
    r"|^\W*(?:(?:you\s+)?(?:are|be)\s+)?(?:an?\s+|very\s+|well\s+)?(?:familiar|proficient"
    r"|experienced|fluent|skilled|expert)\s+(?:with|in)\b"
    r"|\b(?:should|shall|needs? to|(?:is|are) expected to)\s+(?:also\s+)?(?:have|possess|be"
    r"|bring|demonstrate|know)\b",
    re.IGNORECASE,
)
#: the sections where a clause counts only when it speaks of the candidate: the company's
#: context, and a job description, where the company's own words often come first
_CANDIDATE_ONLY = _CONTEXT_SECTIONS | {_DESCRIPTION}
_REQUIRED_CUE = re.compile(
    r"\bmust\b|\brequired\b|\brequires?\b|\bwill have\b|\byears?\b|\bexperience (?:with|in)\b"
    r"|\bproficien|\bexpertise\b|\bstrong\b|\bhands-on\b|\byou will\b|\byou'll\b"
    r"|\bwork involves\b|\bday-to-day\b|\b(?:is|are) (?:needed|essential)\b|\bmandatory\b"
    r"|\bneeded is\b|" + CRITICAL_END,
    re.IGNORECASE,
)
#: the most words of a clause whose preference is surely its years' ...
_SHORT_CLAUSE = 25
#: ... when it asks nothing firmly
_FIRM_YEARS = re.compile(r"\bminimum\b|\bat least\b|\bmust\b|\brequired\b|\bor\b", re.I)
#: ... the same words but "or", for a clause of degrees with their years (one "or" apart)
_FIRM_WORDS = re.compile(r"\bminimum\b|\bat least\b|\bmust\b|\brequired\b", re.I)
#: ... or when the preference opens the clause, right before its figure: "Preferred
#: minimum of 2 years of pharmacovigilance ..., including at least 2 years of ..." (its
#: "minimum" and "at least" are the preference's)
_PREFERENCE_FIRST = re.compile(
    r"^\W*(?:preferred|preferably|ideally|desired)[\s:,]+(?:an?\s+)?"
    r"(?:minimum\s+(?:of\s+)?|at\s+least\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight"
    r"|nine|ten)\b)",
    re.IGNORECASE,
)
#: a bullet before an item, not part of its evidence; "o" and "\u25e6" as PDF and Word
#: exports write a sub-item's ("o Use SQL tools to resubmit encounters ...")
_EVIDENCE_BULLET = re.compile(
    r"^(?:[-\u2022*\u00b7\u25aa\u25cf\u2023\u25e6o]\s+|[\u2022\u25aa\u25cf\u2023](?=\S))"
)


def read_posting(
    posting: str | Path | Document, *, extractor: SkillExtractor | None = None
) -> PostingRequirements:
    """Read what a posting asks for.

    Args:
        posting: a :class:`~pathlib.Path` or a :class:`~jobmatch.models.Document` is a file
            (read with :func:`jobmatch.read_document`); a ``str`` is the posting's text
            itself, never a path.
        extractor: the skill extractor (default: the shared default one).

    Returns:
        The :class:`PostingRequirements`: requirements (alternatives, required or
        preferred, evidence), the education asked and the years asked.

    Raises:
        TypeError: for any other type.
        DocumentError: when the file cannot be read (not found, unsupported, corrupt...).
        EmptyDocumentError: when the posting has no text.
    """
    if isinstance(posting, Path):
        from ..read.documents import read_document

        posting = read_document(posting)
    elif isinstance(posting, str):
        posting = Document(text=posting, source="<text>", format="text")
    elif not isinstance(posting, Document):
        raise TypeError(
            f"read_posting() needs a Path, a Document or a str, not {type(posting).__name__}"
        )
    if not posting.text.strip():
        raise EmptyDocumentError("the posting has no text", source=posting.source)
    if extractor is None:
        from ..extract.component import default_extractor

        extractor = default_extractor()
    from ..extract.mentions import doc_sections

    doc, mentions = next(extractor.pipe_docs([posting.text]))
    return read_requirements(
        posting.text,
        mentions,
        lexicon=extractor.lexicon,
        source=posting.source,
        sections=doc_sections(doc, posting.text),
    )


def read_requirements(
    text: str,
    mentions: Sequence[SkillMention],
    *,
    lexicon: Lexicon,
    source: str = "<posting>",
    years: bool = True,
    sections: Sequence[tuple[int, int, str]] | None = None,
) -> PostingRequirements:
    """Read the requirements of a posting from its text and its skill mentions.

    Args:
        text: the posting's text.
        mentions: the skill mentions the extractor found in it (with their sections).
        lexicon: the lexicon (skill names and categories).
        source: the posting's file name or ``<text>``.
        years: also read the years of experience asked (``False``: ``years_min`` and
            ``years_evidence`` are ``None``; the market, which counts only the skills'
            marks, skips that search).
        sections: :func:`~jobmatch.extract.sections.detect_sections` of ``text`` when the
            caller has them (the extractor found them for the mentions).

    Returns:
        The :class:`PostingRequirements` (rules in the module docstring).
    """
    from ..extract.sections import detect_sections

    if sections is None:
        sections = detect_sections(text)
    sections = _applying_sections(text, _unheaded_lists(text, _stack_sections(text, sections)))
    starts = [a for a, _, _ in sections]
    spans, applying = _cut_instructions(text, _cut_at(text, clauses(text), starts))
    by_clause: list[list[SkillMention]] = [[] for _ in spans]
    clause_starts = [a for a, _ in spans]
    teams = team_names(text)
    team_starts = [a for a, _ in teams]
    named_teams: list[SkillMention] = []
    # "working closely with ... a GraphQL API team": the job's stack, not a skill asked
    stack_teams: list[SkillMention] = []
    # the company's own names ("Hygiena"): a clause opening with one and a verb of its own
    # is the company speaking of itself
    names = company_names(text)
    subject = company_subject(names)
    # where the company's name stands ("companies that work with Adyen"), and the industries
    # it calls its own ("PA Consulting key industries: Life Science, ..."): no skill asked
    own = company_spans(text, names)
    # "Industry: eCommerce Finance Retail Company size: ..." run into a line: no skill asked
    own += board_field_values(text)
    # "hail from marquee tech companies (i.e: Facebook/LinkedIn/Splunk)": companies, no skill
    own += named_companies(text)
    # "serving ... clients in a variety of industries, including telecommunications": the
    # company's clients, no skill asked
    own += client_industries(text)
    for m in mentions:
        if _in_heading_line(text, m):
            continue  # "Technical Requirements:" names the section, asks nothing
        t = bisect_right(team_starts, m.start) - 1
        if t >= 0 and m.end <= teams[t][1]:
            # "with the Data Engineering team": a colleague, not a skill; "with ... a GraphQL
            # API team" names the job's stack (preferred), but "with Redux Develop functions"
            # (a task, Sellpy) is no team: the technology stays where it is read
            if m.category not in _STACK_CATEGORIES:
                named_teams.append(m)
                continue
            if _TEAM_AFTER.match(text, teams[t][1]):
                stack_teams.append(m)
                continue
        if any(a <= m.start and m.end <= b for a, b in own):
            named_teams.append(m)  # the company, not a skill
            continue
        i = bisect_right(clause_starts, m.start) - 1
        if i >= 0 and m.start < spans[i][1]:
            by_clause[i].append(m)

    def section_of(span: tuple[int, int]) -> str:
        if span in applying:
            return _APPLYING  # how to apply: read as a section that asks nothing
        # "Preferred Work Experience -Retail banking ... . Experience with marketing": the
        # line's own label says what each of its clauses asks
        label = line_label(text, span[0])
        if label is not None:
            return label
        return sections[bisect_right(starts, span[0]) - 1][2] if sections else "other"

    clause_list = [
        (
            _EVIDENCE_BULLET.sub("", " ".join(text[a:b].split())),
            section_of((a, b)),
            ms,
            (a, b),
        )
        for (a, b), ms in zip(spans, by_clause, strict=True)
    ]
    read = _Reading(text, lexicon, years=years, subject=subject)
    read.run(clause_list, lenient=False)
    if not read.reqs and not read.degree_clauses:
        # a terse posting without headings or cue words ("Research engineer: Python, PyTorch
        # and CUDA"): every clause but the benefits counts
        read = _Reading(text, lexicon, years=years, subject=subject)
        read.run(clause_list, lenient=True)
    read.ignore(named_teams)
    read.stack_teams(stack_teams, clause_list)
    for r in read.reqs:
        for sk in r.skills:
            read.ignored.pop(sk.skill_id, None)
    asked = read.years
    return PostingRequirements(
        source=source,
        requirements=tuple(without_implied(read.reqs, read.where)),
        education=education_requirement(read.degree_clauses),
        years_min=asked[0] if asked else None,
        years_evidence=asked[1] if asked else None,
        years_skills=asked[2] if asked else (),
        ignored=tuple(read.ignored.values()),
        years_preferred=asked is not None and read.years_marked,
        years_each=asked is not None and asked[3],
        years_or_degree=read.years_degree if asked is not None else None,
        years_by_degree=read.years_by_degree if asked is not None else (),
        years_also=years_also(read.asks, asked[:3] if asked else None),
    )


def _in_heading_line(text: str, m: SkillMention) -> bool:
    """Whether ``m`` is the title of a heading line ending with its colon, nothing after
    it, its words a heading of their own ("Technical Requirements:", glassdoor-0057
    required functional requirements from it): they name the section, they ask nothing.
    A skill before the heading's word ("Machine Learning Skills:") and a label with items
    after its colon ("Data Science Skills: Python, SQL") are left as they are, but not the
    kind of a line's requirements ("Security Requirements: Active TS/SCI security clearance
    required.", glassdoor-0051 required security), unless a technology."""
    if m.category not in NAMED_TECHNOLOGY and kind_of_requirements(text, m.start, m.end):
        return True
    b = text.find("\n", m.end)
    line = text[text.rfind("\n", 0, m.start) + 1 : len(text) if b < 0 else b].rstrip()
    if not line.endswith(":") or classify_heading(f"{m.text}:") in (None, "other"):
        return False
    return classify_heading(line) not in (None, "other")


def _cut_instructions(
    text: str, spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """``spans`` cut where instructions to apply start inside one (:func:`application_part`:
    "Strong communication skills Qualified applicants should send their CV ..."), and the
    spans of those instructions and terms of employment, which ask nothing."""
    out: list[tuple[int, int]] = []
    applying: set[tuple[int, int]] = set()
    for a, b in spans:
        part = application_part(text, a, b)
        if part is not None and text[a : part[0]].strip():
            out.append((a, part[0]))
            a = part[0]
        out.append((a, b))
        if part is not None:
            applying.add((a, b))
    return out, applying


def _cut_at(text: str, spans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """``spans`` cut where a section starts inside one: a heading run into a line ("...
    analysis Requirements: 5 years of ...") ends the clause before it."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        i = bisect_right(starts, a)
        while i < len(starts) and starts[i] < b:
            if text[a : starts[i]].strip():
                out.append((a, starts[i]))
            a = starts[i]
            i += 1
        out.append((a, b))
    return out


class _Reading:
    """The state of one pass over a posting's clauses."""

    def __init__(
        self,
        text: str,
        lexicon: Lexicon,
        *,
        years: bool = True,
        subject: re.Pattern[str] | None = None,
    ) -> None:
        self.text = text
        #: a clause opening with the company's name and a verb of its own
        self.subject = subject
        self.lexicon = lexicon
        self.want_years = years
        self.reqs: list[PostingRequirement] = []
        #: the section each requirement's evidence was read in
        self.where: dict[str, str] = {}
        self.ignored: dict[str, PostingSkill] = {}
        #: (the clause's words read for the degree, preferred, the clause quoted, the
        #: fields of study it names)
        self.degree_clauses: list[tuple[str, bool, str, list[str]]] = []
        #: (the years asked, the clause quoted, the skills they are asked in, each or any)
        self.years: tuple[float, str, tuple[PostingSkill, ...], bool] | None = None
        #: the degree the years' clause accepts in their place ("or a PhD")
        self.years_degree: str | None = None
        #: the fewer years the clause asks of higher degrees (``years_by_degree``)
        self.years_by_degree: tuple[tuple[str, float], ...] = ()
        self.years_preferred = False
        #: the years are shown as preferred (:attr:`PostingRequirements.years_preferred`)
        self.years_marked = False
        #: every clause's years, in text order (the further asks: ``years_also``)
        self.asks: list[AskRead] = []

    def run(
        self,
        clause_list: Sequence[tuple[str, str, list[SkillMention], tuple[int, int]]],
        *,
        lenient: bool,
    ) -> None:
        items = _one_of_items(self.text, clause_list)
        firm = _firm_items(self.text, clause_list)
        pooled: dict[int, list[SkillMention]] = {}
        for i, (clause, section, ms, span) in enumerate(clause_list):
            # an item of a lead-in that asks firmly ("the applicant must have 1 year of
            # experience in: 1. ...; 2.) ...") is asked as the lead-in asks it
            loose = lenient or i in firm
            lead = items.get(i)
            if lead is not None:
                # an item of "one or more of the following areas:": its skills pool with the
                # other items' into one requirement, asked when the last item is read
                pooled.setdefault(lead, []).extend(ms)
                if items.get(i + 1) != lead:
                    self.one_of(clause_list[lead], pooled.pop(lead), lenient=lenient)
                continue
            if _script_line(self.text, span[0]):
                self.ignore(ms)  # a web page's script pasted with the text: no prose
                continue
            ms = self.unlearned(ms, span)
            if self.asks_nothing(clause, section, ms, lenient=lenient):
                continue
            if not lenient and _company_voice(clause, "about", self.subject):
                # under a heading that asks, the company speaking of itself still asks no
                # domain, practice or soft skill ("At the Department of Law we teach ...
                # Danish European and international law", "we invest in R&D"); its stack
                # is read as the section reads it ("Our stack: Spark, Hive")
                self.ignore([m for m in ms if m.category not in _COMPANY_STACK])
                ms = [m for m in ms if m.category in _COMPANY_STACK]

            # "Master's degree (PhD preferred) in ...", "Python (Docker a plus)", "SQL,
            # ideally with BI tools": the part prefers what it names; the rest of the clause
            # is read without it. An aside naming no skill and no degree ("(preferred)")
            # speaks of the whole clause.
            # "you do not have to speak Danish", "No prior SQL experience required": not asked
            negated = not_asked(self.text, *span)
            if negated:
                self.ignore([m for m in ms if any(_inside(m, a, b) for a, b in negated)])
                ms = [m for m in ms if not any(_inside(m, a, b) for a, b in negated)]
            shared = shared_certification(self.text, span, ms, self.lexicon)
            if shared is not None:
                # "Certified PM (PMP) and/or Agile Scrum Master": one certification of two
                ids, taken = shared
                prefer = _prefers(clause, section)
                required = _required(clause, section, prefer=prefer, lenient=loose)
                self.where.setdefault(clause, section)
                _add(self.reqs, ids, required, clause, self.lexicon)
                ms = [m for m in ms if m not in taken]
            # "Python (required), Spark (preferred)": each item's own marker decides it
            marked = marked_items(self.text, *span) if section != "preferred" else []
            found, tail = (
                preferred_asides(self.text, *span)
                if section != "preferred" and not marked
                else ([], None)
            )
            if (
                tail is None
                and (section != "preferred" or _INSISTS.search(clause) is not None)
                and not marked
            ):
                # "English is a must and FMCG experience is a plus": the cue is its conjunct's
                # (under a preferred heading too, whose "is a must" asks firmly: "Fluent
                # English ... is a must while German ... are considered as an advantage")
                tail = preferred_conjunct(self.text, *span)
            asides = marked or [
                (a, b)
                for a, b in found
                if any(_inside(m, a, b) for m in ms)
                or degree_levels(self.text[a:b])
                or aside_subject(self.text[a:b])
            ]
            if tail is not None:
                asides.append(tail)
            asides = [s for s in asides if not any(_overlap(s, n) for n in negated)]
            # "Scala would be ideal but ... Java is also acceptable": one requirement
            one = acceptable_alternatives(self.text, *span)
            if not asides and not negated:
                self.clause(clause, clause, section, ms, lenient=loose, one=one, span=span)
                continue
            rest = [m for m in ms if not any(_inside(m, a, b) for a, b in asides)]
            # a part opening the clause ("Docker is a plus, but ...") is read before the
            # rest, the others after it: the requirements stay in text order
            first = [(a, b) for a, b in asides if a == span[0] or (a, b) in marked]
            for a, b in first:
                aside = [m for m in ms if _inside(m, a, b)]
                self.clause(self.text[a:b], clause, section, aside, lenient=loose)
            left_out = sorted(asides + negated)
            self.clause(
                without(self.text, left_out, *span),
                clause,
                section,
                rest,
                lenient=loose,
                one=one,
                span=span,
            )
            for a, b in asides:
                if (a, b) not in first:
                    aside = [m for m in ms if _inside(m, a, b)]
                    self.clause(self.text[a:b], clause, section, aside, lenient=loose)

    def clause(
        self,
        clause: str,
        evidence: str,
        section: str,
        ms: list[SkillMention],
        *,
        lenient: bool,
        one: tuple[int, int] | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        """Read one clause: ``clause`` is the text the rules read, ``evidence`` the text
        quoted for its requirements (the whole clause, when ``clause`` is a part of it).
        ``one`` is the span of an ideal skill and its acceptable alternatives, one
        requirement whose "ideal" prefers none of them; ``span`` the whole clause's offsets
        in the text, when ``clause`` is read from all of it."""
        inside = [m for m in ms if one is not None and _inside(m, *one)]
        if one is None or len({m.skill_id for m in _asked(inside)}) < 2:
            one, inside = None, []
        else:
            # the cue names the better alternative: it makes the requirement no preference
            clause = clause.replace(" ".join(self.text[one[0] : one[1]].split()), " ")
        prefer = _prefers(clause, section)
        picked = self._picked(clause, ms) if prefer and section != "preferred" else None
        if picked is not None:
            # "one scripting language (C, C++, Perl, Python, Java), Python preferred": the
            # list is asked, the tail prefers one of its items
            clause = clause[: clause.rfind(",")]
            ms = [m for m in ms if m not in picked]
            prefer = states_preference(clause)
        required = _required(clause, section, prefer=prefer, lenient=lenient)
        fields: set[str] = set()
        instead: int | None = None
        if (
            degree_levels(clause) or (clause != evidence and degree_levels(evidence))
        ) and not degree_instead_of_years(clause):
            # a part of a degree clause ("..., preferably in Statistics") names fields too
            known = near_degree(clause, field_spans(clause), degree_mentions(clause))
            fields = {name for _, _, name in known}
            # "Ph.D. in cell biology, immunology, biochemistry, or ...": fields, not skills
            of_degree = degree_fields(self.text, ms)
            ms = [m for m in ms if m not in of_degree]
            named = _fields_named(clause, of_degree, known)
            instead = _experience_instead(self.text, span)
            self.degree_clauses.append(
                (
                    clause + _instead_next(self.text, span),
                    _degree_preferred(clause, section, prefer=prefer),
                    evidence,
                    named,
                )
            )
        elif "tudy" in clause or "ajor" in clause:
            # "Field of Study: Actuarial Science, Mathematics" in a sentence of its own
            ms = [m for m in ms if m not in degree_fields(self.text, ms)]
        value = years_asked(clause) if self.want_years else None
        shared = (
            minimum_sharing_unit(self.text, *span)
            if value is None and self.want_years and span is not None
            else None
        )
        if shared is not None:
            # "Minimum Level: 2-3; Preferred Level: 3+ years ...": 2 years, the unit shared
            value, evidence = shared
        by_degree = degree_years(clause) if value is not None else None
        if value is not None and self.years is None:
            # "BS ... with ten (10) years of experience; OR MS ... with eight (8) years"
            joined = continued(self.text, clause)
            by_degree = (degree_years(joined) if joined else None) or by_degree
        if by_degree is not None:
            # "BS and 5 years OR MS and 3 years": 5, and 3 of a master's degree
            value = by_degree.years
        unchecked = _unchecked_fields(clause, ms) if value is not None else []
        if unchecked:
            # "3+ years experience of engineering, analysis, statistics, product operations
            # or equivalent experience": any one of the fields will do, and jobmatch cannot
            # check the others; statistics is no skill asked of its own
            self.ignore(unchecked)
            ms = [m for m in ms if m not in unchecked]
        # the same years again with their field: "Senior Full Stack Engineer (5+ Years of
        # Experience)" in the title, then "5+ years of experience in web development"
        again = (
            self.years is not None
            and value == self.years[0]
            and not self.years[2]
            and prefer == self.years_preferred
        )
        take = value is not None and (
            self.years is None or (self.years_preferred and not prefer) or again
        )
        if value is not None:
            # the first years a required clause asks; those of a preferred one if no other
            domain, each = self._ask_domain(clause, ms, bool(unchecked))
            self.asks.append(
                AskRead(
                    value,
                    evidence,
                    domain,
                    each,
                    prefer=prefer,
                    preferred_section=section == "preferred",
                    degree=by_degree is not None or bool(degree_levels(clause)),
                    clause=clause,
                )
            )
        if take:
            take = bool(domain) or not again  # again without a field: nothing more said
        if take and value is not None:
            self.years, self.years_preferred = (value, evidence, domain, each), prefer
            self.years_degree, self.years_by_degree = degree_table(
                degree_for_years(clause), by_degree
            )
            # shown as preferred only when the preference is surely the years': under a
            # preferred heading, or in a short clause that asks nothing firmly ("3 years
            # Pharmacovigilance experience preferred"; not "Minimum 3 years, 5+ preferred")
            self.years_marked = prefer and (
                section == "preferred"
                or (len(clause.split()) <= _SHORT_CLAUSE and not _FIRM_YEARS.search(clause))
                or bool(_PREFERENCE_FIRST.match(clause))
                or (
                    # "B.S with 8 years of experience or, M.S with 6 years of experience
                    # preferred": each degree comes with its years, one preferred package
                    by_degree is not None
                    and _degree_preferred(clause, section, prefer=prefer)
                    and not _FIRM_WORDS.search(clause)
                )
            )
        self.where.setdefault(evidence, section)
        asked = _asked(ms, fields)
        groups = alternatives(self.text, [m for m in asked if m not in inside])
        if one is not None:
            # the ideal skill and the acceptable ones, in text order among the others
            before = alternatives(self.text, [m for m in asked if m.end <= one[0]])
            after = alternatives(self.text, [m for m in asked if m.start >= one[1]])
            ids = list(dict.fromkeys(m.skill_id for m in asked if m in inside))
            groups = [*before, *([ids] if ids else []), *after]
        # "Bachelor's degree ... or 2+ years of experience in data analytics with heavy use of
        # advanced Excel modeling": the skills of the way around the degree are one way to
        # qualify, not asked of everyone
        around = {m.skill_id for m in asked if instead is not None and m.start >= instead}
        for group in _soft_apart(groups, self.lexicon) if not _OR.search(clause) else groups:
            _add(self.reqs, group, required and not set(group) <= around, evidence, self.lexicon)
        for m in picked or ():  # after the list: requirements stay in text order
            _add(self.reqs, [m.skill_id], False, evidence, self.lexicon)

    def _ask_domain(
        self, clause: str, ms: list[SkillMention], unchecked: bool
    ) -> tuple[tuple[PostingSkill, ...], bool]:
        """The skills the years of ``clause`` are asked in and whether each is asked
        (:func:`_years_domain`); none when some of its fields name no skill."""
        phrase = "" if unchecked else years_phrase(clause) or ""
        domain, each = _years_domain(phrase, ms, self.lexicon)
        if not domain and phrase:
            # "3-5 years in data technology, several of those in ML": the wider field
            # names no skill; the share's field is the one jobmatch can check
            phrase = years_phrase(clause, shares=False) or ""
            domain, each = _years_domain(phrase, ms, self.lexicon)
        return domain, each

    def unlearned(self, ms: list[SkillMention], span: tuple[int, int]) -> list[SkillMention]:
        """The mentions of a clause but the skills it says the job will teach
        (:data:`_LEARNED`) and the words negated by "non-", which are recorded as not
        asked."""
        # "non-English natural language data", "non-communicative robots" (glassdoor-0824
        # required English): the word negated names no skill asked
        no = [m for m in ms if _NON.match(self.text, max(0, m.start - 4), m.start)]
        no += [m for m in ms if _a_setting(self.text, m) and m not in no]
        # the title of the manager the job reports to names a department, not a skill
        for t in _REPORTS_TO.finditer(self.text, *span):
            no += [m for m in ms if t.start() <= m.start < t.end() and m not in no]
        learned = _learned(self.text, *span)
        if learned is not None:
            a, b = learned
            no += [m for m in ms if a <= m.start < b and m not in no]
        self.ignore(no)
        return [m for m in ms if m not in no]

    def asks_nothing(
        self, clause: str, section: str, ms: list[SkillMention], *, lenient: bool
    ) -> bool:
        """Whether ``clause`` asks no skill of the candidate (then its mentions are
        recorded as such): under Benefits or another section that never asks, an
        equal-opportunity statement, a clause of a company description that does not turn
        to the candidate, or the company speaking of itself."""
        if (
            section in _NEVER_SECTIONS
            or _EQUAL_OPPORTUNITY.search(clause)
            or _leisure(clause)
            or _BOARD_TAGS.search(clause)
        ):
            self.ignore(ms)
            return True
        voice = not lenient and _company_voice(clause, section, self.subject)
        if not (lenient or (voice and _STACK_VERB.search(clause)) or _counts(clause, section)):
            self.ignore(ms)
            return True
        if voice:
            # the company describing itself asks nothing, but the technologies it says it
            # works with are the job's stack: preferred ("We've built ... in AWS using
            # Docker and Kubernetes")
            # (never a word too generic to be asked: "we only provide Data & Analytics")
            stack = [m for m in _asked(ms) if m.category in _COMPANY_STACK]
            self.ignore([m for m in ms if m not in stack])
            for group in alternatives(self.text, stack):
                _add(self.reqs, group, False, clause, self.lexicon)
            return True
        return False

    def stack_teams(
        self,
        ms: Sequence[SkillMention],
        clause_list: Sequence[tuple[str, str, list[SkillMention], tuple[int, int]]],
    ) -> None:
        """The technologies the teams the job works with are named after ("a GraphQL API
        team"): preferred, the job's stack, where their clause counts and nothing else
        asks them."""
        asked = {s.skill_id for r in self.reqs for s in r.skills}
        for m in ms:
            for clause, section, _, (a, b) in clause_list:
                if a <= m.start < b:
                    if m.skill_id not in asked and _counts(clause, section):
                        _add(self.reqs, [m.skill_id], False, clause, self.lexicon)
                        asked.add(m.skill_id)
                    else:
                        self.ignore([m])
                    break

    def ignore(self, ms: Sequence[SkillMention]) -> None:
        """Record skills found where nothing is asked (the report's "not requirements")."""
        self.ignored.update((m.skill_id, _skill(m.skill_id, self.lexicon)) for m in ms)

    def one_of(
        self,
        lead: tuple[str, str, list[SkillMention], tuple[int, int]],
        ms: list[SkillMention],
        *,
        lenient: bool,
    ) -> None:
        """Ask the skills of the items after ``lead`` ("expertise in one or more of the
        following areas:") as one requirement of alternatives, as firmly as the lead asks;
        when the lead asks nothing (a company listing its own areas), neither do they."""
        clause, section, _, _ = lead
        if self.asks_nothing(clause, section, ms, lenient=lenient):
            return
        prefer = _prefers(clause, section)
        required = _required(clause, section, prefer=prefer, lenient=lenient)
        ids = [m.skill_id for m in _asked(sorted(ms, key=lambda m: m.start))]
        if ids:
            _add(self.reqs, list(dict.fromkeys(ids)), required, clause, self.lexicon)

    def _picked(self, clause: str, ms: list[SkillMention]) -> list[SkillMention] | None:
        """The mentions of a clause's preferred tail when they repeat skills named before it
        (", Python preferred" after a list holding Python), else ``None``."""
        if len(ms) < 2 or "," not in clause:
            return None
        last = max(ms, key=lambda m: m.start)
        comma = self.text.rfind(",", max(0, last.start - 40), last.start)
        end = self.text.find("\n", last.end)
        if comma == -1 or not _PREFERRED_TAIL.fullmatch(
            self.text, comma + 1, len(self.text) if end == -1 else end
        ):
            return None
        tail = [m for m in ms if m.start > comma]
        before = {m.skill_id for m in ms if m.end <= comma}
        if not all(m.skill_id in before for m in tail):
            return None
        return tail


# ", Python preferred." ending a clause (the words before the cue hold no list)
_PREFERRED_TAIL = re.compile(
    r"[^,;()\n]{1,40}?\s(?:is\s+|are\s+)?(?:strongly\s+|highly\s+)?"
    r"(?:preferred|desired|a\s+plus|a\s+bonus)\b[\s.)]*",
    re.IGNORECASE,
)


#: a team named after a language, framework, database or platform ("a GraphQL API team",
#: "our React team") names the stack the job works with: those mentions stay. The named
#: technologies but data, DevOps and other tools, whose entries name a team's field as often
#: as a product ("Data Science", "Infrastructure", "Kronos Bio team"), and certifications
#: the word after a team's name that makes it a team ("a GraphQL API team")
_TEAM_AFTER = re.compile(r"[ \t]+teams?\b", re.IGNORECASE)
_STACK_CATEGORIES = NAMED_TECHNOLOGY - {"data_tool", "devops", "tool", "certification"}


#: a clause that announces a list of alternatives after it ("deep domain expertise on one or
#: more of following R&D areas", "experience in at least one of the following:")
_ONE_OF = re.compile(
    ONE_OF_FOLLOWING
    # ... or names them by what the company uses: "You have experience with some of the tools
    # and languages we use and are excited to learn the others:" (glassdoor-0619)
    + r"|\b(?:one|any|some)\s+(?:or\s+(?:more|all)\s+)?of\s+(?:the|our)\s+(?:[\w&/-]+\s+){1,4}?"
    r"we\s+use\b",
    re.IGNORECASE,
)
#: ... unless the list follows in the clause itself
_INLINE_LIST = re.compile(r"\s*(?:[\w&/-]+\s+){0,4}?[\w&/-]*\s*:\s*\S")
#: a clause that asks something of its own ends the list ("Ability to code in ...")
_ITEM_END = re.compile(
    r"\W*(?:ability|able to|experience (?:with|in|of)|experienced|knowledge (?:of|in|about)"
    r"|proficien|familiar|understanding of|strong|excellent|good|solid|must|demonstrated"
    r"|proven|[0-9])",
    re.IGNORECASE,
)
#: the most words of a list item after such a clause, and the most items
_ITEM_WORDS = 12
#: an item's parenthesised examples, which do not make it longer: "Computer programming (e.g.
#: programming languages, math/statistics packages, computer science, machine learning,
#: scientific computing)" is an item of two words (glassdoor-0011)
_ITEM_ASIDE = re.compile(r"\([^()\n]*\)")
_MAX_ITEMS = 20


def _one_of_items(
    text: str, clause_list: Sequence[tuple[str, str, list[SkillMention], tuple[int, int]]]
) -> dict[int, int]:
    """The clauses that are items of a list of alternatives, each with the clause that
    announced it: short clauses (a line each, no degree) right after it in its section,
    up to a blank line or a longer sentence."""
    out: dict[int, int] = {}
    for lead, (clause, section, _, (_, end)) in enumerate(clause_list):
        cue = _ONE_OF.search(clause)
        if cue is None or _INLINE_LIST.match(clause, cue.end()):
            continue  # "one of the following languages: Java, Scala": the list is inline
        for i in range(lead + 1, min(len(clause_list), lead + 1 + _MAX_ITEMS)):
            item, item_section, _, (a, b) = clause_list[i]
            if (
                item_section != section
                or "\n\n" in text[end:a]
                or len(_ITEM_ASIDE.sub(" ", item).split()) > _ITEM_WORDS
                or _ITEM_END.match(item)
                or degree_levels(item)
            ):
                break
            out[i] = lead
            end = b
    return out


#: a lead-in asking firmly before its list: "the applicant must have 1 year of professional
#: experience in:", with an item's number after the colon ("in: 1.") or its first item
_FIRM_LEAD = re.compile(r"(?P<lead>.*):(?P<after>\s*(?:\(?\w{1,2}[.)]+\)?)?\s*$)?", re.S)


def _firm_items(
    text: str, clause_list: Sequence[tuple[str, str, list[SkillMention], tuple[int, int]]]
) -> set[int]:
    """The clauses that are ";"-separated items of a lead-in asking firmly in the same
    paragraph, where a clause needs a firm cue to be required ("Additionally, the applicant
    must have 1 year of professional experience in: 1. Formulating ...; 2.) Conducting
    ...; ... and 9) Collaborating ...", glassdoor-0045): the lead-in's firmness is theirs."""
    out: set[int] = set()
    for lead, (clause, section, _, (a, end)) in enumerate(clause_list):
        if section not in _CANDIDATE_ONLY or ":" not in clause:
            continue
        head = _FIRM_LEAD.match(text, a, end)
        if (
            head is None
            or not _REQUIRED_CUE.search(head["lead"])
            or states_preference(head["lead"])
        ):
            continue
        # the list opens after the colon, or its first item is in the lead-in's clause
        # ("in: Python; SQL; ..."), which a ";" then ends
        listed = head["after"] is not None
        for i in range(lead + 1, len(clause_list)):
            _, item_section, _, (b, e) = clause_list[i]
            gap = text[end:b]
            if item_section != section or "\n" in gap or not (";" in gap or listed):
                break
            if ";" not in gap and ";" not in text[e : e + 2]:
                break  # "... the following: Python. We offer ...": no list
            listed = False
            out.add(i)
            end = e
    return out


#: a clause that insists, under a preferred heading: "Problem solving skills and Ability to
#: meet deadlines are a must" (glassdoor-0421's last items of "Preferred Qualifications")
_INSISTS = re.compile(
    r"\b(?:is|are)\s+(?:an?\s+)?(?:absolute\s+)?must(?:[ -]haves?)?\b|\bmandatory\b"
    # ... or opens with "must": "Must be eligible to obtain and maintain a TS/SCI with Poly
    # clearance" (glassdoor-0025, under "Desired Skills" / "Security Clearance:"), "You
    # must be legally authorized to work in the US"
    r"|^\W*(?:(?:you|candidates?|applicants?)\s+)?must\s+(?:be|have|possess|hold|obtain)\b",
    re.IGNORECASE,
)


#: a bare "(preferred)" between alternatives prefers one of them, not the clause: "2+ years
#: of Cloud Platform experience with either AWS (preferred) or Azure" (glassdoor-0511) asks
#: the cloud; a degree's ("Bachelor's (preferred) or equivalent experience") is left as is
_CHOICE_PREFERENCE = re.compile(
    r"\s*\((?:strongly |highly )?preferred\)(?=\s+or\s+(?!equivalent\b|relevant\b|related\b))",
    re.IGNORECASE,
)


def _prefers(clause: str, section: str) -> bool:
    """Whether a clause prefers what it names: it says so ("is a plus"), or it stands under a
    preferred heading and does not insist ("... are a must")."""
    if "(" in clause and not degree_levels(clause):
        clause = _CHOICE_PREFERENCE.sub("", clause)
    if states_preference(clause):
        return True
    return section == "preferred" and _INSISTS.search(clause) is None


#: the words of a part of a clause that names what it prefers ("with industry experience
#: preferred"), not the bare cue ("preferred", "is preferred")
_PREFERS_OTHER_WORDS = 3
_WORD = re.compile(r"[A-Za-z]{2,}")
#: ... a part adding something else to the clause (not an item of its list: "..., or
#: engineering is preferred")
_WITH_PART = re.compile(r"(?:with|plus|along with|and with)\b", re.IGNORECASE)


def _degree_preferred(clause: str, section: str, *, prefer: bool) -> bool:
    """Whether the degree a preferring clause names is preferred: not when the preference
    stands only in parts of the clause that name no degree and say what they prefer ("BS or
    MS with 5+ years industry experience or PhD with ..., with industry experience
    preferred": glassdoor-0176 asked no degree)."""
    if not prefer or section == "preferred":
        return prefer
    parts = re.split(r"[,;]\s+", clause)
    if any(states_preference(p) for p in parts if degree_levels(p)):
        return True
    cues = [p for p in parts if states_preference(p)]
    return not cues or any(
        len(_WORD.findall(p)) < _PREFERS_OTHER_WORDS or not _WITH_PART.match(p) for p in cues
    )


def _required(clause: str, section: str, *, prefer: bool, lenient: bool) -> bool:
    """Whether a clause's skills are required: not preferred and, under About, a summary or
    no heading, with a firm cue (a terse posting read leniently needs none)."""
    if prefer:
        return False
    if lenient or section not in _CANDIDATE_ONLY:
        return True
    if _REQUIRED_CUE.search(clause):
        return True
    return section == _DESCRIPTION and bool(_DESCRIPTION_ASKS.search(clause))


#: a clause after a degree's that accepts experience in its place: "Bachelor's degree in
#: Computer Science ... or related field; or an equivalent combination of education and
#: experience" (glassdoor-0305)
_INSTEAD_NEXT = re.compile(r"[ \t]*;[ \t]*(?=(?:and/)?or\s)")


#: the next sentence of a degree's line, when it accepts experience "in lieu of" a degree:
#: "You've obtained a BS degree and have eight (8) years of relevant experience. However,
#: equivalent experience may be considered in lieu of degree." (glassdoor-0747)
_IN_LIEU_NEXT = re.compile(r"[ \t]*[.;]?[ \t]+(?P<sentence>[^.;\n]{1,160})")


def _instead_next(text: str, span: tuple[int, int] | None) -> str:
    """The text of the clause after the degree clause at ``span`` when it accepts
    experience in the degree's place (:data:`OR_EXPERIENCE`, :data:`IN_LIEU`), to be read
    with it; ``""`` when there is none."""
    if span is None:
        return ""
    semi = _INSTEAD_NEXT.match(text, span[1])
    instead = OR_EXPERIENCE.match(text, semi.end()) if semi is not None else None
    if instead is not None:
        return "; " + instead[0]
    after = _IN_LIEU_NEXT.match(text, span[1])
    if after is not None and IN_LIEU.search(after["sentence"]):
        return "; " + after["sentence"]
    return ""


def _experience_instead(text: str, span: tuple[int, int] | None) -> int | None:
    """Where the years of experience a degree clause accepts in the degree's place start
    ("Bachelor's Degree in a quantitative field, or 2+ years of experience in data
    analytics ..."), as an offset in ``text``; ``None`` when it accepts none."""
    if span is None:
        return None
    instead = OR_EXPERIENCE.search(text, *span)
    if instead is None or instead["years"] is None:
        return None
    return instead.start() if degree_levels(text[span[0] : instead.start()]) else None


def _asked(ms: Sequence[SkillMention], fields: Collection[str] = ()) -> list[SkillMention]:
    """The mentions that can be asked as skills: no degree or field of study (``fields``:
    those the clause names), no word too generic to be a requirement."""
    return [
        m
        for m in ms
        if m.category not in _EDUCATION_CATEGORIES
        and m.skill_id not in GENERIC
        and " ".join(m.text.lower().split()) not in fields  # a field of study, not a skill
    ]


def _fields_named(
    clause: str, of_degree: Sequence[SkillMention], known: Sequence[tuple[int, int, str]]
) -> list[str]:
    """The fields of study a degree clause names, in text order: the known ones
    (``known``, its :func:`field_spans`) and the skills of the lexicon read as its fields
    ("PhD in Immunology", "degree in Chemistry, Biochemistry or ..."). A known field keeps
    its name ("Operations Research", not the skill it is a form of); one inside a skill's
    longer words is that skill ("Cell or Molecular Biology": molecular biology, not biology
    too)."""
    named: list[tuple[int, int, str]] = []
    for m in of_degree:
        at = clause.find(m.text)
        if m.category == "degree" or at == -1:
            continue
        end = at + len(m.text)
        if any(a <= at and end <= b for a, b, _ in known) or _kind_of_field(clause, m, end):
            continue
        text = " ".join(m.text.lower().split())
        # the skill's name, unless the text is another form of it in words ("Food Science");
        # "Cell" of "Cell or Molecular Biology" is a part of its name, and a short form
        # ("MIS") is no name: a field is matched by the words it holds
        own = text in m.name.lower() or not any(c.islower() for c in m.text)
        named.append((at, end, m.name.lower() if own else text))
    kept = [(a, b, f) for a, b, f in known if not any(s <= a and b <= e for s, e, _ in named)]
    return list(dict.fromkeys(name for _, _, name in sorted(kept + named)))


def _kind_of_field(clause: str, m: SkillMention, end: int) -> bool:
    """Whether ``m`` names a kind of field, no field: "a quantitative discipline", "STEM",
    "a quantitative research field" (the skill's words before "field")."""
    return (
        m.name.lower().endswith("field")
        or _FIELD_WORD.search(m.text) is not None
        or _FIELD_WORD.match(clause, end) is not None
    )


def _a_setting(text: str, m: SkillMention) -> bool:
    """Whether ``m`` names one of two settings offered as alternatives ("in research and/or
    corporate environment", "in an academic or research setting")."""
    before = text[max(0, m.start - 40) : m.start]
    return (
        _SETTING_FIRST.match(text, m.end) is not None
        and _IN_SETTING.search(before) is not None
        or _SETTING_SECOND.match(text, m.end) is not None
        and _IN_SETTINGS.search(before) is not None
    )


def _overlap(s: tuple[int, int], t: tuple[int, int]) -> bool:
    return s[0] < t[1] and t[0] < s[1]


def _inside(m: SkillMention, a: int, b: int) -> bool:
    """Whether the mention ``m`` lies within ``text[a:b]``."""
    return a <= m.start and m.end <= b


#: the candidate offered something in the company's context: "You'll get to play with all of
#: Amazon's technologies like EC2, SQS and S3" (glassdoor-0015, under "HOW DOES AMAZON FIT
#: IN?", required them), "you will have the opportunity to work with ...": a perk, not an ask;
#: and what the candidate will enjoy ("You will enjoy working with a highly talented and
#: diverse team of data scientists specializing in deep learning, ..., nearly limitless cloud
#: compute resources including Spark clusters and GPUs", glassdoor-0554, required them; not
#: "You enjoy building ...", the candidate's own liking, which is asked)
_OFFERED = re.compile(
    r"\byou(?:['’]ll| will| would|['’]d| can)?\s+(?:also\s+)?(?:get\s+to|have\s+(?:the\s+|an?\s+)?"
    r"(?:chance|opportunity|access)\s+to|be\s+given\s+(?:the\s+)?(?:chance|opportunity)\s+to)\b"
    r"|\byou(?:['’]ll|\s+will)\s+(?:also\s+)?enjoy\b",
    re.IGNORECASE,
)


def _counts(clause: str, section: str) -> bool:
    if section in _NEVER_SECTIONS:
        return False
    return (
        section not in _CANDIDATE_ONLY
        or (bool(CANDIDATE.search(clause)) and not _OFFERED.search(clause))
        or bool(degree_levels(clause))
    )


#: a word every stack heading holds (a Skills section without one is left as it is)
_STACK_WORDS = ("stack", "services", "technologies we use")


def _stack_sections(
    text: str, sections: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The sections, the part of a Skills section under a heading that names the company's
    stack read as preferred (:func:`~jobmatch.extract.sections.stack_parts`, by the rules
    that found the sections: a labelled line under it stays an item of its list)."""
    from ..extract.sections import stack_parts

    out: list[tuple[int, int, str]] = []
    for a, b, name in sections:
        if name != "skills" or not any(w in text[a:b].lower() for w in _STACK_WORDS):
            out.append((a, b, name))  # the cheap test: no word of a stack heading
            continue
        out += stack_parts(text, a, b)
    return out


#: a line of its own titling how to apply: "How To Apply:", "HOW TO APPLY", "To Apply",
#: "Application Process:" (no heading to :mod:`jobmatch.extract.sections`)
_APPLY_LINE = re.compile(
    r"^[^\w\n]*(?:how to apply|to apply|application (?:process|instructions))[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


#: a line opening with a degree: "BS/MS in chemical engineering ...", "Bachelor's degree in
#: ...", "PhD in ...", "- B.S. or M.S. in ..."
_DEGREE_LINE = re.compile(
    r"[^\w\n]*(?:(?:B|M)\.?(?:S|A|Sc)\.?(?:[ \t]*/[ \t]*\w+\.?)*[ \t]+(?:or|in|degree)\b"
    r"|(?:B|M)\.?(?:S|A|Sc)\.?[ \t]*/|Ph\.?[ \t]?D\b|Bachelor|Master|Doctora|Associate['’]?s"
    r"|MBA\b|(?:a[ \t]+)?(?:university[ \t]+|college[ \t]+)?degree[ \t]+in\b)"
)
#: a paragraph: lines between blank lines
_PARAGRAPH = re.compile(r"(?:^|(?<=\n\n))(?=[^\n])(?:[^\n]*\S[^\n]*(?:\n|$))+", re.MULTILINE)


def _unheaded_lists(
    text: str, sections: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The sections, each list without a heading that opens with a degree read as
    requirements: three lines or more, none of them prose longer than 200 characters, the
    first naming a degree ("BS/MS in chemical/biochemical engineering or biology ... with
    5+ years industry experience" / "Cell culture experience required" / ... / "Excellent
    interpersonal written and oral communication skills", glassdoor-0513, whose soft skills
    were not read). Only in a section without a heading of its own ("other")."""
    out: list[tuple[int, int, str]] = []
    for a, b, name in sections:
        if name != "other":
            out.append((a, b, name))
            continue
        at = a
        for p in _PARAGRAPH.finditer(text, a, b):
            lines = [ln for ln in p.group().split("\n") if ln.strip()]
            if (
                len(lines) < 3
                or any(len(ln) > 200 for ln in lines)
                or _DEGREE_LINE.match(lines[0]) is None
                or not degree_levels(lines[0])
            ):
                continue
            if p.start() > at:
                out.append((at, p.start(), name))
            out.append((p.start(), min(p.end(), b), "requirements"))
            at = min(p.end(), b)
        if at < b:
            out.append((at, b, name))
    return out


def _applying_sections(
    text: str, sections: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The sections, each cut at a line titling how to apply: from it to the section's end
    nothing is asked (glassdoor-0356: "How To Apply:" / "... If contacted, please be
    prepared to provide data analysis and writing samples ... work ethic" required a work
    ethic, under its preferred items)."""
    titles = [m.start() for m in _APPLY_LINE.finditer(text)]
    if not titles:
        return list(sections)
    out: list[tuple[int, int, str]] = []
    for a, b, name in sections:
        at = next((t for t in titles if a <= t < b), None)
        if at is None:
            out.append((a, b, name))
            continue
        if at > a:
            out.append((a, at, name))
        out.append((at, b, _APPLYING))
    return out


#: what the job will teach, not what it asks: the skills after it in its clause ("Learn to
#: build small to medium RPA (Robotic Process Automation) projects using Automation
#: Anywhere.", glassdoor-0687, required both; "Ability to quickly learn ICON databases with
#: structure and Reporting Tools.", glassdoor-0718, required reporting); "You will learn
#: ...", "Opportunity to learn ...", "will be trained in ..."
_LEARNED = re.compile(
    r"(?:^[^\w]*|\b(?:ability|able|willing(?:ness)?|eager(?:ness)?|desire|capacity|ready)"
    r"\s+to\s+(?:\w+\s+)?|\b(?:opportunity|chance)\s+to\s+|\byou(?:\s+will|'ll|’ll)\s+)"
    r"learn(?:\s+how)?(?:\s+to)?\b|\bwill\s+be\s+trained\s+(?:in|on)\b"
    # what the job gives: "junior scientists are provided with extensive mentoring"
    # (glassdoor-0123 required mentoring), "you will receive individual training"
    r"|\b(?:are|is|will\s+be)\s+provided\s+with\b|\byou(?:\s+will|'ll|’ll)\s+receive\b"
    # a certification the candidate wishes to earn: "with a desire to be a certified SCRUM
    # Master" (glassdoor-0229 required it), "willingness to become certified in AWS"
    r"|\b(?:willing(?:ness)?|eager(?:ness)?|desire|interest(?:ed)?)\s+to\s+"
    r"(?:be(?:come)?|get|obtain|earn|pursue)\s+(?:an?\s+)?(?=certifi(?:ed|cations?)\b)",
    re.IGNORECASE,
)


#: a word after "learn" that opens no object of it ("willing to learn and share", "learn
#: quickly", "continuously learn work independently", a text that lost its punctuation)
_NO_LEARNED_OBJECT = frozenset(
    "and or to from on with in by quickly fast continuously work make adapt grow share "
    "improve develop apply".split()
)
#: the end of what is learned: punctuation, a dash between spaces, or a word opening a
#: sentence after a word in lower case, where a text lost its punctuation ("Desire to learn
#: modern technologies for big data/analytics Fluency in English", "ability to learn new
#: ones quickly - Excellent communication skills in English": English is still asked)
_LEARNED_END = re.compile(r"[,;.:!?]|\s[-\u2013]\s|(?<=[a-z])\s+(?=[A-Z][a-z]+\s+[a-z])")


#: the title of the manager the job reports to: "Reporting to the Director of Analytics and
#: Data Science, you will ..." (glassdoor-0948 required data science), "will report to the
#: Senior Manager of Data Science and provides ...", "Reporting to the Director, Discovery
#: Biology, Audentes ... is seeking" (glassdoor-0312, -0454)
_REPORTS_TO = re.compile(
    r"\breport(?:s|ing)?\s+(?:directly\s+)?to\s+(?:the|a|an|our)\s+(?:(?-i:[A-Z])[\w&-]*\s+){0,3}?"
    r"(?:director|manager|head|vp|vice\s+president|chief\b[^,.;]{0,40}?\bofficer|lead|leader)\b"
    r"(?:\s*,\s*[^,.;]{1,60}(?=,)|[^,.;]{0,80}?(?=[,.;]|\s+and\s+(?-i:[a-z])|$))",
    re.IGNORECASE,
)
#: a word negated: "non-English"
_NON = re.compile(r"(?<![A-Za-z])(?i:non)-$")
#: one of two settings offered as alternatives: "2-4 years of experience ... in research
#: and/or corporate environment" (glassdoor-0057 required scientific research), "in an
#: academic or commercial setting": the word names the place the years were worked in, no
#: skill asked; the setting first ("research and/or") or second ("or academic")
_SETTING_FIRST = re.compile(
    r"\s+(?:and/)?or\s+(?:an?\s+)?[a-z][\w-]*\s+(?:environments?|settings?)\b", re.IGNORECASE
)
_SETTING_SECOND = re.compile(r"\s+(?:environments?|settings?)\b", re.IGNORECASE)
_IN_SETTING = re.compile(r"\b(?:in|within)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_IN_SETTINGS = re.compile(
    r"\b(?:in|within)\s+(?:an?\s+|the\s+)?[a-z][\w-]*\s+(?:and/)?or\s+$", re.IGNORECASE
)
#: ... unless knowing it is the other way: "you will already know or be willing to learn
#: automation tooling (e.g Git GitLab CI/CD Puppet ...)"
_KNOW_OR = re.compile(r"\bor\s+(?:be\s+|are\s+|am\s+)?$", re.IGNORECASE)


def _learned(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of the clause ``text[start:end]`` naming what the job will teach
    (:data:`_LEARNED`): from after the cue to the end of its object."""
    clause = text[start:end]
    found = _LEARNED.search(clause)
    if found is None or _KNOW_OR.search(clause, 0, found.start()):
        return None
    rest = clause[found.end() :]
    words = rest.split(maxsplit=1)
    if not words or words[0].casefold() in _NO_LEARNED_OBJECT:
        return None
    # the object's first word may be a name ("learn ICON databases")
    stop = _LEARNED_END.search(clause, len(clause) - len(rest.lstrip()) + len(words[0]))
    return start + found.end(), start + (stop.start() if stop else len(clause))


def _company_voice(clause: str, section: str, subject: re.Pattern[str] | None = None) -> bool:
    """A clause of a company description in the company's own voice, not turning to the
    candidate ("We work with the latest developments in government, industry and academia,
    leveraging that knowledge ...", "Our team has deep knowledge of NLP"), or speaking of
    itself by its name (``subject``: "Hygiena plays a critical role in ..."); in any
    section, a team saying what it works with ("Our data team uses PySpark and Jupyter
    notebooks extensively.", "The team uses their ... problem-solving skills")."""
    if _IN_RETURN.match(clause):
        return True  # "In return, we have the privilege of backing you with ..."
    voice = _TEAM_VOICE.match(clause) or (
        section in _CANDIDATE_ONLY
        and (_COMPANY_VOICE.match(clause) or (subject is not None and subject.match(clause)))
    )
    return bool(voice) and not _CANDIDATE_VOICE.search(clause)


#: the company's side of the bargain, whatever it says to the candidate ("In return, we
#: have the privilege of backing you with thousands of technical experts in diverse fields,
#: a culture of innovation and knowledge sharing", glassdoor-0892): no demand
_IN_RETURN = re.compile(r"[^\w<]*in\s+(?:return|exchange)\s*,?\s+(?:we|our)\b", re.IGNORECASE)
#: what a company says it works with: named technologies (devops and data tools too)
_COMPANY_STACK = NAMED_TECHNOLOGY - {"certification"}
#: the company saying what it works with ("We rely heavily on AWS Serverless framework
#: Node.js Terraform and TypeScript", "As a framework we use Spring"): its stack, even in a
#: clause that names no candidate
_STACK_VERB = re.compile(
    r"\b(?:use(?! of\b)|uses|rely|relies|leverage|leverages|written in|built (?:on|with)"
    r"|runs? on|powered by)\b",
    re.IGNORECASE,
)
#: a clause in the company's voice ("We build ...", "Our team uses ...", "At the Department
#: of Law we teach ...", "Since 2012 <ORGANIZATION> is proud to offer ...", "Operating from
#: the 22nd floor of the UBS Tower, weve worked hard to build a culture ...": a participle
#: may open it, and a pasted text may have lost the apostrophe of "we've") ...
_COMPANY_VOICE = re.compile(
    r"[^\w<]*(?:(?:at|in|since|as|to|for|with|by|through|today|together|about|based on"
    r"|although|though|while|whilst)\b"
    r"[^,.;:()]{0,60}?"
    r",?\s+"
    r"|[a-z]+ing\b[^,.;:()]{0,80}?,\s+)?"
    r"(?:we(?:ve)?|our|us|(?:<ORGANIZATION>\s*)+(?:is|are|has|have|offers?|provides?|delivers?"
    r"|helps?|serves?|plays?)|the company"
    # an institution speaking of itself: "The Center comprises a wide range of expertise",
    # "The Faculty creates new knowledge", "the Department of Proteomics is also well
    # equipped" (skillspan-dev-house-038: biology, cell biology, knowledge sharing asked)
    r"|the (?:cent(?:er|re)|faculty|department|institute|university|school|laboratory|lab"
    r"|foundation|firm)(?:\s+(?:of|for)(?:\s+(?!is\b|are\b|has\b)[\w<>&-]+){1,4}?)?"
    r"\s+(?:is|are|has|have|comprises?|creates?|offers?|provides?|focuses|conducts?|hosts?"
    r"|houses?|employs?|aims?|was|brings?|combines?)"
    # a team, group or program of it speaking of itself, named by up to six words: "The
    # Discovery Sciences team has been active in supporting projects ..., providing key
    # chemistry ... services" (glassdoor-0532 asked chemistry), "The enterprise Data,
    # Privacy and AI governance program is responsible for ..." (glassdoor-0411)
    r"|the\s+(?:[\w&/-]+,?\s+){0,6}?(?:team|group|program(?:me)?)"
    # ... also with an aside: "The Data Engineering team, part of MassMutual's Enterprise
    # Technology & Experience, is comprised of highly skilled ... problem solvers"
    r"(?:,[^,.;:()]{1,80},)?\s+(?:has\s+been|is|are"
    r"|has|have|comprises?|offers?|provides?|focuses|conducts?|supports?|delivers?"
    r"|consists?)"
    # its head count: "More than 50 highly specialized academics are currently working at
    # <ORGANIZATION> within medical research public health ... statistics and
    # bioinformatics" (skillspan-dev-house-058, whose fields were asked)
    r"|(?:more than|over|some|about|around|nearly|almost)?\s*\d[\d,]*\+?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:people|employees|staff|academics|researchers|scientists|engineers|specialists"
    r"|professionals|colleagues|experts)\s+(?:are\s+)?(?:currently\s+)?(?:work|working"
    r"|employed))\b",
    re.IGNORECASE,
)
#: ... and, under any heading, a team's own words about what it works with: "Our data
#: team uses PySpark and Jupyter notebooks extensively." (the company's stack, not a demand)
_TEAM_VOICE = re.compile(
    r"[^\w<]*(?:our|the)\s+(?:[\w&-]+\s+){0,3}?teams?\s+(?:(?:is|are)\s+using|uses?"
    r"|works?\s+with|relies\s+on|leverages?|employs?|applies|builds?\s+(?:on|with))\b",
    re.IGNORECASE,
)
#: ... unless it turns to the candidate; "required to" after a noun is the company's
#: ("... and the data infrastructure required to support those systems")
_CANDIDATE_VOICE = re.compile(
    r"\byou\b|\byour\b|\bcandidates?\b|\bapplicants?\b|\bmust\b|\blooking for\b"
    r"|\b(?:is|are|be|being)\s+required\b|\brequired\b(?!\s+to\b)"
    r"|\bseek|\bhir(?:e|ing)\b|\bsomeone\b|\bindividuals?\b|\bperson\b|\bwho (?:has|have|is)\b"
    r"|\bpeople (?:who|with|to)\b|\bwant people\b|\blookout\b|\bneed\b|\bexpect",
    re.IGNORECASE,
)


#: categories that name no field of work: years "of experience communicating in English"
#: are years of any job
_NO_DOMAIN = SOFT_CATEGORIES | {"spoken_language", "degree"}


def _years_domain(
    phrase: str, ms: Sequence[SkillMention], lexicon: Lexicon
) -> tuple[tuple[PostingSkill, ...], bool]:
    """The skills the years of ``phrase`` (:func:`years_phrase`) are asked in: the clause's
    mentions found in the phrase, but soft skills, languages and generic words, and the
    accurate pipeline's unlisted spans ("4+ years of experience building machine learning
    systems": no job entry writes that form, and the lexicon knows what implies none);
    and whether each of them is asked (:attr:`PostingRequirements.years_each`)."""
    words = " ".join(phrase.split()).casefold()
    verbs = _verbs(words, ms)
    found = [
        m
        for m in ms
        if m.skill_id in lexicon
        and m.category not in _NO_DOMAIN
        and m.skill_id not in GENERIC
        and " ".join(m.text.split()).casefold() in words
        and " ".join(m.text.split()).casefold() not in verbs
    ]
    skills = tuple(_skill(s, lexicon) for s in dict.fromkeys(m.skill_id for m in found))
    if not skills:
        # "5+ years of experience as a Data Scientist": the years of data science jobs, not
        # of every job (a teacher's are none)
        skills = tuple(_skill(s, lexicon) for s in _role_skill(phrase, lexicon))
    # "5+ years of C# and Python": each; "in predictive modeling and data analysis", fields
    # of work (lower-case names), is one domain any job in one of them shows
    each = (
        len(skills) > 1
        and all(any(c.isupper() for c in s.name) for s in skills)
        and and_list(phrase, [m.text for m in found])
    )
    return skills, each


#: a series of three or more -ing words ("monitoring, managing, manipulating, and drawing
#: insights from data")
_ING_SERIES = re.compile(r"\w+ing(?:\s*,\s*(?:and\s+|or\s+)?\w+ing){2,}\b")
_ING = re.compile(r"\w+ing\b")


def _verbs(words: str, ms: Sequence[SkillMention]) -> set[str]:
    """The -ing words of ``words`` (casefolded) that are verbs of a series saying what a job
    does, most of whose words name no skill: "7 years of experience in a position
    monitoring, managing, manipulating, and drawing insights from data" (glassdoor-0423)
    asks years of work with data, not of monitoring; "in monitoring, alerting, and logging"
    lists skills."""
    named = {" ".join(m.text.split()).casefold() for m in ms}
    out: set[str] = set()
    for series in _ING_SERIES.finditer(words):
        ing = _ING.findall(series.group())
        if 2 * sum(w in named for w in ing) < len(ing):
            out.update(ing)
    return out


#: an "or" in a clause: its soft skill may be a true alternative ("SAS or willingness to
#: learn the basics")
_OR = re.compile(r"\bor\b", re.IGNORECASE)


def _unchecked_fields(clause: str, ms: Sequence[SkillMention]) -> list[SkillMention]:
    """The mentions of the fields ``clause`` asks its years in as alternatives
    (:func:`field_alternatives`) when one of the fields names no skill: any job in that
    field meets the years, so the skills named beside it are not asked."""
    items = [" ".join(clause[a:b].split()).casefold() for a, b in field_alternatives(clause)]
    if not items:
        return []
    named = [
        (m, [i for i, item in enumerate(items) if " ".join(m.text.split()).casefold() in item])
        for m in ms
    ]
    held = {i for _, where in named for i in where}
    if len(held) == len(items):
        return []
    return [m for m, where in named if where]


def _soft_apart(groups: Sequence[Sequence[str]], lexicon: Lexicon) -> list[list[str]]:
    """The groups of alternatives of a clause with no "or", each soft skill asked on its
    own: "Fluency in data analysis, including experimentation, data visualization, defining
    KPIs, and communication around data" (glassdoor-0884) asks data analysis and
    communication, and "communication" on a resume meets no data analysis."""
    out: list[list[str]] = []
    for group in groups:
        soft = [s for s in group if _category(s, lexicon) in SOFT_CATEGORIES]
        if not soft or len(soft) == len(group):
            out.append(list(group))
            continue
        out.append([s for s in group if s not in soft])
        out.extend([s] for s in soft)
    return out


def _role_skill(phrase: str, lexicon: Lexicon) -> list[str]:
    """The skills of the work of the roles the years of ``phrase`` are asked as ("as a Data
    Scientist": ``data_science``), by name or alias; ``[]`` when a role names none."""
    roles = role_work(phrase)
    if not roles:
        return []
    names = {
        " ".join(n.split()).casefold(): s.id
        for s in lexicon.skills
        if s.category not in _NO_DOMAIN and s.id not in GENERIC
        for n in (s.name, *s.aliases)
    }
    out = []
    for works in roles:
        known = next((names[w] for w in works if w in names), None)
        if known is None:
            return []  # a role whose work no skill names: any job may be it
        out.append(known)
    return list(dict.fromkeys(out))


def _skill(skill_id: str, lexicon: Lexicon) -> PostingSkill:
    s = lexicon.get(skill_id)
    return PostingSkill(skill_id=skill_id, name=s.name if s is not None else skill_id)


def _add(
    reqs: list[PostingRequirement],
    ids: Sequence[str],
    required: bool,
    evidence: str,
    lexicon: Lexicon,
) -> None:
    """Add a requirement, or merge it with one naming the same skills (required if either
    is). "Mixpanel" and "Amplitude, Mixpanel or Looker" stay two requirements here
    (:func:`~.posting_implied.without_implied` drops the first when a task names it)."""
    new = set(ids)
    for i, r in enumerate(reqs):
        if new == {s.skill_id for s in r.skills}:
            if required and not r.required:
                reqs[i] = PostingRequirement(
                    skills=r.skills,
                    required=True,
                    evidence=evidence,
                    category=r.category,
                    soft=r.soft,
                )
            return
    category = _category(ids[0], lexicon)
    reqs.append(
        PostingRequirement(
            skills=tuple(_skill(s, lexicon) for s in ids),
            required=required,
            evidence=evidence,
            category=category,
            soft=category in SOFT_CATEGORIES,
        )
    )


def _category(skill_id: str, lexicon: Lexicon) -> str:
    s = lexicon.get(skill_id)
    return s.category if s is not None else "other"


#: a degree clause that accepts experience in its place: "or equivalent (practical / work)
#: experience", "or relevant work experience", "or 2+ years (of) experience in ..." (not "or
#: equivalent education", "an equivalent engineering degree", "5 years (with M.S.) or 3
#: years (with PhD) of experience": those ask a degree); or "OR no degree w/6 years'
#: experience" (the years without the degree)
OR_EXPERIENCE = re.compile(
    r"\b(?:and/)?or\s+(?:an?\s+)?(?:equivalent|comparable|relevant|equal)\s+"
    r"(?:(?:practical|work|professional|industry|industrial|job|relevant|related|technical)\s+)?"
    r"(?:amount\s+of\s+)?experience\b"
    # "or an equivalent combination of education and experience", "... of training and
    # experience": experience in the degree's place
    r"|\b(?:and/)?or\s+(?:an?\s+)?(?:equivalent|comparable)\s+combination\s+of\s+"
    r"(?:(?:education|training|schooling)\s*(?:,|and|or)\s*)+experience\b"
    r"|\bor\s+(?P<years>\d+)\+?\s*years?\s+(?:of\s+)?(?:\w+\s+){0,3}?experience\b"
    r"|\bor\s+(?:no|without\s+an?)\s+degree[\s,]*(?:w/|with|and|plus)\s*(?P<alone>\d+)\+?\s*"
    r"(?:years?|yrs?)\b",
    re.IGNORECASE,
)


#: experience named without "equivalent" in the degree's place: "4-year undergraduate
#: degree or demonstrated relevant progressive experience" (glassdoor-0501), "college
#: degree in science or computer or industrial experience" (glassdoor-0811); read only when
#: no years or experience come before it in the clause ("3 years of academic or industry
#: experience" joins two kinds of experience, :func:`_or_own_experience`)
OR_OWN_EXPERIENCE = re.compile(
    r"\bor\s+(?:demonstrated\s+|proven\s+)?(?:(?:relevant|progressive|industrial|industry"
    r"|professional|work|practical|applicable|technical|hands-on)\s+){1,3}experience\b",
    re.IGNORECASE,
)
#: what makes the experience after "or" the years' own (above)
_EXPERIENCE_BEFORE = re.compile(
    r"\d+\+?\s*(?:years?|yrs?)\b|\bexperience\b|\b(?:one|two|three|four|five|six|seven"
    r"|eight|nine|ten)\s+(?:\(\d+\)\s+)?years?\b",
    re.IGNORECASE,
)


def _or_own_experience(clause: str) -> bool:
    """Whether ``clause`` accepts experience named without "equivalent" in the degree's
    place (:data:`OR_EXPERIENCE` reads "or equivalent experience")."""
    found = OR_OWN_EXPERIENCE.search(clause)
    if found is None or _EXPERIENCE_BEFORE.search(clause, 0, found.start()):
        return False
    # "BS, MS or PhD with academic or industry experience" (glassdoor-0031): "or" joins
    # two kinds of the experience the degree comes with
    before = clause[: found.start()]
    return not _WITH.search(before) and not _KIND_BEFORE_OR.search(before)


#: the experience a degree comes with: "BS with ...", "degree plus ..."
_WITH = re.compile(r"\b(?:with|w/|plus|having)\b", re.IGNORECASE)
#: a kind of experience just before "or": "academic or industry experience"
_KIND_BEFORE_OR = re.compile(
    r"\b(?:academic|research|industry|industrial|professional|work|practical|relevant"
    r"|related|technical|lab|laboratory|clinical|commercial|military|government|teaching"
    r"|internship|consulting)\s*$",
    re.IGNORECASE,
)


#: a parenthesis in a degree clause
_PAREN = re.compile(r"\([^()]*\)")


def _examples_of_one_degree(clause: str) -> bool:
    """Whether the levels of ``clause`` are examples of one degree in a parenthesis,
    alternatives to each other: "Graduate degree (MS, PhD, etc.) in a similar field will be
    highly valued but is not required" (glassdoor-0948) prefers a master's, not a PhD."""
    inside = [p for p in _PAREN.findall(clause) if len(degree_levels(p)) > 1]
    return bool(inside) and len(degree_levels(_PAREN.sub(" ", clause))) <= 1


#: experience accepted in a degree's place, said after it: "4 additional years of
#: experience may be substituted in lieu of a degree" (glassdoor-0758)
IN_LIEU = re.compile(
    r"\bexperience\b[^.;\n]{0,60}?\bin\s+lieu\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?degree\b",
    re.IGNORECASE,
)


def education_requirement(
    found: Sequence[tuple[str, bool, str, list[str]]],
) -> EducationRequirement | None:
    """One education requirement from the degree clauses ``(clause, preferred, quoted,
    fields)`` (``quoted``: the whole clause when ``clause`` is a part of it; ``fields``:
    the fields of study it names).

    The lowest level of a required clause is the minimum; a preferred clause prefers its
    lowest level ("Master's degree or PhD": either meets it), and the highest of those (or
    the higher level of a clause that requires one level and prefers another) is the
    preferred level when it is above the minimum, or when there is no minimum. Fields are
    those of all the degree clauses; they are asked only when a required clause names them
    (else preferred).
    """
    if not found:
        return None
    need: list[str] = []
    nice: list[str] = []
    fields: dict[str, None] = {}
    related = False
    fields_required = False
    or_experience = False
    or_years: float | None = None
    evidence = ""
    for clause, prefer, quoted, named in found:
        levels = degree_levels(clause)
        asks = not prefer
        instead = OR_EXPERIENCE.search(clause) if asks else None
        if asks and instead is None and IN_LIEU.search(clause):
            or_experience = True  # "... experience may be considered in lieu of degree"
        if asks and instead is None and _or_own_experience(clause):
            or_experience = True  # "... degree or demonstrated relevant experience"
        if instead is not None:
            or_experience = True
            figure = instead["years"] or instead["alone"]
            if figure is not None and or_years is None:
                or_years = float(figure)
        if (
            prefer
            and len(levels) > 1
            and re.search(r"\brequired\b|\bminimum\b", clause, re.I)
            and not _examples_of_one_degree(clause)
        ):
            asks = True  # "BS/MS in engineering or geology, PhD desired but not required"
            need.append(min(levels, key=DEGREE_LEVELS.index))
            nice.append(max(levels, key=DEGREE_LEVELS.index))
        elif prefer and levels:
            # "Master's degree or PhD" preferred: either meets the preference, so the
            # clause prefers its lowest level (several preferred clauses: the highest)
            nice.append(min(levels, key=DEGREE_LEVELS.index))
        else:
            need.extend(levels)
        if not evidence or (not prefer and not need[:-1]):
            evidence = quoted
        fields.update(dict.fromkeys(named))
        fields_required = fields_required or (bool(named) and asks)
        related = related or bool(RELATED.search(clause))
    order = DEGREE_LEVELS.index
    low = min(need, key=order) if need else None
    # the highest preference, minimum or none: "An undergraduate degree ... is preferred"
    # beside "Preferred: Masters or PhD in data science" prefers a master's (glassdoor-0007)
    high = max(nice, key=order) if nice else None
    if low is not None and high is not None and order(high) <= order(low):
        high = None
    return EducationRequirement(
        min_level=low,
        preferred_level=high,
        fields=tuple(fields),
        related_fields=related,
        evidence=evidence,
        fields_required=fields_required,
        or_experience=or_experience and low is not None,
        or_years=or_years if or_experience and low is not None else None,
    )
