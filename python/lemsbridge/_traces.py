"""Reads a ``.dat`` that lemsbridge wrote, through its ``.dat.json`` sidecar: columns by name, with units."""

from __future__ import annotations

import array
import gzip
import io
import json
from pathlib import Path
from typing import Any, Dict, Optional, Union

from .errors import LemsbridgeError

try:  # numpy is used when it is installed; the package itself needs only the standard library
    import numpy
except ImportError:  # pragma: no cover - depends on the environment
    numpy = None  # type: ignore[assignment]

PathLike = Union[str, "os.PathLike[str]"]


class Traces(Dict[str, Any]):
    """The columns of one output file by name (``{"t": ..., "v": ..., "U": ...}``), time first, in file order.

    Each value holds the float32 values of the ``.dat`` exactly: a ``numpy.ndarray`` of dtype float32 when numpy is
    installed, else an ``array.array('f')``.

    Attributes:
        units: each column's unit as the sidecar gives it (``"s"``, ``"V"``, ``"1"`` for dimensionless).
        quantities: each column's recorded quantity (``"izpopTonic[0]/v"``).
        file: the ``.dat`` file read, or ``None`` once a temporary output folder was removed.
        rows: the number of rows.
    """

    def __init__(self, columns: Dict[str, Any], units: Dict[str, str], quantities: Dict[str, str],
                 file: Optional[str], rows: int) -> None:
        super().__init__(columns)
        self.units = units
        self.quantities = quantities
        self.file = file
        self.rows = rows

    @property
    def time(self) -> Any:
        """The time column (the first), in seconds."""
        return next(iter(self.values()))


def sidecar_path(dat: Path) -> Path:
    """``x.dat -> x.dat.json`` (``x.dat.gz -> x.dat.json``), as lemsbridge names sidecars."""
    name = dat.name[:-3] if dat.name.endswith(".gz") else dat.name
    return dat.with_name(name + ".json")


def read_traces(dat: PathLike) -> Traces:
    """Reads ``dat`` with the column names and units of its sidecar; never guesses a column by position.

    Raises:
        LemsbridgeError: when the sidecar is missing or does not describe the file.
    """
    dat = Path(dat)
    sidecar_file = sidecar_path(dat)
    if not sidecar_file.is_file():
        raise LemsbridgeError("no sidecar names the columns of this file", file=str(dat),
                              hint=f"lemsbridge writes {sidecar_file.name} beside every .dat it writes", code=2)
    with open(sidecar_file, encoding="utf-8") as handle:
        sidecar = json.load(handle)
    columns = sidecar.get("columns")
    if not isinstance(columns, list) or not columns:
        raise LemsbridgeError("the sidecar has no \"columns\" array", file=str(sidecar_file), line=1, column=1)
    names = [str(column["name"]) for column in columns]
    if len(set(names)) != len(names):
        raise LemsbridgeError("the sidecar names two columns alike", file=str(sidecar_file), line=1, column=1)
    opener = gzip.open if dat.name.endswith(".gz") else open
    with opener(dat, "rb") as handle:
        text = handle.read()
    try:
        values = _floats(text)
    except ValueError:
        raise LemsbridgeError("the file is not a table of numbers", file=str(dat), code=2) from None
    width = len(names)
    if len(values) % width != 0:
        raise LemsbridgeError(f"the file holds {len(values)} values, not a whole number of rows of {width} columns "
                              f"as its sidecar says", file=str(dat), code=2)
    rows = len(values) // width
    if rows != int(sidecar.get("rows", rows)):
        raise LemsbridgeError(f"the file holds {rows} rows, its sidecar says {sidecar.get('rows')}", file=str(dat),
                              code=2)
    data = {name: values[index::width] for index, name in enumerate(names)}
    if numpy is not None:
        data = {name: numpy.ascontiguousarray(column) for name, column in data.items()}
    return Traces(data, {name: str(column.get("unit", "")) for name, column in zip(names, columns)},
                  {name: str(column.get("quantity", name)) for name, column in zip(names, columns)}, str(dat), rows)


def _floats(text: bytes) -> Any:
    """Every whitespace-separated number of a ``.dat`` as float32: parsed as float64, then rounded to float32, which
    gives back the float32 that lemsbridge or jLEMS printed (the tests check this on every value they read)."""
    if numpy is not None and text.strip():
        return numpy.loadtxt(io.BytesIO(text), dtype=numpy.float64, ndmin=2).astype(numpy.float32).ravel()
    if numpy is not None:
        return numpy.zeros(0, dtype=numpy.float32)
    return array.array("f", map(float, text.split()))
