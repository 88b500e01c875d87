"""A TVBO-shaped entry point: run an experiment YAML and get time plus named traces with units."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any, Dict, List, Optional, Union

from ._api import simulate
from ._traces import Traces

PathLike = Union[str, "os.PathLike[str]"]


class ExperimentResult(Dict[str, Any]):
    """``{"time": array, "traces": {name: array}, "units": {name: unit}, "time_unit": "s", "source": ...}``.

    ``time`` is in seconds, as TVBO's NeuroML backend gives it; ``traces`` hold the recorded variables by name
    (float32 values, exactly as simulated) and ``units`` their units (``"1"`` for dimensionless).
    :meth:`to_xarray` gives the ``DataArray`` TVBO's backends return.
    """

    @property
    def variables(self) -> List[str]:
        """The names of the traces, in file order."""
        return list(self["traces"])

    def to_xarray(self) -> Any:
        """An ``xarray.DataArray`` with dims ``(time, variable)``: coordinate ``time`` in seconds, ``variable`` the
        trace names and, along it, ``unit``; needs xarray installed.

        Raises:
            ImportError: xarray is not installed.
        """
        import xarray

        names = self.variables
        rows = len(self["time"])
        data: Any
        try:
            import numpy

            data = numpy.column_stack([numpy.asarray(self["traces"][name]) for name in names]) if names \
                else numpy.zeros((rows, 0), dtype=numpy.float32)
        except ImportError:
            data = [[self["traces"][name][row] for name in names] for row in range(rows)]
        return xarray.DataArray(data, dims=("time", "variable"),
                                coords={"time": ("time", self["time"], {"units": self["time_unit"]}),
                                        "variable": names,
                                        "unit": ("variable", [self["units"][name] for name in names])},
                                name=self.get("source") or "lemsbridge", attrs={"backend": "lemsbridge"})


def run_experiment(experiment: Union[PathLike, str], *, seed: Optional[int] = None,
                   server: Optional[bool] = None) -> ExperimentResult:
    """Runs a TVBO SimulationExperiment, given as a YAML file or as YAML text, with lemsbridge's simulator.

    Args:
        experiment: a path to the experiment YAML, or the YAML itself (a string with a line break); text is run from
            a temporary file, so ``!include`` in it has nothing beside it to find.
        seed: overrides the random seed.
        server: run in the shared serve process (default) or, when false, in a process of its own.

    Returns:
        Time plus named traces and units (see :class:`ExperimentResult`).

    Raises:
        LemsbridgeError: the experiment is bad input (at its ``file:line:col``).
    """
    if isinstance(experiment, str) and "\n" in experiment and not os.path.exists(experiment):
        folder = tempfile.mkdtemp(prefix="lemsbridge-experiment-")
        try:
            path = os.path.join(folder, "experiment.yaml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(experiment)
            return _result(simulate(path, seed=seed, server=server), "<text>")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _result(simulate(experiment, seed=seed, server=server), os.fspath(experiment))


def _result(traces: Traces, source: str) -> ExperimentResult:
    names = list(traces)
    time_name, variables = names[0], names[1:]
    return ExperimentResult(time=traces[time_name], traces={name: traces[name] for name in variables},
                            units={name: traces.units[name] for name in variables},
                            time_unit=traces.units[time_name], source=source)
