"""Surface forms: the key two forms collide on, and what counts as a proper name."""

from __future__ import annotations

__all__ = ["is_proper_name", "normalise_form"]


def normalise_form(form: str) -> str:
    """The key two surface forms collide on: lower case, white space folded."""
    return " ".join(form.lower().split())


def is_proper_name(form: str) -> bool:
    """A one-word capitalised form ("Docker", "Envoy", "Greek"): a product, a language or a
    place, not a countable noun, so the matcher makes no plural of it ("envoys")."""
    return len(form.split()) == 1 and form[:1].isupper() and form[1:].islower()
