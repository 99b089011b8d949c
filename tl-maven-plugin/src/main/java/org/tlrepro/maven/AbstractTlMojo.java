package org.tlrepro.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.TlException;

/**
 * Parameters every tl goal shares, and the translation of tl-core's errors into build failures.
 * Subclasses only map their parameters onto a tl-core call.
 */
public abstract class AbstractTlMojo extends AbstractMojo {

    /** Skips every tl goal. */
    @Parameter(property = "tl.skip", defaultValue = "false")
    protected boolean skip;

    /** Recomputes a stage even when its output is up to date. */
    @Parameter(property = "tl.force", defaultValue = "false")
    protected boolean force;

    /** Folder of all tl outputs; each goal writes a subfolder. */
    @Parameter(property = "tl.workDir", defaultValue = "${project.build.directory}/tl")
    protected File workDir;

    /**
     * Read-only folder searched first, by file name, for archives and models (verified by SHA-256 where the
     * checksum is known). Nothing is ever written there.
     */
    @Parameter(property = "tl.mirror")
    protected File mirror;

    /** Writable cache for downloaded archives and models, searched after the mirror. */
    @Parameter(property = "tl.cache", defaultValue = "${user.home}/.cache/tl")
    protected File cache;

    /** Worker threads for parallel work such as image decoding. */
    @Parameter(property = "tl.threads", defaultValue = "2")
    protected int threads;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping tl:" + goal() + " (" + (skip ? "tl.skip" : "tl." + goal() + ".skip") + " is set)");
            return;
        }
        try {
            run();
        } catch (TlException e) {
            throw new MojoFailureException("tl:" + goal() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("tl:" + goal() + " failed unexpectedly: " + e, e);
        }
    }

    /** The goal's name, for messages. */
    protected abstract String goal();

    /** The goal's own skip flag. */
    protected abstract boolean skipGoal();

    protected abstract void run() throws MojoFailureException;

    protected Path workDir() {
        return workDir.toPath();
    }

    protected static Path pathOrNull(File file) {
        return file == null ? null : file.toPath();
    }
}
