package org.lemsbridge.convert;

import java.util.Locale;
import java.util.Optional;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.experiment.RawValue;
import org.lemsbridge.experiment.StateVariable;

/**
 * The interval a state variable is clipped to after every step, as TVB bounds states ({@code np.clip} of the new
 * state): TVBO's {@code boundaries} always clamp; a {@code domain} clamps only with {@code enforce: clamp} and is
 * otherwise descriptive (phase-plane ranges, random initial values). With both, the state is clipped to their
 * intersection. {@code lo} or {@code hi} is null when that side is open ({@code .inf}, absent).
 */
record StateClamp(Double lo, Double hi) {

    static Optional<StateClamp> of(StateVariable sv) {
        StateClamp clamp = null;
        if (sv.extras().get("boundaries") instanceof RawValue.Mapping boundaries) {
            clamp = read(boundaries, sv, "boundaries");
        }
        if (sv.extras().get("domain") instanceof RawValue.Mapping domain
                && domain.entries().get("enforce") instanceof RawValue.Scalar enforce
                && enforce.text().trim().equalsIgnoreCase("clamp")) {
            StateClamp fromDomain = read(domain, sv, "domain");
            clamp = clamp == null ? fromDomain : clamp.intersect(fromDomain);
        }
        return clamp == null || clamp.lo == null && clamp.hi == null ? Optional.empty() : Optional.of(clamp);
    }

    private StateClamp intersect(StateClamp other) {
        Double l = lo == null ? other.lo : other.lo == null ? lo : Double.valueOf(Math.max(lo, other.lo));
        Double h = hi == null ? other.hi : other.hi == null ? hi : Double.valueOf(Math.min(hi, other.hi));
        return new StateClamp(l, h);
    }

    private static StateClamp read(RawValue.Mapping range, StateVariable sv, String field) {
        Double lo = bound(range.entries().get("lo"), sv, field + ".lo");
        Double hi = bound(range.entries().get("hi"), sv, field + ".hi");
        if (lo != null && hi != null && lo > hi) {
            throw new BadInputException(sv.location(), "state variable '" + sv.name() + "': " + field
                    + " has lo " + lo + " above hi " + hi);
        }
        return new StateClamp(lo, hi);
    }

    /** A finite bound, or null for an open side ({@code .inf}, {@code -.inf}, absent, null). */
    private static Double bound(RawValue value, StateVariable sv, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof RawValue.Scalar scalar)) {
            throw new BadInputException(sv.location(), "state variable '" + sv.name() + "': " + field
                    + " must be a number");
        }
        if (scalar.type().equals("null")) {
            return null;
        }
        String text = scalar.text().trim().toLowerCase(Locale.ROOT);
        if (text.equals(".inf") || text.equals("+.inf") || text.equals("-.inf") || text.equals("inf")
                || text.equals("-inf") || text.equals("+inf")) {
            return null;
        }
        try {
            double number = Double.parseDouble(text.replace("_", ""));
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException(sv.location(), "state variable '" + sv.name() + "': " + field
                + " must be a number, found '" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'");
    }
}
