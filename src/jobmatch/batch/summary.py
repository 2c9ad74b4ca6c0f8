"""What a batch run reports back: its summary, its interruption, and the progress hook.

The library draws nothing: :func:`~jobmatch.batch.run.run_batch` returns a
:class:`BatchSummary`, raises :class:`BatchInterrupted` (carrying the summary so far) on
Ctrl-C, and tells an optional :class:`BatchProgress` how far it is; ``jobmatch batch`` turns
those into a progress bar and the summary line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["BatchSummary", "BatchInterrupted", "BatchProgress"]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """The counts of a batch run.

    Attributes:
        ok: records scored.
        failed: records that could not be read or scored (written as error records).
        written: records written to the output (fewer than ``ok + failed`` with ``top`` or
            ``min_score``).
        skipped: records skipped because the output already had them (continuing a run), or
            its ``.dropped`` sidecar listed them as below ``min_score``.
        seconds: the run time.
        below_min_score: scored records ``min_score`` left out of the output.
        output: the file written, or ``None`` for a stream (standard output).
        failures: ``(source, reason)`` of the first failed records (up to 20), for a
            ranked output that leaves them out.
        notes: what holds for the whole run (``rank``: a posting whose requirements cannot
            show a good fit, :func:`~jobmatch.scoring.scorer.reach_warning`).
    """

    ok: int
    failed: int
    written: int
    skipped: int
    seconds: float
    below_min_score: int = 0
    output: str | None = None
    failures: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def rate(self) -> float:
        """Records scored or failed per second (0 for an empty run)."""
        return (self.ok + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def line(self, command: str = "batch") -> str:
        """The one-line summary ``jobmatch batch`` shows on stderr at the end of a run."""
        parts = [f"{self.ok:,} ok", f"{self.failed:,} failed"]
        if self.skipped:
            parts.append(f"{self.skipped:,} already done")
        if self.below_min_score:
            parts.append(f"{self.below_min_score:,} below --min-score left out")
        parts += [f"{self.seconds:.1f} s", f"{self.rate:,.1f} records/s"]
        return f"{command}: " + ", ".join(parts)

    def failure_lines(self) -> list[str]:
        """``failed: SOURCE: REASON`` lines when the output leaves failures out (``top``,
        table); none when every failure is written as an error record."""
        if not self.failed or self.written >= self.ok + self.failed - self.below_min_score:
            return []
        lines = [f"failed: {source}: {reason}" for source, reason in self.failures]
        more = self.failed - len(self.failures)
        if more > 0:
            lines.append(f"failed: ... and {more:,} more")
        return lines

    def interrupted_line(self) -> str:
        """What to tell the user after Ctrl-C: how far the run got and how to continue."""
        done = f"interrupted after {self.ok + self.failed:,} records"
        if self.output is None:
            return f"{done}; the output went to standard output: use -o FILE to be able to continue"
        if not self.written:
            return f"{done}; nothing was written to {self.output}"
        return (
            f"{done} ({self.written:,} written to {self.output}); run the same command"
            f" again to continue: the records already in {self.output} are skipped"
        )


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch run; the output holds every record finished before it.

    A ``KeyboardInterrupt`` (so code that does not know it still stops), raised from the
    original one, with the counts so far in :attr:`summary`.
    """

    def __init__(self, summary: BatchSummary) -> None:
        super().__init__("batch interrupted")
        self.summary = summary


class BatchProgress(Protocol):
    """How a caller follows a run (``jobmatch batch`` draws a bar with it).

    :meth:`start` is called once with the number of records expected (``None`` when it
    cannot be known, for standard input); :meth:`update` with a number of records just
    finished, as they finish; :meth:`close` when scoring is over, before a ranked output
    is written, and also on errors and interruption.
    """

    def start(self, total: int | None) -> None:
        """The run starts; about ``total`` records to do (``None``: unknown)."""

    def update(self, done: int) -> None:
        """``done`` more records were scored or failed."""

    def close(self) -> None:
        """Scoring is over: clear what was drawn."""
