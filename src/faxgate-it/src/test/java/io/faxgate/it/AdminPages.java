package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.browser.Browser;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Helpers for the admin panel's browser tests: tenants with an admin, signing in, screenshots, CSP checks. */
public final class AdminPages {

    /** docs/screenshots of the repository (failsafe runs in src/faxgate-it). */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("faxgate.it.screenshots", "../../docs/screenshots"));
    public static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

    private AdminPages() {
    }

    /** A tenant and its admin, created through the operator API. */
    public record TenantAdmin(String slug, String username, String password) {
        public FaxgateApi api() {
            return FaxgateApi.as(username, password);
        }
    }

    public static TenantAdmin tenantWithAdmin(String prefix, boolean ssoAllowed) {
        return tenantWithAdmin(prefix, ssoAllowed, false);
    }

    /** With {@code breakGlass}, the admin's password keeps working after SSO is enabled for the admin tool. */
    public static TenantAdmin tenantWithAdmin(String prefix, boolean ssoAllowed, boolean breakGlass) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String slug = prefix + "-" + id;
        String username = "admin-" + id;
        String password = "admin-password-" + id;
        FaxgateApi operator = FaxgateApi.operator();
        var created = operator.post("/api/v1/tenants", body("slug", slug, "name", "Company " + id, "ssoAllowed", ssoAllowed));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var admin = operator.post("/api/v1/tenants/" + slug + "/admins", body("username", username, "password", password, "breakGlass", breakGlass));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
        return new TenantAdmin(slug, username, password);
    }

    /** Signs in through /login.xhtml, as a person would. */
    public static void signIn(Browser browser, String username, String password) {
        browser.get(FaxgateApi.BASE_URL + "/login.xhtml");
        browser.type(By.id("signIn:username"), username);
        browser.type(By.id("signIn:password"), password);
        browser.click(By.id("signIn:submit"));
        // operators land on their overview, everyone else on the start page
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(FaxgateApi.BASE_URL + "/index.xhtml")
                || d.getCurrentUrl().startsWith(FaxgateApi.BASE_URL + "/operator/overview.xhtml"));
    }

    public static void open(Browser browser, String page) {
        browser.get(FaxgateApi.BASE_URL + page);
        browser.waitFor(By.id("main"));
    }

    /** Sets a (long) text field's value directly; typing 2 KB of PEM key by key is slow and proves nothing more. */
    public static void setValue(Browser browser, By field, String value) {
        WebElement element = browser.waitFor(field);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", element, value);
    }

    /** The text of the element once it contains {@code expected}. */
    public static String waitForText(Browser browser, By by, String expected) {
        return browser.waitUntil(d -> {
            try {
                List<WebElement> found = d.findElements(by);
                String text = found.isEmpty() ? null : found.get(0).getText();
                return text != null && text.contains(expected) ? text : null;
            } catch (org.openqa.selenium.StaleElementReferenceException replacedByAjax) {
                return null; // the element was re-rendered meanwhile: look again
            }
        });
    }

    /**
     * Chooses an option of a PrimeFaces selectOneMenu with the keyboard, as a keyboard user does: focus the combobox
     * and type the start of the option (type-ahead). Also proves the menu is keyboard-usable.
     */
    public static void selectOne(Browser browser, String menuId, String option) {
        browser.waitFor(By.id(menuId + "_label")).sendKeys(option);
        waitForText(browser, By.id(menuId + "_label"), option);
    }

    public static void screenshot(Browser browser, String name) {
        browser.fullPageScreenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    /** No Content-Security-Policy violation (or other script error) in the console since the last look. */
    public static void assertNoConsoleErrors(Browser browser) {
        List<String> messages = browser.consoleMessages();
        assertThat(messages).as("browser console").noneMatch(m -> m.contains("Content Security Policy")
                || m.contains("Content-Security-Policy") || m.startsWith("SEVERE") && m.contains("Uncaught"));
    }
}
