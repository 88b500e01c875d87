package org.lemsbridge.compare.report;

import org.lemsbridge.compare.Comparison;
import org.lemsbridge.files.Json;

/** The comparison as JSON: {@link ComparisonReport} written with Jackson (NaN and infinities become null). */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(Comparison comparison) {
        return Json.data(ComparisonReport.of(comparison));
    }
}
