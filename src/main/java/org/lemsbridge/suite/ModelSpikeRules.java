package org.lemsbridge.suite;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lemsbridge.compare.SpikeRule;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SpikeCondition;
import org.lemsbridge.sim.Simulator;

/** The spike rules a model defines for recorded quantities: its threshold, and its reset where it has one. */
public final class ModelSpikeRules {

    private ModelSpikeRules() {
    }

    public static Map<String, SpikeRule> of(LemsModel model, Collection<String> quantities) {
        Map<String, SpikeRule> rules = new LinkedHashMap<>();
        Simulator.build(model, SimulationOptions.defaults()).spikeConditions(quantities)
                .forEach((quantity, condition) -> rules.put(quantity, rule(condition)));
        return rules;
    }

    static SpikeRule rule(SpikeCondition condition) {
        String origin = "the model's " + condition.source();
        return condition.resets() ? new SpikeRule.Reset(condition.threshold(), condition.reset(), origin)
                : new SpikeRule.Crossing(condition.threshold(), origin);
    }
}
