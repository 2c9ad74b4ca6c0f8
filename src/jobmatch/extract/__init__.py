"""Skills out of text: the ``jobmatch_skills`` spaCy component, its patterns and rules, sections."""
