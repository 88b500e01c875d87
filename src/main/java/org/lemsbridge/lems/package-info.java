/**
 * Reading LEMS: {@link org.lemsbridge.lems.LemsReader} parses a document safely (no DOCTYPE, nothing external),
 * follows {@code <Include>}s as jLEMS does (beside the including file, {@code ..} allowed, then the search folders,
 * then the bundled NeuroML core types; each file once; cycles and missing files refused, and under a
 * {@code --confine} any file outside its folders), resolves ComponentType inheritance
 * with jLEMS's rules, converts component values to SI through {@code org.lemsbridge.units}, parses every
 * expression with jLEMS grouping, and returns an immutable {@link org.lemsbridge.lems.LemsModel}.
 */
package org.lemsbridge.lems;
