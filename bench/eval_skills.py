"""Score the skill extractor on the labelled sets of ../shared/eval/skills and record the table.

SkillSpan KNOWLEDGE spans (all postings and the Stack Overflow "tech" half) and HN "Who is hiring?"
TECH spans: strict and overlap span precision/recall/F1, and posting-level precision/recall/F1 of
the sets of canonical skills (micro-averaged). The project's own readings of recorded HN posts
(bench/eval/hn_tools/labels.jsonl: the canonical tools each post asks for, by post id) are scored
at posting level only. Run with `make eval`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchmarks_md import write_block  # noqa: E402
from pipeline.skills import TOOL_CATEGORIES, SkillExtractor, canonical_id, skills_by_id  # noqa: E402

DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval" / "skills"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "hn-algolia"
TOOL_LABELS = ROOT / "bench" / "eval" / "hn_tools" / "labels.jsonl"
TokenSpan = tuple[int, int]


@dataclass
class Posting:
    """One labelled posting: its tokens, gold spans (token offsets) and the source half."""

    tokens: list[str]
    gold: list[TokenSpan]
    source: str
    breaks: set[int] = field(default_factory=set)  # token indexes that start a new line


@dataclass
class Counts:
    """True positives and totals for precision and recall."""

    tp_p: int = 0
    pred: int = 0
    tp_r: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another count."""
        self.tp_p += other.tp_p
        self.pred += other.pred
        self.tp_r += other.tp_r
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.tp_p / self.pred if self.pred else 0.0
        r = self.tp_r / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def bio_spans(tags: Sequence[str], label: str | None = None) -> list[TokenSpan]:
    """Token spans of a BIO sequence (tags 'B', 'I', 'O' or 'B-X', 'I-X'), optionally of one label."""
    spans: list[TokenSpan] = []
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        wanted = label is None or name == label
        if kind == "B" and wanted:
            if start is not None:
                spans.append((start, i))
            start = i
        elif kind == "I" and wanted and start is not None:
            continue
        else:
            if start is not None:
                spans.append((start, i))
            start = None
    return spans


def hn_half(posting: Posting) -> str:
    """ "dev" or "test": a fixed half of the HN posts, by a hash of the post's tokens. Errors are
    read on the dev half only, so the test half stays a measurement of rules it did not shape."""
    digest = hashlib.sha256(" ".join(posting.tokens).encode("utf-8")).digest()
    return "test" if digest[0] % 2 else "dev"


def read_skillspan(path: Path) -> list[Posting]:
    """SkillSpan postings (sentences grouped by posting idx) with their KNOWLEDGE spans."""
    postings: dict[tuple[str, int], Posting] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            key = (row["source"], row["idx"])
            posting = postings.setdefault(key, Posting([], [], row["source"]))
            offset = len(posting.tokens)
            posting.breaks.add(offset)
            posting.tokens.extend(row["tokens"])
            posting.gold.extend(
                (offset + a, offset + b) for a, b in bio_spans(row["tags_knowledge"])
            )
    return list(postings.values())


_TAG_NAMES = {"p", "a", "i", "b", "em", "strong", "pre", "code", "br", "li", "ul", "ol", "/"}


def read_hn(path: Path) -> list[Posting]:
    """HN posts of a CoNLL file with their TECH spans; tokens of HTML tags are dropped."""
    postings: list[Posting] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            postings.append(_hn_posting(tokens, tags))
        tokens.clear()
        tags.clear()

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                continue
            if not line.strip():
                flush()
                continue
            parts = line.split(" ")
            tokens.append(parts[0])
            tags.append(parts[-1])
    flush()
    return postings


def _hn_posting(tokens: list[str], tags: list[str]) -> Posting:
    keep: list[int] = []
    breaks: set[int] = set()
    i = 0
    while i < len(tokens):
        # "< p >", "< / a >", "< a href= ... >": an HTML tag split into tokens
        if (
            tokens[i] == "<"
            and i + 1 < len(tokens)
            and tokens[i + 1].lower() in _TAG_NAMES
            and tags[i] == "O"
        ):
            j = i + 1
            while j < len(tokens) and tokens[j] != ">" and j - i < 60:
                j += 1
            if tokens[i + 1].lower() == "p":
                breaks.add(len(keep))
            i = j + 1
            continue
        keep.append(i)
        i += 1
    new_tags = [tags[k] for k in keep]
    return Posting([tokens[k] for k in keep], bio_spans(new_tags, "TECH"), "hn", breaks)


_URL_PUNCT = frozenset("/:.?=&#-_%~+")


def _glued(tokens: Sequence[str], i: int, in_url: bool) -> bool:
    """Whether token i was written without a space before it (inside a URL split into tokens)."""
    if not in_url:
        return False
    prev, token = tokens[i - 1], tokens[i]
    return prev in _URL_PUNCT or all(c in _URL_PUNCT for c in token)


def _dotted(tokens: Sequence[str], i: int) -> bool:
    """Whether token i is the rest of ".NET" that the labelled set split off its dot (". NET")."""
    word = tokens[i].lower()
    return tokens[i - 1] == "." and (word == "net" or word.startswith(("net-", "net/")))


def render(posting: Posting) -> tuple[str, list[TokenSpan]]:
    """The posting as text and each token's chars: tokens joined by spaces, lines by newlines,
    and what the labelled set split into tokens joined again: URLs ("https : / / a.com / jobs")
    and ".NET" (". NET")."""
    parts: list[str] = []
    offsets: list[TokenSpan] = []
    pos = 0
    in_url = False
    tokens = posting.tokens
    for i, token in enumerate(tokens):
        if token.lower() in {"http", "https"} and i + 1 < len(tokens) and tokens[i + 1] == ":":
            in_url = True
        elif in_url and not _glued(tokens, i, in_url):
            in_url = False
        if i:
            if (in_url and _glued(tokens, i, in_url)) or (
                i not in posting.breaks and _dotted(tokens, i)
            ):
                sep = ""
            else:
                sep = "\n" if i in posting.breaks else " "
            parts.append(sep)
            pos += len(sep)
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    return "".join(parts), offsets


def to_token_span(offsets: Sequence[TokenSpan], start: int, end: int) -> TokenSpan | None:
    """The tokens a character span touches."""
    first = last = None
    for i, (a, b) in enumerate(offsets):
        if b > start and a < end:
            if first is None:
                first = i
            last = i
    if first is None or last is None:
        return None
    return first, last + 1


def span_counts(pred: Iterable[TokenSpan], gold: Iterable[TokenSpan]) -> tuple[Counts, Counts]:
    """Strict and overlap counts of predicted against gold token spans."""
    pred_l, gold_l = sorted(set(pred)), sorted(set(gold))
    gold_s, pred_s = set(gold_l), set(pred_l)
    strict = Counts(len(pred_s & gold_s), len(pred_s), len(pred_s & gold_s), len(gold_s))

    def touches(a: TokenSpan, b: TokenSpan) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    overlap = Counts(
        sum(1 for p in pred_l if any(touches(p, g) for g in gold_l)),
        len(pred_l),
        sum(1 for g in gold_l if any(touches(p, g) for p in pred_l)),
        len(gold_l),
    )
    return strict, overlap


def gold_ids(posting: Posting, extractor: SkillExtractor) -> set[str]:
    """Canonical ids of a posting's gold spans, by the taxonomy's alias table: the whole text as an
    alias, else the aliases written inside it ("Django-based", "C++ / Python"); unknown texts stay
    as their lower-cased text."""
    ids: set[str] = set()
    for a, b in posting.gold:
        text = " ".join(posting.tokens[a:b])
        known = canonical_id(text)
        if known:
            ids.add(known)
            continue
        inside = alias_matches(extractor, text)
        ids.update(inside or {text.lower().strip(" .,;:!?()")})
    return ids


def alias_matches(extractor: SkillExtractor, text: str) -> set[str]:
    """Skill ids whose aliases occur in a short text, longest match first, without context rules."""
    from spacy.util import filter_spans

    from pipeline.skills.component import CANDIDATES_KEY, MATCHER_FACTORY

    doc = extractor.nlp.get_pipe(MATCHER_FACTORY)(extractor.nlp.make_doc(text))
    candidates = doc.user_data.pop(CANDIDATES_KEY, [])
    spans = filter_spans([doc[c.start : c.end] for c in candidates])
    by_span = {(c.start, c.end): c.skill_id for c in candidates}
    return {by_span[(s.start, s.end)] for s in spans}


@dataclass
class Result:
    """Scores of one labelled set (span counts are None for sets labelled by posting only)."""

    name: str
    postings: int
    strict: Counts | None
    overlap: Counts | None
    posting_level: Counts


@dataclass(frozen=True)
class ToolReading:
    """One reading of bench/eval/hn_tools: the canonical tools a recorded HN post asks for."""

    id: int
    thread_id: int
    month: str
    split: str
    tools: frozenset[str]


def tools_split(post_id: int) -> str:
    """The fixed half of a read post: "dev" (rules may be tuned on its errors) or "test"."""
    return "test" if hashlib.sha256(str(post_id).encode("ascii")).digest()[0] % 2 else "dev"


def read_tool_labels(path: Path = TOOL_LABELS) -> list[ToolReading]:
    """The readings of bench/eval/hn_tools/labels.jsonl."""
    readings = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            post_id = int(row["id"])
            readings.append(
                ToolReading(
                    post_id,
                    int(row["thread_id"]),
                    row["month"],
                    tools_split(post_id),
                    frozenset(row["tools"]),
                )
            )
    return readings


def evaluate_readings(
    name: str, readings: Sequence[ToolReading], corpus: Path, extractor: SkillExtractor
) -> Result:
    """Posting-level scores of the extractor's tools (`TOOL_CATEGORIES`) against read posts, on the
    clean text the product extracts from (the recorded post's HTML through html_to_text)."""
    from jobtrends.text import html_to_text

    posts: dict[int, str] = {}
    for thread_id in sorted({r.thread_id for r in readings}):
        thread = json.loads((corpus / "items" / f"{thread_id}.json").read_text(encoding="utf-8"))
        posts.update((int(p["id"]), str(p.get("text") or "")) for p in thread.get("children") or ())
    skills = skills_by_id()
    level = Counts()
    texts = (html_to_text(posts[r.id]) for r in readings)
    for reading, mentions in zip(readings, extractor.extract_many(texts), strict=True):
        found = {m.skill_id for m in mentions if skills[m.skill_id].category in TOOL_CATEGORIES}
        hit = len(found & reading.tools)
        level.add(Counts(hit, len(found), hit, len(reading.tools)))
    return Result(name, len(readings), None, None, level)


def evaluate(
    name: str,
    postings: list[Posting],
    extractor: SkillExtractor,
    tech_only: bool,
    gold_of_every_category: bool = False,
) -> Result:
    """Score the extractor on labelled postings.

    With `tech_only` both sides are tools: predictions in `TOOL_CATEGORIES`, and gold spans
    except those the taxonomy knows as another category (a concept such as "Agile" or "UX
    Design", which the product never counts as a tool); a gold span the taxonomy does not know
    stays, a miss. `gold_of_every_category` keeps those other gold spans too, as misses that no
    tool-only prediction can find (the stricter, lopsided reading).
    """
    rendered = [render(p) for p in postings]
    skills = skills_by_id()
    strict, overlap, level = Counts(), Counts(), Counts()
    for posting, (_text, offsets), mentions in zip(
        postings, rendered, extractor.extract_many(t for t, _ in rendered), strict=True
    ):
        pred = [span for m in mentions if (span := to_token_span(offsets, m.start, m.end))]
        s, o = span_counts(pred, posting.gold)
        strict.add(s)
        overlap.add(o)
        found = {
            m.skill_id
            for m in mentions
            if not tech_only or skills[m.skill_id].category in TOOL_CATEGORIES
        }
        gold = gold_ids(posting, extractor)
        if tech_only and not gold_of_every_category:
            gold = {g for g in gold if g not in skills or skills[g].category in TOOL_CATEGORIES}
        hit = len(found & gold)
        level.add(Counts(hit, len(found), hit, len(gold)))
    return Result(name, len(postings), strict, overlap, level)


def table(results: Sequence[Result]) -> str:
    """A Markdown table of the results."""
    lines = [
        "| set | postings | strict P | strict R | strict F1 | overlap P | overlap R | overlap F1 | posting P | posting R | posting F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        spans = [*r.strict.prf(), *r.overlap.prf()] if r.strict and r.overlap else [None] * 6
        cells = [*spans, *r.posting_level.prf()]
        lines.append(
            f"| {r.name} | {r.postings} | "
            + " | ".join("–" if c is None else f"{c:.3f}" for c in cells)
            + " |"
        )
    return "\n".join(lines)


def run(
    eval_dir: Path,
    record: bool = True,
    write_accuracy: bool = True,
    corpus: Path = DEFAULT_CORPUS,
) -> list[Result]:
    """Evaluate on every labelled set found under eval_dir, and on the read HN posts when the
    recorded corpus is at hand; print and record the table.

    The HN TECH posting-level scores (tools and technologies, what the reports count) go to
    reports/accuracy.json; `record` also writes the table into BENCHMARKS.md.
    """
    extractor = SkillExtractor()
    results: list[Result] = []
    started = time.perf_counter()
    for split in ("dev", "train"):
        path = eval_dir / "skillspan" / f"{split}.json"
        if path.exists():
            postings = read_skillspan(path)
            results.append(
                evaluate(f"SkillSpan {split} KNOWLEDGE, all", postings, extractor, tech_only=False)
            )
            tech = [p for p in postings if p.source == "tech"]
            results.append(
                evaluate(f"SkillSpan {split} KNOWLEDGE, tech", tech, extractor, tech_only=False)
            )
    hn = eval_dir / "hn-tech" / "jobs_250.conll"
    if hn.exists():
        posts = read_hn(hn)
        results.append(evaluate("HN TECH, all", posts, extractor, tech_only=True))
        for half in ("dev", "test"):
            chosen = [p for p in posts if hn_half(p) == half]
            results.append(evaluate(f"HN TECH {half}", chosen, extractor, tech_only=True))
            results.append(
                evaluate(
                    f"HN TECH {half}, gold of every category",
                    chosen,
                    extractor,
                    tech_only=True,
                    gold_of_every_category=True,
                )
            )
    if (corpus / "items").is_dir() and TOOL_LABELS.exists():
        readings = read_tool_labels()
        for half in ("dev", "test"):
            chosen_readings = [r for r in readings if r.split == half]
            results.append(
                evaluate_readings(f"HN read tools {half}", chosen_readings, corpus, extractor)
            )
    out = table(results)
    print(out)
    print(f"({time.perf_counter() - started:.1f} s)")
    # the report prints the accuracy measured on the half the rules were not tuned on
    hn_result = next((r for r in results if r.name == "HN TECH test"), None)
    if write_accuracy and hn_result is not None:
        from bench.accuracy_file import record_skills
        from pipeline.skills import EXTRACTOR_VERSION as VERSION

        precision, recall, _f1 = hn_result.posting_level.prf()
        record_skills(
            VERSION,
            {"precision": round(precision, 4), "recall": round(recall, 4), "n": hn_result.postings},
        )
    if record and results:
        from pipeline.skills import EXTRACTOR_VERSION

        body = (
            "## Skill extraction quality (`make eval`, bench/eval_skills.py)\n\n"
            f"Extractor `{EXTRACTOR_VERSION}`. Span scores against SkillSpan KNOWLEDGE and HN TECH "
            "spans (strict: same tokens; overlap: a shared token); posting level: the set of canonical "
            "skills of a posting against its gold spans' canonical forms, micro-averaged (HN, whose TECH "
            "label marks tools and technologies: predictions in `TOOL_CATEGORIES`, the same split the "
            "product offers for tool-only counts, against gold spans except those the taxonomy knows as "
            'a concept, method or domain; the rows "gold of every category" keep those as misses). HN dev and test are fixed halves of the posts '
            "(by a hash of each post's tokens); rules are tuned on dev errors only.\n\n" + out
        )
        write_block("eval_skills", body)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry: `python bench/eval_skills.py [--eval-dir DIR] [--no-record]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=Path(os.environ.get("JOBTRENDS_EVAL_DIR", DEFAULT_EVAL_DIR)),
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="recorded HN threads (hn-algolia layout) holding the posts of bench/eval/hn_tools",
    )
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="print only; leave BENCHMARKS.md and reports/accuracy.json alone",
    )
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(
            f"skipped: no labelled sets at {args.eval_dir} (the shared evaluation material is absent)"
        )
        return 0
    run(
        args.eval_dir,
        record=not args.no_record,
        write_accuracy=not args.no_record,
        corpus=args.corpus,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
