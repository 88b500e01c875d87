package org.lemsbridge.sim;

import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.lemsbridge.files.BuildInfo;
import org.lemsbridge.files.FloatText;

/**
 * The files a {@code <Target reportFile=... timesFile=...>} asks for, with jLEMS's content: the report is key=value
 * lines naming the simulator, its version, the model file (absolute) and the run's start and timings in seconds;
 * the times file holds every output row's time as a float, one per line. In the report's name, {@code __SIMULATOR__}
 * becomes the simulator's name and {@code __TIMESTAMP__} the local time as yyyyMMddHHmmss.
 */
final class RunReport {

    /** Wall-clock milliseconds: model read (start), loop start, loop end, files closed. */
    record Timings(long startMillis, long loopStartMillis, long loopEndMillis, long savedMillis) {
    }

    private RunReport() {
    }

    static String fileName(String template, LocalDateTime now) {
        return template.replace("__SIMULATOR__", BuildInfo.NAME)
                .replace("__TIMESTAMP__", DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(now));
    }

    static String report(Path model, Timings timings, BuildInfo build) {
        return "# Report of running simulation with " + BuildInfo.NAME + " v" + build.version() + "\n"
                + "Simulator=" + BuildInfo.NAME + "\n"
                + "SimulatorVersion=" + build.version() + "\n"
                + "SimulationFile=" + model.toAbsolutePath() + "\n"
                + "StartTime=" + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date(timings.startMillis()))
                + "\n"
                + "SetupTime=" + seconds(timings.loopStartMillis() - timings.startMillis()) + "\n"
                + "RealSimulationTime=" + seconds(timings.loopEndMillis() - timings.loopStartMillis()) + "\n"
                + "SimulationSaveTime=" + seconds(timings.savedMillis() - timings.loopEndMillis()) + "\n";
    }

    static String times(double[] times) {
        StringBuilder text = new StringBuilder(times.length * 12);
        for (double time : times) {
            text.append(FloatText.toString((float) time)).append('\n');
        }
        return text.toString();
    }

    private static String seconds(long millis) {
        return String.valueOf(millis / 1000.0);
    }
}
