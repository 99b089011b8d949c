package org.tlrepro.core.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Whether the native arrays (ND4J's and oneDNN's, both from glibc's malloc) get transparent huge pages. With the
 * kernel's usual {@code madvise} mode they get them only if glibc asks, which it does when started with
 * {@code GLIBC_TUNABLES=glibc.malloc.hugetlb=1} (glibc 2.35 and later). oneDNN allocates a fresh buffer for every
 * layout conversion, and on some machines touching fresh 4-KiB pages runs at about a tenth of the speed of reused
 * memory: there the setting makes embedding about 1.5x and training about 1.2x faster (README, Speed). It must be in
 * the environment before the JVM starts, so tl can only report it, not set it.
 *
 * @param kernelMode the kernel's transparent-huge-page mode ({@code always}, {@code madvise}, {@code never}), or
 *                   {@code unknown} where the kernel does not say
 * @param glibcAsks  whether {@code GLIBC_TUNABLES} asks glibc's malloc for huge pages
 */
public record HugePages(String kernelMode, boolean glibcAsks) {

    /** The environment variable and value that turn huge pages on where the kernel mode is {@code madvise}. */
    public static final String TUNABLE = "GLIBC_TUNABLES=glibc.malloc.hugetlb=1";

    private static final Path KERNEL_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /** This process's state. */
    public static HugePages current() {
        return of(readKernelSetting(), System.getenv());
    }

    static HugePages of(String kernelSetting, Map<String, String> env) {
        return new HugePages(selected(kernelSetting), asks(env.getOrDefault("GLIBC_TUNABLES", "")));
    }

    /** Whether native arrays get huge pages. */
    public boolean inUse() {
        return kernelMode.equals("always") || kernelMode.equals("madvise") && glibcAsks;
    }

    /** Whether setting {@link #TUNABLE} would turn them on. */
    public boolean tunableWouldHelp() {
        return kernelMode.equals("madvise") && !glibcAsks;
    }

    /** A few words for the backend's log line and for provenance. */
    public String describe() {
        if (inUse()) {
            return "transparent huge pages on (kernel " + kernelMode + (glibcAsks ? ", glibc.malloc.hugetlb" : "") + ")";
        }
        return "transparent huge pages off (kernel " + kernelMode + ")";
    }

    // the kernel marks the selected mode: "always [madvise] never"
    static String selected(String setting) {
        int open = setting.indexOf('[');
        int close = setting.indexOf(']', open + 1);
        return open < 0 || close < 0 ? "unknown" : setting.substring(open + 1, close).trim();
    }

    // GLIBC_TUNABLES is a colon-separated list of name=value; hugetlb=1 is the madvise request (2 wants reserved
    // hugetlbfs pages instead, which a machine seldom has)
    static boolean asks(String tunables) {
        return Arrays.stream(tunables.split(":")).map(String::trim).anyMatch(t -> t.equals("glibc.malloc.hugetlb=1"));
    }

    private static String readKernelSetting() {
        try {
            return Files.isReadable(KERNEL_SETTING) ? Files.readString(KERNEL_SETTING) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
