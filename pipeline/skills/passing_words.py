"""Word lists for names said in passing: a product likened to after "but", and the people an
organisation's name follows ("researchers from Acme").

They are data: a change here changes what the rules accept, so bump rules.RULES_VERSION with it.
"""

from __future__ import annotations

# "it's Acme, but for security", "Think of Acme but for hardware design": a name (or its run)
# before "but for" and a short phrase that ends its clause is a product the employer likens itself
# to, when a likening opens it (LIKENING_CUES). Not when the phrase opens with one of these words
# (what the stack is kept for: "We use React, but for this role ...", "Go, but for now ...",
# "Python, but for example ...") or a word in "-ing" ("but for building models we use ...").
BUT_FOR_NOT_NEXT = frozenset(
    """the a an this that these those our your their its my his her us you me them him it
    now example instance some most many all any each every other certain new legacy older
    internal specific particular one two""".split()
)
# Tokens after "for" within which that phrase must end (a clause's punctuation, a line break or the
# text's end): "but for security." (1), "but for hardware design." (2), "but for AI agents." (2);
# "but for speed we write the hot paths in Rust" runs on, a sentence of its own.
BUT_FOR_REACH = 4
# Words within LIKENING_REACH tokens before such a name that make it a likening: "Think of Acme",
# "Imagine Acme", "Picture Acme", "a similar model to Acme"; or "it's Acme" (LIKENING_IT_IS) with a
# lower-case phrase that ends the sentence ("it's Acme, but for security."). Without
# one, "but for" goes on about the stack: "Our backend is Java, but for Android we use Kotlin",
# "Need Swift, but for macOS.", "We use Python, Go and Java, but for security."
LIKENING_CUES = frozenset({"think", "imagine", "picture", "model", "similar", "similarly"})
LIKENING_IT_IS = frozenset({"'s", "’s", "is"})
LIKENING_REACH = 4
# The only words between such a cue and the name, with capitalised ones ("Think Acme Graph API"):
# "Think of it as Acme", "model to Acme" (not "Imagine working with Python, but for robotics": the
# work, not a likening).
LIKENING_GAP = frozenset({"of", "it", "as", "to", "a", "an", "the", "this"})
# Words of the phrase after "but for" that make it run on, a clause with its own subject: "We use
# Python, but for ML we use R." (the pronoun), within BUT_FOR_REACH.
BUT_FOR_RUNS_ON = frozenset(
    """we i you they he she our my your their us it there is are was be use uses used""".split()
)
# "a cloud-ERP solution like Acme, but much easier to use", "Feels like Acme, but scales": a name
# after "like" and then "but" is likened to as well. Not after a comma ("enterprise utilities,
# like SNMP, but generally hiring": examples of the work), nor "like" as a verb (a pronoun or
# LIKE_VERB_BEFORE before it: "We like Rust, but", "We'd like Python, but"), nor when "but" opens a
# clause about the team (one of these words, an adverb in "-ly", or a capitalised word: "a
# framework like React, but Vue is fine too"). After another word ("a message queue like Acme,
# but ...": "like" gives an example of a kind), only a comparison after "but" likens
# (LIKE_BUT_COMPARISONS: "a billing tool like Acme, but much easier to use"), not "An ORM like
# Acme, but nothing fancy".
LIKE_BUT_NOT_NEXT = frozenset(
    """we i you they he she it its our my your their this that these those there also not any
    other more most especially ideally preferably mostly""".split()
)
LIKE_VERB_BEFORE = frozenset(
    """we i you they he she 'd ’d would do does did don't also really too who""".split()
)
# The words before "like" after which it likens whatever follows "but": the clause's start, a
# verb of seeming or being ("It feels like Acme, but", "works much like Acme but", "A platform is
# like Acme but on top of ...").
LIKE_LIKENING_BEFORE = frozenset(
    """feels feel looks look sounds sound works work much just basically essentially kind sort
    somewhat is are 's ’s""".split()
)
LIKE_BUT_COMPARISONS = frozenset(
    """better easier faster cheaper simpler smarter nicer lighter friendlier""".split()
)
# Words that make a comparison of the lower-case word after them ("but much easier", "but more
# flexible"), not of "of", "than" or an adverb in "-ly" ("but more importantly Go", "but much of
# the work is Go").
LIKE_BUT_DEGREES = frozenset({"much", "far", "way", "more", "less"})
LIKE_BUT_NOT_COMPARED = frozenset({"of", "than", "so", "too"})
# People an organisation's name follows after "from", as "engineers from Acme" (ORG_LINKS): "AI
# researchers from Acme Brain and Initech", "former leaders from Acme and Initech", "senior
# executives from Acme, Initech, and Globex".
ORG_FROM_PEOPLE = frozenset(
    {"researchers", "scientists", "leaders", "executives", "execs", "experts", "alums"}
)
# Words after a list of names after "from" that make it a field people come from, not an
# organisation: "researchers from Python and Go backgrounds", "scientists from SQL-heavy teams",
# "people from the PyTorch and JAX communities".
FROM_FIELD_NEXT = frozenset(
    """background backgrounds community communities heavy roles role world worlds field fields
    domain domains ecosystem ecosystems stack stacks shops shop experience""".split()
)
