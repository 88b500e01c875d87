/**
 * {@code lemsbridge validate}: findings with stable codes ({@link org.lemsbridge.validate.Code}), a severity, a
 * place and a hint, from structural, reference, recorded-path, run-limit and dimension checks of LEMS/NeuroML files
 * and the reader and renderer checks of YAML experiments. {@link org.lemsbridge.validate.Validator} is the entry
 * point; {@link org.lemsbridge.validate.ReportFormat} prints the results.
 */
package org.lemsbridge.validate;
