package org.lemsbridge.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The iteration order of a default {@link HashMap} filled with the given keys in the given order. jLEMS keeps
 * Child instances, attachment sets and regimes in such maps, so their order is this one (on the same JDK).
 */
final class JavaHashOrder {

    private JavaHashOrder() {
    }

    static List<String> of(List<String> insertionOrder) {
        Map<String, Boolean> map = new HashMap<>();
        for (String key : insertionOrder) {
            map.put(key, Boolean.TRUE);
        }
        return new ArrayList<>(map.keySet());
    }
}
