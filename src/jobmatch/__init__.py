"""jobmatch: explainable skill extraction and resume/posting scoring.

Importing this package is cheap: spaCy, scikit-learn and pdfminer are imported only by
the functions that need them.
"""

from __future__ import annotations

__version__ = "0.1.0"
