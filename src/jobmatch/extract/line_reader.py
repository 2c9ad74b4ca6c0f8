"""The component's last step: read each line for what its mentions are evidence of.

:class:`LineReader` drops the mentions in employer names, citation lines and thesis titles
(:mod:`.line_roles`) and adds the evidence phrases (:mod:`.evidence`: "ran experiments",
"Led a team", a venue) and the citation lines as evidence of publishing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc

from .columns import Columns
from .evidence import EvidenceFinder, EvidenceRules, Phrase, non_overlapping
from .line_roles import LineRoles

__all__ = ["LineReader"]

Match = tuple[int, int, int]  # (start token, end token, skill index)


class LineReader:
    """Line roles and evidence phrases over a doc's mentions.

    Args:
        evidence: the lexicon's evidence rules, or ``None`` for none.
        skill_index: skill id -> index in the lexicon.
        tokenize: string -> token texts (the pipeline's tokenizer).
        key: string -> hash (the pipeline's ``vocab.strings.add``).
    """

    def __init__(
        self,
        evidence: EvidenceRules | None,
        skill_index: Mapping[str, int],
        tokenize: Callable[[str], list[str]],
        key: Callable[[str], int],
    ) -> None:
        self._evidence = None
        venues: tuple[str, ...] = ()
        self._publishing: int | None = None
        if evidence is not None:
            self._evidence = EvidenceFinder(evidence, skill_index, tokenize, key)
            if evidence.venues is not None:
                venues = evidence.venues.names
                self._publishing = skill_index.get(evidence.venues.skill)
        self._roles = LineRoles(key, (key(v) for v in venues))

    def read(self, doc: Doc, cols: Columns, kept: list[Match]) -> list[Match]:
        """The mentions without those in employer names, citation lines and thesis titles,
        plus the evidence phrases and citation lines (as publishing), in text order.

        Args:
            doc: the doc.
            cols: its columns.
            kept: the mentions after the filter, sorted.

        Returns:
            The mentions, sorted and never overlapping.
        """
        strings = doc.vocab.strings
        found = self._evidence.find(strings, cols) if self._evidence is not None else []
        if kept:
            prose = [s for s, e, _, _ in found if e - s > 1]
            kept, citations = self._roles.wrong_senses(strings, cols, kept, prose)
            if self._publishing is not None:
                found += [(lo, hi, self._publishing, lo) for lo, hi in citations if hi > lo]
        if not found:
            return kept
        found = non_overlapping(found)
        verbs = bytearray(len(doc))
        for s, _, _, _ in found:
            verbs[s] = 1
        kept = [m for m in kept if 1 not in verbs[m[0] : m[1]]]
        # mentions inside a phrase stay (see _on_object)
        taken = [-1] * len(doc)  # skill index of the kept mention on each token
        reach = [-1] * len(doc)  # the end of the kept mention on each token
        for s, e, i in kept:
            taken[s:e] = [i] * (e - s)
            reach[s:e] = [e] * (e - s)
        phrases = [p for p in (_on_object(f, taken, reach) for f in found) if p is not None]
        return sorted(kept + [(s, e, i) for s, e, i, _ in phrases])


def _on_object(phrase: Phrase, taken: list[int], reach: list[int]) -> Phrase | None:
    """The phrase; ``None`` when a mention of its own skill sits on its object ("ran
    ablation studies": the mention suffices), or when the object opens a longer skill's
    name ("Set up experiment tracking", "Led code reviews": the object is a word of that
    name, not what the verb acts on); shrunk to its verb when other mentions sit inside it
    ("Leading cross-functional teams", "Led hiring for a team": team leadership on the
    verb, the mentions stay), so that mentions never overlap."""
    s, e, i, obj = phrase
    if i in taken[obj:e] or reach[obj] > e:
        return None
    if any(k >= 0 for k in taken[s + 1 : e]):
        return (s, s + 1, i, obj)
    return phrase
