"""Ctrl-C in ``jobmatch market`` (and any command): exit 130 and one line, not "Aborted!"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jobmatch.cli import main


def _interrupt(*args: Any, **kwargs: Any) -> Any:
    raise KeyboardInterrupt


def test_market_interrupted_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jobmatch.market

    monkeypatch.setattr(jobmatch.market, "market_report", _interrupt)
    f = tmp_path / "p.jsonl"
    f.write_text('{"id": "a", "text": "Python"}\n', encoding="utf-8")
    out = tmp_path / "m.json"
    res = CliRunner().invoke(main, ["market", str(f), "-o", str(out)])
    assert (res.exit_code, res.output) == (
        130,
        "\ninterrupted: the report is made once every posting is read, so nothing was"
        " written; run the command again\n",
    )
    assert not out.exists()


def test_any_command_interrupted_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import jobmatch.scoring.profiles

    monkeypatch.setattr(jobmatch.scoring.profiles, "list_profiles", _interrupt)
    res = CliRunner().invoke(main, ["profile", "list"])
    assert (res.exit_code, res.output) == (130, "\ninterrupted (Ctrl-C)\n")
