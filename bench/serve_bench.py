#!/usr/bin/env python3
"""Benchmark (issue 19): N simulate calls of a seed experiment through one `lemsbridge serve` vs N processes.

    python3 bench/serve_bench.py [--calls 100] [--seed examples/izhikevich-tonic.yaml] [--out bench/serve-results.md]

Run from the project root after `./lemsbridge --version` (which builds target/lemsbridge.jar and records the
launcher's class-data-sharing archive, used by every process below). Three ways, each timed as a whole (wall clock
from before the first call to after the last, server start-up and shut-down included):

- python, serve: lemsbridge.simulate(seed, out) N times through the shared serve process (reads the traces);
- python, a process per call: the same with server=False, a new JVM per call (reads the traces);
- shell, ./lemsbridge simulate: the launcher N times from bash, as a shell loop would (reads nothing).

Every call's traces are checked equal to the first's, bit for bit.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

import lemsbridge  # noqa: E402  (the package under python/, with this checkout's jar)


def fingerprint(traces: lemsbridge.Traces) -> Dict[str, bytes]:
    """Each column's float32 bytes (numpy arrays and array('f') both have tobytes)."""
    return {name: column.tobytes() for name, column in traces.items()}


def timed(calls: int, one_call: Callable[[int], None], before: Callable[[], None] = lambda: None,
          after: Callable[[], None] = lambda: None) -> Dict[str, float]:
    """Whole wall time of `before`, `calls` calls and `after`, plus the first call and the median of the rest."""
    each: List[float] = []
    start = time.perf_counter()
    before()
    for index in range(calls):
        began = time.perf_counter()
        one_call(index)
        each.append(time.perf_counter() - began)
    after()
    return {"whole": time.perf_counter() - start, "first": each[0],
            "median": statistics.median(each[1:]) if calls > 1 else each[0]}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    load = " ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"nproc {os.cpu_count()}, CPU {cpu}, Python {platform.python_version()}"
            f"{' with numpy' if lemsbridge._traces.numpy is not None else ''}, JVM {java[0] if java else '?'},"
            f" load average at start {load}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--seed", default="examples/izhikevich-tonic.yaml")
    parser.add_argument("--out", default=None, help="also write the results table here (Markdown)")
    options = parser.parse_args()
    seed = (ROOT / options.seed).resolve()
    header = machine()
    print(header, flush=True)

    with tempfile.TemporaryDirectory() as folder:
        outputs = Path(folder)
        expected = fingerprint(lemsbridge.simulate(seed, outputs / "expected", server=False))

        def through(server: bool) -> Callable[[int], None]:
            def call(index: int) -> None:
                traces = lemsbridge.simulate(seed, outputs / f"{'serve' if server else 'process'}{index}",
                                             server=server)
                if fingerprint(traces) != expected:
                    raise SystemExit(f"call {index} gave other traces")
            return call

        def launcher(index: int) -> None:
            subprocess.run([str(ROOT / "lemsbridge"), "simulate", str(seed), "-o", str(outputs / f"shell{index}")],
                           check=True, capture_output=True)

        lemsbridge.close_shared_server()
        rows = [("python, one serve process", timed(options.calls, through(True),
                                                    after=lemsbridge.close_shared_server)),
                ("python, a process per call", timed(options.calls, through(False))),
                ("shell, ./lemsbridge simulate", timed(options.calls, launcher))]

    serve_whole = rows[0][1]["whole"]
    lines = [f"Machine: {header}", "",
             f"{options.calls} x simulate {options.seed} (40001 rows x 3 columns written and, from Python, read):", "",
             "| run by | whole wall s | first call s | median call s | vs serve |", "|---|---|---|---|---|"]
    for name, result in rows:
        lines.append(f"| {name} | {result['whole']:.2f} | {result['first']:.3f} | {result['median']:.3f} |"
                     f" {result['whole'] / serve_whole:.1f}x |")
    table = "\n".join(lines) + "\n"
    print(table)
    if options.out:
        Path(options.out).write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
