package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.LemsModel;

/**
 * What a cell must not contain to be flattened exactly, each refusal naming the construct and where it is:
 * kinetic schemes, child components, requirements, structure, simultaneous updates, unknown names, and derived
 * variables that read others before jLEMS computes them.
 */
final class FlatteningLimits {

    private FlatteningLimits() {
    }

    static void refuseUnsupported(Component cell, ComponentType type, org.lemsbridge.lems.Dynamics dyn,
            String what) {
        if (!dyn.kineticSchemes().isEmpty()) {
            throw new BadInputException(cell.location(), what + " has kinetic schemes, which are not imported",
                    "type " + type.name() + " at " + type.location());
        }
        if (!type.requirements().isEmpty()) {
            throw new BadInputException(cell.location(), what + " reads '" + type.requirements().get(0).name()
                    + "' from its parent (Requirement), which is not imported");
        }
        if (!type.structure().items().isEmpty()) {
            throw new BadInputException(cell.location(), what + " builds child instances (Structure)");
        }
        if (dyn.simultaneous()) {
            throw new BadInputException(cell.location(), what + " asks for simultaneous (RK4) updates");
        }
        refuseLateReads(dyn, what);
    }

    /**
     * A cell with instances below it is flattened instance by instance (see {@link TreeFlattening}), except: a cell
     * whose morphology has more than one segment (multi-compartment; jLEMS would lump the segments into one
     * compartment, which is not the model), and a cell with regimes (whose exposures lag behind its state).
     */
    static void refuseTreeWith(MemberTree tree, org.lemsbridge.lems.Dynamics dyn, String what) {
        long segments = tree.descendants().stream().filter(n -> isA(MemberTree.type(n), "segment")).count();
        if (segments > 1) {
            throw new BadInputException(tree.root().component().location(), what + " is a multi-compartment cell "
                    + "(its morphology has " + segments + " segments); only point and single-compartment cells are "
                    + "flattened");
        }
        if (!dyn.regimes().isEmpty()) {
            throw new BadInputException(tree.root().component().location(), what + " has regimes and child "
                    + "components; the instances below would read its state one step late, so it is not imported");
        }
    }

    /**
     * An OnStart (or initial OnEntry) value that draws random numbers is refused: jLEMS draws it several times during
     * initialisation, and the flat model has one fixed start.
     */
    static void refuseRandomStarts(List<List<org.lemsbridge.lems.Dynamics.Action>> blocks, String what) {
        for (List<org.lemsbridge.lems.Dynamics.Action> block : blocks) {
            for (org.lemsbridge.lems.Dynamics.Action action : block) {
                if (action instanceof org.lemsbridge.lems.Dynamics.StateAssignment a
                        && CellExpressions.containsRandom(a.value())) {
                    throw new BadInputException(a.location(), what + ": the OnStart value of '" + a.variable()
                            + "' is random; jLEMS draws it several times during initialisation");
                }
            }
        }
    }

    private static boolean isA(ComponentType type, String name) {
        return type.name().equals(name) || name.equals(type.extendsName());
    }

    /**
     * A derived variable that reads one jLEMS computes later in the step (a later plain one, or any conditional one
     * from a plain one) sees the previous step's value; the renderer orders by dependency, so it is refused.
     */
    static void refuseLateReads(org.lemsbridge.lems.Dynamics dyn, String what) {
        List<String> plain = dyn.derivedVariables().stream().filter(dv -> !dv.isSelect())
                .map(org.lemsbridge.lems.Dynamics.DerivedVariable::name).toList();
        List<String> conditional = dyn.conditionalDerivedVariables().stream()
                .map(org.lemsbridge.lems.Dynamics.ConditionalDerivedVariable::name).toList();
        for (org.lemsbridge.lems.Dynamics.DerivedVariable dv : dyn.derivedVariables()) {
            if (dv.isSelect()) {
                continue;
            }
            Set<String> later = new HashSet<>(plain.subList(plain.indexOf(dv.name()) + 1, plain.size()));
            later.addAll(conditional);
            lagging(dv.name(), dv.value(), later, dv.location(), what);
        }
        for (org.lemsbridge.lems.Dynamics.ConditionalDerivedVariable cdv : dyn.conditionalDerivedVariables()) {
            Set<String> later = new HashSet<>(conditional.subList(conditional.indexOf(cdv.name()) + 1,
                    conditional.size()));
            for (org.lemsbridge.lems.Dynamics.Case c : cdv.cases()) {
                lagging(cdv.name(), c.value(), later, cdv.location(), what);
                if (c.condition() != null) {
                    lagging(cdv.name(), c.condition(), later, cdv.location(), what);
                }
            }
        }
    }

    /** Every name must be a fixed value (Lems-level Constants included), a variable of the cell or t. */
    static void refuseUnknownSymbols(org.lemsbridge.lems.Dynamics dyn, Set<String> constants, Component cell,
            String what) {
        Set<String> known = new HashSet<>(constants);
        known.add("t");
        dyn.stateVariables().forEach(sv -> known.add(sv.name()));
        dyn.derivedVariables().forEach(dv -> known.add(dv.name()));
        dyn.conditionalDerivedVariables().forEach(dv -> known.add(dv.name()));
        List<Expr> all = new ArrayList<>(CellExpressions.allExpressions(dyn, dyn.timeDerivatives().stream()
                .map(org.lemsbridge.lems.Dynamics.TimeDerivative::value).toList()));
        dyn.regimes().forEach(r -> r.timeDerivatives().forEach(td -> all.add(td.value())));
        for (Expr e : all) {
            for (String symbol : Exprs.freeSymbols(e)) {
                if (!known.contains(symbol)) {
                    throw new BadInputException(cell.location(), what + " uses '" + symbol
                            + "', which is neither a fixed value nor a variable of the cell; it is not imported");
                }
            }
        }
    }

    private static void lagging(String name, Expr e, Set<String> later, SourceLocation where, String what) {
        for (String symbol : Exprs.freeSymbols(e)) {
            if (later.contains(symbol)) {
                throw new BadInputException(where, what + ": derived variable '" + name + "' reads '" + symbol
                        + "' before jLEMS computes it in the step (it sees the previous step's value); the YAML "
                        + "renderer orders derived variables by dependency, so this is not imported");
            }
        }
    }
}
