"""Score HN monthly role shares against whole months read by hand (bench/eval/hn_months).

The sampled months of bench/eval/hn_roles hold about 40 test posts a month, where one post moves a
share by 2.5 points; the 1.5-point target on monthly shares is about whole threads. So whole
threads of months kept apart from all tuning were read: every post whose text holds an AI, ML or
data-science word (`CANDIDATE_WORDS`) was read under ROLES.md; a post without one of those words
cannot carry a title of either family, so it counts as neither. Each post goes through the same
code as in bench/eval_roles.py. Prints, per month, the share of all the thread's posts read and
measured for each family, and post-level precision and recall over all of them. Run with
`make eval`.
"""

from __future__ import annotations

import html
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchmarks_md import write_block  # noqa: E402
from bench.eval_roles import (  # noqa: E402
    FAMILIES,
    SHARE_TOLERANCE_POINTS,
    Tally,
    corpus_absent,
    corpus_parser,
    measure,
)

LABELS = ROOT / "bench" / "eval" / "hn_months" / "labels.jsonl"
# The words without which no title of either family can be written under ROLES.md (its AI
# qualifiers, and "scien" for data science and scientists); posts holding none were not read.
CANDIDATE_WORDS = re.compile(
    r"\bai\b|\ba\.i\.|artificial intelligence|\bml\b|machine[\s-]*learning|deep[\s-]*learning"
    r"|neural|machine intelligence|\bllms?\b|gen[\s-]?ai|generative|\bnlp\b|natural[\s-]language"
    r"|computer[\s-]vision|ml[\s-]?ops|aiops|prompt|scien",
    re.I,
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class MonthReading:
    """The families one read post of a whole month hires."""

    id: int
    thread_id: int
    month: str
    families: frozenset[str]


@dataclass
class MonthScores:
    """Read and measured counts of each family over every post of one month."""

    posts: int = 0
    read: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0))
    measured: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0))

    def shares(self, family: str) -> tuple[float, float]:
        """The read and the measured share of `family`, in percent of the month's posts."""
        n = max(self.posts, 1)
        return 100 * self.read[family] / n, 100 * self.measured[family] / n


def post_text(post: dict[str, object]) -> str:
    """A post's HTML as plain text for the candidate test (tags to line breaks, entities decoded)."""
    return html.unescape(_TAG.sub("\n", str(post.get("text") or "")))


def is_candidate(post: dict[str, object]) -> bool:
    """Whether a post holds a word without which no opening of either family can be named."""
    return CANDIDATE_WORDS.search(post_text(post)) is not None


def read_labels(path: Path = LABELS) -> list[MonthReading]:
    """The readings of bench/eval/hn_months/labels.jsonl."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        MonthReading(
            int(r["id"]), int(r["thread_id"]), r["month"], frozenset(r.get("families") or ())
        )
        for r in rows
    ]


def thread_posts(corpus: Path, thread_id: int) -> list[dict[str, object]]:
    """The posts with text of one recorded thread, in its order."""
    thread = json.loads((corpus / "items" / f"{thread_id}.json").read_text(encoding="utf-8"))
    return [p for p in thread.get("children") or () if p.get("text")]


def score_month(
    posts: Sequence[dict[str, object]],
    readings: dict[int, MonthReading],
    measured: dict[int, frozenset[str]],
    tallies: dict[str, Tally],
) -> MonthScores:
    """Count each family read and measured over all of a month's posts, adding to `tallies`.

    Raises ValueError when the read posts are not exactly the month's candidate posts, so the
    labels and `CANDIDATE_WORDS` cannot drift apart unnoticed.
    """
    candidates = {int(str(p["id"])) for p in posts if is_candidate(p)}
    if candidates != set(readings):
        missing, extra = sorted(candidates - set(readings)), sorted(set(readings) - candidates)
        raise ValueError(
            f"the month's read posts differ from its candidate posts (unread: {missing[:5]}, "
            f"read but not candidates: {extra[:5]}); read the unread posts into {LABELS.name} "
            "or restore CANDIDATE_WORDS"
        )
    scores = MonthScores()
    for post in posts:
        post_id = int(str(post["id"]))
        read = readings[post_id].families if post_id in readings else frozenset()
        got = measured[post_id]
        scores.posts += 1
        for family in FAMILIES:
            scores.read[family] += family in read
            scores.measured[family] += family in got
            tallies[family].add(
                int(family in read and family in got), int(family in got), int(family in read)
            )
    return scores


def report(months: dict[str, MonthScores], tallies: dict[str, Tally]) -> str:
    """Markdown: each month's shares read and measured, and precision/recall over all posts."""
    within = total = 0
    rows = []
    for month in sorted(months):
        cells = []
        for family in FAMILIES:
            read, got = months[month].shares(family)
            total += 1
            within += abs(read - got) <= SHARE_TOLERANCE_POINTS
            cells.append(f"{read:.1f} / {got:.1f}")
        rows.append(f"| {month} | {months[month].posts} | " + " | ".join(cells) + " |")
    lines = [
        f"Monthly shares, read / measured (%): {within} of {total} month-family shares within "
        f"{SHARE_TOLERANCE_POINTS} points.",
        "",
        "| month | posts | ai_engineer | data_scientist |",
        "| --- | ---: | ---: | ---: |",
        *rows,
        "",
        "| family | posts read in it | P | R |",
        "| --- | ---: | ---: | ---: |",
    ]
    for family in FAMILIES:
        t = tallies[family]
        lines.append(f"| {family} | {t.gold} | {t.precision():.3f} | {t.recall():.3f} |")
    return "\n".join(lines)


def run(corpus: Path, labels: Path = LABELS, record: bool = True) -> dict[str, MonthScores]:
    """Measure every post of every read month, print the tables and record them."""
    from pipeline.roles import RULES_VERSION

    started = time.perf_counter()
    readings = read_labels(labels)
    by_month: dict[str, dict[int, MonthReading]] = {}
    threads: dict[str, int] = {}
    for r in readings:
        by_month.setdefault(r.month, {})[r.id] = r
        threads[r.month] = r.thread_id
    tallies = {f: Tally() for f in FAMILIES}
    months: dict[str, MonthScores] = {}
    for month in sorted(by_month):
        posts = thread_posts(corpus, threads[month])
        measured = {int(str(p["id"])): measure(p, threads[month], month).families for p in posts}
        months[month] = score_month(posts, by_month[month], measured, tallies)
    text = report(months, tallies)
    print(text)
    print(f"({time.perf_counter() - started:.1f} s)")
    if record:
        body = (
            "## HN monthly shares on whole months (`make eval`, bench/eval_months.py)\n\n"
            f"Rules `{RULES_VERSION}`, against every post of {len(months)} whole months "
            f"({sum(m.posts for m in months.values())} posts) kept apart from all tuning; the "
            f"{len(readings)} posts holding an AI, ML or data-science word were read by hand "
            "(bench/eval/hn_months; docs/roles.md), the others count as neither family.\n\n" + text
        )
        write_block("eval_months", body)
    return months


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry: `python bench/eval_months.py [--corpus DIR] [--no-record]`."""
    parser = corpus_parser(__doc__.splitlines()[0], LABELS)
    parser.add_argument(
        "--no-record", action="store_true", help="print only; leave BENCHMARKS.md alone"
    )
    args = parser.parse_args(argv)
    if corpus_absent(args.corpus):
        return 0
    run(args.corpus, args.labels, record=not args.no_record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
