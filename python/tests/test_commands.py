"""render, compare, validate and import from Python equal the command line's output; errors carry their place."""

from __future__ import annotations

import json
import os
import tempfile
import unittest
from pathlib import Path

import lemsbridge

from tests import _support
from tests._support import EX2_MODEL, EX2_REFERENCE, EXAMPLES, REPOSITORY, command_line


def setUpModule() -> None:
    _support.require_java()


BAD_EQUATION = ("dynamics:\n  name: X\n  state_variables:\n"
                "    v: {equation: {rhs: \"v +* 2\"}, initial_value: 0}\n")


class CompareTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls) -> None:
        cls.folder = tempfile.TemporaryDirectory()
        cls.candidate = Path(cls.folder.name) / "IzhikevichCell.dat"
        lemsbridge.simulate(EXAMPLES / "izhikevich-tonic.yaml", cls.folder.name)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.folder.cleanup()

    def command_line_json(self, *args: str) -> dict:
        """What ``compare ARGS --format json`` prints, checked against its exit code."""
        run = command_line("compare", *args, "--format", "json")
        self.assertIn(run.returncode, (0, 1), run.stderr)
        printed = json.loads(run.stdout)
        self.assertEqual(run.returncode == 0, printed["verdict"]["passed"])
        return printed

    def test_metrics_and_verdict_equal_compare_format_json_for_a_pass_and_a_fail(self) -> None:
        passing = self.command_line_json(str(EX2_REFERENCE), str(self.candidate), "--columns",
                                         "izpopTonic[0]/v=v,izpopTonic[0]/U=U", "--candidate-unit", "v=mV",
                                         "--tier", "exact")
        failing = self.command_line_json(str(EX2_REFERENCE), str(self.candidate), "--columns", "izpopBurst[0]/v=v",
                                         "--candidate-unit", "v=mV", "--tier", "tolerant", "--rtol", "0.01")
        self.assertTrue(passing["verdict"]["passed"])
        self.assertFalse(failing["verdict"]["passed"])
        for server in (True, False):
            with self.subTest(server=server):
                comparison = lemsbridge.compare(EX2_REFERENCE, self.candidate, columns={"izpopTonic[0]/v": "v",
                                                "izpopTonic[0]/U": "U"}, candidate_units={"v": "mV"}, tier="exact",
                                                server=server)
                self.assertEqual(passing, comparison)
                self.assertTrue(comparison.passed)
                self.assertEqual("exact", comparison.tier)
                self.assertEqual(0.0, comparison.metrics["izpopTonic[0]/U"]["maxAbsError"])

                comparison = lemsbridge.compare(EX2_REFERENCE, self.candidate, columns=["izpopBurst[0]/v=v"],
                                                candidate_units={"v": "mV"}, tier="tolerant", rtol=0.01,
                                                server=server)
                self.assertEqual(failing, comparison)
                self.assertFalse(comparison.passed)
                self.assertEqual("fail", comparison.tier)

    def test_a_missing_column_is_an_error_with_the_command_lines_message(self) -> None:
        run = command_line("compare", str(EX2_REFERENCE), str(self.candidate), "--columns", "izpopTonic[0]/w=w")
        self.assertEqual(2, run.returncode)
        for server in (True, False):
            with self.subTest(server=server), self.assertRaises(lemsbridge.LemsbridgeError) as raised:
                lemsbridge.compare(EX2_REFERENCE, self.candidate, columns=["izpopTonic[0]/w=w"], server=server)
            self.assertEqual(run.stderr.splitlines()[0], str(raised.exception))
            self.assertEqual(2, raised.exception.code)


class ErrorTest(unittest.TestCase):

    def test_bad_input_raises_one_error_type_with_file_line_column_and_code_in_both_modes(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            bad = Path(folder) / "bad.yaml"
            bad.write_text(BAD_EQUATION, encoding="utf-8")
            run = command_line("simulate", str(bad), "-o", folder)
            self.assertEqual(2, run.returncode)
            for server in (True, False):
                with self.subTest(server=server), self.assertRaises(lemsbridge.LemsbridgeError) as raised:
                    lemsbridge.simulate(bad, folder, server=server)
                error = raised.exception
                self.assertEqual((str(bad), 4, 29, 2), (error.file, error.line, error.column, error.code))
                self.assertEqual(run.stderr.splitlines()[0], str(error))
                self.assertEqual(run.stderr, error.stderr)
                self.assertEqual(["bad.yaml"], sorted(p.name for p in Path(folder).iterdir()),
                                 "no partial output file")

    def test_a_file_that_cannot_be_written_is_named_by_its_path_alone_as_the_command_line_says(self) -> None:
        line = "out/a.dat: cannot write: is a folder"
        from_line = lemsbridge.LemsbridgeError.from_line(line, code=2)
        self.assertEqual(("out/a.dat", 0, 0, "cannot write: is a folder"),
                         (from_line.file, from_line.line, from_line.column, from_line.message))
        self.assertEqual(line, str(from_line))
        served = lemsbridge.LemsbridgeError.from_error({"file": "out/a.dat", "line": 0, "column": 0,
                                                        "message": "cannot write: is a folder"}, 2, "")
        self.assertEqual(line, str(served))
        self.assertEqual("m.xml:0:0: the model has no <Target>",
                         str(lemsbridge.LemsbridgeError.from_line("m.xml:0:0: the model has no <Target>", code=2)))

    def test_a_missing_file_and_a_bad_option_raise_too(self) -> None:
        for server in (True, False):
            with self.subTest(server=server):
                with self.assertRaises(lemsbridge.LemsbridgeError) as missing:
                    lemsbridge.render("no-such-experiment.yaml", server=server)
                self.assertEqual((os.path.abspath("no-such-experiment.yaml"), 0, 0, 2),
                                 (missing.exception.file, missing.exception.line, missing.exception.column,
                                  missing.exception.code))
                self.assertEqual("no such file", missing.exception.message)
                with self.assertRaises(lemsbridge.LemsbridgeError) as option:
                    lemsbridge.compare(EX2_REFERENCE, EX2_REFERENCE, tier="perfect", server=server)
                self.assertEqual(2, option.exception.code)
                self.assertEqual("--tier", option.exception.file)


class RenderValidateImportTest(unittest.TestCase):

    def test_render_returns_the_command_lines_lems_and_writes_the_same_file(self) -> None:
        seed = EXAMPLES / "izhikevich-tonic.yaml"
        run = command_line("render", str(seed))
        self.assertEqual(0, run.returncode, run.stderr)
        self.assertEqual(run.stdout, lemsbridge.render(seed))
        self.assertEqual(run.stdout, lemsbridge.render(seed, server=False))
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "tonic.xml"
            self.assertEqual(run.stdout, lemsbridge.render(seed, target))
            self.assertEqual(run.stdout, target.read_text(encoding="utf-8"))
        neuroml = command_line("render", "--neuroml", str(seed))
        self.assertEqual(neuroml.stdout, lemsbridge.render(seed, neuroml=True))

    def test_models_names_the_library_a_reference_is_found_in_as_the_option_does(self) -> None:
        library = REPOSITORY / "src" / "test" / "resources" / "org" / "lemsbridge" / "experiment" / "models"
        with tempfile.TemporaryDirectory() as folder:
            experiment = Path(folder) / "byiri.yaml"
            experiment.write_text("dynamics:\n  iri: tvbo:Relax2d\n  parameters: {a: 0.9}\n"
                                  "integration: {method: euler, step_size: 0.01, duration: 1.0}\n", encoding="utf-8")
            run = command_line("render", str(experiment), "--models", str(library))
            self.assertEqual(0, run.returncode, run.stderr)
            self.assertEqual(run.stdout, lemsbridge.render(experiment, models=library))
            findings = lemsbridge.validate(experiment, models=library)
            self.assertEqual(["warning"], [finding.severity for finding in findings])  # c_glob is 0
            traces = lemsbridge.simulate(experiment, models=library)
            self.assertEqual(-1.0, traces["v"][0])
            with self.assertRaises(lemsbridge.LemsbridgeError) as refused:
                lemsbridge.render(experiment)
            self.assertEqual((2, 8), (refused.exception.line, refused.exception.column))
            self.assertIn("set --models DIR", str(refused.exception))

    def test_validate_returns_the_findings_of_validate_format_json(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            wrong = Path(folder) / "wrong.yaml"
            wrong.write_text((EXAMPLES / "izhikevich-tonic.yaml").read_text(encoding="utf-8")
                             .replace("a*(b*v - U)", "a*(b*v - U) + pulse_delay")
                             # a state with a unit: its dimensions are checked (unitless states read units as notes)
                             .replace("initial_value: -14.0", "initial_value: -14.0\n      unit: mV"),
                             encoding="utf-8")
            run = command_line("validate", str(wrong), str(EX2_MODEL), "--format", "json")
            self.assertEqual(1, run.returncode, run.stdout + run.stderr)
            expected = [finding for file in json.loads(run.stdout)["files"] for finding in file["findings"]]
            self.assertTrue(expected)

            findings = lemsbridge.validate(wrong, EX2_MODEL)

            self.assertEqual([(f["location"], f["line"], f["column"], f["code"], f["severity"], f["message"],
                               f["hint"]) for f in expected],
                             [(f.file, f.line, f.column, f.code, f.severity, f.message, f.hint) for f in findings])
            text = command_line("validate", str(wrong), str(EX2_MODEL))
            self.assertEqual([line for line in text.stdout.splitlines() if not line.startswith("  hint: ")],
                             [str(finding) for finding in findings])
        self.assertEqual([], lemsbridge.validate(EX2_MODEL, EXAMPLES / "izhikevich-burst.yaml"))

    def test_validate_raises_for_an_unreadable_file_at_its_place(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            broken = Path(folder) / "broken.xml"
            broken.write_text("<Lems>\n  <Component id='x'\n</Lems>\n", encoding="utf-8")
            run = command_line("validate", str(broken))
            self.assertEqual(2, run.returncode)
            with self.assertRaises(lemsbridge.LemsbridgeError) as raised:
                lemsbridge.validate(broken)
            self.assertEqual(run.stderr.splitlines()[0], str(raised.exception))
            self.assertEqual(str(broken), raised.exception.file)
            self.assertGreater(raised.exception.line, 0)

    def test_import_writes_the_command_lines_files(self) -> None:
        with tempfile.TemporaryDirectory() as by_command, tempfile.TemporaryDirectory() as by_serve:
            run = command_line("import", str(EX2_MODEL), "-o", by_command)
            self.assertEqual(0, run.returncode, run.stderr)
            imported = lemsbridge.import_model(EX2_MODEL, by_serve)
            self.assertEqual([], imported.problems)
            self.assertEqual(sorted(p.name for p in Path(by_command).iterdir()),
                             sorted(p.name for p in imported.files))
            for file in imported.files:
                self.assertEqual((Path(by_command) / file.name).read_bytes(), file.read_bytes(), file.name)


if __name__ == "__main__":
    unittest.main()
