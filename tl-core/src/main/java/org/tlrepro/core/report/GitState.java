package org.tlrepro.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit a project folder is at and whether its work tree differs from it, from the {@code git} command.
 *
 * @param commit the full commit id
 * @param dirty  whether tracked files are changed or untracked files exist ({@code git status --porcelain})
 */
public record GitState(String commit, boolean dirty) {

    /** The state of {@code dir}, or {@code null} where it is not in a git work tree or git is not installed. */
    public static GitState of(Path dir) {
        if (dir == null) {
            return null;
        }
        String commit = git(dir, "rev-parse", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            return null;
        }
        String status = git(dir, "status", "--porcelain");
        return new GitState(commit, status == null || !status.isBlank());
    }

    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
