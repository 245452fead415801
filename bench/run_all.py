"""`make bench`: run every bench/*.py script in turn and head BENCHMARKS.md with machine and date.

Each script prints its figures and writes its own <!-- name --> block of BENCHMARKS.md; this
runner adds a <!-- run_all --> block naming the machine, the date, and each script's status and
wall time. `--quick` passes each known script a small size so the whole round takes minutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
MARK = "run_all"
QUICK_ARGS = {
    "bench_pipeline": ["--sizes", "2000,20000"],
    "bench_load": ["--postings", "100000"],
    "bench_report": ["--postings", "100000"],
}


def scripts() -> list[Path]:
    """Every benchmark script in bench/, this runner excluded, in name order."""
    return sorted(
        p
        for p in BENCH.glob("*.py")
        if p.name != Path(__file__).name and not p.name.startswith("_")
    )


def machine() -> str:
    """One line describing this machine: CPU, cores, memory, OS and Python."""
    memory = ""
    try:
        import psutil

        memory = f", {psutil.virtual_memory().total / 2**30:.1f} GiB RAM"
    except ImportError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def write_block(text: str, path: Path) -> None:
    """Put the run_all block right under the title of BENCHMARKS.md (replacing an older one)."""
    block = f"<!-- {MARK} -->\n{text.rstrip()}\n<!-- /{MARK} -->"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"\n*<!-- {MARK} -->.*?<!-- /{MARK} -->\n*", re.S)
    rest = pattern.sub("\n\n", old).strip()
    title, _, body = rest.partition("\n")
    new = (
        f"{title}\n\n{block}\n\n{body.strip()}\n"
        if title.startswith("# ")
        else f"# Benchmarks\n\n{block}\n\n{rest}\n"
    )
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    """Run the scripts, then write the machine/date block; exit 1 when any script failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a fast round")
    parser.add_argument(
        "--only", action="append", default=None, help="run only this script (repeatable)"
    )
    args = parser.parse_args(argv)
    results: list[tuple[str, int, float]] = []
    for script in scripts():
        name = script.stem
        if args.only and name not in args.only:
            continue
        command = [sys.executable, str(script)] + (QUICK_ARGS.get(name, []) if args.quick else [])
        print(f"== {name}: {' '.join(command[1:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, check=False).returncode
        results.append((name, code, time.perf_counter() - started))
    lines = [
        f"Run by `make bench` (bench/run_all.py{' --quick' if args.quick else ''}) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"Machine: {machine()}.",
        "",
        "| script | status | wall time s |",
        "| --- | --- | ---: |",
    ]
    lines += [
        f"| {name} | {'ok' if code == 0 else f'FAILED (exit {code})'} | {seconds:.1f} |"
        for name, code, seconds in results
    ]
    write_block("\n".join(lines), ROOT / "BENCHMARKS.md")
    print("\n".join(lines))
    return 1 if any(code != 0 for _, code, _ in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
