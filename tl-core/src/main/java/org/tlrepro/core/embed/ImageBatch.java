package org.tlrepro.core.embed;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Sha256;

/**
 * Images to embed in one forward pass: their SHA-256 (the cache key) and the paths of the original files, read and
 * checked against the hash where the batch runs (a shared folder on a cluster).
 */
public record ImageBatch(List<String> sha256s, List<String> files) implements Serializable {

    public ImageBatch {
        sha256s = List.copyOf(sha256s);
        files = List.copyOf(files);
        if (sha256s.size() != files.size()) {
            throw new IllegalArgumentException(sha256s.size() + " hashes for " + files.size() + " files");
        }
    }

    public int size() {
        return files.size();
    }

    /** The files' bytes, each checked against its SHA-256. */
    public List<byte[]> read() {
        List<byte[]> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path original = Path.of(files.get(i));
            try {
                byte[] bytes = Files.readAllBytes(original);
                if (!Sha256.hex(bytes).equals(sha256s.get(i))) {
                    throw new TlException(original + " was changed after tl:prepare verified it: run tl:prepare "
                            + "with -Dtl.force=true");
                }
                out.add(bytes);
            } catch (IOException e) {
                throw new TlException(original + " cannot be read (" + e.getMessage() + "): run tl:prepare with "
                        + "-Dtl.force=true", e);
            }
        }
        return out;
    }
}
