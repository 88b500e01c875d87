"""What the Python tests share: where things are, the command line run as a user runs it, and an exact reader."""

from __future__ import annotations

import array
import gzip
import json
import os
import shutil
import struct
import subprocess
from fractions import Fraction
import unittest
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import lemsbridge

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLES = REPOSITORY / "examples"
EX2_MODEL = EXAMPLES / "ex2-izhikevich" / "Ex2_Izh.xml"
EX2_REFERENCE = REPOSITORY / "reference-data" / "Ex2_Izh" / "Ex2_Izh_allcells.dat.gz"
EX2_MANIFEST = REPOSITORY / "reference-data" / "Ex2_Izh" / "manifest.json"
SHARED = Path(os.environ.get("LEMSBRIDGE_SHARED", REPOSITORY.parent / "shared")).resolve()
SHARED_SEEDS = SHARED / "docs" / "seed-examples"


def seed_experiments() -> List[Path]:
    """The project's seed experiments and, when ../shared is there, the seed examples it holds."""
    seeds = sorted(EXAMPLES.glob("*.yaml"))
    seeds = [seed for seed in seeds if seed.name != "suite.yaml"]
    if SHARED_SEEDS.is_dir():
        seeds += sorted(SHARED_SEEDS.glob("*.yaml"))
    return seeds


def require_java() -> None:
    """Skips the calling test module, with a message, when there is no java or no jar to run."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME") and not os.environ.get("LEMSBRIDGE_JAVA"):
        raise unittest.SkipTest("no java: the tests of the Python package need Java 17 and the lemsbridge jar")
    try:
        lemsbridge.find_jar()
    except lemsbridge.LemsbridgeError as error:
        raise unittest.SkipTest(f"no lemsbridge jar ({error}); build it with `mvn -B package`")


def command_line(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """``java -jar lemsbridge.jar ARGS`` in a process of its own, as a user runs the command line."""
    return subprocess.run(["java", "-XX:+UseSerialGC", "-jar", str(lemsbridge.find_jar()), *args], cwd=cwd,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def float32_bits(value: float) -> int:
    return struct.unpack("<I", struct.pack("<f", value))[0]


def _float32(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits & 0xFFFFFFFF))[0]


def exact_float32(token: str) -> int:
    """The bits of the float32 a decimal token stands for, as Java's ``Float.parseFloat`` reads it.

    The token is read as the nearest double d and then rounded to float32. That double rounding can only go wrong
    when d falls exactly on the midpoint between two float32 neighbours (rounding is monotonic, and every such
    midpoint is a double) while the decimal itself is not that midpoint (a decimal that is one exactly is a tie, which
    both round to even): this is checked for every token, so the answer is the correctly rounded float32.
    """
    double = float(token)
    rounded = float32_bits(double)
    value = _float32(rounded)
    if value != double and value == value and abs(value) != float("inf"):
        step = 1 if abs(double) > abs(value) else -1
        neighbour = _float32(rounded + step) if value != 0 else (double / abs(double)) * _float32(1)
        if double == (value + neighbour) / 2 and Fraction(token) != Fraction(double):
            raise AssertionError(f"{token} is read as a double on a float32 midpoint: rounding twice went wrong")
    return rounded


def read_dat_exactly(dat: Path, names: Sequence[str]) -> Dict[str, List[int]]:
    """A .dat's columns as float32 bits, the columns named in file order by ``names``."""
    opener = gzip.open if dat.name.endswith(".gz") else open
    with opener(dat, "rt", encoding="ascii") as handle:
        rows = [line.split() for line in handle if line.strip()]
    bits: Dict[str, List[int]] = {name: [] for name in names}
    cache: Dict[str, int] = {}
    for row in rows:
        if len(row) != len(names):
            raise AssertionError(f"{dat}: a row of {len(row)} values, not {len(names)}")
        for name, token in zip(names, row):
            value = cache.get(token)
            if value is None:
                value = cache[token] = exact_float32(token)
            bits[name].append(value)
    return bits


def sidecar_names(dat: Path) -> List[str]:
    with open(str(dat) + ".json", encoding="utf-8") as handle:
        return [column["name"] for column in json.load(handle)["columns"]]


def manifest_quantities(dat_name: str) -> List[str]:
    """The quantities of a reference file's columns, in file order, from reference-data's manifest."""
    with open(EX2_MANIFEST, encoding="utf-8") as handle:
        manifest = json.load(handle)
    for file in manifest["files"]:
        if file["file"] == dat_name:
            return [column["quantity"] for column in sorted(file["columns"], key=lambda column: column["index"])]
    raise AssertionError(f"the manifest has no {dat_name}")


def bits_of(column: Any) -> List[int]:
    """The float32 bits of every value of a trace column: a float32 numpy array or an array('f'), nothing else."""
    if isinstance(column, array.array):
        if column.typecode != "f":
            raise AssertionError(f"a column of array type {column.typecode!r}, not float32")
        return array.array("I", column.tobytes()).tolist()
    if str(column.dtype) != "float32":
        raise AssertionError(f"a column of dtype {column.dtype}, not float32")
    return column.view("uint32").tolist()


def same_files(left: Path, right: Path) -> Tuple[List[str], List[str]]:
    """The relative names of the files under two folders whose bytes differ, and the names only one has."""
    names_left = {p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file()}
    names_right = {p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file()}
    differing = sorted(name for name in names_left & names_right
                       if (left / name).read_bytes() != (right / name).read_bytes())
    return differing, sorted(names_left ^ names_right)
