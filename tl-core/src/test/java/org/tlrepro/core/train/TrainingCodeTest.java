package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCodeTest {

    @TempDir
    Path dir;

    @Test
    void theFingerprintComesFromTheTrainingClasses() {
        // not the fallback (tl's version alone): the classes of this build were found and hashed
        assertTrue(TrainingCode.fingerprint().matches("[0-9a-f]{32}"), TrainingCode.fingerprint());
    }

    @Test
    void aJarAndAClassFolderGiveTheSameClassesWhateverTheTimestamps() throws IOException {
        Path folder = dir.resolve("classes");
        Path pkg = Files.createDirectories(folder.resolve("org/tlrepro/core/train"));
        Files.write(pkg.resolve("Trainer.class"), new byte[] {1, 2, 3});
        Files.createDirectories(folder.resolve("org/tlrepro/core/report"));
        Files.write(folder.resolve("org/tlrepro/core/report/ScatterChart.class"), new byte[] {9});
        Map<String, byte[]> fromFolder = TrainingCode.classes(folder);
        assertEquals(1, fromFolder.size(), "only the training packages count");

        Map<String, byte[]> fromJars = new HashMap<>();
        for (long time : new long[] {0, 1_700_000_000_000L}) {
            Path jar = dir.resolve("tl-core-" + time + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                JarEntry e = new JarEntry("org/tlrepro/core/train/Trainer.class");
                e.setLastModifiedTime(FileTime.fromMillis(time));
                out.putNextEntry(e);
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
                out.putNextEntry(new JarEntry("org/tlrepro/core/report/ScatterChart.class"));
                out.write(9);
                out.closeEntry();
            }
            Map<String, byte[]> classes = TrainingCode.classes(jar);
            assertEquals(fromFolder.keySet(), classes.keySet());
            assertArrayEquals(fromFolder.get("org/tlrepro/core/train/Trainer.class"),
                    classes.get("org/tlrepro/core/train/Trainer.class"));
            assertEquals(TrainingCode.of("tl x", fromFolder), TrainingCode.of("tl x", classes));
            fromJars = classes;
        }
        // a changed training class, or another DL4J, changes the fingerprint
        Map<String, byte[]> changed = new HashMap<>(fromJars);
        changed.put("org/tlrepro/core/train/Trainer.class", new byte[] {1, 2, 4});
        assertNotEquals(TrainingCode.of("tl x", fromJars), TrainingCode.of("tl x", changed));
        assertNotEquals(TrainingCode.of("tl x|dl4j 1", fromJars), TrainingCode.of("tl x|dl4j 2", fromJars));
    }
}
