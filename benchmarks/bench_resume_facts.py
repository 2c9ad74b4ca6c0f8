"""Resume facts against hand labels: per-field accuracy, before and after, in one run.

The labels (``tests/scoring/resume_facts_labels.toml``) give, for each resume of the
development set (the 20 shared resumes of ``resume_matcher``, ``open_resume`` and
``livecareer``, the two ``awesome_cv`` ones, ``samples/*_resume.txt`` and 37 of
``livecareer_more``), the highest degree
level, the accepted degree fields, the years in jobs, the internship years and the accepted
most recent titles. Printed per field:

* highest degree level, exact;
* degree field, one of the accepted values (case and punctuation ignored);
* years within +-1.0 of the label, and the largest error;
* internship years within +-0.5;
* most recent title, one of the accepted values;
* bad role titles: roles titled by a place, a duration, a date, a page footer or nothing
  (counted by this script's own patterns, not by the reader's);
* untitled roles: roles the reader gives no title because the resume names none (only the
  employer, or the anonymised "Company Name"): counted apart, not as bad titles.

"before" is the code of the session start (``resume_facts.py`` at commit ``aae7a73``, loaded
from git with the same career logic as its ``Scorer._career``); "after" is
:func:`jobmatch.read_resume`. Run: ``python benchmarks/bench_resume_facts.py [--data DIR]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "scoring" / "resume_facts_labels.toml"
BASELINE_REF = "aae7a73"


@dataclass(frozen=True)
class Label:
    path: str
    highest_degree: str
    fields: tuple[str, ...]
    years: float
    internship_years: float
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Prediction:
    highest_degree: str
    field: str | None
    years: float
    internship_years: float | None
    most_recent_title: str | None
    role_titles: tuple[str, ...]
    #: roles read without a title (the resume names none), apart from ``role_titles``
    untitled: int = 0


def load_labels(path: Path = LABELS) -> tuple[date, list[Label]]:
    """``(as_of, labels)`` from the TOML label file."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    labels = [
        Label(
            path=r["path"],
            highest_degree=r["highest_degree"],
            fields=tuple(r["field"]),
            years=float(r["years"]),
            internship_years=float(r["internship_years"]),
            titles=tuple(r["most_recent_title"]),
        )
        for r in raw["resume"]
    ]
    return date.fromisoformat(raw["as_of"]), labels


def resolve(label_path: str, data: Path) -> Path:
    """Where a labelled document is: ``samples/`` in the repository, the rest in ``data``."""
    return ROOT / label_path if label_path.startswith("samples/") else data / label_path


def norm(s: str | None) -> str:
    """Lower case, ``&`` as ``and``, punctuation dropped, white space folded."""
    s = (s or "").lower().replace("&", " and ")
    return " ".join(re.sub(r"[^\w+#]+", " ", s).split())


# -- what makes a role title bad (independent of the reader's own checks)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_BAD_TITLE = [
    re.compile(r"^\W*$"),  # nothing
    re.compile(rf"^(?:{_MONTH}|\d{{1,2}}/|(?:19|20)\d\d|present|current)", re.I),  # a date
    re.compile(r"\b\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)\b", re.I),  # a duration
    # a place, or a title that runs on into one ("..., Menlo Park, USA", "City , State")
    re.compile(r"(?:^|,)\s*[A-Z][\w .'-]*,\s*(?:[A-Z]{2}|USA|U\.S\.A|S\.Korea|UK|India)\.?$"),
    re.compile(r"\bcity\s*,\s*state\b", re.I),
    re.compile(r"\b\d+\s*/\s*\d+$|\bpage \d+|r[eé]sum[eé]$|curriculum vitae$", re.I),  # footer
]


def is_bad_title(title: str) -> bool:
    """A role title that is a place, a duration, a date, a page footer or empty."""
    return any(rx.search(title) for rx in _BAD_TITLE)


@dataclass
class Tally:
    n: int = 0
    degree: int = 0
    field: int = 0
    years: int = 0
    max_error: float = 0.0
    interns: int = 0
    interns_n: int = 0
    title: int = 0
    roles: int = 0
    bad: int = 0
    untitled: int = 0

    def add(self, label: Label, pred: Prediction) -> list[str]:
        """Count one document; return its mistakes for the detail listing."""
        self.n += 1
        wrong = []
        if pred.highest_degree == label.highest_degree:
            self.degree += 1
        else:
            wrong.append(f"degree {pred.highest_degree} (label {label.highest_degree})")
        if norm(pred.field) in {norm(f) for f in label.fields}:
            self.field += 1
        else:
            wrong.append(f"field {pred.field!r} (label {label.fields[0]!r})")
        error = abs(pred.years - label.years)
        self.max_error = max(self.max_error, error)
        if error <= 1.0:
            self.years += 1
        else:
            wrong.append(f"years {pred.years:.1f} (label {label.years:.1f})")
        if pred.internship_years is not None:
            self.interns_n += 1
            self.interns += abs(pred.internship_years - label.internship_years) <= 0.5
        if norm(pred.most_recent_title) in {norm(t) for t in label.titles}:
            self.title += 1
        else:
            wrong.append(f"title {pred.most_recent_title!r} (label {label.titles[0]!r})")
        bad = [t for t in pred.role_titles if is_bad_title(t)]
        self.roles += len(pred.role_titles)
        self.untitled += pred.untitled
        self.bad += len(bad)
        wrong += [f"bad role title {t!r}" for t in bad]
        return wrong

    def rows(self) -> list[tuple[str, str]]:
        def pct(k: int, n: int) -> str:
            return f"{100 * k / n:5.1f} % ({k}/{n})" if n else "n/a"

        return [
            ("highest degree level (>= 95 %)", pct(self.degree, self.n)),
            ("degree field (>= 85 %)", pct(self.field, self.n)),
            ("years within +-1.0 (>= 92 %)", pct(self.years, self.n)),
            ("years, largest error (<= 3.0)", f"{self.max_error:.1f}"),
            ("internship years within +-0.5", pct(self.interns, self.interns_n)),
            ("most recent title (>= 80 %)", pct(self.title, self.n)),
            ("bad role titles (0)", f"{self.bad} of {self.roles}"),
            ("untitled roles (no title given)", str(self.untitled)),
        ]


Predictor = Callable[[Path, date], Prediction]


def after(path: Path, as_of: date) -> Prediction:
    """Today's reader: :func:`jobmatch.read_resume`."""
    import jobmatch

    facts = jobmatch.read_resume(jobmatch.read_document(path), as_of=as_of)
    return Prediction(
        highest_degree=facts.highest_degree,
        field=facts.highest_degree_field,
        years=facts.years,
        internship_years=facts.internship_years,
        most_recent_title=facts.most_recent_title,
        # a role whose resume names no title is untitled by design, not badly titled
        role_titles=tuple(r.title for r in facts.roles if r.title),
        untitled=sum(not r.title for r in facts.roles),
    )


def _baseline_module() -> ModuleType | None:
    """``resume_facts.py`` of the session start, from git, as a module of the package."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BASELINE_REF}:src/jobmatch/scoring/resume_facts.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    name = "jobmatch.scoring.resume_facts_baseline"
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "jobmatch.scoring"
    sys.modules[name] = module
    exec(compile(source, f"{BASELINE_REF}:resume_facts.py", "exec"), module.__dict__)
    return module


def before(module: ModuleType) -> Predictor:
    """The session-start reader, with the section skipping of its ``Scorer._career``."""
    from jobmatch import read_document
    from jobmatch.extract.sections import detect_sections

    def predict(path: Path, as_of: date) -> Prediction:
        text = read_document(path).text
        edu = module.find_education(text)
        skip = [
            (a, b)
            for a, b, name in detect_sections(text)
            if name in {"education", "publications", "certifications"} or (name == "other" and a)
        ]
        roles = module.find_roles(text, as_of=as_of, skip=skip)
        latest = max(roles, key=lambda r: (r.end, r.start)) if roles else None
        return Prediction(
            highest_degree=edu.level or "none",
            field=edu.field,
            years=module.years_of_experience(roles) or 0.0,
            internship_years=None,
            most_recent_title=latest.title if latest else None,
            role_titles=tuple(r.title for r in roles),
        )

    return predict


def run(
    predictors: Sequence[tuple[str, Predictor]], data: Path, *, details: bool
) -> dict[str, Tally]:
    as_of, labels = load_labels()
    tallies = {name: Tally() for name, _ in predictors}
    for label in labels:
        path = resolve(label.path, data)
        for name, predict in predictors:
            wrong = tallies[name].add(label, predict(path, as_of))
            if details and wrong:
                print(f"[{name}] {label.path}: " + "; ".join(wrong))
    return tallies


def shared_data(cli: str | None) -> Path:
    if cli:
        return Path(cli)
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared data folder (default $JOBMATCH_SHARED_DATA)")
    parser.add_argument("--details", action="store_true", help="list every mistake")
    args = parser.parse_args()
    predictors: list[tuple[str, Predictor]] = []
    module = _baseline_module()
    if module is not None:
        predictors.append((f"before ({BASELINE_REF})", before(module)))
    else:
        print(f"(git show {BASELINE_REF} failed: no 'before' column)")
    predictors.append(("after", after))
    tallies = run(predictors, shared_data(args.data), details=args.details)
    names = list(tallies)
    rows = {name: dict(t.rows()) for name, t in tallies.items()}
    first = next(iter(tallies.values()))
    print(f"\nresume facts on {first.n} labelled resumes (as of {load_labels()[0]})\n")
    width = max(len(k) for k in rows[names[0]])
    print(f"{'field':<{width}}  " + "  ".join(f"{n:>22}" for n in names))
    for key in rows[names[0]]:
        print(f"{key:<{width}}  " + "  ".join(f"{rows[n][key]:>22}" for n in names))


if __name__ == "__main__":
    main()
