package org.lemsbridge.convert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lemsbridge.experiment.Experiment;

/**
 * One population member turned into an experiment: the file stem ({@code <population>_<index>}), the experiment,
 * and which LEMS quantity (as jLEMS records it) each of its recorded variables reproduces.
 */
public record ImportedMember(String stem, Experiment experiment, Map<String, String> quantities) {

    public ImportedMember {
        quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
    }
}
