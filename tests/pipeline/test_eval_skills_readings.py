"""The read HN tool labels of bench/eval/hn_tools and their posting-level score."""

from __future__ import annotations

import json
from pathlib import Path

from bench import eval_skills
from bench.eval_skills import ToolReading
from pipeline.skills import SkillExtractor, canonical_id, skills_by_id

# Read tools the taxonomy has no entry for, by their lower-case names.
LABELS_THE_TAXONOMY_LACKS = frozenset(
    {
        "abseil",
        "apple pay",
        "asio",
        "azure iot hub",
        "azure stream analytics",
        "azure time series insights",
        "cadence virtuoso",
        "caf",
        "catch2",
        "cereal",
        "fmt",
        "h5py",
        "hdf5",
        "highfive",
        "owl",
        "pybind11",
        "range-v3",
        "rdf",
        "rum",
        "shark",
        "siemens calibre",
        "spdlog",
        "synopsys design compiler",
    }
)


def test_split_is_fixed_by_id_and_about_half() -> None:
    splits = [eval_skills.tools_split(i) for i in range(40_000_000, 40_004_000)]
    assert 0.45 < splits.count("test") / len(splits) < 0.55
    assert eval_skills.tools_split(6141739) == "test"
    assert eval_skills.tools_split(6319046) == "dev"


def test_labels_carry_ids_and_known_canonical_ids_only() -> None:
    readings = eval_skills.read_tool_labels()
    assert len(readings) == 126
    assert len({r.id for r in readings}) == 126
    assert {r.split for r in readings} == {"dev", "test"}
    ids = skills_by_id()
    lacking: set[str] = set()
    for line in eval_skills.TOOL_LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert set(row) == {"id", "thread_id", "month", "split", "tools"}  # no post text
        assert row["split"] == eval_skills.tools_split(row["id"])
        for tool in row["tools"]:
            # a taxonomy id, or a tool the taxonomy lacks written as its lower-case name; never
            # an alias of a known tool (that is the tool's id)
            assert canonical_id(tool) in (tool, None) and tool == tool.lower()
            assert tool in ids or tool in LABELS_THE_TAXONOMY_LACKS
            lacking.update({tool} - set(ids))
    assert lacking == LABELS_THE_TAXONOMY_LACKS


def test_readings_are_scored_on_the_recorded_posts(
    tmp_path: Path, extractor: SkillExtractor
) -> None:
    thread = {
        "id": 1,
        "children": [
            {"id": 11, "text": "Acme | Remote<p>We use Python, Django and Postgres."},
            {"id": 12, "text": "Widgets Inc | Berlin<p>Email your resume and GitHub."},
        ],
    }
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "1.json").write_text(json.dumps(thread), encoding="utf-8")
    readings = [
        ToolReading(
            11, 1, "2024-05", "dev", frozenset({"python", "django", "postgresql", "redis"})
        ),
        ToolReading(12, 1, "2024-05", "dev", frozenset()),
    ]
    result = eval_skills.evaluate_readings("read", readings, tmp_path, extractor)
    assert result.strict is None and result.overlap is None
    level = result.posting_level
    assert (level.tp_p, level.pred, level.tp_r, level.gold) == (3, 3, 3, 4)
    assert "| read | 2 | – | – | – | – | – | – | 1.000 | 0.750 | 0.857 |" in eval_skills.table(
        [result]
    )


def test_tool_scores_leave_out_gold_the_taxonomy_files_as_no_tool(
    extractor: SkillExtractor,
) -> None:
    tokens = "We build with Python and Agile and Frobnicator".split()
    # gold: Python (a tool), Agile (a methodology), Frobnicator (unknown to the taxonomy)
    posting = eval_skills.Posting(tokens, [(3, 4), (5, 6), (7, 8)], "hn")
    tools = eval_skills.evaluate("t", [posting], extractor, tech_only=True)
    every = eval_skills.evaluate(
        "e", [posting], extractor, tech_only=True, gold_of_every_category=True
    )
    level = tools.posting_level
    # Agile leaves the gold; the unknown tool stays, a miss
    assert (level.tp_p, level.pred, level.tp_r, level.gold) == (1, 1, 1, 2)
    level = every.posting_level
    assert (level.tp_p, level.pred, level.tp_r, level.gold) == (1, 1, 1, 3)
