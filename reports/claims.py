"""The ten claims of the metrics definition, as skill groups, and the rule that gives a verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Direction = Literal["ai_more", "ds_more", "similar"]
Verdict = Literal["supported", "contradicted", "mixed", "not enough data"]

Z95 = 1.959963984540054
# "Similar rates" holds when the whole 95% interval of the difference lies within this many
# percentage points of zero; it is contradicted when the whole interval lies outside it.
SIMILAR_MARGIN = 0.10


@dataclass(frozen=True)
class ClaimPart:
    """One comparison inside a claim: a group of skills and which role should ask more for it."""

    label: str
    direction: Direction
    terms: tuple[
        str, ...
    ]  # skill ids (lowercase slugs) or display names, matched case-insensitively


@dataclass(frozen=True)
class Claim:
    """A claim from the received wisdom about the two roles, tested part by part."""

    number: int
    text: str
    parts: tuple[ClaimPart, ...]


CLAIMS: tuple[Claim, ...] = (
    Claim(
        1,
        "AI engineers ask more for software delivery (CI/CD, DevOps, Docker, Kubernetes, Terraform).",
        (
            ClaimPart(
                "software delivery",
                "ai_more",
                (
                    "ci-cd",
                    "ci/cd",
                    "continuous integration",
                    "devops",
                    "docker",
                    "kubernetes",
                    "terraform",
                ),
            ),
        ),
    ),
    Claim(
        2,
        "AI engineers ask more for cloud platforms (AWS, Google Cloud, Azure).",
        (
            ClaimPart(
                "cloud platforms",
                "ai_more",
                (
                    "aws",
                    "amazon web services",
                    "google-cloud",
                    "google cloud",
                    "gcp",
                    "azure",
                    "microsoft azure",
                ),
            ),
        ),
    ),
    Claim(
        3,
        "AI engineers ask more for lower-level languages (C++, Java); data scientists more for R and SQL.",
        (
            ClaimPart("C++ or Java", "ai_more", ("cpp", "c-plus-plus", "c++", "java")),
            ClaimPart("R or SQL", "ds_more", ("r", "r-language", "sql")),
        ),
    ),
    Claim(
        4,
        "Data scientists ask more for statistics (statistical analysis, hypothesis testing, A/B testing, experimentation).",
        (
            ClaimPart(
                "statistics",
                "ds_more",
                (
                    "statistics",
                    "statistical-analysis",
                    "statistical analysis",
                    "hypothesis-testing",
                    "hypothesis testing",
                    "a-b-testing",
                    "a/b testing",
                    "experimentation",
                    "experimental-design",
                    "experimental design",
                ),
            ),
        ),
    ),
    Claim(
        5,
        "Data scientists ask more for data libraries (pandas, NumPy, scikit-learn) and notebooks (Jupyter).",
        (
            ClaimPart(
                "data libraries and notebooks",
                "ds_more",
                (
                    "pandas",
                    "numpy",
                    "scikit-learn",
                    "jupyter",
                    "jupyter notebook",
                    "jupyter-notebook",
                ),
            ),
        ),
    ),
    Claim(
        6,
        "Data scientists ask more for visualisation and BI tools (Matplotlib, Seaborn, Tableau, Power BI).",
        (
            ClaimPart(
                "visualisation and BI",
                "ds_more",
                ("matplotlib", "seaborn", "tableau", "power-bi", "power bi"),
            ),
        ),
    ),
    Claim(
        7,
        "Data scientists ask more for statistics packages (Stata, MATLAB, SPSS, SAS).",
        (ClaimPart("statistics packages", "ds_more", ("stata", "matlab", "spss", "sas")),),
    ),
    Claim(
        8,
        "AI engineers ask more for model serving and optimisation (deployment, APIs, latency, quantization, model compression, ONNX, TensorRT).",
        (
            ClaimPart(
                "serving and optimisation",
                "ai_more",
                (
                    "model-deployment",
                    "model deployment",
                    "deployment",
                    "model-serving",
                    "model serving",
                    "apis",
                    "api",
                    "rest-api",
                    "rest api",
                    "rest apis",
                    "latency",
                    "low-latency",
                    "quantization",
                    "model-compression",
                    "model compression",
                    "onnx",
                    "tensorrt",
                ),
            ),
        ),
    ),
    Claim(
        9,
        "AI engineers ask more for LLM tooling (OpenAI, Anthropic, LangChain, RAG, vector databases, fine-tuning).",
        (
            ClaimPart(
                "LLM tooling",
                "ai_more",
                (
                    "openai",
                    "openai-api",
                    "openai api",
                    "anthropic",
                    "langchain",
                    "rag",
                    "retrieval-augmented-generation",
                    "retrieval-augmented generation",
                    "vector-database",
                    "vector-databases",
                    "vector database",
                    "vector databases",
                    "fine-tuning",
                    "fine tuning",
                ),
            ),
        ),
    ),
    Claim(
        10,
        "Both roles ask for Python and for the ML frameworks (PyTorch, TensorFlow) at similar rates.",
        (
            ClaimPart("Python", "similar", ("python",)),
            ClaimPart("PyTorch or TensorFlow", "similar", ("pytorch", "tensorflow")),
        ),
    ),
)


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of k successes in n trials."""
    if n <= 0:
        return (math.nan, math.nan)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def difference_interval(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float, float]:
    """p1 - p2 with Newcombe's hybrid score 95% interval (from the two Wilson intervals)."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    diff = p1 - p2
    return (
        diff,
        diff - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
        diff + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    )


def part_verdict(direction: Direction, low: float, high: float) -> Verdict:
    """Verdict of one part from the interval of (AI engineer share - data scientist share)."""
    if direction == "similar":
        if -SIMILAR_MARGIN <= low and high <= SIMILAR_MARGIN:
            return "supported"
        if low > SIMILAR_MARGIN or high < -SIMILAR_MARGIN:
            return "contradicted"
        return "not enough data"
    sign = 1 if direction == "ai_more" else -1
    lo, hi = sorted((sign * low, sign * high))
    if lo > 0:
        return "supported"
    if hi < 0:
        return "contradicted"
    return "not enough data"


def combine_verdicts(verdicts: list[Verdict]) -> Verdict:
    """A claim holds when every part holds and fails when every part fails; parts that disagree,
    or some conclusive and some not, make it mixed; no conclusive part, not enough data."""
    conclusive = [v for v in verdicts if v in ("supported", "contradicted")]
    if not conclusive:
        return "not enough data"
    if len(conclusive) == len(verdicts) and len(set(conclusive)) == 1:
        return conclusive[0]
    return "mixed"
