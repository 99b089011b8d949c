package org.tlrepro.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tlrepro.core.TlException;

/** The one Jackson mapper of tl's result files: indented, so that results diff well under version control. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * Reads a result file a stage wrote.
     *
     * @param fix what the user should do when it is missing or unreadable, e.g. "run tl:cluster first"
     * @throws TlException naming the file, the problem and the fix
     */
    public static <T> T read(Path file, Class<T> type, String fix) {
        if (!Files.isRegularFile(file)) {
            throw new TlException("there is no " + file + ": " + fix);
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new TlException(file + " cannot be read (" + e.getMessage() + "): " + fix, e);
        }
    }

    /** As {@link #read}, or empty when the file does not exist. */
    public static <T> Optional<T> readIfPresent(Path file, Class<T> type, String fix) {
        return Files.isRegularFile(file) ? Optional.of(read(file, type, fix)) : Optional.empty();
    }

    /**
     * A file whose absence or damage only means "compute it again" (a fingerprint, a kept key): empty when it is
     * missing or cannot be read as {@code type}.
     */
    public static <T> Optional<T> readIfSound(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file of a format tl does not own (another version's record), as a tree; see {@link #read}. */
    public static JsonNode readTree(Path file, String fix) {
        return read(file, JsonNode.class, fix);
    }

    /**
     * Writes {@code value} as indented JSON, whole or not at all ({@link AtomicFiles#write}).
     *
     * @throws UncheckedIOException naming the file, so that a full disk is reported with the folder and the fix
     */
    public static void write(Path file, Object value) {
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
