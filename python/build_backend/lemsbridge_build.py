"""A PEP 517 build backend, standard library only, that builds the lemsbridge wheel with the jar inside.

``pip wheel python/`` uses it with no network: it needs nothing installed (``requires = []``), where setuptools would
need the ``wheel`` package, which this machine's Python 3.11 lacks. The wheel holds the ``lemsbridge`` package and
``lemsbridge/_jar/lemsbridge.jar``, taken from ``$LEMSBRIDGE_JAR`` or else ``../target/lemsbridge.jar`` (built by
``mvn -B package``).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

NAME = "lemsbridge"
SUMMARY = "lemsbridge from Python: TVBO experiment YAML and LEMS/NeuroML through one long-lived JVM"
REQUIRES_PYTHON = ">=3.8"
TAG = "py3-none-any"  # the jar is platform independent; a Java 17 runtime is needed beside it

_PROJECT = Path(__file__).resolve().parent.parent


def _version() -> str:
    text = (_PROJECT / "lemsbridge" / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise RuntimeError("lemsbridge/_version.py has no __version__")
    return match.group(1)


def _jar() -> Path:
    configured = os.environ.get("LEMSBRIDGE_JAR")
    jar = Path(configured) if configured else _PROJECT.parent / "target" / "lemsbridge.jar"
    if not jar.is_file():
        raise RuntimeError(f"no lemsbridge jar at {jar}: run `mvn -B package` first (or set LEMSBRIDGE_JAR)")
    return jar


def _metadata(version: str) -> str:
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version}\nSummary: {SUMMARY}\n"
            f"Requires-Python: {REQUIRES_PYTHON}\nProvides-Extra: numpy\nRequires-Dist: numpy; extra == 'numpy'\n"
            f"Provides-Extra: xarray\nRequires-Dist: xarray; extra == 'xarray'\n")


def _wheel_file() -> str:
    return f"Wheel-Version: 1.0\nGenerator: lemsbridge_build\nRoot-Is-Purelib: true\nTag: {TAG}\n"


def _contents() -> List[Tuple[str, bytes]]:
    """The package's files (no caches, no bundled jar of an earlier build) and the jar, by archive name."""
    entries: List[Tuple[str, bytes]] = []
    package = _PROJECT / "lemsbridge"
    for file in sorted(package.rglob("*")):
        relative = file.relative_to(_PROJECT).as_posix()
        if file.is_file() and "__pycache__" not in relative and not relative.startswith(f"{NAME}/_jar/"):
            entries.append((relative, file.read_bytes()))
    entries.append((f"{NAME}/_jar/lemsbridge.jar", _jar().read_bytes()))
    return entries


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def _dist_info(version: str) -> Dict[str, bytes]:
    return {"METADATA": _metadata(version).encode(), "WHEEL": _wheel_file().encode(),
            "top_level.txt": f"{NAME}\n".encode()}


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[dict] = None) -> str:
    version = _version()
    dist_info = f"{NAME}-{version}.dist-info"
    folder = Path(metadata_directory) / dist_info
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in _dist_info(version).items():
        (folder / name).write_bytes(data)
    return dist_info


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    version = _version()
    dist_info = f"{NAME}-{version}.dist-info"
    wheel_name = f"{NAME}-{version}-{TAG}.whl"
    entries = _contents() + [(f"{dist_info}/{name}", data) for name, data in _dist_info(version).items()]
    record = "".join(_record_line(name, data) + "\n" for name, data in entries) + f"{dist_info}/RECORD,,\n"
    target = Path(wheel_directory) / wheel_name
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries + [(f"{dist_info}/RECORD", record.encode())]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    partial.replace(target)
    return wheel_name
