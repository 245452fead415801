"""The word lists the ambiguity rules read (pipeline.skills.rules): cues, heads and joiners.

They are data: a change here changes what the rules accept, so bump rules.RULES_VERSION with it.
"""

from __future__ import annotations

from pipeline.skills.passing_words import ORG_FROM_PEOPLE

# Tokens that join items of a list ("Python, R and SQL", "C/C++", "Go | Rust").
LIST_JOINERS = frozenset(
    {
        ",",
        "/",
        "&",
        "and",
        "or",
        "+",
        ";",
        "|",
        "(",
        ")",
        ":",
        "-",
        "•",
        "*",
        "·",
        "nor",
        "as",
        "well",
        "plus",
        "e.g.",
        "eg",
        "including",
        "like",
        "such",
        "\n",
    }
)
# "written in R", "experience with Go": a preposition right before a language names it.
LANGUAGE_CUES_BEFORE = frozenset(
    {
        "in",
        "using",
        "with",
        "use",
        "via",
        "write",
        "writing",
        "know",
        "knowing",
        "learn",
        "learning",
        "including",
        "like",
        "e.g.",
        "esp",
        "especially",
        "particularly",
        "preferably",
        "ideally",
    }
)
# Two-word cues before a name, by their second word: "powered by Node", "built on Scala", "our
# stack is Go". The second word alone is too common to cue ("backed by Spark Capital").
PAIRED_CUES = {
    "by": frozenset({"powered", "driven"}),
    "on": frozenset({"built", "runs", "running", "run"}),
    "is": frozenset({"stack", "backend", "back-end", "frontend", "front-end", "language"}),
}
# Nouns right after a name that make it a technology: "Spark cluster", "R packages", "Go services".
TECH_HEADS_AFTER = frozenset(
    {
        "programming",
        "language",
        "languages",
        "lang",
        "code",
        "codebase",
        "codebases",
        "scripts",
        "scripting",
        "packages",
        "package",
        "libraries",
        "library",
        "framework",
        "frameworks",
        "ecosystem",
        "stack",
        "sdk",
        "api",
        "apis",
        "cluster",
        "clusters",
        "jobs",
        "job",
        "streaming",
        "sql",
        "queries",
        "apps",
        "app",
        "applications",
        "application",
        "dashboards",
        "dashboard",
        "workbooks",
        "reports",
        "pipelines",
        "pipeline",
        "dags",
        "services",
        "service",
        "microservices",
        "modules",
        "module",
        "runtime",
        "backend",
        "backends",
        "frontend",
        "server",
        "servers",
        "studio",
        "shiny",
        "markdown",
        "development",
        "experience",
        "knowledge",
        "skills",
        "proficiency",
        "expertise",
        "certification",
        "environment",
        "environments",
        "platform",
        "components",
        "projects",
        "project",
        "topics",
        "brokers",
        "consumers",
        "producers",
        "streams",
        "notebooks",
        "models",
        "tables",
        "ui",
        "native",
        "plugins",
        "templates",
        "cookbooks",
        "manifests",
        "charts",
        "workflows",
        "operators",
        "deployments",
        "tooling",
        "tools",
        "binaries",
    }
)
# A name directly before a role noun is part of a job title, not a requirement ("Android Engineer").
# Abbreviated role nouns that also start a noun phrase: "Eng practices", "Eng. degree", "Eng team".
ABBREVIATED_ROLE_NOUNS = frozenset({"eng", "eng.", "engs", "engr", "engr."})
# Lower-case words after an abbreviated role noun that leave it a role: "Android Eng at Acme",
# "iOS Eng and ...", "Data Eng role"; any other lower-case word makes it a noun phrase.
ABBREVIATED_ROLE_NEXT = frozenset(
    """at in for with and or to on of who wanted needed role roles position positions opening
    openings job jobs""".split()
)
ROLE_NOUNS = frozenset(
    {
        "engineer",
        "engineers",
        "developer",
        "developers",
        "dev",
        "devs",
        "architect",
        "architects",
        "programmer",
        "programmers",
        "scientist",
        "scientists",
        "administrator",
        "administrators",
        "admin",
        "admins",
        "intern",
        "interns",
        "internship",
        "specialist",
        "specialists",
        "consultant",
        "consultants",
        "analyst",
        "analysts",
        "lead",
        "leads",
        "manager",
        "managers",
        "designer",
        "designers",
        "tester",
        "testers",
        "researcher",
        "researchers",
        "evangelist",
        "advocate",
        "position",
        "positions",
        "role",
        "roles",
        "opening",
        "openings",
        "team",
        "teams",
        "contractor",
        "contractors",
        "freelancer",
        "freelancers",
        "practitioner",
        "practitioners",
        "technician",
        "technicians",
        "owner",
        "director",
        "head",
        "officer",
        "associate",
        "associates",
        "instructor",
        "trainer",
        "recruiter",
        "mentor",
        "student",
        "students",
        "fellow",
        "fellowship",
        # abbreviations written in titles: "Sr. Android Eng", "Android SWE", "iOS Mgr" (not
        # "SRE": the taxonomy's site reliability engineering, a name the title walk passes over)
        "eng",
        "eng.",
        "engs",
        "engr",
        "engr.",
        "swe",
        "swes",
        "sde",
        "sdes",
        "mgr",
        "mgr.",
    }
)
# Words near a spoken language that make it a requirement. Not "in": "apply in English", "send
# your CV in English" name the application's language, not a skill.
SPOKEN_CUES = frozenset(
    {
        "fluent",
        "fluency",
        "fluently",
        "proficient",
        "proficiency",
        "native",
        "natively",
        "written",
        "spoken",
        "speak",
        "speaks",
        "speaking",
        "speaker",
        "speakers",
        "verbal",
        "oral",
        "language",
        "languages",
        "bilingual",
        "multilingual",
        "command",
        "level",
        "c1",
        "c2",
        "b1",
        "b2",
        "mother",
        "tongue",
        "conversational",
        "business",
        "excellent",
        "good",
        "strong",
        "communication",
        "communicate",
        "skills",
        "knowledge",
        "read",
        "write",
        "writing",
        "reading",
    }
)
# Words between a name and the role noun of a job title: "iOS Mobile Engineer".
TITLE_WORDS = frozenset(
    {
        "web",
        "mobile",
        "software",
        "application",
        "applications",
        "app",
        "apps",
        "game",
        "games",
        "platform",
        "backend",
        "back-end",
        "frontend",
        "front-end",
        "fullstack",
        "full-stack",
        "full",
        "stack",
        "systems",
        "system",
        "infrastructure",
        "data",
        "analytics",
        "site",
        "reliability",
        "cloud",
        "security",
        "test",
        "automation",
        "qa",
        "ui",
        "ux",
        "product",
        "solutions",
        "integration",
        "embedded",
        "firmware",
        "server",
        "client",
        "devops",
        "research",
        "support",
        "technical",
        "core",
        "senior",
        "junior",
        "principal",
        "staff",
    }
)
TITLE_JOINERS = frozenset({"/", "-", "&", "+", ",", "and", "or"})
# "your GitHub profile", "links to GitHub", "13,000 GitHub stars": a place to show work or a
# project's following, not a tool the job uses (read over the three tokens after the name).
PROFILE_NOUNS = frozenset(
    {
        "profile",
        "profiles",
        "account",
        "accounts",
        "link",
        "links",
        "handle",
        "url",
        "urls",
        "page",
        "username",
        "stars",
        "portfolio",
    }
)
# What must follow a lower-case name after a cue for the cue to open a list at it: "such as
# node, angular", "with node/graphql"; not "in play: AWS", "in python." (a colon or stop ends it).
CUED_LOWER_JOINERS = frozenset({",", "/", "&", "+", "and", "or"})
# Places on a code host right after its name ("GitHub repo", "GitLab repositories", "GitHub
# organization"): a place to show work with a word of showing (or SEND_VERBS) in its sentence
# ("check out our public GitHub repo", "see our GitHub repo at github.com/acme"), unless a word of
# working on it stands before the name ("contribute to our GitHub repo", "managing GitHub, GitLab
# or Bitbucket repos"); with neither, the profile rule's other words decide.
HOST_PLACE_NOUNS = frozenset(
    "repo repos repository repositories organization organisation organizations".split()
)
HOST_SHOW_CUES = frozenset(
    """public open-source opensource check checkout see visit your my show proud active personal
    reference resume résumé portfolio""".split()
)
HOST_WORK_VERBS = frozenset(
    """commit commits committed committing contribute contributes contributed contributing
    contributor contributors contribution contributions review reviews reviewed reviewing push
    pushes pushed pushing merge merges merged merging manage manages managed managing maintain
    maintains maintained maintaining administer administers administered administering
    administration own owning""".split()
)
PROFILE_BEFORE = frozenset({"your", "our", "my", "on", "to"})
# What an applicant is asked to send beside a code host's name: "your resume, LinkedIn and GitHub",
# "(linkedin, github, personal site)": the name is then a link to a profile, not a tool.
PROFILE_COMPANIONS = frozenset({"linkedin", "resume", "résumé", "resumé"})
# Companions with other senses ("CV" is also computer vision, "our website", "a portfolio of
# integrations"): a profile only when listed right beside the name ("portfolio/github") or with
# a word of sending in the same sentence ("drop me a line with cv/github"); CV only with the latter.
SENT_PROFILE_COMPANIONS = frozenset({"cv", "twitter", "website", "portfolio", "blog"})
SEND_VERBS = frozenset(
    {
        "send",
        "email",
        "e-mail",
        "mail",
        "attach",
        "include",
        "share",
        "submit",
        "apply",
        "forward",
        "contact",
        "drop",
        "shoot",
        "link",
        "links",
        "provide",
    }
)
# "Auth0 | Bellevue, WA | ...": the first field of a posting's header names the company ("--" is
# the dash typed in ASCII: "Acme -- New York, NY").
HEADER_SEPARATORS = frozenset({"|", "(", "–", "—", "-", "--", ":"})
# Words right before the company's own product that ask for it as a skill: "Knowledge of Acme is
# a plus", "Experience with Acme", "familiar with Acme", "comfortable working with Acme" (in the
# company's own post).
PRODUCT_ASKED_CUES = frozenset(
    """experience experienced knowledge familiar familiarity proficiency proficient expertise
    skills know comfortable""".split()
)
# Words right after the company's own product that ask for it: "Acme experience is a plus".
PRODUCT_ASKED_AFTER = frozenset("experience knowledge skills expertise".split())
# Legal forms that end a company's name, also after a comma: "Docker, Inc. |", "Acme GmbH |".
LEGAL_SUFFIXES = frozenset(
    """inc inc. llc ltd ltd. limited gmbh ag corp corp. corporation co co.""".split()
)
# Words that end a company's name (never after a comma: "Rust, AI |" lists skills): the legal
# forms and the trading words "Redis Labs |", "Unity Technologies |", "Tableau Software |".
COMPANY_SUFFIXES = LEGAL_SUFFIXES | frozenset("labs technologies computing software".split())
# Industries that end many trading names ("Maven Clinic |", "Flink Robotics |", "Dynamo AI |"):
# the header's field is the company, but a later mention is the company only with the industry
# after it ("Maven Clinic builds") or as a subject (COMPANY_SUBJECT_*; not "We build with Maven").
INDUSTRY_SUFFIXES = frozenset("health clinic robotics ai bio".split())
# Words around a name that make it the subject or the place of work, the company: "Maven is the
# largest virtual clinic", "Maven's mission", "join Maven" (not "we build with Maven").
COMPANY_SUBJECT_AFTER = frozenset({"is", "was", "has", "'s", "’s"})
COMPANY_SUBJECT_BEFORE = frozenset({"at", "join", "joining"})
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "our", "your", "their", "its", "my", "his", "her"}
)
EXCEL_VERB_NEXT = frozenset({"in", "at", "as", "when", "where", "within", "under", "on"})
# Tool names that are also English verbs, and the words after their lower-case form that make it
# the verb: "teams react quickly to change", "react to customer needs" (never the library,
# whatever technologies stand near it; not "we use airflow to schedule", a name and its purpose).
VERB_NAMES = frozenset({"react"})
VERB_NEXT = frozenset(
    {"to", "quickly", "fast", "swiftly", "rapidly", "accordingly", "immediately", "appropriately"}
)
# Before such a name, words that keep it a name: "moving from react to vue", "we use react to
# build dashboards", "migrate react to the latest version".
VERB_NOT_AFTER = frozenset(
    {
        "from",
        *("use", "uses", "using", "used"),
        *("migrate", "migrating", "upgrade", "upgrading", "adopt", "adopting"),
        *("learn", "learning", "know"),
    }
)
# Names of the .NET web stack: MVC (with or without a version) listed beside one of them is
# ASP.NET MVC ("C#, MVC5, Web Api", "C#/MVC/Azure", "C#, .NET Core, MVC, Razor"), not the
# pattern in general ("Rails (MVC)"). Skill ids, and words that name no skill of their own.
DOTNET_STACK_IDS = frozenset(
    {"csharp", "dotnet", "visual_basic", "aspnet", "aspnet_core", "entity_framework", "blazor"}
)
DOTNET_STACK_WORDS = frozenset({"razor", "c#.net", "vb.net"})
# Codes of US states written after a place and a comma ("Phoenix, AZ", "Aurora, CO"): a name
# that is also a city is the city there. Not MS: "React, MS SQL" is Microsoft's.
REGION_CODES = frozenset(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MO MT NE NV NH NJ
    NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split()
)
# Capitalised words that continue a place's name after a word that is also a tool's name: "Salt
# Lake City", "Phoenix Valley", "Crystal City". Tools are never followed by them in HN posts.
PLACE_HEADS = frozenset(
    {"Lake", "City", "Valley", "Beach", "County", "Springs", "Island", "Bay", "Creek", "Falls"}
)
# Words after "based" that make it a place ("Shell based in Cambridge"), not a stack ("Go based
# services", "Ruby-based").
BASED_PLACE_NEXT = frozenset(
    {"in", "on", "at", "out", "right", "near", "around", "between", "from"}
)
# Nouns for an organisation after "X-based" within a few words make X a place ("a Phoenix-based
# startup", "Aurora-based healthcare company", "Phoenix based teams"), unless a technology noun
# comes first ("Go based microservices team").
BASED_ORG_NEXT = frozenset(
    """company companies startup startups start-up firm firms agency agencies business businesses
    team teams office offices studio studios group organization organisation nonprofit shop
    consultancy employer lab labs""".split()
)
# Categories whose mentions do not vouch for a neighbouring ambiguous technology.
NON_EVIDENCE = frozenset({"spoken_language", "domain"})
# Areas of software architecture and delivery that are no named tool (the reports' tool counts
# leave them out) yet vouch for a technology named next to them, as named tools do: "Go or Rust
# (future microservices)", "Scala-based microservices", "Spark nodes and online learning", "MVC
# understanding and use of Backbone, Angular".
TECH_AREAS = frozenset(
    {
        "microservices",
        "spa",
        "cicd",
        "iac",
        "mlops",
        "model_deployment",
        "knowledge_graphs",
        "video_streaming",
        "smart_contracts",
        "mvc",
        "gitops",
    }
)
NOT_AFTER_VERSION = frozenset(
    {
        "years",
        "year",
        "yrs",
        "yr",
        "+",
        "months",
        "-",
        "to",
        "%",
        "days",
        "weeks",
        "hours",
        "k",
        "m",
    }
)
# "customers such as Splunk and Okta", "cofounder of Figma", "backed by Sequoia": names in a list
# right after these words are organisations (customers, investors, former employers), not tools
# the job uses. Linking word -> the words before it that make it introduce organisations.
ORG_NOUNS = frozenset(
    {
        "companies",
        "customers",
        "clients",
        "brands",
        "partners",
        "investors",
        "backers",
        "organizations",
        "organisations",
        "firms",
        "enterprises",
        "businesses",
        "institutions",
        "agencies",
        "publishers",
        "retailers",
        "startups",
        "employers",
        "names",
    }
)
ORG_LINKS: dict[str, frozenset[str]] = {
    "including": ORG_NOUNS,
    "include": ORG_NOUNS,
    "includes": ORG_NOUNS,
    "like": ORG_NOUNS,
    "as": ORG_NOUNS,  # "such as", read past "such"
    ":": ORG_NOUNS,
    "(": ORG_NOUNS,
    "by": frozenset(
        {
            "backed",
            "funded",
            "founded",
            "acquired",
            "owned",
            "used",
            "trusted",
            "loved",
            "led",
            "invested",
        }
    ),
    "of": frozenset(
        {
            "founder",
            "founders",
            "cofounder",
            "cofounders",
            "ceo",
            "cto",
            "ceos",
            "ctos",
            "cfos",
            "creator",
            "creators",
            "makers",
            "alumni",
            "veterans",
            "employees",
        }
    ),
    # "the company behind Elasticsearch and Kibana", "the engineers behind Milvus": the
    # organisation's own products or where its people come from (not "those behind Spark")
    "behind": frozenset(
        {
            "company",
            "companies",
            "team",
            "teams",
            "people",
            "folks",
            "engineers",
            "developers",
            "architects",
            "creators",
            "makers",
            "brains",
            "minds",
            "pioneers",
            "investors",
            "angels",
        }
    ),
    "to": frozenset({"affiliated"}),
    "with": frozenset({"affiliated"}),
    # "worked at", and the people and units of an organisation: "The Linux group at Acme", "an
    # engineer at Acme", "what it's like to work at Acme" (not "strong at Python", "run at AWS")
    "at": frozenset(
        {
            "worked",
            "work",
            "working",
            "previously",
            "formerly",
            "alumni",
            "veterans",
            "backgrounds",
            "execs",
            "team",
            "teams",
            "group",
            "groups",
            "division",
            "department",
            "organization",
            "organisation",
            "engineer",
            "engineers",
            "engineering",
            "eng",
            "developer",
            "developers",
            "employee",
            "employees",
            "staff",
            "members",
            "manager",
            "director",
            "leaders",
        }
    ),
    # "ex-Acme": a former employer ("a team of ex-Acme engineers", "ex-Acme, ex-Initech")
    "-": frozenset({"ex"}),  # only a capitalised tool's name: not a field ("Ex-Observability")
    "in": frozenset({"investors", "investor"}),
    # "our team hails from Acme and Initech": where its people come from
    "from": frozenset(
        {"alumni", "veterans", "people", "folks", "engineers", "founders", "hail", "hails"}
    )
    | ORG_FROM_PEOPLE,
}
# Plural nouns of a product's users: a list after "including", "like" or "such as" that follows one,
# in a clause opened by a verb of ORG_LINKS["by"], names the users ("used by the best engineering
# teams in the world, including Acme", "loved by teams like Acme"; not "teams including Search,
# Cloud": the employer's own teams).
USER_HEADS = frozenset({"teams", "projects"})
# Lower-case nouns a list of tools there may run on to: the list then names the users' tools, not
# the users ("used by 200 teams including Python, Ruby and Java shops").
USER_LIST_HEADS = frozenset(
    """shops services teams apps applications codebases code backends stacks projects developers
    engineers devs programmers users communities libraries sdks products clients""".split()
)
# Names right before these words, alone or as a list, are organisations people come from or lead:
# "Acme and Initech alums", "(Figma CEO)".
ORG_AFTER = frozenset(
    {
        "ceo",
        "cto",
        "cfo",
        "coo",
        "founder",
        "founders",
        "cofounder",
        "cofounders",
        "alum",
        "alums",
        "alumni",
    }
)
# "co-founder" is three tokens: the walk reads "co" and "-" before one of these as part of it.
ORG_AFTER_CO = frozenset({"founder", "founders"})
# A list of names after one of these, or a word of ORG_AFTER followed by one of ORG_HIRED_AFTER, is
# the role a post hires for, not an organisation's people: "hiring a Rails CTO", "Node CTO wanted".
ORG_HIRED_BEFORE = frozenset(
    {"a", "an", "the", "hiring", "seeking", "want", "wants", "wanted", "need", "needs"}
)
ORG_HIRED_AFTER = frozenset({"wanted", "needed"})
# The phrases that introduce organisations ("customers such as", "backed by", "alums"), for the
# matcher: the organisation rule runs only on texts that have one.
# Heads of "at" that also say where in a system the work sits: "work at Acme" names the employer,
# "work at the Kubernetes level" does not (no determiner before an employer's name).
AT_WORK_HEADS = frozenset({"work", "working"})
# Words after a name that make "at" a place in a system or a size, not an organisation: "engineers
# at Google Cloud Platform level", "working at the React and Node boundary", "at Kafka scale".
AT_LEVEL_NEXT = frozenset(
    {"level", "levels", "layer", "layers", "boundary", "intersection", "scale"}
)
ORG_CUE_PHRASES: tuple[str, ...] = tuple(
    sorted(
        {
            f"{head}{comma} {'such as' if link == 'as' else link}"
            for link, heads in ORG_LINKS.items()
            for head in heads
            for comma in (("", ",") if link.isalpha() else ("",))  # "customers, including"
        }
        | ORG_AFTER
    )
)
# Chat and task-board apps a team works in (rule "workplace") are a skill only as a platform the
# job builds on: "Slack API", "Slack bots", "G Suite addons", "the Google Apps Marketplace"; not
# "collaboration happens over Slack and Trello".
BUILD_ON_AFTER = frozenset(
    {
        "api",
        "apis",
        "sdk",
        "bot",
        "bots",
        "app",
        "apps",
        "integration",
        "integrations",
        "plugin",
        "plugins",
        "extension",
        "extensions",
        "webhooks",
        "platform",
        "addon",
        "addons",
        "marketplace",
    }
)
# "add-on(s)" after the name, which tokenises as add - on(s): "G Suite add-ons", "Slack Add-On".
BUILD_ON_ADD_ON = ("add", "-", frozenset({"on", "ons"}))
# The last word of a form that names a development platform of a workplace app, built on by
# itself: "Google Apps Script", "Apps Script".
BUILD_ON_FORM_ENDS = frozenset({"script"})
# A workplace app is one too after a word of integrating in its sentence: "integrations with Google Docs and WordPress",
# "We integrate tightly with Gmail, G Suite"; not "We chat on Slack", "integration tests with
# Google Docs exports" (no preposition right after the word).
BUILD_ON_BEFORE = frozenset(
    {
        "integrate",
        "integrates",
        "integrated",
        "integrating",
        "integration",
        "integrations",
        "plug",
        "plugs",
        "plugged",
        "plugging",
    }
)
# The prepositions that join such a word to the name: "integrations with", "integrate into",
# "plugs into", "plugs in to".
BUILD_ON_LINKS = frozenset({"with", "into", "to"})
ITEM_SEPARATORS = frozenset({",", "/", "|", ";"})
# Words that ask for knowledge of an industry or field before its name in a sentence: a domain
# named elsewhere describes the company ("a leader in financial services") or its benefits
# ("private healthcare").
ASKED_CUES = frozenset(
    {
        "experience",
        "experienced",
        "knowledge",
        "knowledgeable",
        "background",
        "backgrounds",
        "degree",
        "degrees",
        "studies",
        "study",
        "studied",
        "field",
        "fields",
        "understanding",
        "familiarity",
        "familiar",
        "expertise",
        "expert",
        "qualification",
        "qualifications",
        "skills",
        "industry",
        "industries",
        "bachelor",
        "bachelors",
        "bachelor's",
        "master",
        "masters",
        "master's",
        "phd",
        "ph.d.",
        "bs",
        "ms",
        "bsc",
        "msc",
        "ba",
        "major",
        "graduate",
        "diploma",
        "discipline",
        "disciplines",
        "domain",
        "ideally",
        "preferably",
        "education",
        "subject",
        "subjects",
        "area",
        "areas",
        "research",
        "professor",
        "professorship",
    }
)
# ... or after it: "B2B sales experience", "Computer Science or an equivalent degree".
ASKED_AFTER = frozenset(
    {
        "experience",
        "degree",
        "degrees",
        "background",
        "knowledge",
        "expertise",
        "studies",
        "qualification",
        "skills",
    }
)
# Generic nouns after an area or practice that belong to its mention: "test automation tools",
# "networking protocols", "agile principles", "microservices architecture".
AREA_HEADS = frozenset(
    {
        "tools",
        "technologies",
        "systems",
        "principles",
        "framework",
        "frameworks",
        "protocols",
        "architecture",
    }
)
SENTENCE_ENDS = frozenset({".", "!", "?"})
# Lower-case words after a name (or its list) behind "behind" that are no noun heading it: "the
# company behind Kafka and Flink at Acme". Any other lower-case word heads it, and the name is a
# technology, not the organisation's product: "the engineers behind Kafka pipelines".
BEHIND_NOT_HEADS = frozenset(
    """and or at in on for with to of from by as is are was were has have had that which who
    since into across""".split()
)
