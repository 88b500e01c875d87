package org.lemsbridge.sim;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a minimal Java class file (version 49, so no stack map frames are needed): one public final class with a
 * no-argument constructor, one interface and one method whose code comes from a {@link Bytecode}.
 */
final class ClassAssembler {

    private static final int VERSION = 49;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;

    private final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(poolBytes);
    private final Map<String, Integer> entries = new HashMap<>();
    private int poolCount = 1;

    private int entry(String key, int slots, PoolWriter writer) {
        Integer known = entries.get(key);
        if (known != null) {
            return known;
        }
        try {
            writer.write(pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = poolCount;
        poolCount += slots;
        entries.put(key, index);
        return index;
    }

    private interface PoolWriter {
        void write(DataOutputStream out) throws IOException;
    }

    int utf8(String text) {
        return entry("U" + text, 1, out -> {
            out.writeByte(1);
            out.writeUTF(text);
        });
    }

    int classRef(String internalName) {
        int name = utf8(internalName);
        return entry("C" + internalName, 1, out -> {
            out.writeByte(7);
            out.writeShort(name);
        });
    }

    int doubleConstant(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return entry("D" + bits, 2, out -> {
            out.writeByte(6);
            out.writeLong(bits);
        });
    }

    private int nameAndType(String name, String descriptor) {
        int n = utf8(name);
        int d = utf8(descriptor);
        return entry("N" + name + ":" + descriptor, 1, out -> {
            out.writeByte(12);
            out.writeShort(n);
            out.writeShort(d);
        });
    }

    int methodRef(String owner, String name, String descriptor) {
        int c = classRef(owner);
        int nt = nameAndType(name, descriptor);
        return entry("M" + owner + "." + name + descriptor, 1, out -> {
            out.writeByte(10);
            out.writeShort(c);
            out.writeShort(nt);
        });
    }

    /** The class file of {@code name} implementing {@code iface} with one public method built by {@code code}. */
    byte[] assemble(String name, String iface, String methodName, String descriptor, Bytecode code) {
        int thisClass = classRef(name);
        int superClass = classRef("java/lang/Object");
        int ifaceClass = classRef(iface);
        int objectInit = methodRef("java/lang/Object", "<init>", "()V");
        int initName = utf8("<init>");
        int initDescriptor = utf8("()V");
        int codeName = utf8("Code");
        int methodNameIndex = utf8(methodName);
        int descriptorIndex = utf8(descriptor);
        byte[] body = code.bytes(this);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + poolBytes.size() + 128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(VERSION);
            out.writeShort(poolCount);
            pool.flush();
            poolBytes.writeTo(out);
            out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(1);
            out.writeShort(ifaceClass);
            out.writeShort(0); // fields
            out.writeShort(2); // methods
            // constructor: aload_0, invokespecial Object.<init>, return
            out.writeShort(ACC_PUBLIC);
            out.writeShort(initName);
            out.writeShort(initDescriptor);
            out.writeShort(1);
            out.writeShort(codeName);
            out.writeInt(12 + 5);
            out.writeShort(1);
            out.writeShort(1);
            out.writeInt(5);
            out.writeByte(0x2a);
            out.writeByte(0xb7);
            out.writeShort(objectInit);
            out.writeByte(0xb1);
            out.writeShort(0);
            out.writeShort(0);
            // the method
            out.writeShort(ACC_PUBLIC | ACC_FINAL);
            out.writeShort(methodNameIndex);
            out.writeShort(descriptorIndex);
            out.writeShort(1);
            out.writeShort(codeName);
            out.writeInt(12 + body.length);
            out.writeShort(code.maxStack());
            out.writeShort(code.maxLocals());
            out.writeInt(body.length);
            out.write(body);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(0); // class attributes
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Straight-line JVM code with forward jumps to labels; constants are resolved when the class is assembled. */
    static final class Bytecode {
        private final List<Op> ops = new ArrayList<>();
        private final List<Integer> labelPositions = new ArrayList<>();
        private int stack;
        private int maxStack;
        private int maxLocals;

        private sealed interface Op permits Plain, Jump, Mark, Pooled {
        }

        private record Plain(byte[] bytes) implements Op {
        }

        private record Jump(int opcode, int label) implements Op {
        }

        private record Mark(int label) implements Op {
        }

        private record Pooled(int opcode, PoolRef ref) implements Op {
        }

        private interface PoolRef {
            int index(ClassAssembler assembler);
        }

        Bytecode(int parameterSlots) {
            maxLocals = parameterSlots;
        }

        int maxStack() {
            return maxStack + 2;
        }

        int maxLocals() {
            return maxLocals;
        }

        private void adjust(int delta) {
            stack += delta;
            maxStack = Math.max(maxStack, stack);
        }

        private void plain(int delta, int... bytes) {
            byte[] b = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                b[i] = (byte) bytes[i];
            }
            ops.add(new Plain(b));
            adjust(delta);
        }

        int newLabel() {
            labelPositions.add(-1);
            return labelPositions.size() - 1;
        }

        void mark(int label) {
            ops.add(new Mark(label));
        }

        /** Declares the operand stack depth at a label reached only by jumps (after a goto). */
        void stackAt(int depth) {
            stack = depth;
        }

        int stack() {
            return stack;
        }

        void jump(int opcode, int label) {
            ops.add(new Jump(opcode, label));
            adjust(opcode == GOTO ? 0 : opcode == IF_ICMPGE ? -2 : -1);
        }

        void aload(int local) {
            local(0x19, 1, local, 1);
        }

        void astore(int local) {
            local(0x3a, -1, local, 1);
        }

        void dload(int local) {
            local(0x18, 2, local, 2);
        }

        void dstore(int local) {
            local(0x39, -2, local, 2);
        }

        void iload(int local) {
            local(0x15, 1, local, 1);
        }

        void istore(int local) {
            local(0x36, -1, local, 1);
        }

        /** A load or store of a local taking {@code slots} slots, changing the stack by {@code stack}. */
        private void local(int opcode, int stack, int local, int slots) {
            maxLocals = Math.max(maxLocals, local + slots);
            plain(stack, opcode, local);
        }

        void iinc(int local, int delta) {
            plain(0, 0x84, local, delta);
        }

        void arraylength() {
            plain(0, 0xbe);
        }

        void imul() {
            plain(-1, 0x68);
        }

        void iadd() {
            plain(-1, 0x60);
        }

        void pushInt(int value) {
            if (value >= -1 && value <= 5) {
                plain(1, 0x03 + value);
            } else if (value >= -128 && value <= 127) {
                plain(1, 0x10, value);
            } else if (value >= -32768 && value <= 32767) {
                plain(1, 0x11, value >> 8, value);
            } else {
                throw new IllegalArgumentException("index too large: " + value);
            }
        }

        void pushDouble(double value) {
            long bits = Double.doubleToRawLongBits(value);
            if (bits == 0L) {
                plain(2, 0x0e);
            } else if (bits == Double.doubleToRawLongBits(1.0)) {
                plain(2, 0x0f);
            } else {
                ops.add(new Pooled(0x14, a -> a.doubleConstant(value)));
                adjust(2);
            }
        }

        void invokeStatic(String owner, String name, String descriptor, int stackDelta) {
            ops.add(new Pooled(0xb8, a -> a.methodRef(owner, name, descriptor)));
            adjust(stackDelta);
        }

        void invokeVirtual(String owner, String name, String descriptor, int stackDelta) {
            ops.add(new Pooled(0xb6, a -> a.methodRef(owner, name, descriptor)));
            adjust(stackDelta);
        }

        void aaload() {
            plain(-1, 0x32);
        }

        void daload() {
            plain(0, 0x31);
        }

        void dastore() {
            plain(-4, 0x52);
        }

        void dadd() {
            plain(-2, 0x63);
        }

        void dsub() {
            plain(-2, 0x67);
        }

        void dmul() {
            plain(-2, 0x6b);
        }

        void ddiv() {
            plain(-2, 0x6f);
        }

        void dcmpl() {
            plain(-3, 0x97);
        }

        void dcmpg() {
            plain(-3, 0x98);
        }

        void returnVoid() {
            plain(0, 0xb1);
        }

        static final int IFEQ = 0x99;
        static final int IFNE = 0x9a;
        static final int IFLT = 0x9b;
        static final int IFGE = 0x9c;
        static final int IFGT = 0x9d;
        static final int IFLE = 0x9e;
        static final int GOTO = 0xa7;
        static final int IF_ICMPGE = 0xa2;

        /** The code, with jumps resolved (a jump is 3 bytes; offsets must fit in 16 bits). */
        byte[] bytes(ClassAssembler assembler) {
            int[] positions = new int[labelPositions.size()];
            int at = 0;
            for (Op op : ops) {
                if (op instanceof Mark m) {
                    positions[m.label()] = at;
                } else {
                    at += size(op);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(at);
            at = 0;
            for (Op op : ops) {
                if (op instanceof Plain p) {
                    out.writeBytes(p.bytes());
                } else if (op instanceof Jump j) {
                    int offset = positions[j.label()] - at;
                    if (offset < Short.MIN_VALUE || offset > Short.MAX_VALUE) {
                        throw new IllegalStateException("jump too far");
                    }
                    out.write(j.opcode());
                    out.write(offset >> 8);
                    out.write(offset);
                } else if (op instanceof Pooled p) {
                    int index = p.ref().index(assembler);
                    out.write(p.opcode());
                    out.write(index >> 8);
                    out.write(index);
                }
                at += size(op);
            }
            return out.toByteArray();
        }

        /** The code size in bytes. */
        int size() {
            int total = 0;
            for (Op op : ops) {
                total += size(op);
            }
            return total;
        }

        private static int size(Op op) {
            if (op instanceof Plain p) {
                return p.bytes().length;
            }
            return op instanceof Mark ? 0 : 3;
        }
    }
}
