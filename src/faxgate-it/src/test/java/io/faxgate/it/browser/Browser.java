package io.faxgate.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for end-to-end tests, driven by Selenium: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (override with system properties {@code faxgate.it.chromium} /
 * {@code faxgate.it.chromedriver}), never a downloaded browser. Every instance has its own fresh profile
 * (cookies, storage) in a temporary directory deleted on {@link #close()}.
 *
 * <p>Waiting: explicit waits ({@link #waitFor}, {@link #waitUntil}, {@link #waitForUrl}) with {@link #DEFAULT_WAIT};
 * the implicit wait is 0 unless {@link #open(Duration)} sets one — Selenium advises against mixing both, since the
 * two then add up in unpredictable ways.
 */
public final class Browser implements AutoCloseable {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y chromium chromium-driver";

    /** Selenium 4.49 knows CDP up to 153; Debian's Chromium is newer. Nothing here uses CDP: silence the warning. */
    private static final java.util.logging.Logger CDP_VERSION_LOGGER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path userDataDir;
    private final WebDriverWait wait;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path userDataDir) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.downloads = userDataDir.resolve("downloads");
        this.wait = new WebDriverWait(driver, DEFAULT_WAIT);
    }

    /** A new headless browser with a fresh profile and no implicit wait. */
    public static Browser open() {
        return open(Duration.ZERO);
    }

    /** A new headless browser whose element look-ups wait up to {@code implicitWait}. */
    public static Browser open(Duration implicitWait) {
        Path chromium = Path.of(System.getProperty("faxgate.it.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("faxgate.it.chromedriver", "/usr/bin/chromedriver"));
        for (Path executable : new Path[] {chromium, chromedriver}) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " not found. End-to-end tests need the Debian packages "
                        + "chromium and chromium-driver: " + INSTALL_HINT);
            }
        }
        Path userDataDir;
        try {
            userDataDir = Files.createTempDirectory("faxgate-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--window-size=1280,900",
                "--user-data-dir=" + userDataDir);
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        // Downloads land in the profile's own directory (see downloads()), without a prompt.
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", userDataDir.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        // The console (e.g. Content-Security-Policy violations) is readable through consoleMessages().
        org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.setImplicitWaitTimeout(implicitWait);
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort();
        Path log = driverLog();
        if (log != null) {
            service.withLogFile(log.toFile()).withAppendLog(true);
        }
        try {
            return new Browser(new ChromeDriver(service.build(), options), userDataDir);
        } catch (RuntimeException e) {
            deleteRecursively(userDataDir);
            throw new IllegalStateException("cannot start headless Chromium (" + chromium + " via " + chromedriver
                    + "); if the packages are missing or mismatched: " + INSTALL_HINT, e);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** target/chromedriver.log when running from the module directory (as failsafe does); else no log. */
    private static Path driverLog() {
        Path target = Path.of("target");
        return Files.isDirectory(target) ? target.resolve("chromedriver.log") : null;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** The element once visible, waiting up to {@link #DEFAULT_WAIT}. */
    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Any explicit condition, e.g. {@code ExpectedConditions.titleIs(..)}, waiting up to {@link #DEFAULT_WAIT}. */
    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    public <T> T waitUntil(Function<? super WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Waits until the current URL starts with {@code prefix}. */
    public String waitForUrl(String prefix) {
        waitUntil(d -> d.getCurrentUrl().startsWith(prefix));
        return currentUrl();
    }

    /** Types into a field (cleared first). */
    public Browser type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Saves a PNG of the viewport to {@code file} (parent directories created); returns {@code file}. */
    public Path screenshot(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a failing test: {@code dir/name.png} and {@code dir/name.html} (page source and URL). Never throws. */
    public void saveArtifacts(Path dir, String name) {
        try {
            screenshot(dir.resolve(name + ".png"));
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + currentUrl() + " -->\n" + pageSource());
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save browser artifacts " + name + ": " + e);
        }
    }

    /** Where this browser saves downloads (inside its temporary profile). */
    public Path downloads() {
        return downloads;
    }

    /** The browser console's messages since the last call (Chromium's log; e.g. CSP violations are SEVERE). */
    public java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** A PNG of the whole page (the window is stretched to the page's height for the shot, then restored). */
    public Path fullPageScreenshot(Path file) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        Object height = driver.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        int h = Math.min(6000, Math.max(before.getHeight(), ((Number) height).intValue() + 120));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), h));
        driver.executeScript("window.scrollTo(0, 0)");
        try {
            return screenshot(file);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Forgets all cookies of the current site (e.g. to start a sign-in from scratch). */
    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(userDataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a crashed Chromium may still hold files; the temp directory is disposable
        }
    }
}
