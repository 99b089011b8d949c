package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStateTest {

    @Test
    void aFolderOutsideAWorkTreeHasNone(@TempDir Path dir) {
        assertNull(GitState.of(dir));
        assertNull(GitState.of(null));
    }

    @Test
    void recordsTheCommitAndWhetherTheTreeIsDirty(@TempDir Path dir) throws Exception {
        assumeTrue(run(dir, "git", "init", "-q"), "git is not installed");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertTrue(run(dir, "git", "add", "pom.xml"));
        assertTrue(run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one"));
        GitState clean = GitState.of(dir);
        assertTrue(clean.commit().matches("[0-9a-f]{40}"), clean.commit());
        assertFalse(clean.dirty());
        Files.writeString(dir.resolve("pom.xml"), "<project><!-- changed --></project>");
        GitState dirty = GitState.of(dir);
        assertEquals(clean.commit(), dirty.commit());
        assertTrue(dirty.dirty());
    }

    private static boolean run(Path dir, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
