"""One serve process answers 1000 mixed requests, 10% of them malformed, and its memory stays flat."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import lemsbridge

from tests import _support
from tests._support import EX2_MODEL, EX2_REFERENCE, EXAMPLES, same_files

REQUESTS = 1000
SAMPLE_EVERY = 100
SETTLED = 300  # requests after which the JVM has warmed up: memory is compared from here on


def setUpModule() -> None:
    _support.require_java()


def rss_mib(pid: int) -> Optional[float]:
    """The resident set size of a process in MiB, from /proc (None where there is no /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


MALFORMED = [
    '{"id": 1, "command": "simulate", "args": [',
    '["validate", "x.yaml"]',
    'not json at all',
    '{"id": 2, "comand": "validate", "args": []}',
    '{"id": 3, "command": "simlate", "args": []}',
    '{"id": 4, "command": "validate", "args": "x.yaml"}',
    '\x00\x01\x02 binary',
    '{"id": 5, "command": "validate"} {"id": 6}',
    '{"id": 7}',
    '"just a string"',
]


def retained_heap_mib(pid: int) -> Optional[float]:
    """The serial collector's old generation after a full collection, in MiB (None without jcmd or that collector)."""
    jcmd = shutil.which("jcmd")
    if jcmd is None:
        return None
    subprocess.run([jcmd, str(pid), "GC.run"], capture_output=True, timeout=120)
    info = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=120).stdout
    match = re.search(r"tenured generation\s+total \d+K, used (\d+)K", info)
    return int(match.group(1)) / 1024 if match else None


class SoakTest(unittest.TestCase):

    def test_a_thousand_mixed_requests_with_one_in_ten_malformed(self) -> None:
        tonic = str(EXAMPLES / "izhikevich-tonic.yaml")
        with tempfile.TemporaryDirectory() as folder:
            first = Path(folder) / "first"
            lemsbridge.simulate(tonic, first)
            short = Path(folder) / "short.yaml"  # the tonic seed for 20 ms: most simulations are small and quick
            short.write_text(Path(tonic).read_text(encoding="utf-8").replace("duration: 200.0", "duration: 20.0"),
                             encoding="utf-8")
            short_first = Path(folder) / "short-first"
            self.assertEqual(4001, lemsbridge.simulate(short, short_first).rows)
            well_formed: List[Tuple[str, List[str], int]] = [
                ("render", [tonic], 0),
                ("validate", [str(EX2_MODEL), tonic, "--format", "json"], 0),
                ("compare", [str(EX2_REFERENCE), str(first / "IzhikevichCell.dat"), "--columns", "izpopTonic[0]/v=v",
                             "--candidate-unit", "v=mV", "--tier", "exact", "--format", "json"], 0),
                ("import", [str(EX2_MODEL), "-o", str(Path(folder) / "imported")], 0),
                ("simulate", [str(Path(folder) / "missing.yaml")], 2),
                ("compare", [str(EX2_REFERENCE), str(EX2_REFERENCE), "--tier", "perfect"], 2),
                ("simulate", ["--no-such-option"], 2),
                ("simulate", [tonic, "-o", "{run}"], 0),  # its own folder, compared with the first run's files
                ("simulate", [str(short), "-o", "{short}"], 0),  # likewise, with the first short run's
                ("validate", [str(short)], 0),
            ]
            process = subprocess.Popen([*lemsbridge.java_command(), "serve"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE)
            samples: Dict[int, Optional[float]] = {}
            retained: Dict[int, Optional[float]] = {}
            statuses: Dict[int, int] = {}
            try:
                for number in range(1, REQUESTS + 1):
                    if number % 10 == 0:
                        line = MALFORMED[(number // 10) % len(MALFORMED)]
                        expected_status, expected_id = 2, None
                    else:
                        command, args, expected_status = well_formed[(number - number // 10) % len(well_formed)]
                        args = [arg.format(run=Path(folder) / f"run{number}", short=Path(folder) / f"short{number}")
                                for arg in args]
                        line = json.dumps({"id": number, "command": command, "args": args})
                        expected_id = number
                    process.stdin.write(line.encode("utf-8", errors="surrogateescape") + b"\n")
                    process.stdin.flush()
                    response = json.loads(process.stdout.readline())
                    if expected_id is not None:
                        self.assertEqual(expected_id, response["id"], line)
                    self.assertEqual(expected_status, response["status"], f"{line}\n{response}")
                    statuses[response["status"]] = statuses.get(response["status"], 0) + 1
                    if number % SAMPLE_EVERY == 0:
                        samples[number] = rss_mib(process.pid)
                        if number in (SETTLED, REQUESTS):
                            retained[number] = retained_heap_mib(process.pid)
            finally:
                process.stdin.close()
                exit_code = process.wait(60)
                process.stdout.close()
            self.assertEqual(0, exit_code, "serve ends normally at the end of its input")
            for run in sorted(Path(folder).glob("run*")):
                self.assertEqual(([], []), same_files(first, run), run.name)
            for run in sorted(Path(folder).glob("short[0-9]*")):
                self.assertEqual(([], []), same_files(short_first, run), run.name)

        self.assertEqual(REQUESTS, sum(statuses.values()))
        self.assertGreaterEqual(statuses[2], 100)
        print(f"\nserve after {REQUESTS} requests: statuses {dict(sorted(statuses.items()))}; RSS MiB by requests "
              + ", ".join(f"{number}: {value:.0f}" for number, value in samples.items() if value is not None)
              + "; old generation after a full GC, MiB: "
              + ", ".join(f"{number}: {value:.1f}" for number, value in retained.items() if value is not None))
        if retained[SETTLED] is not None and retained[REQUESTS] is not None:
            self.assertLessEqual(retained[REQUESTS], retained[SETTLED] + 8, "live data grew: something is kept")
        if samples[SETTLED] is None:
            self.skipTest("no /proc here: RSS not measured")
        self.assertLessEqual(max(value for number, value in samples.items() if number >= SETTLED),
                             samples[SETTLED] * 1.25, "the resident set grew by more than a quarter after warm-up")


if __name__ == "__main__":
    unittest.main()
