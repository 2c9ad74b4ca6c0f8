"""Postings in, facts out: the market's reading of its inputs and its one call into scoring.

:func:`iter_postings` reads what ``jobmatch batch`` reads (folders, documents, CSV, JSON
lines, ``-`` for JSON lines on stdin) through :func:`jobmatch.batch.records.iter_records`
and adds the value of a salary field / column (JSON lines, CSV, stdin alike).
:class:`PostingScorer` scores postings against a profile (or a resume against each
posting) and returns the few
:class:`~jobmatch.market.counts.PostingFacts` a market report counts; every call into
:mod:`jobmatch.scoring` is in :meth:`PostingScorer.facts_of`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import ProfileError
from ..report_parts import partly_met
from ..scoring.posting_profile import skill_marks
from ..scoring.posting_reader import read_requirements
from .counts import PostingFacts
from .salary import Salary, parse_salary

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..models import Document, SkillMention
    from ..scoring.profiles import Profile

__all__ = [
    "Posting",
    "iter_postings",
    "as_postings",
    "PostingScorer",
    "SALARY_FIELD",
    "SALARY_NAMES",
    "SALARY_WORDS",
    "salary_names",
    "salary_spellings",
    "posting_salary",
]

#: the words of the names a salary field / column is looked for under, in this order
SALARY_WORDS = ("salary estimate", "salary", "salary range", "pay", "pay range", "compensation")


def salary_spellings(words: Sequence[str]) -> tuple[str, ...]:
    """The spellings a salary field / column name is recognised in, each of ``words`` in turn.

    ``"salary estimate"`` gives ``salary estimate``, ``Salary estimate``, ``Salary Estimate``,
    ``SALARY ESTIMATE``, the same joined by ``_``, ``-`` or nothing, and ``salaryEstimate``.
    """
    out: dict[str, None] = {}
    for phrase in words:
        parts = phrase.split()
        for joiner in (" ", "_", "-", ""):
            for cased in (
                [w.lower() for w in parts],
                [parts[0].capitalize(), *(w.lower() for w in parts[1:])],
                [w.capitalize() for w in parts],
                [w.upper() for w in parts],
            ):
                out[joiner.join(cased)] = None
        out[parts[0].lower() + "".join(w.capitalize() for w in parts[1:])] = None
    return tuple(out)


#: the names tried, in order, when no salary field / column is named
SALARY_NAMES = salary_spellings(SALARY_WORDS)
#: the Glassdoor exports' salary field (the first of :data:`SALARY_NAMES`)
SALARY_FIELD = SALARY_NAMES[0]


@dataclass(frozen=True, slots=True)
class Posting:
    """One posting to count: a text, a document path, or the reason it is unusable.

    ``salary`` is the value of its salary field / column, when the input has one.
    """

    id: str
    text: str | None = None
    path: str | None = None
    salary: str | None = None
    error: str | None = None


def salary_names(salary_field: str | Sequence[str] | None) -> tuple[str, ...]:
    """The field / column names to read pay from: one name, several in order, or none.

    ``None`` and ``""`` mean none (the text only); a ``str`` is that one name.
    """
    if salary_field is None or salary_field == "":
        return ()
    if isinstance(salary_field, str):
        return (salary_field,)
    return tuple(salary_field)


def iter_postings(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    salary_field: str | Sequence[str] | None = SALARY_NAMES,
    stdin: IO[bytes] | None = None,
    **record_options: Any,
) -> Iterator[Posting]:
    """Yield one :class:`Posting` per input record, lazily, in input order.

    Args:
        inputs: as for :func:`~jobmatch.batch.records.iter_records` (``-`` is stdin).
        salary_field: the JSON field or CSV column holding the pay; several names are
            tried in order and the first with a value in a record is its pay (default:
            :data:`SALARY_NAMES`); ``None`` or ``""``: only the text is read.
        stdin: the stream ``-`` reads (default: the process's standard input).
        record_options: ``text_field``, ``id_field``, ``text_column``, ``id_column``,
            ``max_bytes`` of :func:`~jobmatch.batch.records.iter_records`.

    Returns:
        An iterator of postings; an unusable record is a posting with ``error`` set.
    """
    from ..batch.records import iter_records

    names = salary_names(salary_field)
    records = iter_records(inputs, stdin=stdin, keep_fields=names, **record_options)
    for rec in records:
        salary = next((v for _, v in rec.fields if v.strip()), None)
        yield Posting(id=rec.id, text=rec.text, path=rec.path, salary=salary, error=rec.error)


def as_postings(items: Iterable[Any]) -> Iterator[Posting]:
    """Postings from texts (``str``), files (``pathlib.Path``), ``(id, text)`` pairs,
    :class:`Posting` or batch ``Record`` objects; ids default to the position (``1``...).

    Raises:
        TypeError: for an item of another type.
    """
    from ..batch.records import Record

    for i, item in enumerate(items, start=1):
        if isinstance(item, Posting):
            yield item
        elif isinstance(item, str):
            yield Posting(id=str(i), text=item)
        elif isinstance(item, os.PathLike):
            yield Posting(id=os.fspath(item), path=os.fspath(item))
        elif isinstance(item, tuple) and len(item) == 2:
            yield Posting(id=str(item[0]), text=str(item[1]))
        elif isinstance(item, Record):
            yield Posting(id=item.id, text=item.text, path=item.path, error=item.error)
        else:
            raise TypeError(f"a posting is a str, Path, (id, text) or Posting, not {item!r:.60}")


class PostingScorer:
    """Scores postings for a market report: against a profile, or a resume against each.

    Args:
        profile: a shipped profile id, a TOML path or a Profile.
        resume: the resume (a ``pathlib.Path`` or Document is a file, a ``str`` its text);
            ``None`` scores each posting against the profile.

    Raises:
        ProfileError: the profile cannot be loaded.
        DocumentError: the resume cannot be read (``EmptyDocumentError`` when it is empty).
    """

    def __init__(self, profile: str | Path | Profile, *, resume: Any = None) -> None:
        from ..read.inputs import as_document
        from ..scoring.scorer import Scorer
        from ..scoring.text import require_text

        self.scorer = Scorer(profile)
        self.profile = self.scorer.profile
        self.lexicon = self.scorer.lexicon
        self.category_of = {s.id: s.category for s in self.lexicon.skills}
        self.resume: Document | None = None
        self._resume_parsed: tuple[Doc, list[SkillMention]] | None = None
        if resume is not None:
            doc = as_document(resume)
            require_text(doc.text, doc.source)
            self.resume = doc
            self._resume_parsed = next(self.scorer.extractor.pipe_docs([doc.text]))

    def read(self, posting: Posting) -> str:
        """The text of ``posting`` (a document path is read).

        Raises:
            DocumentError: the document cannot be read.
        """
        if posting.text is not None:
            return posting.text
        from ..read.documents import read_document

        assert posting.path is not None
        return read_document(posting.path).text

    def facts(self, items: Iterable[tuple[Posting, str]]) -> Iterator[tuple[Posting, PostingFacts]]:
        """The facts of each ``(posting, text)``, in order; the texts go through ``nlp.pipe``.

        In memory zones (:meth:`~jobmatch.extract.SkillExtractor.pipe_zoned`): the facts
        are plain data, so the vocabulary does not grow with the number of postings.
        """
        pairs = iter(items)
        kept: deque[tuple[Posting, str]] = deque()

        def texts() -> Iterator[str]:
            for posting, text in pairs:
                kept.append((posting, text))
                yield text

        for doc, mentions in self.scorer.extractor.pipe_zoned(texts()):
            posting, text = kept.popleft()
            yield posting, self.facts_of(posting, text, doc, mentions)

    def facts_of(
        self, posting: Posting, text: str, doc: Doc, mentions: list[SkillMention]
    ) -> PostingFacts:
        """Score one parsed posting: every call of the market into scoring is here.

        The required/preferred marks are those of the posting's ad-hoc profile
        (:func:`~jobmatch.scoring.posting_profile.posting_profile`); the score is the one
        ``jobmatch batch`` gives (with a resume: the resume against that profile); the gaps
        are the report's "what to add" (the largest gain per skill).
        """
        gaps: dict[str, float] = {}
        if self._resume_parsed is None:
            # only the marks of the posting's profile are counted: not the profile itself
            from ..extract.mentions import doc_sections

            read = read_requirements(
                text,
                mentions,
                lexicon=self.lexicon,
                source=posting.id,
                years=False,
                sections=doc_sections(doc, text),
            )
            skills = skill_marks(read)
            # the score batch gives, without the report's explanations (as batch does)
            brief = self.scorer.score_brief(doc, mentions, source=posting.id, text=text)
            return self._facts(posting, text, brief.score, skills, gaps)
        try:
            prof = self.scorer.posting_profile(text, mentions, source=posting.id, doc=doc)
        except ProfileError:  # no lexicon skill in the posting
            prof = None
        skills = {}
        if prof is not None:
            for cat, req in prof.requirements():
                if cat.id != "education":
                    skills.update((sid, req.required) for sid in req.skills)
        if prof is None:
            score = 0.0
        else:
            assert self.resume is not None
            rdoc, rmentions = self._resume_parsed
            # the points a skill adds to the score itself, 0 where the coverage ceiling holds
            # it: a skill turns a posting into a match only if the score can move
            report = self.scorer.score_against(
                prof, self.resume, rdoc, rmentions, warnings=(), exact_gains=True
            )
            score = report.score
            # a skill partly met (deep learning, by Keras) is shown, not lacking: the gaps
            # are what the report lists under "what to add", not its upgrades
            partial = partly_met(report)
            for m in report.missing:
                if m.skill_id in skills and m.requirement not in partial:
                    gaps[m.skill_id] = max(gaps.get(m.skill_id, 0.0), m.gain)
        return self._facts(posting, text, score, skills, gaps)

    def _facts(
        self,
        posting: Posting,
        text: str,
        score: float,
        skills: dict[str, bool],
        gaps: dict[str, float],
    ) -> PostingFacts:
        return PostingFacts(
            score=score,
            skills=skills,
            categories={sid: self.category_of.get(sid, "other") for sid in skills},
            gaps=gaps,
            salary=posting_salary(posting, text),
        )


def posting_salary(posting: Posting, text: str) -> Salary | None:
    """The pay of a posting: its salary field / column, else (none, ``-1``, ``n/a``) its text.

    The column wins over the text: it is what the source states for the posting, where a
    text can name other amounts (a bonus, a range for another level) first.
    """
    if posting.salary is not None and posting.salary.strip():
        found = parse_salary(posting.salary, field=True)
        if found is not None:
            return found
    return parse_salary(text)
