package org.lemsbridge.compare.omv;

import java.util.List;

/** An experiment of an OMT file: its name (the key in the MEP file too) and its observables. */
public record OmtExperiment(String name, List<OmtObservable> observables) {
    public OmtExperiment {
        observables = List.copyOf(observables);
    }
}
