"""Token attributes of a doc as plain lists, read once per component call."""

from __future__ import annotations

from functools import cached_property
from typing import cast

import numpy as np
from spacy.attrs import IS_SPACE, LOWER, ORTH, SHAPE, SPACY  # type: ignore[import-not-found]
from spacy.tokens import Doc

__all__ = ["COLUMNS_KEY", "Columns", "lower_hashes"]

#: ``doc.user_data`` key of the token attributes the component read of a doc (the array of
#: :class:`Columns`): the TF-IDF side of scoring takes the LOWER hashes from there
COLUMNS_KEY = "jobmatch_columns"

# attribute ids, not names: to_array would look each name up per call
_ATTRS = [ORTH, LOWER, IS_SPACE, SPACY, SHAPE]
# how many line breaks the text of a white-space token's hash holds: hashes are the same in
# every vocab, and a doc holds a few kinds of white space ("\n", "\n\n", "  ") many times
_NEWLINES: dict[int, int] = {}
_MAX_KNOWN = 10_000


class Columns:
    """ORTH, LOWER, IS_SPACE, SPACY and SHAPE of a doc's tokens from one ``doc.to_array`` call,
    shared by the steps of one component call (each list is built on first use).

    Args:
        doc: the tokenised doc.
    """

    def __init__(self, doc: Doc) -> None:
        self._arr = doc.to_array(_ATTRS)
        self._strings = doc.vocab.strings

    def keep(self, doc: Doc) -> None:
        """Leave the attributes read in ``doc.user_data`` (for :func:`lower_hashes`)."""
        doc.user_data[COLUMNS_KEY] = self._arr

    @cached_property
    def orth(self) -> list[int]:
        """ORTH hashes (the tokens as written)."""
        return cast(list[int], self._arr[:, 0].tolist())

    @cached_property
    def low(self) -> list[int]:
        """LOWER hashes."""
        return cast(list[int], self._arr[:, 1].tolist())

    @cached_property
    def spaces(self) -> list[int]:
        """1 where a token is followed by a space."""
        return cast(list[int], self._arr[:, 3].tolist())

    @cached_property
    def shape(self) -> list[int]:
        """SHAPE hashes ("dddd" for "2021", "X." for "J.")."""
        return cast(list[int], self._arr[:, 4].tolist())

    @cached_property
    def low_set(self) -> frozenset[int]:
        """The distinct LOWER hashes (doc-level set tests: "has the doc any of these?")."""
        return frozenset(self.low)

    @cached_property
    def orth_set(self) -> frozenset[int]:
        """The distinct ORTH hashes."""
        return frozenset(self.orth)

    def has_shape(self, shape: int) -> bool:
        """Whether a token has the SHAPE hash ``shape`` (one test: no set of the column)."""
        return bool((self._arr[:, 4] == shape).any())

    @cached_property
    def space_idx(self) -> list[int]:
        """Indices of the whitespace tokens (line breaks among them)."""
        return self._arr[:, 2].nonzero()[0].tolist()

    @cached_property
    def space_set(self) -> frozenset[int]:
        """The indices of the whitespace tokens, as a set."""
        return frozenset(self.space_idx)

    @cached_property
    def breaks(self) -> list[int]:
        """Indices of the line breaks: whitespace tokens holding a newline (spaCy makes
        "\\n" its own token)."""
        return [k for k in self.space_idx if self._newlines(k)]

    def line_break(self, k: int) -> bool:
        """Whether token ``k`` is whitespace holding a line break."""
        return k in self.space_set and self._newlines(k) > 0

    def blank_line(self, k: int) -> bool:
        """Whether whitespace token ``k`` holds a blank line (more than one line break)."""
        return self._newlines(k) > 1

    def _newlines(self, k: int) -> int:
        """The number of line breaks in token ``k`` (a whitespace token)."""
        h = self.low[k]
        count = _NEWLINES.get(h)
        if count is None:
            count = self._strings[h].count("\n")
            if len(_NEWLINES) < _MAX_KNOWN:
                _NEWLINES[h] = count
        return count

    def where(self, column: str, hashes: frozenset[int]) -> list[int]:
        """Indices of the tokens whose ``column`` ("orth" or "low") is one of ``hashes``.

        Args:
            column: "orth" or "low".
            hashes: the hashes to look for.

        Returns:
            The token indices, in order.
        """
        present = hashes & (self.orth_set if column == "orth" else self.low_set)
        if not present:
            return []
        if len(present) == 1:
            col = self._arr[:, 0 if column == "orth" else 1]
            found: list[int] = np.flatnonzero(col == next(iter(present))).tolist()
            return found
        # one pass over the list: a scan of the array per hash cost more with a dozen
        hashes_of = self.orth if column == "orth" else self.low
        return [k for k, h in enumerate(hashes_of) if h in present]

    def where_after(self, hashes: frozenset[int], lead: frozenset[int], reach: int) -> list[int]:
        """Indices of the tokens whose LOWER hash is one of ``hashes`` and that have a token
        of ``lead`` among the ``reach`` tokens before them (an object after its verb), in
        one pass over the list (no slice of the tokens before each one).

        Args:
            hashes: the LOWER hashes to look for.
            lead: the LOWER hashes one of which must come before.
            reach: how many tokens before one of ``hashes`` to look.

        Returns:
            The token indices, in order.
        """
        present = hashes & self.low_set
        leads = lead & self.low_set
        if not present or not leads:
            return []
        either = present | leads
        found: list[int] = []
        last = -reach - 1  # the last token of ``lead`` so far
        for k, h in enumerate(self.low):
            if h in either:
                if h in present and last >= k - reach:
                    found.append(k)
                if h in leads:
                    last = k
        return found


def lower_hashes(doc: Doc) -> np.ndarray:
    """``doc.to_array("LOWER")``: from the attributes the component read of ``doc`` when it
    left them (:meth:`Columns.keep`) and the doc still has their number of tokens, else
    read now (a second ``to_array`` was a sixth of the TF-IDF cosine's time in a worker)."""
    arr = doc.user_data.get(COLUMNS_KEY)
    if arr is not None and arr.shape[0] == len(doc):
        return np.ascontiguousarray(arr[:, 1])
    return doc.to_array("LOWER")
