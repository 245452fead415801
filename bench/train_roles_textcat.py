"""Train a statistical second opinion on HN role families and measure it against the rules.

One command: `python bench/train_roles_textcat.py [--corpus DIR] [--out DIR]`. It reads the dev
split of the hand-read posts (bench/eval/hn_roles) and their texts from the recorded HN corpus,
as bench/eval_roles.py does, and trains a spaCy `textcat_multilabel` over `spacy.blank("en")`
(CPU, fixed seed) with one label per family. `--cv` measures, by 5-fold cross-validation on the
dev split only (folds grouped by company, since companies repost the same text month after
month), the rules alone against "rules say yes or the model is sure enough" per family across
thresholds. `--test` trains once on the whole dev split and scores the chosen thresholds on the
test split (counts only; no test post is printed). `--out` saves the model trained on the dev split.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.eval_roles import (  # noqa: E402
    FAMILIES,
    LABELS,
    Reading,
    corpus_absent,
    corpus_parser,
    read_labels,
    read_posts,
)

SEED = 0
FOLDS = 5
# Thresholds swept by --cv (model probability at or above which a family the rules missed is added).
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)
# Precision a combination must keep on dev cross-validation for its threshold to be chosen.
MIN_PRECISION = 0.97
# Characters of a post the model reads: headers and lists of openings sit at the top.
MAX_CHARS = 3000
LEARN_RATE = 0.001
_SPACE = re.compile(r"\s+")
_PIECE = re.compile(r"\n|(?<=[.!?])\s+")
_HINT = re.compile(
    r"\b(?:ai|a\.i\.|ml|machine[- ]learning|deep learning|nlp|natural language|computer vision|"
    r"llms?|genai|generative|data scien\w*|scientists?|research\w*|models?|neural)\b",
    re.I,
)

ARCHITECTURES: dict[str, dict[str, Any]] = {
    # Bag of words and bigrams: a linear model over hashed n-grams.
    "bow": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 2**18,
    },
    # The same linear model beside a small CNN over hashed word embeddings.
    "ensemble": {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 64,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": [5000, 1000, 1000, 500],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 64,
                "window_size": 1,
                "maxout_pieces": 3,
                "depth": 2,
            },
        },
        "linear_model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": False,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 2**18,
        },
    },
}


@dataclass(frozen=True)
class Example:
    """One read post: the model's text, the families the rules found and the families read."""

    id: int
    group: str
    text: str
    rules: frozenset[str]
    gold: frozenset[str]


def focused(description_text: str) -> str:
    """The post's first line and the lines or sentences that name an AI or data-science subject."""
    pieces = _PIECE.split(description_text or "")
    kept = [pieces[0]] + [p for p in pieces[1:] if _HINT.search(p)]
    return "\n".join(kept)


def model_text(
    title: str | None,
    description_text: str,
    rule_families: Iterable[str],
    focus: bool = True,
    rules_tokens: bool = True,
) -> str:
    """The text the model reads: header and body, lower-cased and cut, then the rules' findings."""
    if focus:
        description_text = focused(description_text)
    body = _SPACE.sub(" ", f"{title or ''}\n{description_text or ''}").strip().lower()
    if not rules_tokens:
        return body[:MAX_CHARS] or "emptypost"  # thinc's n-grams fail on an empty doc
    found = " ".join(f"rulesfound{f.replace('_', '')}" for f in sorted(set(rule_families)))
    return f"{body[:MAX_CHARS]} {found or 'rulesfoundnothing'}"


def examples(
    readings: Iterable[Reading],
    posts: dict[int, dict[str, object]],
    focus: bool = True,
    rules_tokens: bool = True,
) -> list[Example]:
    """The posts of the given readings as the product sees them, with the rules' families."""
    from crawlers.parsing.hn_post import hn_posting
    from pipeline.roles import openings_of_posting

    out = []
    for reading in readings:
        record = hn_posting(
            posts[reading.id],
            source="hn_whoishiring",
            source_type="hn_whoishiring",
            thread_id=reading.thread_id,
            month=reading.month,
            board=str(reading.thread_id),
            run_id="train",
            fetched_at="2026-01-01T00:00:00Z",
        )
        title, body = record["title"], record["description_text"] or ""
        openings = openings_of_posting("hn_whoishiring", title, body)
        families = frozenset(o.role_family for o in openings)
        company = str(record.get("company") or "").lower().strip()
        out.append(
            Example(
                id=reading.id,
                group=company or str(reading.id),
                text=model_text(title, body, families, focus, rules_tokens),
                rules=families & frozenset(FAMILIES),
                gold=reading.families & frozenset(FAMILIES),
            )
        )
    return out


def train(
    data: Sequence[Example],
    architecture: str = "bow",
    epochs: int = 10,
    seed: int = SEED,
    learn_rate: float = LEARN_RATE,
    ngrams: int = 1,
) -> Any:
    """A blank English pipeline with a multi-label text classifier trained on `data`."""
    import spacy
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    model = json.loads(json.dumps(ARCHITECTURES[architecture]))
    (model.get("linear_model") or model)["ngram_size"] = ngrams
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    for family in FAMILIES:
        textcat.add_label(family)
    docs = list(nlp.tokenizer.pipe(e.text for e in data))
    train_set = [
        SpacyExample.from_dict(doc, {"cats": {f: float(f in e.gold) for f in FAMILIES}})
        for doc, e in zip(docs, data, strict=True)
    ]
    optimizer = nlp.initialize(lambda: train_set)
    optimizer.learn_rate = learn_rate
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(train_set)
        for batch in minibatch(train_set, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def probabilities(nlp: Any, texts: Iterable[str]) -> list[dict[str, float]]:
    """The model's probability of each family for each text."""
    return [dict(doc.cats) for doc in nlp.pipe(texts, batch_size=64)]


def fold_of(group: str, folds: int = FOLDS) -> int:
    """The cross-validation fold of a company (every post of a company in one fold)."""
    return zlib.crc32(group.encode("utf-8")) % folds


def cross_validate(
    data: Sequence[Example], folds: int = FOLDS, **training: Any
) -> list[dict[str, float]]:
    """Out-of-fold probabilities of every example, in the order of `data`."""
    found: list[dict[str, float]] = [{} for _ in data]
    for fold in range(folds):
        held = [i for i, e in enumerate(data) if fold_of(e.group, folds) == fold]
        held_set = set(held)
        nlp = train([e for i, e in enumerate(data) if i not in held_set], **training)
        for i, cats in zip(held, probabilities(nlp, (data[i].text for i in held)), strict=True):
            found[i] = cats
    return found


@dataclass(frozen=True)
class Counts:
    """True positives, predictions and gold posts of one family."""

    tp: int
    pred: int
    gold: int

    def precision(self) -> float:
        """Share of predicted posts that were read so (1.0 when none was predicted)."""
        return self.tp / self.pred if self.pred else 1.0

    def recall(self) -> float:
        """Share of read posts that were predicted (1.0 when none was read)."""
        return self.tp / self.gold if self.gold else 1.0


def counts(data: Sequence[Example], decisions: Iterable[bool], family: str) -> Counts:
    """Post-level counts of one family's decisions against the readings."""
    tp = pred = gold = 0
    for example, yes in zip(data, decisions, strict=True):
        read = family in example.gold
        tp += int(yes and read)
        pred += int(yes)
        gold += int(read)
    return Counts(tp, pred, gold)


def rules_or_model(
    data: Sequence[Example], probs: Sequence[dict[str, float]], family: str, threshold: float
) -> list[bool]:
    """Rules say yes, or the model's probability is at least `threshold`."""
    return [
        family in e.rules or p.get(family, 0.0) >= threshold
        for e, p in zip(data, probs, strict=True)
    ]


def rules_unless_model_sure_no(
    data: Sequence[Example], probs: Sequence[dict[str, float]], family: str, floor: float
) -> list[bool]:
    """Rules say yes and the model's probability is not below `floor`."""
    return [
        family in e.rules and p.get(family, 0.0) >= floor for e, p in zip(data, probs, strict=True)
    ]


def choose_threshold(
    data: Sequence[Example], probs: Sequence[dict[str, float]], family: str
) -> float | None:
    """The swept threshold that finds most posts while keeping MIN_PRECISION (fewest false
    positives, then the highest threshold, among equals); None when none beats the rules alone."""
    rules = counts(data, (family in e.rules for e in data), family)
    best: tuple[int, int, float] | None = None
    for threshold in THRESHOLDS:
        c = counts(data, rules_or_model(data, probs, family, threshold), family)
        if c.precision() >= MIN_PRECISION and c.tp > rules.tp:
            key = (c.tp, c.tp - c.pred, threshold)
            best = key if best is None or key > best else best
    return best[2] if best else None


def _cell(c: Counts) -> str:
    return f"{c.precision():.3f} | {c.recall():.3f} | {c.tp}/{c.gold} | {c.pred - c.tp}"


def cv_table(data: Sequence[Example], probs: Sequence[dict[str, float]], name: str) -> str:
    """Markdown table: rules alone against each combination and threshold, per family."""
    lines = [
        f"#### {name}: {len(data)} dev posts, {FOLDS} folds by company",
        "",
        "| family | decision | P | R | found/read | false + |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for family in FAMILIES:
        rules = counts(data, (family in e.rules for e in data), family)
        lines.append(f"| {family} | rules alone | {_cell(rules)} |")
        model = counts(data, (p.get(family, 0.0) >= 0.5 for p in probs), family)
        lines.append(f"| {family} | model alone >= 0.5 | {_cell(model)} |")
        for threshold in THRESHOLDS:
            c = counts(data, rules_or_model(data, probs, family, threshold), family)
            lines.append(f"| {family} | rules or model >= {threshold} | {_cell(c)} |")
        for floor in (0.02, 0.05, 0.1):
            c = counts(data, rules_unless_model_sure_no(data, probs, family, floor), family)
            lines.append(f"| {family} | rules unless model < {floor} | {_cell(c)} |")
        chosen = choose_threshold(data, probs, family)
        lines.append(f"| {family} | chosen threshold | {chosen} | | | |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry; see the module docstring."""
    parser = corpus_parser(__doc__.splitlines()[0], LABELS)
    parser.add_argument("--architecture", choices=sorted(ARCHITECTURES), default="bow")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--learn-rate", type=float, default=LEARN_RATE)
    parser.add_argument("--ngrams", type=int, default=1, help="n-gram size of the linear model")
    parser.add_argument(
        "--whole-post",
        action="store_true",
        help="read the whole post, not only the lines naming an AI or data-science subject",
    )
    parser.add_argument(
        "--no-rules-tokens",
        action="store_true",
        help="do not append the families the rules found to the model's text",
    )
    parser.add_argument("--cv", action="store_true", help="cross-validate on the dev split")
    parser.add_argument(
        "--test",
        nargs=len(FAMILIES),
        type=float,
        metavar="THRESHOLD",
        help=f"score these thresholds ({', '.join(FAMILIES)}) on the test split, once",
    )
    parser.add_argument("--out", type=Path, help="save the model trained on the whole dev split")
    args = parser.parse_args(argv)
    if corpus_absent(args.corpus):
        return 0
    started = time.perf_counter()
    readings = read_labels(args.labels)
    posts = read_posts(args.corpus, (r.thread_id for r in readings))
    focus = not args.whole_post
    tokens = not args.no_rules_tokens
    dev = examples([r for r in readings if r.split == "dev"], posts, focus, tokens)
    training = {
        "architecture": args.architecture,
        "epochs": args.epochs,
        "learn_rate": args.learn_rate,
        "ngrams": args.ngrams,
    }
    name = ", ".join(f"{k} {v}" for k, v in training.items())
    name += (", focused" if focus else ", whole post") + (", rules tokens" if tokens else "")
    if args.cv:
        probs = cross_validate(dev, **training)
        print(cv_table(dev, probs, name))
    if args.test or args.out:
        nlp = train(dev, **training)
        if args.out:
            nlp.to_disk(args.out)
            print(f"saved the model ({name}) trained on {len(dev)} dev posts to {args.out}")
        if args.test:
            test = examples([r for r in readings if r.split == "test"], posts, focus, tokens)
            probs = probabilities(nlp, (e.text for e in test))
            lines = ["| family | decision | P | R | found/read | false + |", "| --- " * 6 + "|"]
            for family, threshold in zip(FAMILIES, args.test, strict=True):
                rules = counts(test, (family in e.rules for e in test), family)
                both = counts(test, rules_or_model(test, probs, family, threshold), family)
                lines.append(f"| {family} | rules alone | {_cell(rules)} |")
                lines.append(f"| {family} | rules or model >= {threshold} | {_cell(both)} |")
            print(f"#### test split, {len(test)} posts ({name})\n\n" + "\n".join(lines))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
