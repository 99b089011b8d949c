package org.tlrepro.core.fetch;

import java.util.List;

/**
 * How tl may reach the network, as Maven's session says: not at all ({@code -o}), or through the proxies of
 * {@code settings.xml}.
 *
 * @param offline whether downloads are forbidden
 * @param proxies the active proxies, in the order Maven lists them; the first for a URL's scheme is used
 */
public record NetworkSettings(boolean offline, List<ProxySetting> proxies) {

    public NetworkSettings {
        proxies = List.copyOf(proxies);
    }

    /** Online, no proxy. */
    public static NetworkSettings direct() {
        return new NetworkSettings(false, List.of());
    }
}
