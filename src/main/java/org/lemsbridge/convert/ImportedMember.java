package org.lemsbridge.convert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lemsbridge.experiment.Experiment;

/**
 * One population member turned into an experiment: the file stem ({@code <population>_<index>}), the experiment,
 * which LEMS quantity each of its recorded variables came from, and notes about the conversion.
 */
public record ImportedMember(String stem, Experiment experiment, Map<String, String> quantities,
        List<String> warnings) {

    public ImportedMember {
        quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
        warnings = List.copyOf(warnings);
    }
}
