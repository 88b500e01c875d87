package org.lemsbridge.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dimensions and units of NeuroML 2's core dimensions file (NeuroMLCoreDimensions.xml), restated here
 * as data: one line per definition, in the file's order.
 */
final class StandardUnits {

    record NamedDimension(String name, Dimension dimension) {
    }

    /** name, then exponents m l t i k n j. */
    static final List<NamedDimension> DIMENSIONS = List.of(
            dim("time", 0, 0, 1, 0, 0, 0, 0),
            dim("per_time", 0, 0, -1, 0, 0, 0, 0),
            dim("voltage", 1, 2, -3, -1, 0, 0, 0),
            dim("per_voltage", -1, -2, 3, 1, 0, 0, 0),
            dim("conductance", -1, -2, 3, 2, 0, 0, 0),
            dim("conductanceDensity", -1, -4, 3, 2, 0, 0, 0),
            dim("capacitance", -1, -2, 4, 2, 0, 0, 0),
            dim("specificCapacitance", -1, -4, 4, 2, 0, 0, 0),
            dim("resistance", 1, 2, -3, -2, 0, 0, 0),
            dim("resistivity", 2, 2, -3, -2, 0, 0, 0),
            dim("charge", 0, 0, 1, 1, 0, 0, 0),
            dim("charge_per_mole", 0, 0, 1, 1, 0, -1, 0),
            dim("current", 0, 0, 0, 1, 0, 0, 0),
            dim("currentDensity", 0, -2, 0, 1, 0, 0, 0),
            dim("length", 0, 1, 0, 0, 0, 0, 0),
            dim("area", 0, 2, 0, 0, 0, 0, 0),
            dim("volume", 0, 3, 0, 0, 0, 0, 0),
            dim("concentration", 0, -3, 0, 0, 0, 1, 0),
            dim("substance", 0, 0, 0, 0, 0, 1, 0),
            dim("permeability", 0, 1, -1, 0, 0, 0, 0),
            dim("temperature", 0, 0, 0, 0, 1, 0, 0),
            dim("idealGasConstantDims", 1, 2, -2, 0, -1, -1, 0),
            dim("conductance_per_voltage", -2, -4, 6, 3, 0, 0, 0),
            dim("rho_factor", 0, -1, -1, -1, 0, 1, 0));

    /** symbol, dimension name, power; then optional scale=... and offset=... */
    private static final String UNITS = """
            s time 0
            per_s per_time 0
            Hz per_time 0
            ms time -3
            per_ms per_time 3
            min time 0 scale=60
            per_min per_time 0 scale=0.01666666667
            hour time 0 scale=3600
            per_hour per_time 0 scale=0.00027777777778
            m length 0
            cm length -2
            um length -6
            m2 area 0
            cm2 area -4
            um2 area -12
            m3 volume 0
            cm3 volume -6
            litre volume -3
            um3 volume -18
            V voltage 0
            mV voltage -3
            per_V per_voltage 0
            per_mV per_voltage 3
            ohm resistance 0
            kohm resistance 3
            Mohm resistance 6
            S conductance 0
            mS conductance -3
            uS conductance -6
            nS conductance -9
            pS conductance -12
            S_per_m2 conductanceDensity 0
            mS_per_cm2 conductanceDensity 1
            S_per_cm2 conductanceDensity 4
            uS_per_cm2 conductanceDensity -2
            F capacitance 0
            uF capacitance -6
            nF capacitance -9
            pF capacitance -12
            F_per_m2 specificCapacitance 0
            uF_per_cm2 specificCapacitance -2
            ohm_m resistivity 0
            kohm_cm resistivity 1
            ohm_cm resistivity -2
            C charge 0
            e charge 0 scale=1.602176634e-19
            C_per_mol charge_per_mole 0
            nA_ms_per_amol charge_per_mole 6
            pC_per_umol charge_per_mole -6
            A current 0
            uA current -6
            nA current -9
            pA current -12
            A_per_m2 currentDensity 0
            uA_per_cm2 currentDensity -2
            mA_per_cm2 currentDensity 1
            mol_per_m3 concentration 0
            mol_per_cm3 concentration 6
            M concentration 3
            mM concentration 0
            mol substance 0
            m_per_s permeability 0
            cm_per_s permeability -2
            um_per_ms permeability -3
            cm_per_ms permeability 1
            degC temperature 0 offset=273.15
            K temperature 0
            J_per_K_per_mol idealGasConstantDims 0
            fJ_per_K_per_umol idealGasConstantDims -9
            S_per_V conductance_per_voltage 0
            nS_per_mV conductance_per_voltage -6
            mol_per_m_per_A_per_s rho_factor 0
            mol_per_cm_per_uA_per_ms rho_factor 11
            umol_per_cm_per_nA_per_ms rho_factor 8
            """;

    private StandardUnits() {
    }

    private static NamedDimension dim(String name, int m, int l, int t, int i, int k, int n, int j) {
        return new NamedDimension(name, new Dimension(m, l, t, i, k, n, j));
    }

    static List<Unit> units(Map<String, Dimension> dimensions) {
        List<Unit> units = new ArrayList<>();
        for (String line : UNITS.strip().split("\n")) {
            String[] fields = line.strip().split(" ");
            Dimension dimension = dimensions.get(fields[1]);
            if (dimension == null) {
                throw new IllegalStateException("standard unit " + fields[0] + " names no dimension: " + line);
            }
            double scale = 1.0;
            double offset = 0.0;
            for (int index = 3; index < fields.length; index++) {
                String[] option = fields[index].split("=");
                switch (option[0]) {
                    case "scale" -> scale = Double.parseDouble(option[1]);
                    case "offset" -> offset = Double.parseDouble(option[1]);
                    default -> throw new IllegalStateException("bad standard unit line: " + line);
                }
            }
            units.add(new Unit(fields[0], dimension, Integer.parseInt(fields[2]), scale, offset));
        }
        return List.copyOf(units);
    }
}
