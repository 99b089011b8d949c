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

        StubMojo(boolean study) {
            this.study = study;
        }

        @Override
        protected String goal() {
            return "stub";
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
        rule.setMinimum(50.0);
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
