"""The shared serve process: one per interpreter, safe from several threads, restarted if it died, closed at exit."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from typing import Dict, List

import lemsbridge

from tests import _support
from tests._support import EXAMPLES, bits_of


def setUpModule() -> None:
    _support.require_java()


def fingerprint(traces: lemsbridge.Traces) -> Dict[str, List[int]]:
    return {name: bits_of(column) for name, column in traces.items()}


class SharedServerTest(unittest.TestCase):

    def test_threads_share_one_server_and_each_gets_its_own_answer(self) -> None:
        seeds = [EXAMPLES / "izhikevich-tonic.yaml", EXAMPLES / "izhikevich-burst.yaml"]
        expected = [fingerprint(lemsbridge.simulate(seed)) for seed in seeds]
        self.assertNotEqual(expected[0], expected[1])
        pid = lemsbridge.shared_server().pid
        results: Dict[int, Dict[str, List[int]]] = {}
        failures: List[BaseException] = []

        def work(index: int) -> None:
            try:
                results[index] = fingerprint(lemsbridge.simulate(seeds[index % 2]))
            except BaseException as failure:  # reported below, in the test's thread
                failures.append(failure)

        threads = [threading.Thread(target=work, args=(index,)) for index in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        self.assertEqual([], failures)
        for index in range(6):
            self.assertEqual(expected[index % 2], results[index], index)
        self.assertEqual(pid, lemsbridge.shared_server().pid, "one server for the whole interpreter")

    def test_a_server_that_died_is_replaced_on_the_next_call(self) -> None:
        server = lemsbridge.shared_server()
        os.kill(server.pid, 9)
        deadline = time.monotonic() + 30
        while server.alive and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual([], lemsbridge.validate(EXAMPLES / "izhikevich-tonic.yaml"))
        self.assertNotEqual(server.pid, lemsbridge.shared_server().pid)

    def test_a_server_that_ends_mid_request_is_an_internal_error(self) -> None:
        quitter = lemsbridge.ServeProcess([sys.executable, "-c", "import sys; sys.stdin.readline()"])
        with self.assertRaises(lemsbridge.LemsbridgeError) as raised:
            quitter.run("validate", ["x.yaml"])
        self.assertEqual(3, raised.exception.code)
        self.assertIn("the lemsbridge serve process ended", str(raised.exception))
        quitter.close()

    def test_lines_the_jvm_prints_on_stdout_are_not_taken_for_responses(self) -> None:
        previous = os.environ.get("LEMSBRIDGE_JAVA_OPTS")
        os.environ["LEMSBRIDGE_JAVA_OPTS"] = "-XX:+PrintCommandLineFlags"  # printed on stdout before serve starts
        try:
            command = lemsbridge.java_command()
        finally:
            if previous is None:
                del os.environ["LEMSBRIDGE_JAVA_OPTS"]
            else:
                os.environ["LEMSBRIDGE_JAVA_OPTS"] = previous
        server = lemsbridge.ServeProcess(command)
        try:
            response = server.run("validate", [str(EXAMPLES / "izhikevich-tonic.yaml")])
        finally:
            server.close()
        self.assertEqual((0, "", ""), (response.status, response.stdout, response.stderr))

    def test_the_server_is_closed_when_the_interpreter_exits(self) -> None:
        script = ("import lemsbridge, sys\n"
                  f"lemsbridge.validate({str(EXAMPLES / 'izhikevich-tonic.yaml')!r})\n"
                  "print(lemsbridge.shared_server().pid)\n")
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                               env=environment)
        self.assertEqual(0, child.returncode, child.stderr)
        pid = int(child.stdout.strip())
        deadline = time.monotonic() + 30
        while _running(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertFalse(_running(pid), f"serve process {pid} outlived its interpreter")

    def test_one_process_per_call_starts_no_server(self) -> None:
        lemsbridge.close_shared_server()
        with tempfile.TemporaryDirectory() as folder:
            lemsbridge.simulate(EXAMPLES / "izhikevich-tonic.yaml", folder, server=False)
        previous = os.environ.get("LEMSBRIDGE_SERVE")
        os.environ["LEMSBRIDGE_SERVE"] = "0"
        try:
            self.assertEqual([], lemsbridge.validate(EXAMPLES / "izhikevich-tonic.yaml"))
        finally:
            if previous is None:
                del os.environ["LEMSBRIDGE_SERVE"]
            else:
                os.environ["LEMSBRIDGE_SERVE"] = previous
        from lemsbridge import _runners
        self.assertIsNone(_runners._SHARED._server, "no call started the shared server")


def _running(pid: int) -> bool:
    """Whether a process is alive (a zombie, which has ended, counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False


if __name__ == "__main__":
    unittest.main()
