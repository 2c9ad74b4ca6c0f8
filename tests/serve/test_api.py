"""The JSON API through the ASGI test client: every endpoint, the CLI's numbers, every error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from jobmatch import __version__
from jobmatch.cli import main
from jobmatch.scoring.profiles import list_profiles
from jobmatch.serve.guards import CSP
from tests.helpers import (
    bomb_pdf,
    encrypted_pdf,
    image_only_pdf,
    many_pages_pdf,
    simple_pdf,
)

PDF = "research_engineer_resume.pdf"
POSTING = "posting_research_engineer.txt"


@pytest.fixture
def in_samples(samples: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the CLI in samples/, so its reports name the files as the uploads do."""
    monkeypatch.chdir(samples)
    return samples


def _cli_json(*args: str) -> Any:
    result = CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _file(samples: Path, name: str) -> tuple[str, bytes]:
    return (name, (samples / name).read_bytes())


# ------------------------------------------------------------------ same numbers as the CLI


def test_score_a_pdf_gives_the_cli_report(client: TestClient, in_samples: Path) -> None:
    response = client.post("/api/score", files={"resume": _file(in_samples, PDF)})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == _cli_json("score", PDF)
    assert response.json()["score"] == 99.2
    # rendered in the worker: the CLI's JSON without its indentation
    cli = CliRunner().invoke(main, ["score", PDF, "--format", "json"], catch_exceptions=False)
    compact = json.dumps(json.loads(cli.output), ensure_ascii=False, separators=(",", ":"))
    assert response.text == compact


def test_a_worker_keeps_its_loaded_pipeline_out_of_the_collector(client: TestClient) -> None:
    import gc

    pool = client.app.state.pool  # type: ignore[attr-defined]
    assert pool._executor.submit(gc.get_freeze_count).result(timeout=60) > 10_000


def test_score_a_text_file_with_the_profile_named(client: TestClient, in_samples: Path) -> None:
    files = {"resume": _file(in_samples, "nurse_resume.txt")}
    response = client.post("/api/score", files=files, data={"profile": "research-engineer"})
    cli = _cli_json("score", "nurse_resume.txt", "--profile", "research-engineer")
    assert response.status_code == 200
    assert response.json() == cli
    assert response.json()["score"] < 20


def test_score_a_json_text_gives_the_cli_numbers(client: TestClient, samples: Path) -> None:
    text = (samples / "software_engineer_resume.txt").read_text(encoding="utf-8")
    response = client.post("/api/score", json={"resume_text": text})
    cli = _cli_json("score", str(samples / "software_engineer_resume.txt"))
    assert response.status_code == 200
    assert response.json() == {**cli, "source": "<resume>"}


def test_match_gives_the_cli_report(client: TestClient, in_samples: Path) -> None:
    files = {"resume": _file(in_samples, PDF), "posting": _file(in_samples, POSTING)}
    response = client.post("/api/match", files=files)
    assert response.status_code == 200
    assert response.json() == _cli_json("match", PDF, POSTING)
    assert response.json()["score"] == 98.4


def test_match_with_a_pasted_posting(client: TestClient, samples: Path) -> None:
    posting = (samples / POSTING).read_text(encoding="utf-8")
    files = {"resume": _file(samples, PDF)}
    response = client.post("/api/match", files=files, data={"posting_text": posting})
    assert response.status_code == 200
    assert response.json()["score"] == 98.4
    assert response.json()["profile"] == "posting:text-" + response.json()["profile"][13:]


def test_extract_gives_the_cli_object(client: TestClient, in_samples: Path) -> None:
    name = "posting_data_analyst.txt"
    response = client.post("/api/extract", files={"document": _file(in_samples, name)})
    assert response.status_code == 200
    assert [response.json()] == _cli_json("extract", name)


def test_extract_a_text(client: TestClient) -> None:
    response = client.post("/api/extract", json={"document_text": "Python, SQL and PyTorch"})
    assert response.status_code == 200
    body = response.json()
    assert (body["source"], body["counts"]) == ("<document>", {"python": 1, "sql": 1, "pytorch": 1})


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("markdown", "text/markdown; charset=utf-8"),
        ("html", "text/html; charset=utf-8"),
        ("text", "text/plain; charset=utf-8"),
    ],
)
def test_rendered_formats_are_the_cli_output(
    client: TestClient, in_samples: Path, fmt: str, media: str
) -> None:
    response = client.post(
        "/api/score", files={"resume": _file(in_samples, PDF)}, data={"format": fmt}
    )
    cli = CliRunner().invoke(main, ["score", PDF, "--format", fmt], catch_exceptions=False)
    assert response.status_code == 200
    assert response.headers["content-type"] == media
    assert response.text == cli.output


def test_profiles_and_health(client: TestClient) -> None:
    profiles = client.get("/api/profiles")
    assert profiles.json() == [{"id": i, "name": n, "version": v} for i, n, v in list_profiles()]
    health = client.get("/api/health")
    assert health.json() == {
        "status": "ok",
        "version": __version__,
        "workers": 1,
        "capacity": 5,
        "in_flight": 0,
    }


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/api/health"), client.get("/nope")):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


# ------------------------------------------------------------------ no client path is opened


def test_a_file_name_with_a_path_is_only_a_name(client: TestClient) -> None:
    files = {"resume": ("/etc/passwd", b"Skills: Python, SQL, PyTorch")}
    response = client.post("/api/extract", files={"document": files["resume"]})
    assert response.status_code == 200
    assert response.json()["source"] == "passwd"
    assert response.json()["counts"] == {"python": 1, "sql": 1, "pytorch": 1}


def test_a_text_naming_a_file_is_scored_as_text(client: TestClient, samples: Path) -> None:
    path = str(samples / PDF)
    response = client.post("/api/extract", json={"document_text": path})
    assert response.status_code == 200
    assert (response.json()["source"], response.json()["n_mentions"]) == ("<document>", 0)


def test_a_profile_path_is_refused(client: TestClient) -> None:
    response = client.post("/api/score", json={"resume_text": "Python", "profile": "/etc/passwd"})
    assert response.status_code == 422
    known = ", ".join(p[0] for p in list_profiles())
    assert response.json() == {
        "error": "unknown_profile",
        "message": f"unknown profile '/etc/passwd'; shipped: {known}",
    }


# ------------------------------------------------------------------ hostile and bad input


def _truncated() -> bytes:
    data = simple_pdf(["Python developer"] * 40)
    return data[: len(data) // 2]


HOSTILE = [
    pytest.param(
        "photo.png",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        415,
        "unsupported_format",
        "photo.png: unsupported format: looks like a PNG image (jobmatch reads PDF, DOCX,"
        " TXT, Markdown and HTML)",
        id="png",
    ),
    pytest.param(
        "cv.pdf",
        encrypted_pdf("Python developer"),
        422,
        "encrypted",
        "cv.pdf: encrypted PDF: pass its password to read it",
        id="encrypted",
    ),
    pytest.param(
        "cv.pdf",
        image_only_pdf(2),
        422,
        "no_text_layer",
        None,
        id="image-only",
    ),
    pytest.param("cv.pdf", _truncated(), 422, "corrupt", None, id="truncated"),
    pytest.param("cv.txt", b"", 422, "empty", "cv.txt: empty file (0 bytes)", id="empty"),
    pytest.param("cv.pdf", many_pages_pdf(2000), 413, "limit_exceeded", None, id="2000-pages"),
    pytest.param("cv.pdf", bomb_pdf(300 * 1024 * 1024), 413, "limit_exceeded", None, id="bomb"),
]


@pytest.mark.parametrize(("name", "data", "status", "error", "message"), HOSTILE)
def test_hostile_files_get_their_4xx(
    client: TestClient, name: str, data: bytes, status: int, error: str, message: str | None
) -> None:
    response = client.post("/api/score", files={"resume": (name, data)})
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error", "message"}
    assert body["error"] == error
    if message is not None:
        assert body["message"] == message
    assert body["message"].startswith(f"{name}: ")
    assert "Traceback" not in response.text


def test_an_encrypted_pdf_with_its_password_is_scored(client: TestClient) -> None:
    data = encrypted_pdf("Skills: Python, SQL, PyTorch", password="pw")
    files = {"resume": ("cv.pdf", data)}
    response = client.post("/api/extract", files={"document": files["resume"]})
    assert response.status_code == 422
    response = client.post("/api/score", files=files, data={"password": "pw"})
    assert response.status_code == 200
    matched = sorted(m["skill_id"] for m in response.json()["matched"])
    # deep learning and machine learning: implied by PyTorch (partial matches)
    assert matched == ["deep_learning", "machine_learning", "python", "pytorch"]


def test_an_upload_leaves_no_file_behind(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a part over 1 MB is spooled to a temporary file: it must be anonymous and gone
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    data = b"Skills: Python, SQL.\n" * 45_000  # 945 KB of text, 1.4 MB with the form
    response = client.post("/api/extract", files={"document": ("big.txt", data)})
    assert response.status_code == 200
    assert response.json()["counts"] == {"python": 45_000, "sql": 45_000}
    assert list(tmp_path.iterdir()) == []


def test_a_text_longer_than_the_pipeline_takes_is_413(client: TestClient) -> None:
    data = b"Skills: Python, SQL.\n" * 50_000  # 1,049,999 characters once checked
    response = client.post("/api/score", files={"resume": ("big.txt", data)})
    assert response.status_code == 413
    assert response.json() == {
        "error": "too_large",
        "message": "big.txt: text too long: 1,049,999 characters, over the limit of 1,000,000",
    }


def _death_signal() -> int:
    import ctypes

    sig = ctypes.c_int(0)
    ctypes.CDLL(None).prctl(2, ctypes.byref(sig))  # PR_GET_PDEATHSIG
    return sig.value


def test_a_worker_dies_with_the_server(client: TestClient) -> None:
    # a worker holds its own task queue open: without a parent-death signal, the workers
    # of a server that was killed outright would wait for ever
    import signal

    pool = client.app.state.pool  # type: ignore[attr-defined]
    assert pool._executor.submit(_death_signal).result(timeout=60) == signal.SIGKILL
