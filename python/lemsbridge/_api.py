"""The commands as Python functions: the same options, results as Python values, errors as LemsbridgeError."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from ._runners import run
from ._traces import Traces, read_traces
from .errors import LemsbridgeError

PathLike = Union[str, "os.PathLike[str]"]

_WROTE = re.compile(r"^wrote (?P<path>.+) \((?P<rows>\d+) rows\)$")


def _path(path: PathLike) -> str:
    """An absolute path: the server resolves relative ones against its own working folder, not the caller's."""
    return os.path.abspath(os.fspath(path))


def _includes(include: Iterable[PathLike]) -> List[str]:
    args: List[str] = []
    for folder in include:
        args += ["-I", _path(folder)]
    return args


def _models(models: Optional[PathLike]) -> List[str]:
    return [] if models is None else ["--models", _path(models)]


def render(experiment: PathLike, output: Optional[PathLike] = None, *, neuroml: bool = False,
           models: Optional[PathLike] = None, server: Optional[bool] = None) -> str:
    """Renders a TVBO experiment YAML into LEMS, as ``lemsbridge render``.

    Args:
        experiment: the experiment YAML file (or a model file of TVBO's database, as one node with TVBO's
            default integration).
        output: where to write the LEMS as well (written completely or not at all).
        neuroml: write idiomatic NeuroML where the dynamics is a NeuroML core type (``--neuroml``).
        models: the model library ``iri: tvbo:NAME`` refers to (``--models``), e.g. a TVBO checkout's
            ``database/models``.
        server: run in the shared serve process (default) or, when false, in a process of its own.

    Returns:
        The LEMS document.

    Raises:
        LemsbridgeError: the experiment cannot be rendered (``file:line:col`` in the YAML).
    """
    args = [_path(experiment)] + (["--neuroml"] if neuroml else []) + _models(models)
    if output is None:
        return run("render", args, server).raise_for_error().stdout
    run("render", args + ["-o", _path(output)], server).raise_for_error()
    with open(output, encoding="utf-8") as handle:
        return handle.read()


def simulate(model: PathLike, output_dir: Optional[PathLike] = None, *, include: Sequence[PathLike] = (),
             seed: Optional[int] = None, displays: bool = False, output: Optional[str] = None,
             models: Optional[PathLike] = None, server: Optional[bool] = None) -> Traces:
    """Simulates a LEMS/NeuroML file or an experiment YAML, as ``lemsbridge simulate``, and reads one output file.

    Args:
        model: a LEMS/NeuroML ``.xml``/``.nml``, an experiment ``.yaml``, or a model file of TVBO's database
            (run as one node with TVBO's default integration).
        output_dir: the folder for the output files (``-o``); by default a temporary folder, removed once read.
        include: folders searched for ``<Include>``d files (``-I``).
        seed: overrides the Simulation's random seed (``--seed``).
        displays: also write each Display as ``DISPLAY_ID.dat`` (``--displays``).
        output: the file name (``Ex2_Izh_allcells.dat``) of the output file to read; by default the first written.
        models: the model library ``iri: tvbo:NAME`` refers to (``--models``).
        server: run in the shared serve process (default) or, when false, in a process of its own.

    Returns:
        The output file's columns by name, read through its sidecar, with units (see :class:`Traces`).

    Raises:
        LemsbridgeError: the model is bad input, or it wrote no output file named ``output``.
    """
    files = simulate_files(model, output_dir, include=include, seed=seed, displays=displays, models=models,
                           server=server)
    if not files:
        raise LemsbridgeError("the simulation wrote no output file with named columns", file=_path(model), code=2,
                              hint="give the Simulation an OutputFile, or use displays=True for its Displays")
    if output is None:
        return next(iter(files.values()))
    if output not in files:
        raise LemsbridgeError(f"the simulation wrote no output file {output!r}; it wrote {', '.join(files)}",
                              file=_path(model), code=2)
    return files[output]


def simulate_files(model: PathLike, output_dir: Optional[PathLike] = None, *, include: Sequence[PathLike] = (),
                   seed: Optional[int] = None, displays: bool = False, models: Optional[PathLike] = None,
                   server: Optional[bool] = None) -> Dict[str, Traces]:
    """As :func:`simulate`, returning every output file that has a sidecar, by file name, in the order written."""
    temporary = output_dir is None
    folder = tempfile.mkdtemp(prefix="lemsbridge-") if temporary else _path(output_dir)  # type: ignore[arg-type]
    try:
        args = [_path(model), *_includes(include), *_models(models), "-o", folder]
        if seed is not None:
            args += ["--seed", str(int(seed))]
        if displays:
            args.append("--displays")
        response = run("simulate", args, server).raise_for_error()
        files: Dict[str, Traces] = {}
        for line in response.stdout.splitlines():
            match = _WROTE.match(line)
            if match is None or not os.path.isfile(match["path"] + ".json"):
                continue  # event files have no sidecar: they hold spike times, not columns
            traces = read_traces(match["path"])
            if temporary:
                traces.file = None
            files[os.path.basename(match["path"])] = traces
        return files
    finally:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)


class Comparison(Dict[str, Any]):
    """The JSON that ``lemsbridge compare --format json`` prints, as a dict: the verdict and, per column, the metrics
    (``rmse``, ``maxAbsError``, ``pearson``, spike times, ...)."""

    @property
    def passed(self) -> bool:
        """Whether the verdict reached the required tier."""
        return bool(self["verdict"]["passed"])

    @property
    def tier(self) -> str:
        """The verdict's tier: ``exact``, ``strict``, ``tolerant`` or ``fail``."""
        return str(self["verdict"]["tier"])

    @property
    def metrics(self) -> Dict[str, Dict[str, Any]]:
        """Each compared column's metrics, by the reference column's quantity."""
        return {column["quantity"]: column for column in self["columns"]}


def compare(reference: PathLike, candidate: PathLike, *,
            columns: Union[None, Mapping[str, str], Sequence[str]] = None,
            candidate_units: Optional[Mapping[str, str]] = None, reference_units: Optional[Mapping[str, str]] = None,
            ref_lems: Optional[PathLike] = None, include: Sequence[PathLike] = (), tier: str = "tolerant",
            rtol: Optional[float] = None, atol: Optional[float] = None, exact_rel: Optional[float] = None,
            min_corr: Optional[float] = None, spike_threshold: Optional[float] = None,
            server: Optional[bool] = None) -> Comparison:
    """Compares a candidate trace with a reference by column name, as ``lemsbridge compare --format json``.

    Args:
        reference: the reference trace (``.dat``, ``.csv``, optionally ``.gz``).
        candidate: the candidate trace.
        columns: the columns to compare, ``{reference: candidate}`` or ``["REF=CAND", "NAME", "REF=CAND*SCALE"]``;
            by default every reference column the candidate has by name.
        candidate_units: units of candidate columns whose file declares none or the wrong one (``{"v": "mV"}``).
        reference_units: likewise for reference columns.
        ref_lems: the LEMS file whose OutputFile wrote the reference, to name its columns.
        include: folders searched for the ``ref_lems``'s includes.
        tier: the verdict required to pass: ``exact``, ``strict`` or ``tolerant``.
        rtol, atol, exact_rel, min_corr, spike_threshold: tolerances, as the command's options.
        server: run in the shared serve process (default) or, when false, in a process of its own.

    Returns:
        The comparison; a failed verdict is a result (``passed`` false), not an error.

    Raises:
        LemsbridgeError: a trace cannot be read, a column is missing, an option is wrong.
    """
    args = [_path(reference), _path(candidate), "--tier", tier, "--format", "json"]
    pairs = [f"{ref}={cand}" for ref, cand in columns.items()] if isinstance(columns, Mapping) else list(columns or ())
    for pair in pairs:
        args += ["--columns", pair]
    for option, units in (("--candidate-unit", candidate_units), ("--reference-unit", reference_units)):
        for column, unit in (units or {}).items():
            args += [option, f"{column}={unit}"]
    if ref_lems is not None:
        args += ["--ref-lems", _path(ref_lems), *_includes(include)]
    for option, value in (("--rtol", rtol), ("--atol", atol), ("--exact-rel", exact_rel),
                          ("--min-corr", min_corr), ("--spike-threshold", spike_threshold)):
        if value is not None:
            args += [option, repr(float(value))]
    response = run("compare", args, server).raise_for_error()
    return Comparison(json.loads(response.stdout))


@dataclass(frozen=True)
class Finding:
    """One validation finding, as ``file:line:col: severity CODE: message``.

    Attributes:
        file, line, column: where it is.
        code: the stable code (``LB101``); name: its short name; severity: ``error`` or ``warning``.
        message: what is wrong; hint: how to fix it, or ``None``.
    """

    file: str
    line: int
    column: int
    code: str
    name: str
    severity: str
    message: str
    hint: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.code}: {self.message}"


def validate(*files: PathLike, include: Sequence[PathLike] = (), schema: Optional[PathLike] = None,
             models: Optional[PathLike] = None, server: Optional[bool] = None) -> List[Finding]:
    """Checks LEMS/NeuroML files and experiment YAMLs without running them, as ``lemsbridge validate``.

    Returns:
        Every finding of every file, in order; an empty list when all are valid.

    Raises:
        LemsbridgeError: a file cannot be read at all (malformed, unsafe, missing), at its place.
    """
    args = [_path(file) for file in files] + _includes(include) + _models(models) + ["--format", "json"]
    if schema is not None:
        args += ["--schema", _path(schema)]
    response = run("validate", args, server)
    if response.status >= 2 and response.stdout.strip():
        report = json.loads(response.stdout)
        for file in report["files"]:
            if file.get("error") is not None:
                error = dict(file["error"], file=file["error"]["location"])
                raise LemsbridgeError.from_error(error, response.status, response.stderr)
    response.raise_for_error()
    findings: List[Finding] = []
    for file in json.loads(response.stdout)["files"]:
        for finding in file["findings"]:
            findings.append(Finding(finding["location"], finding["line"], finding["column"], finding["code"],
                                    finding["name"], finding["severity"], finding["message"], finding.get("hint")))
    return findings


@dataclass(frozen=True)
class Imported:
    """What ``import`` wrote: one experiment YAML per population member, and the members it refused.

    Attributes:
        files: the YAML files written.
        problems: one error per member that could not be imported exactly (not raised).
    """

    files: List[Path]
    problems: List[LemsbridgeError]


def import_model(model: PathLike, output_dir: PathLike, *, include: Sequence[PathLike] = (),
                 server: Optional[bool] = None) -> Imported:
    """Imports a LEMS/NeuroML model as TVBO experiment YAMLs, as ``lemsbridge import``.

    Raises:
        LemsbridgeError: the model cannot be read.
    """
    response = run("import", [_path(model), *_includes(include), "-o", _path(output_dir)], server)
    response.raise_for_error()
    files = [Path(line[len("wrote "):]) for line in response.stdout.splitlines() if line.startswith("wrote ")]
    problems = [LemsbridgeError.from_line(line, code=response.status) for line in response.stderr.splitlines()
                if line.strip() and not line.startswith("  ")]
    return Imported(files, problems)
