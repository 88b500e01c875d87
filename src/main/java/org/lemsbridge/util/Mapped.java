package org.lemsbridge.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The few stream pipelines a run's start-up path needs, as loops. On Java 17 the first use of each of the JDK's stream
 * operations links the JDK's own lambdas through {@code LambdaMetafactory} (about 10 ms for the first, then 0.5–1 ms
 * each) and interprets a pipeline of several objects per call; these run as plain code. Results are unmodifiable like
 * {@code Stream.toList()}'s.
 */
public final class Mapped {
    private Mapped() {
    }

    /** {@code items.stream().map(f).toArray(newArray)}. */
    public static <T, R> R[] array(Collection<? extends T> items, Function<? super T, ? extends R> f,
            IntFunction<R[]> newArray) {
        R[] out = newArray.apply(items.size());
        int i = 0;
        for (T item : items) {
            out[i++] = f.apply(item);
        }
        return out;
    }

    /** {@code items.stream().mapToInt(f).toArray()}. */
    public static <T> int[] ints(Collection<? extends T> items, ToIntFunction<? super T> f) {
        int[] out = new int[items.size()];
        int i = 0;
        for (T item : items) {
            out[i++] = f.applyAsInt(item);
        }
        return out;
    }

    /** {@code items.stream().map(f).toList()}. */
    public static <T, R> List<R> list(Collection<? extends T> items, Function<? super T, ? extends R> f) {
        List<R> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(f.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code items.stream().filter(keep).toList()}. */
    public static <T> List<T> filtered(Collection<? extends T> items, Predicate<? super T> keep) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            if (keep.test(item)) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code items.stream().allMatch(test)}. */
    public static <T> boolean all(Iterable<? extends T> items, Predicate<? super T> test) {
        for (T item : items) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    /** {@code items.stream().anyMatch(test)}. */
    public static <T> boolean any(Iterable<? extends T> items, Predicate<? super T> test) {
        for (T item : items) {
            if (test.test(item)) {
                return true;
            }
        }
        return false;
    }
}
