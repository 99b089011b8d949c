package org.tlrepro.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that compute (tl:manifest, tl:prepare, tl:cluster, tl:train): recomputing and the
 * shared cache. tl:report and tl:check, which only read results, do not show them.
 */
public abstract class AbstractStageMojo extends AbstractTlMojo {

    /** Recomputes a stage even when its output is up to date. */
    @Parameter(property = "tl.force", defaultValue = "false")
    protected boolean force;

    /**
     * Writable cache shared by builds and clones: downloaded archives and models (searched after the mirror),
     * embedding vectors and finished runs.
     */
    @Parameter(property = "tl.cache", defaultValue = "${user.home}/.cache/tl")
    protected File cache;

    @Override
    protected Path cacheDir() {
        return pathOrNull(cache);
    }
}
