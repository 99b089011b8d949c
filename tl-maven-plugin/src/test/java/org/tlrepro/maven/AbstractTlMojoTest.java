package org.tlrepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

/** What every goal does before and around its work: the skip flags, the early checks and the error translation. */
class AbstractTlMojoTest {

    /** A goal whose work is a given action; study or tool goal as asked. */
    static final class StubMojo extends AbstractTlMojo {
        final boolean study;
        Runnable work = () -> { };
        int runs;
        java.nio.file.Path cache;

        StubMojo(boolean study) {
            this.study = study;
        }

        @Override
        protected boolean skipGoal() {
            return false;
        }

        @Override
        protected boolean isStudy() {
            return study;
        }

        @Override
        protected java.nio.file.Path cacheDir() {
            return cache;
        }

        @Override
        protected void run() {
            runs++;
            work.run();
        }
    }

    @Test
    void theTestSkippingFlagsSkipAStudyGoal() throws Exception {
        for (String flag : List.of("skipTests", "skipITs", "mavenTestSkip")) {
            StubMojo mojo = new StubMojo(true);
            AbstractTlMojo.class.getDeclaredField(flag).setBoolean(mojo, true);
            mojo.execute();
            assertEquals(0, mojo.runs, flag);
        }
    }

    @Test
    void theTestSkippingFlagsLeaveAToolGoalAlone() throws Exception {
        StubMojo mojo = new StubMojo(false);
        mojo.skipTests = true;
        mojo.skipITs = true;
        mojo.mavenTestSkip = true;
        mojo.execute();
        assertEquals(1, mojo.runs);
    }

    @Test
    void tlSkipSkipsEveryGoal() throws Exception {
        StubMojo mojo = new StubMojo(false);
        mojo.skip = true;
        mojo.execute();
        assertEquals(0, mojo.runs);
    }

    @Test
    void aBadSettingFailsBeforeAnyWorkNamingTheProperty() throws Exception {
        StubMojo mojo = new StubMojo(true);
        Properties user = new Properties();
        user.setProperty("tl.epochs", "0");
        set(mojo, "userProperties", user);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("tl:stub failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("tl.epochs=0"), e.getMessage());
        assertEquals(0, mojo.runs);
    }

    @Test
    void aMisspeltRuleMetricFailsBeforeAnyWork() throws Exception {
        StubMojo mojo = new StubMojo(true);
        GateRule rule = new GateRule();
        rule.setMetric("table2.scheme9.mean");
        rule.setMinimum("50");
        mojo.rules = List.of(rule);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("table2.scheme9.mean"), e.getMessage());
        assertEquals(0, mojo.runs);
    }

    @Test
    void aTlExceptionIsABuildFailureAndAnyOtherAnError() {
        StubMojo failing = new StubMojo(true);
        failing.work = () -> {
            throw new TlException("the manifest lists 3 images that are missing");
        };
        MojoFailureException failure = assertThrows(MojoFailureException.class, failing::execute);
        assertEquals("tl:stub failed: the manifest lists 3 images that are missing", failure.getMessage());

        StubMojo broken = new StubMojo(true);
        broken.work = () -> {
            throw new IllegalStateException("bug");
        };
        MojoExecutionException error = assertThrows(MojoExecutionException.class, broken::execute);
        assertTrue(error.getMessage().contains("failed unexpectedly"), error.getMessage());
        assertInstanceOf(IllegalStateException.class, error.getCause());
    }

    /** Issue 33: tl.imageSize=20000 ended in a bare OutOfMemoryError. */
    @Test
    void runningOutOfHeapNamesTheSettingsThatAskForMemory() throws Exception {
        StubMojo mojo = new StubMojo(true);
        Properties user = new Properties();
        user.setProperty("tl.imageSize", "900");
        set(mojo, "userProperties", user);
        mojo.work = () -> {
            throw new OutOfMemoryError("Java heap space");
        };
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("tl:stub ran out of Java heap (at most "), e.getMessage());
        assertTrue(e.getMessage().contains("set here: tl.imageSize=900") && e.getMessage().contains("MAVEN_OPTS=-Xmx"),
                e.getMessage());
    }

    /** Issue 33: a full cache read "failed unexpectedly: UncheckedIOException". */
    @Test
    void aFullDiskNamesTheFolderAndTheFix() throws Exception {
        StubMojo mojo = new StubMojo(true);
        java.io.File cache = new java.io.File("/tmp/tl-cache-of-a-test");
        mojo.cache = cache.toPath();
        set(mojo, "workDir", new java.io.File("/tmp/tl-work-of-a-test"));
        mojo.work = () -> {
            throw new java.io.UncheckedIOException("cannot write the embedding cache " + cache + "/embeddings/x.bin",
                    new java.io.IOException("No space left on device"));
        };
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("tl:stub could not read or write a file: cannot write the embedding cache " + cache
                + "/embeddings/x.bin (No space left on device). The disk of the cache " + cache + " (tl.cache) is "
                + "full: free space there, or point tl.workDir or tl.cache at a disk with room (what is finished is "
                + "kept; the build resumes)", e.getMessage());
    }

    @Test
    void commandLineSettingsOverrideThePomsAndOnlyTlPropertiesCount() throws Exception {
        StubMojo mojo = new StubMojo(true);
        Properties pom = new Properties();
        pom.setProperty("tl.runs", "10");
        pom.setProperty("tl.epochs", "5");
        pom.setProperty("project.build.sourceEncoding", "UTF-8");
        Properties user = new Properties();
        user.setProperty("tl.runs", "2");
        set(mojo, "projectProperties", pom);
        set(mojo, "userProperties", user);
        Map<String, String> settings = mojo.tlSettings();
        assertEquals(Map.of("tl.runs", "2", "tl.epochs", "5"), settings);
        assertFalse(settings.containsKey("project.build.sourceEncoding"));
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = AbstractTlMojo.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
