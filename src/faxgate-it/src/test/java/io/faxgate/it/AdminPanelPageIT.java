package io.faxgate.it;

import io.faxgate.it.browser.Browser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant admin panel in a real headless Chromium against the deployed EAR: one deployment and one browser per
 * test for all admin pages; each page's tests live in its own type ({@link SsoPageTests}, {@link LinesPageTests}, …).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPanelPageIT implements AdminStartPageTests, SsoPageTests, GroupsPageTests, LinesPageTests, UsersPageTests,
        UserPageTests, RoleMappingsPageTests, AuditPageTests, ScimTokensPageTests {

    private Browser browser;
    private String testName;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeEach
    void openBrowser(TestInfo info) {
        browser = Browser.open();
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.saveArtifacts(AdminPages.ARTIFACTS, getClass().getSimpleName() + "-" + testName);
            browser.close();
        }
    }

    @Override
    public Browser browser() {
        return browser;
    }
}
