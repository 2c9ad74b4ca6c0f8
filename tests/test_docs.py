"""The documentation is the truth: the Python examples of docs/*.md run, the
README's test command is what CI runs, and the API reference lists every public name.

A fenced ```` ```python ```` block is executed; an example that cannot run in the tests (it
needs a Spark cluster, a server, a file of yours) is fenced as ```` ```py ```` instead.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import jobmatch

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```\s*$", re.S | re.M)


def python_blocks(page: Path) -> list[str]:
    """The ```python blocks of a Markdown page, in order."""
    return _BLOCK.findall(page.read_text(encoding="utf-8"))


def test_the_readme_is_two_commands() -> None:
    """The README shows what works on a fresh machine, two shell commands, and leaves the
    rest (the library's examples among it) to the documentation site."""
    readme = README.read_text(encoding="utf-8")
    commands = re.findall(r"^```sh\n# (.+?)\n", readme, re.M)
    assert commands == ["install and run on the bundled samples", "install and run the tests"]
    assert python_blocks(README) == []
    assert "docs/index.md" in readme


def test_the_docs_pages_have_python_examples() -> None:
    assert python_blocks(DOCS / "index.md") != []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block of a page runs, in order, in one namespace per page, from the
    checkout root (so ``samples/...`` paths work).

    The blocks carry their own ``assert`` lines, so a changed result fails here.
    """
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for i, block in enumerate(python_blocks(page)):
        code = compile(block, f"{page.relative_to(ROOT)} python block {i + 1}", "exec")
        exec(code, namespace)  # noqa: S102 - executing our own documentation on purpose


def test_ci_runs_the_readme_test_command() -> None:
    readme = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"```sh\n# install and run the tests\n(.+?)\n```", readme, re.S)
    assert match, "README must show the test command under '# install and run the tests'"
    command = match.group(1).strip()
    assert command in ci.splitlines(), f".ci/run must run exactly: {command}"


def test_ci_fails_on_any_failing_step() -> None:
    """`set -e` makes every failing step fail CI, pytest's exit code 5 (no tests) included."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci.splitlines()
    assert "mkdocs build --strict" in ci


def test_the_api_reference_lists_every_public_name() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^::: jobmatch\.(\w+)\s*$", api, re.M))
    public = set(jobmatch.__all__) - {"__version__"}
    assert sorted(public - documented) == []


def test_every_page_is_in_the_nav_and_every_nav_entry_is_a_page() -> None:
    """mkdocs build --strict checks this too; here it fails fast, in the test run."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:\n") : config.index("\nmarkdown_extensions:")]
    in_nav = set(re.findall(r"^\s+- (?:[^:\n]+: )?(\S+\.md)$", nav, re.M))
    pages = {p.name for p in DOCS.glob("*.md")}
    assert (sorted(pages - in_nav), sorted(in_nav - pages)) == ([], [])


def test_the_readme_stays_short() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 60


_PUBLIC_FUNCTIONS = sorted(
    name for name in jobmatch.__all__ if inspect.isfunction(getattr(jobmatch, name))
)


@pytest.mark.parametrize("name", _PUBLIC_FUNCTIONS)
def test_every_public_function_documents_args_returns_and_raises(name: str) -> None:
    """The API reference is generated from the docstrings: each public function says what it
    takes, what it gives back and which errors it raises (Google style sections)."""
    doc = inspect.getdoc(getattr(jobmatch, name)) or ""
    missing = [s for s in ("Returns:", "Raises:") if s not in doc]
    if inspect.signature(getattr(jobmatch, name)).parameters:
        missing += [] if "Args:" in doc else ["Args:"]
    assert not missing, f"jobmatch.{name}: docstring lacks {', '.join(missing)}"


@pytest.mark.parametrize(
    "name", sorted(n for n in jobmatch.__all__ if inspect.isclass(getattr(jobmatch, n)))
)
def test_every_public_class_has_a_docstring(name: str) -> None:
    assert len(inspect.getdoc(getattr(jobmatch, name)) or "") > 20
