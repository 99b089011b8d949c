package org.tlrepro.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HugePagesTest {

    @Test
    void madviseKernelNeedsGlibcToAsk() {
        HugePages without = HugePages.of("always [madvise] never\n", Map.of());
        assertEquals("madvise", without.kernelMode());
        assertFalse(without.inUse());
        assertTrue(without.tunableWouldHelp());

        HugePages with = HugePages.of("always [madvise] never\n",
                Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
        assertTrue(with.inUse());
        assertFalse(with.tunableWouldHelp());
        assertTrue(with.describe().startsWith("transparent huge pages on"), with.describe());
    }

    @Test
    void alwaysAndNeverDoNotDependOnGlibc() {
        assertTrue(HugePages.of("[always] madvise never", Map.of()).inUse());
        HugePages never = HugePages.of("always madvise [never]", Map.of("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"));
        assertFalse(never.inUse());
        assertFalse(never.tunableWouldHelp());
    }

    @Test
    void otherValuesDoNotAsk() {
        assertFalse(HugePages.asks("glibc.malloc.hugetlb=0"));
        assertFalse(HugePages.asks("glibc.malloc.hugetlb=2"));
        assertFalse(HugePages.asks("glibc.malloc.hugetlb=10"));
        assertFalse(HugePages.asks(""));
        assertEquals("unknown", HugePages.selected(""));
        assertFalse(HugePages.of("", Map.of()).inUse());
    }
}
