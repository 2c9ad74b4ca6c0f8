"""MkDocs hooks: docstrings written for ``help()`` read well on the site too.

The API reference renders the package's docstrings (mkdocstrings). They are plain text with
reStructuredText roles (``:class:`Document```) and doctest lines (``>>> f()``); as Markdown,
a role shows its colons and a doctest result such as ``['python']`` reads as a link. One
Markdown preprocessor, added to every Markdown conversion (pages and docstrings), drops the
roles (keeping the code span) and fences each run of doctest lines as a ``pycon`` block.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|exc|mod|data|obj|const):(`[^`]+`)")
_FENCE = re.compile(r"^\s*(```|~~~)")


class _DocstringPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = False
        in_doctest = False
        for line in lines:
            if _FENCE.match(line):
                in_fence = not in_fence
            if in_fence:
                out.append(line)
                continue
            line = _ROLE.sub(r"\1", line)
            if not in_doctest and line.lstrip().startswith(">>> "):
                out += ["", "```pycon"]
                in_doctest = True
            elif in_doctest and not line.strip():
                out += ["```", ""]
                in_doctest = False
            out.append(line.strip() if in_doctest else line)
        if in_doctest:
            out.append("```")
        return out


class DocstringExtension(Extension):
    """Registers the preprocessor ahead of the fenced-code ones (higher priority runs first)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.preprocessors.register(_DocstringPreprocessor(md), "jobmatch_docstrings", 35)


def on_config(config: Any) -> Any:
    """Add the extension to the site's Markdown (mkdocstrings reuses that list)."""
    config.markdown_extensions.append(DocstringExtension())
    return config
