"""Bad requests, a full queue and unexpected failures: each a JSON {error, message}."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from jobmatch.serve import create_app
from jobmatch.serve.app import MAX_BODY_BYTES
from jobmatch.serve.pool import Busy


@pytest.mark.parametrize(
    ("kwargs", "status", "error", "message"),
    [
        (
            {"json": {}},
            422,
            "missing_input",
            "no resume: send a file in the field 'resume' or a text in 'resume_text'",
        ),
        (
            {"json": {"resume_text": "   "}},
            422,
            "missing_input",
            "no resume: send a file in the field 'resume' or a text in 'resume_text'",
        ),
        (
            {"json": {"resume": "Python"}},
            422,
            "bad_json",
            "unknown key 'resume'; expected ['format', 'password', 'profile', 'resume_text']",
        ),
        ({"json": ["Python"]}, 422, "bad_json", "the body must be a JSON object"),
        ({"json": {"resume_text": 3}}, 422, "bad_json", "'resume_text' must be a string"),
        (
            {"content": b"{", "headers": {"content-type": "application/json"}},
            422,
            "bad_json",
            "the body is not valid JSON: Expecting property name enclosed in double quotes:"
            " line 1 column 2 (char 1)",
        ),
        (
            {"content": b"Python", "headers": {"content-type": "text/plain"}},
            415,
            "unsupported_media_type",
            "send multipart/form-data or application/json, not text/plain",
        ),
        (
            {"json": {"resume_text": "Python", "format": "pdf"}},
            422,
            "bad_format",
            "unknown format 'pdf'; expected one of json, html, markdown, text",
        ),
    ],
)
def test_bad_requests(
    client: TestClient, kwargs: dict[str, Any], status: int, error: str, message: str
) -> None:
    response = client.post("/api/score", **kwargs)
    assert (response.status_code, response.json()) == (status, {"error": error, "message": message})


def test_a_missing_posting(client: TestClient) -> None:
    response = client.post("/api/match", json={"resume_text": "Python"})
    assert response.status_code == 422
    assert response.json()["message"] == (
        "no posting: send a file in the field 'posting' or a text in 'posting_text'"
    )


def test_unknown_route_and_method(client: TestClient) -> None:
    assert client.get("/api/nope").json() == {"error": "not_found", "message": "Not Found"}
    response = client.get("/api/score")
    assert (response.status_code, response.json()) == (
        405,
        {"error": "method_not_allowed", "message": "Method Not Allowed"},
    )


def test_an_announced_body_over_the_limit_is_refused_unread(client: TestClient) -> None:
    response = client.post(
        "/api/score",
        content=b"x",
        headers={"content-type": "application/json", "content-length": str(MAX_BODY_BYTES + 1)},
    )
    assert response.status_code == 413
    assert response.json() == {
        "error": "too_large",
        "message": f"request body too large (limit {MAX_BODY_BYTES} bytes; a document may"
        " have up to 20 MB)",
    }


def test_a_streamed_body_over_the_limit_is_cut_off(client: TestClient) -> None:
    chunk = b" " * (1024 * 1024)

    def body() -> Iterator[bytes]:
        yield b'{"resume_text": "'
        for _ in range(MAX_BODY_BYTES // len(chunk) + 1):
            yield chunk

    response = client.post(
        "/api/score", content=body(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"


def test_a_file_over_the_reader_limit(client: TestClient) -> None:
    data = b"Python " * (3 * 1024 * 1024)  # 21 MB: under the body limit, over the file limit
    response = client.post("/api/score", files={"resume": ("big.txt", data)})
    assert response.status_code == 413
    assert response.json() == {
        "error": "too_large",
        "message": f"big.txt: too large ({len(data)} bytes > limit 20971520 bytes; raise"
        " Limits.max_bytes to read it)",
    }


class StubPool:
    """A pool whose ``run`` calls ``behaviour`` instead of a worker."""

    workers, capacity, in_flight, retry_after = 1, 1, 0, 7

    def __init__(self, behaviour: Callable[[], Any]) -> None:
        self.behaviour = behaviour

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.behaviour()

    async def warm_up(self) -> list[int]:
        return []

    def shutdown(self) -> None:
        pass


def _busy() -> Any:
    raise Busy("the server is busy (1 requests in progress); retry shortly", retry_after=7)


def _crash() -> Any:
    raise RuntimeError("secret internals")


def test_a_full_queue_is_503_with_retry_after() -> None:
    app = create_app(pool=StubPool(_busy))  # type: ignore[arg-type]
    with TestClient(app) as c:
        response = c.post("/api/score", json={"resume_text": "Python"})
        page = c.post("/", files={"resume": ("cv.txt", b"Python")})
    assert (response.status_code, response.headers["retry-after"]) == (503, "7")
    assert response.json() == {
        "error": "busy",
        "message": "the server is busy (1 requests in progress); retry shortly",
    }
    assert (page.status_code, page.headers["retry-after"]) == (503, "7")
    assert "the server is busy (1 requests in progress); retry shortly" in page.text


def test_an_unexpected_error_is_a_500_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(pool=StubPool(_crash))  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.post("/api/score", json={"resume_text": "Python"})
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal",
        "message": "internal error (see the server log)",
    }
    assert "secret internals" not in response.text
    assert "unexpected error on POST /api/score" in caplog.text


def test_only_the_allowed_host_names_are_answered() -> None:
    app = create_app(pool=StubPool(_busy), allowed_hosts=["127.0.0.1"])  # type: ignore[arg-type]
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/health").status_code == 200
        rebound = c.get("/api/health", headers={"host": "attacker.example:8000"})
    assert (rebound.status_code, rebound.text) == (400, "Invalid host header")


def test_a_bomb_is_answered_before_it_takes_a_worker() -> None:
    # the StubPool crashes if asked: a bomb must get its 413 from the screen alone, with the
    # message the reader gives for it (same source name, same budget)
    from jobmatch.errors import ParseLimitError
    from jobmatch.read.documents import read_bytes
    from tests.helpers import bomb_pdf

    bomb = bomb_pdf(1 << 30)
    with pytest.raises(ParseLimitError) as reader:
        read_bytes(bomb, source="cv.pdf", name="cv.pdf")
    app = create_app(pool=StubPool(_crash))  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as c:
        api = c.post("/api/score", files={"resume": ("dir/cv.pdf", bomb)})
        posting = c.post(
            "/api/match", files={"resume": ("a.txt", b"Python"), "posting": ("cv.pdf", bomb)}
        )
        page = c.post("/", files={"resume": ("cv.pdf", bomb)})
        good = c.post("/api/score", files={"resume": ("cv.pdf", bomb_pdf(1 << 20))})
    expected = {"error": "limit_exceeded", "message": str(reader.value)}
    assert (api.status_code, api.json()) == (413, expected)
    assert (posting.status_code, posting.json()) == (413, expected)
    assert page.status_code == 413 and str(reader.value) in page.text
    assert good.status_code == 500  # a PDF within the budget went on to the (crashing) pool
