"""Word lists shared by the extract stage (context rules, mention filter, sections).

One place for the vocabularies several modules read, so that no module has to import
another's internals: list separators, requirement cue words, job-title words, the
built-in context evidence of ambiguous forms and the common English words a short acronym
must not be taken for.
"""

from __future__ import annotations

__all__ = [
    "COMMON_WORDS",
    "CUE_WORDS",
    "GENERIC_POSITIVE",
    "LETTER_NEGATIVE_AFTER",
    "LETTER_NEGATIVE_BEFORE",
    "LINE_END",
    "LIST_AFTER",
    "LIST_BEFORE",
    "NO_NEIGHBOUR_AFTER",
    "NO_NEIGHBOUR_BEFORE",
    "TITLE_MAX_TOKENS",
    "TITLE_WORDS",
]

# tokens that separate the items of a list ("Java, Python / Go | SQL")
LIST_BEFORE = frozenset(", / | ; & and or ( [ - • * · + :".split())
LIST_AFTER = frozenset(", / | ; & and or ) ] - • * · +".split())
# words of requirement lines ("experience with", "knowledge of", "proficiency in")
CUE_WORDS = frozenset(
    "experience experienced knowledge understanding background expertise familiarity "
    "familiar proficiency proficient exposure years strong solid skills skill hands-on "
    "working using required requirements preferred plus bonus must nice".split()
)
# words of job-title lines ("Senior Java Developer (m/f/d)"), which SkillSpan leaves out
TITLE_WORDS = frozenset(
    "developer developers engineer engineers architect architects manager lead senior "
    "junior intern internship consultant specialist administrator analyst scientist "
    "m/f/d m/w/d f/m/d m/f (m/f/d) full-time part-time remote".split()
)
# a line of at most this many tokens holding a title word (and no sentence end) is a title
TITLE_MAX_TOKENS = 10
# tokens that end a sentence at the end of a line
LINE_END = frozenset({".", "!", "?", ";"})

# --- built-in evidence for ambiguous forms (see docs/extraction.md "Context rules") --------
GENERIC_POSITIVE = frozenset(
    {
        "programming",
        "language",
        "languages",
        "framework",
        "frameworks",
        "library",
        "libraries",
        "scripting",
        "codebase",
        "developer",
        "developers",
        "sdk",
    }
)
LETTER_NEGATIVE_BEFORE = frozenset(
    "grade grades vitamin type class plan tier level phase part section size mr mrs ms dr "
    "category option appendix schedule form article block unit step hepatitis b a".split()
)
# "C&B", "C-level", "C-suite": the token right after the letter, or "-" and then one of these
LETTER_NEGATIVE_AFTER = frozenset({"level", "suite", "grade", "class", "section"})
NO_NEIGHBOUR_BEFORE = frozenset({"a", "an"})
NO_NEIGHBOUR_AFTER = frozenset({"of"})
# Lower-case spellings that are ordinary English words: a 3-4 letter acronym (REST, SAP, ARM)
# is only accepted in lower case ("aws", "gcp" in tag lists) when it is not one of these.
COMMON_WORDS = frozenset(
    "age aid aim air all amp and ant any arm art ask bar bed big bit bus but can cap car cat "
    "cue dam day dim dot due ear has mean lamp stack ease end era eye fan far fit fix for gap "
    "gas get gin hat her "
    "hub ice ill key lab law lay lean led let lie log low man map may men mix net new nor not "
    "now oak odd off old one our out own pet pig pin pit pop put ram ran raw red rest rib rim "
    "rob rod row run sad safe sap saw say sea see set she sit six sky soap son spa sun tab tag "
    "tan tap tar tax tea ten the tie tip toe top toy try two use van via war was way web wet "
    "who why win yes yet you zip able area base bear best bill bold book call care case cash "
    "cell chef chip city code cold core cost dare data deal deep desk does dome door dose down "
    "draw drop each earn easy edge else even fact fair fall fast file fine fire firm flow food "
    "form free from fuel full game give goal gold good grid grow half hand hard head help here "
    "high hire hold home hope host hour idea into iron item jobs join jump just keep kind know "
    "land last late lead less life lift like line link list live load lock long look loop lost "
    "made mail main make many mark mass meet mind mode more most move much must name near need "
    "next nice node note once only open page pair park part pass path peak plan play plus pool "
    "port post pure push race rate read real rely rich ring rise risk road rock role room root "
    "rule safe sale same save scan seed seek self sell send ship shop show side sign site size "
    "slow snap some sort spin spot star stay step stop such sure take talk task team tell term "
    "test text than that them then they this tier time tone tool tour tree true turn type unit "
    "upon user vary vast very view vote wage wait walk want wave wear week well what when wide "
    "will wind wise with word work yard year zero zone".split()
)
