package dev.catalog.osb;

import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static dev.catalog.testbroker.BrokerCatalog.QUEUE_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.QUEUE_STANDARD_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalog.Secret;
import dev.catalog.testbroker.FaultInjector.Timing;
import dev.catalog.testbroker.ReferenceBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Async failures, injected faults and retries against the reference broker. */
class BrokerFaultsIT extends ReferenceBrokerClientTest {

  @Test
  @DisplayName("P-25/OM row 3: an async provision ending failed calls for orphan mitigation")
  void asyncFailureIsReported() {
    var client = client("messaging");
    var id = newId();
    broker.ledger().failNextAsyncOperation();
    var accepted = (OsbResult.Accepted<InstanceResponse>) client.provision(id, queue());
    var outcome =
        poller(client)
            .await(
                PollTarget.instance(
                    OsbOperation.PROVISION,
                    id,
                    new LastOperationQuery(
                        new OfferingRef(QUEUE_SERVICE_ID, QUEUE_STANDARD_PLAN_ID),
                        accepted.operation())),
                clock.instant(),
                Optional.empty());
    assertThat(outcome.kind()).isEqualTo(PollOutcome.Kind.FAILED);
    assertThat(((PollOutcome.Failed) outcome).lastOperation().description())
        .contains("injected async failure");
    assertThat(OrphanMitigation.decide(OsbOperation.PROVISION, ResponseClass.LAST_OPERATION_FAILED))
        .isEqualTo(Mitigation.INSTANCE);
  }

  @Test
  @DisplayName("E-05: a 500 before the work leaves nothing behind at the broker")
  void serverErrorBeforeWorkChangesNothing() {
    var id = newId();
    broker.faults().failNext(1, "PUT", 500, Timing.BEFORE_WORK);
    var e =
        catchThrowableOfType(
            BrokerException.class, () -> client("data").provision(id, db(DB_SMALL_PLAN_ID, 5)));
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.description()).contains("injected 500");
    assertThat(broker.ledger().instance(id)).isEmpty();
  }

  @Test
  @DisplayName("OM row 17: a 502 after an unbind did the work; repeating the DELETE says gone")
  void gatewayErrorAfterUnbindIsRepeatedAsGone() {
    var client = client("data");
    var instanceId = newId();
    var bindingId = newId();
    client.provision(instanceId, db(DB_SMALL_PLAN_ID, 5));
    client.bind(
        instanceId, bindingId, BindRequest.of(DB_SERVICE_ID, DB_SMALL_PLAN_ID, Bodies.context()));
    broker.faults().failNext(1, "DELETE", 502, Timing.AFTER_WORK);
    var result =
        client.unbind(instanceId, bindingId, new OfferingRef(DB_SERVICE_ID, DB_SMALL_PLAN_ID));
    assertThat(result.kind()).isEqualTo(OsbResult.Kind.GONE);
    assertThat(sleeper.sleeps()).hasSize(1);
    assertThat(broker.ledger().binding(bindingId)).isEmpty();
  }

  @Test
  @DisplayName("E-06/OM-01/OM-05: a 500 after the work leaves an orphan that a DELETE removes")
  void serverErrorAfterWorkLeavesAnOrphanToMitigate() {
    var client = client("data");
    var id = newId();
    broker.faults().failNext(1, "PUT", 500, Timing.AFTER_WORK);
    var e =
        catchThrowableOfType(
            BrokerException.class, () -> client.provision(id, db(DB_SMALL_PLAN_ID, 5)));
    assertThat(OrphanMitigation.decide(e)).isEqualTo(Mitigation.INSTANCE);
    assertThat(broker.ledger().instance(id)).isPresent();

    var mitigation = client.deprovision(id, new OfferingRef(DB_SERVICE_ID, DB_SMALL_PLAN_ID));
    assertThat(mitigation.kind()).isEqualTo(OsbResult.Kind.COMPLETED);
    assertThat(broker.ledger().instance(id)).isEmpty();
  }

  @Test
  @DisplayName("4.2: the catalog GET is retried through two 503s")
  void retriesCatalogThroughServiceUnavailable() {
    broker.faults().failNext(2, "GET", 503, Timing.BEFORE_WORK);
    assertThat(client("data").catalog().services()).hasSize(1);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  @DisplayName("T-01/4.2: a broker slower than the request timeout is retried for a GET")
  void slowCatalogTimesOutAndIsRetried() {
    client("data").catalog(); // warm up, so only the injected delay is slow
    broker.faults().delayNext(Duration.ofSeconds(5));
    var connection =
        BrokerConnection.of(
                broker.baseUrl("data"),
                BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of(broker.password())))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
    var traced = new ArrayList<HttpExchange>();
    var client = BrokerClient.create(connection, traced::add, sleeper, clock, RetryPolicy.DEFAULT);
    assertThat(client.catalog().services()).hasSize(1);
    assertThat(traced.get(0).failure())
        .contains("no complete response within 1s (timeouts.request)");
    assertThat(traced.get(traced.size() - 1).status()).isEqualTo(200);
  }
}
