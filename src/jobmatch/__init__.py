"""jobmatch: explainable skill extraction and resume/posting scoring.

Importing this package is cheap: spaCy, scikit-learn and pdfminer are imported only by
the functions that need them. The public names below are resolved lazily on first access
(module-level ``__getattr__``), so ``import jobmatch`` never imports spaCy.

The path/text rule (:mod:`jobmatch.api`): a ``pathlib.Path`` or a :class:`Document` is a
file, a ``str`` is text. ``jobmatch.score("...")`` scores the text; ``score_file(path)``
and ``score(Path(...))`` read the file.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# public name -> submodule that defines it (imported on first access)
_LAZY: dict[str, str] = {
    "extract_skills": "api",
    "make_nlp": "extract.component",
    "SkillExtractor": "extract.component",
    "extract_documents": "extract.documents",
    "DocumentSkills": "extract.documents",
    "detect_sections": "extract.sections",
    "load_lexicon": "lexicon.loader",
    "check_lexicon": "lexicon.loader",
    "SkillMention": "models",
    "Skill": "models",
    "Lexicon": "models",
    "Document": "models",
    "JobmatchError": "errors",
    "DocumentError": "errors",
    "DocumentNotFoundError": "errors",
    "EmptyDocumentError": "errors",
    "UnsupportedFormatError": "errors",
    "EncryptedDocumentError": "errors",
    "NoTextLayerError": "errors",
    "DocumentTooLargeError": "errors",
    "CorruptDocumentError": "errors",
    "ParseLimitError": "errors",
    "RecordError": "errors",
    "LexiconError": "errors",
    "ProfileError": "errors",
    "read_document": "api",
    "read_text": "read.documents",
    "read_bytes": "read.documents",
    "Limits": "models",
    "score": "api",
    "score_text": "api",
    "score_file": "api",
    "match": "api",
    "match_texts": "api",
    "match_files": "api",
    "Scorer": "scoring.scorer",
    "load_profile": "scoring.profiles",
    "list_profiles": "scoring.profiles",
    "ScoreReport": "models",
    "score_many": "batch.stream",
    "read_posting": "scoring.posting_reader",
    "PostingRequirements": "scoring.posting_model",
    "BatchResult": "models",
    "run_batch": "batch.run",
    "rank_resumes": "batch.rank",
    "market_report": "market.build",
    "MarketReport": "market.model",
    "read_resume": "scoring.resume_reader",
    "ResumeFacts": "models",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:
    from .api import extract_skills as extract_skills
    from .api import match as match
    from .api import match_files as match_files
    from .api import match_texts as match_texts
    from .api import read_document as read_document
    from .api import score as score
    from .api import score_file as score_file
    from .api import score_text as score_text
    from .batch.rank import rank_resumes as rank_resumes
    from .batch.run import run_batch as run_batch
    from .batch.stream import score_many as score_many
    from .errors import CorruptDocumentError as CorruptDocumentError
    from .errors import DocumentError as DocumentError
    from .errors import DocumentNotFoundError as DocumentNotFoundError
    from .errors import DocumentTooLargeError as DocumentTooLargeError
    from .errors import EmptyDocumentError as EmptyDocumentError
    from .errors import EncryptedDocumentError as EncryptedDocumentError
    from .errors import JobmatchError as JobmatchError
    from .errors import LexiconError as LexiconError
    from .errors import NoTextLayerError as NoTextLayerError
    from .errors import ParseLimitError as ParseLimitError
    from .errors import ProfileError as ProfileError
    from .errors import RecordError as RecordError
    from .errors import UnsupportedFormatError as UnsupportedFormatError
    from .extract.component import SkillExtractor as SkillExtractor
    from .extract.component import make_nlp as make_nlp
    from .extract.documents import DocumentSkills as DocumentSkills
    from .extract.documents import extract_documents as extract_documents
    from .extract.sections import detect_sections as detect_sections
    from .lexicon.loader import check_lexicon as check_lexicon
    from .lexicon.loader import load_lexicon as load_lexicon
    from .market.build import market_report as market_report
    from .market.model import MarketReport as MarketReport
    from .models import BatchResult as BatchResult
    from .models import Document as Document
    from .models import Lexicon as Lexicon
    from .models import Limits as Limits
    from .models import ResumeFacts as ResumeFacts
    from .models import ScoreReport as ScoreReport
    from .models import Skill as Skill
    from .models import SkillMention as SkillMention
    from .read.documents import read_bytes as read_bytes
    from .read.documents import read_text as read_text
    from .scoring.posting_model import PostingRequirements as PostingRequirements
    from .scoring.posting_reader import read_posting as read_posting
    from .scoring.profiles import list_profiles as list_profiles
    from .scoring.profiles import load_profile as load_profile
    from .scoring.resume_reader import read_resume as read_resume
    from .scoring.scorer import Scorer as Scorer


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'jobmatch' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # cache: __getattr__ runs once per name
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
