package org.tlrepro.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.TlException;
import org.tlrepro.core.exec.TaskExecutors;
import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.results.WorkLayout;
import org.tlrepro.core.settings.ResourceErrors;
import org.tlrepro.core.settings.SettingRanges;

/**
 * Parameters every tl goal shares, and the translation of tl-core's errors into build failures.
 * Subclasses only map their parameters onto a tl-core call.
 */
public abstract class AbstractTlMojo extends AbstractMojo {

    /** Skips every tl goal. */
    @Parameter(property = "tl.skip", defaultValue = "false")
    protected boolean skip;

    // the project folder, which is also how Maven reads an empty value (-Dtl.mirror=, <tl.baseline/>) of a File
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /** Folder of all tl outputs; each goal writes a subfolder. */
    @Parameter(property = "tl.workDir", defaultValue = "${project.build.directory}/tl")
    protected File workDir;

    /**
     * Skips every tl goal, as it skips surefire and failsafe: the study is the project's test, so
     * {@code mvn install -DskipTests} installs without running it.
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    /** Skips every tl goal, as it skips failsafe's integration tests. */
    @Parameter(property = "skipITs", defaultValue = "false")
    protected boolean skipITs;

    /** Skips every tl goal, as it skips compiling and running the tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    protected boolean mavenTestSkip;

    /**
     * The rules, each <code>&lt;rule&gt;</code> with a <code>&lt;name&gt;</code>, a <code>&lt;metric&gt;</code> (a
     * metric or the difference of two, e.g. <code>table2.scheme4.mean - table2.scheme1.mean</code>) and a
     * <code>&lt;minimum&gt;</code> (or <code>&lt;above&gt;</code>, a bound the value must exceed) and/or
     * <code>&lt;maximum&gt;</code>, <code>&lt;reportOnly&gt;</code> for the
     * paper's claims; or with <code>&lt;compare&gt;welch|absolute&lt;/compare&gt;</code>, <code>&lt;alpha&gt;</code>
     * and <code>&lt;maximumChange&gt;</code> to judge the change against the baseline. {@code tl:check} enforces
     * them and the report lists their outcomes; every goal checks them first (their metrics exist), so that a
     * misspelt rule fails before any training.
     */
    @Parameter
    protected List<GateRule> rules;

    /** Level of the Welch rules that give no {@code <alpha>}: a change with a smaller p-value fails. */
    @Parameter(property = "tl.baseline.alpha", defaultValue = "0.001")
    protected double alpha;

    // the tl.* properties in effect, checked before any work and recorded in the report's provenance
    @Parameter(defaultValue = "${project.properties}", readonly = true)
    private Properties projectProperties;

    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    private Properties userProperties;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        boolean study = isStudy();
        String skippedBy = skip ? "tl.skip" : skipGoal() ? "tl." + goal() + ".skip"
                : study && skipTests ? "skipTests" : study && skipITs ? "skipITs"
                : study && mavenTestSkip ? "maven.test.skip" : null;
        if (skippedBy != null) {
            getLog().info("Skipping tl:" + goal() + " (" + skippedBy + " is set)");
            return;
        }
        try {
            // every goal checks every setting and rule, so that the first goal of a build fails on a bad value
            Map<String, String> tl = tlSettings();
            List<String> problems = new ArrayList<>(SettingRanges.problems(tl));
            try {
                TaskExecutors.requireAvailable(tl.get("tl.executor"), getClass().getClassLoader());
            } catch (TlException e) {
                problems.add(e.getMessage());
            }
            SettingRanges.throwIfAny(problems);
            Gates.validate(rules());
            checkBeforeWork();
            run();
        } catch (TlException e) {
            throw new MojoFailureException("tl:" + goal() + " failed: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(ResourceErrors.outOfMemory(goal(), tlSettings()), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(ResourceErrors.cannotWrite(goal(), e, workDir(), cacheDir()), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("tl:" + goal() + " failed unexpectedly: " + e, e);
        }
    }

    /**
     * The goal's name, for messages: the class's name without "Mojo", as its {@code @Mojo} name is (ClusterMojo is
     * tl:cluster; PluginDescriptorTest holds every goal to it).
     */
    protected String goal() {
        String name = getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1, name.length() - "Mojo".length());
    }

    /** The goal's own skip flag. */
    protected abstract boolean skipGoal();

    /** Whether the goal is part of the study, which the test-skipping flags skip; a tool goal is not. */
    protected boolean isStudy() {
        return true;
    }

    protected abstract void run() throws MojoFailureException;

    /** More checks of the configuration before any work, for goals that have more to check. */
    protected void checkBeforeWork() {
    }

    /** The configured rules, for tl-core. */
    protected List<Rule> rules() {
        return rules == null ? List.of() : rules.stream().map(r -> r.toRule(alpha)).toList();
    }

    /** The tl.* properties of the POM (with its active profiles), overridden by -D. */
    protected Map<String, String> tlSettings() {
        Map<String, String> settings = new TreeMap<>();
        for (Properties p : new Properties[] {projectProperties, userProperties}) {
            if (p != null) {
                p.stringPropertyNames().stream().filter(k -> k.startsWith("tl."))
                        .forEach(k -> settings.put(k, p.getProperty(k)));
            }
        }
        return settings;
    }

    /** The shared cache folder, for messages; null for goals that use none. */
    protected Path cacheDir() {
        return null;
    }

    /** The folders of tl.workDir, one per goal. */
    protected WorkLayout layout() {
        return new WorkLayout(workDir());
    }

    protected Path workDir() {
        return workDir.toPath();
    }

    protected static Path pathOrNull(File file) {
        return file == null || file.getPath().isEmpty() ? null : file.toPath();
    }

    /** {@code null} for an optional folder set to an empty value, which Maven hands over as the project folder. */
    protected File unsetIfEmpty(File f) {
        return f == null || (basedir != null && f.getAbsoluteFile().equals(basedir.getAbsoluteFile()))
                ? null : f;
    }

}
