package dev.catalog.testbrowser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver} (.ci/run
 * installs them). Tests skip without them, except under {@code CI=true}, where a skipped browser
 * test would hide a broken page.
 */
public final class HeadlessChromium {
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Skips the test (or fails it under CI=true) when Chromium or its driver is not installed. */
  public static void require() {
    var present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true and the browser tests cannot run: install the Debian packages chromium and"
              + " chromium-driver (.ci/run does)");
    }
    assumeTrue(present, "chromium and chromium-driver are not installed; browser tests skipped");
  }

  /**
   * The flags of every run: no network of its own (no updates, sync or QUIC), no GPU, no sandbox
   * (tests run as root in containers) and a fresh profile.
   */
  public static List<String> flags(Path profile) {
    return List.of(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--user-data-dir=" + profile);
  }

  /** Writes a PNG of {@code url} at {@code width}x{@code height} CSS pixels. */
  public static void screenshot(String url, Path png, int width, int height)
      throws IOException, InterruptedException {
    var profile = Files.createTempDirectory("chromium-profile");
    var command = new ArrayList<String>();
    command.add(BROWSER.toString());
    command.addAll(flags(profile));
    command.add("--window-size=" + width + "," + height);
    command.add("--screenshot=" + png.toAbsolutePath());
    command.add(url);
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not take the screenshot within 60 s");
    }
  }
}
