package org.lemsbridge.sim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Passes code through and counts the jumps to labels not yet placed. Generated steps only jump forward (apart from a
 * batch's loop), so code written while such a jump is open may be skipped: it runs on some paths only.
 */
final class ForwardJumps extends MethodVisitor {
    private final Set<Label> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Label> open = Collections.newSetFromMap(new IdentityHashMap<>());

    ForwardJumps(MethodVisitor target) {
        super(Opcodes.ASM9, target);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (!placed.contains(label)) {
            open.add(label);
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
        placed.add(label);
        open.remove(label);
        super.visitLabel(label);
    }

    /** Sends what follows to another method's writer (the jumps of the method left must all be closed). */
    void switchTo(MethodVisitor target) {
        if (!open.isEmpty()) {
            throw new IllegalStateException("a method is left with jumps open");
        }
        mv = target;
    }

    /** The labels jumped to and not placed yet. */
    int open() {
        return open.size();
    }
}
