package org.lemsbridge.sim;

/**
 * How a component spikes, read from its dynamics: an OnCondition that emits an event when {@code variable} rises
 * above {@code threshold}, and the value it then sets the variable to ({@code reset}, NaN when it sets none). Values
 * are in the model's units (SI for LEMS written with units).
 *
 * @param quantity  the recorded quantity path, e.g. {@code iafPop[0]/v}
 * @param threshold the threshold's value
 * @param reset     the reset value, or NaN
 * @param source    what the threshold is called in the model, e.g. {@code thresh}
 */
public record SpikeCondition(String quantity, double threshold, double reset, String source) {

    public boolean resets() {
        return !Double.isNaN(reset);
    }
}
