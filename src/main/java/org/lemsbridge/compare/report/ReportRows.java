package org.lemsbridge.compare.report;

import java.util.List;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Metrics;
import org.lemsbridge.compare.Numbers;
import org.lemsbridge.compare.SpikeComparison;

/** The cells of the per-column table every tabular report shows, already formatted. */
final class ReportRows {

    static final List<String> HEADERS = List.of("quantity", "tier", "unit", "rmse", "max |Δ|", "at t (s)", "max rel",
            "nRMSE", "r", "spikes ref/cand", "first divergent spike");

    private ReportRows() {
    }

    static List<String> cells(ColumnComparison c) {
        if (c.missing()) {
            return List.of(c.quantity(), c.tier().label(), c.unit(), "-", "-", "-", "-", "-", "-", "-", "missing");
        }
        Metrics m = c.metrics();
        SpikeComparison s = c.spikes();
        String counts = s == null ? "-" : s.reference().count() + "/" + s.candidate().count();
        String divergent = s == null ? "-" : s.firstDivergentIndex() < 0 ? "none"
                : "#" + (s.firstDivergentIndex() + 1) + ": " + time(s.firstDivergentRefTime()) + " vs "
                + time(s.firstDivergentCandTime());
        return List.of(c.quantity(), c.tier().label(), c.unit(), Numbers.format(m.rmse()),
                Numbers.format(m.maxAbsError()), Numbers.format(m.maxAbsTime()), Numbers.format(m.maxRelError()),
                Numbers.format(m.nrmse()), Numbers.format(m.pearson()), counts, divergent);
    }

    private static String time(double t) {
        return Double.isNaN(t) ? "none" : Numbers.format(t) + " s";
    }
}
