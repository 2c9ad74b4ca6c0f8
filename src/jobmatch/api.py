"""The top-level functions of ``jobmatch``: read, extract, score and match, without guessing.

The rule, everywhere: a ``pathlib.Path`` (any ``os.PathLike``) or a
:class:`~jobmatch.models.Document` is a *file*; a ``str`` is *text*. A ``str`` is never
looked up in the file system, even when it reads like a file name (``"resume.pdf"``); if
it names an existing file or folder a warning is logged saying to pass a ``Path``.
Functions whose argument can only be a file (:func:`read_document`, :func:`score_file`,
:func:`match_files`) take its name as a ``str`` or a ``Path``.

Every failure caused by the input is a :class:`~jobmatch.errors.JobmatchError`; a
wrong argument type is a ``TypeError``. No ``OSError``, ``UnicodeError``, ``ValueError``
or other exception of the standard library or of a dependency escapes on any ``str``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, TypeAlias

from .errors import ProfileError
from .models import Document, ScoreReport, SkillMention
from .read.inputs import as_document, read_file, text_document
from .scoring.profiles import DEFAULT_PROFILE, Profile, load_profile
from .scoring.scorer import Scorer

if TYPE_CHECKING:
    from .read.documents import Limits

__all__ = [
    "read_document",
    "extract_skills",
    "score",
    "score_text",
    "score_file",
    "match",
    "match_texts",
    "match_files",
    "DEFAULT_PROFILE",
]


#: what a ``profile=`` argument takes: a shipped id, a TOML file name, or a loaded Profile
Profiled: TypeAlias = str | os.PathLike[str] | Profile


def read_document(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    limits: Limits | None = None,
    pdf_engine: str | None = None,
) -> Document:
    """Read the file at ``path`` into a checked :class:`~jobmatch.models.Document`.

    ``path`` is a file name: a ``pathlib.Path`` or a ``str`` (here a ``str`` is a file name,
    since there is no text to take it for). PDF, DOCX, HTML, Markdown and plain text are
    recognised by their content; the text passes the quality gate (its warnings are in
    ``Document.warnings``).

    Args:
        path: the file to read.
        password: the password of an encrypted PDF.
        limits: size, page, time and memory bounds (default ``jobmatch.Limits()``).
        pdf_engine: ``"pdfminer"`` (the reference) or ``"pdfium"`` (the ``jobmatch[pdfium]``
            extra); default ``$JOBMATCH_PDF_ENGINE``, else ``"pdfminer"``.

    Returns:
        The document.

    Raises:
        DocumentNotFoundError: no such file (also a name with NUL or a lone surrogate).
        DocumentError: any other subclass (encrypted, no text layer, too large, corrupt,
            unsupported format, parse limit...) when the file cannot be read into text.
        TypeError: ``path`` is neither a ``str`` nor an ``os.PathLike``.
        ValueError: an unknown ``pdf_engine``.
    """
    return read_file(path, password=password, limits=limits, pdf_engine=pdf_engine)


def extract_skills(
    source: str | os.PathLike[str] | Document, *, accurate: bool = False
) -> list[SkillMention]:
    """The skills of the shipped lexicon mentioned in a text or a file, in text order.

    A ``str`` is the text itself; a ``pathlib.Path`` is read first (:func:`read_document`);
    a :class:`~jobmatch.models.Document` gives its ``text``. Offsets (``start``, ``end``)
    index that text: ``text[m.start:m.end] == m.text``.

    Args:
        source: the text, a file path, or a document.
        accurate: merge in the shipped span model's mentions (skills the lexicon does not
            list get ids ``unlisted:<form>``); slower, off by default.

    Returns:
        The mentions, in text order (empty when no skill is found, or for an empty text).

    Raises:
        DocumentError: any subclass, when a path cannot be read into text.
        TypeError: ``source`` is none of the three.
    """
    from .extract.component import default_extractor

    if not isinstance(source, str | os.PathLike | Document):
        raise TypeError(
            "extract_skills() needs a str of text, a pathlib.Path or a Document,"
            f" not {type(source).__name__}"
        )
    text = (text_document(source) if isinstance(source, str) else as_document(source)).text
    original = source if isinstance(source, str) else getattr(source, "text", text)
    extractor = default_extractor(accurate=True) if accurate else default_extractor()
    mentions = extractor.extract(text)
    if text is not original:  # lone surrogates were replaced: give back the caller's text
        mentions = [replace(m, text=original[m.start : m.end]) for m in mentions]
    return mentions


def score(
    document: str | os.PathLike[str] | Document,
    *,
    profile: Profiled = DEFAULT_PROFILE,
    accurate: bool = False,
) -> ScoreReport:
    """Score a document against a role profile: a ``str`` is text, a ``Path`` a file.

    ``jobmatch.score("Python, PyTorch, SQL")`` scores that text;
    ``jobmatch.score(Path("resume.pdf"))`` reads the file; a
    :class:`~jobmatch.models.Document` is scored as it is. A ``str`` naming a file is
    still scored as text (a warning is logged): use :func:`score_file` or a ``Path``.

    Args:
        document: the text, a file path, or a document.
        profile: a shipped profile id, a profile TOML file (``str`` or ``Path``), or a
            :class:`~jobmatch.scoring.profiles.Profile`.
        accurate: extract with the accurate pipeline (lexicon + span model); slower.

    Returns:
        The explained score (0-100) with coverage, matched and missing skills.

    Raises:
        EmptyDocumentError: the text has no non-space character.
        DocumentError: any other subclass, when a path cannot be read into text.
        ProfileError: the profile is unknown or invalid.
        TypeError: ``document`` is not a ``str``, an ``os.PathLike`` or a Document.
    """
    doc = as_document(document)
    return _scorer(profile, accurate=accurate).score_document(doc)


def score_text(text: str, *, profile: Profiled = DEFAULT_PROFILE) -> ScoreReport:
    """Score ``text`` (always text, never read as a file name) against a role profile.

    Args:
        text: the document's text.
        profile: a shipped profile id, a profile TOML file, or a ``Profile``.

    Returns:
        The explained score; its ``source`` is ``"<text>"``.

    Raises:
        EmptyDocumentError: the text has no non-space character.
        ProfileError: the profile is unknown or invalid.
        TypeError: ``text`` is not a ``str``.
    """
    return _scorer(profile).score_document(text_document(text))


def score_file(
    path: str | os.PathLike[str],
    *,
    profile: Profiled = DEFAULT_PROFILE,
    password: str | None = None,
    pdf_engine: str | None = None,
) -> ScoreReport:
    """Read the file at ``path`` (a ``str`` or ``Path`` file name) and score it.

    Args:
        path: the file to read (PDF, DOCX, HTML, Markdown or text).
        profile: a shipped profile id, a profile TOML file, or a ``Profile``.
        password: the password of an encrypted PDF.
        pdf_engine: ``"pdfminer"`` or ``"pdfium"`` (see :func:`read_document`).

    Returns:
        The explained score; its ``source`` is ``path``.

    Raises:
        DocumentError: any subclass, when the file cannot be read into text.
        ProfileError: the profile is unknown or invalid.
        TypeError: ``path`` is neither a ``str`` nor an ``os.PathLike``.
    """
    doc = read_file(path, password=password, pdf_engine=pdf_engine)
    return _scorer(profile).score_document(doc)


def match(
    resume: str | os.PathLike[str] | Document,
    posting: str | os.PathLike[str] | Document,
    *,
    accurate: bool = False,
) -> ScoreReport:
    """Score a resume against the requirements of one job posting (its ad-hoc profile).

    Each argument follows the rule: a ``str`` is text, a ``pathlib.Path`` is read, a
    :class:`~jobmatch.models.Document` is used as it is. The report's ``profile`` is
    ``posting:<file name>`` for a posting file, ``posting:text-<12 hex digits>`` for a
    posting text.

    Args:
        resume: the resume (text, path or document).
        posting: the job posting (text, path or document).
        accurate: extract with the accurate pipeline (lexicon + span model); slower.

    Returns:
        The explained score of the resume against the posting.

    Raises:
        EmptyDocumentError: a text has no non-space character.
        DocumentError: any other subclass, when a path cannot be read into text.
        ProfileError: no skill of the lexicon was found in the posting.
        TypeError: an argument is not a ``str``, an ``os.PathLike`` or a Document.
    """
    scorer = _scorer(DEFAULT_PROFILE, accurate=accurate)
    return scorer.match(as_document(resume), as_document(posting))


def match_texts(resume: str, posting: str) -> ScoreReport:
    """:func:`match` for two texts (both ``str``; neither is ever read as a file name).

    Args:
        resume: the resume's text.
        posting: the posting's text.

    Returns:
        The resume's :class:`~jobmatch.models.ScoreReport` against the posting's requirements.

    Raises:
        EmptyDocumentError: a text has no non-space character.
        ProfileError: no skill of the lexicon was found in the posting.
        TypeError: an argument is not a ``str``.
    """
    return _scorer(DEFAULT_PROFILE).match(text_document(resume), text_document(posting))


def match_files(resume: str | os.PathLike[str], posting: str | os.PathLike[str]) -> ScoreReport:
    """:func:`match` for two files, given as ``str`` or ``Path`` file names.

    Args:
        resume: the resume file (PDF, DOCX, TXT, Markdown, HTML).
        posting: the posting file (same formats).

    Returns:
        The resume's :class:`~jobmatch.models.ScoreReport` against the posting's requirements.

    Raises:
        DocumentError: any subclass, when a file cannot be read into text.
        ProfileError: no skill of the lexicon was found in the posting.
        TypeError: an argument is neither a ``str`` nor an ``os.PathLike``.
    """
    return _scorer(DEFAULT_PROFILE).match(read_file(resume), read_file(posting))


def preload(profile: Profiled = DEFAULT_PROFILE, *, accurate: bool = False) -> None:
    """Build now, and remember, the scorer that :func:`score` and :func:`match` will use.

    The pipeline and the profile are built once per process anyway; this only moves the
    cost to a moment of your choice (a server's start, or while a PDF is being parsed:
    see :func:`jobmatch.read.isolation.meanwhile`).

    Args:
        profile: as for :func:`score`.
        accurate: also build the accurate pipeline.

    Raises:
        ProfileError: the profile cannot be read.
        TypeError: ``profile`` is not a ``str``, a path or a Profile.
    """
    _scorer(profile, accurate=accurate)


def _scorer(profile: Profiled, *, accurate: bool = False) -> Scorer:
    """The scorer of ``profile``: built once per profile name (the pipeline is shared)."""
    if accurate:  # the same profile over the shared accurate extractor
        from .extract.extractor import default_extractor

        return Scorer(_scorer(profile).profile, extractor=default_extractor(accurate=True))
    if isinstance(profile, Profile):
        return Scorer(profile)
    if not isinstance(profile, str | os.PathLike):
        raise TypeError(f"profile must be a str, a path or a Profile, not {type(profile).__name__}")
    name = os.fspath(profile)
    if not isinstance(name, str):
        raise TypeError(f"profile must be a str path, not {type(name).__name__}")
    return _named_scorer(name)


@lru_cache(maxsize=4)
def _named_scorer(name: str) -> Scorer:
    try:
        loaded = load_profile(name)
    except (OSError, ValueError, UnicodeError) as exc:
        # a name the file system cannot hold (too long, NUL, lone surrogate)
        raise ProfileError(f"cannot read profile: {exc}", source=name) from exc
    return Scorer(loaded)
