"""A small reader process beside each worker: uploads are read there, PDFs forked from there.

A PDF is parsed in a forked child (:mod:`jobmatch.read.isolation`). Forked from a worker
that holds the spaCy pipeline and the profiles, each child costs the worker the copy of a
large page table and the child its copy-on-write faults: about a fifth of a request's CPU.
So each worker forks, before it loads the pipeline, a reader process that has imported only
the readers; every upload is read by :func:`jobmatch.read.documents.read_bytes` in that
process, under the same limits, and the isolated PDF parse is forked from it.

The reader is the same trust level as a worker: it reads what a worker would have read, in
the same way. A worker and its reader talk over a socket pair, one request at a time: the
upload's bytes go in, a :class:`~jobmatch.models.Document` or the error's class name,
reason and source come back. If the reader is gone, the worker reads in-process instead
(as before the reader existed), and says so in the log once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from .. import errors
from ..errors import CorruptDocumentError, DocumentError
from ..models import Limits

if TYPE_CHECKING:
    from ..models import Document

__all__ = ["ReaderProcess", "UPLOAD_LIMITS", "die_with_parent"]

log = logging.getLogger(__name__)

#: the default limits, with a fresh parser child per PDF: uploads from different clients
#: never share a parser process (see ``Limits.reuse_parser``)
UPLOAD_LIMITS = Limits(reuse_parser=False)


class ReaderProcess:
    """A forked process that reads uploads; :meth:`read` is ``read_bytes`` run there.

    Call it in a process that has not loaded the pipeline yet (a fork copies what the
    process holds). Where ``fork`` is missing, :meth:`read` reads in-process.
    """

    def __init__(self) -> None:
        from ..read import documents, pdf_parse  # noqa: F401 - imported once, before the fork

        self.pid: int | None = None
        self._conn: Connection | None = None
        if not hasattr(os, "fork"):  # pragma: no cover - Windows
            return
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the reader (coverage cannot follow a fork)
            ours.close()
            _serve(Connection(theirs.detach()))
        theirs.close()
        self.pid = pid
        self._conn = Connection(ours.detach())

    def read(self, data: bytes, *, source: str, name: str, password: str | None = None) -> Document:
        """Read one upload in the reader process (in this one if the reader is gone).

        Args:
            data: the file's bytes.
            source: the name used in errors and ``Document.source``.
            name: the file name whose extension is a hint.
            password: the password of an encrypted PDF.

        Returns:
            The document, as :func:`~jobmatch.read.documents.read_bytes` returns it.

        Raises:
            DocumentError: the one ``read_bytes`` raised, same class and reason.
        """
        conn = self._conn
        if conn is not None:
            try:
                conn.send((data, source, name, password))
                answer: tuple[str, Any] = conn.recv()
            except (OSError, EOFError):
                log.error("the reader process stopped; reading in the worker from now on")
                self.close()
            else:
                return _unpack(answer, source)
        from ..read.documents import read_bytes

        return read_bytes(data, source=source, name=name, password=password, limits=UPLOAD_LIMITS)

    def close(self) -> None:
        """Stop the reader process (it also stops by itself when this process ends)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self.pid is not None:
            with contextlib.suppress(ChildProcessError, ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = None


def die_with_parent() -> None:
    """Have the kernel stop this process when its parent ends (Linux; elsewhere nothing).

    A worker blocks reading its task queue, whose writing end it holds itself: without
    this, the workers of a server that was killed (not stopped) would wait for ever.
    """
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _unpack(answer: tuple[str, Any], source: str) -> Document:
    kind, value = answer
    if kind == "ok":
        document: Document = value
        return document
    name, reason, where = value
    cls = getattr(errors, str(name), None)
    if not (isinstance(cls, type) and issubclass(cls, DocumentError)):
        cls = CorruptDocumentError
    raise cls(str(reason), source=where if where is not None else source)


def _serve(conn: Connection) -> None:  # pragma: no cover - runs in the reader only
    """The reader's loop: read each upload sent, answer, stop when the worker is gone."""
    die_with_parent()  # and so with the worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    from ..read.documents import read_bytes

    code = 0
    try:
        while True:
            try:
                data, source, name, password = conn.recv()
            except EOFError:
                break
            try:
                document = read_bytes(
                    data, source=source, name=name, password=password, limits=UPLOAD_LIMITS
                )
                answer: tuple[str, Any] = ("ok", document)
            except DocumentError as exc:
                answer = ("error", (type(exc).__name__, exc.reason, exc.source))
            except Exception as exc:  # noqa: BLE001 - a bug of a reader, on this file only
                log.exception("the reader failed on %s", source)
                reason = f"the reader failed ({type(exc).__name__})"
                answer = ("error", ("CorruptDocumentError", reason, None))
            conn.send(answer)
    except BaseException:  # noqa: BLE001 - the reader must reach os._exit whatever happens
        code = 70
    finally:
        os._exit(code)
