"""Conjuncts of a posting's clause that ask in their own way (standard library only).

* :func:`preferred_conjunct`: in a clause that asks firmly and prefers, the conjunct that
  prefers ("PowerPoint and English is a must and FMCG experience is a plus": the part
  from "and FMCG"). Its cue binds to it alone; the firm part stays required.
* :func:`not_asked`: the parts of a clause that say something is not asked ("you do not
  have to be able to speak Danish", "No prior SQL experience is required", "Danish is not
  required"). Their skills are no requirement.
* :func:`application_part`: the part of a clause that tells how to apply or states the
  terms of employment ("Qualified applicants should send their CV ...", "The file must
  include: ... Excel sheet ...", "... the collective agreement with the Danish
  Confederation ..."). Its skills are no requirement either.
"""

from __future__ import annotations

import re

from .posting_rules import ASIDE, PREFER, states_preference, without

__all__ = ["preferred_conjunct", "not_asked", "application_part"]

#: a firm predicate: its subject comes before it ("English is a must", "... are essential")
_FIRM_AFTER = re.compile(
    r"\b(?:is|are)\s+(?:a\s+must|essential|mandatory|needed|necessary|required"
    r"|a\s+requirement|a\s+prerequisite)\b|\brequired\b",
    re.IGNORECASE,
)
#: a firm verb: what it asks comes after it ("requires a high level of expertise with Excel")
_FIRM_BEFORE = re.compile(r"\bmust\b|\brequires?\b|\brequired\s*:", re.IGNORECASE)
#: the points where a sentence passes to another conjunct, the strongest first: a colon, a
#: semicolon or a dash between spaces (not "2 - 3 years"); "while", "whereas"; ", but";
#: ", and"; "but"; a comma; "and" ("and/or" joins the items of a list, never two conjuncts)
_COORDINATIONS = (
    re.compile(r"[ \t]*[:;][ \t]+|(?<!\d)[ \t]+[-\u2013\u2014][ \t]+(?!\d)"),
    re.compile(r",?[ \t]+(?:while|whereas)[ \t]+", re.IGNORECASE),
    re.compile(r",[ \t]*but[ \t]+", re.IGNORECASE),
    re.compile(r",[ \t]*and[ \t]+", re.IGNORECASE),
    re.compile(r"[ \t]+but[ \t]+", re.IGNORECASE),
    re.compile(r",[ \t]+(?!(?:and|or)\b)", re.IGNORECASE),
    re.compile(r"[ \t]+and[ \t]+", re.IGNORECASE),
    # "Excellent organizational skills are required along with the ability to work
    # independently or in a team environment is desired" (glassdoor-0822)
    re.compile(r"[ \t]+(?:along with|as well as|together with)[ \t]+", re.IGNORECASE),
)


def preferred_conjunct(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The conjunct of ``text[start:end]`` that prefers, after or before one that asks
    firmly, as offsets in ``text``; ``None`` when the clause is not so built.

    "An excellent command of PowerPoint Excel and English is a must and FMCG experience is
    a plus": the span of "and FMCG experience is a plus". "This position requires a high
    level of expertise with Microsoft Excel, and skills in SQL, Tableau ... are preferred":
    from ", and skills". "FMCG experience is a plus, but English is a must": "FMCG
    experience is a plus". The cut is at the strongest coordination between the two cues
    (a colon, "while", ", but", ", and", a comma, "and"...), the first of them. Without a
    firm cue, only a colon, a semicolon or a dash between spaces parts two statements, the
    last before the cue ("Knowledge of English - French would be a plus").
    """
    clause = text[start:end]
    if not states_preference(clause):
        return None
    asides = [m.span() for m in ASIDE.finditer(text, start, end)]
    cue = next(
        (m for m in PREFER.finditer(text, start, end) if not _within(m.start(), asides)), None
    )
    if cue is None:
        return None
    firm = _firm_cue(text, start, cue.start())
    if firm is not None and _negated(text, start, firm):
        return None  # "Python is not required, Docker is a plus"
    if firm is not None:  # firm first, then the preference
        cut = _strongest(text, firm, cue.start(), asides)
        if cut is not None and not states_preference(text[start:cut]):
            return cut, end
        return None
    item = _run_on_item(text, start, end, cue.start(), cue.end())
    if item is not None:
        return item
    colon = _strongest(text, start, cue.start(), asides, strongest=1, last=True)
    if colon is not None and any(c.isalnum() for c in text[start:colon]):
        # "Knowledge of English – French would be a plus": two statements
        return (colon, end) if not states_preference(text[start:colon]) else None
    after = _FIRM_AFTER.search(text, cue.end(), end) or _FIRM_BEFORE.search(text, cue.end(), end)
    if after is None or states_preference(text[after.start() : end]):
        return None
    if _negated(text, start, after.start()):
        return None  # "a plus but not a must": one statement about the same skills
    cut = _strongest(text, cue.end(), after.start(), asides)
    return (start, cut) if cut is not None else None


#: where an item of a list run into one line starts, with no punctuation before it:
#: "Documented experience with SQL Experience with development lifecycle processes
#: Knowledge of data/information security standards is a plus Proficiency in English ..."
_RUN_ON = re.compile(
    r"(?<=[a-z0-9)])[ \t]+(?=(?:(?-i:[A-Z])[a-z]+[ \t]+)?(?-i:Experience|Knowledge|Proficiency"
    r"|Ability|Familiarity|Understanding|Fluency|Expertise)[ \t]+(?:with|of|in|to)\b)"
)


#: what follows a preference cue that ends its item: a new item (a capital), or the end
_ITEM_ENDS = re.compile(r"[ \t]*(?:[.;!]|$|(?-i:[A-Z]))")


def _run_on_item(text: str, start: int, end: int, cue: int, cue_end: int) -> tuple[int, int] | None:
    """The item of a list run into one clause that ends with the clause's only preference
    cue (``text[cue:cue_end]``: "... Knowledge of data/information security standards is a
    plus Proficiency in English ..."), from the item's opening words to the cue; else
    ``None``. skillspan-dev-house-058 preferred SQL and English with the security standards.
    A cue opening a list ("Would be great if you have: ...") ends no item."""
    if sum(1 for _ in PREFER.finditer(text, start, end)) != 1:
        return None
    if _ITEM_ENDS.match(text, cue_end, end) is None:
        return None
    starts = [m.end() for m in _RUN_ON.finditer(text, start, cue)]
    if not starts:
        return None
    return starts[-1], cue_end


def _negated(text: str, start: int, at: int) -> bool:
    """Whether the firm cue around ``at`` is negated ("not required", "is not a must")."""
    return re.search(r"\bnot\s+(?:\w+\s+){0,2}\S*$", text[max(start, at - 24) : at]) is not None


def _firm_cue(text: str, start: int, end: int) -> int | None:
    """Where the firm part of ``text[start:end]`` may end: right after a firm predicate
    ("is a must"), or after the first word following a firm verb ("requires ...")."""
    after = _FIRM_AFTER.search(text, start, end)
    if after is not None:
        return after.end()
    before = _FIRM_BEFORE.search(text, start, end)
    if before is None:
        return None
    word = re.compile(r"\W*\w+").match(text, before.end(), end)
    return word.end() if word is not None else None


def _strongest(
    text: str,
    a: int,
    b: int,
    asides: list[tuple[int, int]],
    *,
    strongest: int = 0,
    last: bool = False,
) -> int | None:
    """The start of the first (``last``: the last) of the strongest coordinations in
    ``text[a:b]`` outside parentheses, or ``None`` (``strongest``: look only at that many
    kinds, if not 0)."""
    for rx in _COORDINATIONS[: strongest or None]:
        found = [m.start() for m in rx.finditer(text, a, b) if not _within(m.start(), asides)]
        if found:
            return found[-1] if last else found[0]
    return None


def _within(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


#: a cue that what follows it is not asked: "you do not have to", "don't need to", "need
#: not", "no need to", "is not required to", "it is not necessary to", "we don't require"
_NOT_ASKED_AFTER = re.compile(
    r"\b(?:(?:do|does|will|would)\s+not|(?:don|doesn|won)['\u2019]t)\s+(?:have|need)\s+to\b"
    r"|\bneed\s+not\b|\bno\s+need\s+to\b|\bnot\s+(?:be\s+)?(?:required|necessary|needed)\s+to\b"
    r"|\b(?:do|does)\s+not\s+require\b|\b(?:don|doesn)['\u2019]t\s+require\b",
    re.IGNORECASE,
)
#: a cue that what comes before it is not asked: "Danish is not required"
_NOT_ASKED_BEFORE = re.compile(
    r"(?<!\bit\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bbut\s)(?<!\band\s)"
    r"\b(?:is|are)\s+not\s+(?:required|necessary|needed|mandatory|essential"
    r"|a\s+(?:requirement|prerequisite|must))\b(?!\s+to\b)",
    re.IGNORECASE,
)
#: "No prior SQL experience (is) required", "no degree needed"
_NO_X_NEEDED = re.compile(
    r"\bno\s+(?!(?:less|more|fewer|later|longer|other)\b)(?:[\w+#./'-]+\s+){1,6}?"
    r"(?:is\s+|are\s+)?(?:required|needed|necessary)\b",
    re.IGNORECASE,
)
#: where a conjunct ends: "but", "however", "although", "whereas", "while", a colon, a
#: semicolon, a dash between spaces
_CONJUNCT_END = re.compile(
    r",?\s+(?:but|however|although|though|whereas|while|yet)\b|[;:]|\s[-\u2013\u2014]\s",
    re.IGNORECASE,
)


#: what follows a negation and goes on about the same thing: a verb, no subject of its own
#: ("... but would be a plus", ", however it is desirable")
_SAME_SUBJECT = re.compile(
    r"\W*(?:(?:but|however|although|though|yet)\b\W*)?(?:(?:it|this|that|they)\s+)?"
    r"(?:is|are|would|will|could|can|may|might|should|be|considered|definitely|still)\b",
    re.IGNORECASE,
)


def not_asked(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` saying that something is not asked, as offsets in
    ``text``, in order: from "you do not have to" (and the like) to the end of its conjunct,
    the conjunct before "is not required" (and the like), "No ... required".

    A clause that also states a preference ("helpful but not a prerequisite", "Python is
    not required but is a plus") prefers: nothing in it is taken for not asked.
    """
    clause = text[start:end]
    if "not" not in clause.lower() and "no " not in clause.lower() and "n't" not in clause:
        return []
    spans: list[tuple[int, int]] = []
    for m in _NOT_ASKED_AFTER.finditer(text, start, end):
        stop = _CONJUNCT_END.search(text, m.end(), end)
        spans.append((m.start(), stop.start() if stop is not None else end))
    for m in _NOT_ASKED_BEFORE.finditer(text, start, end):
        begin = start
        for c in _CONJUNCT_END.finditer(text, start, m.start()):
            begin = c.end()
        spans.append((begin, m.end()))
    spans += [m.span() for m in _NO_X_NEEDED.finditer(text, start, end)]
    if not spans:
        return []
    merged = _merged(sorted(spans))
    if states_preference(without(text, merged, start, end)):
        # "Python is not required but would be a plus": the preference is the negated
        # thing's; not in "... is not necessary but experience with SILAC is desirable",
        # whose preference after the negation has a subject of its own
        tail = text[merged[-1][1] : end]
        if not states_preference(tail) or _SAME_SUBJECT.match(tail):
            return []
    return merged


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


#: where instructions to apply start: an instruction with its subject or verb ("Please
#: submit", "Qualified applicants should send", "The application must include", "apply
#: online", "Deadline for applications"); what follows them in the clause asks nothing (the
#: rebuilt SkillSpan ads run the last section on into them: "Strong communication skills
#: Qualified applicants should send their CV ...")
_APPLY_FROM = re.compile(
    r"\bplease\s+(?:submit|send|apply|upload|attach|click|fill\s+in|open\s+the\s+link)\b"
    r"|\b(?:(?:qualified|interested|all|suitable|eligible)\s+)?(?:applicants|candidates)\s+"
    r"(?:should|must|shall|are\s+(?:asked|requested|invited)\s+to)\s+(?:send|submit|upload"
    r"|attach|apply\s+(?:online|via|through))\b"
    r"|\b(?:the|your|an|all|online)\s+applications?\s+(?:must|should|shall|may|can|will|is\s+to"
    r"|are\s+to)\s+(?:be\s+)?(?:submitted|made|sent|include|contain|received|uploaded"
    r"|written|accepted|marked)\b"
    r"|\bapplications?\s+(?:must|should|shall|may|can)\s+be\s+(?:submitted|made|sent|uploaded)\b"
    r"|\b(?:send|submit)\s+(?:your|us|their|an?|the|in\s+your)\s+(?:(?:online|full|complete"
    r"|written)\s+)?(?:application|CV|resume|r\u00e9sum\u00e9|cover\s+letter)\b"
    r"|\bapply\s+(?:online|via|here|through|internally|now\s+(?:at|via|through|on))\b"
    r"|\bclick\s+(?:this|the|here|on\s+the)\b"
    r"|\b(?:application|closing)\s+deadline\b|\bdeadline\s+for\s+(?:the\s+)?applications?\b"
    r"|\bthe\s+(?:file|application)\s+must\s+(?:include|contain)\b"
    # "Applications received after the deadline or with insufficient documentation ... may
    # not be considered" (skillspan-train-house-102 required documentation)
    r"|\bapplications?\s+(?:received|submitted)\s+(?:after|later)\b",
    re.IGNORECASE,
)
#: the terms of employment and legal statements: the whole clause asks nothing ("The
#: appointment will be based on the collective agreement with the Danish Confederation of
#: Professional Associations", "Argo Group will not sponsor an applicant for employment
#: authorization")
_TERMS = re.compile(
    r"\bcollective\s+(?:agreement|bargaining)\b|\b(?:will|does|do|can|is)\s+not\s+"
    r"(?:be\s+able\s+to\s+)?(?:provide\s+)?sponsor|\bemployment\s+authori[sz]ation\b"
    r"|\bE-Verify\b|\bterms\s+of\s+(?:employment|appointment)\b"
    r"|\brecruit(?:ment|ing)\s+agenc(?:y|ies)\b|\bunsolicited\s+(?:resumes|applications|CVs)\b",
    re.IGNORECASE,
)
#: a check of the applicant, no skill ("Ability to meet Microsoft, customer and/or government
#: security screening requirements", "Microsoft Cloud Background Check", "a drug screen"),
#: unless the clause asks a security clearance too ("subject to a background check and must
#: be eligible to obtain ... a security clearance")
_SCREENING = re.compile(
    r"\bbackground\s+(?:checks?|screenings?|investigations?)\b|\bsecurity\s+screenings?\b"
    r"|\bscreening\s+requirements\b|\bdrug\s+(?:tests?|testing|screens?|screening)\b",
    re.IGNORECASE,
)
#: every match of the two patterns above holds one of these (lower case)
_APPLY_WORDS = (
    "appl",
    "submit",
    "send",
    "click",
    "deadline",
    "must include",
    "must contain",
    "collective",
    "sponsor",
    "authori",
    "verify",
    "terms of",
    "agenc",
    "unsolicited",
    "background",
    "screening",
    "drug",
)


def application_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``text[start:end]`` that tells how to apply or states the terms of
    employment, as offsets in ``text`` (from the instruction to the clause's end; the whole
    clause for terms of employment), or ``None``."""
    low = text[start:end].lower()
    if not any(w in low for w in _APPLY_WORDS):
        return None
    terms = _TERMS.search(text, start, end)
    if terms is None and "clearance" not in low:
        terms = _SCREENING.search(text, start, end)
    if terms is not None:
        return _sentence_start(text, start, terms.start()), end
    m = _APPLY_FROM.search(text, start, end)
    return (m.start(), end) if m is not None else None


#: a word of running text: what stands before it
_WORD = re.compile(r"\S+")
#: the most words a statement of terms goes back from its cue
_TERMS_WORDS = 12


def _sentence_start(text: str, start: int, at: int) -> int:
    """Where the sentence holding ``text[at]`` starts, in ``text[start:at]``: after a full
    stop, or at a capitalised word after one that is not ("... threat detection At this
    time <ORGANIZATION> will not sponsor ...": at "At"), at most :data:`_TERMS_WORDS` words
    back; the clause's start when none is found."""
    words = list(_WORD.finditer(text, start, at))[-_TERMS_WORDS:]
    for before, word in zip(reversed(words[:-1]), reversed(words[1:]), strict=True):
        w, b = word.group(), before.group()
        if b[-1] in ".!?;:" or (w[0].isupper() and (b[0].islower() or b[-1] == ",")):
            return word.start()
    return start
