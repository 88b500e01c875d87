package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;

/**
 * An experiment built in code (as import builds them) is held to the reader's rules: each broken rule gives the
 * reader's own message for the document that breaks it the same way.
 */
class ExperimentCheckTest {

    private static final Integration RUN = new Integration("euler", 0.025, 100.0, "ms", 0.0, Extras.NONE, null);

    /** The reader's message for {@code yaml}, without its location. */
    private static String readerSays(String yaml) {
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentReader.read(yaml, "bad.yaml",
                null));
        return e.getMessage();
    }

    private static String checkSays(Experiment experiment) {
        return assertThrows(BadInputException.class, () -> ExperimentCheck.check(experiment)).getMessage();
    }

    private static Experiment with(Dynamics dynamics, Integration integration) {
        return new Experiment("built", null, dynamics, integration, Network.single(null), Extras.NONE, null);
    }

    private static Dynamics dynamics(Map<String, StateVariable> states, Map<String, Event> events, Extras extras) {
        return new Dynamics("Built", null, null, Map.of(), Map.of(), Map.of(), states, events, Map.of(), extras,
                null);
    }

    private static StateVariable x(Extras extras) {
        return new StateVariable("x", Equation.of("-x"), 1.0, true, null, true, extras, null);
    }

    @Test
    void anExperimentTheReaderAcceptsPassesAndSoDoesItsCopyBuiltInCode() {
        Experiment read = ExperimentReader.read(Path.of("examples/izhikevich-tonic.yaml"));
        ExperimentCheck.check(read);
        ExperimentCheck.check(with(dynamics(Map.of("x", x(Extras.NONE)), Map.of(), Extras.NONE), RUN));
    }

    @Test
    void aStepOrDurationThatIsNotPositiveIsRefusedInTheReadersWords() {
        assertEquals(readerSays("integration:\n  dt: -0.1\n"), checkSays(with(null,
                new Integration("euler", -0.1, 100.0, "ms", 0.0, Extras.NONE, null))));
        assertEquals(readerSays("integration:\n  duration: -5.0\n"), checkSays(with(null,
                new Integration("euler", 0.1, -5.0, "ms", 0.0, Extras.NONE, null))));
        assertEquals(readerSays("integration: {transient_time: -1.0}\n"), checkSays(with(null,
                new Integration("euler", 0.1, 5.0, "ms", -1.0, Extras.NONE, null))));
        assertEquals("integration.step_size: must be > 0, found NaN", checkSays(with(null,
                new Integration("euler", Double.NaN, 5.0, "ms", 0.0, Extras.NONE, null))));
    }

    @Test
    void aTimeScaleTheSchemaDoesNotNameIsRefused() {
        readerSays("integration: {time_scale: min}\n");
        assertEquals("integration.time_scale: must be one of ms, s, us, found 'min'", checkSays(with(null,
                new Integration("euler", 0.1, 5.0, "min", 0.0, Extras.NONE, null))));
    }

    @Test
    void anEventNameThatIsNotAnIdentifierIsRefusedInTheReadersWords() {
        Event event = new Event("2fast", Equation.of("x > 1"), Equation.of("x = 0"), null, Extras.NONE, null);
        assertEquals(readerSays("dynamics:\n  events:\n    2fast: {condition: x > 1, affect: x = 0}\n"),
                checkSays(with(dynamics(Map.of("x", x(Extras.NONE)), Map.of("2fast", event), Extras.NONE), RUN)));
        Event typed = new Event("fast", Equation.of("x > 1"), Equation.of("x = 0"), "sometimes", Extras.NONE, null);
        assertEquals("dynamics.events.fast.event_type: must be one of continuous, discrete, preset_time, stimulus, "
                + "found 'sometimes'", checkSays(with(dynamics(Map.of("x", x(Extras.NONE)), Map.of("fast", typed),
                        Extras.NONE), RUN)));
    }

    @Test
    void keptFieldsThatWouldChangeTheNumbersAreRefusedInTheReadersWords() {
        Map<String, RawValue> intensity = new LinkedHashMap<>();
        intensity.put("intensity", new RawValue.Scalar("0.1", "float"));
        Extras noise = new Extras(Map.of("noise", new RawValue.Mapping(intensity)));
        assertEquals(readerSays("dynamics:\n  state_variables:\n    x:\n      noise: {intensity: 0.1}\n"),
                checkSays(with(dynamics(Map.of("x", x(noise)), Map.of(), Extras.NONE), RUN)));
        Extras modes = new Extras(Map.of("number_of_modes", new RawValue.Scalar("2", "int")));
        assertEquals(readerSays("dynamics:\n  number_of_modes: 2\n"),
                checkSays(with(dynamics(Map.of("x", x(Extras.NONE)), Map.of(), modes), RUN)));
        // what the reader lets through (an empty or false value, a map) the check lets through too
        ExperimentReader.read("dynamics:\n  system_type: discrete\n", "ok.yaml", null);
        ExperimentCheck.check(with(dynamics(Map.of("x", x(Extras.NONE)), Map.of(),
                new Extras(Map.of("system_type", RawValue.Scalar.string("discrete")))), RUN));
        ExperimentReader.read("dynamics:\n  state_variables:\n    x: {noise: {}}\n", "ok.yaml", null);
        ExperimentCheck.check(with(dynamics(Map.of("x", x(new Extras(Map.of("noise",
                new RawValue.Mapping(Map.of()))))), Map.of(), Extras.NONE), RUN));
    }
}
