package org.lemsbridge.convert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.Integration;
import org.lemsbridge.lems.write.LemsView;
import org.lemsbridge.lems.write.LemsWriter;
import org.lemsbridge.units.UnitTable;

/**
 * Renders a TVBO experiment as one self-contained LEMS 0.7.6 document that jLEMS runs unchanged: inline
 * dimensions, units and simulation types, one ComponentType for the dynamics, its instance, and a Simulation
 * recording every state variable. A model whose units are complete and consistent is rendered with dimensions;
 * one whose units only annotate some symbols, and do not fit together, is rendered in its own numbers (see
 * {@link UnitCoverage}), as TVBO evaluates it. Bad input raises {@link org.lemsbridge.error.BadInputException} at the
 * user's file position.
 */
public final class ExperimentToLems {
    private final UnitTable units;
    private final LemsWriter writer = new LemsWriter();

    /**
     * The LEMS view of an experiment, the warnings found while building it, and the unit the YAML declares for each
     * recorded quantity whose values are the model's own numbers (rendered in its own numbers; see
     * {@link RenderResult#declaredUnits()}).
     */
    public record Conversion(LemsView.Document document, List<RenderWarning> placedWarnings,
            Map<String, String> declaredUnits) {
        public Conversion {
            placedWarnings = List.copyOf(placedWarnings);
            declaredUnits = Map.copyOf(declaredUnits);
        }

        /** The warnings' messages. */
        public List<String> warnings() {
            return RenderWarning.messages(placedWarnings);
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
        return new RenderResult(writer.write(conversion.document()), conversion.placedWarnings(),
                conversion.declaredUnits());
    }

    /** The experiment as a LEMS view model (what {@link #render} prints). */
    public Conversion convert(Experiment experiment) {
        Conversion conversion = convertModel(experiment);
        if (!experiment.modelFile()) {
            return conversion;
        }
        RenderWarning modelFile = new RenderWarning(MODEL_FILE_NOTE, experiment.location());
        return new Conversion(conversion.document(), RenderWarning.before(modelFile, conversion.placedWarnings()),
                conversion.declaredUnits());
    }

    /** Said of a model file of TVBO's database run on its own. */
    static final String MODEL_FILE_NOTE = String.format(Locale.ROOT, "a TVBO model file on its own: run "
            + "as one node with TVBO's default integration (%s, step %s %s, %s %s); to choose them, write an "
            + "experiment whose dynamics is this model", Integration.DEFAULT_METHOD,
            BigDecimal.valueOf(Integration.DEFAULT_STEP_SIZE).toPlainString(), Integration.DEFAULT_TIME_SCALE,
            BigDecimal.valueOf(Integration.DEFAULT_DURATION).stripTrailingZeros().toPlainString(),
            Integration.DEFAULT_TIME_SCALE);

    private Conversion convertModel(Experiment experiment) {
        ModelRenderer dimensioned = new ModelRenderer(experiment, units, false);
        try {
            return dimensioned.convert();
        } catch (BadInputException e) {
            if (e.kind() != BadInputException.Kind.DIMENSION_MISMATCH || !UnitCoverage.isPartial(experiment.dynamics())) {
                throw e;
            }
        }
        Conversion own = new ModelRenderer(experiment, units, true).convert();
        RenderWarning ownNumbers = new RenderWarning(UnitCoverage.ownNumbersNote(experiment),
                experiment.dynamics().location());
        return new Conversion(own.document(), RenderWarning.before(ownNumbers, own.placedWarnings()),
                own.declaredUnits());
    }
}
