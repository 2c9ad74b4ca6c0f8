"""Screen uploads before they take a worker: a decompression bomb is answered at once.

Of the hostile files a server meets, a PDF decompression bomb is the one that costs most to
refuse: the reader inflates its streams up to ``Limits.max_inflated_bytes`` (128 MB) before
it can say no, which took a worker about 0.6 s of CPU, a forked child and 128 MB of memory.
:func:`screen` applies the same budget with :func:`~jobmatch.read.pdf_inflate.check_inflated_size`,
which counts the inflated bytes without keeping them (with zlib-ng, some 12 ms for a 1 GB
bomb), in a thread of the server process: the bomb gets the reader's own 413 before it
reaches the queue, and a file that passes is read by the worker exactly as before, under
every limit. Only the inflation is checked here: the other refusals (pages, encryption,
corruption) need the parser, which runs isolated in the worker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import JobmatchError
from .problems import Problem, problem_of
from .service import Upload, safe_name

__all__ = ["screen"]


def screen(uploads: Sequence[Upload | None]) -> Problem | None:
    """The :class:`Problem` of the first upload that is a PDF decompression bomb, if any.

    Args:
        uploads: the documents of one request (``None`` for an absent optional one).

    Returns:
        The 413 ``limit_exceeded`` problem the reader would give (same message), or ``None``
        when every upload may go on to a worker.
    """
    from ..read.documents import DEFAULT_LIMITS
    from ..read.pdf_inflate import check_inflated_size
    from ..read.sniff import sniff_format

    for upload in uploads:
        data = upload.data if upload is not None else None
        if upload is None or not data or len(data) > DEFAULT_LIMITS.max_bytes:
            continue  # no file, or one the worker refuses at once
        if sniff_format(data) != "pdf":
            continue  # only a PDF's streams are inflated here
        name = safe_name(upload.filename, upload.role)  # the source the reader names
        try:
            check_inflated_size(data, source=name, limits=DEFAULT_LIMITS)
        except JobmatchError as exc:
            return problem_of(exc)
    return None
