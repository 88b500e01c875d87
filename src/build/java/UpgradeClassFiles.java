import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (run by the pom in process-classes, with the compile classpath): copies the classes below each PACKAGE/
 * from the jars on the classpath into OUTPUT as Java 8 class files with stack map frames computed by ASM.
 * <p>
 * picocli and ASM ship Java 5 class files, which the JVM's class-data-sharing archive cannot hold ("Pre JDK 6 class
 * not supported by CDS"), so every run loaded and verified their classes (170 and 27 in a simulation) from the jar. As Java 8 class files
 * they go into the launcher's archive like every other class. Only the class file version and the frames change.
 * <p>
 * Usage: {@code java -cp CLASSPATH src/build/java/UpgradeClassFiles.java OUTPUT PACKAGE...}
 */
public final class UpgradeClassFiles {
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            upgradePackage(args[i] + "/", output);
        }
    }

    private static void upgradePackage(String prefix, Path output) throws IOException {
        int upgraded = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (ZipFile jar = new ZipFile(entry)) {
                for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                    ZipEntry file = e.nextElement();
                    if (file.getName().startsWith(prefix) && file.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(file)) {
                            Path target = output.resolve(file.getName());
                            Files.createDirectories(target.getParent());
                            Files.write(target, upgrade(in.readAllBytes()));
                            upgraded++;
                        }
                    }
                }
            }
        }
        if (upgraded == 0) {
            throw new IllegalStateException("no class below " + prefix + " on the classpath");
        }
        System.out.println("UpgradeClassFiles: " + upgraded + " classes below " + prefix + " as Java 8 class files");
    }

    private static byte[] upgrade(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(Math.max(version, Opcodes.V1_8), access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
