import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** `java HttpGet.java URL`: exit 0 when the URL answers 200 (used where curl is missing). */
public class HttpGet {
    public static void main(String[] args) throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[0])).build(),
                HttpResponse.BodyHandlers.discarding());
        System.exit(r.statusCode() == 200 ? 0 : 1);
    }
}
