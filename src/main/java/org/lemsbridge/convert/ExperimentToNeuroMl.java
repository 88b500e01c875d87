package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.Integration;
import org.lemsbridge.lems.write.LemsView.Attribute;
import org.lemsbridge.lems.write.LemsWriter;
import org.lemsbridge.lems.write.NeuroMlView;
import org.lemsbridge.lems.write.NeuroMlView.Element;

/**
 * Renders an experiment as the NeuroML a modeller would write when its dynamics is a core cell in disguise (see
 * {@link NeuroMlRecognizer}): the standard cell and input elements, a network with one population and an
 * explicitInput, and a Simulation with an OutputFile, over {@code <Include>}d core types. Any other experiment is
 * rendered by {@link ExperimentToLems}, with a warning saying why no core type fits.
 */
public final class ExperimentToNeuroMl {
    private final LemsWriter writer = new LemsWriter();

    /** The experiment as idiomatic NeuroML, or as a custom-type LEMS document when no core type fits. */
    public RenderResult render(Experiment experiment) {
        NeuroMlRecognizer.Recognition recognition = NeuroMlRecognizer.recognize(experiment);
        if (recognition.cell().isEmpty()) {
            RenderResult generic = new ExperimentToLems().render(experiment);
            RenderWarning custom = new RenderWarning("no NeuroML core type fits, so a custom ComponentType is written: "
                    + String.join("; ", recognition.reasons()), experiment.dynamics() == null ? experiment.location()
                            : experiment.dynamics().location());
            return new RenderResult(generic.xml(), RenderWarning.before(custom, generic.placedWarnings()));
        }
        return new RenderResult(writer.write(document(experiment, recognition.cell().get())), List.of());
    }

    private static NeuroMlView.Document document(Experiment experiment, NeuroMlRecognizer.CoreCell cell) {
        String cellId = SafeId.of(experiment.dynamics().name() == null ? cell.tag() : experiment.dynamics().name());
        String populationId = cellId + "_pop";
        String label = experiment.label();
        String simId = "sim_" + (label == null || label.isBlank() ? cellId : SafeId.of(label));
        List<Element> elements = new ArrayList<>();
        elements.add(element(cell.tag(), attributes("id", cellId, cell.attributes())));
        String inputId = null;
        if (cell.input() != null) {
            inputId = SafeId.of(cell.input().yamlName());
            if (inputId.equals(cellId) || inputId.equals(populationId)) {
                inputId = inputId + "_input";
            }
            elements.add(element(cell.input().tag(), attributes("id", inputId, cell.input().attributes())));
        }
        List<Element> network = new ArrayList<>();
        network.add(element("population", List.of(new Attribute("id", populationId), new Attribute("component", cellId),
                new Attribute("size", "1"))));
        if (inputId != null) {
            network.add(element("explicitInput", List.of(new Attribute("target", populationId + "[0]"),
                    new Attribute("input", inputId), new Attribute("destination", "synapses"))));
        }
        elements.add(new Element("network", List.of(new Attribute("id", "net")), network));

        List<Element> columns = new ArrayList<>();
        cell.recordedStates().forEach((yamlName, variable) -> columns.add(element("OutputColumn",
                List.of(new Attribute("id", SafeId.of(yamlName)), new Attribute("quantity", populationId + "[0]/" + variable)))));
        if (inputId != null) {
            columns.add(element("OutputColumn", List.of(new Attribute("id", inputId),
                    new Attribute("quantity", populationId + "[0]/" + inputId + "/" + cell.input().variable()))));
        }
        Integration integration = experiment.integration();
        String unit = integration.timeScale();
        if (!(integration.stepSize() > 0) || !(integration.duration() > 0)) {
            throw new BadInputException(integration.location(), "step_size and duration must be positive");
        }
        Element outputFile = new Element("OutputFile", List.of(new Attribute("id", "of_" + cellId),
                new Attribute("fileName", cellId + ".dat")), columns);
        elements.add(new Element("Simulation", List.of(new Attribute("id", simId),
                new Attribute("length", NeuroMlRecognizer.number(integration.duration()) + unit),
                new Attribute("step", NeuroMlRecognizer.number(integration.stepSize()) + unit),
                new Attribute("target", "net")), List.of(outputFile)));
        List<String> includes = cell.input() == null ? List.of("Cells.xml", "Networks.xml", "Simulation.xml")
                : List.of("Cells.xml", "Networks.xml", "Inputs.xml", "Simulation.xml");
        return new NeuroMlView.Document(simId, includes, elements);
    }

    private static List<Attribute> attributes(String idName, String id, Map<String, String> values) {
        List<Attribute> out = new ArrayList<>();
        out.add(new Attribute(idName, id));
        values.forEach((name, value) -> out.add(new Attribute(name, value)));
        return out;
    }

    private static Element element(String tag, List<Attribute> attributes) {
        return new Element(tag, attributes, List.of());
    }
}
