package dev.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.bench.BlockingHttpServer.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark broker's HTTP server answers what the JDK client sends, request after request. */
@Timeout(30)
class BlockingHttpServerTest {
  @Test
  void answersRequestsWithAndWithoutBodiesOneAfterAnother() throws Exception {
    var seen = new CopyOnWriteArrayList<String>();
    int port =
        BlockingHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            8,
            true,
            request -> {
              var body = new String(request.body(), StandardCharsets.UTF_8);
              seen.add(request.method() + " " + request.path() + " " + body);
              return request.method().equals("PUT")
                  ? new Response(202, "{\"operation\":\"op\"}".getBytes(StandardCharsets.UTF_8), 3)
                  : Response.json(200, "{\"seen\":" + seen.size() + "}");
            });
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var base = "http://127.0.0.1:" + port + "/b0/v2/service_instances/i1";

    var get = HttpRequest.newBuilder(URI.create(base)).build();
    var first = client.send(get, BodyHandlers.ofString());
    var put =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "?accepts_incomplete=true"))
                .PUT(BodyPublishers.ofString("{\"plan_id\":\"p\"}"))
                .build(),
            BodyHandlers.ofString());
    var last = client.send(get, BodyHandlers.ofString());

    assertThat(List.of(first.statusCode(), put.statusCode(), last.statusCode()))
        .containsExactly(200, 202, 200);
    assertThat(List.of(first.body(), put.body(), last.body()))
        .containsExactly("{\"seen\":1}", "{\"operation\":\"op\"}", "{\"seen\":3}");
    assertThat(put.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(seen)
        .containsExactly(
            "GET /b0/v2/service_instances/i1 ",
            "PUT /b0/v2/service_instances/i1 {\"plan_id\":\"p\"}",
            "GET /b0/v2/service_instances/i1 ");
  }
}
