package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.lemsbridge.tree.Ref;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** How the generated code reaches a value. */
abstract class Storage {
    /** Code that pushes one double. */
    interface Emission {
        void run() throws ExpressionEmitter.Unsupported;
    }

    /** The arrays the code touches, each loaded once into a local variable. */
    static final class Layout {
        final List<double[]> arrays = new ArrayList<>();
        private final Map<double[], Integer> index = new IdentityHashMap<>();

        int local(double[] array) {
            Integer known = index.get(array);
            if (known == null) {
                known = arrays.size();
                arrays.add(array);
                index.put(array, known);
            }
            return BytecodeKernel.FIRST_FREE + known;
        }
    }


    private final GeneratedClass generated = new GeneratedClass(CompiledSubtree.class);
    private final Layout layout;
    private final DoubleSupplier random;

    Storage(Layout layout, DoubleSupplier random) {
        this.layout = layout;
        this.random = random;
    }

    GeneratedClass generated() {
        return generated;
    }

    MethodVisitor code() {
        return generated.code();
    }

    Layout layout() {
        return layout;
    }

    DoubleSupplier random() {
        return random;
    }

    void prologue() {
        for (int k = 0; k < layout.arrays.size(); k++) {
            code().visitVarInsn(Opcodes.ALOAD, BytecodeKernel.ARRAYS);
            GeneratedClass.pushInt(code(), k);
            code().visitInsn(Opcodes.AALOAD);
            code().visitVarInsn(Opcodes.ASTORE, BytecodeKernel.FIRST_FREE + k);
        }
    }

    void epilogue() {
    }

    /** Pushes array and index of a node's variable ({@code exposed}: its exposure snapshot). */
    abstract void address(Instance node, boolean exposed, int slot);

    /** Whether the step is written as one loop per part ({@link #cut}): then failure checks come last. */
    boolean splitsIntoLoops() {
        return false;
    }

    /** Where one part of a member's step ends and the next begins (a storage may run each part over all members). */
    void cut() {
    }

    /** Local variables from {@code first} on are free for the storage's own use. */
    void freeLocalsFrom(int first) {
    }

    /** Pushes a node's variable ({@code exposed}: its exposure snapshot). */
    void load(Instance node, boolean exposed, int slot) {
        address(node, exposed, slot);
        code().visitInsn(Opcodes.DALOAD);
    }

    /** Sets a node's variable ({@code exposed}: its exposure snapshot) to what {@code value} pushes. */
    void store(Instance node, boolean exposed, int slot, Emission value) throws ExpressionEmitter.Unsupported {
        address(node, exposed, slot);
        value.run();
        code().visitInsn(Opcodes.DASTORE);
    }

    /** A hint that the variable is about to be read on several paths: the storage may fetch it now. */
    void hold(Instance node, boolean exposed, int slot) {
    }

    /** Pushes the value a Ref reads. */
    void read(Ref ref) {
        code().visitVarInsn(Opcodes.ALOAD, layout.local(ref.array()));
        GeneratedClass.pushInt(code(), ref.index());
        code().visitInsn(Opcodes.DALOAD);
    }

    /** Pushes the callback in parameter {@code parameter} (an array) of the node at post-order {@code position}. */
    abstract void callback(int parameter, int position);

    /** Whether vars[t] must be written (someone other than the node's own expressions may read it). */
    boolean storesTime(Instance node) {
        return true;
    }

    /** Whether an exposure snapshot must be written (some Ref may read it). */
    boolean storesExposure(Instance node, int exposure) {
        return true;
    }
}
