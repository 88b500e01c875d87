package org.lemsbridge.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.FileTrees;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The build step that turns lambdas into classes of their own (src/build/java/DesugarLambdas.java): a program using
 * every kind of lambda and method reference the step handles, and one it leaves alone, computes the same text
 * compiled as javac writes it and after the step; no lambda of the project's own classes is left to link at run time.
 */
class DesugarLambdasTest {

    private static final String SAMPLE = """
            package sample;

            import java.io.Serializable;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.*;
            import other.Helper;

            public class Main {
                private final String name = "main";
                private int counter;

                interface Shape {
                    default Supplier<String> describe(int sides) { return () -> "shape of " + sides; }
                    default Supplier<String> kind() { return () -> "a " + getClass().getSimpleName(); }
                }
                static final class Square implements Shape { }

                private static final class Nested {
                    private final double scale = 2.5;
                    private String twice(String s) { return s + s; }
                    DoubleUnaryOperator scaler() { return x -> x * scale; }
                    Function<String, String> twicer() { return this::twice; }
                }

                static class Base { String who() { return "base"; } }
                static final class Derived extends Base {
                    @Override String who() { return "derived"; }
                    Supplier<String> parent() { return super::who; }
                }

                private String greet(String other) { return name + " greets " + other; }
                private static long twiceLong(long x) { return 2 * x; }

                public static String run() {
                    List<String> out = new ArrayList<>();
                    Main main = new Main();
                    int i = 7; long l = 1L << 40; double d = 0.1; String s = "s";
                    Supplier<String> capturing = () -> s + i + l + d;
                    out.add(capturing.get());
                    Function<String, String> bound = main::greet;
                    out.add(bound.apply("you"));
                    Runnable instance = () -> main.counter += i;
                    instance.run(); instance.run();
                    out.add("counter " + main.counter);
                    ToIntFunction<String> unbound = String::length;
                    out.add("length " + unbound.applyAsInt("four"));
                    Function<String, Integer> boxed = String::length;
                    out.add("boxed " + boxed.apply("three").getClass().getSimpleName());
                    Function<Integer, Integer> abs = Math::abs;
                    out.add("abs " + abs.apply(-5));
                    IntToLongFunction widened = Main::twiceLong;
                    out.add("widened " + widened.applyAsLong(21));
                    Supplier<List<String>> constructor = ArrayList::new;
                    out.add("list " + constructor.get().size());
                    Function<String, StringBuilder> withArgument = StringBuilder::new;
                    out.add("builder " + withArgument.apply("abc").reverse());
                    Nested nested = new Nested();
                    out.add("scaled " + nested.scaler().applyAsDouble(4));
                    out.add("nested " + nested.twicer().apply("ab"));
                    out.add(new Square().describe(4).get());
                    out.add(new Square().kind().get());
                    Consumer<String> discarded = new StringBuilder()::append;
                    discarded.accept("ignored");
                    out.add("derived parent " + new Derived().parent().get());
                    Supplier<String> serializable = (Supplier<String> & Serializable) () -> "serializable";
                    out.add(serializable.get());
                    Supplier<String> first = Main::constant; Supplier<String> second = Main::constant;
                    out.add("shared " + (sameSite() == sameSite()) + " " + first.get() + second.get());
                    BiFunction<Integer, Integer, Integer> sum = Integer::sum;
                    out.add("sum " + sum.apply(2, 3));
                    Predicate<Object> isString = String.class::isInstance;
                    out.add("isString " + isString.test("x") + isString.test(1));
                    out.add("helper " + Helper.twice().apply(21));
                    IntFunction<String[]> array = String[]::new;
                    out.add("array " + array.apply(3).length);
                    return String.join("; ", out);
                }

                private static String constant() { return "c"; }
                private static Runnable sameSite() { return () -> { }; }
            }
            """;

    private static final String HELPER = """
            package other;

            import java.util.function.Function;

            public final class Helper {
                public static Function<Integer, Long> twice() { return x -> 2L * x; }
            }
            """;

    private static final String EXPECTED = "s71099511627776" + "0.1; main greets you; counter 14; length 4; boxed Integer;"
            + " abs 5; widened 42; list 0; builder cba; scaled 10.0; nested abab; shape of 4; a Square; derived parent base;"
            + " serializable; shared true cc; sum 5; isString truefalse; helper 42; array 3";

    @TempDir
    Path folder;

    @Test
    void theProgramComputesTheSameAfterTheStepWithItsLambdasAsClasses() throws Exception {
        Path compiled = compile();
        Path desugared = FileTrees.copy(compiled, folder.resolve("desugared"));
        String report = desugar(desugared);
        // 23 sites in Main, Main$Shape, Main$Nested, Main$Derived (javac makes super::who a lambda method of its
        // own) and other.Helper, of which one serializable
        assertEquals("DesugarLambdas: 22 lambdas of 5 classes as classes of their own", report);

        assertEquals(EXPECTED, run(compiled));
        assertEquals(EXPECTED, run(desugared));
        // the serializable lambda, in run() and in javac's $deserializeLambda$, stays with LambdaMetafactory
        assertEquals(List.of("sample/Main altMetafactory", "sample/Main altMetafactory"), lambdaSites(desugared));
        assertEquals(22, lambdaClasses(desugared).size());
        assertTrue(lambdaClasses(desugared).contains("sample/Main$Nested$$Lambda$0.class"),
                lambdaClasses(desugared).toString());
    }

    @Test
    void runningTheStepAgainChangesNothing() throws Exception {
        Path desugared = FileTrees.copy(compile(), folder.resolve("desugared"));
        desugar(desugared);
        Map<String, byte[]> once = contents(desugared);
        assertEquals("DesugarLambdas: 0 lambdas of 0 classes as classes of their own", desugar(desugared));
        Map<String, byte[]> twice = contents(desugared);
        assertEquals(once.keySet(), twice.keySet());
        for (String name : once.keySet()) {
            assertArrayEquals(once.get(name), twice.get(name), name);
        }
    }

    @Test
    void aClassCompiledAgainLosesItsOldLambdaClasses() throws Exception {
        Path desugared = FileTrees.copy(compile(), folder.resolve("desugared"));
        desugar(desugared);
        Path helper = desugared.resolve("other/Helper.class");
        Files.copy(folder.resolve("classes/other/Helper.class"), helper, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(desugared.resolve("other/Helper$$Lambda$7.class"), "left from an older compilation");
        assertEquals("DesugarLambdas: 1 lambdas of 1 classes as classes of their own", desugar(desugared));
        assertTrue(Files.exists(desugared.resolve("other/Helper$$Lambda$0.class")));
        assertTrue(Files.notExists(desugared.resolve("other/Helper$$Lambda$7.class")));
        assertEquals(EXPECTED, run(desugared));
    }

    @Test
    void theProjectsOwnClassesLinkNoLambdaAtRunTime() throws IOException {
        Path classes = Path.of("target/classes/org/lemsbridge");
        assumeTrue(Files.isDirectory(classes), "no target/classes: run through Maven");
        List<String> sites = lambdaSites(Path.of("target/classes"));
        assertEquals(List.of(), sites);
        assertTrue(lambdaClasses(Path.of("target/classes")).size() > 500);
    }

    private Path compile() throws IOException {
        Path sources = folder.resolve("sources");
        Files.createDirectories(sources.resolve("sample"));
        Files.createDirectories(sources.resolve("other"));
        Files.writeString(sources.resolve("sample/Main.java"), SAMPLE);
        Files.writeString(sources.resolve("other/Helper.java"), HELPER);
        Path classes = folder.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                sources.resolve("sample/Main.java").toString(), sources.resolve("other/Helper.java").toString());
        assertEquals(0, status);
        return classes;
    }

    /** Runs the step as the pom does, on the packages of {@code classes}, and returns what it printed. */
    private static String desugar(Path classes) throws Exception {
        String classpath = classes + File.pathSeparator + System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classpath, Path.of("src/build/java/DesugarLambdas.java").toString(),
                classes.toString(), "sample", "other"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String run(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            return (String) loader.loadClass("sample.Main").getMethod("run").invoke(null);
        }
    }

    private static Map<String, byte[]> contents(Path classes) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(classes.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static List<String> lambdaClasses(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString()).filter(name -> name.contains("$$Lambda$"))
                    .sorted().toList();
        }
    }

    /** Each invokedynamic instruction left that links through LambdaMetafactory: class and bootstrap method. */
    private static List<String> lambdaSites(Path classes) throws IOException {
        List<String> sites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                            String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitInvokeDynamicInsn(String siteName, String siteDescriptor,
                                    Handle bootstrap, Object... arguments) {
                                if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                                    sites.add(reader.getClassName() + " " + bootstrap.getName());
                                }
                            }
                        };
                    }
                }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            }
        }
        return sites;
    }
}
