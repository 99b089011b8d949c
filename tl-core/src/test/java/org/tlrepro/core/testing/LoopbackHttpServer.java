package org.tlrepro.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 that serves the files of one folder, for download tests. Paths:
 * {@code /files/<name>} serves the file, {@code /truncated/<name>} announces the full length but sends half
 * and closes, anything else answers 404.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code root} on {@code port} (0 for any free port). */
    public static LoopbackHttpServer start(Path root, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LoopbackHttpServer result = new LoopbackHttpServer(server);
            server.createContext("/", exchange -> {
                result.requests.incrementAndGet();
                String path = exchange.getRequestURI().getPath();
                String[] parts = path.split("/");
                Path file = parts.length == 3 ? root.resolve(parts[2]) : null;
                try (exchange) {
                    if (file == null || !Files.isRegularFile(file)
                            || !(parts[1].equals("files") || parts[1].equals("truncated"))) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] body = Files.readAllBytes(file);
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, parts[1].equals("truncated") ? body.length / 2 : body.length);
                    out.flush();
                }
            });
            server.start();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    @Override
    public void close() {
        server.stop(0);
    }
}
