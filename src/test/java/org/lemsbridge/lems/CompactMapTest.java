package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompactMapTest {

    /** What a LinkedHashMap holds after putting the pairs one by one, as a list of its entries in order. */
    private static List<Map.Entry<String, String>> putOneByOne(List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            map.put(pairs.get(i), pairs.get(i + 1));
        }
        return List.copyOf(map.entrySet());
    }

    private static List<Map.Entry<String, String>> entries(Map<String, String> map) {
        return List.copyOf(map.entrySet());
    }

    @Test
    void pairsMakeTheMapALinkedHashMapWouldHoldInItsOrder() {
        List<String> pairs = List.of("target", "izpop[7]", "input", "i1", "destination", "synapses");
        Map<String, String> map = CompactMap.ofPairs(pairs);
        assertEquals(putOneByOne(pairs), entries(map));
        assertEquals(List.of("target", "input", "destination"), List.copyOf(map.keySet()));
        assertEquals("i1", map.get("input"));
        assertEquals(null, map.get("id"));
        assertEquals(3, map.size());
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() {
        List<String> pairs = List.of("a", "1", "b", "2", "a", "3");
        Map<String, String> map = CompactMap.ofPairs(pairs);
        assertEquals(putOneByOne(pairs), entries(map));
        assertEquals("3", map.get("a"));
        assertEquals(2, map.size());
    }

    @Test
    void manyPairsAndNoneGiveTheMapsCopyOfGives() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 2 * CompactMap.MAX_SCANNED; i++) {
            pairs.add("k" + i);
            pairs.add("v" + i);
            Map<String, String> map = CompactMap.ofPairs(pairs);
            assertEquals(putOneByOne(pairs), entries(map), pairs.size() / 2 + " pairs");
            assertThrows(UnsupportedOperationException.class, () -> map.put("x", "y"));
        }
        assertEquals(Map.of(), CompactMap.ofPairs(List.of()));
    }

    @Test
    void aCopyOfACompactMapIsTheMapItself() {
        Map<String, String> map = CompactMap.ofPairs(List.of("a", "1", "b", "2"));
        assertSame(map, CompactMap.copyOf(map));
        Map<String, String> linked = new LinkedHashMap<>(Map.of("a", "1"));
        assertEquals(linked, CompactMap.copyOf(linked));
    }
}
