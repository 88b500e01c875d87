package org.lemsbridge.sim;

import java.util.function.DoubleSupplier;

import org.objectweb.asm.Opcodes;

/** An instance's values in its own arrays, at constant slots: the code of one subtree. */
final class PlainStorage extends Storage {
    PlainStorage(Layout layout, DoubleSupplier random) {
        super(layout, random);
    }

    @Override
    void address(Instance node, boolean exposed, int slot) {
        code().visitVarInsn(Opcodes.ALOAD, layout().local(exposed ? node.exposed : node.vars));
        GeneratedClass.pushInt(code(), slot);
    }

    @Override
    void callback(int parameter, int position) {
        code().visitVarInsn(Opcodes.ALOAD, parameter);
        GeneratedClass.pushInt(code(), position);
        code().visitInsn(Opcodes.AALOAD);
    }
}
