package io.faxgate.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.InflaterInputStream;
import java.util.zip.Inflater;

/** A cookie-keeping HTTP client that plays the browser's part in a SAML flow, one redirect at a time. */
final class SamlBrowser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /**
     * A JSON API call with the session cookie, as the browser's fetch() sends it from one of our pages: with
     * {@code Origin} naming this site. {@code origin} null leaves the header out (what a cross-site form cannot
     * avoid is a foreign one; see ApiOriginCheck).
     */
    HttpResponse<String> sendJson(String method, String path, String json, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return sendJson("POST", path, json, FaxgateApi.BASE_URL);
    }

    /** A GET whose body is kept as bytes (documents). */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows our own redirects (never the IdP's) and returns the last answer. */
    HttpResponse<String> followLocal(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (location.startsWith("http") && !location.startsWith(FaxgateApi.BASE_URL)) {
                return current;
            }
            current = get(location);
        }
        return current;
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The ID of the AuthnRequest carried in an HTTP-Redirect binding URL. */
    static String authnRequestId(String redirectUrl) {
        String xml = authnRequestXml(redirectUrl);
        Matcher id = Pattern.compile("\\sID=\"([^\"]+)\"").matcher(xml);
        if (!id.find()) {
            throw new AssertionError("no ID in " + xml);
        }
        return id.group(1);
    }

    static String authnRequestXml(String redirectUrl) {
        Map<String, String> query = query(URI.create(redirectUrl).getRawQuery());
        byte[] deflated = Base64.getDecoder().decode(query.get("SAMLRequest"));
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : FaxgateApi.BASE_URL + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return FaxgateApi.exchange(http, request);
    }
}
