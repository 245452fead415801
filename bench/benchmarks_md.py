"""BENCHMARKS.md: each bench script owns the block between <!-- name --> and <!-- /name -->."""

from __future__ import annotations

import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def write_block(name: str, body: str, path: Path = BENCHMARKS) -> None:
    """Replace (or append) the block between <!-- name --> and <!-- /name --> of BENCHMARKS.md."""
    block = f"<!-- {name} -->\n{body.rstrip()}\n<!-- /{name} -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"<!-- {re.escape(name)} -->.*?<!-- /{re.escape(name)} -->", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
