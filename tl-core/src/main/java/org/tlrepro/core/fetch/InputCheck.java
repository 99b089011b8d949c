package org.tlrepro.core.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;

/**
 * Checks, before the first byte is downloaded, that every input the build will need can be had: each is in the
 * mirror or the cache by name, or has a URL and Maven is online. A build that cannot finish fails in seconds, naming
 * every missing file and where to put it, instead of after a 337 MB download.
 */
public final class InputCheck {

    private static final Logger LOG = LoggerFactory.getLogger(InputCheck.class);

    /**
     * One input: any one of {@code candidates} will do.
     *
     * @param what for messages, e.g. "the image archive"
     */
    public record Requirement(String what, List<RemoteFile> candidates) {
        public Requirement {
            candidates = List.copyOf(candidates);
        }
    }

    private InputCheck() {
    }

    /**
     * Logs where each requirement will come from.
     *
     * @throws TlException listing every requirement that cannot be had, with its files and where to put them
     */
    public static void check(FileFetcher fetcher, List<Requirement> requirements) {
        List<String> missing = new ArrayList<>();
        for (Requirement r : requirements) {
            Optional<String> plan = plan(fetcher, r);
            if (plan.isPresent()) {
                LOG.info("Input {}: {}", r.what(), plan.get());
            } else {
                missing.add(r.what() + ": one of " + r.candidates().stream().map(RemoteFile::describe).toList());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String these = missing.size() == 1 ? "this input is" : "these inputs are";
        String where = " in neither the mirror folder" + (fetcher.mirror() == null ? " (tl.mirror is not set)"
                : " " + fetcher.mirror() + " (tl.mirror)") + " nor the cache " + fetcher.cache() + " (tl.cache)";
        String list = ":\n  - " + String.join("\n  - ", missing) + "\n";
        throw new TlException(fetcher.offline()
                ? "Maven is offline (-o) and " + these + where + list + "Put one file of each there, by that name "
                + "(a build without -o on a machine with internet downloads them into its cache: copy that folder), "
                + "or build without -o. Nothing was downloaded or computed"
                : these.substring(0, 1).toUpperCase() + these.substring(1) + where + ", and no file of "
                + (missing.size() == 1 ? "it" : "them") + " has a URL" + list + "Put one file of each there, by that "
                + "name, or configure a URL. Nothing was downloaded or computed");
    }

    private static Optional<String> plan(FileFetcher fetcher, Requirement r) {
        for (RemoteFile f : r.candidates()) {
            Optional<FetchedFile> local = fetcher.locate(f);
            if (local.isPresent()) {
                return Optional.of(f.name() + " in the " + local.get().origin() + " " + local.get().path().getParent());
            }
        }
        if (fetcher.offline() || fetcher.cache() == null) {
            return Optional.empty();
        }
        return r.candidates().stream().filter(f -> f.url() != null).findFirst()
                .map(f -> "to download from " + f.url() + " (" + f.checksumText() + ")");
    }
}
