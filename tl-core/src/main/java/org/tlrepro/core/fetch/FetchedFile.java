package org.tlrepro.core.fetch;

import java.nio.file.Path;

/**
 * A local copy of a {@link RemoteFile}.
 *
 * @param file   what was fetched
 * @param path   where it is now
 * @param origin where it came from: {@code mirror}, {@code cache} or {@code download}
 */
public record FetchedFile(RemoteFile file, Path path, String origin) {
}
