package org.lemsbridge.lems.xml;

/** The namespace every element is read in, whatever the file declared; see {@link NamespaceNormalisingReader}. */
public final class LemsNamespace {

    public static final String URI = "http://www.neuroml.org/lems/0.7.6";

    private LemsNamespace() {
    }
}
