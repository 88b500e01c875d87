"""The one exception type the package raises for a failed command."""

from __future__ import annotations

import re
from typing import Optional

_ONE_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$")
# a file that could not be read or written: named by its path alone, with no line and column
_IO_FAILURE = re.compile(r"^(?P<file>.+?): (?P<message>cannot (?:read|write): .*)$")
_IO_MESSAGE = re.compile(r"^cannot (?:read|write): ")


class LemsbridgeError(Exception):
    """A command failed: bad input (``code`` 2) or an internal error (``code`` 3).

    Attributes:
        file: the file the problem is in (``None`` when none is known, as for a usage error).
        line: its 1-based line, 0 when unknown.
        column: its 1-based column, 0 when unknown.
        code: the command's exit code: 2 bad input or usage, 3 internal error.
        message: what is wrong, one line.
        hint: how to fix it, or ``None``.
        stderr: everything the command printed on stderr.

    ``str(error)`` is the command line's own one-line message, ``file:line:col: message`` (``path: cannot read:
    reason`` or ``cannot write`` for a file that could not be read or written).
    """

    def __init__(self, message: str, *, file: Optional[str] = None, line: int = 0, column: int = 0,
                 code: int = 2, hint: Optional[str] = None, stderr: str = "") -> None:
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
        self.hint = hint
        self.stderr = stderr
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``file:line:col: message`` as the command line prints it (only the message when no file is known)."""
        if self.file is None:
            return self.message
        if self.line == 0 and self.column == 0 and _IO_MESSAGE.match(self.message):
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    @classmethod
    def from_error(cls, error: dict, code: int, stderr: str) -> "LemsbridgeError":
        """From the ``error`` object of a ``serve`` response."""
        return cls(error.get("message") or "failed", file=error.get("file"), line=int(error.get("line") or 0),
                   column=int(error.get("column") or 0), code=code, hint=error.get("hint"), stderr=stderr)

    @classmethod
    def from_stderr(cls, stderr: str, code: int) -> "LemsbridgeError":
        """From what a command printed on stderr: its first line, ``file:line:col: message``, and a hint line."""
        lines = [line for line in stderr.splitlines() if line.strip()]
        if not lines:
            return cls(f"the command failed with exit code {code} and printed nothing", code=code, stderr=stderr)
        hint = lines[1][len("  hint: "):] if len(lines) > 1 and lines[1].startswith("  hint: ") else None
        return cls.from_line(lines[0], code=code, hint=hint, stderr=stderr)

    @classmethod
    def from_line(cls, line: str, code: int, hint: Optional[str] = None, stderr: str = "") -> "LemsbridgeError":
        """From one ``file:line:col: message`` line (a line without a place becomes the message alone)."""
        match = _ONE_LINE.match(line)
        if match is None:
            failure = _IO_FAILURE.match(line)
            if failure is not None:
                return cls(failure["message"], file=failure["file"], code=code, hint=hint, stderr=stderr)
            return cls(line, code=code, hint=hint, stderr=stderr)
        return cls(match["message"], file=match["file"], line=int(match["line"]), column=int(match["column"]),
                   code=code, hint=hint, stderr=stderr)
