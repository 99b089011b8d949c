package org.tlrepro.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The templates parse, and README.txt (what a user overriding one reads) names every template and every model
 * value the templates use, so an override can be written from it alone.
 */
class TemplatesTest {

    private static final Path DIR = Path.of("src/main/resources/org/tlrepro/templates");

    // Velocity's own: the loop state of #foreach
    private static final Set<String> BUILT_IN = Set.of("foreach");

    private static List<Path> templates;
    private static String readme;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            templates = files.filter(p -> p.getFileName().toString().endsWith(".vm")).sorted().toList();
        }
        readme = Files.readString(DIR.resolve("README.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void everyTemplateParses() throws Exception {
        assertEquals(5, templates.size(), "templates in " + DIR);
        for (Path t : templates) {
            parse(t); // a ParseException names the file, line and column
        }
    }

    @Test
    void theReadmeNamesEveryTemplate() {
        for (Path t : templates) {
            assertTrue(readme.contains(t.getFileName().toString()), "README.txt does not name " + t.getFileName());
        }
    }

    @Test
    void theReadmeDocumentsEveryModelValueTheTemplatesUse() throws Exception {
        Set<String> documented = new HashSet<>();
        Matcher m = Pattern.compile("\\$([A-Za-z][A-Za-z0-9]*)").matcher(readme);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>();
        for (Path t : templates) {
            for (String name : modelReferences(parse(t))) {
                if (!documented.contains(name)) {
                    missing.add("$" + name + " (" + t.getFileName() + ")");
                }
            }
        }
        assertEquals(Set.of(), missing, "used by the templates but not described in README.txt");
    }

    @Test
    void aLocalIsNotTakenForAModelValue() throws Exception {
        SimpleNode tree = parse("t.vm", "#macro(m $a)$a#end#foreach($x in $list)#set($y = $x)$y$foreach.count#end$z");
        assertEquals(Set.of("list", "z"), modelReferences(tree));
    }

    private static SimpleNode parse(Path template) throws IOException, ParseException {
        return parse(template.getFileName().toString(), Files.readString(template, StandardCharsets.UTF_8));
    }

    private static SimpleNode parse(String name, String text) throws ParseException {
        RuntimeInstance velocity = new RuntimeInstance();
        velocity.init();
        Template template = new Template();
        template.setName(name);
        return velocity.parse(new StringReader(text), template);
    }

    /** The references a template takes from the model: all roots except #set, #foreach and #macro locals. */
    static Set<String> modelReferences(SimpleNode tree) {
        Set<String> locals = new HashSet<>(BUILT_IN);
        List<String> used = new ArrayList<>();
        walk(tree, locals, used);
        Set<String> model = new TreeSet<>(used);
        model.removeAll(locals);
        return model;
    }

    private static final Pattern ROOT = Pattern.compile("^\\$!?\\{?([A-Za-z][A-Za-z0-9_-]*)");

    // getRootString() is only set once a node is initialised against a context; the literal is there after parsing
    private static String root(ASTReference reference) {
        Matcher m = ROOT.matcher(reference.literal());
        if (!m.find()) {
            throw new IllegalStateException("not a reference: " + reference.literal());
        }
        return m.group(1);
    }

    private static void walk(Node node, Set<String> locals, List<String> used) {
        if (node instanceof ASTSetDirective) {
            locals.add(root((ASTReference) node.jjtGetChild(0)));
        } else if (node instanceof ASTDirective d && d.getDirectiveName().equals("foreach")) {
            locals.add(root((ASTReference) node.jjtGetChild(0)));
        } else if (node instanceof ASTDirective d && d.getDirectiveName().equals("macro")) {
            for (int i = 1; i < node.jjtGetNumChildren(); i++) {
                if (node.jjtGetChild(i) instanceof ASTReference arg) {
                    locals.add(root(arg));
                }
            }
        } else if (node instanceof ASTReference r) {
            used.add(root(r));
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            walk(node.jjtGetChild(i), locals, used);
        }
    }
}
