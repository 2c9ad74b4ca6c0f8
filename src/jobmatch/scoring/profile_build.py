"""Build the generated (TF-IDF) part of a profile: ``jobmatch profile build``.

scikit-learn is imported inside :func:`build_profile`, only when a profile is built.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from ..lexicon.loader import load_lexicon
from .profile_parse import parse_profile, parse_toml
from .profiles import DEFAULT_PROFILE, clear_profile_cache, profile_path
from .terms import skill_terms, text_terms

__all__ = ["build_profile"]


def _read_background(path: Path) -> list[str]:
    """Texts of a background file: JSON lines with a ``text`` field, or one plain-text document."""
    try:
        data = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read background corpus: {exc}", source=str(path)) from exc
    if path.suffix == ".jsonl":
        out = []
        for lineno, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                out.append(str(rec["text"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ProfileError(
                    f"line {lineno}: needs a JSON object with 'text'", source=str(path)
                ) from exc
        return out
    return [data]


def build_profile(
    seed: str | Path,
    background: Sequence[str | Path],
    *,
    profile: str | Path = DEFAULT_PROFILE,
    output: str | Path | None = None,
    min_df: int = 2,
) -> dict[str, Any]:
    """Build the generated (TF-IDF) part of ``profile`` and write it to ``output`` (JSON).

    The profile document ``seed`` and the ``background`` postings are fitted together with
    scikit-learn's ``TfidfVectorizer`` (raw tf, smoothed idf, our :func:`analyze`).
    The vocabulary keeps terms in at least ``min_df`` documents plus every term of the seed.
    Each requirement's factor is ``0.5 + 0.5 * q`` where ``q`` in [0, 1] is the rank (mid-rank
    for ties, divided by n - 1) of ``t`` among all requirements, ``t`` being the largest mean
    seed TF-IDF weight of the terms of one of its skills' surface forms (or its fields/label).
    Output is deterministic: sorted keys, weights rounded to 6 decimals.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    lexicon = load_lexicon()
    prof_file = profile_path(profile)
    raw = parse_toml(prof_file.read_text(encoding="utf-8"), str(prof_file))
    prof = parse_profile(raw, lexicon=lexicon, source=str(prof_file))
    seed_path = Path(seed)
    seed_text = (
        _read_background(seed_path)[0] if seed_path.suffix == ".jsonl" else _read_text(seed_path)
    )
    bg_texts: list[str] = []
    for b in background:
        bg_texts.extend(_read_background(Path(b)))
    if not bg_texts:
        raise ProfileError("the background corpus is empty", source=", ".join(map(str, background)))
    docs = text_terms([seed_text, *bg_texts])
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=False, smooth_idf=True, norm="l2")
    matrix = vec.fit_transform(docs)
    vocab: dict[str, int] = vec.vocabulary_
    df = (matrix > 0).sum(axis=0).A1
    seed_row = matrix[0].toarray().ravel()
    idf = {
        t: round(float(vec.idf_[i]), 6)
        for t, i in sorted(vocab.items())
        if df[i] >= min_df or seed_row[i] > 0
    }
    # The profile vector keeps only skill vocabulary: the lexicon's names and aliases as terms
    # (a one-word form is its word, a longer form its bigrams). The profile document also
    # talks about salaries, markets and trends; those words say nothing about a candidate's
    # fit (measured: ranking postings, README "Scoring").
    skill_vocab = skill_terms(lexicon)
    kept = {t: float(seed_row[i]) for t, i in vocab.items() if seed_row[i] > 0 and t in skill_vocab}
    norm = math.sqrt(math.fsum(v * v for v in kept.values())) or 1.0
    vector = {t: round(v / norm, 6) for t, v in sorted(kept.items())}

    def form_weight(form_terms: list[str]) -> float:
        if not form_terms:
            return 0.0
        return math.fsum(vector.get(t, 0.0) for t in form_terms) / len(form_terms)

    raw_factor: dict[str, float] = {}
    for _, req in prof.requirements():
        forms: list[str] = []
        for sid in req.skills:
            sk = lexicon.get(sid)
            forms.extend(sk.surface_forms if sk is not None else (sid,))
        forms.extend(req.fields)
        if not req.skills:
            forms.append(req.label)
        raw_factor[req.id] = max(form_weight(ft) for ft in text_terms(forms))
    # rank-based, so one dominant term ("ML") does not flatten every other factor
    values = sorted(raw_factor.values())
    n = max(1, len(values) - 1)
    factors = {
        k: round(0.5 + 0.5 * (bisect_left(values, v) + bisect_right(values, v) - 1) / (2 * n), 6)
        for k, v in sorted(raw_factor.items())
    }
    result: dict[str, Any] = {
        "profile": prof.id,
        "profile_version": prof.version,
        "lexicon_version": lexicon.version,
        "seed": seed_path.name,
        "background": ", ".join(Path(b).name for b in background) + f" ({len(bg_texts)} documents)",
        "analyzer": "spacy.blank('en') tokens, lower-case, >= 2 chars with a letter, no stop "
        "words; plus bigrams of consecutive kept tokens",
        "tfidf": "sklearn TfidfVectorizer(sublinear_tf=False, smooth_idf=True, norm='l2')",
        "min_df": min_df,
        "requirements": factors,
        "vector": vector,
        "idf": idf,
        "skill_terms": sorted(t for t in idf if t in skill_vocab),
    }
    if output is not None:
        Path(output).write_text(
            json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        clear_profile_cache()
    return result


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read the profile document: {exc}", source=str(path)) from exc
