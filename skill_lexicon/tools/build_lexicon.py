"""Generate ``skill_lexicon/skills/*.jsonl`` from the curated sources in ``tools/curated/``.

The curated sources are the hand-reviewed lexicon in a compact form, one skill per line::

    == category_id                      # the category of the records that follow
    [id =] Name [| alias]... [> implied_id, ...] [%% {"forms": [...], ...}]

* ``id`` defaults to a slug of the name (lower case, spaces -> ``_``).
* aliases are surface variants (spelling, punctuation, spacing, acronym/expansion); plain
  plurals are not listed (the matcher handles them).
* ``> a, b`` lists implied skill ids; ``%%`` is followed by the JSON context rule.
* ``!form`` marks a generic form that counts only near a cue word (a generated rule); business
  domains and one-word soft skills get one on every form, and the one-word names of spoken
  languages ("Greek", "Czech") one that asks for a language cue (``LANGUAGE_CUES``).

``curated/<file>.txt`` becomes ``skills/<file>.jsonl``. Run from anywhere::

    python skill_lexicon/tools/build_lexicon.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import cast

from jobmatch.extract.patterns import surface_variants
from jobmatch.lexicon.loader import is_proper_name

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"
SKILLS = HERE.parent / "skills"

_SLUG_DROP = re.compile(r"[^a-z0-9_.+#-]")

# Cue words for the generated context rules. Generic words ("design", "mobile", "healthcare",
# "passion") are skills in "experience in mobile development" or "strong communication skills"
# but not in "our design team" or "Healthcare and Insurance Plans": their keyphraseness on the
# SkillSpan train split is low (see keyphraseness.py), so they only count near a cue.
_REQUIREMENT_CUES = [
    "experience",
    "experienced",
    "knowledge",
    "knowledgeable",
    "understanding",
    "background",
    "expertise",
    "familiarity",
    "familiar",
    "proficiency",
    "proficient",
    "exposure",
    "years",
    "strong",
    "solid",
    "deep",
    "proven",
    "skills",
    "skill",
    "hands-on",
    "practical",
]
TECH_CUES = _REQUIREMENT_CUES + [
    "principles",
    "concepts",
    "fundamentals",
    "best",
    "practices",
    "technologies",
    "tools",
    "methodologies",
    "patterns",
    "frameworks",
    "systems",
]
DOMAIN_CUES = _REQUIREMENT_CUES + [
    "industry",
    "industries",
    "domain",
    "domains",
    "sector",
    "sectors",
    "field",
    "worked",
    "market",
    "markets",
    "regulations",
    "regulatory",
    "specialist",
    "specialized",
    "specialised",
    "advantage",
    "advantageous",
    "plus",
    "bonus",
    "preferred",
    # fields of study in degree lines ("a degree in computer science, physics or a related
    # field")
    "degree",
    "degrees",
    "fields",
    "bachelor",
    "bachelors",
    "master",
    "masters",
    "phd",
    "msc",
    "bsc",
    "major",
    "studies",
    "graduate",
    "diploma",
    "university",
]
SOFT_CUES = [
    "skills",
    "skill",
    "ability",
    "abilities",
    "able",
    "strong",
    "excellent",
    "good",
    "proven",
    "demonstrated",
    "outstanding",
    "exceptional",
    "solid",
    "sense",
    "capacity",
    "capable",
    "attitude",
    "mindset",
    "demonstrate",
]
# "X Developer", "our design team": a generic word inside a job title or a team name
TITLE_WORDS = [
    "developer",
    "developers",
    "engineer",
    "engineers",
    "architect",
    "architects",
    "lead",
    "team",
    "teams",
    "manager",
    "intern",
    "specialist",
    "consultant",
    "analyst",
    "department",
    "group",
    "role",
    "position",
]
# other senses of a generic form, as phrases (negatives of its generated rule): the upkeep
# of a plant, a building or a vehicle is no software maintenance ("preventive maintenance",
# "Maintenance Technician", "trained plant maintenance personnel"), nor is the reliability
# of machines software reliability ("Maintenance - Systems reliability")
OTHER_SENSES: dict[str, list[str]] = {
    # the design of a physical or control system, not software system design ("model-based
    # control system design", "HVAC system design")
    "system design": [
        f"{before} {form}"
        for before in (
            "control controls hvac mechanical electrical piping plumbing lighting irrigation "
            "fire structural hydraulic pneumatic drainage"
        ).split()
        for form in ("system design", "systems design")
    ],
    # what a message says, or chat, not message queues ("gauge success of messaging",
    # "instant messaging")
    "messaging": [
        f"{before} messaging"
        for before in (
            "instant text brand product marketing campaign key consistent social mobile "
            "customer corporate clear compelling"
        ).split()
    ]
    + ["success of messaging", "messaging and positioning", "positioning and messaging"],
    # a language model's key-value cache or a processor's, not a caching layer ("KV-cache
    # and speculative decoding", "L2 cache")
    "cache": [
        "kv cache",
        "kv-cache",
        "key-value cache",
        "prompt cache",
        "l1 cache",
        "l2 cache",
        "l3 cache",
        "cpu cache",
        "browser cache",
    ],
    "caching": ["kv caching", "kv-caching", "prompt caching"],
    # question answering, the NLP task, not quality assurance ("improved QA accuracy by 4
    # points", "open-domain QA benchmarks")
    "qa": [
        "qa accuracy",
        "qa benchmark",
        "qa benchmarks",
        "qa dataset",
        "qa datasets",
        "qa task",
        "qa tasks",
        "qa model",
        "qa models",
        "qa pairs",
        "open-domain qa",
        "multi-hop qa",
        "extractive qa",
        "long-form qa",
        "closed-book qa",
        "visual qa",
    ],
    # a model or a dataset that covers many languages, not a person who speaks them
    # ("pretraining multilingual LLMs", "a multilingual speech corpus")
    "multilingual": [
        f"multilingual {what}"
        for what in (
            "model",
            "models",
            "llm",
            "llms",
            "language model",
            "language models",
            "nlp",
            "bert",
            "embedding",
            "embeddings",
            "translation",
            "machine translation",
            "speech",
            "speech recognition",
            "asr",
            "data",
            "dataset",
            "datasets",
            "corpus",
            "corpora",
            "text",
            "transformer",
            "transformers",
            "retrieval",
            "search",
            "tokenizer",
            "tokenizers",
            "pretraining",
            "pre-training",
            "evaluation",
            "benchmark",
            "benchmarks",
            "question answering",
            "understanding",
            "generation",
            "classification",
        )
    ],
    # a shop's bagging of goods, not the ensemble method ("bagging and carrying out
    # customers' items")
    "bagging": [
        "bagging and carrying",
        "bagging groceries",
        "grocery bagging",
        "bagging items",
        "bagging merchandise",
        "bagging purchases",
        "bagging orders",
    ],
    # a coding system or a pay grade, not machine learning ("ICD-10 (International
    # Classification of Disease Systems)", "job classification")
    "classification": [
        "international classification of disease",
        "international classification of diseases",
        "classification of disease",
        "classification of diseases",
        "job classification",
        "job classifications",
        "position classification",
    ],
    # the right to work, not access control ("Authorization to work in the US is required")
    "authorization": [
        "authorization to work",
        "work authorization",
        "employment authorization",
        "authorization for employment",
    ],
    "maintenance": [
        f"{before} maintenance"
        for before in (
            "preventive preventative predictive proactive corrective plant building buildings "
            "facility facilities equipment aircraft vehicle vehicles fleet grounds machine "
            "machinery mechanical electrical hvac routine scheduled lawn pool property home"
        ).split()
    ]
    + [
        f"maintenance {after}"
        for after in (
            "technician technicians personnel mechanic mechanics worker workers crew staff "
            "supervisor parts supplies schedules schedule programs program practices "
            "tasks work orders order request requests system systems shop shops"
        ).split()
    ]
    # a trade's job title joined by a slash ("Conservation technician/maintenance",
    # AGRICULTURE_17312146; "Custodial/Maintenance")
    + [
        f"{trade} / maintenance"
        for trade in (
            "technician mechanic custodian custodial janitor janitorial housekeeping "
            "landscaping groundskeeper groundskeeping grounds repair repairs installation "
            "construction cleaning facilities"
        ).split()
    ]
    # the trade of keeping equipment running ("procurement experience preferably within
    # maintenance or service", skillspan-dev-house-033, a wind turbine buyer's)
    + [
        "maintenance or service",
        "maintenance and service",
        "service and maintenance",
        "maintenance and repair",
        "repair and maintenance",
        "maintenance and repairs",
    ]
    # running and upkeep of equipment or a plant ("Kitchen equipment operation and
    # maintenance", CHEF_13212436); a data system's stays ("data warehouse operations and
    # maintenance", glassdoor text 132)
    + [
        f"{what} {run} {join} maintenance"
        for what in "equipment plant facility facilities building buildings vehicle fleet".split()
        for run in ("operation", "operations")
        for join in ("and", "&")
    ],
    # land given to a public body ("rights of way, easement and dedication processes",
    # CONSTRUCTION_10176013), not the trait
    "dedication": [
        "dedication process",
        "dedication processes",
        "easement and dedication",
        "easements and dedication",
        "land dedication",
        "dedication of land",
        "right of way dedication",
        "right-of-way dedication",
    ],
    # the people who lead, as an audience ("present findings to senior leadership", "with
    # leadership teams"), not the skill ("strong leadership", "senior leadership experience")
    "leadership": [
        "the leadership team",
        "our leadership team",
        "with leadership team",
        "executive leadership team",
        "leadership teams",
        "leadership members",
        "leadership group",
        "leadership meetings",
        "program leadership",
        "company leadership",
        "to leadership",
        "to senior leadership",
        "to executive leadership",
        "with senior leadership",
        "with executive leadership",
        "senior leadership team",
    ]
    # the leaders as the ones a job serves or informs ("Assists leadership with strategies
    # for scaling successful projects", glassdoor-0001)
    + [
        f"{verb} leadership"
        for verb in (
            "assist assists assisting support supports supporting advise advises advising "
            "inform informs informing brief briefs briefing update updates updating"
        ).split()
    ],
    # an organisation's name, not the practice ("Riverside Research’s Trusted and Resilient
    # Systems group", "the Allen Research Institute"): a possessive, or a word of an
    # organisation's name after it
    "research": [f"research{s}" for s in ("’s", "'s")]
    + [
        f"research {org}"
        for org in (
            "institute institutes center centers centre centres council foundation "
            "laboratory laboratories corporation associates inc"
        ).split()
    ]
    # research into a market, its securities or its customers: an analyst's or a marketer's
    # work, not scientific research ("Knowledge of financial research", "equity research",
    # "customer research"); "competitive research activities" of a university is science
    + [
        f"{about} research"
        for about in (
            "financial finance markets equity equities stock stocks investment investments "
            "credit securities customer customers consumer consumers audience shopper "
            "sell-side buy-side brokerage"
        ).split()
    ],
    # a statistical method, not a database's: "univariate analysis, partitioning analysis",
    # "recursive partitioning"
    "partitioning": ["partitioning analysis", "recursive partitioning", "partitioning around"],
    "reliability": [
        f"{before} reliability"
        for before in "equipment plant machine machinery asset mechanical".split()
    ],
    # tests of hardware, materials, products or people ("Missile System Testing", "vibration
    # testing", "drug testing", "GMP testing", an auditor's "audit testing"), not software
    # testing
    "testing": [
        f"{before} testing"
        for before in (
            "missile weapon weapons flight vehicle engine vibration thermal structural "
            "materials material soil water drug blood crash emissions destructive "
            "non-destructive nondestructive environmental hydrostatic pressure leak "
            "fatigue tensile shock gmp audit laboratory lab clinical analytical stability "
            "microbial microbiological assay"
        ).split()
    ]
    + [f"{before} system testing" for before in "missile weapon weapons flight vehicle".split()]
    # trying products out on a market ("testing new products on the market")
    + [f"testing {after}" for after in ("new products", "new product", "products", "prototypes")],
    # equipment, not the soft skill ("weapons and communications systems", "communications
    # equipment", "SPI communication interfaces", "communications middleware"; "as a
    # communication interface" is a role)
    "communication": [
        f"{head} {what}"
        for head in ("communication", "communications")
        for what in (
            "system systems equipment interface interfaces bus buses network networks "
            "stack hardware device devices link links satellite satellites electronics "
            "middleware technician technicians protocol protocols engineering engineer"
            # a record kept ("check communication log for appointments")
            " log logs"
            # what a firm sells ("leading provider of technology-driven, communication
            # services", glassdoor-0050)
            " service services"
            # a line of costs, not the soft skill ("Reduced communication costs", "Analyze
            # communication and armor carrier expenses", ACCOUNTANT_12065211)
            " expense expenses cost costs charges bill bills fees allowance allowances"
        ).split()
    ]
    # software parts talking to each other ("RESTful services for communication between
    # frontend and backend", "inter-service communication")
    + [
        f"communication between {the}{which}{what}"
        for the in ("", "the ")
        for which in ("", "different ", "various ", "software ")
        for what in (
            "frontend front-end backend back-end services microservices components systems "
            "devices processes threads nodes servers modules applications apps clients client "
            "parts layers"
        ).split()
    ]
    # ... and a system talking to others ("Developing communication with other internal
    # systems using APIs and message queues", skillspan-dev-tech-012)
    + [
        f"communication with {which}{what}"
        for which in ("", "other ", "other internal ", "internal ", "external ", "the ")
        for what in (
            "systems system services backend back-end servers server devices applications apps "
            "apis components"
        ).split()
    ]
    + [f"{kind} communication" for kind in ("inter-service", "interservice", "inter-process")]
    + ["interprocess communication", "service-to-service communication"]
    # a line of business or a firm ("Integrated Communications Mission Support", "Digital
    # Communications Services")
    + ["integrated communications", "communications services", "communications provider"]
    + ["communications providers"]
    # a firm or an industry ("1 communications company across the Southeast"), and the
    # channels a job runs or answers, not how well one speaks ("plant communications
    # (phones, networks)", "handle telephone communications", "Microwave Communications
    # Technician"), a degree's subject ("Network and Communications Management")
    + [
        f"communications {what}"
        for what in "company companies firm firms industry sector management".split()
    ]
    + [
        f"{channel} {form}"
        for channel in (
            "plant telephone phone radio microwave voice data network satellite mobile "
            "optical rf wireless fiber multimedia"
        ).split()
        # a course's subject too ("Computer Communication Networks, Multimedia Communication")
        for form in ("communication", "communications")
    ]
    # a firm's name ("Clients included Merck Pharmaceutical, MCI World Communications",
    # "Prime Communication (AT&T Authorized Retailer)", "Acme Communications, Inc.") and a
    # department ("the ULL Communication Department", "the Department of Communication"),
    # not how well one speaks
    + [
        f"{firm} {form}"
        for firm in ("world", "prime", "national", "american")
        for form in ("communication", "communications")
    ]
    + ["global communications", "international communications"]
    + [
        f"{form}{comma} {suffix}"
        for form in ("communication", "communications")
        for comma in ("", " ,")
        for suffix in ("inc", "corp", "corporation", "llc", "ltd", "co")
    ]
    + [
        phrase
        for form in ("communication", "communications")
        for phrase in (f"{form} department", f"department of {form}")
    ],
    # what an employer offers ("Commitment to your training and development")
    "training and development": [
        "your training and development",
        "training and development opportunities",
    ],
    # the verb ("love to build systems that are well tested", "design and build systems"),
    # not build tooling
    "build systems": [
        "to build systems",
        "build systems that",
        "build systems which",
        "and build systems",
    ],
    # systems and firms that withstand failure, not a person's resilience
    "resilient": [
        f"resilient {what}"
        for what in (
            "systems system infrastructure architecture architectures services service "
            "applications application software networks network platform platforms"
        ).split()
    ]
    + ["resilient and scalable", "scalable and resilient", "stable and resilient"]
    + ["resilient , scalable", "scalable , resilient"],
    "resilience": [
        f"{what} resilience"
        for what in "system systems operational cyber network infrastructure service".split()
    ],
    # a process or a machine that anticipates ("proactive maintenance"), not a person
    "proactive": [
        f"proactive {what}"
        for what in "maintenance monitoring detection alerting alerts scaling".split()
    ],
    # a US bachelor's level, not a secondary-school diploma ("post-baccalaureate
    # certificate"; "baccalaureate degree" is an alias of bachelors_degree)
    "baccalaureate": ["post-baccalaureate", "post baccalaureate", "postbaccalaureate"],
    # policing and the rules one obeys ("Law Enforcement Training", "federal and state law"),
    # not knowledge of law
    "law": [
        "law enforcement",
        "state law",
        "federal law",
        "local law",
        "applicable law",
        "by law",
    ],
    # flexible working as a benefit ("Flexible and agile working"), not the methodology
    "agile": ["flexible and agile working", "agile and flexible working", "agile working policy"],
    # systems that do not fail ("highly reliable systems", "delivering reliable services"),
    # not a person one can rely on
    "reliable": [
        f"reliable {what}"
        for what in (
            "systems system services service infrastructure software applications "
            "application networks network platform platforms data solutions products "
            "pipelines code reports reporting connectivity architecture "
            "architectures recurring wan lan"
        ).split()
    ]
    # a system's qualities listed together ("a scalable, reliable, secure, and highly
    # performant data platform", "reports from reliable, consistent data sources")
    + [
        f"{a} {join} {b}"
        for other in "scalable secure available robust performant consistent".split()
        for join in (",", "and")
        for a, b in (("reliable", other), (other, "reliable"))
    ]
    + [f"reliable {other}" for other in ("scalable", "secure")],
    # what an employer offers ("Team building activities : escape games", "team-building
    # events"), and a team that builds something ("part of a team building the next
    # generation data platform", "join our team building advanced BI"), not the skill of
    # building a team ("leadership, team building and management skills")
    **{
        form: [
            f"{form} {what}"
            for what in (
                "events event activities activity days day trips trip outings retreats "
                "exercises the a an our"
            ).split()
        ]
        + [f"{form} and company events"]
        + [f"{who} {form}" for who in ("a", "our", "the")]
        for form in ("team building", "team-building")
    },
    # what an employer offers ("We promote continuous learning", "opportunities for
    # continuous learning"), not the reader's habit ("committed to continuous learning")
    **{
        form: [
            f"{before} {form}"
            for before in (
                "promote",
                "promotes",
                "we promote",
                "opportunities for",
                "culture of",
                "a culture of",
            )
        ]
        + [f"{form} {what}" for what in "opportunities opportunity culture budget".split()]
        for form in ("continuous learning", "lifelong learning", "life-long learning")
    },
    # a place or a unit ("<ORGANIZATION> R&D Center in <LOCATION>"), not the practice
    **{
        form: [
            f"{form} {what}"
            for what in (
                "center centre centers centres site sites facility facilities campus"
            ).split()
        ]
        for form in ("r&d", "r & d", "research and development")
    },
    # the telecom line, not domain-specific languages ("one of the largest DSL and mobile
    # service providers", "complete DSL packages")
    "dsl": [
        f"dsl {what}"
        for what in (
            "packages package provider providers internet modem modems line lines "
            "connection connections broadband service services subscription"
        ).split()
    ]
    + ["dsl and mobile"],
}
# moving data or charge, not the transport industry ("knowledge of data transport, data
# conversion, and ingest solutions", glassdoor-0110; "transport layer security")
# re-used software, not how easy it is to use ("the need for software re-usability and
# maintainability", skillspan-dev-tech-002)
# a degree the writer says they lack ("Some College (No Degree)", AGRICULTURE_11813872; "OR
# no degree w/6 years' experience"), not one they hold or a posting asks
OTHER_SENSES["degree"] = ["no degree", "without degree", "without a degree"]
OTHER_SENSES["a degree"] = ["without a degree"]
# a high school's pupils, teachers and teams ("filming high school football games",
# DIGITAL-MEDIA_11270462; "the educational needs of high school students"), no diploma
OTHER_SENSES["high school"] = [
    f"high school {what}"
    for what in (
        "student students pupils teacher teachers football basketball baseball soccer sports "
        "athletes athletics games coach coaches team teams"
    ).split()
]
OTHER_SENSES["usability"] = ["re-usability", "reusability", "re usability"]
# a child's growth in language, not a company's training ("Expertise in language learning
# and development", "the effects of childhood disabilities on language learning and
# development", glassdoor-0123)
OTHER_SENSES["learning and development"] = [
    f"{what} learning and development"
    for what in ("language", "child", "children's", "early", "cognitive", "motor", "literacy")
]
# open sources, an intelligence analyst's publicly available information, not open-source
# software ("Experienced with utilizing existing open source social media methods",
# glassdoor-0107; "open source reporting")
for _form in ("open source", "open-source"):
    OTHER_SENSES[_form] = [
        f"{_form} {what}"
        for what in ("social media", "information", "reporting", "news", "collection", "materials")
    ]
# the bus, not the card-payment standard ("comfortable with use of PCI analyzer and ethernet
# analyzer", skillspan-dev-tech-028)
OTHER_SENSES["pci"] = [
    f"pci {what}"
    for what in (
        "analyzer analyzers analyser bus express card cards slot slots device devices "
        "driver drivers interface"
    ).split()
]
OTHER_SENSES["transport"] = [
    f"{before} transport" for before in "data network packet message file charge".split()
] + [f"transport {after}" for after in "layer protocol protocols stream streams".split()]
OTHER_SENSES["systems design"] = OTHER_SENSES["system design"]
# a protected class of an equal-opportunity statement ("without regard to ... age,
# disability or genetics"), not the science (glassdoor-0582, -0948)
OTHER_SENSES["genetics"] = [
    f"{before}{join} genetics"
    for before in ("disability", "disability status", "pregnancy", "national origin", "age")
    for join in (" or", " ,", " , or", " and")
]
# a grade of experience or of abstraction ("Senior to expert level design/development",
# glassdoor-0510; "high-level design"), not the design of game levels
OTHER_SENSES["level design"] = [
    f"{before}{dash}level design"
    for before in "expert senior junior entry next high low higher lower top system".split()
    for dash in (" ", "-")
]
# keeping source code ("maintain code in source code control systems", glassdoor-0510) or
# access, stock, quality and documents under control, not control engineering
OTHER_SENSES["control systems"] = [
    f"{before} control {form}"
    for before in "code source version revision access inventory quality document".split()
    for form in ("systems", "system")
]
# looking things up on the web ("research skills to use web search and scientific
# databases", glassdoor-0528), not web technologies
OTHER_SENSES["web"] = ["web search", "web searches", "web searching"]
# an agency's or an insurer's permission ("obtain prior written authorization before
# referring any candidates", glassdoor-0707), not access control
OTHER_SENSES["authorization"] += [
    "written authorization",
    "prior authorization",
    "prior authorizations",
    "authorization for permanent employment",
]
# a benefit ("Confidential personal financial counseling service", glassdoor-0528)
OTHER_SENSES["counseling"] = ["financial counseling service", "financial counseling services"]
# a nation's critical infrastructure (glassdoor-0892), not a system's fault tolerance
OTHER_SENSES["resiliency"] = [
    f"critical infrastructure {form}" for form in ("resiliency", "resilience")
]
# a log-linear model (glassdoor-0423's "logistic regression, log-linear regression") is no
# linear regression
OTHER_SENSES["linear regression"] = ["log-linear regression", "log linear regression"]
# a nation's or a person's security, not IT security ("Department of Homeland Security (DHS)
# national security mission", glassdoor-0107)
OTHER_SENSES["security"] = [
    f"{before} security"
    for before in "national homeland international social job financial food energy".split()
]
# the research of a security field, not scientific research ("Security research experience
# and strong security domain knowledge", glassdoor-0060)
OTHER_SENSES["research"] += [
    f"{before} research" for before in ("security", "vulnerability", "threat", "malware")
]
OTHER_SENSES["research experience"] = [
    f"{before} research experience" for before in ("security", "vulnerability", "threat", "malware")
]
# a quality of data, a system or a structure, not the trait ("Auditing data for accuracy and
# integrity", glassdoor-0305; "system performance, integrity and security"; "the structural
# integrity of the therapeutic"; the CIA triad's "availability, integrity, and reliability")
OTHER_SENSES["integrity"] = (
    [
        f"{before} integrity"
        for before in (
            "structural signal referential mechanical pipeline asset system systems "
            "transactional"
        ).split()
    ]
    + [
        f"{q}{sep}integrity"
        for q in (
            "accuracy completeness quality consistency availability performance security "
            "confidentiality reliability"
        ).split()
        for sep in (" and ", ", ", ", and ")
    ]
    + [
        f"integrity{sep}{q}"
        for q in (
            "accuracy completeness quality consistency availability security confidentiality "
            "reliability"
        ).split()
        for sep in (" and ", ", ")
    ]
    + ["integrity management", "integrity of the data", "integrity of data"]
)
# people's networks, or a cell's, not computer networks ("external data science communities,
# networks, collaboratives", glassdoor-0182; "ubiquitin signaling networks"), and a network
# model named elsewhere ("Deep Belief Networks" is an alias of neural networks)
OTHER_SENSES["networks"] = [
    "communities, networks",
    "communities and networks",
    "networks and communities",
    "professional networks",
    "alumni networks",
    "signaling networks",
    "signalling networks",
    "regulatory networks",
    "gene networks",
    "belief networks",
]
# a machine's autonomy, a field of research, not working alone ("advanced computing, and
# autonomy and adaptive systems", glassdoor text 83)
OTHER_SENSES["autonomy"] = [
    "autonomy and adaptive systems",
    "autonomy and robotics",
    "robotics and autonomy",
    "autonomy software",
    "autonomy stack",
    "vehicle autonomy",
    "robot autonomy",
    "robotic autonomy",
    "machine autonomy",
]
# meeting people, not computer networking ("Social media and networking",
# PUBLIC-RELATIONS_10926726)
OTHER_SENSES["networking"] = [
    "social media and networking",
    "media and networking",
    "social networking",
    "business networking",
    "networking event",
    "networking events",
    "networking opportunities",
]
# a firm's sales or marketing papers, not technical documentation ("Composed marketing
# documentation", SALES_10724818)
OTHER_SENSES["documentation"] = [f"{kind} documentation" for kind in ("marketing", "sales")]
# a nation's infrastructure ("healthcare, artificial intelligence, critical infrastructure
# resiliency", glassdoor-0892), not IT infrastructure
OTHER_SENSES["infrastructure"] = ["critical infrastructure", "critical infrastructures"]
# a clinical study's plan or proof, not software design or prototyping ("clinical protocol
# design", "enable proof of concept studies", glassdoor-0777)
OTHER_SENSES.setdefault("design", []).extend(
    f"{before} design" for before in ("protocol", "clinical trial", "trial")
)
OTHER_SENSES["proof of concept"] = [
    f"{form} {after}"
    for form in ("proof of concept", "proof-of-concept")
    for after in ("study", "studies", "trial", "trials")
]
# an auditor's or a lab's tests, not software testing ("Compliance testing knowledge", an
# accountant's; "apply analytical development and testing experience", glassdoor-0822)
OTHER_SENSES["testing"] += [
    f"{before} testing" for before in ("compliance", "controls", "control", "sox", "qualification")
] + ["analytical development and testing"]
# watching a field's literature or a programme's results, not system monitoring ("scientific
# monitoring", glassdoor-0528; "Research, Monitoring, & Evaluation", glassdoor-0377)
OTHER_SENSES["monitoring"] = [
    f"{before} monitoring" for before in ("scientific", "literature", "bibliographic")
] + [
    f"monitoring{sep} evaluation"
    for sep in (" and", " &", ", and", ", &", "/")
]
# the biology of a kind of immune cell, no cell biology ("T cell biology", glassdoor-0536)
OTHER_SENSES["cell biology"] = [
    f"{kind}{sep}cell biology" for kind in ("t", "b", "car t", "nk") for sep in (" ", "-")
]
# a person's growth, no process improvement ("Continuous learning and improvement in a
# constantly changing work environment", glassdoor-0326)
OTHER_SENSES["continuous improvement"] = [
    f"learning {join} improvement" for join in ("and", "&")
]
# virtual machines, servers or networks laid out, no software architecture ("Deploy and
# manage VMware architecture", INFORMATION-TECHNOLOGY_10553553)
OTHER_SENSES["architecture"] = [
    f"{what} architecture"
    for what in ("vmware", "vsphere", "citrix", "server", "storage", "network", "hardware")
]
# handling paper reports, no report development ("faxing reports", SALES_10724818)
OTHER_SENSES["reports"] = [
    f"{verb} reports"
    for verb in ("fax", "faxing", "faxed", "photocopying", "copying", "filing", "scanning")
]
# a chip's layout, no software architecture ("x86 architecture", "GPU architecture"; "x86
# processor architecture", skillspan-dev-tech-028, is computer architecture)
OTHER_SENSES["architecture"] += [
    f"{what} architecture" for what in ("x86", "arm", "risc-v", "gpu", "chip", "soc", "memory")
]
# a container platform's own layout ("You understand the Kubernetes architecture and its
# different services", skillspan-train-tech-035), and a business's ("Business Architecture,
# Data Architecture", AGRICULTURE_11813872), no software architecture
OTHER_SENSES["architecture"] += [
    f"{what} architecture" for what in ("kubernetes", "k8s", "openshift", "cluster", "business")
]
# Oracle Label Security, a database option ("SVN, RCS, Git, OLS Security, JIRA",
# glassdoor-0747), no IT security as a field
OTHER_SENSES["security"] += ["ols security", "label security"]
# a medical technologist's certification ("ASCP-MEDTECH - MLT OR MT", glassdoor-0247), no
# medical devices industry
OTHER_SENSES["medtech"] = ["ascp-medtech", "ascp medtech", "ascp - medtech", "medtech ( ascp"]
# a drug's or a patient's safety ("product Safety Management Team (SMT) meetings", a
# pharmacovigilance posting, glassdoor-0237), no workplace health and safety
OTHER_SENSES["safety management"] = [
    f"{what} safety management"
    for what in ("product", "drug", "medication", "patient", "pharmacovigilance", "clinical")
]
# targets met, no benchmarking as a practice ("meeting employee and customer service
# benchmarks in product knowledge", ARTS_16244633)
OTHER_SENSES["benchmarks"] = [
    f"{what} benchmarks"
    for what in (
        "service sales productivity attendance kpi "
        "meet meets meeting met exceed exceeds exceeding exceeded achieve achieved "
        "achieving reach reached hit surpassed"
    ).split()
]
# a role the writer of an objective hopes for ("My ... experience will allow me to take a
# leadership role in managing multiple responsibilities", PUBLIC-RELATIONS_10926726), no
# leadership shown; "took a leadership role" and "ability to take a leadership role" stay
OTHER_SENSES["leadership"] += [
    f"{verb} me to {take} a leadership role"
    for verb in ("allow", "allows", "enable", "enables", "help", "helps", "permit", "permits")
    for take in ("take", "assume", "take on")
]
# a field of a teacher's degree ("Masters : Education Secondary Education", ARTS_11555549;
# "Bachelor of Science in Secondary Education"), no high school diploma
OTHER_SENSES["secondary education"] = [
    f"{before} secondary education" for before in ("in", "education", "education :", "education ,")
] + [
    f"secondary education {after}"
    for after in (
        "teacher teachers teaching major minor certification certificate license licensure "
        "program programs curriculum"
    ).split()
]
AUTO_RULES: dict[str, tuple[list[str], int, bool]] = {
    # category: (cues, window, neighbours) applied to "!"-marked forms; business domains and
    # single-word soft skills get the rule on every form
    "business_domain": (DOMAIN_CUES, 4, False),
    "soft_skill": (SOFT_CUES, 4, False),
    "competency": (SOFT_CUES, 4, False),
}


# Spoken languages: a language name is also a nationality, a people or a place ("Greek Week",
# "Czech Republic", "our German office"), so its bare one-word name counts only near a language
# cue or another language name ("Languages: English, German"; "fluent Greek"; "Czech (C1)").
LANGUAGE_CUES = [
    "fluent",
    "fluency",
    "fluently",
    "native",
    "mother",
    "tongue",
    "speaker",
    "speakers",
    "speak",
    "speaks",
    "speaking",
    "spoken",
    "written",
    "writing",
    "reading",
    "oral",
    "verbal",
    "conversational",
    "bilingual",
    "multilingual",
    "trilingual",
    "proficiency",
    "proficient",
    "language",
    "languages",
    "level",
    "intermediate",
    "advanced",
    "basic",
    "beginner",
    "elementary",
    "business",
    "professional",
    "command",
    "knowledge",
    "skills",
    "excellent",
    "good",
    "strong",
    "communication",
    "translation",
    "translator",
    "interpreter",
    "interpreting",
    "a1",
    "a2",
    "b1",
    "b2",
    "c1",
    "c2",
    "cefr",
    "ielts",
    "toefl",
    "toeic",
]
LANGUAGE_NEGATIVE = [
    "Czech Republic",
    "Slovak Republic",
    "Greek Week",
    "Greek life",
    "English Channel",
    "Tamil Nadu",
]
# language classes an employer offers ("German Language Classes", "free English classes"):
# a benefit, not a language the reader speaks
LANGUAGE_CLASSES = [
    "classes",
    "lessons",
    "language classes",
    "language lessons",
    "language courses",
]
# a country's market ("autonomous vehicles for the Chinese market", glassdoor-0618), not a
# language the reader speaks
LANGUAGE_MARKETS = ["market", "markets"]
# a country's institutions ("key fields of Danish European and international law", "the Danish
# grading system", "the Danish Confederation of Professional Associations"): the adjective of
# a nationality, not a language the reader speaks
LANGUAGE_INSTITUTIONS = [
    "law",
    "laws",
    "legislation",
    "grading",
    "confederation",
    "government",
    "authorities",
    "ministry",
    "parliament",
    "courts",
    "citizens",
    "citizenship",
    "educations",
    "education system",
    "universities",
    "tax",
    "european",
]


def language_rules(records: list[dict[str, object]]) -> None:
    """Give every spoken language without a rule of its own the language rule above on its
    one-word capitalised forms ("Greek", "Deutsch"; not "sign language", "ASL", "bilingual").
    The names of all of them are cues, so that a list of languages supports itself."""

    def bare(rec: dict[str, object]) -> list[str]:
        forms = [str(rec["name"]), *cast(list[str], rec.get("aliases", []))]
        return [f for f in forms if f.isalpha() and is_proper_name(f)]

    langs = [r for r in records if r["category"] == "spoken_language" and "context" not in r]
    names = sorted({f.lower() for r in langs for f in bare(r)})
    for rec in langs:
        forms = bare(rec)
        if forms:
            own = {f.lower() for f in forms}
            rec["context"] = {
                "forms": forms,
                "case_sensitive": True,
                "positive": LANGUAGE_CUES + [n for n in names if n not in own],
                "negative": [p for p in LANGUAGE_NEGATIVE if p.split()[0] in forms]
                + [
                    f"{f} {what}"
                    for f in forms
                    for what in LANGUAGE_CLASSES + LANGUAGE_MARKETS + LANGUAGE_INSTITUTIONS
                ],
                "window": 6,
                "neighbours": False,
            }


# a certification the writer is only eligible for ("Project Management Professional (PMP) -
# Eligible", HEALTHCARE resume; "PMP-eligible"; "CPA eligible"): not one they hold
CERTIFICATION_NOT_HELD = ["eligible", "- eligible", ") - eligible", ") eligible"]


def certification_rules(records: list[dict[str, object]]) -> None:
    """Give every certification negatives for "eligible" after any of its forms, also after
    the name with a form in parentheses ("Project Management Professional (PMP) - Eligible");
    its forms stay plain (kept everywhere else)."""
    for rec in records:
        if rec["category"] != "certification":
            continue
        forms = [str(rec["name"]), *cast(list[str], rec.get("aliases", []))]
        acronyms = [f for f in forms if f.isupper() and " " not in f and len(f) <= 8]
        heads = forms + [f"{a} ( {b}" for a in forms for b in acronyms if a != b]
        negative = [f"{h} {what}" for h in heads for what in CERTIFICATION_NOT_HELD]
        context = cast(dict[str, object] | None, rec.get("context"))
        if context is None:
            context = rec["context"] = {
                "forms": [],
                "case_sensitive": False,
                "positive": [],
                "negative": [],
                "window": 4,
                "neighbours": False,
            }
        ruled = set(cast(list[str], context["forms"]))
        plain = cast(list[str], context.get("plain_forms", []))
        context["plain_forms"] = plain + [f for f in forms if f not in ruled and f not in plain]
        context["negative"] = cast(list[str], context["negative"]) + negative


def slug(name: str) -> str:
    s = name.lower().replace("'", "").replace("\u2019", "").replace("&", "and")
    s = re.sub(r"[\s/]+", "_", s)
    s = _SLUG_DROP.sub("", s)
    s = re.sub(r"_+", "_", s).strip("_.-")
    return s


def _plain_forms() -> set[str]:
    """Forms exempt from the generated cue rules: their keyphraseness on SkillSpan train
    (share of occurrences inside a gold span) is >= 0.7 over >= 3 occurrences, so they count
    everywhere. Produced by keyphraseness analysis, reviewed, one form a line."""
    path = HERE / "plain_forms.txt"
    if not path.is_file():
        return set()
    return {
        ln.strip().lower() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()
    }


PLAIN = _plain_forms()


def parse_line(line: str, category: str, where: str) -> dict[str, object]:
    context = None
    if "%%" in line:
        line, raw = line.split("%%", 1)
        context, end = json.JSONDecoder().raw_decode(raw.strip())
        line = line.rstrip() + " " + raw.strip()[end:].strip()
    implies: list[str] = []
    line = line.strip()
    if " > " in line or line.startswith("> "):
        line, imp = (" " + line).split(" > ", 1)
        implies = [i.strip() for i in imp.split(",") if i.strip()]
    parts = [p.strip() for p in line.split(" | ")]
    head = parts[0].strip()
    sid = None
    if " = " in head:
        sid, head = (x.strip() for x in head.split(" = ", 1))
        sid = sid.lower()
    marked = [p.lstrip("!") for p in [head, *parts[1:]] if p.startswith("!")]
    head = head.lstrip("!")
    parts = [head] + [p.lstrip("!") for p in parts[1:]]
    name = head
    sid = sid or slug(name)
    if not sid:
        raise SystemExit(f"{where}: cannot derive an id from {name!r}")
    aliases: list[str] = []
    seen = {name.lower()}
    for a in parts[1:]:
        # plain plurals are left to the matcher, which makes none for a one-word capitalised
        # name ("Bachelor" -> "bachelors" stays listed) nor for a mixed-case one
        # ("PowerPoint" -> "PowerPoints" stays listed)
        # a form under a cue rule gets no plural from the matcher: a listed plural of a
        # business domain (all of whose forms get a generated rule) stays ("cell cultures"),
        # and so does a "!"-marked plural whose singular is ruled too ("!deployments"; a
        # plain form's plural is the matcher's: "user interfaces")
        ruled = (
            (context is not None and a in context.get("forms", []))
            or (context is None and category == "business_domain" and a.lower() not in PLAIN)
            or (context is None and a in marked and a.lower()[:-1] not in PLAIN)
        )
        singular = [p for p in parts if p.lower() == a.lower()[:-1]]
        pluralised = [p for p in singular if any(v.lower() == a.lower() for v in surface_variants(p))]
        if a.lower().endswith("s") and pluralised and not ruled:
            continue
        if a and a.lower() not in seen:
            seen.add(a.lower())
            aliases.append(a)
    rec: dict[str, object] = {"id": sid, "name": name, "category": category}
    if aliases:
        rec["aliases"] = aliases
    if implies:
        rec["implies"] = implies
    kept = {name, *aliases}
    marked = [f for f in marked if f in kept]
    if not context:
        forms = list(marked)
        if category == "business_domain":
            forms = [name, *aliases]
        elif category in ("soft_skill", "competency"):
            forms += [f for f in [name, *aliases] if " " not in f and f not in forms]
        forms = [f for f in forms if f.lower() not in PLAIN]
        if forms:
            cues, window, neighbours = AUTO_RULES.get(category, (TECH_CUES, 4, True))
            context = {
                "forms": forms,
                "case_sensitive": False,
                "positive": cues,
                "negative": [f"{f} {w}" for f in marked if f in forms for w in TITLE_WORDS]
                + [p for f in forms for p in OTHER_SENSES.get(f.lower(), [])],
                "window": window,
                "neighbours": neighbours,
            }
    context = _plain_forms_rule(context, [name, *aliases])
    if context:
        rec["context"] = context
    return rec


def _plain_forms_rule(
    context: dict[str, object] | None, forms: list[str]
) -> dict[str, object] | None:
    """``context`` with the plain forms that have another sense (``OTHER_SENSES``:
    "communications equipment") and their negative phrases: such a form is kept everywhere
    but inside a phrase of that sense."""
    ruled = set(cast(list[str], context["forms"])) if context else set()
    others = [f for f in forms if f.lower() in OTHER_SENSES and f not in ruled]
    if not others:
        return context
    if not context:
        context = {
            "forms": [],
            "case_sensitive": False,
            "positive": [],
            "negative": [],
            "window": 4,
            "neighbours": False,
        }
    context["plain_forms"] = others
    context["negative"] = cast(list[str], context.get("negative", [])) + [
        p for f in others for p in OTHER_SENSES[f.lower()]
    ]
    return context


def build_file(src: Path) -> list[dict[str, object]]:
    category = ""
    records: list[dict[str, object]] = []
    for n, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            category = line[2:].strip()
            continue
        if not category:
            raise SystemExit(f"{src.name}:{n}: record before any '== category' line")
        records.append(parse_line(line, category, f"{src.name}:{n}"))
    language_rules(records)
    certification_rules(records)
    return records


def main() -> int:
    total = 0
    for src in sorted(CURATED.glob("*.txt")):
        records = build_file(src)
        out = SKILLS / f"{src.stem}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        total += len(records)
        print(f"{out.relative_to(HERE.parent)}: {len(records)} records")
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
