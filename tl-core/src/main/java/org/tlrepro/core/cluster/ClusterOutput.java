package org.tlrepro.core.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.stage.StageDirectory;

/**
 * The folder {@code tl:cluster} writes and later stages read, as {@link org.tlrepro.core.prepare.PreparedData} is
 * for {@code tl:prepare}; a published result holds the same {@code cluster.json}.
 *
 * <ul>
 *   <li>{@code cluster.json}: the {@link ClusterResult} (embedding, nodes, subsets, distances, ratios)</li>
 *   <li>{@code assignments.tsv}: each image's row, class, file name, level-1 and level-2 node</li>
 *   <li>{@code fingerprint.json}, {@code outputs.json}: what the output was computed from, and its hashes</li>
 * </ul>
 */
public record ClusterOutput(Path dir) {

    public static final String RESULT = "cluster.json";
    public static final String ASSIGNMENTS = "assignments.tsv";
    private static final List<String> COLUMNS = List.of("index", "class", "filename", "level1", "level2");

    /** One image's place in the dendrograms of its class. */
    public record Assignment(int index, String className, String filename, String level1, String level2) {
    }

    public Path result() {
        return dir.resolve(RESULT);
    }

    public Path assignments() {
        return dir.resolve(ASSIGNMENTS);
    }

    /** The fingerprint and output hashes beside the clustering. */
    public StageDirectory stageDirectory() {
        return new StageDirectory(dir);
    }

    public boolean hasResult() {
        return Files.isRegularFile(result());
    }

    public ClusterResult readResult() {
        if (!hasResult()) {
            throw new TlException("there is no clustering in " + dir + ": run tl:cluster first");
        }
        return Json.read(result(), ClusterResult.class, "run tl:cluster with -Dtl.force=true");
    }

    /** Writes {@code cluster.json}, in a staging folder that is renamed into place (or a baseline's). */
    public void writeResult(ClusterResult result) {
        Json.write(result(), result);
    }

    public void writeAssignments(List<Assignment> rows) throws IOException {
        StringBuilder out = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (Assignment a : rows) {
            out.append(a.index()).append('\t').append(a.className()).append('\t').append(a.filename()).append('\t')
                    .append(a.level1()).append('\t').append(a.level2()).append('\n');
        }
        Files.writeString(assignments(), out);
    }

    /** {@code assignments.tsv}, its columns found by their header names. */
    public List<Assignment> readAssignments() {
        Path file = assignments();
        if (!Files.isRegularFile(file)) {
            throw new TlException("there is no clustering in " + dir + ": run tl:cluster first");
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) {
                throw new IOException("the file is empty");
            }
            List<String> header = Arrays.asList(lines.get(0).split("\t"));
            int[] col = COLUMNS.stream().mapToInt(header::indexOf).toArray();
            for (int i = 0; i < col.length; i++) {
                if (col[i] < 0) {
                    throw new IOException("it has no column '" + COLUMNS.get(i) + "'");
                }
            }
            List<Assignment> rows = new ArrayList<>(lines.size() - 1);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Assignment(Integer.parseInt(f[col[0]]), f[col[1]], f[col[2]], f[col[3]], f[col[4]]));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new TlException(file + " cannot be read (" + e.getMessage() + "): run tl:cluster with "
                    + "-Dtl.force=true", e);
        }
    }
}
