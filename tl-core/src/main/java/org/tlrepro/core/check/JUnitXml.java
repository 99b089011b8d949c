package org.tlrepro.core.check;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Rule;

/**
 * The rule outcomes as a JUnit XML test suite (the surefire report format that CI test tabs read): one testcase per
 * rule; an enforced rule that is violated is a failure; a paper's claim that holds passes and one that does not (or
 * cannot be judged) is skipped, never failed, with the value found; rules skipped for want of a baseline are skipped.
 * The suite carries a timestamp, the check's time and the build's properties (commit, configuration).
 */
public final class JUnitXml {

    public static final String FILE = "TEST-tl-check.xml";

    private JUnitXml() {
    }

    public static void write(Path file, List<Rule.Outcome> outcomes) {
        write(file, outcomes, Map.of(), Instant.now(), 0);
    }

    /**
     * @param properties the build's properties (e.g. {@code git.commit}, every {@code tl.*} setting)
     * @param seconds    how long the check took
     */
    public static void write(Path file, List<Rule.Outcome> outcomes, Map<String, String> properties, Instant when,
                             double seconds) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "tl:check");
            xml.writeAttribute("tests", String.valueOf(outcomes.size()));
            xml.writeAttribute("failures", String.valueOf(Gates.failures(outcomes).size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(outcomes.stream()
                    .filter(o -> o.skipped() || (o.rule().reportOnly() && !o.passed())).count()));
            xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    when.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0)));
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> e : properties.entrySet()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("property");
                xml.writeAttribute("name", e.getKey());
                xml.writeAttribute("value", String.valueOf(e.getValue()));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            for (Rule.Outcome o : outcomes) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", o.rule().reportOnly() ? "tl.check.paperClaims" : "tl.check.rules");
                xml.writeAttribute("name", o.rule().name());
                xml.writeAttribute("time", "0");
                if (o.rule().reportOnly()) {
                    if (!o.passed()) {
                        element(xml, "skipped", (o.skipped() ? "not judged: " : "the claim does not hold: ")
                                + o.describe());
                    }
                } else if (o.skipped()) {
                    element(xml, "skipped", o.describe());
                } else if (o.failed()) {
                    element(xml, "failure", o.describe());
                }
                xml.writeStartElement("system-out");
                xml.writeCharacters(o.describe());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new TlException("cannot write " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void element(XMLStreamWriter xml, String name, String message) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", message);
        xml.writeEndElement();
    }
}
