package org.tlrepro.core.embed.keras;

import java.nio.file.Path;

/** For tests in other packages: the random weights-only files of {@link KerasApplicationImportTest}. */
public final class KerasApplicationImportTestAccess {

    private KerasApplicationImportTestAccess() {
    }

    public static Path randomWeights(Architecture architecture, Path file) {
        return KerasApplicationImportTest.KerasWeightsWriterHelper.random(architecture, file, 1, false);
    }
}
