"""HTML to plain text for :func:`jobmatch.read.documents.read_document` (standard-library parser).

Markup is stripped, block elements become line breaks (paragraph-like blocks a blank line),
table cells are separated by tabs, entities are decoded, and the content of ``<script>``,
``<style>`` and the like never reaches the text. Decoding the bytes (BOM, ``<meta charset>``)
happens before, in :func:`jobmatch.read.documents.read_text_bytes`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
}  # fmt: skip
_WS = re.compile(r"[ \t\r\n\f\v]+")
# markers for "line break here" and "paragraph break here"; a run of them (and the
# whitespace around) becomes one "\n", or one blank line if any paragraph marker is in it
_LINE, _PARA = "\x01", "\x02"
_PARA_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "pre",
              "blockquote", "section", "article", "header", "footer", "hr", "title"}  # fmt: skip
_BREAKS = re.compile(f"[ \t]*[{_LINE}{_PARA}][{_LINE}{_PARA} \t\n]*")


def _break(tag: str) -> str:
    return _PARA if tag in _PARA_TAGS else _LINE


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip.append(tag)
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK_TAGS:
            self.parts.append(_break(tag))
        if tag == "pre":
            self.pre += 1
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(_break(tag))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            if tag in self.skip:  # close up to the matching open tag (tolerates bad nesting)
                while self.skip and self.skip.pop() != tag:
                    pass
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK_TAGS:
            self.parts.append(_break(tag))
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title.append(data)
            return
        data = data.replace(_LINE, "").replace(_PARA, "")
        self.parts.append(data if self.pre else _WS.sub(" ", data))


def html_to_text(html: str) -> str:
    """Strip markup: blocks become line breaks, entities are decoded, and the content of
    ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<svg>`` and ``<iframe>`` never
    appears. The ``<title>`` becomes the first line unless the body starts with it."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    body = _BREAKS.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", "".join(parser.parts))
    lines = [line.strip(" \t") for line in body.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.title).split())
    return f"{title}\n\n{text}" if title and not text.startswith(title) else text
