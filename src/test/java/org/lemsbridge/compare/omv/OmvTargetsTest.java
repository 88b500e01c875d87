package org.lemsbridge.compare.omv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OMT targets expanded as OMV's validation engines expand them (split at spaces, Python's glob). */
class OmvTargetsTest {
    @TempDir
    Path root;
    private Path test;

    @BeforeEach
    void files() throws IOException {
        test = Files.createDirectories(root.resolve("model/test"));
        for (String name : List.of("model/a.cell.nml", "model/b.channel.nml", "model/Ca.nml", "model/ca.nml",
                "model/.hidden.cell.nml", "model/sub/x.nml", "model/test/t.omt", "other/y.nml", "other/z.xml")) {
            Files.createDirectories(root.resolve(name).getParent());
            Files.writeString(root.resolve(name), "");
        }
    }

    private List<String> expand(String target) {
        return OmvTargets.expand(test, target).stream().map(p -> root.relativize(p).toString().replace('\\', '/'))
                .toList();
    }

    @Test
    void eachSpaceSeparatedPartIsGlobbedAgainstTheOmtFolderSkippingHiddenNames() {
        assertEquals(List.of("model/a.cell.nml", "model/b.channel.nml", "model/Ca.nml"),
                expand("../*cell.nml ../*channel.nml ../C*.nml"));
    }

    @Test
    void aFileMatchedByTwoPartsIsNamedTwiceAsOmvPassesIt() {
        assertEquals(List.of("model/Ca.nml", "model/Ca.nml"), expand("../C*.nml ../[C]a.nml"));
    }

    @Test
    void wildcardsWorkInFolderSegmentsAndHiddenNamesNeedALeadingDot() {
        assertEquals(List.of("model/sub/x.nml", "other/y.nml"), expand("../../*/*/*.nml ../../o*/*.nml"));
        assertEquals(List.of("model/.hidden.cell.nml"), expand("../.*.nml"));
        assertEquals(List.of("model/a.cell.nml", "model/b.channel.nml"), expand("../[!Cc]*.nml"));
        assertEquals(List.of("model/Ca.nml", "model/ca.nml"), expand("../?a.nml"));
    }

    @Test
    void aPlainPathIsKeptWhenItExistsAndNothingMatchesGivesNothing() {
        assertEquals(List.of("other/z.xml"), expand("../../other/z.xml"));
        assertEquals(List.of(), expand("../../other/missing.nml"));
        assertEquals(List.of(), expand("../*.xml"));
    }

    @Test
    void twoSpacesNameTheOmtFolderItselfAsInOmv() {
        assertEquals(List.of("model/Ca.nml", "model/test", "model/ca.nml"), expand("../Ca.nml  ../ca.nml"));
    }

    @Test
    void fnmatchTranslatesAsPython() {
        assertEquals(true, "a[b".matches(OmvTargets.fnmatchRegex("a[b")));
        assertEquals(true, "x.nml".matches(OmvTargets.fnmatchRegex("[a-z].nml")));
        assertEquals(false, "X.nml".matches(OmvTargets.fnmatchRegex("[a-z].nml")));
        assertEquals(true, "a+b(1).nml".matches(OmvTargets.fnmatchRegex("a+b(?).nml")));
    }
}
