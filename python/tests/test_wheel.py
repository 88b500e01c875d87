"""`pip wheel python/` builds a wheel bundling the jar, offline; installed into a fresh venv it runs the seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path

import lemsbridge

from tests import _support
from tests._support import EXAMPLES, bits_of

PACKAGE_SOURCE = Path(__file__).resolve().parents[1]


def setUpModule() -> None:
    _support.require_java()


def offline_environment(**extra: str) -> dict:
    """This environment with pip kept off every index, and without the test run's own jar and import path."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("LEMSBRIDGE_JAR", "PYTHONPATH") and not key.startswith("PIP_")}
    environment.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return environment


class WheelTest(unittest.TestCase):

    def test_the_wheel_bundles_the_jar_and_runs_from_a_fresh_virtual_environment(self) -> None:
        jar = lemsbridge.find_jar()
        with tempfile.TemporaryDirectory() as folder:
            wheels = Path(folder) / "wheels"
            build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(PACKAGE_SOURCE), "--no-deps",
                                    "--no-index", "-w", str(wheels)], capture_output=True, text=True,
                                   env=offline_environment(LEMSBRIDGE_JAR=str(jar)), timeout=600)
            self.assertEqual(0, build.returncode, build.stdout + build.stderr)
            (wheel,) = wheels.glob("lemsbridge-*-py3-none-any.whl")
            with zipfile.ZipFile(wheel) as archive:
                self.assertEqual(jar.read_bytes(), archive.read("lemsbridge/_jar/lemsbridge.jar"))
                self.assertIn(f"lemsbridge-{lemsbridge.__version__}.dist-info/RECORD", archive.namelist())

            environment = Path(folder) / "venv"
            created = subprocess.run([sys.executable, "-m", "venv", str(environment)], capture_output=True,
                                     text=True, timeout=600)
            if created.returncode != 0:
                self.skipTest(f"python3 -m venv is not available here: {created.stderr.strip()[-300:]}")
            python = environment / ("Scripts" if os.name == "nt" else "bin") / "python"
            install = subprocess.run([str(python), "-m", "pip", "install", "--no-index", str(wheel)],
                                     capture_output=True, text=True, env=offline_environment(), timeout=600)
            self.assertEqual(0, install.returncode, install.stdout + install.stderr)

            script = ("import array, json, lemsbridge\n"
                      f"traces = lemsbridge.simulate({str(EXAMPLES / 'izhikevich-tonic.yaml')!r})\n"
                      "bits = {name: array.array('I', array.array('f', column).tobytes()).tolist()\n"
                      "        for name, column in traces.items()}\n"
                      "print(json.dumps({'jar': str(lemsbridge.find_jar()), 'type': type(traces['v']).__module__,\n"
                      "                  'bits': bits}))\n")
            run = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=folder,
                                 env=offline_environment(), timeout=600)
            self.assertEqual(0, run.returncode, run.stderr)
            answer = json.loads(run.stdout)
            bundled = Path(answer["jar"]).resolve()
            self.assertIn(environment.resolve(), bundled.parents, "the jar is found inside the installed package")
            self.assertEqual(("lemsbridge", "_jar", "lemsbridge.jar"), bundled.parts[-3:])
            self.assertEqual("array", answer["type"], "a fresh venv has no numpy: the standard library's array")
            expected = lemsbridge.simulate(EXAMPLES / "izhikevich-tonic.yaml")
            self.assertEqual({name: bits_of(column) for name, column in expected.items()}, answer["bits"])


if __name__ == "__main__":
    unittest.main()
