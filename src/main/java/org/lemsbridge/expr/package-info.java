/**
 * Expressions: the {@link org.lemsbridge.expr.Expr} tree, a SymPy-style parser and printer for experiment YAML
 * ({@link org.lemsbridge.expr.SympyParser}, {@link org.lemsbridge.expr.SympyPrinter}), a LEMS parser that groups
 * exactly as jLEMS does and a printer whose output jLEMS parses back into the same tree
 * ({@link org.lemsbridge.expr.LemsParser}, {@link org.lemsbridge.expr.LemsPrinter}), tree helpers
 * ({@link org.lemsbridge.expr.Exprs}) and a reference evaluator with jLEMS semantics
 * ({@link org.lemsbridge.expr.Evaluator}).
 * <p>
 * Both parsers bound their input ({@link org.lemsbridge.expr.ParseLimits}), so the recursive printers, the
 * evaluator and record equality are safe on every tree they produce. Trees built by hand deeper than
 * {@link org.lemsbridge.expr.ParseLimits#MAX_TREE_DEPTH} may overflow the stack in those recursive walks
 * ({@link org.lemsbridge.expr.Exprs#depth}, {@code freeSymbols} and {@code containsPiecewise} are iterative).
 */
package org.lemsbridge.expr;
