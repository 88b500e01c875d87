package org.lemsbridge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.cli.CliRun;

/**
 * XXE through an absolute {@code file://} URL: a secret file is created, every command is pointed at documents
 * that try to read it, and the secret must never appear in any output.
 */
class SecretFileTest {

    @TempDir
    Path temp;

    private String secret;
    private Path secretFile;

    private void createSecret() throws IOException {
        secret = "SECRET-" + UUID.randomUUID();
        secretFile = Files.writeString(temp.resolve("secret.txt"), secret);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private void assertRefusedWithoutLeak(List<String> args, Path out) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run::describe);
        HostileContract.assertKept(run);
        assertFalse((run.out() + run.err() + HostileContract.contents(out)).contains(secret), run::describe);
        HostileContract.assertNoFiles(out, run);
    }

    private void assertConfinedWithoutLeak(List<String> args, Path out) {
        assertRefusedWithoutLeak(args, out);
        CliRun run = CliRun.of(args);
        assertTrue(run.err().contains("outside the --confine folders"), run::describe);
    }

    @Test
    void externalEntitiesNamingAnAbsoluteFileAreRefusedByEveryCommand() throws IOException {
        createSecret();
        String entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE Lems [<!ENTITY s SYSTEM \"" + secretFile.toUri() + "\">]>\n";
        Path attribute = write("attribute.xml", entity + "<Lems><Dimension name=\"&s;\"/></Lems>\n");
        Path text = write("text.xml", entity + "<Lems><notes>&s;</notes></Lems>\n");
        Path dat = write("ok.dat", "0.0\t1.0\t\n0.1\t2.0\t\n");
        Path out = Files.createDirectory(temp.resolve("out"));
        for (Path hostile : List.of(attribute, text)) {
            assertRefusedWithoutLeak(List.of("validate", hostile.toString()), out);
            assertRefusedWithoutLeak(List.of("validate", "--format", "json", hostile.toString()), out);
            assertRefusedWithoutLeak(List.of("simulate", hostile.toString(), "-o", out.toString()), out);
            assertRefusedWithoutLeak(List.of("compare", dat.toString(), dat.toString(), "--ref-lems",
                    hostile.toString()), out);
        }
    }

    @Test
    void aSchemaThatTriesToReadTheSecretIsRefused() throws IOException {
        createSecret();
        Path xsd = write("evil.xsd", "<?xml version=\"1.0\"?>\n<!DOCTYPE xs:schema [<!ENTITY s SYSTEM \""
                + secretFile.toUri() + "\">]>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"Lems\"><xs:annotation><xs:documentation>&s;</xs:documentation>"
                + "</xs:annotation></xs:element></xs:schema>\n");
        Path model = write("model.xml", "<Lems/>\n");
        Path out = Files.createDirectory(temp.resolve("out"));
        assertRefusedWithoutLeak(List.of("validate", model.toString(), "--schema", xsd.toString()), out);
    }

    @Test
    void includesOfTheSecretByAbsolutePathOrDotDotAreRefused() throws IOException {
        createSecret();
        Path folder = Files.createDirectory(temp.resolve("model"));
        Path out = Files.createDirectory(temp.resolve("out"));
        Path absolute = Files.writeString(folder.resolve("absolute.xml"), "<Lems><Include file=\"" + secretFile
                + "\"/></Lems>\n");
        Path dotdot = Files.writeString(folder.resolve("dotdot.xml"), "<Lems><Include file=\"../secret.txt\"/></Lems>\n");
        Path yaml = Files.writeString(folder.resolve("exp.yaml"), "label: !include ../secret.txt\n");
        for (Path hostile : List.of(absolute, dotdot)) {
            // unconfined, jLEMS reads the file (and finds no XML in it); confined, it is not read at all
            assertRefusedWithoutLeak(List.of("validate", hostile.toString()), out);
            assertRefusedWithoutLeak(List.of("simulate", hostile.toString(), "-o", out.toString()), out);
            assertConfinedWithoutLeak(List.of("validate", hostile.toString(), "--confine", folder.toString()), out);
            assertConfinedWithoutLeak(List.of("simulate", hostile.toString(), "--confine", folder.toString(), "-o",
                    out.toString()), out);
        }
        assertRefusedWithoutLeak(List.of("render", yaml.toString(), "-o", out.resolve("x.xml").toString()), out);
        assertRefusedWithoutLeak(List.of("validate", yaml.toString()), out);
    }

    @Test
    void anIncludeOutsideTheModelFolderIsReadAsJlemsReadsItUnlessConfined() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.writeString(shared.resolve("dims.xml"), "<Lems><Dimension name=\"voltage\" m=\"1\" l=\"2\" t=\"-3\" i=\"-1\"/>"
                + "</Lems>\n");
        Path folder = Files.createDirectory(temp.resolve("model"));
        Path model = Files.writeString(folder.resolve("model.xml"), "<Lems><Include file=\"../shared/dims.xml\"/></Lems>\n");
        CliRun asJlems = CliRun.of(List.of("validate", model.toString()));
        assertEquals(0, asJlems.exitCode(), asJlems::describe);
        CliRun refused = CliRun.of(List.of("validate", model.toString(), "--confine", folder.toString()));
        assertEquals(2, refused.exitCode(), refused::describe);
        assertTrue(refused.err().contains("model.xml:1:7: include '../shared/dims.xml' resolves to "
                + shared.toRealPath().resolve("dims.xml") + ", outside the --confine folders"), refused::describe);
        CliRun allowed = CliRun.of(List.of("validate", model.toString(), "--confine", folder.toString(),
                "--confine", shared.toString()));
        assertEquals(0, allowed.exitCode(), allowed::describe);
    }
}
