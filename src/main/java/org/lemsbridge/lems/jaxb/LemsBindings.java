package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/**
 * The JAXB context of the LEMS bindings. It is immutable and thread-safe, and costly to build, so it is built
 * once, on first use, by the class-loading of a holder class: no mutable static state is involved.
 */
public final class LemsBindings {

    private LemsBindings() {
    }

    public static JAXBContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(LemsDocument.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the LEMS bindings are inconsistent: " + e, e);
            }
        }
    }
}
