package org.lemsbridge.lems.xml;

/**
 * The LEMS vocabulary as {@link LemsVocabulary#text()} writes it, compiled into this class: the build step
 * ({@link LemsVocabulary#main}, in process-classes) replaces the body of {@link #text()} in the compiled class by one
 * that returns the vocabulary read from the bindings. A run then reads neither the bindings nor a resource from the
 * jar (a run's first resource cost about 13 ms of its start-up: the class path's jar opened a second time).
 */
final class VocabularyText {
    static final String CLASS_FILE = "org/lemsbridge/lems/xml/VocabularyText.class";
    static final String METHOD = "text";

    private VocabularyText() {
    }

    /** The vocabulary's text, or null in classes the build step has not completed (then it is read from the bindings). */
    static String text() {
        return null;
    }
}
