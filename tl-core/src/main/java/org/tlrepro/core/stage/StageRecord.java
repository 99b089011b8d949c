package org.tlrepro.core.stage;

import java.util.Map;

/**
 * What a stage recorded beside its output: the fingerprint it was computed from and the SHA-256 of its main files
 * (relative names), as the provenance shows them.
 *
 * @param fingerprint {@code fingerprint.json}
 * @param outputs     {@code outputs.json}
 */
public record StageRecord(Fingerprint fingerprint, Map<String, String> outputs) {

    public StageRecord {
        outputs = Map.copyOf(outputs);
    }
}
