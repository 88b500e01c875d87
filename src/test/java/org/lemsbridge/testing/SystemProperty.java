package org.lemsbridge.testing;

/** Runs a piece of a test with a system property set, then puts the property back as it was. */
public final class SystemProperty {

    /** What runs while the property is set. */
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }

    private SystemProperty() {
    }

    public static <T, E extends Exception> T with(String name, String value, Body<T, E> body) throws E {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            return body.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }
}
