import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Build step (run by the pom in process-classes, with the compile classpath): turns each lambda expression and method
 * reference of the classes below OUTPUT/PACKAGE into a class of its own, written beside its class, so that a run
 * creates it with a static call instead of linking an {@code invokedynamic} call site through
 * {@code LambdaMetafactory}.
 * <p>
 * Why: on Java 17, linking one such call site costs about 0.3 ms of interpreted {@code java.lang.invoke} code and
 * method-handle resolution, even when the class-data-sharing archive holds the class the JDK would spin; a simulation
 * links about 230 of them before its first step (a sixth of the main thread's time on NeuroML's Ex2). A class of its
 * own is loaded from the archive like any other.
 * <p>
 * Each lambda {@code C.m -> I} becomes {@code C$$Lambda$k}: final, a nest member of C's nest (so it calls C's private
 * {@code lambda$} methods as the JDK's own proxy class does), with the captured values in final fields, a static
 * factory with the call site's own descriptor (which replaces the {@code invokedynamic} instruction, so the method's
 * stack and frames stay as they were) and I's method, which adapts its arguments and result the way
 * {@code LambdaMetafactory} does (casts, boxing, unboxing, primitive widening). A call site without captured values
 * gets one shared instance, as from {@code LambdaMetafactory}. Sites this step cannot reproduce exactly are left as they
 * are: {@code altMetafactory} (serializable lambdas, marker interfaces, bridges), {@code super::m}, and method
 * references to a member this class's nest may not access from another class.
 * <p>
 * Running it again on its own output changes nothing; a class compiled again has its old lambda classes replaced.
 * <p>
 * Usage: {@code java -cp CLASSPATH src/build/java/DesugarLambdas.java OUTPUT PACKAGE...}
 */
public final class DesugarLambdas {
    private static final String MARK = "$$Lambda$";
    private static final String FACTORY = "lambda$new";
    private static final String INSTANCE = "INSTANCE";
    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    private final Path output;
    private final Map<String, ClassFacts> facts = new HashMap<>();
    private int lambdas;
    private int classes;

    private DesugarLambdas(Path output) {
        this.output = output;
    }

    public static void main(String[] args) throws IOException {
        DesugarLambdas desugar = new DesugarLambdas(Path.of(args[0]));
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path folder = desugar.output.resolve(args[i]);
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("no folder " + folder);
            }
            folders.add(folder);
        }
        for (Path file : classFiles(folders)) {
            if (!file.getFileName().toString().contains(MARK)) {
                desugar.rewrite(file);
            }
        }
        desugar.registerNestMembers(folders);
        System.out.println("DesugarLambdas: " + desugar.lambdas + " lambdas of " + desugar.classes
                + " classes as classes of their own");
    }

    /** The class files below the folders, in name order. */
    private static List<Path> classFiles(List<Path> folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(f -> f.toString().endsWith(".class")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** What this step needs to know of a class: its nest host and its private methods. */
    private record ClassFacts(String name, String nestHost, boolean isInterface, Set<String> privateMethods,
            Set<String> nestMembers) {
    }

    private ClassFacts facts(String internalName) {
        return facts.computeIfAbsent(internalName, name -> {
            Path file = output.resolve(name + ".class");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return read(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static ClassFacts read(byte[] classFile) {
        String[] name = new String[1];
        String[] host = new String[1];
        boolean[] isInterface = new boolean[1];
        Set<String> privateMethods = new TreeSet<>();
        Set<String> members = new TreeSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String className, String signature, String superName,
                    String[] interfaces) {
                name[0] = className;
                isInterface[0] = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public void visitNestHost(String nestHost) {
                host[0] = nestHost;
            }

            @Override
            public void visitNestMember(String nestMember) {
                members.add(nestMember);
            }

            @Override
            public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_PRIVATE) != 0) {
                    privateMethods.add(methodName + descriptor);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(name[0], host[0] == null ? name[0] : host[0], isInterface[0], privateMethods, members);
    }

    /** Rewrites one compiled class if it has lambda call sites, writing their classes beside it. */
    private void rewrite(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        ClassReader reader = new ClassReader(original);
        ClassFacts own = read(original);
        facts.put(own.name(), own);
        int version = original[7] & 0xff | (original[6] & 0xff) << 8;
        List<byte[]> generated = new ArrayList<>();
        List<String> generatedNames = new ArrayList<>();
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitInvokeDynamicInsn(String siteName, String siteDescriptor, Handle bootstrap,
                            Object... arguments) {
                        if (!bootstrap.equals(METAFACTORY) || !reproducible(own, (Handle) arguments[1])) {
                            super.visitInvokeDynamicInsn(siteName, siteDescriptor, bootstrap, arguments);
                            return;
                        }
                        String lambdaClass = own.name() + MARK + generatedNames.size();
                        generatedNames.add(lambdaClass);
                        generated.add(lambdaClass(version, own, lambdaClass, siteName, siteDescriptor,
                                (Type) arguments[0], (Handle) arguments[1], (Type) arguments[2]));
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, lambdaClass, FACTORY, siteDescriptor, false);
                    }
                };
            }
        }, 0);
        boolean rewrittenBefore = new String(original, StandardCharsets.ISO_8859_1).contains(own.name() + MARK);
        if (generated.isEmpty() && rewrittenBefore) {
            return;
        }
        // compiled again: the lambda classes of its previous compilation go (all of them, if it has none now)
        String prefix = file.getFileName().toString().replace(".class", MARK);
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (Path stale : siblings.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(stale);
            }
        }
        if (generated.isEmpty()) {
            return;
        }
        Files.write(file, writer.toByteArray());
        for (int i = 0; i < generated.size(); i++) {
            Files.write(output.resolve(generatedNames.get(i) + ".class"), generated.get(i));
        }
        lambdas += generated.size();
        classes++;
    }

    /**
     * Whether a class of its own in {@code own}'s nest and package may call {@code target} as the call site's lookup
     * (in {@code own}) does.
     */
    private boolean reproducible(ClassFacts own, Handle target) {
        String owner = target.getOwner();
        String member = target.getName() + target.getDesc();
        if (target.getTag() == Opcodes.H_INVOKESPECIAL) {
            return owner.equals(own.name()) && own.privateMethods().contains(member);
        }
        if (packageOf(owner).equals(packageOf(own.name()))) {
            ClassFacts ownerFacts = facts(owner);
            return ownerFacts != null && (!ownerFacts.privateMethods().contains(member)
                    || ownerFacts.nestHost().equals(own.nestHost()));
        }
        return publicMember(target);
    }

    private static boolean publicMember(Handle target) {
        try {
            Class<?> owner = Class.forName(target.getOwner().replace('/', '.'), false,
                    DesugarLambdas.class.getClassLoader());
            if (!Modifier.isPublic(owner.getModifiers())) {
                return false;
            }
            if (target.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                for (var constructor : owner.getDeclaredConstructors()) {
                    if (Type.getConstructorDescriptor(constructor).equals(target.getDesc())) {
                        return Modifier.isPublic(constructor.getModifiers());
                    }
                }
                return false;
            }
            for (Method method : owner.getDeclaredMethods()) {
                if (method.getName().equals(target.getName()) && Type.getMethodDescriptor(method)
                        .equals(target.getDesc())) {
                    return Modifier.isPublic(method.getModifiers());
                }
            }
            return inheritedPublic(owner, target);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean inheritedPublic(Class<?> owner, Handle target) {
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(target.getName()) && Type.getMethodDescriptor(method).equals(target.getDesc())
                    && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** The class file of one lambda: see the class comment. */
    private static byte[] lambdaClass(int version, ClassFacts site, String name, String methodName,
            String siteDescriptor, Type erasedMethod, Handle target, Type instantiatedMethod) {
        Type[] captured = Type.getArgumentTypes(siteDescriptor);
        String functionalInterface = Type.getReturnType(siteDescriptor).getInternalName();
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, name, null,
                "java/lang/Object", new String[] {functionalInterface});
        writer.visitNestHost(site.nestHost());
        for (int i = 0; i < captured.length; i++) {
            writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "arg" + i, captured[i].getDescriptor(), null,
                    null).visitEnd();
        }
        String constructorDescriptor = Type.getMethodDescriptor(Type.VOID_TYPE, captured);

        MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PRIVATE, "<init>", constructorDescriptor, null,
                null);
        constructor.visitCode();
        constructor.visitVarInsn(Opcodes.ALOAD, 0);
        constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        int slot = 1;
        for (int i = 0; i < captured.length; i++) {
            constructor.visitVarInsn(Opcodes.ALOAD, 0);
            constructor.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
            constructor.visitFieldInsn(Opcodes.PUTFIELD, name, "arg" + i, captured[i].getDescriptor());
            slot += captured[i].getSize();
        }
        constructor.visitInsn(Opcodes.RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();

        MethodVisitor factory = writer.visitMethod(Opcodes.ACC_STATIC, FACTORY, siteDescriptor, null, null);
        factory.visitCode();
        if (captured.length == 0) {
            factory.visitFieldInsn(Opcodes.GETSTATIC, name, INSTANCE, "L" + name + ";");
        } else {
            factory.visitTypeInsn(Opcodes.NEW, name);
            factory.visitInsn(Opcodes.DUP);
            slot = 0;
            for (Type type : captured) {
                factory.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
                slot += type.getSize();
            }
            factory.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", constructorDescriptor, false);
        }
        factory.visitInsn(Opcodes.ARETURN);
        factory.visitMaxs(0, 0);
        factory.visitEnd();

        if (captured.length == 0) {
            writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, INSTANCE,
                    "L" + name + ";", null, null).visitEnd();
            MethodVisitor initializer = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            initializer.visitCode();
            initializer.visitTypeInsn(Opcodes.NEW, name);
            initializer.visitInsn(Opcodes.DUP);
            initializer.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
            initializer.visitFieldInsn(Opcodes.PUTSTATIC, name, INSTANCE, "L" + name + ";");
            initializer.visitInsn(Opcodes.RETURN);
            initializer.visitMaxs(0, 0);
            initializer.visitEnd();
        }

        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, methodName, erasedMethod.getDescriptor(), null,
                null);
        method.visitCode();
        Type[] targetParameters = targetParameters(target);
        int next = 0;
        if (target.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            method.visitTypeInsn(Opcodes.NEW, target.getOwner());
            method.visitInsn(Opcodes.DUP);
        }
        for (int i = 0; i < captured.length; i++) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitFieldInsn(Opcodes.GETFIELD, name, "arg" + i, captured[i].getDescriptor());
            convert(method, captured[i], targetParameters[next++]);
        }
        Type[] erasedParameters = erasedMethod.getArgumentTypes();
        Type[] instantiatedParameters = instantiatedMethod.getArgumentTypes();
        slot = 1;
        for (int i = 0; i < erasedParameters.length; i++) {
            method.visitVarInsn(erasedParameters[i].getOpcode(Opcodes.ILOAD), slot);
            slot += erasedParameters[i].getSize();
            convert(method, erasedParameters[i], instantiatedParameters[i]);
            convert(method, instantiatedParameters[i], targetParameters[next++]);
        }
        call(method, site, target);
        Type targetReturn = target.getTag() == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(target.getOwner())
                : Type.getReturnType(target.getDesc());
        Type erasedReturn = erasedMethod.getReturnType();
        if (erasedReturn.getSort() == Type.VOID) {
            if (targetReturn.getSize() > 0) {
                method.visitInsn(targetReturn.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
            }
        } else {
            convert(method, targetReturn, instantiatedMethod.getReturnType());
            convert(method, instantiatedMethod.getReturnType(), erasedReturn);
        }
        method.visitInsn(erasedReturn.getOpcode(Opcodes.IRETURN));
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The target's parameters as the call site passes them: the receiver first for an instance method. */
    private static Type[] targetParameters(Handle target) {
        Type[] parameters = Type.getArgumentTypes(target.getDesc());
        return switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC, Opcodes.H_NEWINVOKESPECIAL -> parameters;
            default -> {
                Type[] withReceiver = new Type[parameters.length + 1];
                withReceiver[0] = Type.getObjectType(target.getOwner());
                System.arraycopy(parameters, 0, withReceiver, 1, parameters.length);
                yield withReceiver;
            }
        };
    }

    private static void call(MethodVisitor method, ClassFacts site, Handle target) {
        switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC -> method.visitMethodInsn(Opcodes.INVOKESTATIC, target.getOwner(),
                    target.getName(), target.getDesc(), target.isInterface());
            case Opcodes.H_INVOKEVIRTUAL -> method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, target.getOwner(),
                    target.getName(), target.getDesc(), false);
            case Opcodes.H_INVOKEINTERFACE -> method.visitMethodInsn(Opcodes.INVOKEINTERFACE, target.getOwner(),
                    target.getName(), target.getDesc(), true);
            // a private method of the site's own class, which a nest member calls as a virtual or interface method
            case Opcodes.H_INVOKESPECIAL -> method.visitMethodInsn(site.isInterface() ? Opcodes.INVOKEINTERFACE
                    : Opcodes.INVOKEVIRTUAL, target.getOwner(), target.getName(), target.getDesc(), site.isInterface());
            case Opcodes.H_NEWINVOKESPECIAL -> method.visitMethodInsn(Opcodes.INVOKESPECIAL, target.getOwner(),
                    "<init>", target.getDesc(), false);
            default -> throw new IllegalStateException("method handle kind " + target.getTag());
        }
    }

    /** Converts the value on the stack from {@code from} to {@code to} as {@code LambdaMetafactory} adapts it. */
    private static void convert(MethodVisitor method, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        boolean fromPrimitive = primitive(from);
        boolean toPrimitive = primitive(to);
        if (fromPrimitive && toPrimitive) {
            widen(method, from, to);
        } else if (fromPrimitive) {
            Type box = box(from);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(box, from), false);
            castReference(method, box, to);
        } else if (toPrimitive) {
            Type unboxed = unbox(from);
            if (unboxed == null) {
                unboxed = to;
                method.visitTypeInsn(Opcodes.CHECKCAST, box(to).getInternalName());
            }
            Type box = box(unboxed);
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box.getInternalName(), unboxed.getClassName() + "Value",
                    Type.getMethodDescriptor(unboxed), false);
            widen(method, unboxed, to);
        } else {
            castReference(method, from, to);
        }
    }

    private static void castReference(MethodVisitor method, Type from, Type to) {
        if (!from.equals(to) && !to.getDescriptor().equals("Ljava/lang/Object;")) {
            method.visitTypeInsn(Opcodes.CHECKCAST, to.getSort() == Type.ARRAY ? to.getDescriptor()
                    : to.getInternalName());
        }
    }

    private static boolean primitive(Type type) {
        return type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY;
    }

    private static void widen(MethodVisitor method, Type from, Type to) {
        int fromSort = from.getSort() == Type.BYTE || from.getSort() == Type.SHORT || from.getSort() == Type.CHAR
                ? Type.INT : from.getSort();
        int toSort = to.getSort();
        if (fromSort == toSort || toSort == Type.INT || toSort == Type.SHORT || toSort == Type.CHAR
                || toSort == Type.BYTE || toSort == Type.BOOLEAN) {
            return;
        }
        switch (fromSort * 16 + toSort) {
            case Type.INT * 16 + Type.LONG -> method.visitInsn(Opcodes.I2L);
            case Type.INT * 16 + Type.FLOAT -> method.visitInsn(Opcodes.I2F);
            case Type.INT * 16 + Type.DOUBLE -> method.visitInsn(Opcodes.I2D);
            case Type.LONG * 16 + Type.FLOAT -> method.visitInsn(Opcodes.L2F);
            case Type.LONG * 16 + Type.DOUBLE -> method.visitInsn(Opcodes.L2D);
            case Type.FLOAT * 16 + Type.DOUBLE -> method.visitInsn(Opcodes.F2D);
            default -> throw new IllegalStateException("no widening from " + from + " to " + to);
        }
    }

    private static Type box(Type primitive) {
        return Type.getObjectType(switch (primitive.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> throw new IllegalStateException("not a primitive type: " + primitive);
        });
    }

    private static Type unbox(Type reference) {
        return switch (reference.getInternalName()) {
            case "java/lang/Boolean" -> Type.BOOLEAN_TYPE;
            case "java/lang/Byte" -> Type.BYTE_TYPE;
            case "java/lang/Character" -> Type.CHAR_TYPE;
            case "java/lang/Short" -> Type.SHORT_TYPE;
            case "java/lang/Integer" -> Type.INT_TYPE;
            case "java/lang/Long" -> Type.LONG_TYPE;
            case "java/lang/Float" -> Type.FLOAT_TYPE;
            case "java/lang/Double" -> Type.DOUBLE_TYPE;
            default -> null;
        };
    }

    /**
     * Adds every lambda class below the folders to its nest host's list of members, where it is not yet: the host may
     * be another class than the one rewritten (a lambda of a nested class belongs to the outermost class's nest).
     */
    private void registerNestMembers(List<Path> folders) throws IOException {
        Map<String, Set<String>> membersByHost = new TreeMap<>();
        for (Path file : classFiles(folders)) {
            String name = output.relativize(file).toString().replace(".class", "");
            int mark = name.indexOf(MARK);
            ClassFacts owner = mark < 0 ? null : facts(name.substring(0, mark));
            if (owner != null) {
                membersByHost.computeIfAbsent(owner.nestHost(), h -> new TreeSet<>()).add(name);
            }
        }
        for (Map.Entry<String, Set<String>> entry : membersByHost.entrySet()) {
            Path hostFile = output.resolve(entry.getKey() + ".class");
            byte[] host = Files.readAllBytes(hostFile);
            Set<String> missing = new TreeSet<>(entry.getValue());
            missing.removeAll(read(host).nestMembers());
            if (missing.isEmpty()) {
                continue;
            }
            ClassReader reader = new ClassReader(host);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visitEnd() {
                    for (String member : missing) {
                        super.visitNestMember(member);
                    }
                    super.visitEnd();
                }
            }, 0);
            Files.write(hostFile, writer.toByteArray());
        }
    }
}
