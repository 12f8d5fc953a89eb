package org.dudao.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for browser tests, with a fresh profile. Skips the test where Chromium is
 * not installed, unless {@code DUDAO_REQUIRE_BROWSER=true} (as in CI), where its absence fails.
 */
public final class BrowserSession implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final int port;
    public final ChromeDriver driver;

    public static void requireBrowser() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("DUDAO_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(
                    "DUDAO_REQUIRE_BROWSER=true but /usr/bin/chromium or chromedriver is missing");
        }
        assumeTrue(present, "Chromium not installed: browser tests skipped");
    }

    public BrowserSession(int port) throws IOException {
        this.port = port;
        this.profile = Files.createTempDirectory("dudao-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 2000));
    }

    public void login(DemoAccounts demo, String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(demo.password(username));
        driver.findElement(By.id("loginButton")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /**
     * Scrolls the element to the middle of the window first: a long page puts buttons below the fold.
     * Instantly: Bootstrap's smooth scrolling would otherwise still be moving the page at the click.
     */
    public void click(By by) {
        var element = driver.findElement(by);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    public <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    public void screenshot(String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
