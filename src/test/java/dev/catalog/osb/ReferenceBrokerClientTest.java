package dev.catalog.osb;

import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.QUEUE_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.QUEUE_STANDARD_PLAN_ID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.Secret;
import dev.catalog.testbroker.ReferenceBroker;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the client ITs share: one reference broker per class on a fake clock that the recording
 * sleeper advances, so polling never really waits, and request builders for its two services.
 */
abstract class ReferenceBrokerClientTest {
  protected static final FakeClock clock = new FakeClock();
  protected static ReferenceBroker broker;

  protected final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @BeforeAll
  static void startBroker() {
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests("it-broker-pw", clock));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void resetFaults() {
    broker.faults().clear();
  }

  protected BrokerClient client(String prefix) {
    var connection =
        BrokerConnection.of(
            broker.baseUrl(prefix),
            BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(broker.password())));
    return BrokerClient.create(connection, HttpTrace.NONE, sleeper, clock, RetryPolicy.DEFAULT);
  }

  protected OperationPoller poller(BrokerClient client) {
    return new OperationPoller(client, clock, sleeper, PollingPolicy.DEFAULT);
  }

  protected static ProvisionRequest db(String plan, int storage) {
    var params = JsonNodeFactory.instance.objectNode().put("storage_gb", storage);
    return new ProvisionRequest(
        DB_SERVICE_ID,
        plan,
        Bodies.context(),
        "cluster-1",
        "shop",
        Optional.of(params),
        Optional.empty());
  }

  protected static ProvisionRequest queue() {
    return new ProvisionRequest(
        QUEUE_SERVICE_ID,
        QUEUE_STANDARD_PLAN_ID,
        Bodies.context(),
        "cluster-1",
        "shop",
        Optional.empty(),
        Optional.empty());
  }

  protected static String newId() {
    return UUID.randomUUID().toString();
  }
}
