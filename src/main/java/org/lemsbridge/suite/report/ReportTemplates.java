package org.lemsbridge.suite.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The report's FreeMarker templates ({@code /templates/report/}): {@code .ftlh} files are HTML and
 * {@code output_format="Markdown"} files are Markdown, both auto-escaped by FreeMarker, so every name and message a
 * user wrote is escaped by one escaper per format. Templates only print; the views decide.
 */
final class ReportTemplates {

    private final Configuration configuration;

    ReportTemplates() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(ReportTemplates.class, "/templates/");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        this.configuration = cfg;
    }

    /** The template {@code report/NAME} applied to {@code view} (known in the template as {@code v}). */
    String render(String name, Object view) {
        try {
            Template template = configuration.getTemplate("report/" + name);
            StringWriter out = new StringWriter();
            template.process(Map.of("v", view), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
