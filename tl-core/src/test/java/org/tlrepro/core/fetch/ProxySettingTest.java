package org.tlrepro.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which proxy of settings.xml a URL goes through, as Maven's resolver chooses. */
class ProxySettingTest {

    private static final ProxySetting HTTP = new ProxySetting("http", "proxy.local", 3128, null, null,
            "localhost|*.internal.example|10.0.*");
    private static final ProxySetting HTTPS = new ProxySetting("https", "secure.local", 3129, null, null, null);

    @Test
    void nonProxyHostsUseMavensWildcards() {
        assertTrue(HTTP.bypasses("localhost"));
        assertTrue(HTTP.bypasses("data.internal.example"));
        assertTrue(HTTP.bypasses("10.0.3.4"));
        assertFalse(HTTP.bypasses("internal.example.org"));
        assertFalse(HTTP.bypasses("data.lhncbc.nlm.nih.gov"));
    }

    @Test
    void theSchemesProxyFirstThenAnHttpOneForHttps() {
        SettingsProxySelector both = new SettingsProxySelector(List.of(HTTP, HTTPS));
        assertEquals(Optional.of(HTTPS), both.proxyFor(URI.create("https://github.com/x")));
        assertEquals(Optional.of(HTTP), both.proxyFor(URI.create("http://example.org/x")));
        SettingsProxySelector httpOnly = new SettingsProxySelector(List.of(HTTP));
        assertEquals(Optional.of(HTTP), httpOnly.proxyFor(URI.create("https://github.com/x")));
        assertEquals(Optional.empty(), httpOnly.proxyFor(URI.create("https://localhost/x")));
        assertEquals(List.of(Proxy.NO_PROXY), httpOnly.select(URI.create("http://localhost/x")));
        assertEquals(Proxy.Type.HTTP, httpOnly.select(URI.create("http://example.org/x")).get(0).type());
    }

    @Test
    void theLogNeverShowsThePassword() {
        ProxySetting p = new ProxySetting("http", "proxy.local", 3128, "alice", "secret", null);
        assertEquals("http proxy proxy.local:3128 as alice", p.describe());
        assertFalse(p.toString().contains("secret"));
    }
}
