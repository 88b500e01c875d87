"""simulate() through serve and through a process per call: traces equal the .dat files bit for bit, by name."""

from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import lemsbridge

from tests import _support
from tests._support import (EX2_MODEL, EX2_REFERENCE, bits_of, command_line, manifest_quantities, read_dat_exactly,
                            same_files, seed_experiments, sidecar_names)


def setUpModule() -> None:
    _support.require_java()


class SeedExperimentsTest(unittest.TestCase):

    def test_every_seed_through_serve_equals_the_command_lines_dat_bit_for_bit(self) -> None:
        seeds = seed_experiments()
        self.assertGreaterEqual(len(seeds), 2, seeds)
        if not _support.SHARED_SEEDS.is_dir():
            print(f"note: {_support.SHARED_SEEDS} is absent; only the project's own seed experiments are run")
        for seed in seeds:
            with self.subTest(seed=str(seed)), tempfile.TemporaryDirectory() as by_command, \
                    tempfile.TemporaryDirectory() as by_serve:
                run = command_line("simulate", str(seed), "-o", by_command)
                self.assertEqual(0, run.returncode, run.stderr)

                traces = lemsbridge.simulate(seed, by_serve)

                self.assertEqual(([], []), same_files(Path(by_command), Path(by_serve)))
                dat = Path(by_command) / Path(traces.file).name
                expected = read_dat_exactly(dat, sidecar_names(dat))
                self.assertEqual(["t", "v", "U"], list(traces))
                self.assertEqual({"t": "s", "v": "1", "U": "1"}, traces.units)
                self.assertEqual(40001, traces.rows)
                for name, column in traces.items():
                    self.assertEqual(expected[name], bits_of(column), name)

    def test_a_temporary_output_folder_gives_the_same_traces_and_is_removed(self) -> None:
        seed = _support.EXAMPLES / "izhikevich-tonic.yaml"
        with tempfile.TemporaryDirectory() as folder:
            kept = lemsbridge.simulate(seed, folder)
            temporary = lemsbridge.simulate(seed)
        self.assertIsNone(temporary.file)
        self.assertEqual({name: bits_of(column) for name, column in kept.items()},
                         {name: bits_of(column) for name, column in temporary.items()})

    def test_one_process_per_call_gives_the_same_traces_and_files(self) -> None:
        seed = _support.EXAMPLES / "izhikevich-burst.yaml"
        with tempfile.TemporaryDirectory() as by_serve, tempfile.TemporaryDirectory() as by_process:
            served = lemsbridge.simulate(seed, by_serve)
            alone = lemsbridge.simulate(seed, by_process, server=False)
            self.assertEqual(([], []), same_files(Path(by_serve), Path(by_process)))
        self.assertEqual({name: bits_of(column) for name, column in served.items()},
                         {name: bits_of(column) for name, column in alone.items()})


class Ex2Test(unittest.TestCase):

    def test_ex2_traces_equal_jlems_reference_bit_for_bit_by_quantity(self) -> None:
        files = lemsbridge.simulate_files(EX2_MODEL)
        self.assertEqual(["Ex2_Izh_allcells.dat"], list(files), "the spike file has no sidecar and no columns")
        traces = files["Ex2_Izh_allcells.dat"]
        reference = read_dat_exactly(EX2_REFERENCE, manifest_quantities("Ex2_Izh_allcells.dat"))
        self.assertEqual(13, len(traces))
        for name, column in traces.items():
            quantity = traces.quantities[name]
            self.assertEqual(reference[quantity], bits_of(column), f"{name} = {quantity}")
        self.assertEqual("V", traces.units["tonic_v"])
        self.assertEqual("izpopTonic[0]/v", traces.quantities["tonic_v"])

    def test_output_picks_a_file_by_name_and_names_the_files_there_are(self) -> None:
        traces = lemsbridge.simulate(EX2_MODEL, output="Ex2_Izh_allcells.dat")
        self.assertEqual(40001, traces.rows)
        with self.assertRaises(lemsbridge.LemsbridgeError) as raised:
            lemsbridge.simulate(EX2_MODEL, output="Ex2_Izh_other.dat")
        self.assertIn("it wrote Ex2_Izh_allcells.dat", str(raised.exception))


if __name__ == "__main__":
    unittest.main()
