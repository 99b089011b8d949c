package org.tlrepro.core.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.fop.configuration.Configuration;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.configuration.DefaultConfigurationBuilder;

/**
 * The font of the figures' PDFs: DejaVu Sans (regular and bold), whose TrueType files come from Maven Central in
 * {@code net.sf.jasperreports:jasperreports-fonts}, mapped to the SVG's {@code sans-serif} and embedded (subset) by
 * FOP. FOP reads fonts from files, so they are copied once to a temporary folder of this JVM.
 */
final class EmbeddedFont {

    private static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";
    private static Configuration configuration;

    private EmbeddedFont() {
    }

    static synchronized Configuration configuration() throws ConfigurationException {
        if (configuration == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("tl-fonts");
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a temporary folder for the figures' font", e);
            }
            String xml = "<cfg><fonts>"
                    + font(dir, "DejaVuSans.ttf", "normal") + font(dir, "DejaVuSans-Bold.ttf", "bold")
                    + "</fonts></cfg>";
            configuration = new DefaultConfigurationBuilder()
                    .build(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
        return configuration;
    }

    private static String font(Path dir, String file, String weight) {
        Path target = dir.resolve(file);
        try (InputStream in = EmbeddedFont.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is missing: tl-core needs "
                        + "net.sf.jasperreports:jasperreports-fonts on its class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the figures' font " + file, e);
        }
        StringBuilder triplets = new StringBuilder();
        for (String family : new String[] {"sans-serif", "DejaVu Sans", "Helvetica", "Arial"}) {
            triplets.append("<font-triplet name=\"").append(family).append("\" style=\"normal\" weight=\"")
                    .append(weight).append("\"/>");
        }
        return "<font kerning=\"yes\" embed-url=\"" + target.toUri() + "\">" + triplets + "</font>";
    }
}
