package dev.catalog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.bench.BlockingHttpServer.Request;
import dev.catalog.bench.BlockingHttpServer.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast in-memory OSB broker for benchmarks (issue 7), on {@link BlockingHttpServer}. Every
 * path prefix {@code /bK} acts as its own broker with one service {@code db} (plan {@code small},
 * instances and bindings retrievable). Each response is sent at least {@code latencyMs} after its
 * request was read (a sleep on the connection's own thread); provision and
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
    BlockingHttpServer.start(
        new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512, false, broker::handle);
    System.out.println("fast broker on port " + args[0] + ", " + broker.instances.size() + " seeded");
  }

  private Response handle(Request request) throws IOException {
    var path = request.path();
    var method = request.method();
    if (path.equals("/_stats")) {
      var stats = new TreeMap<String, Long>();
      counts.forEach((k, v) -> stats.put(k, v.get()));
      return new Response(200, JSON.writeValueAsBytes(stats), 0);
    }
    if (path.equals("/_reset")) {
      counts.clear();
      return Response.json(200, "{}");
    }
    sleep(latencyMs);
    // path: /bK/v2/catalog | /bK/v2/service_instances/ID[/last_operation|/service_bindings/BID[/last_operation]]
    var parts = path.split("/");
    if (parts.length >= 4 && parts[3].equals("catalog")) {
      count("catalog");
      return new Response(200, catalog(), 0);
    } else if (parts.length == 5) {
      return instance(method, parts[4]);
    } else if (parts.length == 6 && parts[5].equals("last_operation")) {
      count("instance_last_operation");
      return lastOperation(parts[4]);
    } else if (parts.length == 7) {
      return binding(method);
    } else if (parts.length == 8) {
      count("binding_last_operation");
      return lastOperation(parts[4] + "/" + parts[6]);
    }
    count("unknown");
    return Response.json(404, "{}");
  }

  private Response instance(String method, String id) throws IOException {
    switch (method) {
      case "GET" -> {
        count("get_instance");
        var params = instances.get(id);
        if (params == null) {
          return Response.json(404, "{}");
        }
        var body = JsonNodeFactory.instance.objectNode();
        body.put("service_id", CatalogGenerator.SERVICE_ID).put("plan_id", CatalogGenerator.PLAN_ID);
        body.set("parameters", params);
        return new Response(200, JSON.writeValueAsBytes(body), 0);
      }
      case "PUT" -> {
        count("provision");
        instances.put(id, JsonNodeFactory.instance.objectNode());
        return accepted(id);
      }
      case "PATCH" -> {
        count("update");
        return accepted(id);
      }
      case "DELETE" -> {
        count("deprovision");
        instances.remove(id);
        return accepted(id);
      }
      default -> {
        return Response.json(405, "{}");
      }
    }
  }

  private Response binding(String method) {
    return switch (method) {
      case "GET" -> {
        count("get_binding");
        yield Response.json(200, "{\"credentials\":{\"uri\":\"pg://x\"}}");
      }
      case "PUT" -> {
        count("bind");
        yield Response.json(201, "{\"credentials\":{\"uri\":\"pg://x\"}}");
      }
      case "DELETE" -> {
        count("unbind");
        yield Response.json(200, "{}");
      }
      default -> Response.json(405, "{}");
    };
  }

  private Response accepted(String key) {
    if (asyncMillis == 0) {
      return Response.json(200, "{}");
    }
    operationsDone.put(key, System.currentTimeMillis() + asyncMillis);
    return Response.json(202, "{\"operation\":\"op\"}");
  }

  private Response lastOperation(String key) {
    var done = operationsDone.getOrDefault(key, 0L);
    boolean finished = System.currentTimeMillis() >= done;
    var body = "{\"state\":\"" + (finished ? "succeeded" : "in progress") + "\"}";
    return new Response(
        200, body.getBytes(StandardCharsets.UTF_8), finished ? 0 : retryAfter);
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
}
