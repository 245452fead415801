"""Score HN role detection and header fields against posts read by hand (bench/eval/hn_roles).

The labels hold ids and readings only; the posts' texts are read from the recorded HN corpus of
../shared. Each post goes through the same code a crawl and the process flow use: the landing
record of `crawlers.parsing.hn_post`, then the transform's classifier. Prints, for the dev and
the test split: post-level precision/recall per family (overall and per era), each labelled month's
share read against measured, opening-title F1 and header-field accuracy. Run with `make eval`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchmarks_md import write_block  # noqa: E402
from pipeline.roles.vocabulary import ABBREVIATIONS  # noqa: E402

LABELS = ROOT / "bench" / "eval" / "hn_roles" / "labels.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "hn-algolia"
FAMILIES = ("ai_engineer", "data_scientist")
SPLITS = ("dev", "test")
# Eras of HN post formats: free prose (2011-2015), the pipe header settling in (2016-2019), the
# header convention (2020-2022), the LLM years (2023-).
ERAS = (("2011-2015", "2011", "2015"), ("2016-2019", "2016", "2019"), ("2020-2022", "2020", "2022"))
LAST_ERA = "2023-2026"
# A month's measured share may differ from the read one by this much (percentage points).
SHARE_TOLERANCE_POINTS = 1.5
# Location strings are compared as word sets; this much overlap (Jaccard) counts as the same place.
LOCATION_JACCARD = 0.6


@dataclass(frozen=True)
class Reading:
    """What a reader concluded about one post."""

    id: int
    thread_id: int
    month: str
    split: str
    job_post: bool
    families: frozenset[str]
    titles: tuple[str, ...]
    company: str | None
    location: str | None
    remote: bool | None
    employment_type: frozenset[str]


@dataclass(frozen=True)
class Measured:
    """What the product made of the same post."""

    families: frozenset[str]
    titles: tuple[str, ...]
    company: str | None
    location: str | None
    remote: bool | None
    employment_type: frozenset[str]


@dataclass
class Tally:
    """True positives, predictions and gold items for precision and recall."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        """Count one more comparison."""
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def precision(self) -> float:
        """Share of predictions that were right (1.0 when nothing was predicted)."""
        return self.tp / self.pred if self.pred else 1.0

    def recall(self) -> float:
        """Share of gold items that were found (1.0 when there were none)."""
        return self.tp / self.gold if self.gold else 1.0

    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Every score of one split."""

    posts: int = 0
    families: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FAMILIES})
    by_era: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    months: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    titles: Tally = field(default_factory=Tally)
    fields_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fields_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def split_of(post_id: int) -> str:
    """The fixed split of a post: about 30% test, chosen by id so it never moves."""
    return "test" if (post_id * 2654435761) % 2**32 % 10 < 3 else "dev"


def read_labels(path: Path = LABELS) -> list[Reading]:
    """The readings of bench/eval/hn_roles/labels.jsonl."""
    readings = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        readings.append(
            Reading(
                id=int(row["id"]),
                thread_id=int(row["thread_id"]),
                month=row["month"],
                split=row.get("split") or split_of(int(row["id"])),
                job_post=bool(row["job_post"]),
                families=frozenset(row["families"]),
                titles=tuple(o["title"] for o in row["openings"]),
                company=row.get("company"),
                location=row.get("location"),
                remote=row.get("remote"),
                employment_type=frozenset(row.get("employment_type") or ()),
            )
        )
    return readings


def corpus_parser(description: str, labels: Path) -> argparse.ArgumentParser:
    """A parser for an HN evaluation: --corpus (default $JOBTRENDS_HN_CORPUS) and --labels."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("JOBTRENDS_HN_CORPUS", DEFAULT_CORPUS)),
    )
    parser.add_argument("--labels", type=Path, default=labels)
    return parser


def corpus_absent(corpus: Path) -> bool:
    """Whether the recorded HN corpus is missing (then say the evaluation is skipped)."""
    if (corpus / "items").is_dir():
        return False
    print(f"skipped: no recorded HN corpus at {corpus} (the shared material is absent)")
    return True


def read_posts(corpus: Path, thread_ids: Iterable[int]) -> dict[int, dict[str, object]]:
    """The recorded posts of the given threads, by post id."""
    posts: dict[int, dict[str, object]] = {}
    for thread_id in sorted(set(thread_ids)):
        thread = json.loads((corpus / "items" / f"{thread_id}.json").read_text(encoding="utf-8"))
        for post in thread.get("children") or ():
            posts[int(post["id"])] = post
    return posts


def measure(post: dict[str, object], thread_id: int, month: str) -> Measured:
    """The product's reading of one post, through the crawl's record and the transform's classifier."""
    from crawlers.parsing.hn_post import hn_posting
    from pipeline.roles import openings_of_posting

    record = hn_posting(
        post,
        source="hn_whoishiring",
        source_type="hn_whoishiring",
        thread_id=thread_id,
        month=month,
        board=str(thread_id),
        run_id="eval",
        fetched_at="2026-01-01T00:00:00Z",
    )
    openings = openings_of_posting("hn_whoishiring", record["title"], record["description_text"])
    employment = record.get("employment_type") or ""
    return Measured(
        families=frozenset(o.role_family for o in openings if o.role_family in FAMILIES),
        titles=tuple(o.title for o in openings),
        company=record.get("company"),
        location=record.get("location"),
        remote=record.get("remote"),
        employment_type=frozenset(t.strip() for t in str(employment).split(",") if t.strip()),
    )


_WORD = re.compile(r"[a-z0-9]+")
_PLACE_NOISE = frozenset(
    "remote onsite on site hybrid or and only ok friendly in office the of usa us".split()
)


def _words(text: str | None, noise: frozenset[str] = frozenset()) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in noise)


def same_company(read: str | None, measured: str | None) -> bool:
    """Equal names, ignoring case, punctuation and a trailing legal form."""
    a, b = (
        _words(read, frozenset({"inc", "llc", "ltd", "gmbh"})),
        _words(measured, frozenset({"inc", "llc", "ltd", "gmbh"})),
    )
    return a == b


def same_location(read: str | None, measured: str | None) -> bool:
    """Both absent, or word sets (without remote/onsite words) overlapping enough."""
    a, b = _words(read, _PLACE_NOISE), _words(measured, _PLACE_NOISE)
    if not a or not b:
        return not a and not b
    return len(a & b) / len(a | b) >= LOCATION_JACCARD


# Words ending in s that are not plurals of a role noun ("Sales Engineer", "DevOps", "Analytics").
_NOT_PLURAL = frozenset(
    "sales ops devops mlops dataops secops bizops finops analytics economics statistics physics "
    "mathematics robotics genomics graphics logistics operations business success services "
    "systems aws gis cms os ios macos js nodejs nextjs vuejs reactjs expressjs rails kubernetes "
    "postgres redis sas ms mrs bs us has is was this its plus".split()
)
# Role nouns whose plural is not the singular plus s.
_IRREGULAR_PLURALS = {"salespeople": "salesperson", "people": "person"}


def _singular(word: str) -> str:
    """A role noun read as its singular ("engineers" -> "engineer"); other words unchanged."""
    if word in _NOT_PLURAL or len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return _IRREGULAR_PLURALS.get(word, word)
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


# Spellings of one title that the guide's title reading (docs/roles.md, "How a title is read")
# treats as the same, so a reader may write either: the abbreviations it expands ("Sr. Data
# Eng" is "Senior Data Engineer", "SRE", "MLE", "VP"), the misspellings it reads as meant
# ("Enginner", "Developper"), both the rules' table of them, and the compounds written as one
# word, two or hyphenated ("Back-End", "Back End", "Backend").
_TITLE_ABBREVIATIONS = {word.lower(): full.lower() for word, full in ABBREVIATIONS.items()}
_COMPOUND = re.compile(r"\b(front|back|full)[\s-]+(end|stack)\b")


def _title_words(title: str) -> frozenset[str]:
    """A title's words with plural role nouns read as singular, so "Engineers" is "Engineer";
    abbreviations expanded and compounds joined as the guide reads titles."""
    text = _COMPOUND.sub(r"\1\2", (title or "").lower())
    singular = (_singular(w) for w in _WORD.findall(text))
    return frozenset(x for w in singular for x in _TITLE_ABBREVIATIONS.get(w, w).split())


def _same_opening(read: frozenset[str], measured: frozenset[str]) -> bool:
    """Whether two titles' words name one opening: equal, or one holding all the other's."""
    return bool(read) and bool(measured) and (read <= measured or measured <= read)


def title_pairs(read: Sequence[str], measured: Sequence[str]) -> dict[int, int]:
    """The most read titles that can each be paired with a measured title of the same words,
    each measured title used once: read index to measured index.

    A plural role noun counts as its singular on both sides ("Web Engineers" is "Web Engineer").
    The pairing is a maximum matching (augmenting paths), so it does not hang on the order the
    titles are listed in; a title of equal words is tried first.
    """
    left = [_title_words(t) for t in measured]
    right = [_title_words(t) for t in read]
    options = [
        [i for i, other in enumerate(left) if other == words and words]
        + [i for i, other in enumerate(left) if other != words and _same_opening(words, other)]
        for words in right
    ]
    owner: dict[int, int] = {}

    def place(r: int, seen: set[int]) -> bool:
        for i in options[r]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or place(owner[i], seen):
                owner[i] = r
                return True
        return False

    for r in range(len(right)):
        place(r, set())
    return {r: i for i, r in owner.items()}


def title_matches(read: Sequence[str], measured: Sequence[str]) -> int:
    """How many read titles have a measured title with the same words (each used once), as many
    as a pairing can give (`title_pairs`)."""
    return len(title_pairs(read, measured))


def era_of(month: str) -> str:
    """The post-format era a month belongs to."""
    year = month[:4]
    for name, first, last in ERAS:
        if first <= year <= last:
            return name
    return LAST_ERA


def score(pairs: Iterable[tuple[Reading, Measured]]) -> Scores:
    """Precision, recall, shares and field checks of (reading, measurement) pairs."""
    scores = Scores()
    for read, got in pairs:
        scores.posts += 1
        month = scores.months.setdefault(read.month, {f: [0, 0, 0] for f in FAMILIES})
        for family in FAMILIES:
            gold, pred = family in read.families, family in got.families
            tally = (int(gold and pred), int(pred), int(gold))
            scores.families[family].add(*tally)
            scores.by_era[(era_of(read.month), family)].add(*tally)
            month[family][0] += int(gold)
            month[family][1] += int(pred)
            month[family][2] += 1
        if read.job_post:
            scores.titles.add(
                title_matches(read.titles, got.titles), len(got.titles), len(read.titles)
            )
            checks = {
                "company": same_company(read.company, got.company),
                "location": same_location(read.location, got.location),
                "remote": read.remote == got.remote,
                "employment_type": read.employment_type == got.employment_type,
            }
            for name, right in checks.items():
                scores.fields_total[name] += 1
                scores.fields_right[name] += int(right)
    return scores


def report(name: str, scores: Scores) -> str:
    """Markdown tables of one split's scores."""
    lines = [f"### {name} ({scores.posts} posts)", ""]
    lines += ["| family | era | posts read | P | R |", "| --- | --- | ---: | ---: | ---: |"]
    for family in FAMILIES:
        t = scores.families[family]
        lines.append(f"| {family} | all | {t.gold} | {t.precision():.3f} | {t.recall():.3f} |")
        for era in [e[0] for e in ERAS] + [LAST_ERA]:
            t = scores.by_era[(era, family)]
            lines.append(
                f"| {family} | {era} | {t.gold} | {t.precision():.3f} | {t.recall():.3f} |"
            )
    within = 0
    total = 0
    rows = []
    for month in sorted(scores.months):
        cells = []
        for family in FAMILIES:
            gold, pred, n = scores.months[month][family]
            read_share, measured_share = 100 * gold / n, 100 * pred / n
            total += 1
            within += abs(read_share - measured_share) <= SHARE_TOLERANCE_POINTS
            cells.append(f"{read_share:.1f} / {measured_share:.1f}")
        rows.append(
            f"| {month} | {scores.months[month][FAMILIES[0]][2]} | " + " | ".join(cells) + " |"
        )
    lines += [
        "",
        f"Monthly shares, read / measured (%): {within} of {total} month-family shares within "
        f"{SHARE_TOLERANCE_POINTS} points.",
        "",
        "| month | posts | ai_engineer | data_scientist |",
        "| --- | ---: | ---: | ---: |",
        *rows,
    ]
    field_cells = [
        f"{k} {scores.fields_right[k] / scores.fields_total[k]:.3f}"
        for k in sorted(scores.fields_total)
    ]
    right = sum(scores.fields_right.values())
    checks = sum(scores.fields_total.values())
    lines += [
        "",
        f"Opening titles: P {scores.titles.precision():.3f}, R {scores.titles.recall():.3f}, "
        f"F1 {scores.titles.f1():.3f}. Header fields: {right / max(checks, 1):.3f} of {checks} "
        f"checks right ({', '.join(field_cells)}).",
    ]
    return "\n".join(lines)


def accuracy_entry(scores: Scores) -> dict[str, dict[str, float | int]]:
    """Per family: post-level precision, recall and specificity, and the posts they rest on."""
    out: dict[str, dict[str, float | int]] = {}
    for family in FAMILIES:
        t = scores.families[family]
        negatives = scores.posts - t.gold
        false_positives = t.pred - t.tp
        out[family] = {
            "precision": round(t.precision(), 4),
            "recall": round(t.recall(), 4),
            "specificity": round((negatives - false_positives) / negatives, 4)
            if negatives
            else 1.0,
            "n": scores.posts,
            "positives": t.gold,
        }
    return out


def run(
    corpus: Path, labels: Path = LABELS, record: bool = True, write_accuracy: bool = True
) -> dict[str, Scores]:
    """Measure every labelled post, print the tables of both splits and record them.

    The test split's scores (not looked at while tuning) go to reports/accuracy.json, which the
    reports read; `record` also writes the tables into BENCHMARKS.md.
    """
    from pipeline.roles import RULES_VERSION

    started = time.perf_counter()
    readings = read_labels(labels)
    posts = read_posts(corpus, (r.thread_id for r in readings))
    pairs: dict[str, list[tuple[Reading, Measured]]] = {s: [] for s in SPLITS}
    for reading in readings:
        post = posts[reading.id]
        pairs[reading.split].append((reading, measure(post, reading.thread_id, reading.month)))
    results = {split: score(pairs[split]) for split in SPLITS}
    text = "\n\n".join(report(split, results[split]) for split in SPLITS)
    print(text)
    print(f"({time.perf_counter() - started:.1f} s)")
    if write_accuracy:
        from bench.accuracy_file import record_roles

        record_roles(RULES_VERSION, accuracy_entry(results["test"]))
    if record:
        body = (
            "## HN role detection and header fields (`make eval`, bench/eval_roles.py)\n\n"
            f"Rules `{RULES_VERSION}`, against {len(readings)} posts of "
            f"{len({r.month for r in readings})} months read by hand (bench/eval/hn_roles; "
            "guide in docs/roles.md). The dev split was used to find and fix errors; the test "
            "split was not looked at while tuning.\n\n" + text
        )
        write_block("eval_roles", body)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry: `python bench/eval_roles.py [--corpus DIR] [--no-record]`."""
    parser = corpus_parser(__doc__.splitlines()[0], LABELS)
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="print only; leave BENCHMARKS.md and reports/accuracy.json alone",
    )
    args = parser.parse_args(argv)
    if corpus_absent(args.corpus):
        return 0
    run(args.corpus, args.labels, record=not args.no_record, write_accuracy=not args.no_record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
