"""Line roles: where a name is not evidence of a skill.

A skill name in an employer slot ("Spark Therapeutics, Philadelphia", "Research Scientist
at Nexus AI"), in a citation line ("J. Doe. Emergent Communication in Multi-Agent Games.
ICLR 2022.") or in a thesis title ("Thesis: Graph Neural Networks for Traffic Forecasting")
names a company or a topic, not something the writer does. :class:`LineRoles` finds these
slots on the token hashes of the lines that hold mentions and drops the mentions in them;
a citation line is itself evidence of publishing.

* employer name: the mention is followed by a company word ("Therapeutics", "Inc.",
  "Health", "International", "Div"...), directly or after one or two capitalised words
  that end the name ("Honeywell Defense Avionics Div"), or by "AI" at the end of a name
  ("Nexus AI, San Francisco"), or by a comma and "Inc."/"LLC"... ("Monitoring Services,
  Inc."), or by an employer's statement ("H2O.ai is an equal opportunity employer"), or it
  follows "at" after a job-title or employment word ("Engineer at
  Oracle", "Interned at CNN"), or a comma after a job title ("MERN Stack Developer,
  OpenAI, San Francisco"), and ends the name (line end, comma, "in", a year...);
* citation line: a year and a citation marker (an initial "J.", "et al.", quotes, a
  venue, "Journal", "Proceedings"...), or "Proceedings" / "arXiv" / "et al." / "doi"
  alone, on a line without a verb of the writer's (checked by the caller: evidence
  phrases are never dropped);
* thesis title: what follows "Thesis:" / "Dissertation:" on its line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from .columns import Columns
from .vocabulary import (
    CITATION_MARKERS,
    CITATION_STRONG,
    EMPLOYER_STATEMENT_CUES,
    EMPLOYER_STATEMENTS,
    EMPLOYMENT_TITLES,
    EMPLOYMENT_WORDS,
    ORG_COMMA_SUFFIXES,
    ORG_END,
    ORG_SUFFIXES,
    ORG_WEAK_SUFFIXES,
    TITLE_WORDS,
)

__all__ = ["LineRoles"]

Match = tuple[int, int, int]  # (start token, end token, skill index)


#: the most tokens a citation line read from a year and a marker holds (one with twenty
#: authors holds about 80); a longer line is prose or a page's header run together
#: (SkillSpan's "Date posted: 2021-06-09 ... „Big Data“" line of 177 tokens)
_MAX_CITATION_TOKENS = 120


class LineRoles:
    """Finds employer names, citation lines and thesis titles.

    Args:
        key: string -> hash (the pipeline's ``vocab.strings.add``).
        venues: ORTH hashes of venue names (a citation marker).
    """

    def __init__(self, key: Callable[[str], int], venues: Iterable[int] = ()) -> None:
        self._suffix = frozenset(key(w) for w in ORG_SUFFIXES)  # ORTH: capitalised
        self._weak = frozenset(key(w) for w in ORG_WEAK_SUFFIXES)
        self._org_end = frozenset(key(w) for w in ORG_END)
        self._employ = frozenset(key(w) for w in EMPLOYMENT_WORDS | TITLE_WORDS)
        self._titles = frozenset(key(w) for w in EMPLOYMENT_TITLES | TITLE_WORDS)
        self._at = frozenset({key("at"), key("@")})
        self._comma = key(",")
        self._slot = self._at | {self._comma}
        self._segment_edge = frozenset(key(w) for w in ", | : ; ( ) - – —".split())
        self._markers = frozenset(key(w) for w in CITATION_MARKERS)
        self._strong = frozenset(key(w) for w in CITATION_STRONG)
        self._quotes = frozenset(key(q) for q in ('"', "“", "”", "``", "''"))
        self._thesis = frozenset(key(w) for w in ("thesis", "dissertation"))
        self._colon = key(":")
        self._et, self._al = key("et"), frozenset({key("al"), key("al.")})
        self._al_dot, self._dot, self._hyphen = key("al."), key("."), key("-")
        self._months = frozenset(key(f"{m:02d}") for m in range(1, 13))
        self._venues = frozenset(venues)
        self._four_digits, self._initial = key("dddd"), key("X.")  # SHAPE: "2021", "J."
        # a doc without any of these has no citation line or thesis title, and without
        # these no employer name
        self._cite_low = self._thesis | self._strong | {self._et}
        self._company = self._suffix | self._weak
        self._comma_suffix = frozenset(key(w) for w in ORG_COMMA_SUFFIXES)
        self._statements = tuple(tuple(key(w) for w in s) for s in EMPLOYER_STATEMENTS)
        # the word each statement holds that few other sentences do ("to" and "an" are in
        # every text): a doc without one of them has no statement (a test checks that
        # every statement holds one)
        self._statement_cues = frozenset(key(w) for w in EMPLOYER_STATEMENT_CUES)
        self._statement_heads = frozenset(s[0] for s in self._statements)

    def wrong_senses(
        self, strings: Any, cols: Columns, kept: list[Match], prose: Iterable[int] = ()
    ) -> tuple[list[Match], list[tuple[int, int]]]:
        """Split off the mentions in employer names, citation lines and thesis titles.

        Args:
            strings: the doc's ``vocab.strings`` (years and initials are read as text).
            cols: the doc's columns.
            kept: the mentions, sorted.
            prose: tokens of verb phrases of the writer's ("Published ... at NeurIPS
                2022"): their lines are prose, not citations.

        Returns:
            (the mentions kept, the token range of each citation line found).
        """
        breaks, orth, low = cols.breaks, cols.orth, cols.low
        n = len(low)
        lines = self._may_cite(cols)
        if not lines and self._no_employer(cols):
            return kept, []
        prose_lines = {bisect_right(breaks, t) for t in prose}
        no_role = (False, 1 << 62)
        roles: dict[int, tuple[bool, int]] = {}  # line -> (citation, thesis title start)
        out: list[Match] = []
        citations: list[tuple[int, int]] = []
        for m in kept:
            s, e, _ = m
            k = bisect_right(breaks, s)
            lo = breaks[k - 1] + 1 if k > 0 else 0
            hi = breaks[k] if k < len(breaks) else n
            role = roles.get(k) if lines else no_role
            if role is None:
                role = self._line_role(strings, cols, lo, hi)
                if k in prose_lines:
                    role = (False, role[1])
                roles[k] = role
                if role[0]:
                    citations.append((lo, hi))
            if role[0] or s >= role[1]:
                continue
            if orth[s] != low[s] and self._employer(cols, s, e, lo, hi):
                continue
            out.append(m)
        return out, citations

    def _may_cite(self, cols: Columns) -> bool:
        """Whether the doc may hold a citation line or a thesis title (set operations)."""
        return cols.has_shape(self._four_digits) or not self._cite_low.isdisjoint(cols.low_set)

    def _no_employer(self, cols: Columns) -> bool:
        """Whether the doc lacks every trigger of an employer name (set operations)."""
        return (
            self._company.isdisjoint(cols.orth_set)
            and self._employ.isdisjoint(cols.low_set)
            and self._statement_cues.isdisjoint(cols.low_set)
        )

    def _line_role(self, strings: Any, cols: Columns, lo: int, hi: int) -> tuple[bool, int]:
        """(is a citation line, first token of a thesis title or a large number)."""
        low, orth, shapes = cols.low, cols.orth, cols.shape
        words = low[lo:hi]
        title_from = 1 << 62
        if not self._thesis.isdisjoint(words[:6]):
            for j in range(lo, min(hi - 1, lo + 6)):
                if low[j] in self._thesis and self._colon in low[j + 1 : j + 4]:
                    title_from = low.index(self._colon, j + 1, hi) + 1
                    break
        line_shapes = shapes[lo:hi]
        dated = self._four_digits in line_shapes
        if not self._strong.isdisjoint(words) or self._et_al(words, dated=dated):
            return True, title_from
        if not dated or hi - lo > _MAX_CITATION_TOKENS:
            return False, title_from
        marks = orth[lo:hi]
        has_marker = (
            not self._markers.isdisjoint(marks)
            or not self._quotes.isdisjoint(marks)
            or not self._venues.isdisjoint(marks)
            or self._initial in line_shapes[:12]
        )
        has_year = has_marker and any(
            _is_year(strings[h]) and not self._iso_date(low, lo + i, hi)
            for i, (h, sh) in enumerate(zip(marks, line_shapes, strict=True))
            if sh == self._four_digits
        )
        return has_year, title_from

    def _iso_date(self, low: list[int], i: int, hi: int) -> bool:
        """The year at ``i`` opens an ISO date ("2021-06-09", a posting's "Date posted"):
        a day, no publication's year."""
        return i + 2 < hi and low[i + 1] == self._hyphen and low[i + 2] in self._months

    def _et_al(self, words: list[int], *, dated: bool) -> bool:
        """ "et al." (with its period), or "et al" on a line with a year ("Doe et al (2020)"):
        "peers across teams (Engineering, Design, et al)" cites nothing."""
        if self._et not in words:
            return False
        return any(
            w == self._et
            and j + 1 < len(words)
            and words[j + 1] in self._al
            and (dated or words[j + 1] == self._al_dot or words[j + 2 : j + 3] == [self._dot])
            for j, w in enumerate(words)
        )

    def _employer(self, cols: Columns, s: int, e: int, lo: int, hi: int) -> bool:
        """Is the mention ``s:e`` (capitalised: the caller checks) part of a company name?"""
        orth, low = cols.orth, cols.low
        nxt = orth[e] if e < hi else 0
        before = low[s - 1] if s > lo else 0
        if self._runs_to_suffix(cols, e, hi):
            return True  # "Honeywell Defense Avionics Div", "Python Software Foundation"
        if self._states_employer(low, e, hi):
            return True  # "H2O.ai is an equal opportunity employer"
        if nxt not in self._company and before not in self._slot and orth[s] not in self._weak:
            return False  # the common case: no company word after, no "at" or comma before
        if nxt in self._suffix:
            return True
        after = low[e + 1] if e + 1 < hi else 0
        if nxt in self._weak and (e + 1 >= hi or after in self._org_end):
            return True
        ends = e >= hi or low[e] in self._org_end or nxt in self._weak
        if e == s + 1 and orth[s] in self._weak and e > lo + 1 and ends:
            # "Nexus AI, San Francisco": "AI" ends a capitalised name standing alone
            before_name = low[s - 2] if s - 2 >= lo else self._comma
            if orth[s - 1] != low[s - 1] and before_name in self._segment_edge | self._at:
                return True
        if before in self._at and s - 1 > lo:
            return ends and not self._employ.isdisjoint(low[lo : s - 1])
        if before == self._comma and s - 1 > lo and ends:
            # "MERN Stack Developer, OpenAI, San Francisco": the line opens with a job
            # title, then a comma, then the employer (not an item of a list: "Oil,
            # developer, Physics")
            head = low[lo : s - 1]
            return self._segment_edge.isdisjoint(head) and not self._titles.isdisjoint(head)
        return False

    def _runs_to_suffix(self, cols: Columns, e: int, hi: int) -> bool:
        """Whether one or two capitalised words after the mention lead to a company word
        that ends the name ("Defense Avionics Div", "Python Software Foundation")."""
        orth, low = cols.orth, cols.low
        for j in range(e, min(hi, e + 3)):
            if orth[j] in self._suffix:
                return j > e and (j + 1 >= hi or low[j + 1] in self._org_end)
            if low[j] == self._comma:
                # ", Inc." ends a name: "Rapid Response Monitoring Services, Inc."
                return j + 1 < hi and orth[j + 1] in self._comma_suffix
            if orth[j] == low[j]:
                return False  # lower case or punctuation: the name is over
        return False

    def _states_employer(self, low: list[int], e: int, hi: int) -> bool:
        """Whether the words after the mention are an employer's statement about itself
        ("is an equal opportunity employer")."""
        if e >= hi or low[e] not in self._statement_heads:
            return False  # the common case: no statement starts after the mention
        return any(tuple(low[e : e + len(s)]) == s for s in self._statements if e + len(s) <= hi)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")
