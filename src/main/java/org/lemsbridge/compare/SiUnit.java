package org.lemsbridge.compare;

/**
 * What comparison needs to know about a unit symbol: how to reach SI and which quantity kind it measures.
 *
 * @param symbol        the symbol as written ({@code mV})
 * @param siSymbol      the SI unit of the same dimension ({@code V}), or a dimension description
 * @param dimensionKey  equal for units of the same dimension
 * @param dimensionless true for {@code 1}/{@code none}
 * @param scale         SI value = value * scale + offset
 * @param offset        see scale
 * @param known         false when the symbol was empty (a file that names no unit)
 */
public record SiUnit(String symbol, String siSymbol, String dimensionKey, boolean dimensionless, double scale,
                     double offset, boolean known) {

    public double toSi(double value) {
        return value * scale + offset;
    }

    public boolean sameDimension(SiUnit other) {
        return dimensionKey.equals(other.dimensionKey);
    }
}
