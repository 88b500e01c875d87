package org.lemsbridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lemsbridge.compare.ColumnRequest;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.SpikeRules;
import org.lemsbridge.compare.Tier;
import org.lemsbridge.compare.Tolerances;
import org.lemsbridge.compare.StreamingComparator;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.compare.Window;
import org.lemsbridge.compare.report.JsonReport;
import org.lemsbridge.compare.report.TextReport;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.suite.ModelSpikeRules;
import org.lemsbridge.suite.TraceLoader;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.TraceLayout;
import org.lemsbridge.trace.TraceReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare",
        description = {"Compare a candidate trace with a reference: columns matched by quantity name, units aligned,",
                "RMSE, max error, Pearson r, spike timing, and a verdict (exact, strict, tolerant or fail)."},
        mixinStandardHelpOptions = true,
        footer = {"%nColumn names come from a NAME.dat.json sidecar, a reference-data manifest.json, a CSV header,",
                "or --ref-lems (the LEMS file that wrote the reference). Without names, address columns by",
                "position: #1 is the first column after time.",
                "%nExamples:",
                "  lemsbridge compare ref/Ex2_Izh_allcells.dat.gz out/Ex2_Izh_allcells.dat --tier exact",
                "  lemsbridge compare Ex2_Izh_displays.dat.gz out/IzhikevichCell.dat --ref-lems LEMS_NML2_Ex2_Izh.xml \\",
                "      --columns 'izpopTonic[0]/v=v' --candidate-unit v=mV --tier exact",
                ExitCodes.HELP_TEXT})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "the reference trace (.dat, .csv, optionally .gz)")
    private Path reference;

    @Parameters(index = "1", paramLabel = "CAND", description = "the candidate trace")
    private Path candidate;

    @Option(names = "--columns", split = ",", paramLabel = "REF=CAND",
            description = "columns to compare: REF=CAND, NAME (same on both sides) or REF=CAND*SCALE; default: every"
                    + " reference column the candidate has by name")
    private List<String> columns = new ArrayList<>();

    @Option(names = "--candidate-unit", paramLabel = "COLUMN=UNIT",
            description = "the unit of a candidate column whose file declares none or the wrong one, e.g. v=mV")
    private Map<String, String> candidateUnits = new LinkedHashMap<>();

    @Option(names = "--reference-unit", paramLabel = "COLUMN=UNIT", description = "likewise for a reference column")
    private Map<String, String> referenceUnits = new LinkedHashMap<>();

    @Option(names = "--ref-lems", paramLabel = "LEMS.xml",
            description = "name the reference's columns from the OutputFile of this LEMS file that wrote it")
    private Path referenceLems;

    @Mixin
    private IncludePathOption include;

    @Option(names = "--tier", defaultValue = "tolerant", paramLabel = "TIER",
            description = "the verdict required to pass: exact, strict or tolerant (default: ${DEFAULT-VALUE})")
    private String tier;

    @Option(names = "--rtol", description = "relative tolerance of the required tier (strict/tolerant)")
    private Double rtol;

    @Option(names = "--atol", description = "absolute tolerance of the required tier, in the column's SI unit")
    private Double atol;

    @Option(names = "--exact-rel", description = "the exact tier's bound on max|d|/max|ref| (default 1e-6)")
    private Double exactRelative;

    @Option(names = "--min-corr", description = "minimum Pearson r for the tolerant tier")
    private Double minCorrelation;

    @Option(names = "--spike-threshold", description = "threshold for spike detection (upward crossings), in the"
            + " column's SI unit (default: the --ref-lems model's threshold and reset where it has them, else a rule"
            + " detected from the reference: crossings of 0 V, or resets)")
    private Double spikeThreshold;

    @Option(names = "--window", paramLabel = "T0:T1",
            description = "compare only the reference rows from T0 to T1 (seconds, or with a unit: 10ms:50ms); without"
                    + " it the candidate must cover the reference's whole time span, or every tier fails")
    private String window;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    private String format;

    @Mixin
    private ModelInputOptions inputOptions;

    @Override
    public Integer call() {
        Tier required = parseTier();
        if (!format.equals("text") && !format.equals("json")) {
            throw new BadInputException(SourceLocation.unknown("--format"), "unknown format '" + format
                    + "'; use text or json");
        }
        LemsModel referenceModel = referenceLems == null ? null : LemsReader.read(referenceLems, include.folders(),
                inputOptions.confinement());
        ComparisonOptions options = new ComparisonOptions(requests(), tolerances(required), required,
                SpikeRules.none(), window());
        Comparison comparison = streamed(referenceModel, options).orElseGet(() -> inMemory(referenceModel, options));
        spec.commandLine().getOut().print(format.equals("json") ? JsonReport.render(comparison)
                : TextReport.render(comparison));
        return comparison.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * The comparison read row by row, in little memory, when the time grids are identical; empty otherwise, and on
     * bad input, which reading the files whole then reports as it always has.
     */
    private Optional<Comparison> streamed(LemsModel referenceModel, ComparisonOptions options) {
        try {
            List<Column> referenceNames = referenceModel == null ? List.of()
                    : TraceLoader.columnsNamedByLems(reference, referenceModel);
            TraceLayout layout = TraceReader.layout(reference, referenceNames);
            return StreamingComparator.compare(new StreamingComparator.TraceFile(reference, referenceNames),
                    new StreamingComparator.TraceFile(candidate, List.of()),
                    options.withSpikeRules(spikeRules(referenceModel, layout.columns())));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    private Comparison inMemory(LemsModel referenceModel, ComparisonOptions options) {
        TraceLoader.TracePair traces = TraceLoader.readPair(() -> referenceModel == null ? TraceLoader.read(reference)
                : TraceLoader.readNamedByLems(reference, referenceModel), () -> TraceLoader.read(candidate));
        return TraceComparator.compare(traces.reference(), traces.candidate(),
                options.withSpikeRules(spikeRules(referenceModel, traces.reference().columns())));
    }

    private static SpikeRules spikeRules(LemsModel referenceModel, List<Column> referenceColumns) {
        return referenceModel == null ? SpikeRules.none() : new SpikeRules(ModelSpikeRules.of(referenceModel,
                referenceColumns.stream().map(Column::quantity).toList()), Map.of());
    }

    private Window window() {
        try {
            return window == null ? Window.WHOLE : Window.parse(window);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(SourceLocation.unknown("--window"), e.getMessage());
        }
    }

    private Tier parseTier() {
        try {
            Tier parsed = Tier.parse(tier);
            if (parsed == Tier.FAIL) {
                throw new IllegalArgumentException("the required tier must be exact, strict or tolerant");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(SourceLocation.unknown("--tier"), e.getMessage());
        }
    }

    private List<ColumnRequest> requests() {
        List<ColumnRequest> requests = new ArrayList<>();
        for (String text : columns) {
            ColumnRequest request = ColumnRequest.parse(text, "--columns");
            requests.add(request.withUnits(referenceUnits.get(request.reference()),
                    candidateUnits.get(request.candidate())));
        }
        if (requests.isEmpty() && !candidateUnits.isEmpty()) {
            throw new BadInputException(SourceLocation.unknown("--candidate-unit"),
                    "--candidate-unit needs --columns naming that column");
        }
        return requests;
    }

    private Tolerances tolerances(Tier required) {
        try {
            return tolerancesFromOptions(required);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(SourceLocation.unknown("compare options"), e.getMessage());
        }
    }

    private Tolerances tolerancesFromOptions(Tier required) {
        Tolerances tolerances = Tolerances.defaults().overriding(required, rtol, atol);
        if (exactRelative != null) {
            tolerances = tolerances.withExactRelative(exactRelative);
        }
        if (minCorrelation != null) {
            tolerances = tolerances.withMinCorrelation(minCorrelation);
        }
        if (spikeThreshold != null) {
            tolerances = tolerances.withSpikeThreshold(spikeThreshold);
        }
        return tolerances;
    }
}
