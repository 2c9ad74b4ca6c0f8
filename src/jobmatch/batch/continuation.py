"""Continuing a batch run: what an existing output already holds, and its sidecars.

A streamed output (JSON lines or CSV) is continued by appending to it: the ids it holds
are skipped, and so are those its ``OUT.dropped`` sidecar lists as below ``--min-score``.
A torn last line (a run killed mid-write) is cut first, and that record is redone.

A run records its settings (profile, resume, record options...) in ``OUT.settings.json``;
continuing ``OUT`` with other settings would mix stale results with new ones, so it is
refused with the list of what differs (:func:`check_settings`). The one setting that may
change is ``min_score``, and only downwards: a lower threshold adds records the output lacks,
a higher one would leave in it records below it.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Mapping
from typing import IO

from ..errors import JobmatchError
from ..models import BatchResult
from .writers import FORMULA_START

__all__ = [
    "repair_tail",
    "read_csv_header",
    "read_done_ids",
    "dropped_path",
    "DroppedLog",
    "read_dropped_ids",
    "done_ids",
    "settings_path",
    "write_settings",
    "check_settings",
    "MIN_SCORE",
]

#: the settings of a run, as recorded beside its output: name -> value (``None``: unset)
Settings = Mapping[str, "str | None"]
#: the settings key of ``--min-score`` (compared by :func:`check_settings` as a threshold)
MIN_SCORE = "min_score"


def repair_tail(path: str | os.PathLike[str]) -> int:
    """Cut a torn last line (a run killed mid-write) of the file at ``path``.

    Returns:
        The number of bytes removed (0 when the file ends with a line end, or is empty).

    Raises:
        OSError: the file cannot be opened for update.
    """
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        pos = size
        while pos > 0:
            step = min(65536, pos)
            f.seek(pos - step)
            block = f.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = pos - step + nl + 1
                f.truncate(keep)
                return size - keep
            pos -= step
        f.truncate(0)
        return size


def read_csv_header(path: str | os.PathLike[str]) -> tuple[str, ...] | None:
    """The header of the existing CSV batch output at ``path``.

    Returns:
        Its column names, or ``None`` when it has no header with an ``id`` column (JSONL).

    Raises:
        OSError: the file cannot be read.
    """
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        header = next(csv.reader(f), None)
    return tuple(header) if header and "id" in header else None


def read_done_ids(path: str | os.PathLike[str]) -> Counter[str]:
    """Ids already written to a JSONL or CSV batch output, with how often each occurs.

    Unparseable lines (a torn last line) are ignored: those records are simply redone.

    Args:
        path: the output (JSON lines, or CSV with an ``id`` column).

    Returns:
        Id -> occurrences (an id may repeat in the input).

    Raises:
        OSError: the file cannot be read.
    """
    done: Counter[str] = Counter()
    with open(path, "rb") as f:
        head = f.read(4096).lstrip()
    if head.startswith(b"{") or not head:
        with open(path, "rb") as f:
            for raw in f:
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                    done[obj["id"]] += 1
        return done
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        if "id" not in header:
            return done
        at = header.index("id")
        for row in reader:
            if len(row) == len(header):
                cell = row[at]
                # undo the formula neutralisation of the writer
                if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
                    cell = cell[1:]
                done[cell] += 1
    return done


def dropped_path(output: str | os.PathLike[str]) -> str:
    """The sidecar of the batch ``output`` listing the records ``--min-score`` left out of it.

    Returns:
        ``OUT.dropped``.
    """
    return os.fspath(output) + ".dropped"


class DroppedLog:
    """Appends ``{"id": ..., "score": ...}`` lines to a ``.dropped`` sidecar, one per record
    left out by ``--min-score``, flushed like the output (opened at the first one)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stream: IO[str] | None = None

    def write(self, result: BatchResult) -> None:
        if self.stream is None:
            try:
                self.stream = open(self.path, "a", encoding="utf-8")
            except OSError as exc:
                raise JobmatchError(
                    f"cannot write the list of records below --min-score: {exc.strerror or exc}",
                    source=self.path,
                ) from exc
        line = {"id": result.id, "score": result.score}
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


def read_dropped_ids(path: str | os.PathLike[str], min_score: float | None) -> Counter[str]:
    """Ids in a ``.dropped`` sidecar that ``min_score`` leaves out again, with their counts.

    A record dropped earlier that ``min_score`` would keep (a lower threshold, or none) is
    not listed: it is scored again and written. A missing sidecar lists nothing; a torn
    last line (no line end) and unparseable lines are ignored (those records are redone).

    Args:
        path: the ``.dropped`` sidecar.
        min_score: the threshold of the run continuing (``None``: nothing is left out).

    Returns:
        Id -> occurrences.

    Raises:
        OSError: the sidecar exists but cannot be read.
    """
    dropped: Counter[str] = Counter()
    if min_score is None or not os.path.isfile(path):
        return dropped
    with open(path, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                continue  # torn: cut off by repair_tail before the sidecar is appended to
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                continue
            score = obj.get("score")
            if isinstance(score, int | float) and score < min_score:
                dropped[obj["id"]] += 1
    return dropped


def done_ids(path: str | os.PathLike[str], min_score: float | None) -> Counter[str]:
    """What a run continuing ``path`` skips: the ids written to it, and those its
    ``.dropped`` sidecar lists as below ``min_score``.

    Returns:
        Id -> occurrences (:func:`read_done_ids` plus :func:`read_dropped_ids`).

    Raises:
        OSError: a file cannot be read.
    """
    return read_done_ids(path) + read_dropped_ids(dropped_path(path), min_score)


def settings_path(output: str | os.PathLike[str]) -> str:
    """The sidecar of the batch ``output`` recording the settings it was written with.

    Returns:
        ``OUT.settings.json``.
    """
    return os.fspath(output) + ".settings.json"


def write_settings(output: str | os.PathLike[str], settings: Settings) -> None:
    """Record ``settings`` beside ``output`` (replacing an earlier record).

    Args:
        output: the batch output.
        settings: setting name -> value (:func:`~jobmatch.batch.settings.run_settings`).

    Raises:
        JobmatchError: the sidecar cannot be written.
    """
    path = settings_path(output)
    try:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(dict(settings), f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
    except OSError as exc:
        raise JobmatchError(
            f"cannot write the settings of the run: {exc.strerror or exc}", source=path
        ) from exc


def check_settings(output: str | os.PathLike[str], settings: Settings) -> None:
    """Check that continuing ``output`` uses the ``settings`` it was written with.

    Args:
        output: the existing batch output.
        settings: the settings of the run that would continue it.

    Raises:
        ValueError: the recorded settings differ (the message lists each difference, old
            and new value), or there is no record of them (an output of an older version
            or of another program: jobmatch cannot tell what it holds).
    """
    path = settings_path(output)
    out = os.fspath(output)
    fix = f"continue with the same settings, or write to another -o (or delete {out})"
    try:
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
    except FileNotFoundError:
        raise ValueError(
            f"{out} exists but there is no record of the settings it was written with"
            f" ({path}), so it cannot be continued safely: {fix}"
        ) from None
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read {path} ({exc}): {fix}") from exc
    if not isinstance(old, dict):
        raise ValueError(f"{path} is not a settings record: {fix}")
    diffs = [
        f"{key} was {_shown(old.get(key))}, now {_shown(settings.get(key))}"
        for key in sorted(set(old) | set(settings))
        if key != MIN_SCORE and old.get(key) != settings.get(key)
    ]
    was, now = old.get(MIN_SCORE), settings.get(MIN_SCORE)
    if _stricter(was, now):
        diffs.append(
            f"min_score was {_shown(was)}, now {_shown(now)} (records below {now} are in it"
            " already; the same or a lower --min-score can continue it)"
        )
    if diffs:
        raise ValueError(f"{out} was written with other settings: {'; '.join(diffs)}. {fix}")


def _stricter(was: object, now: object) -> bool:
    """Whether a threshold ``now`` leaves out records that ``was`` kept (``None``: none)."""
    if now is None:
        return False
    try:
        return was is None or float(str(now)) > float(str(was))
    except ValueError:
        return True


def _shown(value: object) -> str:
    return "(none)" if value in (None, "") else repr(value)
