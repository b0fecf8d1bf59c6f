package dev.catalog.testbrowser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

/**
 * A Chromium driven through chromedriver's W3C WebDriver API on loopback: load a page, type into an
 * element, press keys, run a script. Plain HTTP with JSON, so no WebDriver client library is
 * needed.
 */
public final class WebDriverSession implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;

  private WebDriverSession(Process driver, String base) throws IOException, InterruptedException {
    this.driver = driver;
    this.base = base;
    var options = JSON.createObjectNode();
    options.put("binary", HeadlessChromium.BROWSER.toString());
    var args = options.putArray("args");
    HeadlessChromium.flags(Files.createTempDirectory("chromium-profile")).forEach(args::add);
    args.add("--window-size=1200,900");
    var body = JSON.createObjectNode();
    body.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
    this.session = post("/session", body).path("sessionId").asText();
  }

  /** Starts chromedriver on a free loopback port and a headless Chromium session. */
  public static WebDriverSession start() throws IOException, InterruptedException {
    HeadlessChromium.require();
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var driver =
        new ProcessBuilder(
                HeadlessChromium.DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    var base = "http://127.0.0.1:" + port;
    awaitReady(base, driver);
    return new WebDriverSession(driver, base);
  }

  private static void awaitReady(String base, Process driver) throws InterruptedException {
    var client = HttpClient.newHttpClient();
    var deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (JSON.readTree(response.body()).at("/value/ready").asBoolean()) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    driver.destroyForcibly();
    throw new IllegalStateException("chromedriver did not become ready within 30 s");
  }

  /** Loads {@code url} and waits for its load event. */
  public void open(String url) throws IOException, InterruptedException {
    post(path("/url"), JSON.createObjectNode().put("url", url));
  }

  /** Types {@code text} into the element {@code css} selects (WebDriver key codes allowed). */
  public void type(String css, String text) throws IOException, InterruptedException {
    post(path("/element/" + element(css) + "/value"), JSON.createObjectNode().put("text", text));
  }

  /** Clicks the element {@code css} selects. */
  public void click(String css) throws IOException, InterruptedException {
    post(path("/element/" + element(css) + "/click"), JSON.createObjectNode());
  }

  /** Runs {@code script} (a function body) in the page and returns its result. */
  public JsonNode script(String script) throws IOException, InterruptedException {
    var body = JSON.createObjectNode().put("script", script);
    body.putArray("args");
    return post(path("/execute/sync"), body);
  }

  private String element(String css) throws IOException, InterruptedException {
    var body = JSON.createObjectNode().put("using", "css selector").put("value", css);
    return post(path("/element"), body).path(ELEMENT).asText();
  }

  private String path(String suffix) {
    return "/session/" + session + suffix;
  }

  private JsonNode post(String path, ObjectNode body) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    var value = JSON.readTree(response.body()).path("value");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("WebDriver " + path + ": " + value.path("message").asText());
    }
    return value;
  }

  @Override
  public void close() {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(base + path(""))).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      // the driver is stopped below either way
    } finally {
      driver.destroy();
    }
  }
}
