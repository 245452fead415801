"""Seeded synthetic job postings: a replay corpus of every source, or landing files for benchmarks.

Every generated source object carries `"_synthetic": true`, so spiders can mark what they land.
The corpus root holds `generated.json`, the truth the tests and the demo assert: distinct postings
per source and posting month (HN: the thread month), how many advertise each role family, and per
role family and year how many postings name each tool (`skill_postings`, by the tool ids of
`generate.vocab.SKILLS`; words used in another sense, such as "go" or "Ruby, our office dog", are
not mentions).

One module per concern: `plan` (what to generate), `drawer` (seeded choices), `text` (rendering),
`hn`, `ats` (Greenhouse, Lever, Ashby), `jsonld`, `feeds` (RemoteOK, Remotive, Himalayas,
Arbeitnow), `more_ats` (SmartRecruiters, Workable, Recruitee, Personio), `corpus` and `landing`.
"""

from __future__ import annotations

from jobtrends.generate.corpus import CorpusSummary, generate_corpus
from jobtrends.generate.hn import HITS_PER_PAGE
from jobtrends.generate.landing import generate_landing
from jobtrends.generate.plan import GENERATOR_VERSION, SOURCES

__all__ = [
    "GENERATOR_VERSION",
    "HITS_PER_PAGE",
    "SOURCES",
    "CorpusSummary",
    "generate_corpus",
    "generate_landing",
]
