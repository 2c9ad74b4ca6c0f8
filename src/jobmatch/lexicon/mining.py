"""Mine candidate skill terms from documents.

``mine_candidates`` proposes lexicon records for terms the lexicon does not know yet:

1. documents (``.txt``/``.md`` files, ``.jsonl`` files with a ``text`` field, or folders of
   them) are tokenised with ``spacy.blank("en")``;
2. candidate terms are noun-phrase-like n-grams found without a tagger: runs of tokens cut at
   punctuation, digits and stop words, of which the n-grams (1 to ``max_words`` tokens) that
   neither start nor end with a stop word are kept. Single words must look technical
   (``C++``, ``Node.js``, ``PyTorch``, ``gRPC``, ``HDFS``) or be capitalised inside a sentence;
3. the candidates are ranked by TF-IDF (scikit-learn): term frequency over the mined
   documents taken together, inverse document frequency over a background corpus (the
   ``background`` texts, or a small built-in set of generic job-posting prose) so that words
   every posting uses ("team", "experience") sink;
4. terms already in the lexicon (any name or alias, plural folded) are dropped.

The result is a list of :class:`Candidate` that :func:`write_candidates` writes as JSON lines
in the lexicon record format plus ``score``, ``count`` and an ``example`` context: review them,
fix the name and category, delete the extra fields and move the line into
``skill_lexicon/skills/<file>.jsonl``.

``find_skills`` and ``lexicon_stats`` (``jobmatch lexicon show``) live in :mod:`.browse`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DocumentNotFoundError, EmptyDocumentError, UnsupportedFormatError
from ..models import Lexicon
from .loader import load_lexicon, normalise_form

__all__ = [
    "Candidate",
    "iter_texts",
    "mine_candidates",
    "write_candidates",
]

DOC_SUFFIXES = (".txt", ".md", ".jsonl")

# Technical-looking single tokens: C++, C#, F#, Node.js, .NET, ES6, HTML5, PyTorch, gRPC, HDFS
_TECH_TOKEN = re.compile(
    r"""^(
        [A-Za-z][A-Za-z0-9]*[+#]+            # C++, C#, F#
      | \.?[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*   # Node.js, ASP.NET, .NET-like
      | [A-Za-z]+[0-9]+[A-Za-z0-9]*          # ES6, HTML5, S3, k8s
      | [a-z]+[A-Z][A-Za-z0-9]*              # gRPC, iOS, macOS, jQuery
      | [A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*      # PyTorch, TensorFlow, GraphQL, PostgreSQL
      | [A-Z]{2,6}                           # HDFS, AWS, ETL
    )$""",
    re.VERBOSE,
)
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9+#.\-/]*$")
_MAX_SNIPPET = 100

# A small background of generic job-posting and company prose, used when no background corpus
# is given: its words are common to all postings, so they get a low IDF.
BUILTIN_BACKGROUND: tuple[str, ...] = (
    "We are looking for a motivated team member to join our growing company. You will work "
    "closely with colleagues across the business and report to the manager of the team.",
    "What we offer: a competitive salary, flexible working hours, a pension plan, health "
    "insurance, paid holidays, a modern office in the city centre and regular team events.",
    "Our company is an equal opportunity employer. We value diversity and welcome applications "
    "from all qualified candidates regardless of background, gender, age or religion.",
    "Responsibilities include working with customers, preparing reports, attending meetings, "
    "supporting the team with daily tasks and contributing to the success of the department.",
    "The ideal candidate has several years of experience, a positive attitude, good "
    "communication skills and the ability to work independently as well as part of a team.",
    "Please send your application with a cover letter and your CV. We look forward to hearing "
    "from you. Only shortlisted candidates will be contacted for an interview.",
    "Founded in 2005, the company has offices in several countries and serves clients around "
    "the world. Our mission is to deliver high quality products and services to our customers.",
    "You will be responsible for planning, organising and delivering projects on time and within "
    "budget, working with stakeholders and making sure that requirements are met.",
    "Job description: full time position, permanent contract, start date as soon as possible. "
    "The role is based in our main office with the option to work from home two days a week.",
    "About us: we are a friendly and dynamic team that is passionate about what we do. We "
    "believe in learning, growth and supporting each other to achieve great results together.",
    "Requirements: relevant education or equivalent experience, strong organisational skills, "
    "attention to detail, fluency in English and a willingness to learn new things.",
    "Benefits include training and development opportunities, career progression, a bonus "
    "scheme, free coffee and fruit, a gym membership and a friendly working environment.",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mined term proposed for the lexicon (a review candidate, not a validated record)."""

    id: str
    name: str
    category: str
    score: float
    #: occurrences in the mined documents
    count: int
    #: number of mined documents the term occurs in
    doc_count: int
    example: str

    def to_dict(self) -> dict[str, Any]:
        """The candidate as a JSON-ready lexicon-style record (for review)."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "aliases": [],
            "note": "mined candidate: review name, category and aliases before merging",
            "score": round(self.score, 4),
            "count": self.count,
            "doc_count": self.doc_count,
            "example": self.example,
        }


def iter_texts(paths: Iterable[str | Path]) -> Iterator[tuple[str, str]]:
    """Yield ``(source, text)`` for each document under ``paths``.

    A path is a ``.txt``/``.md`` file (one document), a ``.jsonl`` file (one document per line,
    its ``text`` field) or a folder (those files, recursively, in sorted order). Raises
    ``DocumentNotFoundError`` for a missing path, ``EmptyDocumentError`` for an empty folder.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in DOC_SUFFIXES)
            if not files:
                raise EmptyDocumentError(
                    "folder holds no .txt, .md or .jsonl file", source=str(path)
                )
            for f in files:
                yield from _read_file(f)
        elif path.is_file():
            yield from _read_file(path)
        else:
            raise DocumentNotFoundError("no such file or folder", source=str(path))


def _read_file(path: Path) -> Iterator[tuple[str, str]]:
    suffix = path.suffix.lower()
    if suffix not in DOC_SUFFIXES:
        raise UnsupportedFormatError(
            f"unsupported file type {suffix or '(none)'!r}: use .txt, .md or .jsonl",
            source=str(path),
        )
    try:
        content = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DocumentNotFoundError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    if suffix != ".jsonl":
        yield str(path), content
        return
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            # a review tool skips bad lines rather than failing the whole corpus
            continue
        text = rec.get("text") if isinstance(rec, dict) else None
        if isinstance(text, str) and text.strip():
            yield f"{path}:{lineno}", text


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _candidate_terms(
    doc: Any, stop: frozenset[str], max_words: int
) -> Iterator[tuple[str, int, int]]:
    """Yield ``(term, start_char, end_char)`` for the noun-phrase-like n-grams of a Doc."""
    run: list[Any] = []
    for tok in list(doc) + [None]:
        ok = tok is not None and not tok.is_space and _WORD.match(tok.text) is not None
        if ok and tok.text.lower() in stop and not _TECH_TOKEN.match(tok.text):
            ok = False
        if ok:
            run.append(tok)
            continue
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + max_words) + 1):
                words = run[i:j]
                if len(words) == 1 and not _single_ok(words[0]):
                    continue
                yield (
                    " ".join(t.text for t in words),
                    words[0].idx,
                    words[-1].idx + len(words[-1].text),
                )
        run = []


def _single_ok(tok: Any) -> bool:
    text = tok.text
    if _TECH_TOKEN.match(text):
        return True
    # a capitalised word inside a sentence (not the first word) is likely a name: Kafka, Spark
    return text[:1].isupper() and text[1:].islower() and not tok.is_sent_start and tok.i > 0


def _known_forms(lexicon: Lexicon) -> set[str]:
    known: set[str] = set()
    for skill in lexicon.skills:
        for form in skill.surface_forms:
            known.add(normalise_form(form))
    return known


def _singular(key: str) -> str:
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


def _slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[\s/]+", "_", s)
    s = re.sub(r"[^a-z0-9_.+#-]", "", s)
    return re.sub(r"_+", "_", s).strip("_.-") or "term"


def _guess_category(term: str) -> str:
    low = term.lower()
    rules = (
        (("learning", "neural", "network", "regression", "classification"), "ml_method"),
        (("db", "sql", "database"), "database"),
        (("js", ".js", "react", "vue", "angular", "css", "html"), "library"),
        (("aws", "azure", "gcp", "cloud"), "cloud"),
        (("test", "testing"), "software_practice"),
        (("security", "auth"), "security"),
    )
    for keys, category in rules:
        if any(k in low for k in keys):
            return category
    return "tool"


def mine_candidates(
    docs: Sequence[str],
    *,
    background: Sequence[str] | None = None,
    lexicon: Lexicon | None = None,
    top: int = 200,
    min_count: int = 2,
    max_words: int = 3,
) -> list[Candidate]:
    """Rank candidate skill terms of ``docs`` by TF-IDF against ``background`` (see module doc).

    Terms occurring fewer than ``min_count`` times, or already in ``lexicon`` (the shipped one by
    default), are dropped. Returns at most ``top`` candidates, best first (ties by name).
    Raises ``ValueError`` if ``top``, ``min_count`` or ``max_words`` is below 1.
    """
    if top < 1 or min_count < 1 or max_words < 1:
        raise ValueError("top, min_count and max_words must be positive")
    import spacy
    from sklearn.feature_extraction.text import TfidfVectorizer

    lex = lexicon if lexicon is not None else load_lexicon()
    known = _known_forms(lex)
    stop = _stop_words()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    counts: Counter[str] = Counter()
    doc_counts: Counter[str] = Counter()
    lower_seen: set[str] = set()
    doc_terms: list[list[str]] = []
    surface: dict[str, Counter[str]] = {}
    example: dict[str, str] = {}
    for text, doc in zip(docs, nlp.pipe(docs, batch_size=64), strict=True):
        seen: set[str] = set()
        lower_seen.update(t.text for t in doc if t.text.islower())
        for term, start, end in _candidate_terms(doc, stop, max_words):
            key = normalise_form(term)
            counts[key] += 1
            surface.setdefault(key, Counter())[term] += 1
            if key not in seen:
                seen.add(key)
                doc_counts[key] += 1
            if key not in example:
                lo, hi = max(0, start - 40), min(len(text), end + 40)
                example[key] = " ".join(text[lo:hi].split())[:_MAX_SNIPPET]
        doc_terms.append(sorted(seen))
    keep = [
        k
        for k, n in counts.items()
        if n >= min_count
        and k not in known
        and _singular(k) not in known
        # a capitalised word that also occurs in lower case is a sentence-initial common word
        and not (" " not in k and k in lower_seen and not _TECH_TOKEN.match(_top(surface[k])))
    ]
    if not keep:
        return []

    keep_set = set(keep)
    bg = list(background) if background else list(BUILTIN_BACKGROUND)
    bg_terms = [
        sorted({normalise_form(t) for t, _, _ in _candidate_terms(d, stop, max_words)} & keep_set)
        for d in nlp.pipe(bg, batch_size=64)
    ]
    # IDF over the background texts and each mined document: words every posting uses sink.
    # smooth_idf keeps terms absent from the background finite; tf is sublinear (1 + log
    # count) so one very frequent phrase does not swamp the ranking.
    vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False, vocabulary=sorted(keep))
    vectorizer.fit([*bg_terms, *([t for t in d if t in keep_set] for d in doc_terms)])
    idf = dict(zip(vectorizer.get_feature_names_out(), vectorizer.idf_, strict=True))
    ranked = sorted(((1.0 + math.log(counts[k])) * float(idf[k]), k) for k in keep)
    ranked.sort(key=lambda pair: (-pair[0], pair[1]))
    out = []
    for score, key in ranked[:top]:
        name = _top(surface[key])
        out.append(
            Candidate(
                id=_slug(name),
                name=name,
                category=_guess_category(name),
                score=score,
                count=counts[key],
                doc_count=doc_counts[key],
                example=example[key],
            )
        )
    return out


def _top(forms: Counter[str]) -> str:
    return forms.most_common(1)[0][0]


def _identity(terms: list[str]) -> list[str]:
    return terms


def write_candidates(candidates: Iterable[Candidate], path: str | Path) -> int:
    """Write candidates as JSON lines to ``path``; return how many were written."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for cand in candidates:
            fh.write(json.dumps(cand.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n
