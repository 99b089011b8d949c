package org.tlrepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin as Maven and {@code mvn tl:help} see it (the descriptor that maven-plugin-plugin generated from the
 * Mojos): the goals, their phases in the order the study needs, and every parameter documented and settable as a
 * {@code tl.*} property that the README's configuration lists.
 */
class PluginDescriptorTest {

    // Maven's default lifecycle up to verify, in order
    private static final List<String> LIFECYCLE = List.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify");

    private static final List<String> STUDY = List.of("prepare", "cluster", "train", "report", "check");

    // properties Maven users know from surefire and failsafe, which the study goals honour too
    private static final Set<String> SHARED_PROPERTIES = Set.of("skipTests", "skipITs", "maven.test.skip",
            "maven.test.failure.ignore");

    // set in the POM only: lists and maps have no single-valued property
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Map");

    private static Map<String, Element> goals;

    @BeforeAll
    static void read() throws Exception {
        Document doc;
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        goals = new TreeMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            goals.put(text(mojo, "goal"), mojo);
        }
    }

    @Test
    void theGoals() {
        assertEquals(Set.of("prepare", "cluster", "train", "report", "check", "manifest", "help"), goals.keySet());
    }

    @Test
    void theStudyGoalsBindToPhasesInTheStudysOrder() {
        int last = -1;
        for (String goal : STUDY) {
            int phase = LIFECYCLE.indexOf(text(goals.get(goal), "phase"));
            assertTrue(phase > last, "tl:" + goal + " binds to " + text(goals.get(goal), "phase")
                    + ", which does not come after the previous goal's phase");
            last = phase;
        }
        // tl:check fails the build like failsafe's verify, after the report is written
        assertEquals("verify", text(goals.get("check"), "phase"));
        // tl:manifest is run by hand, once, on a user's images
        assertNull(text(goals.get("manifest"), "phase"));
    }

    @Test
    void everyGoalIsDescribedWithAnExample() {
        for (String goal : tlGoals()) {
            String description = text(goals.get(goal), "description");
            assertTrue(description != null && description.contains("Example"), "tl:" + goal + " has no example");
            assertFalse(Pattern.compile("\\$\\{tl\\.[^}]*/").matcher(description).find(),
                    "tl:" + goal + "'s description has a broken ${...}: " + description);
        }
    }

    @Test
    void everyParameterIsDescribedAndSettableAsATlPropertyOrAPomList() {
        List<String> problems = new ArrayList<>();
        for (String goal : tlGoals()) {
            Element mojo = goals.get(goal);
            Map<String, String> properties = properties(mojo);
            NodeList parameters = mojo.getElementsByTagName("parameter");
            for (int i = 0; i < parameters.getLength(); i++) {
                Element p = (Element) parameters.item(i);
                if (!"true".equals(text(p, "editable"))) {
                    continue;
                }
                String name = text(p, "name");
                String description = text(p, "description");
                if (description == null || description.isBlank()) {
                    problems.add("tl:" + goal + " " + name + " has no description");
                }
                String property = properties.get(name);
                boolean ok = property != null
                        ? property.startsWith("tl.") || SHARED_PROPERTIES.contains(property)
                        : COLLECTIONS.contains(text(p, "type"));
                if (!ok) {
                    problems.add("tl:" + goal + " " + name + " has property " + property);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachGoalsNameFollowsItsClass() throws Exception {
        for (String goal : tlGoals()) {
            AbstractTlMojo mojo = (AbstractTlMojo) Class.forName(text(goals.get(goal), "implementation"))
                    .getDeclaredConstructor().newInstance();
            assertEquals(goal, mojo.goal(), "the messages' name of " + mojo.getClass().getSimpleName());
        }
    }

    @Test
    void eachGoalShowsTheParametersItUses() {
        Set<String> train = editable(goals.get("train"));
        for (String input : List.of("architecture", "models", "model", "mirror", "inputSize", "downloadTimeout",
                "threads")) {
            assertFalse(train.contains(input), "tl:train does not use " + input);
        }
        assertTrue(train.containsAll(List.of("force", "cache", "executor", "jobs", "epochs")), train.toString());
        assertTrue(editable(goals.get("cluster")).containsAll(List.of("architecture", "mirror", "executor",
                "linkage")));
        assertFalse(editable(goals.get("report")).contains("force"), "tl:report only reads results");
    }

    private static Set<String> editable(Element mojo) {
        Set<String> names = new TreeSet<>();
        NodeList parameters = mojo.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element p = (Element) parameters.item(i);
            if ("true".equals(text(p, "editable"))) {
                names.add(text(p, "name"));
            }
        }
        return names;
    }

    @Test
    void theReadmesConfigurationNamesEveryTlProperty() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (String goal : tlGoals()) {
            for (String property : properties(goals.get(goal)).values()) {
                if (property.startsWith("tl.")
                        && !Pattern.compile("(?m)^\\| `" + Pattern.quote(property) + "` \\|").matcher(readme).find()) {
                    missing.add(property);
                }
            }
        }
        assertEquals(Set.of(), missing, "tl.* properties without a row in README.md's configuration tables");
    }

    private static List<String> tlGoals() {
        return goals.keySet().stream().filter(g -> !g.equals("help")).toList();
    }

    /** Parameter name to the property of its expression, from the mojo's configuration: {@code ${tl.runs}}. */
    private static Map<String, String> properties(Element mojo) {
        Map<String, String> properties = new TreeMap<>();
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        NodeList entries = configuration.getChildNodes();
        for (int i = 0; i < entries.getLength(); i++) {
            if (entries.item(i) instanceof Element e) {
                String expression = e.getTextContent().trim();
                if (expression.startsWith("${") && expression.endsWith("}")) {
                    properties.put(e.getTagName(), expression.substring(2, expression.length() - 1));
                }
            }
        }
        return properties;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
