package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.lemsbridge.compare.omv.MepFile;
import org.lemsbridge.compare.omv.OmtFile;
import org.lemsbridge.compare.omv.OmvCheck;
import org.lemsbridge.compare.omv.OmvResult;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.files.StagedFolder;
import org.lemsbridge.sim.SimulationOptions;

/**
 * Runs an OMV test ({@code .omt}) with lemsbridge's simulator standing in for the engine OMV would start: simulates
 * the OMT's target into {@code workFolder} (as jnml would, run in the target's folder) and checks its observables
 * against its MEP file. Only engines that run LEMS as jLEMS does are stood in for.
 */
public final class OmvRunner {

    /** OMV's engines whose results lemsbridge reproduces: jnml and jLEMS simulate LEMS with jLEMS. */
    public static final Set<String> ENGINES = Set.of("jNeuroML", "jLEMS");

    private OmvRunner() {
    }

    /** The checks made; a dry-run test (no MEP) only requires that the target simulates. */
    public record OmvRun(List<OmvResult> results, boolean dryRun) {
        public OmvRun {
            results = List.copyOf(results);
        }

        public boolean passed() {
            return results.stream().allMatch(OmvResult::passed);
        }
    }

    /** Whether lemsbridge can stand in for {@code engine}. */
    public static boolean standsInFor(String engine) {
        return ENGINES.contains(engine);
    }

    public static OmvRun run(Path omtFile, List<Path> includePath, Path workFolder, Confinement confinement) {
        return run(OmtFile.read(omtFile), includePath, workFolder, confinement);
    }

    /** Runs the test with its outputs in {@code workFolder} inside {@code staged}, a folder staged as a whole. */
    public static OmvRun run(Path omtFile, List<Path> includePath, Path workFolder, Confinement confinement,
            StagedFolder staged) {
        return run(OmtFile.read(omtFile), includePath, SimulationOptions.writingTo(workFolder).confinedTo(confinement)
                .writingInside(staged));
    }

    public static OmvRun run(OmtFile omt, List<Path> includePath, Path workFolder, Confinement confinement) {
        return run(omt, includePath, SimulationOptions.writingTo(workFolder).confinedTo(confinement));
    }

    private static OmvRun run(OmtFile omt, List<Path> includePath, SimulationOptions options) {
        Path workFolder = options.outputDir();
        if (!standsInFor(omt.engine())) {
            throw new BadInputException(SourceLocation.unknown(omt.path().toString()), "engine " + omt.engine()
                    + " is not one lemsbridge stands in for (" + String.join(", ", ENGINES.stream().sorted().toList())
                    + ")");
        }
        Path target = omt.folder().resolve(omt.target()).normalize();
        Path targetFolder = target.getParent();
        MepFile mep = omt.isDryRun() ? null : MepFile.read(omt.mepPath());
        ModelRunner.run(target, includePath, options);
        if (mep == null) {
            return new OmvRun(List.of(), true);
        }
        return new OmvRun(OmvCheck.run(omt, mep, written -> workFolder.resolve(
                targetFolder.relativize(omt.folder().resolve(written).normalize())).normalize()), false);
    }
}
