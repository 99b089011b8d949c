package org.tlrepro.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Writes {@code value} as indented JSON, whole or not at all ({@link AtomicFiles#write}). */
    public static void write(Path file, Object value) {
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new TlException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
