package io.faxgate.it.browser;

import org.openqa.selenium.By;

/** Keycloak's own sign-in form (theme "keycloak.v2" of Keycloak 26), as a user fills it in. */
public final class KeycloakLoginPage {

    public static final By USERNAME = By.id("username");
    public static final By PASSWORD = By.id("password");
    public static final By SUBMIT = By.id("kc-login");
    /** The error text Keycloak shows on a wrong password or a disabled user. */
    public static final By ERROR = By.cssSelector("#input-error, .kc-feedback-text, .pf-m-danger");

    private KeycloakLoginPage() {
    }

    /** Whether the browser is on Keycloak's sign-in form now. */
    public static boolean isShown(Browser browser) {
        return !browser.driver().findElements(USERNAME).isEmpty() && !browser.driver().findElements(PASSWORD).isEmpty();
    }

    /** Waits for the form, fills in username and password and submits; does not wait for what follows. */
    public static void signIn(Browser browser, String username, String password) {
        browser.type(USERNAME, username);
        browser.type(PASSWORD, password);
        browser.click(SUBMIT);
    }
}
