package org.lemsbridge.sim;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * One class being generated with ASM: a final class implementing one functional interface of ours, with a no-argument
 * constructor and the interface's single method, whose body the caller writes through {@link #code()}, possibly in
 * parts, private methods that it calls ({@link #beginPart}). ASM computes
 * stack sizes and frames. Everything the generated code calls is an object handed over as the hidden class's class
 * data, which its static initializer stores in static final fields ({@link #loadConstant}; constants to the JIT like a
 * dynamic constant, without linking one through method handles at run time), then called through its functional
 * interface, whose method is found by reflection: no method of ours is named by a string.
 */
final class GeneratedClass {

    /** HotSpot does not JIT-compile methods longer than 8000 bytes; generated methods stay below this. */
    static final int JIT_LIMIT = 7900;
    /** The package-private name of every generated class; hidden classes get a unique suffix when defined. */
    private static final String NAME = Type.getInternalName(GeneratedClass.class) + "$Code";
    private static final String OBJECT = Type.getInternalName(Object.class);
    private static final String HANDLES = Type.getInternalName(MethodHandles.class);
    private static final String LIST = Type.getInternalName(List.class);

    private final Class<?> api;
    private final ClassWriter writer;
    private final ForwardJumps code;
    /** The interface method's own writer, while the code goes to a part ({@link #beginPart}). */
    private final MethodVisitor apiMethod;
    private final Method method;
    private Label start = new Label();
    private final Label apiStart = start;
    /** The size of the methods already ended (parts), and their names in order. */
    private int endedBytes;
    private final List<String> parts = new ArrayList<>();
    private final List<Object> constants = new ArrayList<>();
    /** The type of each constant's field, as it was first loaded. */
    private final List<Type> constantTypes = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();

    /** What was generated: the class file, its class data and the size of the method's code in bytes. */
    record Built(Class<?> api, byte[] bytes, List<Object> classData, int codeBytes) {
    }

    GeneratedClass(Class<?> api) {
        this.api = api;
        this.writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return OBJECT; // our code merges no two different reference types
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, OBJECT,
                new String[] {Type.getInternalName(api)});
        MethodVisitor init = writer.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        method = singleMethod(api);
        apiMethod = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, method.getName(),
                Type.getMethodDescriptor(method), null, null);
        code = new ForwardJumps(apiMethod);
        code.visitCode();
        code.visitLabel(start);
    }

    /**
     * Ends the part being written, if any, and continues the code in a new private method with the interface
     * method's parameters (so the same local variables), which {@link #callParts} calls. The JIT compiles, and when
     * a guess of its fails recompiles, each part on its own.
     */
    void beginPart() {
        endPart();
        String name = "part" + parts.size();
        parts.add(name);
        start = new Label();
        code.switchTo(writer.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, name,
                Type.getMethodDescriptor(method), null, null));
        code.visitCode();
        code.visitLabel(start);
    }

    private void endPart() {
        if (parts.isEmpty()) {
            return;
        }
        endedBytes += methodSize();
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** Ends the last part and continues in the interface method, which calls the parts in order with its arguments. */
    void callParts() {
        endPart();
        start = apiStart;
        code.switchTo(apiMethod);
        Type[] arguments = Type.getArgumentTypes(method);
        for (String part : parts) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            int local = 1;
            for (Type argument : arguments) {
                code.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), local);
                local += argument.getSize();
            }
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, NAME, part, Type.getMethodDescriptor(method), false);
        }
        parts.clear();
    }

    MethodVisitor code() {
        return code;
    }

    /** How many jumps written so far go to a label not placed yet: code written now runs on some paths only. */
    int openJumps() {
        return code.open();
    }

    /** The number of bytes of code written so far, in every method. */
    int size() {
        return endedBytes + methodSize();
    }

    private int methodSize() {
        Label here = new Label();
        code.visitLabel(here);
        return here.getOffset() - start.getOffset();
    }

    /**
     * Pushes {@code value} (of reference type {@code type}), handed to the class as class data and read from the static
     * final field its static initializer stored it in.
     */
    void loadConstant(Object value, Class<?> type) {
        Integer index = constantIndex.get(value);
        if (index == null) {
            index = constants.size();
            constants.add(value);
            constantTypes.add(Type.getType(type));
            constantIndex.put(value, index);
        }
        Type field = constantTypes.get(index);
        code.visitFieldInsn(Opcodes.GETSTATIC, NAME, constantField(index), field.getDescriptor());
        if (!field.equals(Type.getType(type))) {
            code.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
        }
    }

    private static String constantField(int index) {
        return "constant" + index;
    }

    /** The constants' static final fields, and the static initializer that reads them from the class data. */
    private void writeConstantFields() {
        if (constants.isEmpty()) {
            return;
        }
        MethodVisitor initializer = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        initializer.visitCode();
        initializer.visitMethodInsn(Opcodes.INVOKESTATIC, HANDLES, "lookup",
                Type.getMethodDescriptor(Type.getType(MethodHandles.Lookup.class)), false);
        initializer.visitLdcInsn("_");
        initializer.visitLdcInsn(Type.getType(List.class));
        initializer.visitMethodInsn(Opcodes.INVOKESTATIC, HANDLES, "classData", Type.getMethodDescriptor(
                Type.getType(Object.class), Type.getType(MethodHandles.Lookup.class), Type.getType(String.class),
                Type.getType(Class.class)), false);
        initializer.visitTypeInsn(Opcodes.CHECKCAST, LIST);
        initializer.visitVarInsn(Opcodes.ASTORE, 0);
        for (int i = 0; i < constants.size(); i++) {
            Type type = constantTypes.get(i);
            writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, constantField(i),
                    type.getDescriptor(), null, null).visitEnd();
            initializer.visitVarInsn(Opcodes.ALOAD, 0);
            pushInt(initializer, i);
            initializer.visitMethodInsn(Opcodes.INVOKEINTERFACE, LIST, "get",
                    Type.getMethodDescriptor(Type.getType(Object.class), Type.INT_TYPE), true);
            initializer.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
            initializer.visitFieldInsn(Opcodes.PUTSTATIC, NAME, constantField(i), type.getDescriptor());
        }
        initializer.visitInsn(Opcodes.RETURN);
        initializer.visitMaxs(0, 0);
        initializer.visitEnd();
    }

    /** Calls the single method of {@code functionalInterface} on the receiver and arguments on the stack. */
    void invoke(Class<?> functionalInterface) {
        Method method = singleMethod(functionalInterface);
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, Type.getInternalName(functionalInterface), method.getName(),
                Type.getMethodDescriptor(method), true);
    }

    /**
     * Ends the method (the caller has written its return) and the class. A method too long for a class file comes
     * back without bytes and with the largest size.
     */
    Built finish() {
        int size = size();
        code.visitMaxs(0, 0);
        code.visitEnd();
        writeConstantFields();
        writer.visitEnd();
        try {
            return new Built(api, writer.toByteArray(), List.copyOf(constants), size);
        } catch (MethodTooLargeException e) {
            return new Built(api, null, List.of(), Integer.MAX_VALUE);
        }
    }

    /** The one abstract method of a functional interface. */
    static Method singleMethod(Class<?> functionalInterface) {
        Method found = null;
        for (Method method : functionalInterface.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers())) {
                if (found != null) {
                    throw new IllegalArgumentException(functionalInterface + " has more than one abstract method");
                }
                found = method;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(functionalInterface + " has no abstract method");
        }
        return found;
    }

    static void pushInt(MethodVisitor code, int value) {
        if (value >= -1 && value <= 5) {
            code.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            code.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            code.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            code.visitLdcInsn(value);
        }
    }

    static void pushDouble(MethodVisitor code, double value) {
        long bits = Double.doubleToRawLongBits(value);
        if (bits == 0L) {
            code.visitInsn(Opcodes.DCONST_0);
        } else if (bits == Double.doubleToRawLongBits(1.0)) {
            code.visitInsn(Opcodes.DCONST_1);
        } else {
            code.visitLdcInsn(value);
        }
    }

    /**
     * Defines generated classes as hidden classes of this package and makes one instance of each; classes with the
     * same bytes and the same class data are defined once.
     */
    static final class Definer {
        private final MethodHandles.Lookup lookup = MethodHandles.lookup();
        private final Map<Key, Object> defined = new java.util.HashMap<>();

        private record Key(String bytes, List<Object> data) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Key key && bytes.equals(key.bytes) && sameElements(data, key.data);
            }

            @Override
            public int hashCode() {
                int hash = bytes.hashCode();
                for (Object element : data) {
                    hash = 31 * hash + System.identityHashCode(element);
                }
                return hash;
            }

            private static boolean sameElements(List<Object> a, List<Object> b) {
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) != b.get(i)) {
                        return false;
                    }
                }
                return true;
            }
        }

        <T> T instance(Class<T> api, Built built) {
            if (built.api() != api) {
                throw new IllegalArgumentException(built.api() + " is not " + api);
            }
            Key key = new Key(new String(built.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1),
                    built.classData());
            Object made = defined.get(key);
            if (made == null) {
                try {
                    Class<?> type = lookup.defineHiddenClassWithClassData(built.bytes(),
                            Collections.unmodifiableList(new ArrayList<>(built.classData())), true).lookupClass();
                    made = type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("generated code rejected", e);
                }
                defined.put(key, made);
            }
            return api.cast(made);
        }
    }
}
