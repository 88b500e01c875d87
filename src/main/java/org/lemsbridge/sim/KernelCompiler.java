package org.lemsbridge.sim;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Optionally turns each {@link Kind}'s derived variables, rates and conditions into one generated Java class
 * (compiled in memory with the JDK's compiler), replacing many small lambda calls by straight-line code with the
 * same operations in the same order. The generated classes use only JDK types. Without a system Java compiler, or
 * when an expression cannot be printed, the lambda trees are used.
 */
final class KernelCompiler {

    private static final String PACKAGE = "lemsbridge_kernels";

    /** The three generated parts of one kind; any may be null (then the lambdas run). */
    record Kernel(Consumer<double[]> derived, BiConsumer<double[], double[]> rates,
            BiPredicate<double[], Integer> tests) {
    }

    private KernelCompiler() {
    }

    /** Generated kernels by kind; empty when no compiler is available or compilation fails. */
    static Map<Kind, Kernel> compile(List<Kind> kinds, Random random) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null || kinds.isEmpty()) {
            return Map.of();
        }
        // kinds with the same generated code (same type, same folded values) share one class
        Map<String, Integer> classBySource = new HashMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        Map<Kind, Integer> classOf = new HashMap<>();
        Map<Kind, boolean[]> parts = new HashMap<>();
        for (Kind kind : kinds) {
            if (kind.derivedSlots.length + kind.conditionalSlots.length + kind.rateExprs.length
                    + kind.conditionExprs.length == 0) {
                continue;
            }
            boolean[] generated = new boolean[3];
            String body = source("NAME", kind, generated);
            Integer index = classBySource.get(body);
            if (index == null) {
                index = sources.size();
                classBySource.put(body, index);
                sources.add(new Source(className(index), body.replace("NAME", className(index))));
            }
            classOf.put(kind, index);
            parts.put(kind, generated);
        }
        if (sources.isEmpty()) {
            return Map.of();
        }
        MemoryFiles files = new MemoryFiles(compiler.getStandardFileManager(null, null, null));
        boolean ok = compiler.getTask(null, files, diagnostic -> { }, List.of("-g:none", "-proc:none", "-nowarn"),
                null, sources).call();
        if (!ok) {
            return Map.of();
        }
        Loader loader = new Loader(KernelCompiler.class.getClassLoader(), files.classes);
        Map<Kind, Kernel> kernels = new HashMap<>();
        try {
            Object[] instances = new Object[sources.size()];
            for (int i = 0; i < instances.length; i++) {
                instances[i] = loader.loadClass(PACKAGE + "." + className(i)).getConstructor(Random.class)
                        .newInstance(random);
            }
            for (Map.Entry<Kind, Integer> entry : classOf.entrySet()) {
                Object instance = instances[entry.getValue()];
                boolean[] generated = parts.get(entry.getKey());
                @SuppressWarnings("unchecked")
                Kernel kernel = new Kernel(generated[0] ? (Consumer<double[]>) instance : null,
                        generated[1] ? (BiConsumer<double[], double[]>) instance : null,
                        generated[2] ? (BiPredicate<double[], Integer>) instance : null);
                kernels.put(entry.getKey(), kernel);
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            return Map.of();
        }
        return kernels;
    }

    private static String className(int index) {
        return "Kernel" + index;
    }

    private static String source(String name, Kind kind, boolean[] generated) {
        JavaSource java = new JavaSource(kind.names);
        StringBuilder derived = new StringBuilder();
        boolean derivedOk = true;
        for (int i = 0; i < kind.derivedSlots.length && derivedOk; i++) {
            String value = java.number(kind.derivedExprs[i]);
            derivedOk = value != null;
            derived.append("    v[").append(kind.derivedSlots[i]).append("] = ").append(value).append(";\n");
        }
        for (int i = 0; i < kind.conditionalSlots.length && derivedOk; i++) {
            StringBuilder value = new StringBuilder();
            List<org.lemsbridge.lems.Dynamics.Case> cases = kind.conditionalCases[i];
            for (org.lemsbridge.lems.Dynamics.Case c : cases) {
                String test = c.condition() == null ? "true" : java.condition(c.condition());
                String result = java.number(c.value());
                if (test == null || result == null) {
                    derivedOk = false;
                    break;
                }
                value.append('(').append(test).append(" ? ").append(result).append(" : ");
            }
            value.append("0.0").append(")".repeat(cases.size()));
            derived.append("    v[").append(kind.conditionalSlots[i]).append("] = ").append(value).append(";\n");
        }
        StringBuilder rates = new StringBuilder();
        boolean ratesOk = true;
        for (int i = 0; i < kind.rateExprs.length && ratesOk; i++) {
            String value = java.number(kind.rateExprs[i]);
            ratesOk = value != null;
            rates.append("    out[").append(i).append("] = ").append(value).append(";\n");
        }
        StringBuilder tests = new StringBuilder();
        boolean testsOk = true;
        for (int i = 0; i < kind.conditionExprs.length && testsOk; i++) {
            String test = java.condition(kind.conditionExprs[i]);
            testsOk = test != null;
            tests.append("      case ").append(i).append(": return ").append(test).append(";\n");
        }
        generated[0] = derivedOk;
        generated[1] = ratesOk;
        generated[2] = testsOk;
        return "package " + PACKAGE + ";\n"
                + "public final class " + name + " implements java.util.function.Consumer<double[]>,"
                + " java.util.function.BiConsumer<double[], double[]>,"
                + " java.util.function.BiPredicate<double[], Integer> {\n"
                + "  private final java.util.Random random;\n"
                + "  public " + name + "(java.util.Random random) { this.random = random; }\n"
                + "  public void accept(double[] v) {\n" + (derivedOk ? derived : "") + "  }\n"
                + "  public void accept(double[] v, double[] out) {\n" + (ratesOk ? rates : "") + "  }\n"
                + "  public boolean test(double[] v, Integer which) {\n    switch (which.intValue()) {\n"
                + (testsOk ? tests : "") + "      default: throw new IllegalStateException();\n    }\n  }\n}\n";
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///" + PACKAGE + "/" + name + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    private static final class MemoryFiles extends ForwardingJavaFileManager<JavaFileManager> {
        final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

        MemoryFiles(JavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    private static final class Loader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        Loader(ClassLoader parent, Map<String, ByteArrayOutputStream> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] code = bytes.toByteArray();
            return defineClass(name, code, 0, code.length);
        }
    }
}
