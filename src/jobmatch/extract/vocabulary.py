"""Word lists shared by the extract stage (context rules, mention filter, sections).

One place for the vocabularies several modules read, so that no module has to import
another's internals: list separators, requirement cue words, job-title words, the
built-in context evidence of ambiguous forms and the common English words a short acronym
must not be taken for.
"""

from __future__ import annotations

__all__ = [
    "SHARED_HEAD_STOP",
    "TITLE_FIELDS",
    "BULLET_GLYPHS",
    "ACTION_VERBS",
    "NOT_ACTION_VERBS",
    "TEAM_WORDS",
    "CATEGORY_POSITIVE",
    "CITATION_MARKERS",
    "CITATION_STRONG",
    "EMPLOYMENT_TITLES",
    "EMPLOYMENT_WORDS",
    "EMPLOYER_STATEMENTS",
    "EMPLOYER_STATEMENT_CUES",
    "ORG_COMMA_SUFFIXES",
    "ORG_END",
    "ORG_SUFFIXES",
    "ORG_WEAK_SUFFIXES",
    "COMMON_WORDS",
    "CUE_WORDS",
    "ASKED_HEADS",
    "ASKED_DEGREE",
    "ASKED_LINK",
    "GENERIC_POSITIVE",
    "LETTER_NEGATIVE_AFTER",
    "LETTER_NEGATIVE_BEFORE",
    "LINE_END",
    "LIST_AFTER",
    "LIST_BEFORE",
    "NAMED_TECHNOLOGY",
    "NO_NEIGHBOUR_AFTER",
    "OBJECT_BEFORE",
    "NO_NEIGHBOUR_BEFORE",
    "TITLE_MAX_TOKENS",
    "TITLE_WORDS",
]

# tokens that separate the items of a list ("Java, Python / Go | SQL")
LIST_BEFORE = frozenset(", / | ; & and or ( [ - • * · + :".split())
LIST_AFTER = frozenset(", / | ; & and or ) ] - • * · +".split())
#: words after which a mention is a phrase's object ("a good grasp of statistics: averages,
#: variance"): a colon right after it ends the phrase as a line's end does, it makes no label
#: of it ("Languages: Python") for the mention filter
OBJECT_BEFORE = frozenset("of in with on for and or to the a an using including".split())
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
# Verbs of a resume's bullets, in the past tense ("Trained diffusion models", "Led hiring"):
# a lower-case mention right after one (LOWER, within 2 tokens on its line), or anywhere on a
# line that opens with one ("Coached junior data scientists on experiment design"), is
# something the writer did, and the mention filter (fitted on posting sentences, which
# rarely open with a past tense) does not judge it.
ACTION_VERBS = frozenset(
    "trained tuned finetuned pretrained pre-trained built implemented developed deployed "
    "designed led owned managed wrote created architected engineered optimized optimised "
    "automated migrated integrated conducted ran applied introduced shipped maintained "
    "prototyped benchmarked evaluated scaled refactored modelled modeled worked coached "
    "mentored supervised taught researched investigated explored studied analyzed analysed "
    "contributed collaborated authored co-authored published presented took oversaw "
    "participated".split()
)
# capitalised "-ed" words that open sentences but state no deed of the writer: postings'
# ("Preferred qualifications", "Founded in 1999, ...") and adjectives ("Advanced knowledge
# of", "Distributed systems", "Detailed knowledge")
NOT_ACTION_VERBS = frozenset(
    "preferred required desired based founded interested qualified located headquartered "
    "needed recommended selected limited united red bed need speed seed feed embed "
    "advanced detailed skilled talented motivated dedicated seasoned accomplished "
    "experienced certified licensed related distributed embedded varied demonstrated".split()
)
# words after a name that make it the name of a team, not a skill of the writer
# ("Worked closely with the data science team", "UX designers")
TEAM_WORDS = frozenset(
    "team teams department departments group groups division divisions unit units staff "
    "colleagues designers engineers developers scientists analysts managers leads "
    "organization organisation function functions".split()
)
# glyphs that open a bullet line before its verb ("• Worked on diffusion for ...")
BULLET_GLYPHS = frozenset("• - * · – — ▪ ● ◦ ‣ ■ □ > o".split())

# Categories of named technologies: on a job-title line such a name is a skill of the person
# ("Senior Java Developer", "React Native Developer"); a concept named in a title ("AI
# Engineer", "QA/Test Developer", "Social Engineering Lead") is left to the mention filter.
NAMED_TECHNOLOGY = frozenset(
    "programming_language ml_framework library data_tool database cloud devops tool platform "
    "certification".split()
)
# ... and so is a field of machine learning named in a resume's title line ("Machine Learning
# Engineer", "NLP Research Scientist", "Computer Vision Engineer"); not a generic practice
# ("Senior Software Engineer" is no evidence of "software development")
TITLE_FIELDS = NAMED_TECHNOLOGY | frozenset(
    "ml_method deep_learning ai_domain generative_ai".split()
)

# --- line roles (line_roles.py) ------------------------------------------------------------
# words that end a company name, as written ("Spark Therapeutics", "Snowflake Inc."); not
# "Technologies", "Networks", "Group", "Media": "Java EE Technologies", "Neural Networks"
ORG_SUFFIXES = frozenset(
    "Therapeutics Pharmaceuticals Pharma Biosciences Biotech Inc Inc. LLC Ltd Ltd. Corp Corp. "
    "Corporation Labs Laboratories Health Healthcare International Holdings Capital Partners "
    "Ventures GmbH AG Bank Foundation Institute University Hospital Studios Co. Company "
    "Incorporated Limited PLC plc Div Div. Division".split()
)
# company words that follow a comma and end the name ("Monitoring Services, Inc.", "Kronos
# Bio, Inc."): ORTH, as written; not "PLC", also a controller ("PLC programming, PLC")
ORG_COMMA_SUFFIXES = frozenset("Inc Inc. LLC Ltd Ltd. Corp Corp. GmbH".split())
# what an employer says of itself right after its name (LOWER): "H2O.ai is an equal
# opportunity employer", "Esri is an equal opportunity employer (EOE)"
EMPLOYER_STATEMENTS = (
    ("is", "an", "equal", "opportunity"),
    ("is", "an", "equal", "employment"),
    ("is", "an", "affirmative", "action"),
    ("is", "an", "eoe"),
    ("is", "proud", "to", "be", "an", "equal"),
)
#: a word every employer statement holds and few other sentences do: a text without any
#: of them holds no statement, and its mentions skip the search for one
EMPLOYER_STATEMENT_CUES = frozenset({"equal", "affirmative", "eoe"})
# "AI" ends a company name only at the end of the name ("Nexus AI, San Francisco")
ORG_WEAK_SUFFIXES = frozenset({"AI"})
# tokens after a company name (LOWER): the name is over
ORG_END = frozenset(", | ( ) - – — : ; in since from . /".split())
# words before "at <company>" in an employment line ("Research Scientist at Nexus AI",
# "Interned at CNN"); the job-title nouns alone (and TITLE_WORDS) before a comma
EMPLOYMENT_TITLES = frozenset(
    "scientist scientists researcher researchers intern engineer officer director head "
    "producer designer nurse postdoc fellow professor associate assistant".split()
)
EMPLOYMENT_WORDS = EMPLOYMENT_TITLES | frozenset(
    "interned interning worked working employed joined join".split()
)
# a citation line holds one of these (ORTH) and a year ...
CITATION_MARKERS = frozenset(
    "Journal Proceedings Transactions Conference Symposium Workshop Press Review Letters "
    "vol vol. pp pp.".split()
)
# ... or one of these (LOWER) alone
CITATION_STRONG = frozenset({"proceedings", "arxiv", "doi", "preprint", "arxiv:"})
# a line of at most this many tokens holding a title word (and no sentence end) is a title
TITLE_MAX_TOKENS = 10
# tokens that end a sentence at the end of a line
LINE_END = frozenset({".", "!", "?", ";"})

# An item that opens by naming what is asked ("Knowledge of quantization techniques (INT8,
# FP8).", "- Deep knowledge of data ingestion strategies", "Experience with physiological
# measurements and/or neuroscience is a plus"): its head noun (after at most one word of
# degree), then a link word. Every mention in the item's first sentence is a skill asked for
# or claimed, which the mention filter keeps.
ASKED_HEADS = frozenset(
    "knowledge experience familiarity understanding proficiency expertise exposure".split()
)
ASKED_DEGREE = frozenset(
    "deep strong solid good basic working thorough sound proven demonstrated extensive "
    "advanced practical prior previous some excellent general broad fundamental firm "
    "professional relevant".split()
)
ASKED_LINK = frozenset("of with in".split())

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
# built-in cues of one category on top of GENERIC_POSITIVE: a programming language is
# written in ("Wrote Java services", "Python scripts") and named in job titles ("Rust Engineer")
CATEGORY_POSITIVE: dict[str, frozenset[str]] = {
    "programming_language": frozenset(
        "wrote write writes writing written coded code scripts script services microservices "
        "programs programmer programmers engineer engineers".split()
    ),
}
LETTER_NEGATIVE_BEFORE = frozenset(
    "grade grades vitamin type class plan tier level phase part section size mr mrs ms dr "
    "category option appendix schedule form article block unit step hepatitis b a".split()
)
# "C&B", "C-level", "C-suite": the token right after the letter, or "-" and then one of these
LETTER_NEGATIVE_AFTER = frozenset({"level", "suite", "grade", "class", "section"})
NO_NEIGHBOUR_BEFORE = frozenset({"a", "an"})
# the categories whose mentions are no neighbour evidence of a one-letter form's sense: a
# degree, a certificate, a field of study or a spoken language beside "C" ("C. Crawford
# Senior High School") does not make it the programming language
NO_NEIGHBOUR_EVIDENCE = frozenset({"degree", "certification", "field_of_study", "spoken_language"})
NO_NEIGHBOUR_AFTER = frozenset({"of"})
# A plain form that opens a coordination shares the head noun of the last conjunct:
# "communication and armor carrier expenses" are communication expenses (a negative phrase).
# The words between are the other conjunct's own; none of these may be among them (a
# determiner, a pronoun or a verb opens no conjunct of a noun: "communication and a team
# player", "communication and be a team player"), nor open the shared words ("communication
# and collaboration with other systems": the preposition's phrase is no head noun).
SHARED_HEAD_STOP = frozenset(
    "a an the our your their his her its my this that these those to be is are was were "
    "will can must should may of for in on at from by with as into within across through "
    "via using including such who which what work working".split()
)
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
