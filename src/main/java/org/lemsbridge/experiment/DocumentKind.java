package org.lemsbridge.experiment;

/**
 * What the top level of a YAML document is: a SimulationExperiment, or one of the objects of TVBO's database written
 * on its own (a model file of {@code database/models}, an integrator of {@code database/integrators}, a coupling
 * function of {@code database/coupling_functions}).
 */
enum DocumentKind {
    EXPERIMENT, MODEL, INTEGRATOR, COUPLING_FUNCTION;

    /**
     * A model file has state variables, or names a model of TVBO's library ({@code iri: tvbo:NAME}, to override some
     * of its fields), and no field only an experiment has; an integrator has a method or a step size and only an
     * integrator's fields; a coupling function has a pre- or post-expression and no state variables. Anything else is
     * read as an experiment, whose vocabulary then names a misspelling.
     */
    static DocumentKind of(YamlNode.Mapping root) {
        if (root.entry("state_variables") != null || namesLibraryModel(root)) {
            return root.entries().stream().map(YamlNode.Entry::name).anyMatch(DocumentKind::onlyAnExperimentHas)
                    ? EXPERIMENT : MODEL;
        }
        if (root.entry("pre_expression") != null || root.entry("post_expression") != null) {
            return COUPLING_FUNCTION;
        }
        boolean integrates = root.entry("method") != null || root.entry("step_size") != null;
        return integrates && root.entries().stream().map(YamlNode.Entry::name).allMatch(DocumentKind::integratorField)
                ? INTEGRATOR : EXPERIMENT;
    }

    private static boolean namesLibraryModel(YamlNode.Mapping root) {
        YamlNode.Entry iri = root.entry("iri");
        return iri != null && iri.value() instanceof YamlNode.Scalar s && s.text().trim().startsWith("tvbo:");
    }

    private static boolean onlyAnExperimentHas(String field) {
        return Vocabulary.EXPERIMENT.knows(field) && !Vocabulary.DYNAMICS.knows(field);
    }

    private static boolean integratorField(String field) {
        return Vocabulary.INTEGRATION.knows(field) || field.startsWith(Fields.USER_EXTENSION);
    }
}
