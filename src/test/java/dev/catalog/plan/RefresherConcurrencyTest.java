package dev.catalog.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.catalog.Secret;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.HttpTrace;
import dev.catalog.osb.RetryPolicy;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.State;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh reads each broker at most its configured {@code concurrency} at once, not the global
 * {@code --parallelism} (issue 7). Two brokers share one WireMock under path prefixes; a listener
 * counts the reads in flight per broker and holds each read until as many as the bound are in
 * flight, so reaching the bound is certain and going over it is seen.
 */
@Timeout(60)
class RefresherConcurrencyTest {
  private static final int READS_PER_BROKER = 12;

  private static final InFlightGate SLOW = new InFlightGate(2, READS_PER_BROKER);
  private static final InFlightGate FAST = new InFlightGate(3, READS_PER_BROKER);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .containerThreads(40)
                  .extensions(new GateListener()))
          .build();

  @Test
  void readsEachBrokerAtMostItsConcurrencyAtOnce() {
    wm.stubFor(
        get(urlPathMatching("/(slow|fast)/v2/service_instances/.*"))
            .willReturn(aResponse().withStatus(200).withBody("{\"plan_id\":\"plan-db-small\"}")));
    var state = PlanFixtures.empty();
    for (int i = 0; i < READS_PER_BROKER; i++) {
      state = state.with(PlanFixtures.instance("slow-" + i, "slow", DB, SMALL, "{}", null));
      state = state.with(PlanFixtures.instance("fast-" + i, "fast", DB, SMALL, "{}", null));
    }
    var clients = Map.of("slow", client("/slow"), "fast", client("/fast"));
    var refresher =
        new Refresher(name -> Optional.ofNullable(clients.get(name)), 10, Map.of("slow", 2));

    var refreshed = refreshBoth(state, refresher);

    assertThat(refreshed.live(Address.instance("slow-11")).orElseThrow().status())
        .isEqualTo(Status.FOUND);
    assertThat(SLOW.maxInFlight()).isEqualTo(2);
    // "fast" is not in the map: the default concurrency 10, here under the gate's hold of 3.
    assertThat(FAST.maxInFlight()).isGreaterThanOrEqualTo(3);
    assertThat(SLOW.completed() + FAST.completed()).isEqualTo(2 * READS_PER_BROKER);
  }

  private static Refreshed refreshBoth(State state, Refresher refresher) {
    var acme = TestCatalogs.acme();
    return refresher.refresh(state, Map.of("slow", acme, "fast", acme));
  }

  private static BrokerClient client(String prefix) {
    var connection =
        BrokerConnection.of(
            URI.create(wm.baseUrl() + prefix), BrokerAuth.basic("admin", Secret.of("pw-gate")));
    return BrokerClient.create(
        connection, HttpTrace.NONE, d -> {}, Clock.systemUTC(), RetryPolicy.NONE);
  }

  /** Routes each request to the gate of its broker's path prefix. */
  static final class GateListener implements ServeEventListener {
    @Override
    public String getName() {
      return "in-flight-gate";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      gate(event).ifPresent(InFlightGate::arrive);
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
      // Before the response is written, so the client cannot send its next read before this.
      gate(event).ifPresent(InFlightGate::leave);
    }

    private static Optional<InFlightGate> gate(ServeEvent event) {
      var url = event.getRequest().getUrl();
      if (!url.contains("/v2/service_instances/")) {
        return Optional.empty();
      }
      return Optional.of(url.startsWith("/slow/") ? SLOW : FAST);
    }
  }

  /**
   * Counts reads in flight and holds each until {@code hold} are in flight (or all that are left),
   * so a correct refresher reaches exactly its bound and an unbounded one piles up past it.
   */
  static final class InFlightGate {
    private final int hold;
    private final int total;
    private int inFlight;
    private int maxInFlight;
    private int completed;

    InFlightGate(int hold, int total) {
      this.hold = hold;
      this.total = total;
    }

    synchronized void arrive() {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      notifyAll();
      while (inFlight < Math.min(hold, total - completed)) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    synchronized void leave() {
      inFlight--;
      completed++;
      notifyAll();
    }

    synchronized int maxInFlight() {
      return maxInFlight;
    }

    synchronized int completed() {
      return completed;
    }
  }
}
