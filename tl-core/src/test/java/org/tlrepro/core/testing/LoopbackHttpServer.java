package org.tlrepro.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.tlrepro.core.io.Sha256;

/**
 * An HTTP server on 127.0.0.1 that serves the files of one folder, for download tests. Paths:
 * <ul>
 *   <li>{@code /files/<name>}: the file, with an ETag, honouring {@code Range: bytes=N-} (206) unless an
 *       {@code If-Range} names another ETag;</li>
 *   <li>{@code /truncated/<name>}: announces the full length but sends half and closes;</li>
 *   <li>{@code /flaky/<name>}: the first request as {@code /truncated}, later ones as {@code /files};</li>
 *   <li>{@code /norange/<name>}: the whole file every time, ignoring Range;</li>
 *   <li>{@code /silent/<name>}: accepts the request and never answers;</li>
 *   <li>{@code /stall/<name>}: announces the file, sends its first kilobyte and then nothing;</li>
 *   <li>{@code /endless/<name>}: a body without a length that does not end (until the client stops reading);</li>
 *   <li>{@code /huge/<name>}: announces a length of 1 TiB;</li>
 *   <li>{@code /redirect-file/<name>}, {@code /redirect-loop/<name>}: a redirect to a {@code file:} URL, to
 *       itself;</li>
 *   <li>anything else: 404.</li>
 * </ul>
 * It is also an HTTP proxy: a request in absolute form ({@code GET http://any.host/files/x}, as a client sends to a
 * proxy) is served the same way and counted in {@link #proxied()}.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<URI> proxied = new CopyOnWriteArrayList<>();
    private final Set<String> flakyServed = ConcurrentHashMap.newKeySet();
    /** Released on close: the handlers that never answer wait on it, bounded. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });

    private LoopbackHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * The setup of the plugin's download ITs: a synthetic data set ({@link SyntheticDataset#create}, 8 images of
     * 6x6 per class) written to {@code <basedir>/data} and served on a free port, whose address goes to the build as
     * {@code tl.it.url}; the server goes into the invoker's context as {@code server}, for verify.groovy to stop.
     *
     * @param context the invoker script's {@code context}, holding the build's {@code userProperties}
     */
    public static LoopbackHttpServer serveSyntheticData(java.io.File basedir, java.util.Map<String, Object> context) {
        Path data = basedir.toPath().resolve("data");
        SyntheticDataset.create(data, 8, 6, 42L);
        LoopbackHttpServer server = start(data, 0);
        context.put("server", server);
        ((java.util.Properties) context.get("userProperties")).put("tl.it.url", "http://127.0.0.1:" + server.port());
        return server;
    }

    /** Starts serving {@code root} on {@code port} (0 for any free port). */
    public static LoopbackHttpServer start(Path root, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LoopbackHttpServer result = new LoopbackHttpServer(server);
            server.createContext("/", exchange -> {
                try (exchange) {
                    result.serve(root, exchange);
                }
            });
            // a thread per exchange, so that a handler that never answers does not hold up the others
            server.setExecutor(result.handlers);
            server.start();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(Path root, HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        URI uri = exchange.getRequestURI();
        String range = exchange.getRequestHeaders().getFirst("Range");
        log.add(exchange.getRequestMethod() + " " + uri + (range == null ? "" : " " + range));
        if (uri.getHost() != null) {
            proxied.add(uri);
        }
        String[] parts = uri.getPath().split("/");
        Path file = parts.length == 3 ? root.resolve(parts[2]) : null;
        if (file == null || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        String mode = parts[1];
        if (mode.equals("flaky")) {
            mode = flakyServed.add(parts[2]) ? "truncated" : "files";
        }
        OutputStream out = exchange.getResponseBody();
        switch (mode) {
            case "silent" -> {
                awaitClose();
                return;
            }
            case "stall" -> {
                exchange.sendResponseHeaders(200, body.length);
                out.write(body, 0, Math.min(1024, body.length));
                out.flush();
                awaitClose();
                return;
            }
            case "endless" -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] block = new byte[1 << 16];
                try {
                    for (int i = 0; i < (1 << 14) && closing.getCount() > 0; i++) { // at most 1 GiB
                        out.write(block);
                    }
                } catch (IOException clientStopped) {
                    // the client cut the connection: what it should do
                }
                return;
            }
            case "huge" -> {
                exchange.sendResponseHeaders(200, 1L << 40);
                out.write(body, 0, Math.min(1024, body.length));
                return;
            }
            case "redirect-file" -> {
                exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            case "redirect-loop" -> {
                exchange.getResponseHeaders().set("Location", uri.getPath());
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            default -> {
            }
        }
        String etag = "\"" + Sha256.hex(body).substring(0, 16) + "\"";
        switch (mode) {
            case "truncated" -> {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                out.write(body, 0, body.length / 2);
                out.flush();
                // the exchange closes here with half the announced length sent
            }
            case "norange" -> {
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
            case "files" -> {
                exchange.getResponseHeaders().set("ETag", etag);
                String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
                Matcher m = range == null ? null : RANGE.matcher(range);
                if (m != null && m.matches() && (ifRange == null || ifRange.equals(etag))) {
                    int from = Integer.parseInt(m.group(1));
                    if (from >= body.length) {
                        exchange.sendResponseHeaders(416, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Range",
                            "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                    exchange.sendResponseHeaders(206, body.length - from);
                    out.write(body, from, body.length - from);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
            }
            default -> exchange.sendResponseHeaders(404, -1);
        }
        out.flush();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    /** Every request, as "METHOD uri [Range]", in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** The requests that came to it as a proxy (absolute URIs). */
    public List<URI> proxied() {
        return List.copyOf(proxied);
    }

    private void awaitClose() {
        try {
            closing.await(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
