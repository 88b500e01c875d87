package org.lemsbridge.lems;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.error.SourceLocation;

/**
 * A binary form of {@link XmlElement} trees, for the bundled core types: the build parses them once and writes
 * them so (see {@link BundledCoreTypes#main}), and a run reads them back without an XML parser. Each string is
 * written once and then referred to by number, so equal strings are one object again after reading.
 */
final class CompactTrees {
    private static final int FORMAT = 1;

    private CompactTrees() {
    }

    /** Writes {@code trees} (file name to tree; every location in a tree names {@code bundled:FILE}). */
    static void write(Map<String, XmlElement> trees, DataOutputStream out) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        out.writeInt(FORMAT);
        out.writeInt(trees.size());
        for (Map.Entry<String, XmlElement> tree : trees.entrySet()) {
            string(tree.getKey(), out, numbers);
            string(tree.getValue().location().file(), out, numbers);
            element(tree.getValue(), out, numbers);
        }
    }

    /** Reads what {@link #write} wrote, in the same order. */
    static Map<String, XmlElement> read(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("not a compact tree file of format " + FORMAT);
        }
        List<String> strings = new ArrayList<>();
        int count = in.readInt();
        Map<String, XmlElement> trees = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = string(in, strings);
            String file = string(in, strings);
            trees.put(name, element(in, file, strings));
        }
        return trees;
    }

    private static void element(XmlElement element, DataOutputStream out, Map<String, Integer> numbers)
            throws IOException {
        string(element.tag(), out, numbers);
        out.writeInt(element.location().line());
        out.writeInt(element.location().column());
        out.writeInt(element.attributes().size());
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            string(attribute.getKey(), out, numbers);
            string(attribute.getValue(), out, numbers);
        }
        out.writeInt(element.children().size());
        for (XmlElement child : element.children()) {
            element(child, out, numbers);
        }
    }

    private static XmlElement element(DataInputStream in, String file, List<String> strings) throws IOException {
        String tag = string(in, strings);
        SourceLocation location = new SourceLocation(file, in.readInt(), in.readInt());
        int attributeCount = in.readInt();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(string(in, strings), string(in, strings));
        }
        int childCount = in.readInt();
        List<XmlElement> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(element(in, file, strings));
        }
        return new XmlElement(tag, attributes, children, location);
    }

    /** A string: its number when written before, else -1 and its text (writeUTF refuses one over 64 KiB). */
    private static void string(String value, DataOutputStream out, Map<String, Integer> numbers) throws IOException {
        Integer number = numbers.get(value);
        if (number != null) {
            out.writeInt(number);
            return;
        }
        numbers.put(value, numbers.size());
        out.writeInt(-1);
        out.writeUTF(value);
    }

    private static String string(DataInputStream in, List<String> strings) throws IOException {
        int number = in.readInt();
        if (number >= 0) {
            return strings.get(number);
        }
        String value = in.readUTF();
        strings.add(value);
        return value;
    }
}
