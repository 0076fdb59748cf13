package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimSort;

import io.faxgate.directory.control.GroupChange;

import io.faxgate.directory.control.IfMatch;

import io.faxgate.directory.control.ScimUserData;

import io.faxgate.directory.control.ScimProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.PatchOperation;
import io.faxgate.directory.control.ScimFilter.And;
import io.faxgate.directory.control.ScimFilter.Compare;
import io.faxgate.directory.control.ScimFilter.Not;
import io.faxgate.directory.control.ScimFilter.Operator;
import io.faxgate.directory.control.ScimFilter.Or;
import io.faxgate.directory.control.ScimFilter.ValuePath;
import io.faxgate.directory.entity.DirectorySource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both Entra PATCH dialects, the filter grammar, sort, search bodies, If-Match, and the User/Group mapping — without a server. */
class ScimDialectTest {

    private static final String BASE = "https://faxgate.example/scim/v2/acme";
    private static final ScimUserRecord ALICE = new ScimUserRecord(7, 3, new ScimUserData("alice@acme.test", "oid-a",
            "Alice Archer", "Alice", "Archer", "alice@acme.test", true, DirectorySource.SCIM), Instant.EPOCH, Instant.EPOCH);

    private static ScimUserData patchUser(String body) {
        List<PatchOperation> ops = EntraPatchDialect.operations(ScimJson.read(body));
        ops.forEach(ScimUserDocument::checkPath);
        ObjectNode doc = ScimUserDocument.toJson(ALICE, BASE);
        ops.forEach(op -> EntraPatchDialect.apply(op, doc));
        return ScimUserDocument.fromPatched(doc, ALICE);
    }

    private static List<GroupChange> patchGroup(String body) {
        return ScimGroupDocument.changes(EntraPatchDialect.operations(ScimJson.read(body)));
    }

    private static String ops(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    @Test
    void defaultDialectDeactivatesWithTheStringFalseAndCapitalisedOps() {
        ScimUserData d = patchUser(ops("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(d.active()).isFalse();
        assertThat(d.userName()).isEqualTo("alice@acme.test");
        assertThat(d.source()).as("PATCH keeps the source").isNull();
        assertThat(patchUser(ops("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}")).active()).isTrue();
    }

    @Test
    void flagDialectUsesBooleansAndPathlessMultiAttributeReplace() {
        ScimUserData d = patchUser(ops("{\"op\":\"replace\",\"value\":{\"active\":false,\"displayName\":\"Al\","
                + "\"name.givenName\":\"Alicia\",\"emails[type eq \\\"work\\\"].value\":\"alicia@acme.test\"}}"));
        assertThat(d.active()).isFalse();
        assertThat(d.displayName()).isEqualTo("Al");
        assertThat(d.givenName()).isEqualTo("Alicia");
        assertThat(d.familyName()).isEqualTo("Archer");
        assertThat(d.email()).isEqualTo("alicia@acme.test");
    }

    @Test
    void emailsWithAValueFilterAreAddedOrReplacedWhicheverOpEntraUses() {
        assertThat(patchUser(ops("{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a2@acme.test\"}")).email())
                .isEqualTo("a2@acme.test");
        assertThat(patchUser(ops("{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a3@acme.test\"}")).email())
                .isEqualTo("a3@acme.test");
        assertThat(patchUser(ops("{\"op\":\"Add\",\"path\":\"name.familyName\",\"value\":\"Smith\"}")).familyName()).isEqualTo("Smith");
        assertThat(patchUser(ops("{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\",\"value\":\"Sales\"}"))
                .userName()).as("enterprise attributes are accepted and not stored").isEqualTo("alice@acme.test");
    }

    @Test
    void unknownOpsPathsAndReadOnlyAttributesAreRefusedWithTheirScimType() {
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"Frob\",\"path\":\"active\",\"value\":false}")))).isEqualTo("invalidSyntax");
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"replace\",\"path\":\"fooBar\",\"value\":1}")))).isEqualTo("invalidPath");
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"9\"}")))).isEqualTo("mutability");
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"replace\",\"value\":{\"fooBar\":1}}")))).isEqualTo("invalidSyntax");
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"perhaps\"}")))).isEqualTo("invalidValue");
        assertThat(refusal(() -> patchUser("{\"Operations\":[]}"))).isEqualTo("invalidSyntax");
        assertThat(refusal(() -> ScimJson.read("{\"userName\":"))).isEqualTo("invalidSyntax");
    }

    @Test
    void groupMembersInBothDialects() {
        assertThat(patchGroup(ops("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"7\"},{\"value\":\"8\"}]}")))
                .containsExactly(new GroupChange.AddMembers(List.of("7", "8")));
        assertThat(patchGroup(ops("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"7\"}]}")))
                .as("default dialect removal").containsExactly(new GroupChange.RemoveMembers(List.of("7")));
        assertThat(patchGroup(ops("{\"op\":\"remove\",\"path\":\"members[value eq \\\"7\\\"]\"}")))
                .as("aadOptscim062020 removal").containsExactly(new GroupChange.RemoveMembers(List.of("7")));
        assertThat(patchGroup(ops("{\"op\":\"remove\",\"path\":\"members\"}"))).containsExactly(new GroupChange.RemoveAllMembers());
        assertThat(patchGroup(ops("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Sales EU\"}")))
                .containsExactly(new GroupChange.Rename("Sales EU"));
        assertThat(patchGroup(ops("{\"op\":\"replace\",\"value\":{\"id\":\"5\",\"displayName\":\"Sales\",\"members\":[{\"value\":\"9\"}]}}")))
                .containsExactly(new GroupChange.Rename("Sales"), new GroupChange.ReplaceMembers(List.of("9")));
        assertThat(refusal(() -> patchGroup(ops("{\"op\":\"add\",\"path\":\"owner\",\"value\":\"x\"}")))).isEqualTo("invalidPath");
        assertThat(refusal(() -> patchGroup(ops("{\"op\":\"remove\",\"path\":\"members[display co \\\"x\\\"]\"}")))).isEqualTo("invalidFilter");
    }

    @Test
    void theWholeFilterGrammarBecomesAFilterTree() {
        Compare userName = new Compare("username", Operator.EQ, "a@b.c");
        assertThat(ScimFilters.parse("userName eq \"a@b.c\" and externalId eq \"x\"", ScimUserDocument.CORE_USER))
                .isEqualTo(new And(userName, new Compare("externalid", Operator.EQ, "x")));
        assertThat(ScimFilters.parse("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"Sales\"", ScimGroupDocument.CORE_GROUP))
                .isEqualTo(new Compare("displayname", Operator.EQ, "Sales"));
        assertThat(ScimFilters.parse("userName co \"a\" or not (title pr)", ScimUserDocument.CORE_USER))
                .isEqualTo(new Or(new Compare("username", Operator.CO, "a"), new Not(new Compare("title", Operator.PR, null))));
        assertThat(ScimFilters.parse("emails[type eq \"work\" and value ew \"@x.test\"]", ScimUserDocument.CORE_USER))
                .isEqualTo(new ValuePath("emails", new And(new Compare("type", Operator.EQ, "work"),
                        new Compare("value", Operator.EW, "@x.test"))));
        assertThat(ScimFilters.parse("meta.lastModified gt \"2026-01-01T00:00:00Z\" and active eq true and id le 5",
                ScimUserDocument.CORE_USER)).isEqualTo(new And(new And(new Compare("meta.lastmodified", Operator.GT,
                "2026-01-01T00:00:00Z"), new Compare("active", Operator.EQ, Boolean.TRUE)),
                new Compare("id", Operator.LE, new java.math.BigDecimal("5"))));
        for (String op : List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le")) {
            assertThat(ScimFilters.parse("userName " + op + " \"x\"", ScimUserDocument.CORE_USER)).as(op)
                    .isEqualTo(new Compare("username", Operator.valueOf(op.toUpperCase()), "x"));
        }
        assertThat(refusal(() -> ScimFilters.parse("userName eq", ScimUserDocument.CORE_USER))).isEqualTo("invalidFilter");
        assertThat(refusal(() -> ScimFilters.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"",
                ScimUserDocument.CORE_USER))).isEqualTo("invalidFilter");
        assertThat(refusal(() -> ScimFilters.parse("not (".repeat(30) + "userName eq \"x\"" + ")".repeat(30),
                ScimUserDocument.CORE_USER))).isEqualTo("invalidFilter");
        assertThat(refusal(() -> ScimFilters.parse("x".repeat(2001), ScimUserDocument.CORE_USER))).isEqualTo("invalidFilter");
    }

    @Test
    void sortSearchBodiesAndIfMatch() {
        assertThat(ScimFilters.sort("name.familyName", "descending", ScimUserDocument.CORE_USER))
                .isEqualTo(new ScimSort("name.familyname", true));
        assertThat(ScimFilters.sort(null, null, ScimUserDocument.CORE_USER)).isNull();
        assertThat(refusal(() -> ScimFilters.sort("userName", "upwards", ScimUserDocument.CORE_USER))).isEqualTo("invalidValue");
        ScimQuery search = ScimQuery.ofSearch(ScimJson.read("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \\"a\\"",
                 "sortBy":"userName","startIndex":3,"count":2,"attributes":["userName","name.givenName"]}"""), ScimUserDocument.CORE_USER);
        assertThat(search.filter()).isEqualTo(new Compare("username", Operator.SW, "a"));
        assertThat(search.startIndex()).isEqualTo(3);
        assertThat(search.count()).isEqualTo(2);
        ObjectNode projected = search.project(ScimUserDocument.toJson(ALICE, BASE));
        assertThat(projected.has("id")).isTrue();
        assertThat(projected.has("userName")).isTrue();
        assertThat(projected.get("name").has("givenName")).isTrue();
        assertThat(projected.get("name").has("familyName")).isFalse();
        assertThat(projected.has("emails")).isFalse();
        assertThat(refusal(() -> ScimQuery.ofSearch(ScimJson.read("{\"filter\":\"x pr\"}"), ScimUserDocument.CORE_USER)))
                .isEqualTo("invalidSyntax");
        assertThat(refusal(() -> ScimQuery.ofSearch(ScimJson.read(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"sortby\":\"x\",\"limit\":5}"),
                ScimUserDocument.CORE_USER))).isEqualTo("invalidSyntax");

        assertThat(ScimResources.ifMatch(null)).isNull();
        IfMatch weak = ScimResources.ifMatch("W/\"3\", \"4\"");
        weak.require(3, "User 7");
        weak.require(4, "User 7");
        assertThatThrownBy(() -> weak.require(5, "User 7")).isInstanceOfSatisfying(ScimProblem.class,
                p -> assertThat(p.status()).isEqualTo(412));
        assertThatThrownBy(() -> ScimResources.ifMatch("\"garbage\"").require(1, "User 7")).isInstanceOf(ScimProblem.class);
        ScimResources.ifMatch("*").require(99, "User 7");
    }

    @Test
    void unknownSchemasAndExtensionAttributesAreRefusedNotDropped() {
        String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        assertThat(ScimUserDocument.fromRequest(ScimJson.read("{\"schemas\":[\"" + ScimUserDocument.CORE_USER + "\",\""
                + enterprise + "\"],\"userName\":\"a@b.c\",\"" + enterprise + "\":{\"department\":\"Dispatch\","
                + "\"manager\":{\"value\":\"9\"}}}")).userName()).isEqualTo("a@b.c");
        assertThat(refusal(() -> ScimUserDocument.fromRequest(ScimJson.read("{\"userName\":\"a@b.c\",\"" + enterprise
                + "\":{\"shoeSize\":44}}")))).isEqualTo("invalidSyntax");
        assertThat(refusal(() -> ScimUserDocument.fromRequest(ScimJson.read(
                "{\"schemas\":[\"urn:example:custom:2.0:User\"],\"userName\":\"a@b.c\"}")))).isEqualTo("invalidValue");
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"replace\",\"path\":\"" + enterprise + ":shoeSize\",\"value\":44}"))))
                .isEqualTo("invalidPath");
        assertThat(patchUser(ops("{\"op\":\"replace\",\"path\":\"" + enterprise + ":department\",\"value\":\"Sales\"}"))
                .userName()).isEqualTo("alice@acme.test");
        assertThat(refusal(() -> ScimGroupDocument.fromRequest(ScimJson.read(
                "{\"schemas\":[\"" + ScimUserDocument.CORE_USER + "\"],\"displayName\":\"x\"}")))).isEqualTo("invalidValue");
    }

    @Test
    void rolesMapBothWaysAndPasswordsAreRefused() {
        ScimUserData posted = ScimUserDocument.fromRequest(ScimJson.read("""
                {"userName":"a@b.c","roles":[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","display":"Admin","value":"Fax.Admin"}]}"""));
        assertThat(posted.roles()).containsExactly("Fax.Admin");
        assertThat(ScimUserDocument.fromRequest(ScimJson.read("{\"userName\":\"a@b.c\"}")).roles())
                .as("a PUT without roles keeps the user's roles").isNull();
        ScimUserData patched = patchUser(ops("{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"Fax.Operator\"}]}"));
        assertThat(patched.roles()).containsExactly("Fax.Operator");
        assertThat(refusal(() -> ScimUserDocument.fromRequest(ScimJson.read("{\"userName\":\"a@b.c\",\"password\":\"s3cret\"}"))))
                .isEqualTo("invalidValue");
        assertThat(refusal(() -> patchUser(ops("{\"op\":\"replace\",\"path\":\"password\",\"value\":\"x\"}"))))
                .isEqualTo("invalidValue");
    }

    @Test
    void userDocumentsMapBothWays() {
        ScimUserData agent = ScimUserDocument.fromRequest(ScimJson.read("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:faxgate:params:scim:schemas:extension:ad:2.0:User"],
                 "externalId":"35918bc9","UserName":"bob@corp.example","name":{"givenName":"Bob","familyName":"Baker"},
                 "emails":[{"value":"home@x.test","type":"home"},{"value":"bob@corp.example","type":"work","primary":"True"}],
                 "active":true,"title":"Clerk",
                 "urn:faxgate:params:scim:schemas:extension:ad:2.0:User":{"sAMAccountName":"bbaker"}}"""));
        assertThat(agent.userName()).as("attribute names are case-insensitive").isEqualTo("bob@corp.example");
        assertThat(agent.email()).isEqualTo("bob@corp.example");
        assertThat(agent.source()).isEqualTo(DirectorySource.AGENT);
        assertThat(agent.displayName()).as("derived by the core").isNull();
        ObjectNode json = ScimUserDocument.toJson(ALICE, BASE);
        assertThat(json.path("meta").path("location").asText()).isEqualTo(BASE + "/Users/7");
        assertThat(json.path("id").asText()).isEqualTo("7");
        assertThat(refusal(() -> ScimUserDocument.fromRequest(ScimJson.read("{\"userName\":\"x\",\"shoeSize\":44}"))))
                .isEqualTo("invalidSyntax");
    }

    /** Issue 16: what Faxgate does not use is kept and returned, never silently dropped (Entra sends it on every create). */
    @Test
    void attributesFaxgateDoesNotUseAreKeptAndReturned() {
        ScimUserData entra = ScimUserDocument.fromRequest(ScimJson.read("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"oid-c","userName":"carol@acme.test","active":true,"title":"Clerk","preferredLanguage":"de-DE",
                 "name":{"givenName":"Carol","familyName":"Cole","formatted":"Carol Cole","middleName":"C."},
                 "emails":[{"value":"carol@acme.test","type":"work","primary":true}],
                 "phoneNumbers":[{"value":"+49 30 1234","type":"work"}],
                 "addresses":[{"type":"work","locality":"Berlin","country":"DE"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42","department":"Sales",
                   "manager":{"value":"7"}}}"""));
        assertThat(entra.attributes()).contains("\"title\":\"Clerk\"", "\"middleName\":\"C.\"", "+49 30 1234", "Berlin",
                "\"department\":\"Sales\"", "\"employeeNumber\":\"42\"").doesNotContain("givenName", "carol@acme.test");
        ObjectNode json = ScimUserDocument.toJson(new ScimUserRecord(9, 1, entra, Instant.EPOCH, Instant.EPOCH), BASE);
        assertThat(json.path("title").asText()).isEqualTo("Clerk");
        assertThat(json.path("name").path("middleName").asText()).isEqualTo("C.");
        assertThat(json.path("name").path("givenName").asText()).isEqualTo("Carol");
        assertThat(json.path("phoneNumbers").get(0).path("value").asText()).isEqualTo("+49 30 1234");
        assertThat(json.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("manager").path("value").asText())
                .isEqualTo("7");
        assertThat(json.path("schemas").toString()).contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(json.path("emails")).as("one work address: Faxgate's own form").hasSize(1);

        ScimUserData two = ScimUserDocument.fromRequest(ScimJson.read("""
                {"userName":"dan@acme.test","emails":[{"value":"dan@home.test","type":"home"},{"value":"dan@acme.test","type":"work"}]}"""));
        assertThat(two.email()).isEqualTo("dan@acme.test");
        assertThat(ScimUserDocument.toJson(new ScimUserRecord(10, 1, two, Instant.EPOCH, Instant.EPOCH), BASE).path("emails"))
                .as("the second address is returned too").hasSize(2);
        assertThat(ScimUserDocument.fromRequest(ScimJson.read("{\"userName\":\"erin@acme.test\",\"name\":{\"givenName\":\"E\"}}"))
                .attributes()).as("nothing beyond what Faxgate stores").isNull();
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
        } catch (ScimProblem p) {
            return p.scimType();
        }
        throw new AssertionError("not refused");
    }

    private static String refusal(java.util.concurrent.Callable<?> c) {
        try {
            c.call();
        } catch (ScimProblem p) {
            return p.scimType();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }
}
