"""The server-rendered page, the downloads and /docs, through the ASGI test client."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from jobmatch.report import render_html, render_markdown
from tests.helpers import bomb_pdf, encrypted_pdf, image_only_pdf, many_pages_pdf, simple_pdf

PDF = "research_engineer_resume.pdf"


def test_the_form_has_a_label_for_every_control(client: TestClient) -> None:
    html = client.get("/").text
    controls = re.findall(r'<(?:input|select|textarea) [^>]*id="([^"]+)"', html)
    assert controls == ["resume", "password", "posting", "posting_text", "profile"]
    for cid in controls:
        assert f'<label for="{cid}">' in html
    assert '<html lang="en">' in html
    assert '<script src="/static/app.js" defer></script>' in html
    assert "http://" not in html and "https://" not in html  # nothing from elsewhere


def test_posting_a_resume_shows_the_report(client: TestClient, samples: Path) -> None:
    data = (samples / PDF).read_bytes()
    response = client.post(
        "/", files={"resume": (PDF, data)}, data={"profile": "research-engineer"}
    )
    assert response.status_code == 200
    html = response.text
    assert '<span class="score strong" id="score">99.2</span>' in html
    assert (
        '<h2 id="result-heading" tabindex="-1">Report for research_engineer_resume.pdf</h2>' in html
    )
    assert '<span class="skill">PyTorch</span>' in html
    assert "<mark>PyTorch</mark>" in html
    assert '<meter min="0" max="1"' in html
    # the experience line is the other reports' one: the level and the title it came from
    assert (
        "<p>Experience: 7.4 years in dated jobs (and 0.3 in internships and student roles);"
        " career level senior (the profile&#x27;s Senior AI research engineer), read from the"
        " latest title,"
        " Senior Research Engineer</p>"
    ) in html
    # each meter has a name of its own for a screen reader: the category it measures
    meters = re.findall(r"<meter [^>]*>", html)
    labels = re.findall(r'<meter [^>]*aria-label="Coverage of ([^"]+)"', html)
    assert len(labels) == len(meters) > 0
    tokens = re.findall(r'href="/download/([^/"]+)/report\.(html|md|json)"', html)
    assert [ext for _, ext in tokens] == ["html", "md", "json"]
    token = tokens[0][0]
    json_report = client.get(f"/download/{token}/report.json")
    assert json_report.json()["score"] == 99.2
    assert json_report.headers["content-disposition"] == (
        'attachment; filename="jobmatch-report.json"'
    )
    md = client.get(f"/download/{token}/report.md")
    assert md.headers["content-type"] == "text/markdown; charset=utf-8"
    assert md.text.startswith("# jobmatch score: 99.2/100")


def test_downloads_are_the_report_renderers(client: TestClient, samples: Path) -> None:
    from jobmatch.api import score

    data = (samples / PDF).read_bytes()
    html = client.post("/", files={"resume": (PDF, data)}).text
    token = re.findall(r'href="/download/([^/"]+)/report\.html"', html)[0]
    from jobmatch.read.documents import read_bytes

    report = score(read_bytes(data, source=PDF, name=PDF))
    assert client.get(f"/download/{token}/report.html").text == render_html(report)
    assert client.get(f"/download/{token}/report.md").text == render_markdown(report)


def test_an_unknown_download(client: TestClient) -> None:
    response = client.get("/download/nope/report.html")
    assert (response.status_code, response.json()["error"]) == (404, "not_found")


def test_posting_with_a_posting_text_matches(client: TestClient, samples: Path) -> None:
    data = (samples / PDF).read_bytes()
    posting = (samples / "posting_research_engineer.txt").read_text(encoding="utf-8")
    response = client.post("/", files={"resume": (PDF, data)}, data={"posting_text": posting})
    assert response.status_code == 200
    assert '<span class="score strong" id="score">98.4</span>' in response.text
    assert "Profile posting:text-" in response.text


def _shown(html: str, element_id: str) -> str:
    found = re.search(rf'<p id="{element_id}">(.*?)</p>', html)
    return unescape(found.group(1)) if found else ""


def _truncated() -> bytes:
    data = simple_pdf(["Python developer"] * 40)
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("data", "status", "error", "hint"),
    [
        (encrypted_pdf("Python"), 422, "encrypted", 'Type its password in the "PDF password"'),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), 415, "unsupported_format", "Choose a PDF, DOCX"),
        (image_only_pdf(1), 422, "no_text_layer", "The PDF holds pictures of text (a scan)"),
        (_truncated(), 422, "corrupt", "The file is damaged or incomplete"),
        (b"", 422, "empty", "The file holds no text"),
        (many_pages_pdf(2000), 413, "limit_exceeded", "more than 500 pages, streams that"),
        (bomb_pdf(1 << 30), 413, "limit_exceeded", "inflate beyond 128 MB"),
        (b"Python " * 3_000_000, 413, "too_large", "Each document may have up to 20 MB"),
    ],
    ids=["encrypted", "png", "image-only", "truncated", "empty", "2000-pages", "bomb", "21-MB"],
)
def test_each_refusal_says_what_to_do_on_the_page(
    client: TestClient, data: bytes, status: int, error: str, hint: str
) -> None:
    response = client.post("/", files={"resume": ("cv.pdf", data)})
    html = response.text
    assert response.status_code == status
    assert '<section id="result" class="error" role="alert"' in html
    assert f"Error code: <code>{error}</code> (HTTP {status})" in html
    assert _shown(html, "error-message").startswith("cv.pdf: ")
    assert hint in _shown(html, "error-hint")
    assert 'id="resume"' in html  # the form is there to try again


def test_an_encrypted_pdf_shows_the_error_on_the_page(client: TestClient) -> None:
    response = client.post("/", files={"resume": ("cv.pdf", encrypted_pdf("Python"))})
    assert response.status_code == 422
    assert _shown(response.text, "error-message") == (
        "cv.pdf: encrypted PDF: pass its password to read it"
    )
    assert _shown(response.text, "error-hint") == (
        'Type its password in the "PDF password" field and score it again.'
    )


def test_every_refusal_the_page_can_show_has_a_hint() -> None:
    from jobmatch import errors
    from jobmatch.serve.pages import _WHAT_TO_DO

    codes = {
        cls.code
        for cls in vars(errors).values()
        if isinstance(cls, type)
        and issubclass(cls, errors.DocumentError)
        and cls is not errors.DocumentError
    }
    missing = codes - set(_WHAT_TO_DO) - {"not_found"}  # no path from a client is opened
    assert missing == set()


def test_document_text_is_escaped_on_the_page(client: TestClient) -> None:
    files = {"resume": ("<img src=x>.txt", b"Skills: Python <script>alert(1)</script>")}
    html = client.post("/", files=files).text
    assert "<script>alert" not in html and "<img" not in html
    assert "Report for &lt;img src=x&gt;.txt" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the evidence snippet


def test_static_files(client: TestClient) -> None:
    js = client.get("/static/app.js")
    css = client.get("/static/app.css")
    assert js.headers["content-type"].startswith("text/javascript")
    assert css.headers["content-type"].startswith("text/css")
    assert "http" not in js.text and "url(" not in css.text  # no fetch, no font, no CDN


def test_docs_page_lists_every_operation(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert sorted(spec["paths"]) == [
        "/api/extract",
        "/api/health",
        "/api/match",
        "/api/profiles",
        "/api/score",
    ]
    docs = client.get("/docs")
    assert docs.status_code == 200
    for path in spec["paths"]:
        assert f"{path}</code></h2>" in docs.text
    assert "<script" not in docs.text
    assert "The JSON is that of <code>jobmatch score --format json</code>." in docs.text
    assert "cdn" not in docs.text.lower()
    body = spec["paths"]["/api/score"]["post"]["requestBody"]["content"]
    assert sorted(body) == ["application/json", "multipart/form-data"]


def test_the_page_says_what_the_degree_meets(client: TestClient, samples: Path) -> None:
    # "Matched skills (N)" beside requirements met by the degree, no word of them: the page
    # says it as the reports do
    data = (samples / PDF).read_bytes()
    html = client.post("/", files={"resume": (PDF, data)}).text
    found = re.search(
        r'Matched skills \(\d+\)</h3><p class="meta">\d+ requirements? met by education, '
        r"not listed as skills; see Education\.</p>",
        html,
    )
    assert found is not None


_POSTING = """Software Engineer

Requirements:
- 3+ years of experience with Java
- Experience with Java or Java EE
- Experience with a cloud platform (AWS, Google Cloud or Azure)
- SQL and relational databases

Nice to have:
- Tableau, Power BI or Qlik
"""


def test_what_to_add_on_the_page_is_the_reports(client: TestClient, samples: Path) -> None:
    # the page listed every requirement not met with its alternatives' ids ("Tableau, Power
    # BI or Qlik or power_bi, qlik"), one skill meeting two requirements twice, and the
    # upgrades among them: it now lists what the Markdown report lists, item by item
    data = (samples / "nurse_resume.pdf").read_bytes()
    html = client.post(
        "/", files={"resume": ("nurse_resume.pdf", data)}, data={"posting_text": _POSTING}
    ).text
    token = re.findall(r'href="/download/([^/"]+)/report\.html"', html)[0]
    md = client.get(f"/download/{token}/report.md").text
    lists = re.findall(r'<ol class="missing">(.*?)</ol>', html, re.S)
    shown = [
        unescape(n) for ol in lists for n in re.findall(r'<span class="skill">(.*?)</span>', ol)
    ]
    rows = re.findall(
        r"^## (?:What to add|Upgrades \(partly met\))\n\n(?:_.*_\n\n)?\|.*\n\|.*\n((?:\|.*\n)+)",
        md,
        re.M,
    )
    listed = [
        r.split(" | ")[0].removeprefix("| ").replace("\\|", "|")
        for block in rows
        for r in block.splitlines()
    ]
    assert shown and shown == listed
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", "".join(lists))  # no skill id
    assert "Java" in shown and "Java or Java EE" not in shown  # Java meets both: one item
    assert "also meets" in "".join(lists)
