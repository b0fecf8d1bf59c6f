package dev.catalog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast in-memory OSB broker for benchmarks (issue 7), on the JDK's built-in HTTP server. Every
 * path prefix {@code /bK} acts as its own broker with one service {@code db} (plan {@code small},
 * instances and bindings retrievable). Each request waits {@code latencyMs}; provision and
 * deprovision are asynchronous for {@code asyncSeconds} and answer {@code last_operation} with
 * {@code Retry-After: retryAfterSeconds}. {@code GET /_stats} returns the requests counted by
 * kind; {@code POST /_reset} zeroes them. Instances in {@code broker-seed.json} exist from start.
 *
 * <p>Usage: {@code FastBroker PORT LATENCY_MS ASYNC_SECONDS RETRY_AFTER_SECONDS [SEED_FILE]}.
 */
public final class FastBroker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final long latencyMs;
  private final long asyncMillis;
  private final int retryAfter;
  private final Map<String, JsonNode> instances = new ConcurrentHashMap<>();
  private final Map<String, Long> operationsDone = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  FastBroker(long latencyMs, long asyncMillis, int retryAfter) {
    this.latencyMs = latencyMs;
    this.asyncMillis = asyncMillis;
    this.retryAfter = retryAfter;
  }

  public static void main(String[] args) throws IOException {
    var broker =
        new FastBroker(
            Long.parseLong(args[1]), Long.parseLong(args[2]) * 1000, Integer.parseInt(args[3]));
    if (args.length > 4) {
      JSON.readTree(Files.readAllBytes(Path.of(args[4])))
          .fields()
          .forEachRemaining(e -> broker.instances.put(e.getKey(), e.getValue()));
    }
    // Without TCP_NODELAY the body waits for the ACK of the headers: Nagle against the client's
    // delayed ACK cost about 40 ms a request, so the broker, not catalog, bounded the refresh.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
    // Many threads: the latency is a sleep, so threads wait rather than compute.
    server.setExecutor(Executors.newFixedThreadPool(400));
    server.createContext("/", broker::handle);
    server.start();
    System.out.println("fast broker on port " + args[0] + ", " + broker.instances.size() + " seeded");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var path = exchange.getRequestURI().getPath();
      var method = exchange.getRequestMethod();
      if (path.equals("/_stats")) {
        var stats = new TreeMap<String, Long>();
        counts.forEach((k, v) -> stats.put(k, v.get()));
        respond(exchange, 200, JSON.writeValueAsBytes(stats), 0);
        return;
      }
      if (path.equals("/_reset")) {
        counts.clear();
        respond(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8), 0);
        return;
      }
      exchange.getRequestBody().readAllBytes();
      sleep(latencyMs);
      // path: /bK/v2/catalog | /bK/v2/service_instances/ID[/last_operation|/service_bindings/BID[/last_operation]]
      var parts = path.split("/");
      if (parts.length >= 4 && parts[3].equals("catalog")) {
        count("catalog");
        respond(exchange, 200, catalog(), 0);
      } else if (parts.length == 5) {
        instance(exchange, method, parts[4]);
      } else if (parts.length == 6 && parts[5].equals("last_operation")) {
        count("instance_last_operation");
        lastOperation(exchange, parts[4]);
      } else if (parts.length == 7) {
        binding(exchange, method, parts[4], parts[6]);
      } else if (parts.length == 8) {
        count("binding_last_operation");
        lastOperation(exchange, parts[4] + "/" + parts[6]);
      } else {
        count("unknown");
        respond(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8), 0);
      }
    }
  }

  private void instance(HttpExchange exchange, String method, String id) throws IOException {
    switch (method) {
      case "GET" -> {
        count("get_instance");
        var params = instances.get(id);
        if (params == null) {
          respond(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8), 0);
          return;
        }
        var body = JsonNodeFactory.instance.objectNode();
        body.put("service_id", CatalogGenerator.SERVICE_ID).put("plan_id", CatalogGenerator.PLAN_ID);
        body.set("parameters", params);
        respond(exchange, 200, JSON.writeValueAsBytes(body), 0);
      }
      case "PUT" -> {
        count("provision");
        instances.put(id, JsonNodeFactory.instance.objectNode());
        accepted(exchange, id);
      }
      case "PATCH" -> {
        count("update");
        accepted(exchange, id);
      }
      case "DELETE" -> {
        count("deprovision");
        instances.remove(id);
        accepted(exchange, id);
      }
      default -> respond(exchange, 405, "{}".getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  private void binding(HttpExchange exchange, String method, String id, String bindingId)
      throws IOException {
    switch (method) {
      case "GET" -> {
        count("get_binding");
        respond(exchange, 200, "{\"credentials\":{\"uri\":\"pg://x\"}}".getBytes(), 0);
      }
      case "PUT" -> {
        count("bind");
        respond(exchange, 201, "{\"credentials\":{\"uri\":\"pg://x\"}}".getBytes(), 0);
      }
      case "DELETE" -> {
        count("unbind");
        respond(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8), 0);
      }
      default -> respond(exchange, 405, "{}".getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  private void accepted(HttpExchange exchange, String key) throws IOException {
    if (asyncMillis == 0) {
      respond(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8), 0);
      return;
    }
    operationsDone.put(key, System.currentTimeMillis() + asyncMillis);
    respond(exchange, 202, "{\"operation\":\"op\"}".getBytes(StandardCharsets.UTF_8), 0);
  }

  private void lastOperation(HttpExchange exchange, String key) throws IOException {
    var done = operationsDone.getOrDefault(key, 0L);
    boolean finished = System.currentTimeMillis() >= done;
    var body = "{\"state\":\"" + (finished ? "succeeded" : "in progress") + "\"}";
    respond(exchange, 200, body.getBytes(StandardCharsets.UTF_8), finished ? 0 : retryAfter);
  }

  private byte[] catalog() throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    var service = root.putArray("services").addObject();
    service.put("id", CatalogGenerator.SERVICE_ID).put("name", "db");
    service.put("description", "benchmark database").put("bindable", true);
    service.put("instances_retrievable", true).put("bindings_retrievable", false);
    service.put("plan_updateable", true);
    var plan = service.putArray("plans").addObject();
    plan.put("id", CatalogGenerator.PLAN_ID).put("name", "small").put("description", "small");
    return JSON.writeValueAsBytes(root);
  }

  private void count(String kind) {
    counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, byte[] body, int retryAfter)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter > 0) {
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
