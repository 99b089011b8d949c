package org.tlrepro.core.fetch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One proxy as Maven's {@code settings.xml} declares it ({@code <proxy>}): the protocol it serves, where it is, its
 * credentials and the hosts reached without it.
 *
 * @param protocol      {@code http} or {@code https}: the scheme of the URLs it carries (Maven's meaning)
 * @param nonProxyHosts Maven's syntax: host patterns separated by {@code |} (or {@code ,}), {@code *} as wildcard
 */
public record ProxySetting(String protocol, String host, int port, String username, String password,
                           String nonProxyHosts) {

    public ProxySetting {
        protocol = protocol == null || protocol.isBlank() ? "http" : protocol.trim().toLowerCase(Locale.ROOT);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a proxy needs a host");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy " + host + " has port " + port);
        }
    }

    /** Whether requests to {@code targetHost} bypass this proxy. */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank() || targetHost == null) {
            return false;
        }
        List<String> patterns = Arrays.stream(nonProxyHosts.split("[|,]")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        for (String p : patterns) {
            String regex = Arrays.stream(p.split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse("");
            if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(targetHost).matches()) {
                return true;
            }
        }
        return false;
    }

    /** For the log, without the password. */
    public String describe() {
        return protocol + " proxy " + host + ":" + port + (username != null && !username.isBlank()
                ? " as " + username : "");
    }

    /** As {@link #describe()}: a record would print the password. */
    @Override
    public String toString() {
        return describe();
    }
}
