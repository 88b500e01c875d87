package org.lemsbridge.compare.report;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Metrics;
import org.lemsbridge.compare.SpikeComparison;
import org.lemsbridge.compare.TierFinding;
import org.lemsbridge.compare.Tolerances;
import org.lemsbridge.compare.Verdict;
import org.lemsbridge.files.Json;

/** The comparison as JSON (NaN and infinities become {@code null}). */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(Comparison comparison) {
        return Json.pretty(json -> write(json, comparison));
    }

    /** Writes the comparison as one JSON object, for documents that nest it. */
    public static void write(JsonGenerator json, Comparison comparison) throws IOException {
        json.writeStartObject();
        json.writeStringField("reference", comparison.referenceSource());
        json.writeStringField("candidate", comparison.candidateSource());
        json.writeBooleanField("sameGrid", comparison.alignment().sameGrid());
        json.writeNumberField("rowsCompared", comparison.alignment().rows());
        json.writeStringField("grid", comparison.alignment().note());
        Json.stringsField(json, "warnings", comparison.warnings());
        json.writeFieldName("verdict");
        verdict(json, comparison.verdict());
        json.writeArrayFieldStart("columns");
        for (ColumnComparison column : comparison.columns()) {
            column(json, column);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void verdict(JsonGenerator json, Verdict v) throws IOException {
        json.writeStartObject();
        json.writeStringField("tier", v.tier().label());
        json.writeStringField("required", v.required().label());
        json.writeBooleanField("passed", v.passed());
        Tolerances t = v.tolerances();
        json.writeObjectFieldStart("tolerances");
        Json.numberField(json, "exactRelative", t.exactRelative());
        Json.numberField(json, "strictRtol", t.strictRtol());
        Json.numberField(json, "strictAtol", t.strictAtol());
        Json.numberField(json, "tolerantRtol", t.tolerantRtol());
        Json.numberField(json, "tolerantAtol", t.tolerantAtol());
        Json.numberField(json, "minCorrelation", t.minCorrelation());
        Json.numberField(json, "spikeThreshold", t.spikeThreshold());
        json.writeEndObject();
        Json.stringsField(json, "reasons", v.reasons());
        json.writeStringField("suggestion", v.suggestion());
        json.writeEndObject();
    }

    private static void column(JsonGenerator json, ColumnComparison c) throws IOException {
        json.writeStartObject();
        json.writeStringField("quantity", c.quantity());
        Json.stringOrNullField(json, "candidate", c.missing() ? null : c.candidate().quantity());
        json.writeStringField("unit", c.unit());
        json.writeStringField("tier", c.tier().label());
        if (!c.missing()) {
            Metrics m = c.metrics();
            json.writeNumberField("rows", m.rows());
            Json.numberField(json, "rmse", m.rmse());
            Json.numberField(json, "maxAbsError", m.maxAbsError());
            json.writeNumberField("maxAbsRow", m.maxAbsRow());
            Json.numberField(json, "maxAbsTime", m.maxAbsTime());
            Json.numberField(json, "maxRelError", m.maxRelError());
            Json.numberField(json, "nrmse", m.nrmse());
            Json.numberField(json, "pearson", m.pearson());
            json.writeNumberField("nanRows", m.nanRows());
            Json.numberField(json, "suggestedStrictRtol", c.strict().suggestedRtol());
            Json.numberField(json, "suggestedTolerantRtol", c.tolerant().suggestedRtol());
            spikes(json, c.spikes());
        }
        json.writeArrayFieldStart("findings");
        for (TierFinding finding : c.findings()) {
            json.writeStartObject();
            json.writeStringField("missedTier", finding.tier().label());
            json.writeStringField("kind", finding.kind().name().toLowerCase(Locale.ROOT));
            json.writeStringField("message", finding.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void spikes(JsonGenerator json, SpikeComparison s) throws IOException {
        json.writeObjectFieldStart("spikes");
        Json.numberField(json, "threshold", s.reference().threshold());
        Json.numbersField(json, "reference", s.reference().times());
        Json.numbersField(json, "candidate", s.candidate().times());
        json.writeNumberField("countDifference", s.countDifference());
        json.writeNumberField("firstDivergentIndex", s.firstDivergentIndex());
        Json.numberField(json, "firstDivergentReferenceTime", s.firstDivergentRefTime());
        Json.numberField(json, "firstDivergentCandidateTime", s.firstDivergentCandTime());
        Json.numberField(json, "largestShift", s.largestShift());
        json.writeEndObject();
    }
}
