package org.lemsbridge.lems.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * A quick reader for the plain XML that LEMS and NeuroML files are written in: an optional {@code <?xml version="1.0"
 * encoding="UTF-8"?>}, comments, elements with ASCII names, attributes with the five predefined entities, whitespace
 * and text without references. It reports start and end tags with the line and column of each start tag's {@code <},
 * as the StAX reader and {@link TagPositions} report them. Anything else — a DOCTYPE, CDATA, a processing instruction,
 * a character or entity reference outside those five, a prefixed element, an unbound or repeated attribute, a name or
 * character outside the subset, and every malformation — makes it give up ({@link #scan} returns false), and the
 * caller reads the text with StAX instead, which then parses it or reports what is wrong in its own words. So a
 * document gives the same tree, or the same refusal, either way; only quicker (StAX is the slow part of reading a
 * model at start-up, mostly running in the interpreter).
 */
public final class PlainXml {

    /** Receives the elements in document order. */
    public interface Handler {
        /**
         * A start tag at {@code line}:{@code column} (1-based, of its {@code <}); {@code attributes} holds name, value,
         * name, value ... in document order, without namespace declarations and prefixed attributes.
         */
        void start(String tag, int line, int column, List<String> attributes);

        void end();
    }

    /** Longer names are left to StAX, which has its own limit. */
    private static final int MAX_NAME = 200;
    /** More attributes on one element are left to StAX, which has its own limit. */
    private static final int MAX_ATTRIBUTES = 1000;
    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

    /** Thrown inside the scanner when the text leaves the plain subset; never escapes {@link #scan}. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    /** The document's characters: indexing an array is much quicker than {@code charAt} while still interpreted. */
    private final char[] text;
    private final int length;
    private final Handler handler;
    /** Names already seen, so that equal tags and attribute names are one String, as StAX's symbol table gives. */
    private final SharedStrings shared = new SharedStrings();
    private final List<String> attributes = new ArrayList<>();
    /** Raw attribute names and values of the tag being read: name, value, ... */
    private final List<String> raw = new ArrayList<>();
    /** Tags of the open elements. */
    private final List<String> open = new ArrayList<>();
    /** Prefixes declared by the open elements, and for each open element where its declarations start. */
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> prefixMarks = new ArrayList<>();
    private int at;
    private int line = 1;
    private int lineStart;
    /** Lines are counted up to here. */
    private int counted;

    private PlainXml(char[] text, int length, Handler handler) {
        this.text = text;
        this.length = length;
        this.handler = handler;
    }

    /**
     * Reads {@code text} (without a byte order mark), reporting its elements to {@code handler}; false when the text
     * is not plain XML as described above, at whatever point that shows (the handler's state is then to be dropped).
     * An exception the handler throws passes through.
     */
    public static boolean scan(String text, Handler handler) {
        return scan(text.toCharArray(), text.length(), handler);
    }

    /** Like {@link #scan(String, Handler)}, reading the first {@code length} characters of {@code text}. */
    public static boolean scan(char[] text, int length, Handler handler) {
        try {
            new PlainXml(text, length, handler).document();
            return true;
        } catch (NotPlain notPlain) {
            return false;
        }
    }

    private void document() {
        if (startsWith("<?xml", 0) && length > 5 && isSpace(text[5])) {
            declaration();
        }
        outsideRoot();
        if (at >= length) {
            throw NOT_PLAIN; // no root element
        }
        startTag();
        while (!open.isEmpty()) {
            content();
        }
        outsideRoot();
        if (at < length) {
            throw NOT_PLAIN;
        }
    }

    /** {@code <?xml version="1.0" [encoding="UTF-8"] [standalone="yes|no"] ?>} and nothing else. */
    private void declaration() {
        at = 5;
        skipSpace();
        expect("version");
        equalsSign();
        if (!quoted().equals("1.0")) {
            throw NOT_PLAIN;
        }
        boolean space = skipSpace();
        if (startsWith("encoding", at)) {
            require(space);
            at += "encoding".length();
            equalsSign();
            if (!quoted().equalsIgnoreCase("UTF-8")) {
                throw NOT_PLAIN;
            }
            space = skipSpace();
        }
        if (startsWith("standalone", at)) {
            require(space);
            at += "standalone".length();
            equalsSign();
            String standalone = quoted();
            if (!standalone.equals("yes") && !standalone.equals("no")) {
                throw NOT_PLAIN;
            }
            skipSpace();
        }
        expect("?>");
    }

    /** Whitespace and comments before or after the root element; stops at anything else. */
    private void outsideRoot() {
        while (true) {
            skipSpace();
            if (startsWith("<!--", at)) {
                comment();
            } else {
                if (at < length && (text[at] != '<' || at + 1 >= length || !isNameStart(text[at + 1]))) {
                    throw NOT_PLAIN;
                }
                return;
            }
        }
    }

    /** Text up to the next tag, then that tag or comment. */
    private void content() {
        // the hot loops keep the array and the position in locals, which the interpreter reads quicker than fields
        char[] chars = text;
        int i = at;
        while (true) {
            if (i >= length) {
                throw NOT_PLAIN; // unclosed elements
            }
            char c = chars[i];
            if (c == '<') {
                break;
            }
            if (c == '&' || !isXmlChar(c) || c == ']' && startsWith("]]>", i)) {
                throw NOT_PLAIN;
            }
            i++;
        }
        at = i;
        if (at + 1 >= length) {
            throw NOT_PLAIN;
        }
        char next = text[at + 1];
        if (next == '/') {
            endTag();
        } else if (next == '!' && startsWith("<!--", at)) {
            comment();
        } else if (isNameStart(next)) {
            startTag();
        } else {
            throw NOT_PLAIN; // CDATA, DOCTYPE, processing instructions, malformed tags
        }
    }

    private void comment() {
        char[] chars = text;
        int i = at + 4;
        while (true) {
            if (i + 2 >= length) {
                throw NOT_PLAIN;
            }
            char c = chars[i];
            if (c == '-' && chars[i + 1] == '-') {
                require(chars[i + 2] == '>');
                at = i + 3;
                return;
            }
            require(isXmlChar(c));
            i++;
        }
    }

    private void startTag() {
        int tagStart = at;
        at++;
        String tag = name();
        if (tag.indexOf(':') >= 0) {
            throw NOT_PLAIN;
        }
        raw.clear();
        boolean selfClosing;
        while (true) {
            boolean space = skipSpace();
            if (at >= length) {
                throw NOT_PLAIN;
            }
            char c = text[at];
            if (c == '>') {
                at++;
                selfClosing = false;
                break;
            }
            if (c == '/') {
                expect("/>");
                selfClosing = true;
                break;
            }
            require(space && raw.size() < 2 * MAX_ATTRIBUTES);
            String name = name();
            equalsSign();
            raw.add(name);
            raw.add(attributeValue());
        }
        int mark = prefixes.size();
        collectAttributes();
        lineOf(tagStart);
        handler.start(tag, line, tagStart - lineStart + 1, attributes);
        if (selfClosing) {
            prefixes.subList(mark, prefixes.size()).clear();
            handler.end();
        } else {
            open.add(tag);
            prefixMarks.add(mark);
        }
    }

    /**
     * Checks the tag's attributes as a namespace-aware parser does and keeps the plain ones: no name twice (nor two
     * prefixed ones with the same local name), namespace declarations noted and left out, prefixed attributes left out
     * once their prefix is declared here or in an open element.
     */
    private void collectAttributes() {
        attributes.clear();
        for (int i = 0; i < raw.size(); i += 2) {
            String name = raw.get(i);
            for (int j = 0; j < i; j += 2) {
                if (raw.get(j).equals(name) || sameLocalName(raw.get(j), name)) {
                    throw NOT_PLAIN;
                }
            }
            String value = raw.get(i + 1);
            if (name.startsWith("xmlns:")) {
                String prefix = name.substring(6);
                if (prefix.equals("xml") || prefix.equals("xmlns") || value.isEmpty()) {
                    throw NOT_PLAIN;
                }
                prefixes.add(prefix);
            }
            if (name.startsWith("xmlns") && (value.equals(XML_NAMESPACE) || value.equals(XMLNS_NAMESPACE))) {
                throw NOT_PLAIN;
            }
        }
        for (int i = 0; i < raw.size(); i += 2) {
            String name = raw.get(i);
            int colon = name.indexOf(':');
            if (colon < 0) {
                if (!name.equals("xmlns")) {
                    attributes.add(name);
                    attributes.add(raw.get(i + 1));
                }
            } else if (!name.startsWith("xmlns:") && !prefixes.contains(name.substring(0, colon))) {
                throw NOT_PLAIN; // unbound, or xml:, which StAX checks further
            }
        }
    }

    private static boolean sameLocalName(String a, String b) {
        int colonA = a.indexOf(':');
        int colonB = b.indexOf(':');
        return colonA >= 0 && colonB >= 0 && !a.startsWith("xmlns:") && !b.startsWith("xmlns:")
                && a.regionMatches(colonA, b, colonB, Math.max(a.length() - colonA, b.length() - colonB));
    }

    private void endTag() {
        at += 2;
        String tag = name();
        skipSpace();
        expect(">");
        if (!tag.equals(open.get(open.size() - 1))) {
            throw NOT_PLAIN;
        }
        open.remove(open.size() - 1);
        int mark = prefixMarks.remove(prefixMarks.size() - 1);
        prefixes.subList(mark, prefixes.size()).clear();
        handler.end();
    }

    /**
     * A name of ASCII letters, digits, {@code _ . -}, starting with a letter or {@code _}, with at most one {@code :}
     * followed by such a start.
     */
    private String name() {
        char[] chars = text;
        int start = at;
        if (start >= length || !isNameStart(chars[start])) {
            throw NOT_PLAIN;
        }
        int i = start + 1;
        boolean colon = false;
        while (i < length) {
            char c = chars[i];
            if (c == ':') {
                if (colon || i + 1 >= length || !isNameStart(chars[i + 1])) {
                    throw NOT_PLAIN;
                }
                colon = true;
            } else if (!isNameStart(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                break;
            }
            i++;
        }
        require(i - start <= MAX_NAME);
        at = i;
        return shared.of(chars, start, i);
    }

    /**
     * A quoted attribute value as XML normalizes it: each line end, tab or newline becomes one space, and the five
     * predefined entities their characters.
     */
    private String attributeValue() {
        char quote = at < length ? text[at] : 0;
        require(quote == '"' || quote == '\'');
        char[] chars = text;
        int start = at + 1;
        int i = start;
        while (i < length && chars[i] != quote && chars[i] >= ' ' && chars[i] < 0x7F && chars[i] != '<'
                && chars[i] != '&') {
            i++; // the usual value: printable ASCII, nothing to replace
        }
        if (i < length && chars[i] == quote) {
            at = i + 1;
            return new String(chars, start, i - start);
        }
        at = start;
        StringBuilder value = null;
        while (true) {
            if (at >= length) {
                throw NOT_PLAIN;
            }
            char c = text[at];
            if (c == quote) {
                break;
            }
            if (c == '<' || !isXmlChar(c)) {
                throw NOT_PLAIN;
            }
            if (c == '&' || c == '\t' || c == '\n' || c == '\r') {
                if (value == null) {
                    value = new StringBuilder().append(text, start, at - start);
                }
                if (c == '&') {
                    value.append(entity());
                    continue;
                }
                value.append(' ');
                if (c == '\r' && at + 1 < length && text[at + 1] == '\n') {
                    at++;
                }
            } else if (value != null) {
                value.append(c);
            }
            at++;
        }
        String result = value == null ? new String(text, start, at - start) : value.toString();
        at++;
        return result;
    }

    private char entity() {
        for (String[] entity : ENTITIES) {
            if (startsWith(entity[0], at)) {
                at += entity[0].length();
                return entity[1].charAt(0);
            }
        }
        throw NOT_PLAIN;
    }

    private static final String[][] ENTITIES = {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""},
        {"&apos;", "'"}};

    /** {@code S? = S?} */
    private void equalsSign() {
        skipSpace();
        expect("=");
        skipSpace();
    }

    /** A value in single or double quotes, for the XML declaration (no references, no line ends). */
    private String quoted() {
        char quote = at < length ? text[at] : 0;
        require(quote == '"' || quote == '\'');
        int end = at + 1;
        while (end < length && text[end] != quote) {
            end++;
        }
        require(end < length);
        String value = new String(text, at + 1, end - at - 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            require(c > ' ' && c < 0x7F && c != '<' && c != '&');
        }
        at = end + 1;
        return value;
    }

    private boolean skipSpace() {
        int start = at;
        while (at < length && isSpace(text[at])) {
            at++;
        }
        return at > start;
    }

    private boolean startsWith(String literal, int from) {
        if (from + literal.length() > length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (text[from + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(String literal) {
        require(startsWith(literal, at));
        at += literal.length();
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw NOT_PLAIN;
        }
    }

    /** Moves the line count up to {@code index}: lines end at {@code \n}, as {@link TagPositions} counts them. */
    private void lineOf(int index) {
        char[] chars = text;
        for (int i = counted; i < index; i++) {
            if (chars[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        counted = index;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /**
     * Characters XML 1.0 allows, less those left to StAX: surrogates (pairs are allowed there, lone ones not) and
     * the C1 controls.
     */
    private static boolean isXmlChar(char c) {
        return c >= ' ' && c < 0x7F || c == '\n' || c == '\t' || c == '\r' || c >= 0xA0 && c < 0xD800
                || c >= 0xE000 && c <= 0xFFFD;
    }
}
