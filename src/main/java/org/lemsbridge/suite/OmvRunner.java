package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.compare.omv.MepFile;
import org.lemsbridge.compare.omv.OmtFile;
import org.lemsbridge.compare.omv.OmvCheck;
import org.lemsbridge.compare.omv.OmvResult;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.sim.SimulationOptions;

/**
 * Runs an OMV test ({@code .omt}) with lemsbridge's simulator instead of jNeuroML: simulates the OMT's target into
 * {@code workFolder} (as jLEMS would in the target's folder) and checks the expected spike times of its MEP file.
 */
public final class OmvRunner {
    private OmvRunner() {
    }

    /** The checks made; a dry-run test (no MEP, no observables) only requires that the target simulates. */
    public record OmvRun(List<OmvResult> results, boolean dryRun) {
        public OmvRun {
            results = List.copyOf(results);
        }

        public boolean passed() {
            return results.stream().allMatch(OmvResult::passed);
        }
    }

    public static OmvRun run(Path omtFile, List<Path> includePath, Path workFolder, Confinement confinement) {
        OmtFile omt = OmtFile.read(omtFile);
        if (omt.target() == null) {
            throw new BadInputException(SourceLocation.unknown(omtFile.toString()), "the OMT file names no target");
        }
        Path target = omt.folder().resolve(omt.target().trim()).normalize();
        Path targetFolder = target.getParent();
        ModelRunner.run(target, includePath, SimulationOptions.writingTo(workFolder).confinedTo(confinement));
        if (omt.isDryRun()) {
            return new OmvRun(List.of(), true);
        }
        if (omt.mepPath() == null) {
            throw new BadInputException(SourceLocation.unknown(omtFile.toString()),
                    "the OMT file has observables but names no mep file of expected values");
        }
        MepFile mep = MepFile.read(omt.mepPath());
        return new OmvRun(OmvCheck.run(omt, mep, written -> workFolder.resolve(
                targetFolder.relativize(omt.folder().resolve(written).normalize())).normalize()), false);
    }
}
