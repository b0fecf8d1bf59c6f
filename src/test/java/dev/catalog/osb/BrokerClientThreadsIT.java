package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A refresh sends one request per instance, so what each exchange costs beyond the network counts
 * 10,000 times (issue 18). {@code HttpClient.sendAsync} completed every response through {@code
 * CompletableFuture}'s default executor, which on a machine of two cores or fewer starts a new
 * thread per task: a 10,000-instance refresh started 10,019 threads. Requests in a row reuse the
 * client's own threads.
 */
class BrokerClientThreadsIT extends ReferenceBrokerClientTest {
  private static final int REQUESTS = 100;

  @Test
  void aHundredRequestsInARowStartFewerThanTenThreadsInTheWholeProcess() {
    var client = client("threads");
    client.catalog();
    var threads = ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();

    for (int i = 0; i < REQUESTS; i++) {
      assertThat(client.catalog().services()).isNotEmpty();
    }

    assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(10);
  }
}
