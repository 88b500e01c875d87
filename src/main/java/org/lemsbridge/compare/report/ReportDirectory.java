package org.lemsbridge.compare.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lemsbridge.compare.AlignedColumn;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.ComparisonRun;
import org.lemsbridge.trace.AtomicFiles;

/**
 * Writes a complete report into a folder: {@code report.txt}, {@code report.json}, {@code report.md},
 * {@code report.html} and one PNG per compared column under {@code plots/} (each file written whole, then moved
 * into place).
 */
public final class ReportDirectory {

    public static final int PLOT_WIDTH = 1000;
    public static final int PLOT_HEIGHT = 700;

    private ReportDirectory() {
    }

    /** Writes everything and returns the files written. */
    public static List<Path> write(Path folder, String title, ComparisonRun run) throws IOException {
        Files.createDirectories(folder.resolve("plots"));
        Comparison comparison = run.comparison();
        List<Path> written = new ArrayList<>();
        List<String> plotLinks = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ColumnComparison column : comparison.columns()) {
            AlignedColumn aligned = run.aligned().stream().filter(a -> a.result() == column).findFirst().orElse(null);
            if (aligned == null) {
                plotLinks.add(null);
                continue;
            }
            String name = uniqueFileName(column.quantity(), used) + ".png";
            Path png = folder.resolve("plots").resolve(name);
            TracePlot.write(png, aligned, PLOT_WIDTH, PLOT_HEIGHT);
            written.add(png);
            plotLinks.add("plots/" + name);
        }
        written.add(text(folder.resolve("report.txt"), TextReport.render(comparison)));
        written.add(text(folder.resolve("report.json"), JsonReport.render(comparison)));
        written.add(text(folder.resolve("report.md"), MarkdownReport.render(title, comparison, plotLinks)));
        written.add(text(folder.resolve("report.html"), HtmlReport.render(title, comparison, plotLinks)));
        return written;
    }

    private static Path text(Path file, String content) throws IOException {
        AtomicFiles.writeString(file, content);
        return file;
    }

    /** {@code izpopTonic[0]/v -> izpopTonic_0_v}, made unique among {@code used}. */
    static String uniqueFileName(String quantity, Set<String> used) {
        String base = quantity.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty()) {
            base = "column";
        }
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
