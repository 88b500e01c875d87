/**
 * The LEMS simulator: runs the Target's Simulation of a {@link org.lemsbridge.lems.LemsModel} with the semantics
 * of jLEMS 0.11.1 ({@code docs/lems-semantics.md}) so that its {@code .dat} files equal jLEMS's.
 *
 * <p>How a run is put together:
 * <ul>
 * <li>{@link org.lemsbridge.sim.Kind}: per component, the slot layout of its variables and its expressions
 * compiled once ({@link org.lemsbridge.sim.ExprCompiler}, parameters folded as literals, no other folding);
 * optionally straight-line Java generated from the same trees ({@link org.lemsbridge.sim.KernelCompiler}).</li>
 * <li>{@link org.lemsbridge.sim.TreeBuilder}: the instance tree (Child, Children, MultiInstantiate,
 * ChildInstance, then With/EventConnection/ForEach/Tunnel), in jLEMS's child order and with jLEMS's OnStart
 * multiplicity; {@link org.lemsbridge.sim.InstancePaths} reads paths; {@link org.lemsbridge.sim.Binder} resolves
 * requirements, selects and kinetic schemes to array slots before the first step.</li>
 * <li>{@link org.lemsbridge.sim.Simulator}: N = round(length/step) steps, N+1 rows, accumulated time, a flat
 * children-first schedule, zero-delay events delivered synchronously and delayed ones through
 * {@link org.lemsbridge.sim.Engine}'s queue; {@code simultaneous="true"} subtrees by RK4
 * ({@link org.lemsbridge.sim.Rk4Group}).</li>
 * <li>Output: {@link org.lemsbridge.sim.DatWriter} (jLEMS text plus a JSON sidecar) and
 * {@link org.lemsbridge.sim.EventFileWriter}, streamed to a temporary file and moved into place.</li>
 * </ul>
 */
package org.lemsbridge.sim;
