package io.faxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Posts a Faces form the way its page's script does, without a browser: the view state (the form's CSRF token) and,
 * in PrimeFaces' CSP mode, the page's script nonce, which is bound to the view, go along with the fields.
 */
final class FacesForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private FacesForm() {
    }

    /** The password sign-in form of login.xhtml, filled in, from the page that showed it. */
    static HttpRequest signIn(String page, String username, String password) {
        Map<String, String> fields = fields(page);
        fields.putAll(Map.of("signIn", "signIn", "signIn:username", username, "signIn:password", password,
                "signIn:submit", "Sign in"));
        return post("/login.xhtml", fields).build();
    }

    /** The hidden fields every post of this page's forms carries; add the form's own fields to it. */
    static Map<String, String> fields(String page) {
        Matcher viewState = VIEW_STATE.matcher(page);
        assertThat(viewState.find()).as("form carries a view state (CSRF token): %s", page).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.ViewState", viewState.group(1));
        Matcher nonce = NONCE.matcher(page);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        return fields;
    }

    static HttpRequest.Builder post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
