package org.lemsbridge.suite.report;

import java.io.IOException;
import java.io.Writer;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/**
 * FreeMarker's auto-escaping for GitHub-flavoured Markdown: every interpolated value has the characters Markdown
 * reads as markup (including table pipes) backslash-escaped and line breaks turned into spaces, so a name or a
 * message can never open a link, an image, a heading or a new table cell. Templates say
 * {@code <#ftl output_format="Markdown">}.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markdown> {

    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private static final String MARKUP = "\\`*_[]<>|~";

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(' ');
                continue;
            }
            if (MARKUP.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markdown newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markdown(plainTextContent, markupContent);
    }

    /** Markdown text as FreeMarker carries it between escaping and output. */
    static final class Markdown extends CommonTemplateMarkupOutputModel<Markdown> {
        Markdown(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
