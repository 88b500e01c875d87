/**
 * Conversions between experiment YAML and LEMS/NeuroML.
 *
 * <p>YAML to LEMS: {@link org.lemsbridge.convert.ExperimentToLems} writes a self-contained LEMS document with one
 * custom ComponentType; {@link org.lemsbridge.convert.ExperimentToNeuroMl} writes the NeuroML core cell and input
 * elements instead when the equations are a core type in disguise (recognised by the structure of the equation
 * trees, never by names).
 *
 * <p>LEMS to YAML: {@link org.lemsbridge.convert.LemsToExperiment} flattens every member of the simulated network,
 * with the inputs attached to it, into one experiment. It keeps jLEMS's expression trees (printed in SymPy syntax
 * with the brackets that preserve them), SI values with the units they were written in, and jLEMS's order of
 * evaluation, so the experiment rendered back to LEMS records the same numbers as the original model: inputs that
 * are pure functions of time (or of the cell's state at the start of the step) become Piecewise derived variables,
 * regimes become an active-regime state with guarded rates and events, and values jLEMS records one step late
 * become derived variables that are late in the same way. Whatever has no exact flat form is reported with its
 * location instead of being approximated.
 */
package org.lemsbridge.convert;
