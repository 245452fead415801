"""The patterns and word lists of the HN header reader (crawlers.parsing.hn_header)."""

from __future__ import annotations

import re

_PIPE = re.compile(r"\s*\|+\s*")
_OTHER_SEPARATORS = re.compile(
    r"\s+[-–—/•·]\s+|\s*[–—•·]\s*|\s+-{2,}\s+|\s*//\s+|\s+//\s*|\s*;\s+"
    # "Pittsburgh PA: invivodata" (not "http://", nor "Location:" with nothing after it)
    r"|(?<=[^\s:/])\s*::?\s+(?=\S)"
    # a sentence ends: "Disqus. JavaScript engineers. San Francisco, CA." (not after an initial or
    # "St.", "Inc."); the full stop is matched before the look-behinds, which then run only there
    r"|\.(?<!\b[A-Z]\.)(?<!\b(?:St|Sr|Jr|Mt|Dr|Co|vs|No|Ft)\.)(?<!\b(?:Inc|Ltd)\.)(?<!\bCorp\.)"
    r"\s+(?=[A-Z(\[])"
)
_AMOUNT_END = re.compile(r"(?:\d|\d\s?[kKmM])\s*$")
_AMOUNT_START = re.compile(r"^\s*(?:[$€£¥₹]|\d)")
_REMOTE = re.compile(
    r"\bremote(?:ly)?\b|\bwork from home\b|\bvirtual\b|\btelecommut\w*"
    # "DISTRIBUTED", "distributed team", not "Distributed Systems Engineer"
    r"|\bdistributed(?=\s*(?:$|[|,;)/\]]|\s+(?:team|company|first|ok|friendly)\b))",
    re.IGNORECASE,
)
_NO_REMOTE = re.compile(
    r"\b(?:no|not|non)[- ](?:full[- ])?remote\b"
    r"|\bnot\s+(?:a\s+|currently\s+)?(?:considering\s+|offering\s+|hiring\s+)?remote\b"
    r"|\bremote\s*(?::|-)?\s*(?:no|not (?:ok|possible|available|an option))\b"
    r"|\bpart(?:ial|ly)?[- ]remote\b|\bremote[- ](?:days?|fridays?)\b"
    r"|\b(?:[1-4]|one|two|three|four)(?:-| or |-?[1-4])?\s*days?\s*(?:a week\s*|per week\s*|/\s*week\s*)?"
    r"(?:remote|from home|wfh)\b"
    r"|\b(?:up to |with )?(?:[1-9]|[1-9]\d)\s*%\s*remote\b|\bsome remote\b|\bremote working days\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(
    r"\b(?:on-?\s?site|on-?sight|in[- ]office|in[- ]person|hybrid|office[- ]based|local(?: only)?"
    r")\b",
    re.IGNORECASE,
)
# Substrings a text's lower case must hold for _NO_REMOTE, _REMOTE, _ONSITE or _BODY_ONSITE to
# match: most headers and bodies hold none, and a substring test is far cheaper than the pattern.
_NO_REMOTE_NEEDS = ("remote", "from home", "wfh")
_REMOTE_NEEDS = ("remote", "work from home", "virtual", "telecommut", "distributed")
_ONSITE_NEEDS = ("site", "sight", "office", "person", "hybrid", "local")
_BODY_ONSITE_NEEDS = ("site", "office", "local", "relocate to", "no remote")
# The letters re.IGNORECASE matches to an ASCII letter that str.lower() does not turn into it
# ('İ', 'ı', 'ſ'): a text holding one skips the substring tests and goes to the pattern.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
_DIGIT = re.compile(r"\d")
_REMOTE_WORD = re.compile("remote|telecommut")
_UPPER_REMOTE = re.compile(r"\bREMOTE\b")
_BODY_REMOTE = re.compile(
    r"(?:\bfully|100%|\bcompletely|\bfull[- ]time)\s+remote\b"
    r"|\bremote[- ](?:first|friendly|ok|only|possible|allowed|welcome)\b|\bwork remotely\b"
    r"|\bremote\s+(?:work|employees?|candidates?|positions?|workers?|engineers?|applicants?)?\s*"
    r"(?:is|are|may be|welcome|acceptable|considered|available|possible|ok|an option)\b"
    r"|\b(?:consider\w*|open to|accept\w*|allow\w*)\W+(?:\w+\W+){0,3}remote\b"
    r"|\btelecommut\w*\s+is\s+(?:an option|possible|ok)|\blocation:\s*remote\b|\bor remote\b"
)
# Onsite in a body: "ONSITE", "Job is on-site", "must be local", "willing to relocate to".
_BODY_ONSITE = re.compile(
    r"\bon-?site\b|\bin[- ]office\b|\bmust be local\b|\b(?:roles|position|job) (?:are|is) local\b"
    r"|\brelocate to\b|\bNO REMOTE\b",
    re.IGNORECASE,
)
_EMPLOYMENT = re.compile(
    # "Full - Time": a hyphen spaced on one or both sides
    r"\b(full(?: ?- ?| )?time(?:rs?)?|part(?: ?- ?| )?time(?:rs?)?|contract(?:s|ors?|ing)?(?:[- ]to[- ]hire)?"
    r"|freelanc\w*|internships?|interns?|trainees?|co-?ops?|permanent|perm|temporary|temp|fte"
    r"|fractional|1099|ft(?!\.?\s+(?:lauderdale|worth|collins|myers|wayne|mill|lee|meade)\b)"
    # "Full or part time", "Part- or full-time", "full/part time": the first word lost its "time"
    r"|(?:full|part)(?=-?\s*(?:or|/|to|and|&)\s*(?:full|part)[- ]?time))\b",
    re.IGNORECASE,
)
# The same on lower-cased text: case-blind matching is several times slower on long bodies.
# The lookahead lets the scan skip positions no alternative can start at.
_EMPLOYMENT_LOWER = re.compile(r"(?=[fpcit1])" + _EMPLOYMENT.pattern)
# Every match of _EMPLOYMENT_LOWER begins with one of these: finding them with str.find and trying
# the pattern only there is about twice as fast as letting re try every position of a body.
_EMPLOYMENT_STARTS = (
    "full", "part", "contract", "freelanc", "intern", "trainee", "coop", "co-op", "perm", "temp",
    "fractional", "1099", "ft",
)  # fmt: skip
# The soft, plain Unicode and non-breaking hyphens ("Full\u2011time", "On\u2011site") that some
# editors write, read as "-"; one character for one, so match positions stay the same.
_HYPHENS = str.maketrans({"\xad": "-", "\u2010": "-", "\u2011": "-"})
# A body states its employment type near the top; the rest is description.
_BODY_EMPLOYMENT_CHARS = 3_000
# What keeps an employment word from stating a type: "no internships", "smart contracts", "cannot
# support part-time, remote, or contract work".
_NEGATION_NEEDS = ("no", "without", "smart", "can't", "don't", "unable to")
_EMPLOYMENT_NEGATED = re.compile(
    r"(?:\bno|\bnot|\bnon|\bwithout|\bnor)[- ](?:\w+[- ]){0,1}$|\bsmart\s*$"
    r"|\b(?:cannot|can't|can not|don't|do not|unable to|not able to)\b[\w\s,/-]{0,40}$",
    re.IGNORECASE,
)
# "an indefinite contract", "permanent contract": an employment contract, so full-time work.
_EMPLOYMENT_CONTRACT = re.compile(
    r"(?:indefinite|permanent|unlimited|open[- ]ended|employment)\s*$", re.IGNORECASE
)
# In a body these name people, not the job offered: "our contractors", "freelancing background".
_BODY_PEOPLE = frozenset({"contractors", "freelancers", "freelancing", "contracts"})
_EMPLOYMENT_NAMES = {
    "full": "Full-time",
    "fte": "Full-time",
    "ft": "Full-time",
    "perm": "Full-time",
    "part": "Part-time",
    "contract": "Contract",
    "freelanc": "Contract",
    "intern": "Internship",
    "co": "Internship",
    "temp": "Temporary",
    "trainee": "Internship",
    "fractional": "Part-time",
    "1099": "Contract",
}
_EMPLOYMENT_ORDER = ("Full-time", "Part-time", "Contract", "Internship", "Temporary")
_ROLE = re.compile(
    r"\b(?:engineers?|developers?|devs?|scientists?|designers?|managers?|analysts?"
    r"|architects?|leads?|directors?|head of|programmers?|sres?|devops|researchers?|recruiters?"
    r"|cto|ceo|cfo|coo|[se]?vp|founding|sysadmins?|admins?|hackers?|specialists?|consultants?|marketers?|writers?"
    r"|positions?|roles?|openings?|jobs?|vacanc(?:y|ies)|opportunities|interns?|internships?"
    r"|administrators?|technicians?|associates?|advocates?|evangelists?|instructors?|editors?"
    r"|journalists?|postdoc\w*|fellowships?|phd|freelancers?|generalists?|ninjas?|rockstars?"
    r"|gurus?|staff|full[- ]?stack|front[- ]?end|back[- ]?end|intern)\b",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening|day))\b", re.I)
_NAME_JOINERS = frozenset("of the and & for de la du von van der und y e".split())
# A short name in brackets after the company stays with it: "Cloud Data Engine (CDE)".
_ACRONYM = re.compile(r"\((?!YC|[SWFX]\d)([A-Z][A-Z0-9&]{1,5})\)")
# A field that is only a label of the line: "Location:", "Position", "Details".
_LABEL_WORD = re.compile(
    r"^\W*(?:location|position|role|title|company|where|who|what|description|details|salary"
    r"|type|job|apply|contact|website|url|remote|visa|compensation|stack|team|about|overview"
    r"|responsibilities|requirements|summary|note|update|edit|hiring|tl;?dr)s?\W*$",
    re.IGNORECASE,
)
# Words of a technology list or of areas of work ("iOS & Node.js", "Software, Machine Learning"):
# such a field names no company.
_TECH = frozenset(
    """ios android node nodejs js javascript typescript react python java golang go rust ruby
    rails on php scala elixir kotlin swift c c++ c# net django flask clojure haskell erlang ml ai
    sql aws gcp kubernetes devops data frontend backend mobile web and or & + qa ux ui
    engineering software machine learning computer vision nlp science analytics design marketing
    sales product operations ops infrastructure security research support testing embedded
    hardware firmware cloud platform fullstack full stack front back end""".split()
)
_ANONYMOUS = re.compile(
    r"^(?:\W*(?:a|an|the|our|my)\s+)?(?:\w+[- ]){0,3}?(?:stealth|undisclosed|confidential"
    r"|unnamed|anonymous)\b|\bstart-?up\b$|^\W*(?:early|seed|series|funded)\b",
    re.IGNORECASE,
)
# Words that make a field a sentence or a greeting, not a company's name.
_PROSE_WORDS = frozenset(
    """i we we're were our you your you're us my me is are am was be been being looking hiring
    seeking searching need needs want wants help join joining come who what when where why how
    here this that these those it its hi hello hey all if do does don't have has had will would
    can could should must please thanks welcome apply email contact see check about here's
    there's let's everyone folks a an with to by from into than sorry needed wanted""".split()
)
_LEGAL_FORM = re.compile(
    r"^(?:inc|llc|ltd|limited|gmbh|ag|corp|corporation|co|plc|bv|b\.v|s\.?a|sas|pty|oy|ab|srl|kk)"
    r"\b\.?$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^\W*(?:company|employer|who|description|organi[sz]ation|team|startup|client)\s*:\s*",
    re.IGNORECASE,
)
_LABELLED_LOCATION = re.compile(r"^\W*(?:location|where|based in|office)\s*:\s*", re.IGNORECASE)
_OTHER_LABEL = re.compile(
    r"^\W*(?:role|position|title|job|salary|compensation|pay|equity|type|visa|remote|stack|tech"
    r"|apply|contact|url|website|web|site|email|details?)\s*:\s*",
    re.IGNORECASE,
)
_URL = re.compile(
    r"\(?\s*<?(?:https?://|www\.)[^\s)\]>|,]*>?\s*\)?|\[\s*(?:https?://|www\.)[^\]]*\]?"
    r"|\S+@\S+\.\w+",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?$", re.IGNORECASE
)
# A domain's name with a word put before or after the company's: "goclio", "zenboxapp", "cassidyai".
_DOMAIN_AFFIX = re.compile(
    r"(?:go|get|try|join|use|hello|hey|meet)(?P<core>[a-z0-9]{3,})"
    r"|(?P<core2>[a-z0-9]{3,}?)(?:app|hq|ai|inc|team|jobs|careers|hiring)"
)
_BRACKETED = re.compile(r"\s*[(\[{][^)\]}]*(?:[)\]}]|$)")
_PHRASE_END = re.compile(
    r"\s+(?:is|are|has|have|was|were|currently|now|looking|seeking|searching|wants|needs"
    r"|hiring|recruiting)\b.*$|\s*[!?].*$",
    re.IGNORECASE,
)
# A line opening a sentence about the company: "Hello Show is an automated scheduling tool".
_NAMED_SENTENCE = re.compile(
    r"^\W*(?P<name>[A-Z0-9][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|and|&|for|de)){0,3})"
    r"(?:,?\s+(?:Inc|LLC|Ltd|GmbH)\.?)?\s*(?:\(\s*\)\s*)?,?\s+(?:is|are)\s+"
    r"(?:an?|the|hiring|looking|seeking|building|growing|on a mission|currently|now hiring)\b"
)
_ROLE_AT = re.compile(r"^(?P<role>.+?)\s+(?:at|@)\s+(?P<name>.+)$", re.IGNORECASE)
_JOIN = re.compile(
    r"^\W*(?:come\s+(?:and\s+)?)?join\s+(?:us\s+at\s+)?(?P<name>.+?)(?:\s+in\s.*)?$|"
    r"^\W*we\s+are\s+(?P<we>[^!.,]+?)\s*[!.]",
    re.IGNORECASE,
)
_TAGLINE = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|:\s+|,\s+|\s+@\s+")
# A team after the name, in lower case: "The Adobe Photoshop team" (not "Rising Team", a name).
_DEPARTMENT = re.compile(r"\s+(?:engineering |tech )?team$")
# "Hunstville, AL", "Houten (The Netherlands)": a town and, after a comma or in brackets, its area.
_TOWN_AREA = re.compile(
    r"^\s*(?P<town>[^,()]+?)\s*(?:,\s*(?P<area>[^,()]+?)|\(\s*(?P<inner>[^()]+?)\s*\))\s*(?:[,(]|$)"
)
_TRAILING_PLACE = re.compile(r"^(?P<name>.+?)\s+(?:in|at|of|from|near)\s+(?P<place>.+)$")
# Splits a header into the pieces tested as places; the captured separator says whether the next
# piece continues the same place ("Austin, TX") or starts another ("NYC / London").
# Every position of a header is tried, so the cheap tests come first: one leading run of spaces
# for the punctuation separators, the full stop before its look-behinds (not "St. Louis"), a
# word's first letter before the look-behinds of the joining words.
# Who may apply, not where the work is: "U.S. CITIZENSHIP REQUIRED", "US persons only",
# "Authorized to work in US only"; the country of such a phrase is no place of the job.
_WORK_PERMIT = re.compile(
    r"\b(?:must\s+be\s+(?:an?\s+)?)?(?:U\.?S\.?A?\.?|USA|US|EU|UK|Canadian|American)\s+"
    r"(?:citizens?(?:hip)?|persons?|nationals?|work\s+authori[sz]ation|green\s+card)"
    r"(?:\s+(?:holders?|required|only|needed|preferred))*\b"
    r"|\b(?:authori[sz]ed|eligible|legally\s+allowed)\s+to\s+work\s+in\s+(?:the\s+)?"
    r"(?:U\.?S\.?A?\.?|USA|US|EU|UK|Canada)(?:\s+only)?(?![\w.])",
    re.IGNORECASE,
)
_PLACE_SPLIT = re.compile(
    r"(\s*(?:[|;/()\[\]{}!?•·+,]\s*|:\s+)|\s+[-–—]+\s*|\s*(?:[–—]+\s*|-{2,}\s*)"
    r"|\.(?<!\b[SFM]t\.)\s+|\.$"
    # "NYC or London", not the state of "Portland, OR"
    r"|(?=[oa&uevbp])(?<![^\s)\]])(?<!,\s)(?:or|and|&|&amp;|und|et|vs\.?|but|also|plus)\s+)",
    re.IGNORECASE,
)
# Words around a place that say how one works there, not where: "Remote (US)", "On-Site in
# Karlsruhe", "Hybrid (Berlin)", "Headquartered in Denver", "US-based".
_PLACE_NOISE = re.compile(
    r"^(?:(?:fully|100%|full|partially|partly|mostly|primarily|permanently|true|truly|only)\s+)?"
    r"(?:remote(?:ly)?|on-?\s?site|onsight|hybrid|in[- ]office|in[- ]person|office|offices|hq|hqs"
    r"|headquarter(?:s|ed)?|headquartered|based|located|local|relocation|relocate|visa|interns?"
    r"|full[- ]?time|part[- ]?time|ft(?!\.?\s+(?:lauderdale|worth|collins|myers|wayne|lee)\b)"
    r"|contract|ok|only|friendly|first|preferred|welcome|possible|or|and"
    r"|within|from|near|in|at|to|around|across|must be|must|be|anywhere|ideally|preferably|also"
    r"|all|any|various|multiple|several|our|an?|the|with|from|timezones?|time zones?|tz|hours"
    r"|am|pm|overlap|required|but|if|optional|us-only|flexible|plus)\b[\s\-:,]*|^@\s*",
    re.IGNORECASE,
)
_PLACE_TRAILING_NOISE = re.compile(
    r"[\s\-:,]+(?:remote(?:ly)?|on-?\s?site|onsight|hybrid|in[- ]office|in[- ]person|office|offices"
    r"|hq|hqs|based|only|ok|preferred|preference|area time|time ?zones?|tz|timezone|hours|headquarters|visa"
    r"|local|in-person|friendly|first|required|welcome|possible|ideally"
    # "NYC ONSITE Full-Time", "Berlin Full-time": the employment type after the place
    r"|full[- ]?time|part[- ]?time|contract|permanent)$",
    re.IGNORECASE,
)
_PLACE_PREP = re.compile(
    r"^.*?\b(?:in|at|near|of|across|throughout|around|from|based|offices?|hq)\s+(?=\S)",
    re.IGNORECASE,
)
# "an NYC-based startup", "based in small and sunny Singapore", "based out of Austin, TX".
_BASED_IN = re.compile(
    r"\b(?P<before>[A-Z][\w.]*(?:[ -][A-Z][\w.]*){0,2})[- ]based\b"
    r"|\bbased (?:in|out of) (?:[a-z]+ ){0,4}?(?P<after>[A-Z][\w.]*(?:,? [A-Z][\w.]*){0,3})"
)
_BASED = re.compile(r"^(?P<place>.+?)[- ](?:based|hq|headquartered)$", re.IGNORECASE)
# What is left of a field of flags once its remote/onsite/employment words are gone.
_FLAG_WORDS = re.compile(
    r"\b(?:ok|only|friendly|first|or|and|possible|preferred|us|eu|with|in|the|no|h-?1b|visa"
    r"|sponsorship|and/or|relocation|flexible|optional|all|mostly|fully|based|hq|office"
    r"|equity|salary|negotiable|benefits|competitive|paid|week|hours|sponsorship|status"
    r"|citizenship|required|open[- ]source|fractional|work|international|permits?|employment"
    r"|citizens?|residents?|residency"
    r")\b|[\W\d_]+",
    re.IGNORECASE,
)
_MAX_PLACE_WORDS = 7
# The places whose name holds its article: "The Netherlands", not "Netherlands".
_ARTICLE_PLACE = re.compile(r"\b[Tt]he\s+(?P<name>Netherlands|Hague|Bahamas|Gambia|Philippines)\b")
# Three states or countries in a row are a list of places ("VA, PA, FL"); two may be a town's
# state and country ("MA, USA").
_AREA_LIST_MIN = 3
_STATE_CODE = re.compile(r"[A-Z]{2,3}")
# Separators of _PLACE_SPLIT that join places of a list: after a place, a state or country code
# behind one of them is another place ("US & CA", "NY/NJ").
_LIST_JOINERS = frozenset({"&", "&amp;", "and", "or", "/", "+"})
# A part of town in brackets is a name of a few words ("Marina del Rey", "South Lake Union");
# longer bracketed text is a remark ("by the Ferry Building, a short walk from BART").
_MAX_DISTRICT_WORDS = 4
# A header without places may have them on one of the next lines ("Little Wheel", "Senior
# Full-Stack Developer", "London • Onsite • Full Time"); lines further down are the description.
_PLACE_LINES = 3
# A line of places is short; a longer one is a sentence that happens to open with a place.
_PLACE_LINE_CHARS = 120
_FIELD_CHARS = 400
_BODY_LOCATION = re.compile(
    r"^\W*(?:locations?|where|based in|offices?)\s*:\s*(.{2,200})$", re.IGNORECASE | re.MULTILINE
)
# A Markdown link opening a header, written in some posts of the later years: "[Acme](https://
# acme.test/) | ...". A link later in the line ("[2023 Promo](...)") is left to the address rules.
_MARKDOWN_LINK = re.compile(
    r"^[\s#*=~`>_]*\[(?P<text>[^\[\]]{1,80})\]\((?:https?://|www\.)[^()\s]*\)"
)
_LINK = re.compile(
    r"(?:https?://|www\.|[\w.+-]+@)(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE
)
_NOT_COMPANY_LABELS = frozenset(
    "craigslist lnkd grnh force herokuapp wordpress blogspot bamboohr bitbucket".split()
)
# Hosts of job boards, mail, social sites and link shorteners: their domain is not the employer.
_NOT_COMPANY_HOSTS = (
    "greenhouse.io lever.co workable.com ashbyhq.com angel.co angellist.com wellfound.com "
    "ycombinator.com workatastartup.com linkedin.com github.com github.io gitlab.com twitter.com "
    "x.com facebook.com google.com goo.gl bit.ly forms.gle youtube.com youtu.be medium.com "
    "stackoverflow.com gmail.com googlemail.com hotmail.com yahoo.com outlook.com live.com "
    "protonmail.com proton.me icloud.com me.com craigslist.org glassdoor.com indeed.com "
    "jobvite.com smartrecruiters.com bamboohr.com recruitee.com breezy.hr applytojob.com "
    "teamtailor.com personio.de personio.com notion.so notion.site typeform.com wikipedia.org "
    "jobs.lever.co hire.withgoogle.com recruiterbox.com jobscore.com jazz.co jazzhr.com "
    "workday.com myworkdayjobs.com icims.com taleo.net ultipro.com paylocity.com rippling.com "
    "dover.com dover.io homerun.co join.com welcometothejungle.com otta.com "
    "calendly.com loom.com imgur.com dropbox.com tinyurl.com t.co news.ycombinator.com"
).split()
