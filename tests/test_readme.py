"""The README is the truth: its Python examples run, and its two commands are what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _python_blocks() -> list[str]:
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_has_python_examples() -> None:
    assert len(_python_blocks()) >= 3


def test_readme_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block runs, in order, in one namespace, from the checkout root.

    The blocks carry their own ``assert`` lines, so a changed result fails here.
    """
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "readme"}
    for i, block in enumerate(_python_blocks()):
        code = compile(block, f"README.md python block {i + 1}", "exec")
        exec(code, namespace)  # noqa: S102 - executing our own documentation on purpose


def test_ci_runs_the_readme_test_command() -> None:
    readme = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"```sh\n# install and run the tests\n(.+?)\n```", readme, re.S)
    assert match, "README must show the test command under '# install and run the tests'"
    command = match.group(1).strip()
    assert command in ci.splitlines(), f".ci/run must run exactly: {command}"
