/**
 * Reading LEMS: {@link org.lemsbridge.lems.LemsReader} parses a document safely (no DOCTYPE, nothing external),
 * follows {@code <Include>}s (beside the including file, then the search folders, then the bundled NeuroML core
 * types; each file once; cycles, missing files and escaping paths refused), resolves ComponentType inheritance
 * with jLEMS's rules, converts component values to SI through {@code org.lemsbridge.units}, parses every
 * expression with jLEMS grouping, and returns an immutable {@link org.lemsbridge.lems.LemsModel}.
 */
package org.lemsbridge.lems;
