package org.tlrepro.core.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses a proxy for each URL as Maven's resolver does (DefaultProxySelector): the first active proxy of the
 * URL's scheme whose {@code nonProxyHosts} does not match the host, and for an https URL without one an http proxy;
 * otherwise a direct connection.
 */
final class SettingsProxySelector extends ProxySelector {

    private final List<ProxySetting> proxies;

    SettingsProxySelector(List<ProxySetting> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** The proxy {@code uri} goes through, if any. */
    Optional<ProxySetting> proxyFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<ProxySetting> same = first(scheme, uri.getHost());
        return same.isEmpty() && scheme.equals("https") ? first("http", uri.getHost()) : same;
    }

    private Optional<ProxySetting> first(String protocol, String host) {
        return proxies.stream().filter(p -> p.protocol().equals(protocol) && !p.bypasses(host)).findFirst();
    }

    @Override
    public List<Proxy> select(URI uri) {
        return proxyFor(uri).map(p -> List.of(new Proxy(Proxy.Type.HTTP,
                InetSocketAddress.createUnresolved(p.host(), p.port())))).orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // the download reports the failure itself
    }
}
