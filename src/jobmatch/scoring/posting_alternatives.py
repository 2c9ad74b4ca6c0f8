"""Alternatives: which skill mentions of one clause form one requirement.

"Python or R", "AWS, GCP or Azure", "PyTorch/TensorFlow", "feature stores (Feast or
Tecton)", "cloud experience (e.g., AWS, GCP or Azure)" are each one requirement met by any
of their skills; "PyTorch, scikit-learn, and Hugging Face" are three.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import SkillMention
from .posting_rules import ONE_OF_FOLLOWING

__all__ = ["acceptable_alternatives", "alternatives"]

_GAP = re.compile(
    r"^(?:[\s,/(]|\band/or\b|\bor\b|\band\b|&|\be\.\s?g(?:\s?\.)?|\bsuch as\b|\blike\b"
    r"|\bincluding\b"
    r"|\bi\.\s?e(?:\s?\.)?|\bespecially\b)*$",
    re.IGNORECASE,
)
_EXAMPLE_BEFORE = re.compile(
    r"(?:\be\.\s?g(?:\s?\.)?|\bsuch as|\blike|\bincluding|\bi\.\s?e(?:\s?\.)?"
    r"|\bespecially)[\s,:]*$",
    re.IGNORECASE,
)
# "one of the following languages: ", "any of the following: ": the list after it holds
# alternatives (also "five of the following:": any of them counts, as in a group)
# "at least one or more of: Docker Kubernetes Rancher", "at least one of these languages:
# JAVA JEE Angular JavaScript/Node.js": the same list without "following"
# The list may open with items the lexicon does not know: "One or more of the following
# certifications: CBIP, ITIL, Lean Six Sigma, TOGAF" (CBIP before the first mention).
_EARLIER_ITEMS = r"(?:[^\s,:;.][^,:;.\n]{0,30},\s*)*"
_ONE_OF_BEFORE = re.compile(
    ONE_OF_FOLLOWING + r"(?:\s+[\w/&-]+){0,4}\s*:\s*" + _EARLIER_ITEMS + "$"
    r"|\b(?:one|any|either)\s+(?:or\s+more\s+)?of(?:\s+(?:these|those)(?:\s+[\w/&-]+){0,3})?"
    r"\s*:\s*" + _EARLIER_ITEMS + "$"
    # "working with at least 2 out of SAS, SQL, Python, R" (glassdoor-0879)
    r"|\b(?:one|two|three|four|five|\d{1,2})\s+out\s+of(?:\s+(?:these|those|the\s+following))?"
    r"\s*:?\s*" + _EARLIER_ITEMS + "$",
    re.IGNORECASE,
)
# only separators and words, with a comma: "(JSF, Wicket, GWT". One character class, not
# (separator|and|or|word+)*, whose overlapping branches backtracked exponentially (69 ms on
# a 32-character gap); "and" and "or" are words of the class, so the strings are the same.
_LIST_GAP = re.compile(r"^[\s,/\w.+#-]*,[\s,/\w.+#-]*$")
_LEAD_EXAMPLE = re.compile(
    r"^\s*(?:(?!and\b|or\b)[\w-]+\s+){0,2}\(\s*"
    r"(?:e\.\s?g(?:\s?\.)?|such as|incl\w*\.?|i\.\s?e(?:\s?\.)?)?"
    # examples the lexicon does not know may come first: "ORM technologies (JPA2, Hibernate)"
    r"[\s,:]*(?:(?-i:[A-Z])[\w.+#-]*[ \t]*,[ \t]*){0,3}$",
    re.IGNORECASE,
)
# "Java based services (including restful web services)": the skill is what the services
# are built on, and the parenthesis gives examples of the services, not of the skill
_BASED_LEAD = re.compile(r"\s*-?\s*based\b", re.IGNORECASE)
_OR = re.compile(r"/|\bor\b", re.IGNORECASE)
_OR_WORD = re.compile(r"\bor\b", re.IGNORECASE)
# "Pandas, SAS, R, Matlab or other analytics package", "deep learning, statistics, computer
# vision, or related areas", "PyTorch, Tensorflow, or some other framework" (glassdoor-0592):
# the list's items are examples of a kind the posting names
# after them, any one of which meets it
_OR_OTHER = re.compile(
    r"[\s,]*(?:and/)?or\s+(?:any\s+|an?\s+|some\s+)?(?:other|another|similar|equivalent|comparable"
    r"|related)\b",
    re.IGNORECASE,
)
# "TensorRT or other inference compilers", "Tableau or similar BI tools": the skill after
# the cue is the kind the one before belongs to, offered in its place (or an example of
# that kind): one requirement met by either. Up to three words of the kind before its
# skill, no "and": "networks or similar cellular pathways and cell biology" asks cell
# biology besides
_OR_KIND_GAP = re.compile(
    r"^[\s,]*(?:and/)?or\s+(?:any\s+|an?\s+|some\s+)?"
    r"(?:other|another|similar|equivalent|comparable|related)\s+"
    r"(?:(?!(?:and|or|such|like|including)\b)[\w-]+\s+){0,3}"
    # an example of the kind when it is no skill ("Airflow or similar workflow tools such as
    # Luigi")
    r"(?:(?:such\s+as|like|including|e\.\s?g\.?,?)\s+)?$",
    re.IGNORECASE,
)
# "Hive, Impala, Fluentd, Spark, Sqoop, Pig etc.", "for deep learning, statistics, sensors
# and sensor fusion, planning, computer vision, or related areas": a list that trails off
# names examples,
# any of which meets it (unknown names among them too); after "<skill> <up to three
# words>:" they are that skill's examples ("AWS cloud services: EC2, S3, EMR etc.")
_ETC_LIST = re.compile(
    # where a list starts: a colon, a semicolon, a parenthesis, an example marker, "with",
    # "using", or the line's start (after a bullet)
    r"(?:(?P<colon>:)|;|\(|\bsuch\s+as\b|\bincluding\b|\blike\b|\be\.\s?g(?:\s?\.)?|\bi\.\s?e(?:\s?\.)?"
    r"|\bwith\b|\busing\b|\bfor\b|^[^\w\n]*)"
    # items of one to four words
    r"[ \t,]*(?P<items>(?:[^\s,:;()]+(?:[ \t]+[^\s,:;()]+){0,3}[ \t]*,[ \t]*\n?[ \t]*){1,15}"
    r"[^\s,:;()]+(?:[ \t]+[^\s,:;()]+){0,3}?)"
    r"[ \t,]*(?:etc\b\.?|and\s+so\s+on\b|and\s+the\s+like\b"
    r"|(?:and/)?or\s+(?:any\s+|some\s+)?(?:other|related|similar|equivalent|comparable)\b)",
    re.IGNORECASE | re.MULTILINE,
)
# "robotics challenges such as lane detection, object detection and classification, sensor
# fusion, tracking, prediction, anomaly detection, and planning.": a list of examples that
# runs to the clause's end is one requirement, unknown names among its items too
_EXAMPLE_LIST = re.compile(
    r"(?:\bsuch\s+as\b|\bincluding\b|\be\.\s?g(?:\s?\.)?)"
    r"[ \t,:]*(?P<items>(?:[^\s,:;()]+(?:[ \t]+[^\s,:;()]+){0,3}[ \t]*,[ \t]*\n?[ \t]*){2,15}"
    r"[^\s,:;()]+(?:[ \t]+[^\s,:;()]+){0,3}?)"
    r"(?=[ \t]*(?:[.;)]|\n|$))",
    re.IGNORECASE,
)
#: the same list with no start to anchor it: its first item of one or two words
_ETC_LIST_LOOSE = re.compile(
    r"\b(?P<items>[^\s,:;()]+(?:[ \t]+[^\s,:;()]+)?[ \t]*,[ \t]*\n?[ \t]*"
    r"(?:[^\s,:;()]+(?:[ \t]+[^\s,:;()]+){0,3}[ \t]*,[ \t]*\n?[ \t]*){0,15}"
    r"[^\s,:;()]+(?:[ \t]+[^\s,:;()]+){0,3}?)"
    r"[ \t,]*(?:etc\b\.?|and\s+so\s+on\b|and\s+the\s+like\b)",
    re.IGNORECASE,
)
#: one of these is in every match of :data:`_EXAMPLE_LIST` (lower case)
_EXAMPLE_WORDS = ("such as", "including", "e.g")
#: one of these is in every ending of :data:`_ETC_LIST` (lower case)
_TRAIL_WORDS = (
    "etc",
    "so on",
    "the like",
    "other",
    "related",
    "similar",
    "equivalent",
    "comparable",
)
#: the kind a list of examples names after the skill it belongs to ("data science toolkits,
#: such as R, Weka, NumPy")
_KIND = (
    r"(?:techniques|methods|algorithms|approaches|models|tools|toolkits|toolsets|libraries"
    r"|packages|frameworks|platforms|languages|databases|systems|concepts|principles"
    r"|technologies|software|services|skills|environments|stacks|engines|solutions|tooling"
    # ... in the singular of a field: "database technology such as MySQL, Oracle, and
    # MongoDB" (job_desc_full_stack_engineer asked databases apart from its examples)
    r"|technology|platform|framework|language|system|environment)"
)
# "<skill> [kind][,] such as": the skill heads the examples after the marker
_HEAD_GAP = re.compile(
    rf"[ \t]*(?:{_KIND}[ \t]*)?,?\s*(?:such\s+as|e\.\s?g(?:\s?\.)?|including|like)[\s,:]*",
    re.IGNORECASE,
)
# "machine learning techniques and algorithms, such as": a skill of the same head before it
# (its kind after it, or in its own name)
_CO_HEAD_GAP = re.compile(rf"[ \t]+(?P<kind>{_KIND}[ \t]+)?(?:and|or|&)[ \t]+", re.IGNORECASE)
_ENDS_KIND = re.compile(rf"\b{_KIND}$", re.IGNORECASE)
_LEAD_COLON = re.compile(r"(?:[ \t]+[\w-]+){0,3}[ \t]*$")
# not "one language in addition to SQL: Java, Python etc.": SQL is asked besides them
_BESIDES = re.compile(
    r"\b(?:in\s+addition\s+to|besides|beyond|other\s+than|apart\s+from|as\s+well\s+as)\s*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\band\b(?!/)|&", re.IGNORECASE)
_EXAMPLE = re.compile(r"\(|\be\.\s?g\b|\bsuch as\b|\blike\b|\bincluding\b|\bi\.\s?e\b", re.I)
# "Excel (Visual Basic and Pivot Tables)", "Docker (K8s and Terraform)": a parenthesis right
# after a named tool (up to two words between) that joins its items with "and" and offers no
# choice gives the tool's parts or uses, each asked; a word of choice or of examples in it
# keeps them alternatives ("Microsoft Office (Word and/or Excel)", "AWS (e.g. EC2 and S3)"),
# as does a bare list ("NoSQL databases (ElasticSearch, Accumulo)": examples of a kind)
_PARTS_LEAD = re.compile(r"^\s*(?:(?!and\b|or\b)[\w-]+\s+){0,2}\(\s*$", re.IGNORECASE)
_CHOICE = re.compile(
    r"\bor\b|/|\be\.\s?g\b|\beg\b|\bsuch\s+as\b|\blike\b|\bincluding\b|\bi\.\s?e\b|\betc\b"
    r"|\bespecially\b|\bother\b|\bsimilar\b|\bequivalent\b|\bany\b|\bpreferred\b|\bplus\b",
    re.IGNORECASE,
)
# "Storybook for component documentation, Vitest or Jest": a skill after "for" is the
# purpose of the one before, and the comma after it ends that pair, not a list
_PURPOSE = re.compile(r"^\s+for\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


#: a bare "(preferred)" after an alternative, before its "or"
_PREFERRED_ASIDE = re.compile(r"^\s*\((?:strongly |highly )?preferred\)(?=\s+or\b)", re.I)


#: ... and a bare abbreviation in parentheses before "or": "Docker ( DCA ) or Kubernetes"
_ABBREVIATION_ASIDE = re.compile(r"^\s*\(\s*(?-i:[A-Z][A-Z0-9-]{1,9})\s*\)(?=\s+or\b)")


def _link(gap: str, *, in_parens: bool) -> str | None:
    """The kind of link between two mentions: ``and``, ``or``, ``example``, ``comma``, or
    ``None`` when the gap is prose (or closes a parenthesis).

    Inside a parenthesis a list of unknown names also links ("(JSF, Wicket, GWT)").
    """
    # "either AWS (preferred) or Azure": the aside prefers one of the alternatives
    gap = _PREFERRED_ASIDE.sub(" ", gap)
    # "Docker ( DCA ) or Kubernetes ( CKAD )": an abbreviation the lexicon does not know, in
    # a parenthesis of its own, before the "or" (skillspan-dev-tech-001 split them)
    gap = _ABBREVIATION_ASIDE.sub(" ", gap)
    if ")" in gap:
        return None
    if _LEAD_EXAMPLE.match(gap):  # "cloud experience (e.g., AWS": the skill and examples
        return "example"
    if in_parens and len(gap) <= 40 and _LIST_GAP.match(gap):
        return "example"
    if _OR_KIND_GAP.match(gap):
        return "or"
    if len(gap) > 24 or not _GAP.match(gap):
        return None
    if _OR.search(gap):
        return "or"
    if _EXAMPLE.search(gap):
        return "example"
    if _AND.search(gap):
        return "and"
    return "comma"


def _heads_examples(text: str, ms: Sequence[SkillMention], i: int) -> bool:
    """Whether the mention ``ms[i]`` is followed by only "such as", "e.g." or "including"
    and the next mention, its first example ("machine learning techniques such as random
    forest")."""
    m = ms[i]
    nxt = next((n for n in ms[i + 1 :] if n.start >= m.end), None)
    if nxt is None:
        return False
    gap = text[m.end : nxt.start]
    return _EXAMPLE_MARKER_GAP.match(gap) is not None


#: a gap that is only an example marker: " such as ", ", including ", " (e.g. "
_EXAMPLE_MARKER_GAP = re.compile(
    r"^[ \t]*,?[ \t]*\(?[ \t]*(?:e\.\s?g(?:\s?\.)?|such[ \t]+as|including)[ \t,:]*$", re.IGNORECASE
)


def _based_on(gap: str, head: SkillMention, example: SkillMention) -> bool:
    """Whether ``example`` exemplifies what ``head`` is the base of rather than ``head``
    itself: "Java based services (including restful web services)" asks Java, and REST
    services; "cloud-based technologies (AWS, GCP, Azure)", whose examples are of the
    skill's own kind (category), still offers them as alternatives."""
    return "(" in gap and _BASED_LEAD.match(gap) is not None and head.category != example.category


def _in_parens(text: str, at: int) -> bool:
    opened = text.rfind("(", max(0, at - 80), at)
    return opened != -1 and text.rfind(")", opened, at) == -1


# "Scala would be ideal but a solid knowledge of Java is also acceptable", "Python preferred,
# R is also accepted": the ideal skill and the acceptable one are alternatives of one
# requirement (either meets it); "ideal" names the better of them, not a preference of the
# requirement
_ACCEPTABLE = re.compile(
    r"\b(?:(?:would|will)\s+be\s+|is\s+|are\s+)?(?:(?:most|highly|strongly)\s+)?"
    r"(?:ideal|preferred)\b[\s,;]*(?:(?:but|though|although|while|however|yet)\b)?"
    r"[^.;:()]{1,80}?(?:\b(?:is|are|would\s+be|will\s+be)\s+)?(?:also\s+|equally\s+)?"
    r"\b(?:acceptable|accepted)\b",
    re.IGNORECASE,
)


def acceptable_alternatives(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``text[start:end]`` naming an ideal skill and an acceptable one ("Scala
    would be ideal but ... Java is also acceptable"), from the start of its phrase (after
    the last comma, colon, semicolon or parenthesis before the cue) to "acceptable", or
    ``None``."""
    if "cceptable" not in text[start:end] and "ccepted" not in text[start:end]:
        return None
    m = _ACCEPTABLE.search(text, start, end)
    if m is None:
        return None
    a = max(text.rfind(c, start, m.start()) for c in ",;:(") + 1
    return max(a, start), m.end()


def alternatives(text: str, mentions: Sequence[SkillMention]) -> list[list[str]]:
    """Group the skill mentions of one clause into requirements (lists of skill ids).

    Mentions form a chain when only separators stand between them; a chain is cut at
    "and"; a piece with an "or", "/" or an example marker, or that starts after "e.g.",
    "such as" or "(", is one requirement of alternatives; otherwise each skill is its own.
    """
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    chains: list[list[tuple[SkillMention, str | None]]] = []
    prev: SkillMention | None = None
    alias = False  # prev is the short form of the skill before it: "networks (CNNs"
    purpose = False  # prev follows "for" after another skill: "Storybook for documentation"
    for i, m in enumerate(ms):
        if prev is not None and m.start < prev.end:
            continue  # nested in the previous mention
        link: str | None = None
        if prev is not None:
            gap = text[prev.end : m.start]
            if alias and gap.lstrip().startswith(")"):
                gap = gap.lstrip()[1:]  # the alias's parenthesis closes: the list goes on
            # "SQL, SAQL, R, Python, or JSON" (glassdoor-0495): names the lexicon does not
            # know, between commas, inside a list ending in ", or", are items of it
            link = (
                _link(gap, in_parens=_in_parens(text, m.start))
                or _unknown_items(text, gap, ms, i)
                or _or_pairs(text, gap, prev)
            )
            if link == "example" and _based_on(gap, prev, m):
                link = None
        # a comma ends the chain after an "or" ("Spark or Ray, MLflow": the alternatives end)
        # and after a purpose ("Storybook for documentation, Vitest")
        # but not after a slash in a list that ends in ", or" ("SAS, Microsoft Excel/VBA,
        # Tableau, or SAS Visual Analytics", glassdoor-0239: the comma goes on)
        comma_ends = link == "comma" and (
            purpose
            or (
                bool(chains)
                and chains[-1][-1][1] == "or"
                and not _slash_in_list(text, chains[-1], ms, i)
            )
        )
        # "such as PyTorch, TensorFlow, and JAX": "and" ends a list of examples, not a chain
        ends_examples = link == "and" and _examples(text, chains[-1]) if chains else False
        if ends_examples and _heads_examples(text, ms, i):
            # "statistical methods such as GLM and machine learning techniques such as random
            # forest, GBM": the skill after "and" has examples of its own (glassdoor-0102)
            ends_examples = False
        if link is None or (link == "and" and not ends_examples) or comma_ends:
            chains.append([(m, None)])
        else:
            chains[-1].append((m, link))
        alias = (
            prev is not None
            and link == "example"
            and m.skill_id == prev.skill_id
            and "(" in text[prev.end : m.start]
        )
        purpose = link is None and prev is not None and bool(_PURPOSE.match(gap))
        prev = m
    # a list that trails off ("..., Pig etc."): the chains inside it are one requirement
    owner: dict[int, int] = {}
    for k, members in enumerate(_trailing_lists(text, ms)):
        owner.update((id(m), k) for m in members)
    chains = _join_heads(text, chains, owner)
    groups: list[list[str]] = []
    joined: dict[int, list[str]] = {}
    for chain in chains:
        owners = {owner.get(id(m), -1) for m, _ in chain}
        k = owners.pop() if len(owners) == 1 else -1
        if k != -1:
            if k not in joined:
                joined[k] = []
                groups.append(joined[k])
            joined[k].extend(m.skill_id for m, _ in chain if m.skill_id not in joined[k])
        elif _parts(text, chain):
            groups.extend([s] for s in dict.fromkeys(m.skill_id for m, _ in chain))
        elif _examples(text, chain) or (len(chain) > 1 and _OR_OTHER.match(text, chain[-1][0].end)):
            # "Python, C, Java, SQL, ML platforms (H2O, DataRobot)": the items listed before
            # the skill the examples belong to are asked each (glassdoor-0435)
            lead = _listed_before_examples(text, chain)
            groups.extend([m.skill_id] for m, _ in chain[:lead])
            groups.append(list(dict.fromkeys(m.skill_id for m, _ in chain[lead:])))
        elif any(link == "or" for _, link in chain):
            # "ReactJS HTML5 / CSS3": the slash binds its two neighbours, not the list
            pieces = _slash_pieces(text, chain) or [[m for m, _ in chain]]
            groups.extend(list(dict.fromkeys(m.skill_id for m in piece)) for piece in pieces)
        else:
            groups.extend([m.skill_id] for m, _ in chain)
    return groups


#: a gap of a list's items: a comma only; and the gap before its last item: ", or"
_COMMA_ONLY = re.compile(r"^[ \t]*,[ \t]*$")
_COMMA_OR = re.compile(r"^[ \t]*,[ \t]*or[ \t]+$", re.IGNORECASE)


#: unknown names between commas: ", SAQL, ", ", Hive QL, Presto, "
_UNKNOWN_ITEMS = re.compile(
    r"^[ \t]*,[ \t]*(?:(?-i:[A-Z])[\w.+#-]*(?:[ \t](?-i:[A-Z])[\w.+#-]*)?[ \t]*,[ \t]*){1,3}$"
)


#: an unknown item of one or two lower-case words between a comma and "or": ", agronomy or "
_UNKNOWN_OR = re.compile(
    r"^[ \t]*,[ \t]*(?!(?:and|or|the|a|an|to|with|in|of|for|as|is|are|be|other)\b)"
    r"(?-i:[a-z][a-z-]+)(?:[ \t](?!(?:and|or|the|to|with|in|of|for|as|is|are|be|other)\b)"
    r"(?-i:[a-z][a-z-]+))?[ \t]+or[ \t]+$"
)
#: "or" right before a mention: the pair it ends
_OR_BEFORE = re.compile(r"(?<![\w/-])or[ \t]+$")


def _or_pairs(text: str, gap: str, prev: SkillMention) -> str | None:
    """``"or"`` when ``prev`` ends a pair of alternatives and ``gap`` opens the next pair
    with an unknown item: "farming, plant breeding or physiology, agronomy or genetics"
    (glassdoor-0303) is one list of fields, any of which meets it; else ``None``."""
    if _UNKNOWN_OR.match(gap) is None:
        return None
    if _OR_BEFORE.search(text, max(0, prev.start - 8), prev.start) is None:
        return None
    return "or"


def _ends_in_or(text: str, ms: Sequence[SkillMention], i: int) -> bool:
    """Whether the list goes on from ``ms[i]`` by commas to a last item after ", or"."""
    prev = ms[i]
    for m in ms[i + 1 :]:
        if m.start < prev.end:
            continue  # nested in the previous mention
        gap = text[prev.end : m.start]
        if _COMMA_OR.match(gap):
            return True
        if not _COMMA_ONLY.match(gap):
            return False
        prev = m
    return False


def _unknown_items(text: str, gap: str, ms: Sequence[SkillMention], i: int) -> str | None:
    """``"comma"`` when ``gap`` holds only names the lexicon does not know, between commas,
    and the list goes on from ``ms[i]`` to a last item after ", or" ("SQL, SAQL, R, Python,
    or JSON"); else ``None``."""
    if _UNKNOWN_ITEMS.match(gap) is None or not _ends_in_or(text, ms, i):
        return None
    return "comma"


def _slash_in_list(
    text: str,
    chain: Sequence[tuple[SkillMention, str | None]],
    ms: Sequence[SkillMention],
    i: int,
) -> bool:
    """Whether the "or" ending ``chain`` is a slash ("Excel/VBA") and the list goes on from
    ``ms[i]`` by commas to a last item after ", or": one list of alternatives, the slash a
    pair inside it. A list ending otherwise ("..., Scikit-learn and Keras / Tensorflow")
    is not one."""
    if len(chain) < 2:
        return False
    gap = text[chain[-2][0].end : chain[-1][0].start]
    return "/" in gap and not _OR_WORD.search(gap) and _ends_in_or(text, ms, i)


def _parts(text: str, chain: Sequence[tuple[SkillMention, str | None]]) -> bool:
    """The chain is a named tool and, in the parenthesis right after it, its parts or uses
    joined by "and" ("Excel (Visual Basic and Pivot Tables)", "Docker (K8s and
    Terraform)"): each is asked, not any of them. A tool's name has a capital (a kind of
    thing, "cloud platforms (AWS and GCP)", offers examples); the parenthesis holds the
    rest of the chain and no word of choice or of examples (:data:`_CHOICE`)."""
    if len(chain) < 2 or not any(c.isupper() for c in chain[0][0].name):
        return False
    head, first = chain[0][0], chain[1][0]
    lead = text[head.end : first.start]
    if _PARTS_LEAD.match(lead) is None:
        return False
    opened = head.end + lead.rindex("(")
    closed = text.find(")", first.start, first.start + 200)
    return (
        closed != -1
        and chain[-1][0].end <= closed
        and _AND.search(text, opened, closed) is not None
        and _CHOICE.search(text, opened, closed) is None
    )


def _slash_pieces(
    text: str, chain: Sequence[tuple[SkillMention, str | None]]
) -> list[list[SkillMention]] | None:
    """The pieces of a chain whose only alternatives are joined by slashes, cut at its
    commas (or bare spaces): "ReactJS HTML5 / CSS3" is React, and HTML or CSS; "PowerShell
    git monitoring/alerting" is PowerShell, Git, and monitoring or alerting. ``None`` when
    the chain has no such comma, or an "or" written as a word ("AWS, GCP or Azure")."""
    if not any(link == "comma" for _, link in chain):
        return None
    pieces: list[list[SkillMention]] = []
    prev: SkillMention | None = None
    for m, link in chain:
        if link == "or" and prev is not None and _OR_WORD.search(text, prev.end, m.start):
            return None
        if link == "or" and pieces:
            pieces[-1].append(m)
        else:
            pieces.append([m])
        prev = m
    return pieces


def _join_heads(
    text: str, chains: list[list[tuple[SkillMention, str | None]]], owner: dict[int, int]
) -> list[list[tuple[SkillMention, str | None]]]:
    """Each list of examples with the skills it exemplifies: "data science toolkits, such as
    R, Weka" (R or Weka is data science's example), "machine learning techniques and
    algorithms, such as k-NN, SVM" (both heads). A head stands alone in its chain, right
    before the marker but for a kind ("toolkits", "techniques"); it joins the examples'
    chain, and their trailing list if they are one (``owner``, mention id -> list, is
    updated in place)."""
    out: list[list[tuple[SkillMention, str | None]]] = []
    for chain in chains:
        first = chain[0][0]
        if (
            out
            and _heads(text, out[-1])
            and _HEAD_GAP.fullmatch(text, out[-1][-1][0].end, first.start)
        ):
            # "toolkits, such as R": the head is the chain before; "fp-ts or similar
            # functional programming libraries like Ramda": with the skills it is the kind of
            heads = out.pop()
            chain = [*heads, (first, "example"), *chain[1:]]
        elif not (len(chain) > 1 and _HEAD_GAP.fullmatch(text, first.end, chain[1][0].start)):
            out.append(chain)
            continue
        # "machine learning techniques and algorithms, such as": a head before the head
        while out and len(out[-1]) == 1 and _co_head(text, out[-1][0][0], chain[0][0]):
            chain = [(out.pop()[0][0], None), (chain[0][0], "and"), *chain[1:]]
        owners = {owner[id(m)] for m, _ in chain if id(m) in owner}
        if len(owners) == 1:
            k = owners.pop()
            owner.update((id(m), k) for m, _ in chain)
        out.append(chain)
    return out


def _heads(text: str, chain: Sequence[tuple[SkillMention, str | None]]) -> bool:
    """The chain can head a list of examples after it: a skill alone, or skills and the
    kind they are offered as ("fp-ts or similar functional programming libraries")."""
    if len(chain) == 1:
        return True
    return _OR_KIND_GAP.match(text[chain[-2][0].end : chain[-1][0].start]) is not None


def _co_head(text: str, before: SkillMention, head: SkillMention) -> bool:
    """``before`` names the same kind of thing as ``head``: "machine learning techniques and
    algorithms" (the kind after it, or ending its own name), not "Python and algorithms"."""
    gap = _CO_HEAD_GAP.fullmatch(text, before.end, head.start)
    return gap is not None and bool(gap.group("kind") or _ENDS_KIND.search(before.text))


def _trailing_lists(text: str, ms: Sequence[SkillMention]) -> list[list[SkillMention]]:
    """The mentions of each list of the clause that trails off ("..., Pig etc."), with the
    skill its colon follows ("AWS cloud services: EC2, S3 etc."), and of each list of
    examples that runs to the clause's end ("such as lane detection, object detection,
    sensor fusion, tracking, and planning.")."""
    if not ms:
        return []
    lo, hi = ms[0].start, max(m.end for m in ms)
    found: list[list[SkillMention]] = []
    lead_window = text[max(0, lo - 200) : hi].lower()
    if any(w in lead_window for w in _EXAMPLE_WORDS):
        end = min(len(text), hi + 80)
        for match in _EXAMPLE_LIST.finditer(text, max(0, lo - 200), end):
            if members := _list_members(ms, *match.span("items")):
                found.append(members)
    window = text[lo : hi + 16].lower()
    if not any(w in window for w in _TRAIL_WORDS):
        return found
    taken: list[tuple[int, int]] = []
    for match in _ETC_LIST.finditer(text, max(0, lo - 8), min(len(text), hi + 16)):
        a, b = match.span("items")
        members = _list_members(ms, a, b)
        if not members:
            continue
        if match.group("colon"):
            before = [m for m in ms if m.end <= match.start() and m.end > match.start() - 40]
            lead = before[-1] if before else None
            if (
                lead is not None
                and _LEAD_COLON.match(text, lead.end, match.start())
                and not _BESIDES.search(text, max(0, lead.start - 24), lead.start)
            ):
                members.insert(0, lead)
        found.append(members)
        taken.append((a, b))
    # a list after a verb ("Webscraping leveraging Beautifulsoup, Selenium, Scrapy, etc",
    # "to build recommender systems, NLP engines, computer vision algorithms, etc."): its
    # first item holds at most two words, so a skill further back stays out
    for match in _ETC_LIST_LOOSE.finditer(text, max(0, lo - 24), min(len(text), hi + 16)):
        a, b = match.span("items")
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        if members := _list_members(ms, a, b):
            found.append(members)
    return found


def _list_members(ms: Sequence[SkillMention], a: int, b: int) -> list[SkillMention]:
    """The mentions within ``text[a:b]``, a list's items, when they name two skills or more
    (else none: a list of one skill groups nothing)."""
    members = [m for m in ms if a <= m.start and m.end <= b]
    return members if len({m.skill_id for m in members}) >= 2 else []


def _examples(text: str, chain: Sequence[tuple[SkillMention, str | None]]) -> bool:
    """The chain is a skill and its examples, or a list of examples: it starts after
    "e.g.", "such as", "(" or "one of the following ...:", or one of its links is an
    example marker."""
    return _starts_examples(text, chain) or any(link == "example" for _, link in chain)


def _starts_examples(text: str, chain: Sequence[tuple[SkillMention, str | None]]) -> bool:
    """The chain starts after "e.g.", "such as", "(" or "one of the following ...:"."""
    first = chain[0][0]
    before = text[max(0, first.start - 16) : first.start]
    if _EXAMPLE_BEFORE.search(before) or _in_parens(text, first.start):
        return True
    # "one of the following languages: Java, Scala, Golang"
    return _ONE_OF_BEFORE.search(text, max(0, first.start - 60), first.start) is not None


def _listed_before_examples(text: str, chain: Sequence[tuple[SkillMention, str | None]]) -> int:
    """How many of the chain's first mentions are a list, each item after a comma, before
    the skill its examples belong to (0 when there is none, or the chain is all
    examples): in "Python, C, SQL, ML platforms (H2O, DataRobot)" the first three; in
    "full stack engineering, Python web frameworks such as Django" the first (the skill's
    own words, "Python web frameworks", stay with it); none in "NoSQL datastores
    (Cassandra, MongoDB)"."""
    if _starts_examples(text, chain):
        return 0
    links = [link for _, link in chain]
    if "example" not in links:
        return 0
    # chain[k] is the first example; the skill it belongs to starts after the last comma
    k = links.index("example")
    head = k - 1
    while head > 0 and not _comma_before(text, chain, head):
        head -= 1
    if head == 0 or any(
        link != "comma" or not _comma_before(text, chain, i)
        for i, link in enumerate(links[1:head], start=1)
    ):
        return 0
    return head


def _comma_before(text: str, chain: Sequence[tuple[SkillMention, str | None]], i: int) -> bool:
    """A comma stands between the chain's mention ``i`` and the one before it."""
    return "," in text[chain[i - 1][0].end : chain[i][0].start]
