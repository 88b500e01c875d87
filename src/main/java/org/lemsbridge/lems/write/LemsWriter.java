package org.lemsbridge.lems.write;

import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Prints a {@link LemsView.Document} as LEMS XML through the FreeMarker templates in {@code /templates/lems/}.
 * Every printed string is XML-escaped by the templates' output format.
 */
public final class LemsWriter {
    private static final String DOCUMENT_TEMPLATE = "lems/document.ftl";
    private static final String NEUROML_TEMPLATE = "lems/neuroml.ftl";

    private final Configuration configuration = Templates.CONFIGURATION;

    /**
     * The FreeMarker configuration, built once, on first use, by the class-loading of this holder. It is thread-safe
     * once configured and keeps the parsed templates, which never change (they are read from the jar): parsing them
     * again for every document was a third of a warm render in a long-lived process ({@code serve}).
     */
    private static final class Templates {
        static final Configuration CONFIGURATION = configure();
    }

    private static Configuration configure() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(LemsWriter.class, "/templates/");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(XMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return cfg;
    }

    /** The document as XML text (UTF-8 declared, LF line ends). */
    public String write(LemsView.Document document) {
        return process(DOCUMENT_TEMPLATE, document);
    }

    /** An idiomatic NeuroML document as XML text (UTF-8 declared, LF line ends). */
    public String write(NeuroMlView.Document document) {
        return process(NEUROML_TEMPLATE, document);
    }

    private String process(String templateName, Object document) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(Map.of("doc", document), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the LEMS templates", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("LEMS template failed: " + e.getMessage(), e);
        }
    }
}
