package org.lemsbridge.convert;

import java.util.List;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.lems.write.LemsView;
import org.lemsbridge.lems.write.LemsWriter;
import org.lemsbridge.units.UnitTable;

/**
 * Renders a TVBO experiment as one self-contained LEMS 0.7.6 document that jLEMS runs unchanged: inline
 * dimensions, units and simulation types, one ComponentType for the dynamics, its instance, and a Simulation
 * recording every state variable. Bad input raises {@link org.lemsbridge.error.BadInputException} at the
 * user's file position.
 */
public final class ExperimentToLems {
    private final UnitTable units;
    private final LemsWriter writer = new LemsWriter();

    /** The LEMS view of an experiment and the warnings found while building it. */
    public record Conversion(LemsView.Document document, List<String> warnings) {
        public Conversion {
            warnings = List.copyOf(warnings);
        }
    }

    public ExperimentToLems() {
        this(UnitTable.standard());
    }

    public ExperimentToLems(UnitTable units) {
        this.units = units;
    }

    /** The experiment as LEMS XML. */
    public RenderResult render(Experiment experiment) {
        Conversion conversion = convert(experiment);
        return new RenderResult(writer.write(conversion.document()), conversion.warnings());
    }

    /** The experiment as a LEMS view model (what {@link #render} prints). */
    public Conversion convert(Experiment experiment) {
        return new ModelRenderer(experiment, units).convert();
    }
}
