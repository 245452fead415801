"""Word lists for names said in passing: a product likened to after "but", and the people an
organisation's name follows ("researchers from Acme").

They are data: a change here changes what the rules accept, so bump rules.RULES_VERSION with it.
"""

from __future__ import annotations

# "it's Acme, but for security", "Think of Acme but for hardware design": a name (or its run)
# before "but for" and a short phrase that ends its clause is a product the employer likens itself
# to. Not when the phrase opens with one of these words (what the stack is kept for: "We use React,
# but for this role ...", "Go, but for now ...", "Python, but for example ...") or a word in
# "-ing" ("but for building models we use ...").
BUT_FOR_NOT_NEXT = frozenset(
    """the a an this that these those our your their its my his her us you me them him it
    now example instance some most many all any each every other certain new legacy older
    internal specific particular one two""".split()
)
# Tokens after "for" within which that phrase must end (a clause's punctuation, a line break or the
# text's end): "but for security." (1), "but for hardware design." (2), "but for AI agents." (2);
# "but for speed we write the hot paths in Rust" runs on, a sentence of its own.
BUT_FOR_REACH = 4
# "a cloud-ERP solution like Acme, but much easier to use", "Feels like Acme, but scales": a name
# after "like" and then "but" is likened to as well. Not after a comma ("enterprise utilities,
# like SNMP, but generally hiring": examples of the work) nor when "but" opens a clause about the
# team (one of these words, or an adverb in "-ly"): "tools like Jenkins, but we are moving to",
# "languages like Python, but also Go".
LIKE_BUT_NOT_NEXT = frozenset(
    """we i you they he she it its our my your their this that these those there also not any
    other more most especially ideally preferably mostly""".split()
)
# People an organisation's name follows after "from", as "engineers from Acme" (ORG_LINKS): "AI
# researchers from Acme Brain and Initech", "former leaders from Acme and Initech", "senior
# executives from Google, Twitter, and Salesforce".
ORG_FROM_PEOPLE = frozenset(
    {"researchers", "scientists", "leaders", "executives", "execs", "experts", "alums"}
)
