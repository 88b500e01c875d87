package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Conditional;
import org.lemsbridge.experiment.DerivedVariable;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Equation;
import org.lemsbridge.experiment.Event;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.Integration;
import org.lemsbridge.experiment.Parameter;
import org.lemsbridge.experiment.StateVariable;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.expr.LemsPrinter;
import org.lemsbridge.lems.write.LemsView;
import org.lemsbridge.lems.write.LemsView.Attribute;
import org.lemsbridge.lems.write.LemsView.CaseDef;
import org.lemsbridge.lems.write.LemsView.ComponentDef;
import org.lemsbridge.lems.write.LemsView.ComponentTypeDef;
import org.lemsbridge.lems.write.LemsView.ConditionalDerivedVariableDef;
import org.lemsbridge.lems.write.LemsView.ConstantDef;
import org.lemsbridge.lems.write.LemsView.DerivedVariableDef;
import org.lemsbridge.lems.write.LemsView.Dimensioned;
import org.lemsbridge.lems.write.LemsView.DynamicsDef;
import org.lemsbridge.lems.write.LemsView.EventPortDef;
import org.lemsbridge.lems.write.LemsView.OnConditionDef;
import org.lemsbridge.lems.write.LemsView.StateAssignmentDef;
import org.lemsbridge.lems.write.LemsView.StateVariableDef;
import org.lemsbridge.lems.write.LemsView.TimeDerivativeDef;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.DimensionException;
import org.lemsbridge.units.DimensionInference;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitTable;

/** One conversion of one experiment; holds the state built up on the way (not reusable). */
final class ModelRenderer {
    private static final String SPIKE_PORT = "spike";

    private final Experiment experiment;
    private final Dynamics dynamics;
    private final UnitCatalog catalog;
    private final ScalarStarts scalarStarts = new ScalarStarts();
    private final List<RenderWarning> warnings = new ArrayList<>();

    /** User name -> LEMS name, for every model symbol. */
    private final Map<String, String> lemsNames = new LinkedHashMap<>();
    private final Map<String, SourceLocation> declaredAt = new HashMap<>();
    private final Map<String, String> declaredKind = new HashMap<>();
    /** LEMS name -> dimension, filled as symbols become known. */
    private final Map<String, Dimension> dimensions = new HashMap<>();
    private final Map<String, String> stateNames = new LinkedHashMap<>();
    private final List<Dimensioned> parameterDefs = new ArrayList<>();
    private final List<Attribute> componentValues = new ArrayList<>();
    /** Whether some rate is per time_scale and so divided by the constant SEC. */
    private boolean timeScaled;
    /**
     * Units only annotate: every quantity is the number as written, time is counted in {@code time_scale} (t/SEC)
     * and every rate is per time_scale, as TVBO evaluates a model whose units are partial.
     */
    private final boolean ownNumbers;
    /** Whether this conversion stopped at a dimension mismatch (so own numbers may still render it). */
    private final List<String> couplingInputs;
    /**
     * Coupling inputs (LEMS names) whose dimension no sum has told yet; they read as dimensionless until one does.
     * A zero input fits any dimension, so it takes the dimension of what it is added to (Jansen1995's {@code c_glob}
     * joins a rate).
     */
    private final Set<String> unsettledCouplings = new java.util.LinkedHashSet<>();
    /** Coupling input -> the index of its Parameter (and of its value) in the lists. */
    private final Map<String, Integer> couplingSlots = new HashMap<>();
    /** LEMS names made up for the rendering (bounds), so that no later made-up name repeats one. */
    private final Set<String> invented = new java.util.HashSet<>();
    private String secName;

    ModelRenderer(Experiment experiment, UnitTable units, boolean ownNumbers) {
        this.experiment = experiment;
        this.dynamics = experiment.dynamics();
        this.catalog = new UnitCatalog(units);
        this.ownNumbers = ownNumbers;
        this.couplingInputs = dynamics == null ? List.of() : CouplingInputs.names(dynamics);
    }

    private static BadInputException dimensionMismatch(SourceLocation where, String message, String hint) {
        return new BadInputException(BadInputException.Kind.DIMENSION_MISMATCH, where, message, hint, null);
    }

    /** The unit a symbol is rendered in: the declared one, or (own numbers) none once the name is known valid. */
    private Unit unitOf(String unit, SourceLocation where, String whose) {
        Unit declared = catalog.resolve(unit, where, whose);
        return ownNumbers ? Unit.NONE : declared;
    }

    ExperimentToLems.Conversion convert() {
        if (dynamics == null) {
            throw new BadInputException(experiment.location(), "the experiment has no dynamics to render");
        }
        Integration integration = experiment.integration();
        if (integration == null) {
            throw new BadInputException(experiment.location(), "the experiment has no integration block");
        }
        checkIntegration(integration);
        Unit timeScale = catalog.resolve(integration.timeScale(), integration.location(), "integration time_scale");
        if (!timeScale.dimension().equals(UnitCatalog.TIME)) {
            throw new BadInputException(integration.location(), "time_scale '" + integration.timeScale()
                    + "' is not a unit of time but of " + timeScale.dimension().describe());
        }
        refuseLibraryReference();
        checkFunctionCalls();
        if (dynamics.isMap()) {
            refuseEventsInMap();
        }
        declareSymbols();
        secName = freshName("SEC");
        timeScaled = ownNumbers;
        ExpressionReader reader = expressionReader();

        String typeName = SafeId.of(dynamics.name() == null ? "Dynamics" : dynamics.name());
        List<DerivedItem> derived = parameters(reader);
        List<StateAssignmentDef> onStart = initialValues();
        PiecewiseLifter lifter = new PiecewiseLifter(this::nameTaken);
        for (DerivedVariable dv : dynamics.derivedVariables().values()) {
            derived.add(derivedVariable(dv, reader));
        }
        List<DerivedItem> all = new ArrayList<>();
        for (DerivedItem item : derived) {
            int before = lifter.lifted().size();
            Expr expr = lifter.liftBelowTop(item.expr(), item.name(), item.source());
            all.addAll(lifter.lifted().subList(before, lifter.lifted().size()));
            all.add(new DerivedItem(item.name(), expr, item.unit(), item.source()));
        }
        List<Rate> rates = new ArrayList<>();
        List<StateAssignmentDef> iteration = new ArrayList<>();
        for (StateVariable sv : dynamics.stateVariables().values()) {
            RhsText source = rhs(sv.equation(), sv.location(), "the equation of state variable '" + sv.name() + "'");
            int before = lifter.lifted().size();
            if (dynamics.isMap()) {
                String next = freshName(lemsNames.get(sv.name()) + "_next");
                invented.add(next);
                Expr value = lifter.liftBelowTop(reader.read(source), next, source);
                all.addAll(lifter.lifted().subList(before, lifter.lifted().size()));
                all.add(new DerivedItem(next, value, sv.unit(), source));
                iteration.add(new StateAssignmentDef(lemsNames.get(sv.name()), next));
            } else {
                Expr rate = lifter.lift(reader.read(source), lemsNames.get(sv.name()), source);
                all.addAll(lifter.lifted().subList(before, lifter.lifted().size()));
                rates.add(new Rate(lemsNames.get(sv.name()), rate, source));
            }
        }
        if (dynamics.isMap()) {
            refuseTimeInMap(all);
        }
        DerivedOrder.Ordered ordered = DerivedOrder.order(all);
        List<DerivedVariableDef> plainDefs = new ArrayList<>();
        for (DerivedItem item : ordered.plain()) {
            String dim = catalog.dimensionName(derivedDimension(item));
            plainDefs.add(new DerivedVariableDef(item.name(), dim, null, LemsPrinter.printNumeric(item.expr())));
        }
        List<ConditionalDerivedVariableDef> conditionalDefs = new ArrayList<>();
        for (DerivedItem item : ordered.conditional()) {
            String dim = catalog.dimensionName(derivedDimension(item));
            conditionalDefs.add(new ConditionalDerivedVariableDef(item.name(), dim, null, cases(item.expr())));
        }
        List<TimeDerivativeDef> derivatives = new ArrayList<>();
        for (Rate rate : rates) {
            boolean constant = rate.expr() instanceof Expr.Num n && n.value() == 0.0;
            if (constant && !dimensions.get(rate.state()).isNone()) {
                continue; // a zero rate fits every dimension: the state changes only in events, as without one
            }
            derivatives.add(timeDerivative(rate, secName, integration.timeScale()));
        }
        List<OnConditionDef> onConditions = new ArrayList<>();
        if (dynamics.isMap()) {
            // clamps below run after this and see the new state: each step is x <- clip(f(x)), TVB's clip per step
            // derived variables hold the values of the step's start, so the assignments are simultaneous: x <- f(x)
            onConditions.add(new OnConditionDef("t .geq. 0", iteration, List.of()));
            warnings.add(new RenderWarning("a map (system_type: discrete): one iteration per integration step, so "
                    + Math.round(integration.duration() / integration.stepSize()) + " iterations; each state takes the"
                    + " value of its equation computed from the previous step", dynamics.location()));
        }
        onConditions.addAll(clamps());
        for (Event event : dynamics.events().values()) {
            onConditions.add(onCondition(event, reader));
        }

        List<ConstantDef> constants = new ArrayList<>();
        if (timeScaled) {
            constants.add(new ConstantDef(secName, catalog.dimensionName(UnitCatalog.TIME),
                    catalog.quantity(1.0, timeScale, integration.location(), "time_scale")));
        }
        List<Dimensioned> exposures = new ArrayList<>();
        List<StateVariableDef> states = new ArrayList<>();
        for (String sv : stateNames.values()) {
            String dim = catalog.dimensionName(dimensions.get(sv));
            exposures.add(new Dimensioned(sv, dim, null));
            states.add(new StateVariableDef(sv, dim, sv));
        }
        List<EventPortDef> ports = dynamics.events().isEmpty() ? List.of() : List.of(new EventPortDef(SPIKE_PORT, "out"));
        DynamicsDef dynamicsDef = new DynamicsDef(states, plainDefs, conditionalDefs, derivatives, onStart, onConditions);
        ComponentTypeDef modelType = new ComponentTypeDef(typeName, typeDescription(), parameterDefs, constants,
                List.of(), List.of(), ports, exposures, List.of(), List.of(), dynamicsDef, null);

        String instanceId = typeName + "_inst";
        String label = experiment.label();
        String simId = "sim_" + (label == null || label.isBlank() ? typeName : SafeId.of(label));
        ComponentDef instance = new ComponentDef(instanceId, typeName, componentValues, List.of());
        List<String> recorded = new ArrayList<>(stateNames.values());
        recorded.addAll(recordedDerivedVariables());
        ComponentDef simulation = simulation(simId, instanceId, typeName, recorded, integration, timeScale);

        List<ComponentTypeDef> types = new ArrayList<>(SimulationTypes.all());
        types.add(modelType);
        noteIgnoredSettings(integration);
        LemsView.Document document = new LemsView.Document(simId, catalog.dimensionDefs(), catalog.unitDefs(),
                types, List.of(instance, simulation));
        return new ExperimentToLems.Conversion(document, warnings, declaredUnits(recorded));
    }

    /** The right-hand side of {@code d state/dt}, with Piecewise lifted, and where it was written. */
    private record Rate(String state, Expr expr, RhsText source) {
    }

    private ExpressionReader expressionReader() {
        List<ExpressionReader.FunctionSource> functions = new ArrayList<>();
        dynamics.functions().values().forEach(f -> functions.add(new ExpressionReader.FunctionSource(f.name(),
                f.arguments(), rhs(f.equation(), f.location(), "the body of function '" + f.name() + "'"))));
        Expr time = ownNumbers ? new Expr.Binary(Expr.BinaryOp.DIV, new Expr.Var("t"), new Expr.Var(secName)) : null;
        return new ExpressionReader(lemsNames, functions, time);
    }

    /** Adds a Parameter and an instance value per valued parameter; returns the parameters defined by equations. */
    private List<DerivedItem> parameters(ExpressionReader reader) {
        List<DerivedItem> derived = new ArrayList<>();
        for (Parameter p : dynamics.parameters().values()) {
            if (p.value() == null && p.equation() != null && p.equation().rhs() != null) {
                derived.add(derivedParameter(p, reader));
                continue;
            }
            if (p.value() == null) {
                throw new BadInputException(p.location(), "parameter '" + p.name() + "' has no value",
                        "give it a value, e.g. " + p.name() + ": {value: 1.0}");
            }
            Unit unit = unitOf(p.unit(), p.location(), "parameter '" + p.name() + "'");
            String name = lemsNames.get(p.name());
            dimensions.put(name, unit.dimension());
            parameterDefs.add(new Dimensioned(name, catalog.dimensionName(unit.dimension()), p.description()));
            componentValues.add(new Attribute(name,
                    catalog.quantity(p.value(), unit, p.location(), "parameter '" + p.name() + "'")));
        }
        for (String input : couplingInputs) {
            String name = lemsNames.get(input);
            unsettledCouplings.add(name);
            couplingSlots.put(name, parameterDefs.size());
            parameterDefs.add(couplingDef(name, Dimension.NONE));
            componentValues.add(new Attribute(name, "0.0"));
        }
        if (!couplingInputs.isEmpty()) {
            warnings.add(new RenderWarning("coupling input" + (couplingInputs.size() == 1 ? " " : "s ")
                    + String.join(", ", couplingInputs) + (couplingInputs.size() == 1 ? " is" : " are")
                    + " 0 in a single node without a network; rendered as parameters of value 0, which may be"
                    + " overridden", dynamics.location()));
        }
        for (Parameter p : dynamics.derivedParameters().values()) {
            derived.add(derivedParameter(p, reader));
        }
        return derived;
    }

    /** A Parameter {@code {sv}_0} per state variable, its instance value, and the OnStart assignments. */
    private List<StateAssignmentDef> initialValues() {
        List<StateAssignmentDef> onStart = new ArrayList<>();
        for (StateVariable sv : dynamics.stateVariables().values()) {
            Unit unit = unitOf(sv.unit(), sv.location(), "state variable '" + sv.name() + "'");
            String name = lemsNames.get(sv.name());
            dimensions.put(name, unit.dimension());
            String initial = freshName(name + "_0");
            parameterDefs.add(new Dimensioned(initial, catalog.dimensionName(unit.dimension()),
                    "initial value of " + sv.name()));
            if (!sv.initialValueGiven()) {
                warnings.add(new RenderWarning("state variable '" + sv.name() + "' has no initial_value; using "
                        + sv.initialValue() + " (the TVBO default)", sv.location()));
            }
            componentValues.add(new Attribute(initial, catalog.quantity(sv.initialValue(), unit, sv.location(),
                    "the initial value of '" + sv.name() + "'")));
            onStart.add(new StateAssignmentDef(name, initial));
        }
        return onStart;
    }

    /**
     * A rate with the state's dimension per time is used as it is. A dimensionless rate of a dimensionless state
     * is per {@code time_scale} (the TVBO convention) and is divided by the constant {@code SEC} = 1 time_scale.
     */
    private TimeDerivativeDef timeDerivative(Rate rate, String secName, String timeScaleName) {
        if (ownNumbers) {
            infer(rate.expr(), rate.source());
            return new TimeDerivativeDef(rate.state(), LemsPrinter.printNumeric(
                    new Expr.Binary(Expr.BinaryOp.DIV, rate.expr(), new Expr.Var(secName))));
        }
        Dimension state = dimensions.get(rate.state());
        Dimension perTime = state.dividedBy(UnitCatalog.TIME);
        Dimension actual = infer(rate.expr(), rate.source());
        if (actual.equals(perTime)) {
            return new TimeDerivativeDef(rate.state(), LemsPrinter.printNumeric(rate.expr()));
        }
        if (actual.isNone() && state.isNone()) {
            Expr scaled = new Expr.Binary(Expr.BinaryOp.DIV, rate.expr(), new Expr.Var(secName));
            timeScaled = true;
            return new TimeDerivativeDef(rate.state(), LemsPrinter.printNumeric(scaled));
        }
        throw dimensionMismatch(rate.source().at(1), "dimension mismatch in " + rate.source().what()
                + ": it has dimension " + actual.describe() + " but must be " + perTime.describe()
                + ", the dimension of '" + rate.state() + "' per time" + dimensionlessParts(rate.expr()),
                "a dimensionless state variable may instead have a dimensionless rate, read per " + timeScaleName);
    }

    /**
     * A map's iteration number is not LEMS time, so {@code t} in its equations (or in derived quantities they
     * use) has no rendering that keeps its meaning.
     */
    private static void refuseTimeInMap(List<DerivedItem> items) {
        for (DerivedItem item : items) {
            if (item.source() != null && Exprs.freeSymbols(item.expr()).contains("t")) {
                throw new BadInputException(item.source().at(item.source().columnOf("t")), "'t' in "
                        + item.source().what() + " cannot be honoured in a map (system_type: discrete): its"
                        + " iteration number is not LEMS time");
            }
        }
    }

    /** Events in a map (system_type: discrete) are refused: TVBO gives no meaning to an event between iterations. */
    private void refuseEventsInMap() {
        for (Event event : dynamics.events().values()) {
            throw new BadInputException(event.location(), "event '" + event.name() + "' cannot be honoured in a map"
                    + " (system_type: discrete): an event between iterations has no defined meaning");
        }
    }

    /**
     * One OnCondition per open side of each clamped state: after the Euler update (jLEMS tests OnConditions after
     * applying the rates) a state below {@code lo} is set to lo, above {@code hi} to hi, which is TVB's clip. The
     * bounds are Parameters {@code {sv}_lo}/{@code {sv}_hi} in the state's unit.
     */
    private List<OnConditionDef> clamps() {
        List<OnConditionDef> clamps = new ArrayList<>();
        for (StateVariable sv : dynamics.stateVariables().values()) {
            Optional<StateClamp> clamp = StateClamp.of(sv);
            if (clamp.isEmpty()) {
                continue;
            }
            String state = lemsNames.get(sv.name());
            Unit unit = unitOf(sv.unit(), sv.location(), "state variable '" + sv.name() + "'");
            if (clamp.get().lo() != null) {
                clamps.add(clampSide(sv, state, unit, "_lo", clamp.get().lo(), ".lt."));
            }
            if (clamp.get().hi() != null) {
                clamps.add(clampSide(sv, state, unit, "_hi", clamp.get().hi(), ".gt."));
            }
        }
        return clamps;
    }

    private OnConditionDef clampSide(StateVariable sv, String state, Unit unit, String suffix, double bound, String op) {
        String name = freshName(state + suffix);
        invented.add(name);
        parameterDefs.add(new Dimensioned(name, catalog.dimensionName(unit.dimension()),
                (suffix.equals("_lo") ? "lower" : "upper") + " bound of " + sv.name() + ", clamped after every step"));
        componentValues.add(new Attribute(name, catalog.quantity(bound, unit, sv.location(),
                "the bound of '" + sv.name() + "'")));
        return new OnConditionDef(state + " " + op + " " + name, List.of(new StateAssignmentDef(state, name)),
                List.of());
    }

    /**
     * The derived variables named in the dynamics' {@code output} list (LEMS names), recorded after the state
     * variables; other names there (state variables, unknown ones) add nothing.
     */
    private List<String> recordedDerivedVariables() {
        List<String> names = new ArrayList<>();
        if (dynamics.extras().get("output") instanceof org.lemsbridge.experiment.RawValue.Sequence list) {
            for (org.lemsbridge.experiment.RawValue item : list.items()) {
                if (item instanceof org.lemsbridge.experiment.RawValue.Scalar scalar
                        && dynamics.derivedVariables().containsKey(scalar.text())) {
                    names.add(lemsNames.get(scalar.text()));
                }
            }
        }
        return names;
    }

    private void checkIntegration(Integration integration) {
        if (!(integration.stepSize() > 0) || !Double.isFinite(integration.stepSize())) {
            throw new BadInputException(integration.location(),
                    "step_size must be a positive number, got " + integration.stepSize());
        }
        if (!(integration.duration() > 0) || !Double.isFinite(integration.duration())) {
            throw new BadInputException(integration.location(),
                    "duration must be a positive number, got " + integration.duration());
        }
    }

    private void noteIgnoredSettings(Integration integration) {
        String method = integration.method() == null ? "euler" : integration.method();
        if (!method.toLowerCase(Locale.ROOT).equals("euler") && !dynamics.isMap()) {
            warnings.add(new RenderWarning("integration method '" + method + "' is not available in jLEMS, which"
                    + " always steps with forward Euler; the rendered model will be integrated with forward Euler",
                    integration.location()));
        }
        if (integration.transientTime() != 0.0) {
            warnings.add(new RenderWarning("transient_time " + integration.transientTime() + " is not rendered: jLEMS"
                    + " records from t = 0", integration.location()));
        }
        if (experiment.network() != null && experiment.network().numberOfNodes() > 1) {
            warnings.add(new RenderWarning("the network has " + experiment.network().numberOfNodes()
                    + " nodes; only one instance of the dynamics is rendered, without coupling",
                    experiment.network().location()));
        }
    }

    private String typeDescription() {
        if (dynamics.label() != null && !dynamics.label().isBlank()) {
            return dynamics.label();
        }
        return dynamics.description();
    }

    /**
     * An iri without the model's own equations: a {@code tvbo:NAME} reference is resolved (or refused) when the
     * experiment is read, so this one names no library model; rendering the rest would give a model without equations.
     */
    private void refuseLibraryReference() {
        String iri = dynamics.iri();
        if (iri == null || iri.isBlank() || !dynamics.stateVariables().isEmpty()) {
            return;
        }
        throw new BadInputException(dynamics.location(), "dynamics has an iri but no state variables, and the iri is"
                + " no reference to a library model (tvbo:NAME, found with --models DIR): write the model's fields"
                + " (state_variables, parameters, ...) under dynamics");
    }

    /** Refuses a call of a function LEMS cannot evaluate before anything else: it is what blocks such a model. */
    private void checkFunctionCalls() {
        Set<String> userFunctions = dynamics.functions().keySet();
        List<RhsText> texts = new ArrayList<>();
        dynamics.functions().values().forEach(f -> texts.add(optionalRhs(f.equation(), f.location(),
                "the body of function '" + f.name() + "'")));
        dynamics.derivedParameters().values().forEach(p -> texts.add(optionalRhs(p.equation(), p.location(),
                "the equation of derived parameter '" + p.name() + "'")));
        dynamics.parameters().values().forEach(p -> texts.add(optionalRhs(p.equation(), p.location(),
                "the equation of derived parameter '" + p.name() + "'")));
        for (DerivedVariable dv : dynamics.derivedVariables().values()) {
            String what = "derived variable '" + dv.name() + "'";
            texts.add(optionalRhs(dv.equation(), dv.location(), "the equation of " + what));
            for (org.lemsbridge.experiment.Case c : dv.cases()) {
                texts.add(optionalRhs(c.equation(), c.location(), "a case of " + what));
                if (c.condition() != null) {
                    texts.add(new RhsText(c.condition(), c.location(), "the condition of a case of " + what));
                }
            }
        }
        dynamics.stateVariables().values().forEach(sv -> texts.add(optionalRhs(sv.equation(), sv.location(),
                "the equation of state variable '" + sv.name() + "'")));
        for (Event event : dynamics.events().values()) {
            texts.add(optionalRhs(event.condition(), event.location(), "the condition of event '" + event.name() + "'"));
            texts.add(optionalRhs(event.affect(), event.location(), "the affect of event '" + event.name() + "'"));
        }
        texts.stream().filter(java.util.Objects::nonNull).forEach(text -> FunctionCalls.check(text, userFunctions));
    }

    /** The text of an equation that may be absent (null then). */
    private RhsText optionalRhs(Equation equation, SourceLocation owner, String what) {
        return equation == null || equation.rhs() == null ? null : rhs(equation, owner, what);
    }

    /** Registers every model symbol with its LEMS name; a clash with a reserved name gets a suffix. */
    private void declareSymbols() {
        dynamics.parameters().values().forEach(p -> declare(p.name(), p.location(), RenderedNames.PARAMETER, "a parameter"));
        dynamics.derivedParameters().values().forEach(p -> declare(p.name(), p.location(), RenderedNames.PARAMETER,
                "a derived parameter"));
        dynamics.stateVariables().values().forEach(sv -> {
            declare(sv.name(), sv.location(), RenderedNames.STATE, "a state variable");
            stateNames.put(sv.name(), lemsNames.get(sv.name()));
        });
        dynamics.derivedVariables().values().forEach(dv -> declare(dv.name(), dv.location(), RenderedNames.DERIVED,
                "a derived variable"));
        couplingInputs.forEach(name -> declare(name, dynamics.location(), RenderedNames.PARAMETER, "a coupling input"));
    }

    private void declare(String name, SourceLocation where, String suffix, String kind) {
        if (!SafeId.isIdentifier(name) || Character.isDigit(name.charAt(0))) {
            throw new BadInputException(where, "'" + name + "' is not a valid name",
                    "use letters, digits and _, not starting with a digit");
        }
        if (name.equals("t")) {
            throw new BadInputException(where, "'t' is the time and cannot name a model symbol");
        }
        if (declaredAt.containsKey(name)) {
            throw new BadInputException(where, "'" + name + "' is defined twice: " + kind + " here and "
                    + declaredKind.get(name) + " at " + declaredAt.get(name) + "; rename one of them");
        }
        declaredAt.put(name, where);
        declaredKind.put(name, kind);
        String lems = name;
        if (RenderedNames.RESERVED.contains(name)) {
            lems = name + suffix;
            while (lemsNames.containsValue(lems) || declaredAtAnyUser(lems)) {
                lems = lems + "_";
            }
        }
        lemsNames.put(name, lems);
    }

    private boolean declaredAtAnyUser(String lems) {
        return allUserNames().contains(lems);
    }

    private Set<String> allUserNames() {
        Set<String> names = new java.util.HashSet<>(couplingInputs);
        names.addAll(dynamics.parameters().keySet());
        names.addAll(dynamics.derivedParameters().keySet());
        names.addAll(dynamics.stateVariables().keySet());
        names.addAll(dynamics.derivedVariables().keySet());
        return names;
    }

    private boolean nameTaken(String candidate) {
        return lemsNames.containsValue(candidate) || invented.contains(candidate) || allUserNames().contains(candidate) || candidate.equals("t");
    }

    /** {@code base}, or {@code base_}, {@code base__}… so that no model symbol has that name. */
    private String freshName(String base) {
        String name = base;
        while (nameTaken(name)) {
            name = name + "_";
        }
        return name;
    }

    private RhsText rhs(Equation equation, SourceLocation owner, String what) {
        if (equation == null || equation.rhs() == null) {
            throw new BadInputException(owner, what + " is missing");
        }
        SourceLocation start = equation.rhsLocation() == null ? owner : scalarStarts.textStart(equation.rhsLocation());
        if (!equation.isPiecewise()) {
            return new RhsText(equation.rhs(), start, what);
        }
        // each part of the synthesized Piecewise text maps back to the scalar the user wrote it in
        List<RhsText.Span> spans = new ArrayList<>();
        int[] offsets = equation.conditionalOffsets();
        for (int i = 0; i < equation.conditionals().size(); i++) {
            Conditional c = equation.conditionals().get(i);
            spans.add(span(offsets[2 * i], c.expression(), c.expressionLocation(), start));
            spans.add(span(offsets[2 * i + 1], c.condition(), c.conditionLocation(), start));
        }
        return new RhsText(equation.rhs(), start, what, spans);
    }

    private RhsText.Span span(int from, String text, SourceLocation scalar, SourceLocation fallback) {
        return new RhsText.Span(from, from + text.length(), scalar == null ? fallback : scalarStarts.textStart(scalar));
    }

    private DerivedItem derivedParameter(Parameter p, ExpressionReader reader) {
        RhsText source = rhs(p.equation(), p.location(), "the equation of derived parameter '" + p.name() + "'");
        return new DerivedItem(lemsNames.get(p.name()), reader.read(source), p.unit(), source);
    }

    private DerivedItem derivedVariable(DerivedVariable dv, ExpressionReader reader) {
        String what = "derived variable '" + dv.name() + "'";
        if (dv.equation() != null && dv.equation().rhs() != null && !dv.equation().rhs().isBlank()) {
            RhsText source = rhs(dv.equation(), dv.location(), "the equation of " + what);
            return new DerivedItem(lemsNames.get(dv.name()), reader.read(source), dv.unit(), source);
        }
        if (dv.cases() == null || dv.cases().isEmpty()) {
            throw new BadInputException(dv.location(), what + " has neither an equation nor cases");
        }
        List<Expr.Case> cases = new ArrayList<>();
        RhsText first = null;
        for (org.lemsbridge.experiment.Case c : dv.cases()) {
            RhsText value = rhs(c.equation(), c.location(), "a case of " + what);
            first = first == null ? value : first;
            Expr condition = new Expr.Bool(true);
            String text = c.condition();
            if (text != null && !text.isBlank() && !text.trim().equals("True")) {
                condition = reader.read(new RhsText(text, c.location(), "the condition of a case of " + what));
            }
            cases.add(new Expr.Case(reader.read(value), condition));
        }
        return new DerivedItem(lemsNames.get(dv.name()), new Expr.Piecewise(cases), dv.unit(), first);
    }

    /** The names in {@code expr} that are dimensionless (a unit left out is a common cause), as a clause, or "". */
    private String dimensionlessParts(Expr expr) {
        List<String> names = Exprs.freeSymbols(expr).stream()
                .filter(name -> dimensions.containsKey(name) && dimensions.get(name).isNone()).sorted().toList();
        return names.isEmpty() ? "" : " ('" + String.join("', '", names) + "' in it "
                + (names.size() == 1 ? "is" : "are") + " dimensionless)";
    }

    private Dimension derivedDimension(DerivedItem item) {
        Dimension inferred = infer(item.expr(), item.source());
        if (item.unit() != null && !item.unit().isBlank()) {
            Unit declared = unitOf(item.unit(), item.source().at(1), "'" + item.name() + "'");
            if (!declared.dimension().equals(inferred)) {
                throw dimensionMismatch(item.source().at(1), "dimension mismatch in " + item.source().what()
                        + ": it has dimension " + inferred.describe() + " but its unit '" + item.unit()
                        + "' is " + declared.dimension().describe() + dimensionlessParts(item.expr()), null);
            }
        }
        dimensions.put(item.name(), inferred);
        return inferred;
    }

    private Dimensioned couplingDef(String name, Dimension dimension) {
        return new Dimensioned(name, catalog.dimensionName(dimension), "coupling input: 0 in a single node");
    }

    /**
     * Gives each unsettled coupling input that is a term of a sum ({@code ... + c}) or a factor of a term
     * ({@code ... + c*x}) the dimension that makes the sum fit; the other terms must be known by then.
     */
    private void settleCouplings(Expr expr) {
        if (ownNumbers || unsettledCouplings.isEmpty()) {
            return;
        }
        if (expr instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUB)) {
            settleTerm(b.left(), b.right());
            settleTerm(b.right(), b.left());
        }
        for (Expr child : Exprs.children(expr)) {
            settleCouplings(child);
        }
    }

    private void settleTerm(Expr term, Expr sibling) {
        Optional<Dimension> sum = settledDimension(sibling);
        if (sum.isEmpty()) {
            return;
        }
        if (term instanceof Expr.Var v && unsettledCouplings.contains(v.name())) {
            settle(v.name(), sum.get());
        } else if (term instanceof Expr.Binary product && product.op() == Expr.BinaryOp.MUL) {
            if (product.left() instanceof Expr.Var v && unsettledCouplings.contains(v.name())) {
                settledDimension(product.right()).ifPresent(other -> settle(v.name(), sum.get().dividedBy(other)));
            } else if (product.right() instanceof Expr.Var v && unsettledCouplings.contains(v.name())) {
                settledDimension(product.left()).ifPresent(other -> settle(v.name(), sum.get().dividedBy(other)));
            }
        }
    }

    /** The dimension of an expression free of unsettled coupling inputs whose dimensions fit, else empty. */
    private Optional<Dimension> settledDimension(Expr expr) {
        if (Exprs.freeSymbols(expr).stream().anyMatch(unsettledCouplings::contains)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DimensionInference.infer(expr, this::dimensionOf));
        } catch (DimensionException e) {
            return Optional.empty();
        }
    }

    private void settle(String coupling, Dimension dimension) {
        unsettledCouplings.remove(coupling);
        dimensions.put(coupling, dimension);
        int slot = couplingSlots.get(coupling);
        parameterDefs.set(slot, couplingDef(coupling, dimension));
        componentValues.set(slot, new Attribute(coupling, dimension.isNone() ? "0.0"
                : catalog.quantity(0.0, catalog.siUnit(dimension), dynamics.location(), "coupling input")));
    }

    private Dimension infer(Expr expr, RhsText where) {
        settleCouplings(expr);
        try {
            return DimensionInference.infer(expr, this::dimensionOf);
        } catch (DimensionException e) {
            throw dimensionMismatch(where.at(columnOfCulprit(expr, where)),
                    "dimension mismatch in " + where.what() + ": " + e.getMessage(), null);
        }
    }

    /**
     * The column of the first name in the smallest sub-expression whose dimensions do not fit (its parts all
     * do), or 1 when that name is not in the text.
     */
    private int columnOfCulprit(Expr expr, RhsText where) {
        Expr culprit = expr;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (Expr child : Exprs.children(culprit)) {
                if (!fits(child)) {
                    culprit = child;
                    descended = true;
                    break;
                }
            }
        }
        for (String lemsName : Exprs.freeSymbols(culprit)) {
            for (Map.Entry<String, String> symbol : lemsNames.entrySet()) {
                if (symbol.getValue().equals(lemsName)) {
                    return where.columnOf(symbol.getKey());
                }
            }
            return where.columnOf(lemsName);
        }
        return 1;
    }

    private boolean fits(Expr expr) {
        try {
            DimensionInference.infer(expr, this::dimensionOf);
            return true;
        } catch (DimensionException e) {
            return false;
        }
    }

    private Optional<Dimension> dimensionOf(String lemsName) {
        if (dimensions.containsKey(lemsName)) {
            return Optional.of(dimensions.get(lemsName));
        }
        if (lemsName.equals("t") || lemsName.equals(secName)) {
            return Optional.of(UnitCatalog.TIME);
        }
        if (lemsName.equals("pi") || lemsName.equals("E") || unsettledCouplings.contains(lemsName)) {
            return Optional.of(Dimension.NONE);
        }
        return Optional.empty();
    }

    /** The Cases of a ConditionalDerivedVariable: a Piecewise's branches up to the first {@code True}. */
    private static List<CaseDef> cases(Expr expr) {
        if (!(expr instanceof Expr.Piecewise piecewise)) {
            return List.of(new CaseDef(null, LemsPrinter.printNumeric(expr)));
        }
        List<CaseDef> cases = new ArrayList<>();
        for (Expr.Case c : piecewise.cases()) {
            if (c.condition() instanceof Expr.Bool b && b.value()) {
                cases.add(new CaseDef(null, LemsPrinter.printNumeric(c.value())));
                break;
            }
            cases.add(new CaseDef(LemsPrinter.printCondition(c.condition()), LemsPrinter.printNumeric(c.value())));
        }
        return cases;
    }

    private OnConditionDef onCondition(Event event, ExpressionReader reader) {
        String what = "event '" + event.name() + "'";
        if (event.condition() == null || event.condition().rhs() == null || event.condition().rhs().isBlank()) {
            throw new BadInputException(event.location(), what + " has no condition",
                    "a dynamics event needs a condition such as \"v > thresh\"");
        }
        RhsText conditionText = rhs(event.condition(), event.location(), "the condition of " + what);
        Expr condition = reader.read(conditionText);
        infer(condition, conditionText);
        List<StateAssignmentDef> assignments = new ArrayList<>();
        if (event.affect() != null && event.affect().rhs() != null) {
            RhsText affect = rhs(event.affect(), event.location(), "the affect of " + what);
            int from = 0;
            String text = affect.text();
            while (from <= text.length()) {
                int end = text.indexOf(';', from);
                end = end < 0 ? text.length() : end;
                if (!text.substring(from, end).isBlank()) {
                    assignments.add(assignment(affect, from, end, what, reader));
                }
                from = end + 1;
            }
        }
        return new OnConditionDef(LemsPrinter.printCondition(condition), assignments, List.of(SPIKE_PORT));
    }

    private StateAssignmentDef assignment(RhsText affect, int from, int end, String what, ExpressionReader reader) {
        String piece = affect.text().substring(from, end);
        int eq = piece.indexOf('=');
        int lead = piece.length() - piece.stripLeading().length();
        if (eq < 0) {
            throw new BadInputException(affect.at(from + lead + 1), "'" + piece.trim() + "' in the affect of " + what
                    + " is not an assignment", "write assignments as \"v = c; U = U + d\"");
        }
        String target = piece.substring(0, eq).trim();
        String sv = stateNames.get(target);
        if (sv == null) {
            throw new BadInputException(affect.at(from + lead + 1), "the affect of " + what + " assigns '" + target
                    + "', which is not a state variable", "state variables: " + stateNames.keySet());
        }
        RhsText valueText = affect.slice(from + eq + 1, end, "the value assigned to '" + target + "' in " + what);
        Expr value = reader.read(valueText);
        Dimension dim = infer(value, valueText);
        boolean zero = value instanceof Expr.Num n && n.value() == 0.0;
        if (!zero && !dim.equals(dimensions.get(sv))) {
            throw dimensionMismatch(valueText.at(1), "dimension mismatch in " + valueText.what() + ": it has dimension "
                    + dim.describe() + " but '" + target + "' is " + dimensions.get(sv).describe(), null);
        }
        return new StateAssignmentDef(sv, LemsPrinter.printNumeric(value));
    }

    /** Own numbers: the unit the YAML declares for each recorded variable that has one, by LEMS name. */
    private Map<String, String> declaredUnits(List<String> recorded) {
        Map<String, String> units = new LinkedHashMap<>();
        if (!ownNumbers) {
            return units;
        }
        for (String lemsName : recorded) {
            String user = userName(lemsName);
            StateVariable sv = dynamics.stateVariables().get(user);
            DerivedVariable dv = dynamics.derivedVariables().get(user);
            String unit = sv != null ? sv.unit() : dv != null ? dv.unit() : null;
            if (unit != null && !unit.isBlank()) {
                units.put(lemsName, unit);
            }
        }
        return units;
    }

    /**
     * The name the user wrote for a LEMS variable. A column is named so (its OutputColumn id, hence the trace's
     * sidecar), because jLEMS records a quantity by its variable's name and so the quantity keeps the LEMS name.
     */
    private String userName(String lemsName) {
        for (Map.Entry<String, String> entry : lemsNames.entrySet()) {
            if (entry.getValue().equals(lemsName)) {
                return entry.getKey();
            }
        }
        return lemsName;
    }

    private ComponentDef simulation(String simId, String instanceId, String typeName, List<String> states,
                                    Integration integration, Unit timeScale) {
        List<ComponentDef> columns = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>(Set.of(simId, instanceId, typeName + "_out"));
        for (String sv : states) {
            String name = userName(sv);
            String id = ids.contains(name) ? "col_" + name : name;
            ids.add(id);
            columns.add(new ComponentDef(id, SimulationTypes.OUTPUT_COLUMN, List.of(new Attribute("quantity", sv)),
                    List.of()));
        }
        ComponentDef file = new ComponentDef(typeName + "_out", SimulationTypes.OUTPUT_FILE,
                List.of(new Attribute("fileName", typeName + ".dat")), columns);
        String length = catalog.quantity(integration.duration(), timeScale, integration.location(), "duration");
        String step = catalog.quantity(integration.stepSize(), timeScale, integration.location(), "step_size");
        return new ComponentDef(simId, SimulationTypes.SIMULATION, List.of(new Attribute("length", length),
                new Attribute("step", step), new Attribute("target", instanceId)), List.of(file));
    }
}
