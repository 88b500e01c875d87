package org.lemsbridge.compare.report;

import static org.lemsbridge.files.JsonText.number;
import static org.lemsbridge.files.JsonText.quote;

import java.util.List;
import java.util.Locale;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Metrics;
import org.lemsbridge.compare.SpikeComparison;
import org.lemsbridge.compare.TierFinding;
import org.lemsbridge.compare.Tolerances;
import org.lemsbridge.compare.Verdict;

/** The comparison as JSON (hand-written; NaN and infinities become {@code null}). */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder("{\n");
        field(out, 1, "reference", quote(comparison.referenceSource()), true);
        field(out, 1, "candidate", quote(comparison.candidateSource()), true);
        field(out, 1, "sameGrid", Boolean.toString(comparison.alignment().sameGrid()), true);
        field(out, 1, "rowsCompared", Integer.toString(comparison.alignment().rows()), true);
        field(out, 1, "grid", quote(comparison.alignment().note()), true);
        field(out, 1, "warnings", strings(comparison.warnings()), true);
        field(out, 1, "verdict", verdict(comparison.verdict()), true);
        out.append("  \"columns\": [");
        List<ColumnComparison> columns = comparison.columns();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(column(columns.get(i)));
        }
        out.append(columns.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return out.toString();
    }

    private static String verdict(Verdict v) {
        Tolerances t = v.tolerances();
        return "{\"tier\": " + quote(v.tier().label()) + ", \"required\": " + quote(v.required().label())
                + ", \"passed\": " + v.passed()
                + ", \"tolerances\": {\"exactRelative\": " + number(t.exactRelative())
                + ", \"strictRtol\": " + number(t.strictRtol()) + ", \"strictAtol\": " + number(t.strictAtol())
                + ", \"tolerantRtol\": " + number(t.tolerantRtol()) + ", \"tolerantAtol\": " + number(t.tolerantAtol())
                + ", \"minCorrelation\": " + number(t.minCorrelation()) + ", \"spikeThreshold\": "
                + number(t.spikeThreshold()) + "}"
                + ", \"reasons\": " + strings(v.reasons()) + ", \"suggestion\": " + quote(v.suggestion()) + "}";
    }

    private static String column(ColumnComparison c) {
        StringBuilder out = new StringBuilder("    {");
        out.append("\"quantity\": ").append(quote(c.quantity()));
        out.append(", \"candidate\": ").append(c.missing() ? "null" : quote(c.candidate().quantity()));
        out.append(", \"unit\": ").append(quote(c.unit()));
        out.append(", \"tier\": ").append(quote(c.tier().label()));
        if (!c.missing()) {
            Metrics m = c.metrics();
            out.append(", \"rows\": ").append(m.rows());
            out.append(", \"rmse\": ").append(number(m.rmse()));
            out.append(", \"maxAbsError\": ").append(number(m.maxAbsError()));
            out.append(", \"maxAbsRow\": ").append(m.maxAbsRow());
            out.append(", \"maxAbsTime\": ").append(number(m.maxAbsTime()));
            out.append(", \"maxRelError\": ").append(number(m.maxRelError()));
            out.append(", \"nrmse\": ").append(number(m.nrmse()));
            out.append(", \"pearson\": ").append(number(m.pearson()));
            out.append(", \"nanRows\": ").append(m.nanRows());
            out.append(", \"suggestedStrictRtol\": ").append(number(c.strict().suggestedRtol()));
            out.append(", \"suggestedTolerantRtol\": ").append(number(c.tolerant().suggestedRtol()));
            SpikeComparison s = c.spikes();
            if (s == null) {
                out.append(", \"spikes\": null");
            } else {
            out.append(", \"spikes\": {\"rule\": ").append(quote(s.reference().rule().describe(c.unit())))
                    .append(", \"threshold\": ").append(number(s.reference().rule().markerLevel()))
                    .append(", \"reference\": ").append(numbers(s.reference().times()))
                    .append(", \"candidate\": ").append(numbers(s.candidate().times()))
                    .append(", \"countDifference\": ").append(s.countDifference())
                    .append(", \"firstDivergentIndex\": ").append(s.firstDivergentIndex())
                    .append(", \"firstDivergentReferenceTime\": ").append(number(s.firstDivergentRefTime()))
                    .append(", \"firstDivergentCandidateTime\": ").append(number(s.firstDivergentCandTime()))
                    .append(", \"largestShift\": ").append(number(s.largestShift())).append('}');
            }
        }
        out.append(", \"findings\": [");
        List<TierFinding> findings = c.findings();
        for (int i = 0; i < findings.size(); i++) {
            TierFinding finding = findings.get(i);
            out.append(i == 0 ? "" : ", ").append("{\"missedTier\": ").append(quote(finding.tier().label()))
                    .append(", \"kind\": ").append(quote(finding.kind().name().toLowerCase(Locale.ROOT)))
                    .append(", \"message\": ").append(quote(finding.message())).append('}');
        }
        return out.append("]}").toString();
    }

    private static void field(StringBuilder out, int indent, String name, String json, boolean comma) {
        out.append("  ".repeat(indent)).append(quote(name)).append(": ").append(json).append(comma ? ",\n" : "\n");
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String numbers(List<Double> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(number(values.get(i)));
        }
        return out.append(']').toString();
    }
}
