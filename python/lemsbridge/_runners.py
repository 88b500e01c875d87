"""Runs lemsbridge commands: through one shared ``lemsbridge serve`` process, or one process per call."""

from __future__ import annotations

import atexit
import itertools
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import IO, List, Optional, Sequence

from ._java import java_command
from .errors import LemsbridgeError


@dataclass(frozen=True)
class Response:
    """What one command did: its exit code, what it printed, and for status 2 or 3 the error.

    Attributes:
        status: the exit code: 0 success, 1 a failed verdict or findings, 2 bad input, 3 internal error.
        stdout: what the command printed on stdout.
        stderr: what it printed on stderr.
        error: the error for status 2 or 3, else ``None``.
    """

    status: int
    stdout: str
    stderr: str
    error: Optional[LemsbridgeError] = None

    def raise_for_error(self) -> "Response":
        """Raises the error of a status 2 or 3; returns the response otherwise."""
        if self.error is not None:
            raise self.error
        return self


class ServeProcess:
    """One ``lemsbridge serve`` process; requests are answered one at a time, from any thread.

    Relative paths in arguments are resolved against the folder the server was started in, so callers pass absolute
    paths (the functions of this package do).
    """

    def __init__(self, command: Optional[Sequence[str]] = None) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._process = subprocess.Popen([*(command or java_command()), "serve"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)
        self.pid = self._process.pid

    @property
    def alive(self) -> bool:
        """Whether the process is still running."""
        return self._process.poll() is None

    def run(self, command: str, args: Sequence[str]) -> Response:
        """Runs ``command`` with ``args`` in the server and returns its response."""
        request_id = next(self._ids)
        line = json.dumps({"id": request_id, "command": command, "args": list(args)}) + "\n"
        with self._lock:
            stdin: IO[bytes] = self._process.stdin  # type: ignore[assignment]
            stdout: IO[bytes] = self._process.stdout  # type: ignore[assignment]
            try:
                stdin.write(line.encode("utf-8"))
                stdin.flush()
                answer = stdout.readline()
                while answer and not answer.startswith(b"{"):
                    # not a response: the JVM itself printed (an option in LEMSBRIDGE_JAVA_OPTS, say)
                    sys.stderr.write(answer.decode("utf-8", errors="replace"))
                    answer = stdout.readline()
            except (BrokenPipeError, OSError, ValueError):
                answer = b""
            except BaseException:
                # interrupted mid-exchange (KeyboardInterrupt, say): its answer would be taken for the next request's
                self._process.kill()
                raise
            if not answer.endswith(b"\n"):
                self._process.kill()
                raise LemsbridgeError(f"the lemsbridge serve process ended (exit code {self._process.wait()}) "
                                      f"while running {command}", code=3)
        response = json.loads(answer)
        if response.get("id") != request_id:
            raise LemsbridgeError(f"lemsbridge serve answered request {response.get('id')} instead of "
                                  f"{request_id}", code=3)
        return _response(response)

    def close(self, timeout: float = 10.0) -> None:
        """Ends the server: closes its input, so it stops after the request it is running, or kills it."""
        with self._lock:
            if self._process.stdin and not self._process.stdin.closed:
                try:
                    self._process.stdin.close()
                except OSError:
                    pass
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._process.stdout:
                self._process.stdout.close()


def _response(response: dict) -> Response:
    status = int(response["status"])
    stderr = response.get("stderr", "")
    error = response.get("error")
    return Response(status, response.get("stdout", ""), stderr,
                    LemsbridgeError.from_error(error, status, stderr) if error is not None else None)


def run_process(command: str, args: Sequence[str], java: Optional[Sequence[str]] = None) -> Response:
    """Runs one command in a process of its own (a new JVM), as the command line does."""
    java = java or java_command(command=command, arguments=args)
    completed = subprocess.run([*java, command, *args], stdin=subprocess.DEVNULL, capture_output=True)
    stdout = completed.stdout.decode("utf-8", errors="replace")
    stderr = completed.stderr.decode("utf-8", errors="replace")
    status = completed.returncode
    error = LemsbridgeError.from_stderr(stderr, status) if status >= 2 or status < 0 else None
    return Response(status, stdout, stderr, error)


class _SharedServer:
    """The interpreter's one serve process: started on first use, restarted if it died, closed at exit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._server: Optional[ServeProcess] = None
        self._owner = os.getpid()
        atexit.register(self.close)

    def get(self) -> ServeProcess:
        with self._lock:
            if self._server is not None and self._owner != os.getpid():
                self._server = None  # a forked child must not share its parent's pipes
            if self._server is None or not self._server.alive:
                if self._server is not None:
                    self._server.close()
                self._server = ServeProcess()
                self._owner = os.getpid()
            return self._server

    def close(self) -> None:
        with self._lock:
            server, self._server = self._server, None
        if server is not None and self._owner == os.getpid():
            server.close()


_SHARED = _SharedServer()

_MODE_VARIABLE = "LEMSBRIDGE_SERVE"


def shared_server() -> ServeProcess:
    """The interpreter's shared serve process, started if it is not running."""
    return _SHARED.get()


def close_shared_server() -> None:
    """Ends the shared serve process now (it is also ended when the interpreter exits)."""
    _SHARED.close()


def use_server(server: Optional[bool]) -> bool:
    """Whether a call goes through the shared server: ``server`` if given, else ``$LEMSBRIDGE_SERVE`` (0 = no)."""
    if server is not None:
        return server
    return os.environ.get(_MODE_VARIABLE, "1").strip().lower() not in ("0", "false", "no", "off")


def run(command: str, args: List[str], server: Optional[bool] = None) -> Response:
    """Runs a command through the shared server, or in a process of its own when ``server`` is false."""
    if use_server(server):
        return shared_server().run(command, args)
    return run_process(command, args)
