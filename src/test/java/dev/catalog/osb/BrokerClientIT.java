package dev.catalog.osb;

import static dev.catalog.testbroker.BrokerCatalog.DB_LARGE_PLAN_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.DB_SMALL_PLAN_ID;
import static dev.catalog.testbroker.BrokerCatalog.QUEUE_SERVICE_ID;
import static dev.catalog.testbroker.BrokerCatalog.QUEUE_STANDARD_PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalog.Secret;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client end to end against the Spring Cloud OSB reference broker. */
class BrokerClientIT extends ReferenceBrokerClientTest {

  @Test
  @DisplayName("C-02..C-11: each platform prefix serves its own catalog")
  void readsTheCatalogUnderEachPlatformPrefix() {
    var data = client("data").catalog();
    var db = data.service("db").orElseThrow();
    var small = db.plan("small").orElseThrow();
    assertThat(data.services()).hasSize(1);
    assertThat(db.displayName()).contains("Database");
    assertThat(db.planUpdateable(small)).isTrue();
    assertThat(db.instancesRetrievable()).isTrue();
    assertThat(db.bindingsRetrievable()).isTrue();
    assertThat(small.schemas().instanceCreate().orElseThrow().at("/properties/storage_gb/maximum"))
        .hasToString("100");
    assertThat(small.maintenanceInfo().orElseThrow().version()).isEqualTo("1.0.0");

    var messaging = client("messaging").catalog();
    assertThat(messaging.services()).hasSize(1);
    var queue = messaging.service("queue").orElseThrow();
    assertThat(queue.plan("standard").orElseThrow().maximumPollingDuration())
        .contains(Duration.ofHours(1));

    var streams = client("streams").catalog();
    assertThat(streams.services()).hasSize(1);
    var stream = streams.service("stream").orElseThrow();
    assertThat(stream.bindingsRetrievable()).isTrue();

    assertThat(client("").catalog().services()).hasSize(3);
  }

  @Test
  @DisplayName("PR-08/U-14/F-04/B-08/F-11/UB-02/D-04/D-05: a synchronous lifecycle")
  void runsTheSynchronousLifecycle() {
    var client = client("data");
    var instanceId = newId();
    var bindingId = newId();

    var created = client.provision(instanceId, db(DB_SMALL_PLAN_ID, 20));
    assertThat(created.kind()).isEqualTo(OsbResult.Kind.COMPLETED);
    assertThat(((OsbResult.Completed<InstanceResponse>) created).status()).isEqualTo(201);
    assertThat(broker.ledger().instance(instanceId).orElseThrow().parameters())
        .isEqualTo(Map.of("storage_gb", 20));

    var update =
        new UpdateRequest(
            DB_SERVICE_ID,
            Optional.of(DB_LARGE_PLAN_ID),
            Bodies.context(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(DB_SMALL_PLAN_ID),
            Optional.empty());
    assertThat(client.update(instanceId, update).kind()).isEqualTo(OsbResult.Kind.COMPLETED);
    var fetched = client.fetchInstance(instanceId, Optional.empty()).orElseThrow();
    assertThat(fetched.planId()).contains(DB_LARGE_PLAN_ID);

    var bound =
        (OsbResult.Completed<BindingDetails>)
            client.bind(
                instanceId,
                bindingId,
                BindRequest.of(DB_SERVICE_ID, DB_LARGE_PLAN_ID, Bodies.context()));
    var credentials = bound.value().credentials().reveal();
    var ledgerBinding = broker.ledger().binding(bindingId).orElseThrow();
    assertThat(credentials.get("password").asText())
        .isEqualTo(ledgerBinding.credentials().get("password"));
    assertThat(bound.value().credentials().keys())
        .containsExactlyInAnyOrder("uri", "username", "password");
    var fetchedBinding = client.fetchBinding(instanceId, bindingId, Optional.empty()).orElseThrow();
    assertThat(fetchedBinding.credentials()).isEqualTo(bound.value().credentials());

    var offering = new OfferingIds(DB_SERVICE_ID, DB_LARGE_PLAN_ID);
    assertThat(client.unbind(instanceId, bindingId, offering).kind())
        .isEqualTo(OsbResult.Kind.COMPLETED);
    assertThat(client.fetchBinding(instanceId, bindingId, Optional.empty())).isEmpty();
    assertThat(client.unbind(instanceId, bindingId, offering).kind())
        .isEqualTo(OsbResult.Kind.GONE);
    assertThat(client.deprovision(instanceId, offering).kind()).isEqualTo(OsbResult.Kind.COMPLETED);
    assertThat(client.fetchInstance(instanceId, Optional.empty())).isEmpty();
    assertThat(client.deprovision(instanceId, offering).kind()).isEqualTo(OsbResult.Kind.GONE);
    assertThat(broker.ledger().instance(instanceId)).isEmpty();
  }

  @Test
  @DisplayName("PR-09/PR-12: an identical re-PUT succeeds; a different one is a conflict")
  void replayedProvisionIsIdempotent() {
    var client = client("data");
    var id = newId();
    client.provision(id, db(DB_SMALL_PLAN_ID, 10));
    var again = client.provision(id, db(DB_SMALL_PLAN_ID, 10));
    assertThat(((OsbResult.Completed<InstanceResponse>) again).status()).isEqualTo(200);
    var different = client.provision(id, db(DB_SMALL_PLAN_ID, 11));
    assertThat(((OsbResult.Refused<InstanceResponse>) different).refusal())
        .isEqualTo(Refusal.CONFLICT);
  }

  @Test
  @DisplayName("E-04: a broker refusal names the operation, status and description")
  void rejectedParametersCarryTheDescription() {
    var id = newId();
    var e =
        catchThrowableOfType(
            BrokerException.class, () -> client("data").provision(id, db(DB_SMALL_PLAN_ID, 101)));
    assertThat(e.getMessage())
        .isEqualTo(
            "provision instance \""
                + id
                + "\": broker returned 400 Bad Request: \"Service broker parameters are invalid:"
                + " storage_gb must be at most 100\" [request "
                + e.requestId()
                + "]");
    assertThat(OrphanMitigationTable.decide(e)).isEqualTo(Mitigation.NONE);
    assertThat(broker.ledger().instance(id)).isEmpty();
  }

  @Test
  @DisplayName("P-04/P-05/P-10/P-11: an async provision is polled until it succeeds")
  void pollsAnAsyncProvisionUntilSucceeded() {
    var client = client("messaging");
    var id = newId();
    var started = clock.instant();
    var accepted = (OsbResult.Accepted<InstanceResponse>) client.provision(id, queue());
    assertThat(accepted.operation()).isPresent();
    assertThat(accepted.dashboardUrl()).contains("http://dashboard.example/instances/" + id);
    assertThat(broker.ledger().instance(id).orElseThrow().status())
        .isEqualTo(LedgerInstance.Status.CREATING);

    var target =
        PollTarget.instance(
            OsbOperation.PROVISION,
            id,
            new LastOperationQuery(
                new OfferingIds(QUEUE_SERVICE_ID, QUEUE_STANDARD_PLAN_ID), accepted.operation()));
    var outcome = poller(client).await(target, started, Optional.of(Duration.ofHours(1)));

    assertThat(outcome).isEqualTo(new PollOutcome.Succeeded(Optional.of("done")));
    assertThat(broker.ledger().instance(id).orElseThrow().status())
        .isEqualTo(LedgerInstance.Status.READY);
    assertThat(sleeper.sleeps()).isNotEmpty();
  }

  @Test
  @DisplayName("P-16/D-04: an async deprovision ends with 410, which is success")
  void asyncDeprovisionEndsGone() {
    var client = client("messaging");
    var id = newId();
    var offering = new OfferingIds(QUEUE_SERVICE_ID, QUEUE_STANDARD_PLAN_ID);
    var created = (OsbResult.Accepted<InstanceResponse>) client.provision(id, queue());
    poller(client)
        .await(
            PollTarget.instance(
                OsbOperation.PROVISION, id, new LastOperationQuery(offering, created.operation())),
            clock.instant(),
            Optional.empty());

    var deleting = (OsbResult.Accepted<NoContent>) client.deprovision(id, offering);
    var outcome =
        poller(client)
            .await(
                PollTarget.instance(
                    OsbOperation.DEPROVISION,
                    id,
                    new LastOperationQuery(offering, deleting.operation())),
                clock.instant(),
                Optional.empty());
    assertThat(outcome).isEqualTo(new PollOutcome.Gone());
    assertThat(broker.ledger().instance(id)).isEmpty();
  }

  @Test
  @DisplayName("H-04/H-06: a wrong password is a 401 with no retry")
  void wrongPasswordIsUnauthorized() {
    var connection =
        BrokerConnection.of(
            broker.baseUrl("data"), BrokerAuth.basic(ReferenceBroker.USERNAME, Secret.of("wrong")));
    var client =
        BrokerClient.create(connection, HttpTrace.NONE, sleeper, clock, RetryPolicy.DEFAULT);
    var e = catchThrowableOfType(BrokerException.class, client::catalog);
    assertThat(e.getMessage())
        .isEqualTo(
            "fetch catalog: broker returned 401 Unauthorized:"
                + " \"bad or missing credentials\" [request "
                + e.requestId()
                + "]");
    assertThat(sleeper.sleeps()).isEmpty();
  }
}
