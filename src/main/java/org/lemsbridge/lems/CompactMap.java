package org.lemsbridge.lems;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * An unmodifiable copy of a small map that keeps its insertion order in one array of keys and values, which lookups
 * scan. A model has one {@link Component} per element, often many thousands with two or three attributes each, so
 * this holds their attributes, values and texts in a fraction of the memory of a LinkedHashMap. Maps with no entry
 * share {@link Collections#emptyMap()}; maps with more than {@link #MAX_SCANNED} entries stay LinkedHashMaps.
 */
final class CompactMap<K, V> extends AbstractMap<K, V> {

    static final int MAX_SCANNED = 8;

    /** key 0, value 0, key 1, value 1, ... */
    private final Object[] entries;

    private CompactMap(Object[] entries) {
        this.entries = entries;
    }

    /** An unmodifiable copy of {@code map} with the same iteration order ({@code map} itself when it is one). */
    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map instanceof CompactMap<K, V>) {
            return map;
        }
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        if (map.size() > MAX_SCANNED) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        Object[] entries = new Object[2 * map.size()];
        int at = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            entries[at++] = entry.getKey();
            entries[at++] = entry.getValue();
        }
        return new CompactMap<>(entries);
    }

    /**
     * The map of {@code pairs} (key 0, value 0, key 1, value 1, ...) in their order, as {@link #copyOf} would make it
     * of a LinkedHashMap they were put into one by one (a repeated key keeps its first place and its last value).
     */
    static Map<String, String> ofPairs(List<String> pairs) {
        if (pairs.isEmpty()) {
            return Collections.emptyMap();
        }
        if (pairs.size() > 2 * MAX_SCANNED || repeatsAKey(pairs)) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                map.put(pairs.get(i), pairs.get(i + 1));
            }
            return copyOf(map);
        }
        return new CompactMap<>(pairs.toArray());
    }

    private static boolean repeatsAKey(List<String> pairs) {
        for (int i = 2; i < pairs.size(); i += 2) {
            for (int j = 0; j < i; j += 2) {
                if (pairs.get(i).equals(pairs.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < entries.length; i += 2) {
            if (Objects.equals(entries[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return entries.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) entries[i + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : (V) entries[i + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < entries.length; i += 2) {
            action.accept((K) entries[i], (V) entries[i + 1]);
        }
    }

    /** A new view each time: AbstractMap would keep the first one in every map. */
    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return entries.length / 2;
            }

            @Override
            public boolean contains(Object key) {
                return indexOf(key) >= 0;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Iterator<K> iterator() {
                return new Pairs<>(at -> (K) entries[at]);
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return entries.length / 2;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Pairs<>(at -> new AbstractMap.SimpleImmutableEntry<>((K) entries[at], (V) entries[at + 1]));
            }
        };
    }

    /** Walks the pairs of {@code entries}, giving what {@code item} makes of the pair at each even index. */
    private final class Pairs<T> implements Iterator<T> {
        private final IntFunction<T> item;
        private int next;

        Pairs(IntFunction<T> item) {
            this.item = item;
        }

        @Override
        public boolean hasNext() {
            return next < entries.length;
        }

        @Override
        public T next() {
            if (next >= entries.length) {
                throw new NoSuchElementException();
            }
            T value = item.apply(next);
            next += 2;
            return value;
        }
    }
}
