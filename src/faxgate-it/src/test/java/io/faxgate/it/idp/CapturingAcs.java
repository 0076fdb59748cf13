package io.faxgate.it.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in SP for testing the IdP alone: a JDK HttpServer on 127.0.0.1 (random port) that records every request
 * (an ACS POST with SAMLResponse, a logout redirect with SAMLRequest…) except {@code /favicon.ico} and answers
 * 200 "captured".
 */
public final class CapturingAcs implements AutoCloseable {

    /** One received request: method, path, query and form parameters (first value of each). */
    public record Captured(String method, String path, Map<String, String> query, Map<String, String> form) {
        public String samlResponse() {
            return form.get("SAMLResponse");
        }

        public String relayState() {
            return form.containsKey("RelayState") ? form.get("RelayState") : query.get("RelayState");
        }

        public SamlResponse decodedResponse() {
            String field = samlResponse();
            if (field == null) {
                throw new AssertionError("no SAMLResponse in " + method + " " + path + " form " + form.keySet());
            }
            return SamlResponse.fromPostBinding(field);
        }
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Captured> received = new LinkedBlockingQueue<>();

    private CapturingAcs(HttpServer server) {
        this.server = server;
    }

    public static CapturingAcs start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CapturingAcs acs = new CapturingAcs(server);
            server.createContext("/", acs::handle);
            server.start();
            return acs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:{port}} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Faxgate's ACS path for this tenant on this server: {@code {baseUrl}/sso/{slug}/acs}. */
    public String acsUrl(String slug) {
        return baseUrl() + "/sso/" + slug + "/acs";
    }

    public String sloUrl(String slug) {
        return baseUrl() + "/sso/" + slug + "/slo";
    }

    /** The next request received, waiting up to {@code timeout}. */
    public Captured await(Duration timeout) {
        try {
            Captured captured = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (captured == null) {
                throw new AssertionError("nothing arrived at " + baseUrl() + " within " + timeout);
            }
            return captured;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next request to {@code path} (others received meanwhile are dropped), waiting up to {@code timeout}. */
    public Captured await(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Captured next = await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (next.path().equals(path)) {
                return next;
            }
        }
    }

    /** Whatever has arrived and was not yet taken. */
    public List<Captured> drain() {
        List<Captured> list = new java.util.ArrayList<>();
        received.drainTo(list);
        return list;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (uri.getPath().equals("/favicon.ico")) { // browsers ask for it: not a SAML message
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                    ? parse(body) : Map.of();
            received.add(new Captured(exchange.getRequestMethod(), uri.getPath(), parse(uri.getRawQuery()), form));
            byte[] answer = "<!DOCTYPE html><html><head><title>captured</title></head><body>captured</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
