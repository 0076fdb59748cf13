package io.faxgate.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.access.entity.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The admin tool's permission set has one source, {@link Permission#adminTool()}: pages and the landing redirect ask
 * {@link AdminToolAccess}; web.xml cannot call code, so this test holds its {@code /admin/*} constraint to the set.
 */
class AdminToolRolesTest {

    private static HttpServletRequest holding(Set<String> roles) {
        return (HttpServletRequest) Proxy.newProxyInstance(AdminToolRolesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isUserInRole" -> roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void everyAdminToolPermissionAloneReachesTheAdminTool() {
        for (Permission p : Permission.adminTool()) {
            assertThat(AdminToolAccess.reachableBy(holding(Set.of("TENANT_MEMBER", p.name())))).as(p.name()).isTrue();
        }
        assertThat(AdminToolAccess.reachableBy(holding(Set.of("TENANT_MEMBER", "MANAGE_SCIM_TOKENS"))))
                .as("the one the start page forgot").isTrue();
        assertThat(AdminToolAccess.reachableBy(holding(Set.of("TENANT_MEMBER", "VIEW_FAXES", "SEND_FAXES")))).isFalse();
    }

    @Test
    void webXmlAdminConstraintIsExactlyTheAdminToolPermissions() throws Exception {
        Document webXml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Files.newInputStream(Path.of("src/main/webapp/WEB-INF/web.xml")));
        NodeList constraints = webXml.getElementsByTagName("security-constraint");
        List<String> adminRoles = null;
        for (int i = 0; i < constraints.getLength(); i++) {
            Element constraint = (Element) constraints.item(i);
            if (texts(constraint, "url-pattern").contains("/admin/*")) {
                adminRoles = texts(constraint, "role-name");
            }
        }
        Set<String> expected = Permission.adminTool().stream().map(Enum::name).collect(Collectors.toSet());
        assertThat(adminRoles).as("roles of the /admin/* constraint").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(texts(webXml.getDocumentElement(), "role-name")).as("every permission is a declared role")
                .containsAll(java.util.Arrays.stream(Permission.values()).map(Enum::name).toList());
    }

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }
}
