"""Scores: role profiles, the term model, the scoring formula, posting and resume readers."""
