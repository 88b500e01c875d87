"""Finds the lemsbridge jar and the java that runs it."""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path
from typing import List, Optional, Sequence

from .errors import LemsbridgeError

_HERE = Path(__file__).resolve().parent

#: Where a wheel puts the jar it bundles.
BUNDLED_JAR = _HERE / "_jar" / "lemsbridge.jar"

#: Where ``mvn package`` puts the jar, seen from a source checkout (``python/lemsbridge`` -> ``target``).
CHECKOUT_JAR = _HERE.parent.parent / "target" / "lemsbridge.jar"

#: The launcher's options: the serial collector suits a command-line tool on a small machine, with a young generation
#: of at most 80 MB; C2 (the optimising compiler) starts ten times later than by default and compiles loops in the
#: middle of a call only after 10 000 000 back-edges, except in the run's step loop and the .dat formatter, and
#: except for the generated stepping code, whose parts it compiles each on its own, as in ./lemsbridge; no display
#: needed.
JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:MaxNewSize=80m", "-XX:Tier4InvocationThreshold=50000",
               "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
               "-XX:Tier4BackEdgeThreshold=10000000", "-XX:CompileCommand=quiet",
               "-XX:CompileCommand=CompileThresholdScaling,org.lemsbridge.sim.Simulator::run,0.04",
               "-XX:CompileCommand=CompileThresholdScaling,org.lemsbridge.trace.DatWriter::format,0.04",
               "-XX:CompileCommand=CompileThresholdScaling,org.lemsbridge.sim.GeneratedClass$Code*::*,0.1",
               "-XX:CompileCommand=dontinline,org.lemsbridge.sim.GeneratedClass$Code*::part*",
               "-Djava.awt.headless=true"]


def huge_page_options(setting: Path = Path("/sys/kernel/mm/transparent_hugepage/enabled")) -> list:
    """``-XX:+UseTransparentHugePages`` where the kernel grants them on request, as ./lemsbridge passes it."""
    try:
        mode = setting.read_text()
    except OSError:
        return []
    return ["-XX:+UseTransparentHugePages"] if "[always]" in mode or "[madvise]" in mode else []


def find_jar() -> Path:
    """The jar to run: ``$LEMSBRIDGE_JAR`` if set, else the one bundled next to this package, else the checkout's.

    Raises:
        LemsbridgeError: when none of them exists.
    """
    configured = os.environ.get("LEMSBRIDGE_JAR")
    if configured:
        jar = Path(configured).expanduser()
        if not jar.is_file():
            raise LemsbridgeError("LEMSBRIDGE_JAR names no file", file=str(jar), code=2)
        return jar.resolve()
    for jar in (BUNDLED_JAR, CHECKOUT_JAR):
        if jar.is_file():
            return jar
    raise LemsbridgeError(f"no lemsbridge jar: none is bundled at {BUNDLED_JAR} and none was built at "
                          f"{CHECKOUT_JAR}", hint="build it with `mvn -B package` or set LEMSBRIDGE_JAR", code=2)


def find_java() -> str:
    """``$LEMSBRIDGE_JAVA``, else ``$JAVA_HOME/bin/java``, else ``java`` on the PATH (Java 17 or later)."""
    configured = os.environ.get("LEMSBRIDGE_JAVA")
    if configured:
        return configured
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise LemsbridgeError("no java on the PATH: lemsbridge needs Java 17 or later",
                              hint="install a JDK or set JAVA_HOME or LEMSBRIDGE_JAVA", code=2)
    return found


def java_command(jar: Optional[Path] = None, command: Optional[str] = None,
                 arguments: Sequence[str] = ()) -> List[str]:
    """The command line that runs lemsbridge, up to and excluding the command: ``java OPTIONS -jar JAR``.

    Uses one of the launcher's archives beside the jar when this java recorded it and it is newer than the jar, as
    ``./lemsbridge`` chooses it for ``command`` and its ``arguments``: for simulate, the one for a YAML experiment
    (``lemsbridge-simulate-yaml``) or for a LEMS file (``lemsbridge-simulate``), else the one for every command
    (``lemsbridge``); each ``.aot``, an ahead-of-time cache, or ``.jsa``, a class-data-sharing archive. Adds
    ``$LEMSBRIDGE_JAVA_OPTS``.
    """
    jar = jar or find_jar()
    java = find_java()
    name = jar.stem
    if command == "simulate":
        yaml = any(str(argument).lower().endswith((".yaml", ".yml")) for argument in arguments)
        name += "-simulate-yaml" if yaml else "-simulate"
    command_line = [java, *JVM_OPTIONS, *huge_page_options(), *_archive_options(java, jar, name)]
    command_line += shlex.split(os.environ.get("LEMSBRIDGE_JAVA_OPTS", ""))
    return command_line + ["-jar", str(jar)]


def _archive_options(java: str, jar: Path, name: str) -> List[str]:
    """The options that map the launcher's archive ``name`` + ``.aot`` or ``.jsa`` beside ``jar``, or none when there
    is none this java recorded for that jar.

    The launcher writes beside each archive a stamp (``.jvm``): the java binary that recorded it, a tab, its version.
    Java 17 refuses an ahead-of-time cache option outright, so an archive is only named to the java that made it.
    """
    java_path = shutil.which(java) or java
    for suffix, options in ((".aot", ["-XX:AOTCache={}", "-Xlog:aot=off", "-Xlog:cds=off"]),
                            (".jsa", ["-XX:SharedArchiveFile={}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"])):
        archive = jar.with_name(name + suffix)
        stamp = archive.with_name(archive.name + ".jvm")
        try:
            recorded_by = stamp.read_text(encoding="utf-8").split("\t", 1)[0].strip()
            if archive.stat().st_mtime >= jar.stat().st_mtime and os.path.samefile(java_path, recorded_by):
                return [option.format(archive) for option in options]
        except (OSError, ValueError):
            continue
    return []
