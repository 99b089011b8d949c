package org.tlrepro.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobJarsTest {

    @TempDir
    Path dir;

    @Test
    void shipsTlAndNd4jsNativesButNotSpark() {
        List<String> names = JobJars.find(getClass().getClassLoader(), dir).stream()
                .map(p -> p.getFileName().toString()).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("tl-core")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("tl-spark")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("nd4j-native-") && n.contains("linux-x86_64")),
                names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("deeplearning4j-nn")), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith("spark-") || n.startsWith("scala-")
                || n.startsWith("junit")), names.toString());
        assertEquals(names.size(), names.stream().distinct().count(), "a jar twice: " + names);
    }

    @Test
    void packsAClassFolderIntoAJar() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("mod/target/classes/org/x"));
        Files.writeString(classes.resolve("A.class"), "a");
        Files.writeString(Files.createDirectories(dir.resolve("mod/target/classes/META-INF/services")).resolve("S"),
                "org.x.A");
        Path jar = JobJars.pack(dir.resolve("mod/target/classes"), Files.createDirectories(dir.resolve("out")));
        assertEquals("mod-classes.jar", jar.getFileName().toString());
        try (JarFile j = new JarFile(jar.toFile())) {
            assertNotNull(j.getEntry("org/x/A.class"));
            assertNotNull(j.getEntry("META-INF/services/S"));
        }
    }
}
