"""The skill lexicon: loading and checking it (``loader``), mining new terms (``mining``)."""

from .loader import *  # noqa: F403
from .loader import __all__ as __all__
