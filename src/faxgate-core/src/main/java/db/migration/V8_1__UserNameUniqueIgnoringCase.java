package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One uniqueness rule for {@code userName}: unique per tenant ignoring case, enforced by the database through the
 * maintained key column {@code user_name_key} (H2 has no expression indexes, so no {@code UNIQUE (LOWER(...))}).
 *
 * <p>Java, not SQL, for two reasons: the key is computed with the same {@code toLowerCase(Locale.ROOT)} the
 * application uses (a database's {@code LOWER} may fold some characters differently), and existing clashes
 * ({@code Bob@x} beside {@code bob@x}, possible before this version) are reported by name. With a clash the
 * migration changes nothing and fails with a message naming the users and the fix (docs/directory-sync.md,
 * "userName uniqueness"): merging or renaming people is a decision for the tenant, not for an upgrade.
 */
public class V8_1__UserNameUniqueIgnoringCase extends BaseJavaMigration {

    private static final int SHOWN = 20;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        List<Row> stale = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT u.id, u.tenant_id, t.slug, u.user_name, u.user_name_key, u.source, u.external_id
                FROM directory_user u JOIN tenant t ON t.id = u.tenant_id ORDER BY u.tenant_id, u.id""")) {
            while (r.next()) {
                Row row = new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(6), r.getString(7));
                byKey.computeIfAbsent(row.tenantId + "\u0000" + row.key(), k -> new ArrayList<>()).add(row);
                if (!Objects.equals(r.getString(5), row.key())) {
                    stale.add(row);
                }
            }
        }
        List<List<Row>> clashes = byKey.values().stream().filter(rows -> rows.size() > 1).toList();
        if (!clashes.isEmpty()) {
            throw new FlywayException(clashReport(clashes));
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE directory_user SET user_name_key = ? WHERE id = ?")) {
            for (Row row : stale) {
                update.setString(1, row.key());
                update.setLong(2, row.id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE directory_user ALTER COLUMN user_name_key SET NOT NULL");
            s.execute("ALTER TABLE directory_user ADD CONSTRAINT uq_directory_user_name_key UNIQUE (tenant_id, user_name_key)");
            // The unique constraint's own index serves the lookups the V3 index served.
            s.execute("DROP INDEX ix_directory_user_name_key");
        }
    }

    static String clashReport(List<List<Row>> clashes) {
        StringBuilder m = new StringBuilder("Faxgate schema 8.1 (userName unique per tenant, ignoring case) cannot be applied: ")
                .append(clashes.size()).append(" userName(s) exist more than once in a tenant, differing only in case. ")
                .append("Nothing was changed. Rename or delete one user of each set (see docs/directory-sync.md, ")
                .append("\"userName uniqueness\"), then start Faxgate again:");
        clashes.stream().limit(SHOWN).forEach(rows -> {
            m.append("\n  tenant ").append(rows.get(0).slug).append(':');
            for (Row row : rows) {
                m.append(" [id ").append(row.id).append(", userName '").append(row.userName).append("', source ")
                        .append(row.source).append(", externalId ").append(row.externalId).append(']');
            }
        });
        if (clashes.size() > SHOWN) {
            m.append("\n  … and ").append(clashes.size() - SHOWN).append(" more");
        }
        return m.toString();
    }

    record Row(long id, long tenantId, String slug, String userName, String source, String externalId) {
        String key() {
            return userName.toLowerCase(Locale.ROOT);
        }
    }

}
