package io.faxgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (decision 0020): SQL and bulk JPQL statements that write are issued only by the component
 * that owns the table or entity; native SQL reads only the owner's tables too. Reads through JPQL queries and
 * entities are not checked here (ComponentGraphTest keeps them in the graph's direction, and lets only the owner
 * create and change its entities). Native SQL must be a literal at the call so that this test can read it, and a
 * named delete/update runs only in its entity's component. RulesCatchViolationsTest runs these checks against
 * planted sources (src/test/planted-sources) to show that each one finds what it looks for.
 */
class TableOwnershipTest {

    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("tenant", "tenant"),
            Map.entry("audit_event", "audit"), Map.entry("audit_chain", "audit"),
            Map.entry("directory_user", "directory"), Map.entry("security_group", "directory"),
            Map.entry("group_membership", "directory"), Map.entry("scim_token", "directory"),
            Map.entry("asserted_role", "access"), Map.entry("local_account", "access"),
            Map.entry("permission_grant", "access"), Map.entry("role_mapping", "access"),
            Map.entry("fax", "fax"), Map.entry("fax_document", "fax"), Map.entry("fax_line", "fax"),
            Map.entry("fax_line_group_binding", "fax"), Map.entry("carrier_delivery", "fax"),
            Map.entry("saml_assertion_use", "sso"), Map.entry("sp_key_pair", "sso"), Map.entry("sso_settings", "sso"), Map.entry("sso_sign_in_record", "sso"),
            Map.entry("email_domain", "sso"),
            Map.entry("maintenance_job", "platform"), Map.entry("startup_lock", "platform"));

    static final Path SOURCES = Path.of("src/main/java/io/faxgate");

    /** A native query's SQL: a text block, or string literals joined by + (group 1, quotes included). */
    private static final Pattern NATIVE = Pattern.compile("createNativeQuery\\(\\s*(\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\")*)");
    /** A native query whose SQL is not a literal at the call: the checks above could not read its tables. */
    private static final Pattern NATIVE_NOT_LITERAL = Pattern.compile(
            "createNativeQuery\\((?!\\s*(?:\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\")*)\\s*[,)])([^\\n]{0,60})");
    private static final Pattern NAMED_WRITE = Pattern.compile(
            "@NamedQuery\\(\\s*name\\s*=\\s*(\\w+\\.\\w+)\\s*,\\s*query\\s*=\\s*\"\\s*(?i:delete|update)\\b");
    private static final Pattern NAMED_CALL = Pattern.compile("createNamedQuery\\(\\s*(\\w+\\.\\w+)");
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+([a-z_]+)");
    private static final Pattern BULK_JPQL = Pattern.compile("\"\\s*(?:(?i:delete\\s+from)|(?i:update))\\s+([A-Z]\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        List<String> unowned = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path m : migrations.toList()) {
                Matcher created = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)").matcher(Files.readString(m));
                while (created.find()) {
                    if (!OWNER.containsKey(created.group(1).toLowerCase())) {
                        unowned.add(created.group(1) + " (" + m.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(unowned).as("tables without an owner in TableOwnershipTest.OWNER").isEmpty();
    }

    @Test
    void nativeSqlOnlyOnTheComponentsOwnTables() throws IOException {
        assertThat(nativeSqlOnOthersTables(SOURCES)).isEmpty();
    }

    @Test
    void nativeSqlIsALiteralAtTheCall() throws IOException {
        assertThat(nativeSqlNotLiteral(SOURCES)).isEmpty();
    }

    @Test
    void bulkJpqlWritesOnlyTheComponentsOwnEntities() throws IOException {
        assertThat(bulkJpqlOnOthersEntities(SOURCES)).isEmpty();
    }

    @Test
    void namedWritingQueriesRunOnlyInTheirOwnersComponent() throws IOException {
        assertThat(namedWritesOfOthers(SOURCES)).isEmpty();
    }

    static List<String> nativeSqlOnOthersTables(Path root) throws IOException {
        return violations(root, NATIVE, sql -> {
            List<String> tables = new ArrayList<>();
            Matcher t = TABLE.matcher(sql);
            while (t.find()) {
                tables.add(t.group(1).toLowerCase());
            }
            return tables;
        }, OWNER);
    }

    static List<String> nativeSqlNotLiteral(Path root) throws IOException {
        return violations(root, NATIVE_NOT_LITERAL, expression -> List.of("SQL built at run time: " + expression), Map.of());
    }

    static List<String> bulkJpqlOnOthersEntities(Path root) throws IOException {
        return violations(root, BULK_JPQL, entity -> List.of(entity), entityOwners());
    }

    /** {@code createNamedQuery(Entity.NAME)} of a named delete/update runs only in the entity's component. */
    static List<String> namedWritesOfOthers(Path root) throws IOException {
        Map<String, String> owners = new java.util.HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED_WRITE.matcher(Files.readString(file));
                while (m.find()) {
                    owners.put(m.group(1), SOURCES.relativize(file).getName(0).toString());
                }
            }
        }
        assertThat(owners).as("the named writes of the entities are found").isNotEmpty();
        return violations(root, NAMED_CALL, name -> owners.containsKey(name) ? List.of(name) : List.of(), owners);
    }

    interface Names {
        List<String> in(String statement);
    }

    /** Statements in the sources under {@code root} (one folder per component) that name what another component owns. */
    static List<String> violations(Path root, Pattern statement, Names names, Map<String, String> owners) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String component = root.relativize(file).getName(0).toString();
                Matcher m = statement.matcher(Files.readString(file));
                while (m.find()) {
                    for (String name : names.in(m.group(1))) {
                        String owner = owners.get(name);
                        if (owner == null || !owner.equals(component)) {
                            violations.add(file.getFileName() + " (" + component + ") touches " + name + ", owned by " + owner);
                        }
                    }
                }
            }
        }
        return violations;
    }

    /** Each @Entity's simple name → its component, from the sources. */
    static Map<String, String> entityOwners() throws IOException {
        Map<String, String> owners = new java.util.HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("\n@Entity")) {
                    owners.put(file.getFileName().toString().replace(".java", ""), SOURCES.relativize(file).getName(0).toString());
                }
            }
        }
        return owners;
    }
}
