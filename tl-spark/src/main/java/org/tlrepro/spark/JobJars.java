package org.tlrepro.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tlrepro.core.TlException;
import org.tlrepro.core.train.TrainStage;

/**
 * The jars a cluster's executors need and a Spark installation lacks: tl-core, tl-spark and tl-core's run-time
 * dependencies (DL4J, ND4J with its natives, OpenCV; listed by tl-core's build in {@value #LIST}), taken from this
 * JVM's class path, so that {@code spark.jars} can ship them. A class folder (a reactor build's
 * {@code target/classes}) is packed into a jar first, since Spark ships only files.
 */
final class JobJars {

    static final String LIST = "/org/tlrepro/core/runtime-dependencies.txt";

    private JobJars() {
    }

    /**
     * @param loader  the class loader that loaded tl (Maven's plugin realm, or the application class loader)
     * @param scratch where packed class folders go (deleted by the caller when the Spark context ends)
     */
    static List<Path> find(ClassLoader loader, Path scratch) {
        Set<String> names = dependencyNames();
        Set<Path> own = new LinkedHashSet<>(List.of(codeSource(TrainStage.class), codeSource(JobJars.class)));
        List<Path> jars = new ArrayList<>();
        for (Path p : own) {
            jars.add(Files.isDirectory(p) ? pack(p, scratch) : p);
        }
        for (Path entry : classPath(loader)) {
            if (!own.contains(entry) && Files.isRegularFile(entry) && names.contains(entry.getFileName().toString())) {
                jars.add(entry);
            }
        }
        return jars;
    }

    static Set<String> dependencyNames() {
        try (InputStream in = JobJars.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new TlException("tl-core's jar lacks " + LIST + ", the list of jars that Spark executors need: "
                        + "rebuild tl-core (mvn install -pl tl-core) or set tl.spark.shipJars=false and put tl on the "
                        + "executors' class path (tl.spark.conf.spark.executor.extraClassPath)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            // written by maven-dependency-plugin's build-classpath with prefix "lib" and the build's path separator
            return Arrays.stream(text.split("[:;\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> s.substring(s.lastIndexOf('/') + 1)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new TlException("cannot read " + LIST + " from tl-core's jar: " + e.getMessage(), e);
        }
    }

    private static List<Path> classPath(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(toPath(url));
                    }
                }
            }
        }
        // the application class loader of Java 9+ is no URLClassLoader
        for (String s : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!s.isBlank()) {
                entries.add(Path.of(s).toAbsolutePath().normalize());
            }
        }
        return new ArrayList<>(entries);
    }

    private static Path codeSource(Class<?> c) {
        return toPath(c.getProtectionDomain().getCodeSource().getLocation());
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new TlException("class path entry " + url + " is not a file path", e);
        }
    }

    static Path pack(Path classes, Path scratch) {
        Path jar = scratch.resolve(classes.getParent().getParent().getFileName() + "-classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    try (InputStream in = Files.newInputStream(f)) {
                        in.transferTo((OutputStream) out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new TlException("cannot pack " + classes + " into " + jar + " for the Spark executors: "
                    + e.getMessage(), e);
        }
        return jar;
    }
}
