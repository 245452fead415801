"""Speed of skill extraction against bare spaCy tokenisation of the same texts, in one process.

Generates seeded synthetic postings (~300 words: taxonomy names among filler), then times
(1) spacy.blank("en") tokenisation alone and (2) the whole extraction: HTML cleaning, tokenisation,
matching and the ambiguity rules. Prints postings/s, words/s and their ratio; records a block in
BENCHMARKS.md. Targets: ratio >= 0.7 and >= 1,000 postings/s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from bench.eval_skills import write_block  # noqa: E402
from pipeline.skills import EXTRACTOR_VERSION, SkillExtractor, load_taxonomy  # noqa: E402
from pipeline.text import html_to_text  # noqa: E402

FILLER = (
    "we are looking for an experienced engineer to join our growing team and help build reliable "
    "products for customers around the world you will work closely with product design and "
    "research to ship features that matter experience with modern tooling is a plus strong "
    "communication skills and ownership are expected we offer competitive salary equity health "
    "benefits remote friendly hours and a generous learning budget the role reports to the head "
    "of engineering and collaborates with data and platform teams on the roadmap"
).split()
CONNECTORS = [", ", " and ", " or ", "/", "; "]
# Share of sentences that name tools: about 15-20 mentions in a 300-word posting, as in real ones.
LIST_SHARE = 0.4


def synthetic_postings(n: int, words: int = 300, seed: int = 7) -> list[str]:
    """n seeded postings of about `words` words: sentences of filler with skill names in lists."""
    rng = random.Random(seed)
    names = [s.name for s in load_taxonomy()] + [a for s in load_taxonomy() for a in s.aliases[:2]]
    postings: list[str] = []
    for _ in range(n):
        paragraphs: list[str] = []
        count = 0
        while count < words:
            sentence = rng.choices(FILLER, k=rng.randint(8, 16))
            if rng.random() < LIST_SHARE:
                picks = rng.sample(names, rng.randint(1, 4))
                listed = picks[0]
                for name in picks[1:]:
                    listed += rng.choice(CONNECTORS) + name
                sentence.insert(rng.randrange(len(sentence)), "such as " + listed)
            text = " ".join(sentence).capitalize() + "."
            count += len(text.split())
            paragraphs.append(text)
        postings.append("\n".join(" ".join(paragraphs[i : i + 3]) for i in range(0, len(paragraphs), 3)))
    return postings


def _time_both(extractor: SkillExtractor, texts: Sequence[str], batch_size: int) -> tuple[float, float, int]:
    """Seconds of bare tokenisation and of the whole extraction, timed chunk by chunk in turn so
    that both see the same machine load."""
    bare = spacy.blank("en")
    warm = texts[:500]
    for _ in bare.pipe(warm, batch_size=batch_size):
        pass
    for _ in extractor.extract_many((html_to_text(t) for t in warm), batch_size=batch_size):
        pass
    bare_s = full_s = 0.0
    mentions = 0
    chunk = 2_000
    for first in range(0, len(texts), chunk):
        part = texts[first : first + chunk]
        started = time.perf_counter()
        for _ in bare.pipe(part, batch_size=batch_size):
            pass
        bare_s += time.perf_counter() - started
        started = time.perf_counter()
        for found in extractor.extract_many((html_to_text(t) for t in part), batch_size=batch_size):
            mentions += len(found)
        full_s += time.perf_counter() - started
    return bare_s, full_s, mentions


def run(postings: int, batch_size: int, record: bool = True) -> dict[str, float]:
    """Time both, print the figures and (optionally) record them in BENCHMARKS.md."""
    started = time.perf_counter()
    extractor = SkillExtractor()
    build_s = time.perf_counter() - started
    texts = synthetic_postings(postings)
    words = sum(len(t.split()) for t in texts)
    bare_s, full_s, mentions = _time_both(extractor, texts, batch_size)
    figures = {
        "postings": float(postings),
        "words": float(words),
        "build_s": build_s,
        "bare_postings_s": postings / bare_s,
        "bare_words_s": words / bare_s,
        "full_postings_s": postings / full_s,
        "full_words_s": words / full_s,
        "ratio": bare_s / full_s,
        "mentions": float(mentions),
    }
    lines = [
        "| run | postings/s | words/s |",
        "| --- | ---: | ---: |",
        f"| bare spacy.blank(\"en\") tokenisation | {figures['bare_postings_s']:,.0f} | {figures['bare_words_s']:,.0f} |",
        f"| whole extraction (clean, tokenise, match, rules) | {figures['full_postings_s']:,.0f} | {figures['full_words_s']:,.0f} |",
    ]
    summary = (
        f"{postings:,} synthetic postings, {words / postings:.0f} words each on average, "
        f"{mentions:,} mentions found; extraction/tokenisation speed ratio **{figures['ratio']:.2f}** "
        f"(target >= 0.7), {figures['full_postings_s']:,.0f} postings/s in one process (target >= 1,000); "
        f"extractor built in {build_s:.1f} s."
    )
    print("\n".join(lines))
    print(summary)
    if record:
        body = (
            "## Skill extraction speed (bench/bench_skills.py)\n\n"
            f"Extractor `{EXTRACTOR_VERSION}`, batch size {batch_size}, one process.\n\n"
            + "\n".join(lines)
            + "\n\n"
            + summary
        )
        write_block("bench_skills", body)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry: `python bench/bench_skills.py [--postings N] [--no-record]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--no-record", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    run(args.postings, args.batch_size, record=not args.no_record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
