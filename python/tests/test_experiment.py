"""run_experiment: time plus named traces and units, as TVBO's backends return them; to_xarray."""

from __future__ import annotations

import sys
import types
import unittest
from typing import Any, Dict

import lemsbridge

from tests import _support
from tests._support import EXAMPLES, bits_of


def setUpModule() -> None:
    _support.require_java()


class RunExperimentTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls) -> None:
        cls.path = EXAMPLES / "izhikevich-tonic.yaml"
        cls.result = lemsbridge.run_experiment(cls.path)

    def test_time_in_seconds_and_the_state_variables_by_name_with_units(self) -> None:
        traces = lemsbridge.simulate(self.path)
        self.assertEqual(["v", "U"], self.result.variables)
        self.assertEqual({"v": "1", "U": "1"}, self.result["units"])
        self.assertEqual("s", self.result["time_unit"])
        self.assertEqual(bits_of(traces["t"]), bits_of(self.result["time"]))
        self.assertEqual(40001, len(self.result["time"]))
        self.assertEqual(_support.float32_bits(0.2), bits_of(self.result["time"])[-1])
        for name in ("v", "U"):
            self.assertEqual(bits_of(traces[name]), bits_of(self.result["traces"][name]))
        self.assertEqual(-70.0, float(self.result["traces"]["v"][0]))

    def test_yaml_text_runs_like_its_file(self) -> None:
        from_text = lemsbridge.run_experiment(self.path.read_text(encoding="utf-8"))
        self.assertEqual("<text>", from_text["source"])
        self.assertEqual(bits_of(self.result["traces"]["v"]), bits_of(from_text["traces"]["v"]))

    def test_bad_yaml_text_raises_at_its_line_and_column(self) -> None:
        text = self.path.read_text(encoding="utf-8").replace("a*(b*v - U)", "a*(b*v - U))")
        with self.assertRaises(lemsbridge.LemsbridgeError) as raised:
            lemsbridge.run_experiment(text)
        line = next(number for number, row in enumerate(text.splitlines(), 1) if "a*(b*v - U))" in row)
        self.assertEqual((line, 2), (raised.exception.line, raised.exception.code))
        self.assertTrue(raised.exception.file.endswith("experiment.yaml"), raised.exception.file)

    def test_to_xarray_builds_a_time_by_variable_data_array(self) -> None:
        calls: Dict[str, Any] = {}

        def data_array(data: Any, **options: Any) -> Dict[str, Any]:
            calls.update(options, data=data)
            return calls

        stub = types.ModuleType("xarray")
        stub.DataArray = data_array  # type: ignore[attr-defined]
        real = sys.modules.get("xarray")
        sys.modules["xarray"] = stub
        try:
            self.result.to_xarray()
        finally:
            if real is None:
                del sys.modules["xarray"]
            else:
                sys.modules["xarray"] = real
        self.assertEqual(("time", "variable"), calls["dims"])
        self.assertEqual(["v", "U"], calls["coords"]["variable"])
        self.assertEqual(("variable", ["1", "1"]), calls["coords"]["unit"])
        self.assertEqual("time", calls["coords"]["time"][0])
        self.assertEqual({"units": "s"}, calls["coords"]["time"][2])
        self.assertEqual(40001, len(calls["data"]))
        self.assertEqual([-70.0, -14.0], [float(value) for value in calls["data"][0]])
        self.assertEqual([float(self.result["traces"][name][4900]) for name in ("v", "U")],
                         [float(value) for value in calls["data"][4900]])

    def test_to_xarray_with_xarray_installed(self) -> None:
        try:
            import xarray  # noqa: F401
        except ImportError:
            self.skipTest("xarray is not installed: to_xarray is checked against a stand-in only")
        array = self.result.to_xarray()
        self.assertEqual(("time", "variable"), array.dims)
        self.assertEqual((40001, 2), array.shape)
        self.assertEqual(["v", "U"], list(array["variable"].values))
        self.assertEqual(bits_of(self.result["traces"]["U"]), bits_of(array.sel(variable="U").values))


if __name__ == "__main__":
    unittest.main()
