"""The progress bar of ``jobmatch batch`` and ``jobmatch rank`` (used by ``cli.py`` only).

A :class:`~jobmatch.batch.summary.BatchProgress` drawn with tqdm on a terminal. The library
only reports counts; drawing is the command line's business, so this module belongs to it
(it does not import click, so that it can be tested without a terminal).
"""

from __future__ import annotations

import os
from typing import IO, Any, cast

__all__ = ["TerminalProgress", "BarSafeStream"]


class TerminalProgress:
    """A tqdm bar on ``stream`` (stderr), or nothing when ``stream`` is not a terminal.

    The bar appears when the run starts; its clock restarts when the first records are
    done, so that building the pipeline (seconds) does not distort the rate and ETA (shown
    from the next records on). It moves per record and is cleared (not left behind) when
    the run ends or is interrupted.

    Args:
        stream: where to draw (the bar is drawn only if ``stream.isatty()``).
        unit: what is counted, for the rate (``record``).
        min_interval: redraw at most this often, seconds.
    """

    def __init__(self, stream: IO[str], *, unit: str = "record", min_interval: float = 0.1) -> None:
        self.stream = stream
        self.unit = unit
        self.min_interval = min_interval
        self.enabled = stream.isatty()
        self.bar: Any = None
        self.total: int | None = None
        self.timed = False
        #: records reported done so far (the bar's count)
        self.done = 0

    def start(self, total: int | None) -> None:
        """Show the bar with ``total`` records to do (``None``: a counter without ETA)."""
        if not self.enabled:
            return
        from tqdm import tqdm

        self.total = total
        # follow the terminal's width, unless it reports none (a bare pty): then 80 columns,
        # since tqdm would draw a bar of width 0; and a fixed height, since for a terminal of
        # 0 rows it hides every bar (one bar needs no more)
        columns = _columns(self.stream)
        self.bar = tqdm(
            total=total,
            file=self.stream,
            unit=self.unit,
            leave=False,
            ncols=max(columns - ECHO_ROOM, 1) if columns > 0 else 80,
            nrows=24,
            mininterval=self.min_interval,
            miniters=1,
        )
        if columns > 0:
            # then follow the terminal's width as it changes (tqdm's dynamic_ncols, which
            # would draw the first line full width), ECHO_ROOM columns narrower
            from tqdm import utils as tqdm_utils

            wrapper = getattr(tqdm_utils, "_screen_shape_wrapper", None)
            shape = wrapper() if wrapper is not None else None
            if shape is not None:
                self.bar.dynamic_ncols = _leave_room(shape)

    def update(self, done: int) -> None:
        """``done`` more records finished."""
        self.done += done
        if self.bar is None:
            return
        if not self.timed:
            # the first records done: the clock starts now (building the pipeline took the
            # time before), and they set no rate: the rate and ETA come from what follows
            self.timed = True
            self.bar.reset(total=self.total)
            self.bar.initial = self.bar.n = self.bar.last_print_n = done
            self.bar.refresh()
            return
        self.bar.update(done)

    def close(self) -> None:
        """Clear the bar (idempotent)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            # tqdm blanks the bar's width; a "^C" echoed after it stays unless erased too
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def wrap(self, output: IO[str]) -> IO[str]:
        """``output``, writing around the bar when both go to a terminal."""
        if not self.enabled or not output.isatty():
            return output
        return cast(IO[str], BarSafeStream(output))


#: columns left free right of the bar: the terminal echoes Ctrl-C as "^C" after it, and
#: a full-width bar would wrap there, leaving the bar's line behind when it is cleared
ECHO_ROOM = 2


def _leave_room(shape: Any) -> Any:
    """tqdm's terminal-size function, ``ECHO_ROOM`` columns narrower."""

    def narrower(fp: Any) -> tuple[int | None, int | None]:
        cols, rows = shape(fp)
        return (None if cols is None else max(cols - ECHO_ROOM, 1)), rows

    return narrower


def _columns(stream: IO[str]) -> int:
    """The width of the terminal ``stream`` writes to (0 when it reports none)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


class BarSafeStream:
    """A text stream that clears the progress bar before each write and redraws it after."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with the bar cleared; the number of characters written."""
        from tqdm import tqdm

        with tqdm.external_write_mode(file=self.stream):
            return self.stream.write(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.stream.flush()

    def isatty(self) -> bool:
        """Whether the underlying stream is a terminal."""
        return self.stream.isatty()
