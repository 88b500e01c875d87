package org.lemsbridge.lems.xml;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Build-time rewriting of a compiled class: a static method without parameters made to return a given text. */
final class ConstantMethod {
    /** Characters per string constant: a class file holds at most 65 535 bytes of one, up to 3 per character. */
    private static final int CHUNK = 16_000;

    private ConstantMethod() {
    }

    /** {@code classFile} with the body of {@code static String method()} replaced by {@code return value;}. */
    static byte[] returning(byte[] classFile, String method, String value) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] found = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals(method) || !descriptor.equals("()Ljava/lang/String;")
                        || (access & Opcodes.ACC_STATIC) == 0) {
                    return target;
                }
                found[0] = true;
                emitReturn(target, value);
                return null;
            }
        }, ClassReader.SKIP_FRAMES);
        if (!found[0]) {
            throw new IllegalStateException("no static String " + method + "() in " + reader.getClassName());
        }
        return writer.toByteArray();
    }

    private static void emitReturn(MethodVisitor code, String value) {
        code.visitCode();
        code.visitLdcInsn(value.substring(0, Math.min(CHUNK, value.length())));
        for (int from = CHUNK; from < value.length(); from += CHUNK) {
            code.visitLdcInsn(value.substring(from, Math.min(from + CHUNK, value.length())));
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
                    "(Ljava/lang/String;)Ljava/lang/String;", false);
        }
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }
}
