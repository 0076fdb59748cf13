package io.faxgate.sso.saml;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;

import io.faxgate.sso.saml.fixture.EntraIdp;
import org.w3c.dom.Document;

/** What an IdP does with our redirect URLs, written independently of the engine. */
final class RedirectUrls {
    private RedirectUrls() {
    }

    static Map<String, String> rawParams(URI url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    static Document inflatedXml(URI url, String param) throws Exception {
        byte[] deflated = Base64.getDecoder().decode(decode(rawParams(url).get(param)));
        Inflater inf = new Inflater(true);
        inf.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && inf.needsInput()) {
                throw new IllegalStateException("truncated");
            }
            out.write(buf, 0, n);
        }
        return EntraIdp.parse(out.toString(StandardCharsets.UTF_8));
    }

    /** SAML bindings 3.4.4.1: verify over "SAMLRequest=..&RelayState=..&SigAlg=.." exactly as sent. */
    static boolean signatureVerifies(URI url, String param, PublicKey key) throws Exception {
        Map<String, String> p = rawParams(url);
        StringBuilder octets = new StringBuilder(param).append('=').append(p.get(param));
        if (p.containsKey("RelayState")) {
            octets.append("&RelayState=").append(p.get("RelayState"));
        }
        octets.append("&SigAlg=").append(p.get("SigAlg"));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(octets.toString().getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(decode(p.get("Signature"))));
    }
}
