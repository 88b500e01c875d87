package org.lemsbridge.compare;

import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/** Resolves the unit symbols of trace columns to {@link SiUnit}s. */
final class UnitLookup {

    // Interim table until org.lemsbridge.units lands; replaced by UnitTable.standard().
    private static final Map<String, String> BASE = Map.of("V", "voltage", "s", "time", "A", "current",
            "S", "conductance", "F", "capacitance", "Hz", "per_time", "M", "concentration");
    private static final Map<Character, Double> PREFIX = Map.of('m', 1e-3, 'u', 1e-6, 'n', 1e-9, 'p', 1e-12,
            'k', 1e3, 'M', 1e6);

    private UnitLookup() {
    }

    static SiUnit resolve(String symbol, String origin) {
        String s = symbol == null ? "" : symbol.trim();
        if (s.isEmpty()) {
            return new SiUnit("", "", "none", true, 1.0, 0.0, false);
        }
        if (s.equals("1") || s.equals("none") || s.equals("dimensionless")) {
            return new SiUnit(s, "1", "none", true, 1.0, 0.0, true);
        }
        if (BASE.containsKey(s)) {
            return new SiUnit(s, s, BASE.get(s), false, 1.0, 0.0, true);
        }
        if (s.length() > 1 && PREFIX.containsKey(s.charAt(0)) && BASE.containsKey(s.substring(1))) {
            String base = s.substring(1);
            return new SiUnit(s, base, BASE.get(base), false, PREFIX.get(s.charAt(0)), 0.0, true);
        }
        throw new BadInputException(SourceLocation.unknown(origin), "unknown unit '" + s + "'");
    }
}
