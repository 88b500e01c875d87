"""lemsbridge from Python: render, simulate, compare, validate and import through one long-lived JVM.

Every function runs the command of the same name with the same options. By default calls go through one shared
``lemsbridge serve`` process per interpreter (started on first use, closed at exit, safe to call from several
threads); ``server=False`` or ``LEMSBRIDGE_SERVE=0`` runs each call in a process of its own instead. The jar is
``$LEMSBRIDGE_JAR`` if set, else the one bundled in the wheel, else a source checkout's ``target/lemsbridge.jar``.
Failures raise :class:`LemsbridgeError` with ``file``, ``line``, ``column`` and ``code`` (the exit code).
"""

from ._api import Comparison, Finding, Imported, compare, import_model, render, simulate, simulate_files, validate
from ._experiment import ExperimentResult, run_experiment
from ._java import find_jar, java_command
from ._runners import Response, ServeProcess, close_shared_server, run_process, shared_server
from ._traces import Traces, read_traces
from ._version import __version__
from .errors import LemsbridgeError

__all__ = [
    "Comparison", "ExperimentResult", "Finding", "Imported", "LemsbridgeError", "Response", "ServeProcess", "Traces",
    "__version__", "close_shared_server", "compare", "find_jar", "import_model", "java_command", "read_traces",
    "render", "run_experiment", "run_process", "shared_server", "simulate", "simulate_files", "validate",
]
