package org.lemsbridge.trace;

import java.util.Objects;

/**
 * One column of a trace.
 *
 * @param name         short id (a sidecar/manifest id, a CSV header, or {@code #k} when the file names nothing)
 * @param quantity     the quantity path, e.g. {@code izpopTonic[0]/v}; equal to {@code name} when nothing better is
 *                     known
 * @param unit         the SI symbol the values are written in ({@code s}, {@code V}, {@code 1} ...); empty when unknown
 * @param declaredUnit the unit the model's author declared for the column, as written ({@code mV}), when the values
 *                     are the model's own numbers in that unit rather than SI (a TVBO model whose units only
 *                     annotate); empty otherwise
 */
public record Column(String name, String quantity, String unit, String declaredUnit) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        unit = unit == null ? "" : unit;
        declaredUnit = declaredUnit == null ? "" : declaredUnit;
    }

    /** A column without a declared unit. */
    public Column(String name, String quantity, String unit) {
        this(name, quantity, unit, "");
    }

    /** The conventional time column of jLEMS files. */
    public static Column time() {
        return new Column("t", "t", "s");
    }

    /** A column known only by its position ({@code #1} is the first column after time). */
    public static Column positional(int position) {
        String id = "#" + position;
        return new Column(id, id, "");
    }

    public boolean isPositional() {
        return name.startsWith("#") && name.equals(quantity);
    }

    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    /** The part of the quantity after the last {@code /} (the variable name). */
    public String lastSegment() {
        int slash = quantity.lastIndexOf('/');
        return slash < 0 ? quantity : quantity.substring(slash + 1);
    }
}
