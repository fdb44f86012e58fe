package dev.cognitoee.it.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its own chromedriver ({@code apt-get install chromium chromium-driver}): no
 * browser download, and none of the background traffic this closed network would refuse. The browser's profile is
 * a folder under {@code target/}, deleted on quit. Its temp files stay in the system temp folder, where Chromium
 * removes them when it stops: pointing TMPDIR under {@code target/} breaks it in a deep checkout, as its singleton
 * socket's path outgrows the 108 bytes a Unix socket path may have.
 */
public final class Chromium {

    // Debian's paths; the system properties exist so that the skip can be tried on a machine that has the browser.
    private static final Path BROWSER = Path.of(System.getProperty("cognitoee.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("cognitoee.chromedriver", "/usr/bin/chromedriver"));

    /**
     * Why the browser test is skipped when {@link #installed()} is false, and the command that installs the browser
     * (the build does not: it needs root; {@code .ci/run} does).
     */
    public static final String MISSING = "needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
            + "/usr/bin/chromedriver); install them with: sudo src/test/chromium/install.sh";

    private Chromium() {
    }

    /** Whether the browser and its driver are there (for {@code @EnabledIf}). */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Starts a headless browser with its profile in {@code profileDir}; {@code quit()} stops it, deletes that. */
    public static ChromeDriver start(Path profileDir) {
        if (!installed()) {
            throw new IllegalStateException("The browser test needs Debian's chromium and chromium-driver ("
                    + BROWSER + ", " + DRIVER + "): sudo src/test/chromium/install.sh");
        }
        try {
            Files.createDirectories(profileDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1200,900",
                        "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new SelfCleaningDriver(service, options, profileDir);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** A driver that deletes its browser's folder once the browser has stopped. */
    private static final class SelfCleaningDriver extends ChromeDriver {

        private final Path folder;

        SelfCleaningDriver(ChromeDriverService service, ChromeOptions options, Path folder) {
            super(service, options);
            this.folder = folder;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                deleteTree(folder);
            }
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
