package org.lemsbridge.suite;

/**
 * A reference column paired with a candidate column, by name. {@code candidateUnit} and {@code referenceUnit}
 * override the units the files declare (for instance a dimensionless model whose {@code v} is in mV).
 */
public record ColumnMapping(String reference, String candidate, String referenceUnit, String candidateUnit) {
}
