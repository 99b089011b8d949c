package org.tlrepro.core.report;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;
import org.tlrepro.core.TlException;

/**
 * Renders the report's Velocity templates: a template of the user's folder ({@code tl.templates}) replaces the
 * default of the same file name, the defaults come from the classpath (the report-templates jar). Every value a
 * template inserts is escaped for the output language, except {@link Markup}; strict mode makes a misspelt reference
 * an error instead of literal text in the report.
 */
public final class ReportRenderer {

    /** Where the default templates are on the classpath. */
    public static final String CLASSPATH_FOLDER = "org/tlrepro/templates/";

    private final Path templatesDir;
    private final VelocityEngine engine = new VelocityEngine();

    /** @param templatesDir the user's template folder, or {@code null} for the defaults only */
    public ReportRenderer(Path templatesDir) {
        if (templatesDir != null && !Files.isDirectory(templatesDir)) {
            throw new TlException("the template folder " + templatesDir + " does not exist: point tl.templates at a "
                    + "folder of templates named like the defaults (report.html.vm, tables.tex.vm, figures.tex.vm, "
                    + "report.tex.vm, summary.md.vm), or leave it unset");
        }
        this.templatesDir = templatesDir;
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, templatesDir == null ? "class" : "file,class");
        engine.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        if (templatesDir != null) {
            engine.setProperty("resource.loader.file.class", FileResourceLoader.class.getName());
            engine.setProperty("resource.loader.file.path", templatesDir.toAbsolutePath().toString());
        }
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.init();
    }

    /** Whether {@code name} comes from the user's folder. */
    public boolean overridden(String name) {
        return templatesDir != null && Files.isRegularFile(templatesDir.resolve(name));
    }

    /**
     * @param name    the template's file name, e.g. {@code report.html.vm}
     * @param escaper applied to every inserted value that is not {@link Markup}
     */
    public String render(String name, Map<String, Object> model, UnaryOperator<String> escaper) {
        boolean user = overridden(name);
        String resource = user ? name : CLASSPATH_FOLDER + name;
        String where = user ? templatesDir.resolve(name).toString() : "classpath:" + resource;
        VelocityContext context = new VelocityContext();
        model.forEach(context::put);
        EventCartridge events = new EventCartridge();
        events.addEventHandler((ReferenceInsertionEventHandler) (Context c, String reference, Object value) ->
                value == null || value instanceof Markup ? value : escaper.apply(value.toString()));
        context.attachEventCartridge(events);
        try {
            Template template = engine.getTemplate(resource, "UTF-8");
            StringWriter out = new StringWriter();
            template.merge(context, out);
            return out.toString();
        } catch (ResourceNotFoundException e) {
            throw new TlException("the report template " + name + " is not on the classpath: the tl-maven-plugin "
                    + "brings it with report-templates; check that this dependency is not excluded", e);
        } catch (ParseErrorException e) {
            throw new TlException("the report template " + where + " is not valid Velocity: " + e.getMessage(), e);
        } catch (VelocityException e) {
            throw new TlException("the report template " + where + " failed: " + e.getMessage()
                    + " (the references a template can use are listed in report-templates' README.txt)", e);
        }
    }
}
