package org.tlrepro.core.settings;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Messages for the resources a goal can run out of (heap, disk), naming the setting that asked for the memory or the
 * folder being written, and the fix, instead of a bare OutOfMemoryError or "UncheckedIOException".
 */
public final class ResourceErrors {

    /** The settings that size what a goal holds in memory, in the order a user would turn them. */
    private static final List<String> MEMORY_SETTINGS = List.of("tl.imageSize", "tl.inputSize", "tl.embedBatch",
            "tl.jobs", "tl.batchSize", "tl.perClass");

    private ResourceErrors() {
    }

    /** For an OutOfMemoryError in {@code goal}, given the {@code tl.*} settings in effect. */
    public static String outOfMemory(String goal, Map<String, String> settings) {
        List<String> set = new ArrayList<>();
        for (String s : MEMORY_SETTINGS) {
            if (settings.get(s) != null && !settings.get(s).isBlank()) {
                set.add(s + "=" + settings.get(s).trim());
            }
        }
        return String.format(Locale.ROOT, "tl:%s ran out of Java heap (at most %.1f GB). The memory grows with the "
                        + "image sizes and batch sizes (%s%s): lower them, or give Maven more heap, e.g. "
                        + "MAVEN_OPTS=-Xmx16g", goal, Runtime.getRuntime().maxMemory() / 1e9,
                String.join(", ", MEMORY_SETTINGS), set.isEmpty() ? "" : "; set here: " + String.join(", ", set));
    }

    /**
     * For a file that could not be read or written, with the folder it lies in when it is the work folder or the
     * cache, and the fix when the disk is full.
     */
    public static String cannotWrite(String goal, UncheckedIOException e, Path workDir, Path cache) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == e ? "" : " (" + root.getMessage() + ")";
        String text = "tl:" + goal + " could not read or write a file: " + message + cause;
        boolean full = (message + cause).contains("No space left") || (message + cause).contains("Disk quota");
        if (!full) {
            return text;
        }
        String folder = within(message, cache) ? "the cache " + cache + " (tl.cache)"
                : within(message, workDir) ? "the work folder " + workDir + " (tl.workDir)" : "that folder";
        return text + ". The disk of " + folder + " is full: free space there, or point tl.workDir or tl.cache at "
                + "a disk with room (what is finished is kept; the build resumes)";
    }

    private static boolean within(String message, Path folder) {
        return folder != null && message.contains(folder.toAbsolutePath().toString());
    }
}
