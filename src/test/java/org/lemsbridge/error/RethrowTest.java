package org.lemsbridge.error;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class RethrowTest {

    @Test
    void uncheckedOnesAreThrownAsTheyAre() {
        IllegalArgumentException runtime = new IllegalArgumentException("bad");
        assertSame(runtime, assertThrows(IllegalArgumentException.class, () -> Rethrow.unchecked(runtime)));
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class, () -> Rethrow.unchecked(error)));
    }

    @Test
    void aCheckedOneComesBackWrapped() {
        IOException checked = new IOException("disk");
        RuntimeException wrapped = Rethrow.unchecked(checked);
        assertSame(IllegalStateException.class, wrapped.getClass());
        assertSame(checked, wrapped.getCause());
    }
}
