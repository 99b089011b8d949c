package org.tlrepro.core.train;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.stage.ArtifactVersion;
import org.tlrepro.core.stage.ToolVersion;

/**
 * What the code that trains a run is, for the run fingerprint: the compiled classes of tl's training and tensor
 * packages (their bytes, not the jar's, whose timestamps change with every build) and the DL4J/ND4J versions. With
 * the runs cached across clones and {@code mvn clean} (the run cache), a SNAPSHOT whose training code changed must
 * not reuse the runs of the code before; a change elsewhere (the report, the Mojos) keeps them.
 */
final class TrainingCode {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingCode.class);
    private static final List<String> PACKAGES = List.of("org/tlrepro/core/train/", "org/tlrepro/core/tensor/");
    private static final String FINGERPRINT = compute();

    private TrainingCode() {
    }

    static String fingerprint() {
        return FINGERPRINT;
    }

    private static String compute() {
        String libraries = "tl " + ToolVersion.get()
                + "|dl4j " + ArtifactVersion.of("org.deeplearning4j", "deeplearning4j-nn")
                + "|nd4j " + ArtifactVersion.of("org.nd4j", "nd4j-native");
        try {
            CodeSource source = TrainingCode.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IOException("no code source");
            }
            Map<String, byte[]> classes = classes(Path.of(source.getLocation().toURI()));
            if (classes.isEmpty()) {
                throw new IOException("no class of " + PACKAGES + " found");
            }
            return of(libraries, classes);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // without it runs are keyed by the version alone, as before the run cache
            LOG.warn("Cannot read tl's training classes ({}): runs are keyed by tl's version only", e.getMessage());
            return libraries;
        }
    }

    /** The fingerprint of these libraries and classes. */
    static String of(String libraries, Map<String, byte[]> classes) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(libraries.getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(classes).forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return Sha256.hex(digest).substring(0, 32);
    }

    /** The classes of {@link #PACKAGES}, by name, from the jar or class folder at {@code location}. */
    static Map<String, byte[]> classes(Path location) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (Files.isDirectory(location)) {
            for (String pkg : PACKAGES) {
                Path dir = location.resolve(pkg);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        out.put(location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            }
            return out;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (name.endsWith(".class") && PACKAGES.stream().anyMatch(name::startsWith)) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.put(name, in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }
}
