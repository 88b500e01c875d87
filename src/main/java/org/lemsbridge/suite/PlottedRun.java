package org.lemsbridge.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.Staging;
import org.lemsbridge.plot.SimulationPlots;
import org.lemsbridge.sim.SimulationOptions;

/**
 * A run and the pictures drawn from its outputs ({@code simulate --plot}), put in place together, in one commit, or
 * not at all: every picture's path is staged before the run (one that cannot be written is refused before any work),
 * the pictures are drawn from the run's staged files, and a failure anywhere leaves every previous output, picture
 * included, as it was.
 */
public final class PlottedRun {

    /** What the run wrote and the pictures drawn from it. */
    public record Result(ModelRunner.ModelRun run, List<Path> pictures) {
        public Result {
            pictures = List.copyOf(pictures);
        }
    }

    private PlottedRun() {
    }

    /**
     * Simulates {@code loaded} and draws its pictures into {@code plotFolder}; {@code displayData} is where the run
     * records its Displays (see {@link SimulationPlots#write}). The options' writes open every staged file, pictures
     * too.
     *
     * @throws OutputFailure naming the file that could not be written
     * @throws IOException when a file the run wrote cannot be read back for its picture
     */
    public static Result run(Path model, ModelRunner.LoadedModel loaded, SimulationOptions options, Path displayData,
            Path plotFolder) throws IOException {
        try (Staging staging = Staging.create(options.writes())) {
            for (Path picture : SimulationPlots.files(loaded.model(), plotFolder)) {
                try {
                    staging.reserve(picture);
                } catch (IOException e) {
                    throw new OutputFailure(picture.toAbsolutePath().normalize(), e);
                }
            }
            ModelRunner.ModelRun run = ModelRunner.run(model, loaded, options.outputsCommittedBy(staging));
            List<Path> pictures = SimulationPlots.write(loaded.model(), run.result(), displayData, plotFolder,
                    staging.folderWrites(), staging::current);
            staging.commit();
            return new Result(run, pictures);
        }
    }
}
