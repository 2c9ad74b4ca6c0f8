"""HTML postings and resumes: markup stripped, scripts dropped, charset, tables (html_reader)."""

from __future__ import annotations

from pathlib import Path

from jobmatch.read.documents import read_document
from jobmatch.read.html import html_to_text
from tests.helpers import write

HTML = b"""<!DOCTYPE html><html><head><title>Job: Research Engineer</title>
<style>body { font: Python; }</style><script>var skill = "Kubernetes";</script></head>
<body><h1>Research&nbsp;Engineer</h1><p>We use <b>PyTorch</b> &amp; JAX.</p>
<noscript>Enable JavaScript</noscript><template><p>Rust</p></template>
<ul><li>Python</li><li>C++ &lt;17&gt;</li></ul><script>
document.write("<p>TensorFlow</p>")</script><div>Caf&eacute;<br>Zurich</div></body></html>"""


def test_html_markup_stripped_and_scripts_dropped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "post.html", HTML))
    assert doc.format == "html"
    assert doc.text == (
        "Job: Research Engineer\n\nResearch Engineer\n\nWe use PyTorch & JAX.\n\nPython\n"
        "C++ <17>\n\nCafé\nZurich"
    )
    for hidden in ("Kubernetes", "font", "JavaScript", "Rust", "TensorFlow"):
        assert hidden not in doc.text


def test_html_sniffed_without_extension_and_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \u2013 ML</p>'
    doc = read_document(write(tmp_path, "posting", page.encode("cp1252")))
    assert (doc.format, doc.text, doc.encoding) == ("html", "Café – ML", "cp1252")


def test_unclosed_script_never_reaches_text() -> None:
    assert html_to_text("<p>Python</p><script>alert('Go')") == "Python"


def test_html_file_with_txt_extension_stays_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "raw.txt", b"<html><p>Python</p></html>"))
    assert (doc.format, doc.text) == ("text", "<html><p>Python</p></html>")


def test_html_table_rows_become_lines_with_tabs_between_cells() -> None:
    html = "<table><tr><th>Skill</th><th>Years</th></tr><tr><td>Python</td><td>5</td></tr></table>"
    assert html_to_text(html) == "Skill\tYears\nPython\t5"
