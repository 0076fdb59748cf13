package io.faxgate.it;

import io.faxgate.formats.Pem;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Seeds rows that have no API yet (directory users arrive by SCIM and SAML) straight into the test PostgreSQL,
 * with ids far above what the application's sequence hands out.
 */
public final class TestData {

    private static final AtomicLong IDS = new AtomicLong(900_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    private TestData() {
    }

    public static long tenantId(String slug) {
        try (Connection c = TestDatabase.connection(); PreparedStatement s = c.prepareStatement("SELECT id FROM tenant WHERE slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no tenant " + slug);
                }
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long user(String slug, String userName, String displayName) {
        long id = IDS.incrementAndGet();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        execute("INSERT INTO directory_user (id, version, tenant_id, external_id, user_name, user_name_key, email,"
                + " display_name, active, source, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, TRUE, 'SCIM', ?, ?)",
                id, tenantId(slug), "oid-" + id, userName, userName.toLowerCase(java.util.Locale.ROOT), userName,
                displayName, now, now);
        return id;
    }

    public static void membership(String slug, long groupId, long userId) {
        execute("INSERT INTO group_membership (id, tenant_id, security_group_id, directory_user_id) VALUES (?, ?, ?, ?)",
                IDS.incrementAndGet(), tenantId(slug), groupId, userId);
    }

    public static void execute(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text (null stays null). */
    public static java.util.List<String> strings(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a {@code SELECT count(*) …} query answers. */
    public static int count(String sql, Object... parameters) {
        return Integer.parseInt(strings(sql, parameters).get(0));
    }

    /** A real PDF with this many A4 pages. */
    public static byte[] pdf(int pages) {
        return Pdfs.withPages(pages, "Faxgate test fax");
    }

    /** A self-signed RSA certificate in PEM, like the one Entra shows for a SAML app. */
    public static String certificatePem(String commonName, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + commonName);
            var certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(notAfter.minusSeconds(3 * 365 * 86400L)),
                    Date.from(notAfter), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return Pem.encodeCertificate(certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
