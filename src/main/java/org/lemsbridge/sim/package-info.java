/**
 * The LEMS simulator: runs the Target's Simulation of a {@link org.lemsbridge.lems.LemsModel} with the semantics
 * of jLEMS 0.11.1 ({@code docs/lems-semantics.md}) so that its {@code .dat} files equal jLEMS's.
 *
 * <p>How a run is put together:
 * <ul>
 * <li>The instance tree is built, bound and initialised by {@link org.lemsbridge.tree}; {@link
 * org.lemsbridge.sim.FrozenTree} turns it into the {@link org.lemsbridge.sim.Instance}s the step loop runs (fixed
 * bindings and wires, the same variable arrays).</li>
 * <li>{@link org.lemsbridge.sim.Simulator}: N = round(length/step) steps, N+1 rows, accumulated time, a flat
 * children-first schedule, zero-delay events delivered synchronously and delayed ones through
 * {@link org.lemsbridge.sim.Engine}'s queue; {@code simultaneous="true"} subtrees by RK4
 * ({@link org.lemsbridge.sim.Rk4Group}).</li>
 * <li>Generated code, one generator on ASM: {@link org.lemsbridge.sim.ExpressionEmitter} writes an expression with
 * the interpreter's exact operations; {@link org.lemsbridge.sim.BytecodeKernel} compiles subtrees and batches of
 * identical siblings into whole steps, {@link org.lemsbridge.sim.KindKernels} the derived variables, rates and tests
 * of what the interpreter still steps; {@link org.lemsbridge.sim.GeneratedClass} hands them their functions and
 * callbacks as class data.</li>
 * <li>Output: {@link org.lemsbridge.sim.OutputRecorder} and {@link org.lemsbridge.sim.EventRecorder} hand each
 * step's values and events to {@link org.lemsbridge.trace}'s writers, which stream them to a temporary file and
 * move it into place.</li>
 * </ul>
 */
package org.lemsbridge.sim;
