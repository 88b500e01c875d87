package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.LemsParser;
import org.lemsbridge.lems.write.LemsView;

/**
 * Evaluates the rendered derived variables the way jLEMS does in one step (plain DerivedVariables in document
 * order, then ConditionalDerivedVariables in document order, each once, starting from the previous step's
 * values, here 0) and checks each against the value worked out by hand from the YAML.
 */
class JlemsOrderEvaluationTest {

    @Test
    void everyDerivedVariableHasItsIntendedValueAfterOneJlemsPass() {
        ExperimentToLems.Conversion conversion = new ExperimentToLems().convert(
                ExperimentReader.read(ExperimentToLemsTest.resource("piecewise.yaml")));
        LemsView.DynamicsDef dyn = conversion.document().componentTypes().get(3).dynamics();
        Map<String, Double> vars = new HashMap<>();
        vars.put("k", 2.0);
        vars.put("thr", 0.5);
        vars.put("SEC", 0.001);
        for (double x : new double[] {0.7, 0.5, -0.25, 1.0, 1.5}) {
            vars.put("x", x);
            dyn.derivedVariables().forEach(dv -> vars.put(dv.name(), 0.0));
            dyn.conditionalDerivedVariables().forEach(dv -> vars.put(dv.name(), 0.0));
            for (LemsView.DerivedVariableDef dv : dyn.derivedVariables()) {
                vars.put(dv.name(), Evaluator.evaluate(LemsParser.parse(dv.value()), vars::get));
            }
            for (LemsView.ConditionalDerivedVariableDef cdv : dyn.conditionalDerivedVariables()) {
                vars.put(cdv.name(), firstMatchingCase(cdv.cases(), vars));
            }
            double y = 3 * x;
            double z = y + 1;
            double gate = x > 0.5 ? 2.0 : 0.0;
            double drive = 2 * gate + z;
            double mix = x + (x < 0 ? 1.0 : (x < 1 ? 2.0 : 3.0));
            assertEquals(List.of(y, z, gate, drive, mix),
                    List.of(vars.get("y"), vars.get("z"), vars.get("gate"), vars.get("drive"), vars.get("mix")),
                    "x = " + x);
            double rate = Evaluator.evaluate(LemsParser.parse(dyn.timeDerivatives().get(0).value()), vars::get);
            assertEquals((drive - x + (x > 0.5 ? 1.0 : 0.0)) / 0.001, rate, 1e-12 * Math.abs(rate), "x = " + x);
        }
    }

    private static double firstMatchingCase(List<LemsView.CaseDef> cases, Map<String, Double> vars) {
        for (LemsView.CaseDef c : cases) {
            if (c.condition() == null
                    || Evaluator.evaluate(LemsParser.parse(c.condition()), vars::get) != 0.0) {
                return Evaluator.evaluate(LemsParser.parse(c.value()), vars::get);
            }
        }
        return 0.0;
    }
}
