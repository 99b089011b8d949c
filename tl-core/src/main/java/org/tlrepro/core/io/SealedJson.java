package org.tlrepro.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON records that carry the SHA-256 of their own content, for what a later build reuses without recomputing
 * (run records in the ledger and the run cache): an edited or damaged record is told from a sound one instead of
 * being used. The checksum is taken over the record as {@link Json#MAPPER} writes it without the checksum field,
 * so it survives reading and writing back.
 */
public final class SealedJson {

    /** The field that holds the checksum. */
    public static final String FIELD = "contentSha256";

    private SealedJson() {
    }

    /** What reading a sealed record gave: the value, or why it cannot be used. */
    public record Read<T>(T value, String problem) {
        public boolean ok() {
            return value != null;
        }
    }

    /** Writes {@code value} with its checksum, whole or not at all. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, bytes(value));
    }

    /** {@code value} as sealed JSON bytes. */
    public static byte[] bytes(Object value) throws IOException {
        ObjectNode tree = Json.MAPPER.valueToTree(value);
        tree.put(FIELD, checksum(value));
        return Json.MAPPER.writeValueAsBytes(tree);
    }

    /**
     * Reads a sealed record; a missing file is a {@link Read} with neither value nor problem.
     * A file that is not JSON, lacks the checksum or does not match it gives the problem in words.
     */
    public static <T> Read<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return new Read<>(null, null);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            if (!(tree instanceof ObjectNode object)) {
                return new Read<>(null, "is not a JSON object");
            }
            JsonNode stored = object.remove(FIELD);
            if (stored == null || !stored.isTextual()) {
                return new Read<>(null, "has no " + FIELD + " (written by an earlier tl, or edited)");
            }
            T value = Json.MAPPER.treeToValue(object, type);
            if (value == null) {
                return new Read<>(null, "holds no record");
            }
            if (!stored.asText().equals(checksum(value))) {
                return new Read<>(null, "does not match its " + FIELD + " (edited or damaged after it was written)");
            }
            return new Read<>(value, null);
        } catch (IOException e) {
            return new Read<>(null, "cannot be read (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static String checksum(Object value) throws IOException {
        return Sha256.hex(Json.MAPPER.writeValueAsBytes(value));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
