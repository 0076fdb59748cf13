package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for the SCIM filters that read every row of a tenant without them (docs/performance.md, "Richer filters"):
 * {@code emails[value eq "…"]} and {@code emails sw} compare {@code lower(email)}; {@code displayName eq/sw} compares
 * {@code lower(display_name)} on users and groups; {@code userName sw "…"} is {@code user_name_key LIKE 'x%'}, which a
 * plain B-tree index cannot serve under a non-C collation.
 *
 * <p>PostgreSQL only, hence Java rather than SQL: the expression indexes use the {@code text_pattern_ops} operator
 * class, which serves both {@code =} and prefix {@code LIKE}. H2 (the development database) has no expression indexes;
 * there {@code user_name_key LIKE 'x%'} already uses the unique (tenant_id, user_name_key) index, and the
 * {@code lower(...)} comparisons stay scans of the tenant's rows.
 */
public class V13_1__ScimFilterIndexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE INDEX ix_directory_user_email_lower ON directory_user (tenant_id, lower(email) text_pattern_ops)");
            s.execute("CREATE INDEX ix_directory_user_name_key_prefix ON directory_user (tenant_id, user_name_key text_pattern_ops)");
            s.execute("CREATE INDEX ix_directory_user_display_name_lower ON directory_user (tenant_id, lower(display_name) text_pattern_ops)");
            s.execute("CREATE INDEX ix_security_group_display_name_lower ON security_group (tenant_id, lower(display_name) text_pattern_ops)");
        }
    }
}
