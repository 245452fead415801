"""Word lists of pipeline.skills.senses: names that say something other than a tool the job uses.

They are data: a change here changes what the rules accept, so bump rules.RULES_VERSION with it.
"""

from __future__ import annotations

from pipeline.skills.rule_words import LEGAL_SUFFIXES

# "think" opens a product analogy at a clause's start when "for" follows the name (or its list):
# "Think GitHub for construction", "(think Figma for video)", "a design platform, think Figma for
# print" (not "I think Python for data work"); "like X but for Y" anywhere.
ANALOGY_BEFORE = frozenset({"think"})
ANALOGY_CLAUSE_STARTS = frozenset({"(", ":", "-", "--", "–", "—", ".", "!", "?", ";", ","})
ANALOGY_LIKE = "like"
ANALOGY_FOR = "for"
ANALOGY_BUT = "but"
# The employer's own product named by what it is like: a determiner after a form of "be" ("we're
# the Figma for music", "Acme is an API for payroll") or the determiner "the" opening a clause
# after a title's separator ("Acme - The Cursor for SQL"), with "for" after the name.
ANALOGY_BE = frozenset({"is", "are", "am", "we're", "we’re", "it's", "it’s"})
ANALOGY_THE = "the"
# "of" as "for" after the name ("we're the Android of self-driving cars"), and more openers of the
# determiner: a form of "become" ("aiming to be the AWS of transportation"), "as" after a verb of
# calling within ANALOGY_AS_REACH tokens ("we think of ourselves as the Sendgrid for chat",
# "thought of as a GitHub for data science"; not "use it as a Redis for sessions"), and a verb of
# making before one capitalised word ("building a Heroku for deep learning"; not "building a REST
# API for clients", "building the API for partners": the employer's own API, PRODUCT_NAMES).
ANALOGY_OF = "of"
ANALOGY_BECOME = frozenset({"be", "become", "becoming"})
ANALOGY_AS = "as"
ANALOGY_AS_VERBS = frozenset({"think", "thought", "describe", "described", "known", "seen"})
ANALOGY_AS_REACH = 3
ANALOGY_MAKE = frozenset({"build", "building", "create", "creating"})
# "for" and the employer after a made name makes it the employer's own tool ("help us build a
# Kubernetes for our ML workloads"), no likeness.
ANALOGY_MAKE_NOT_FOR = frozenset({"our", "us"})
# "doing for databases what VMware did for servers", "what GitHub has done for software", "what
# Figma was for Adobe XD": "what" before the name, a form of "be" or "did" (ANALOGY_WHAT_VERBS, or
# "has done") after it, then "for" or "to" and a word that is no person (not "that's what VPNs are
# for,", "what Python is to you", "what Terraform does for infra teams": what a tool does).
ANALOGY_WHAT = "what"
ANALOGY_WHAT_VERBS = frozenset("is are was were did".split())
ANALOGY_WHAT_NOT_NEXT = frozenset("you us me them him her it your our their my his its".split())
ANALOGY_WHAT_DONE = (frozenset({"has", "have", "had"}), "done")
ANALOGY_WHAT_TO = frozenset({"for", "to"})
ANALOGY_TITLE_OPENERS = frozenset({"-", "–", "—", ":", "|"})
# A product the employer measures itself against: "10x faster than SQLite", "more accurate than iOS
# and Android", "an alternative to Kubernetes", "the open-source Firebase alternative", "an
# Excel/Sheets competitor" (not "replacing ECS with Kubernetes": a tool in use).
COMPARE_THAN, COMPARE_MORE, COMPARE_TO = (
    "than",
    frozenset({"more", "less"}),
    frozenset({"to", "of"}),
)
COMPARATIVES = frozenset(
    "faster cheaper better easier simpler safer smaller lighter quicker".split()
)
# "competitor" and "clone" say so wherever they stand ("plenty of AWS competitors", "a
# speech-to-text competitor was acquired"); "alternative" only in the singular and in a noun
# phrase that says what the employer is or makes: "Blimp is the Firebase alternative", "we're
# building an open-source alternative to Datadog" (not "Experience with Redux alternatives", "or
# an alternative to Redux", "finding a cheaper alternative to MySQL").
ALTERNATIVE_NOUNS = frozenset("alternative competitor competitors clone clones".split())
ALTERNATIVE = "alternative"
# Words before the determiner of such a phrase: a form of "be", a verb of making or selling, or a
# clause's start ("We are Acme, the open-source Auth0 alternative"; a line's start), "on" ("work
# on an alternative to Kubernetes").
ALTERNATIVE_OPENERS = frozenset(
    """is are be we're we’re build builds building built make makes making sell sells selling
    create creates creating on , - – — : | .""".split()
)
COMPARE_JOINERS = frozenset({"/", "or", ",", "and"})
# The equal comparison: "as beautiful and durable as Twilio, Stripe", "monitoring as powerful as
# Datadog", "investors as diverse as Google"; its words between the two "as" are adjectives or
# adverbs and joiners, not these (fixed phrases that join or time: "as well as Python", "as soon
# as", "such as"; "as often as YAML" compares work, not products), and no word follows the run of
# names ("as simple as WordPress websites" are what is built).
COMPARE_AS = "as"
EQUATIVE_NOT = frozenset("well much many soon long far such same part often".split())
# At most this many words between the two "as" ("as simple and fast as", "as easy to use as").
EQUATIVE_GAP = 4
# The words before the first "as" read for what is compared: a subject of up to three words
# ("our stack is", "TypeScript is", "Go") names it.
EQUATIVE_SUBJECT_WORDS = 3
# Words for the tools a job uses: compared by "as ... as", the names after them are its stack too
# ("technologies as varied as React, Go", "our stack is as boring as Postgres and Rails").
STACK_NOUNS = frozenset(
    "stack stacks tool tools tooling technology technologies tech language languages framework "
    "frameworks library libraries database databases platform platforms infrastructure".split()
)
# A name that says it is a company: "Parse (YC S11)", "cofounded Firebase (YC S11)".
COMPANY_BATCH_OPENER, COMPANY_BATCH = "(", "yc"
# The batch's code after "YC": a season's letter and a year's two digits ("S11", "W22", "F24"),
# or an apostrophe and the year's ("YC '12", two tokens).
COMPANY_BATCH_CODE = r"[a-z]\d\d"
COMPANY_BATCH_YEAR = ("'", r"\d\d")
# Joiners between names of one analogy: "think GitHub/Bitbucket for hardware".
ANALOGY_JOINERS = frozenset({"/", "or", ","})
# Punctuation between a code host's name and the address it introduces: "GitHub: https://...",
# "Symmetry GitHub (https://...)".
LINK_OPENERS = frozenset({":", "(", "-", "–", "["})
# A code host's own addresses, of a repo or profile: "github.com/acme" (not "docs.github.com/...").
URL_STARTS = ("http://", "https://", "www.", "github.com", "gitlab.com", "bitbucket.org")
HOST_DOMAINS = {"github": "github.com/", "gitlab": "gitlab.com/", "bitbucket": "bitbucket.org/"}
# Names whose other sense belongs to a field: skill id -> (the name in lower case, the field's
# words). "EMR" is Amazon EMR, and an electronic medical record beside clinical words ("a
# cloud-native EMR with real-time clinical decision support", "major EMR systems (Epic, Cerner)");
# "Jetpack" beside WordPress is Automattic's plugin ("WordPress.com, WooCommerce, Jetpack").
FIELD_SENSES: dict[str, tuple[str, frozenset[str]]] = {
    "emr": (
        "emr",
        frozenset(
            """ehr ehrs emrs clinical clinician clinicians medical patient patients healthcare
            hospital hospitals physician physicians veterinary hipaa cerner diagnoses
            diagnostic""".split()
        ),
    ),
    "android_jetpack": (
        "jetpack",
        frozenset("wordpress wordpress.com woocommerce automattic tumblr".split()),
    ),
}
# The tool's sense whatever the field: a mention listed with one of these (skill ids or
# categories): "Stack: EMR, S3, Spark", "AWS (EC2, S3, EMR)", "Android: Kotlin, Jetpack, Room".
FIELD_TOOL_COMPANIONS: dict[str, frozenset[str]] = {
    "emr": frozenset({"cloud", "big_data", "database"}),
    "android_jetpack": frozenset(
        {"android", "kotlin", "java", "jetpack_compose", "gradle", "retrofit", "dagger"}
    ),
}
# Words right before such a name that make it the tool: "Amazon EMR", "Android Jetpack", and
# after "AWS:" or "AWS (" ("on AWS: EMR, Glue"); for EMR also "on" ("Spark on EMR", "run on EMR";
# not Jetpack: "work on Jetpack, our WordPress plugin").
FIELD_QUALIFIERS = frozenset({"amazon", "aws", "android"})
FIELD_TOOL_BEFORE: dict[str, frozenset[str]] = {"emr": frozenset({"on"})}
FIELD_QUALIFIER_OPENERS = frozenset({":", "("})
# Nouns of organisations after a method's name: "a machine learning startup", "a fast-growing
# Artificial Intelligence (AI) company" describe the employer, not what the job asks for.
METHOD_ORG_NOUNS = frozenset(
    {"company", "companies", "startup", "startups", "firm", "firms", "consultancy"}
)
# Words between a determiner and such a method ("a fast-growing AI company", "a leading
# analytics and machine learning company", "the Text Analysis and Deep Learning startup"): words,
# hyphens, commas and "and".
METHOD_CHAIN_JOINERS = frozenset({"-", ",", "and", "&"})
# After the noun, these make the name something the job asks for: "Machine learning startup
# experience", "machine learning company-wide rollout".
METHOD_ORG_NOT_NEXT = frozenset({"-", "experience"})
# Nouns of products after a method's name: after a form of "be" and a determiner they say what
# the employer sells ("V7 is a machine learning platform", "Acme is an artificial intelligence
# tool that ..."), not what the job asks for ("build a machine learning platform").
METHOD_PRODUCT_NOUNS = frozenset(
    """platform platforms engine engines system systems solution solutions product products
    software tool tools technology infrastructure environment""".split()
)
METHOD_PRODUCT_BE = frozenset({"is", "are", "we're", "we’re"})
# Names that are what the employer sells when a company's name (or "we're") says it is one: "SerpApi
# is the leading API to ...", "We're a fintech API" (not "Our main app is a Rails API").
PRODUCT_NAMES = frozenset({"apis"})
# Capitalised words before "is" or "are" that are no company: "It is an API", "You are an API".
NO_COMPANY_SUBJECTS = frozenset(
    """it this that there here which what who you i he she they these those""".split()
)
# Nouns after "our" or "the" opening a clause that name the employer or what it sells: "Our
# product is a Knowledge graph for ...", "The company is an AI platform" (not "Core to our
# products are our APIs").
EMPLOYER_NOUNS = frozenset("product products company business startup platform".split())
EMPLOYER_NOUN_OWNERS = frozenset({"our", "the"})
# Words before a subject that make it a common noun, not a company's name: "Our API is ...".
SUBJECT_NOT_AFTER = frozenset(
    {"the", "a", "an", "our", "your", "their", "its", "my", "his", "her", "this", "that"}
)
# The employer said as "we": "we're", "we are".
WE_ARE = frozenset({"we're", "we’re"})
WE, ARE = "we", "are"
# Words that end the walk back from a mention to the determiner of its noun phrase: a clause of
# its own ("a senior engineer who builds APIs", "a team that ships ..."), a preposition, a person
# or team it is said of ("an engineer comfortable designing APIs"); none of them before or after a
# hyphen ("a drop-in Electron alternative", "a people-first API").
PHRASE_STOPS = frozenset(
    """who whom whose which that where when what for of to in with by as on at from into
    comfortable experienced familiar proficient fluent skilled passionate excited
    engineer engineers person people team teams crew generalist specialist candidate
    candidates individual group""".split()
)
START_UP = ("start", "-", "up")  # an organisation noun like "startup"
# Words that end the lower-case words a method may take before its organisation noun ("a machine
# learning consulting company"; not "our recommendation engine assesses a company's needs").
METHOD_ORG_GAP_STOPS = frozenset({"for", "of", "to", "in", "with", "by", "as"})
# Marks that may open a line before a list's heading: "- AI/ML: PyTorch, LLMs", "* ML: ...".
LINE_BULLETS = frozenset({"-", "*", "•", "–", "·", "+"})
# Lower-case words a defined name may hold that its abbreviation leaves out: "Bank of America
# (BA)", "Research and Development (RD)".
ABBREVIATION_GLUE = frozenset({"of", "and", "for", "the", "&", "de", "in", "on"})
# Legal forms after a defined name that its abbreviation leaves out: "Acme Data Works LLC (ADW)",
# "Stevens Capital Management LP (SCM)".
ABBREVIATION_LEGAL = LEGAL_SUFFIXES | frozenset({"lp", "llp", "plc"})
# Words of an organisation's name: an abbreviation a post defines for a phrase holding one
# ("Stevens Capital Management (SCM)", "Bright Lane Partners (BLP)") names the organisation, not
# a skill. Other defined phrases ("Application Programming Interfaces (API)") keep their skill.
ORGANISATION_WORDS = frozenset(
    """capital management partners group holdings ventures fund funds bank labs lab associates
    corporation company agency office institute university college foundation authority
    administration department ministry council commission bureau""".split()
)
# An address written out to dodge spam filters names a mail domain, not a tool: "david at acme dot
# com", "jobs [at] acme [dot] com", "alan ⒜ acme.com", "marta (at) acme.io". A name is one when
# "dot" and a top-level domain follow it (brackets around "dot" allowed), or when it is written as a
# domain after "at" in brackets, "⒜" or ".at." ("apply at acme.com" is a site, left as it is). With
# "dot", an "at" (bare or in brackets) or "⒜" must come right before the name: "Terraform dot io
# docs" names the tool's site.
EMAIL_DOT = "dot"
EMAIL_TOP_DOMAINS = frozenset("com io org net co ai dev app me us uk de".split())
EMAIL_BRACKETS = frozenset({"[", "]", "(", ")", "{", "}", "<", ">"})
EMAIL_AT = "at"
EMAIL_AT_SIGNS = frozenset({"⒜", ".at"})
# Capitalised words after a name that make it part of an organisation's name: "Salesforce
# Ventures", "Mithril Capital Management", "the Ethereum Foundation", "Docker Inc" (not "a strong
# Java foundation", "Git Foundations: From Novice to Guru"; nor "Labs": "Infra: AWS, Heroku, Redis
# Labs" names the hosted service; nor "Partners": "top Salesforce Partners" are firms that sell the
# tool). A word of ORG_NAME_NOT_NEXT after the ending makes it part of a noun ("Bedrock Foundation
# Models", "Java Capital Markets Developer"), and a framework of ORG_NAME_FRAMEWORKS is no
# organisation ("Swift Foundation", Apple's base library).
ORG_NAME_ENDS = frozenset("ventures capital foundation inc inc. llc ltd ltd. gmbh".split())
ORG_NAME_NOT_NEXT = frozenset("model models market markets".split())
ORG_NAME_FRAMEWORKS = frozenset({("swift", "foundation")})
