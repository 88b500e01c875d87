/**
 * The instance tree of a LEMS model, as jLEMS 0.11.1 builds, binds and initialises it ({@code docs/lems-semantics.md}
 * §1, §3, §5), shared by the simulator ({@code sim}) and the import ({@code convert}).
 *
 * <ul>
 * <li>{@link org.lemsbridge.tree.Kind}: per component type and values, the slot layout of its variables and its
 * expressions and actions compiled once ({@link org.lemsbridge.tree.ExprCompiler}, parameters folded as literals,
 * no other folding): the interpreter, which is the reference generated code is tested against.</li>
 * <li>{@link org.lemsbridge.tree.TreeBuilder}: the {@link org.lemsbridge.tree.Node}s (Child, Children,
 * MultiInstantiate, ChildInstance, then With/EventConnection/ForEach/Tunnel) in jLEMS's child order and with
 * jLEMS's OnStart multiplicity; {@link org.lemsbridge.tree.InstancePaths} reads paths; the binder resolves
 * requirements and selects (each a {@link org.lemsbridge.tree.Read}) and kinetic schemes once.</li>
 * <li>{@link org.lemsbridge.tree.InstanceTree#initialise()}: jLEMS's initialisation recursion, whose values the
 * simulator starts from and the import writes as initial values.</li>
 * </ul>
 */
package org.lemsbridge.tree;
