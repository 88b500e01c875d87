"""The java command line: the launcher's archive is named only to the java that recorded it, for the jar it saw."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import unittest
from pathlib import Path

from lemsbridge import _java


class ArchiveOptionsTest(unittest.TestCase):

    def setUp(self) -> None:
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        self.jar = self.folder / "lemsbridge.jar"
        self.jar.write_text("a jar")
        self.java17 = self.stand_in_java("jdk-17")
        self.java25 = self.stand_in_java("jdk-25")

    def stand_in_java(self, name: str) -> str:
        java = self.folder / name / "bin" / "java"
        java.parent.mkdir(parents=True)
        java.write_text("#!/bin/sh\n")
        java.chmod(0o755)
        return str(java)

    def record(self, suffix: str, java: str, name: str = "lemsbridge") -> Path:
        archive = self.jar.with_name(name + suffix)
        archive.write_text("an archive")
        archive.with_name(archive.name + ".jvm").write_text(f"{java}\t25.0.3+9-LTS\n")
        later = time.time() + 5
        os.utime(archive, (later, later))
        return archive

    def test_the_ahead_of_time_cache_goes_to_the_java_that_recorded_it_and_the_jsa_to_its_own(self) -> None:
        aot = self.record(".aot", self.java25)
        jsa = self.record(".jsa", self.java17)
        self.assertEqual([f"-XX:AOTCache={aot}", "-Xlog:aot=off", "-Xlog:cds=off"],
                         _java._archive_options(self.java25, self.jar, "lemsbridge"))
        self.assertEqual([f"-XX:SharedArchiveFile={jsa}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"],
                         _java._archive_options(self.java17, self.jar, "lemsbridge"))

    def test_no_archive_for_another_java_an_older_archive_or_one_without_a_stamp(self) -> None:
        aot = self.record(".aot", self.java25)
        self.assertEqual([], _java._archive_options(self.java17, self.jar, "lemsbridge"))
        os.utime(aot, (time.time() - 60, time.time() - 60))
        self.assertEqual([], _java._archive_options(self.java25, self.jar, "lemsbridge"))
        self.record(".aot", self.java25).with_name("lemsbridge.aot.jvm").unlink()
        self.assertEqual([], _java._archive_options(self.java25, self.jar, "lemsbridge"))


class JavaCommandTest(unittest.TestCase):

    def test_simulate_maps_the_archive_for_its_kind_of_model_and_the_other_commands_theirs(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            jar = Path(folder) / "lemsbridge.jar"
            jar.write_text("a jar")
            java = _java.find_java()
            later = time.time() + 5
            for name in ("lemsbridge", "lemsbridge-simulate", "lemsbridge-simulate-yaml"):
                archive = jar.with_name(name + ".jsa")
                archive.write_text("an archive")
                archive.with_name(archive.name + ".jvm").write_text(f"{shutil.which(java) or java}\t17\n")
                os.utime(archive, (later, later))
            self.assertIn(f"-XX:SharedArchiveFile={jar.with_name('lemsbridge-simulate.jsa')}",
                          _java.java_command(jar, command="simulate", arguments=["-o", "out", "LEMS_x.xml"]))
            self.assertIn(f"-XX:SharedArchiveFile={jar.with_name('lemsbridge-simulate-yaml.jsa')}",
                          _java.java_command(jar, command="simulate", arguments=["experiment.YAML", "-o", "out"]))
            self.assertIn(f"-XX:SharedArchiveFile={jar.with_name('lemsbridge.jsa')}",
                          _java.java_command(jar, command="compare"))
            self.assertIn(f"-XX:SharedArchiveFile={jar.with_name('lemsbridge.jsa')}", _java.java_command(jar))


class HugePageOptionsTest(unittest.TestCase):

    def test_transparent_huge_pages_only_where_the_kernel_grants_them_on_request(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            setting = Path(folder) / "enabled"
            for mode, expected in [("always [madvise] never\n", ["-XX:+UseTransparentHugePages"]),
                                   ("[always] madvise never\n", ["-XX:+UseTransparentHugePages"]),
                                   ("always madvise [never]\n", [])]:
                setting.write_text(mode)
                self.assertEqual(expected, _java.huge_page_options(setting), mode)
            self.assertEqual([], _java.huge_page_options(Path(folder) / "missing"))


if __name__ == "__main__":
    unittest.main()
