package org.tlrepro.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeCreatesTheFileAndItsFolder() throws Exception {
        Path target = tmp.resolve("a/b/result.json");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("result.json"), names(target.getParent()));
    }

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("result.json");
        Files.writeString(target, "an older and much longer content");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        AtomicFiles.write(target, new byte[0]);
        assertEquals(0, Files.size(target));
        assertEquals(List.of("result.json"), names(tmp));
    }

    @Test
    void moveReplacesTheTarget() throws Exception {
        Path source = Files.writeString(tmp.resolve("source"), "new");
        Path target = Files.writeString(tmp.resolve("target"), "old");
        AtomicFiles.move(source, target);
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("target"), names(tmp));
    }

    @Test
    void replaceDirectorySwapsTheFolders() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");
        Files.createDirectories(target.resolve("sub"));
        Files.writeString(target.resolve("sub/old-too.txt"), "old");
        Path staging = AtomicFiles.stagingDirectory(target);
        assertNotEquals(target, staging);
        assertEquals(tmp, staging.getParent(), "staging happens beside the target");
        assertEquals(List.of(), names(staging));
        Files.writeString(staging.resolve("new.txt"), "new");

        AtomicFiles.replaceDirectory(staging, target);

        assertEquals(List.of("new.txt"), names(target));
        assertEquals("new", Files.readString(target.resolve("new.txt")));
        assertFalse(Files.exists(staging));
        assertEquals(List.of("out"), names(tmp), "neither the staging nor the old folder is left");
    }

    @Test
    void replaceDirectoryCreatesAMissingTarget() throws Exception {
        Path target = tmp.resolve("fresh");
        Path staging = AtomicFiles.stagingDirectory(target);
        Files.writeString(staging.resolve("x"), "x");
        AtomicFiles.replaceDirectory(staging, target);
        assertEquals(List.of("x"), names(target));
        assertEquals(List.of("fresh"), names(tmp));
    }

    @Test
    void stagingDirectoriesAreDistinct() {
        Path target = tmp.resolve("out");
        assertNotEquals(AtomicFiles.stagingDirectory(target), AtomicFiles.stagingDirectory(target));
    }

    @Test
    void deleteRecursivelyRemovesATreeAndIgnoresAMissingOne() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(root.resolve("f"), "f");
        Files.writeString(tmp.resolve("tree/g"), "g");
        AtomicFiles.deleteRecursively(tmp.resolve("tree"));
        assertFalse(Files.exists(tmp.resolve("tree")));
        AtomicFiles.deleteRecursively(tmp.resolve("tree"));
        assertTrue(Files.isDirectory(tmp));
    }

    /** Issue 14: a build killed in tl:prepare left a .prepare.<uuid>.staging folder that no later build removed. */
    @Test
    void stagingFoldersOfBuildsThatAreGoneAreRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Path dead = Files.createDirectories(tmp.resolve(".prepare." + gone.pid() + "." + uuid + ".staging"));
        Files.writeString(dead.resolve("images.npy"), "half written");
        Path older = Files.createDirectories(tmp.resolve(".prepare." + uuid + ".staging"));
        Path running = Files.createDirectories(tmp.resolve(".prepare." + ProcessHandle.current().pid() + "." + uuid
                + ".staging"));
        Path otherStage = Files.createDirectories(tmp.resolve(".cluster." + uuid + ".staging"));

        Path fresh = AtomicFiles.stagingDirectory(tmp.resolve("prepare"));

        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(older), "a staging folder from before the process id was in the name");
        assertTrue(Files.isDirectory(running), "this process's own is kept");
        assertTrue(Files.isDirectory(otherStage), "another stage's is not this one's to remove");
        assertTrue(Files.isDirectory(fresh));
        assertTrue(fresh.getFileName().toString().startsWith(".prepare." + ProcessHandle.current().pid() + "."));
        assertEquals(0, AtomicFiles.removeStaleStaging(tmp.resolve("prepare")));
    }
}
