package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.MaintenanceInfo;
import dev.catalog.osb.model.PlanSchemas;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CatalogLockTest {
  private static final String SMALL = "broker \"acme\", service \"db\", plan \"small\"";

  private static CatalogLock lock() {
    return CatalogLocks.of(
        PlanFixtures.config("no-changes.yaml"), Map.of("acme", TestCatalogs.acme()));
  }

  private static List<String> differences(Catalog live) {
    return CatalogLockDiff.of(lock(), PlanFixtures.config("no-changes.yaml"), Map.of("acme", live))
        .stream()
        .map(d -> d.kind().code() + " " + d)
        .map(s -> s.replaceAll("sha256:[0-9a-f]+", "sha256:…"))
        .toList();
  }

  /** acme's catalog with db's plan {@code name} changed by {@code change} (null removes it). */
  private static Catalog withSmall(UnaryOperator<ServicePlan> change) {
    var services = new ArrayList<ServiceOffering>();
    for (var s : TestCatalogs.acme().services()) {
      var plans = new ArrayList<ServicePlan>();
      for (var p : s.plans()) {
        var changed = s.name().equals("db") && p.name().equals("small") ? change.apply(p) : p;
        if (changed != null) {
          plans.add(changed);
        }
      }
      services.add(
          new ServiceOffering(
              s.id(),
              s.name(),
              s.description(),
              s.bindable(),
              s.planUpdateable(),
              s.instancesRetrievable(),
              s.bindingsRetrievable(),
              s.allowContextUpdates(),
              s.tags(),
              s.requires(),
              s.displayName(),
              plans,
              s.metadata()));
    }
    return new Catalog(services);
  }

  private static ServicePlan plan(
      ServicePlan p, String id, boolean free, Optional<MaintenanceInfo> info, PlanSchemas schemas) {
    return new ServicePlan(
        id,
        p.name(),
        p.description(),
        free,
        p.bindable(),
        p.planUpdateable(),
        p.bindingRotatable(),
        info,
        p.maximumPollingDuration(),
        schemas,
        p.displayName(),
        p.metadata());
  }

  @Test
  void aLockSurvivesAWriteAndReadAndWritesTheSameTextAgain() {
    var text = CatalogLockCodec.write(lock());
    var read = CatalogLockCodec.read(text, "catalog.lock.json");
    assertThat(read).isEqualTo(lock());
    assertThat(CatalogLockCodec.write(read)).isEqualTo(text);
    assertThat(text)
        .startsWith("{\n  \"brokers\" : {\n    \"acme\" : {\n      \"catalog_digest\" : \"sha256:")
        .contains("\"maintenance_info_version\" : \"1.1.0\"", "\"instance_create\" : {")
        .doesNotContain("\"large\"", "\"cache\"");
  }

  @Test
  void anUnchangedCatalogHasNoDifferences() {
    assertThat(differences(TestCatalogs.acme())).isEmpty();
  }

  @Test
  void aChangedSchemaIsShownWithTheCatalogDigest() {
    var changed = withSmall(p -> plan(p, p.id(), p.free(), p.maintenanceInfo(), PlanSchemas.NONE));
    assertThat(differences(changed))
        .containsExactly(
            "catalog_changed broker \"acme\": catalog changed (sha256:… -> sha256:…)",
            "schema_changed " + SMALL + ": instance create schema removed");
  }

  @Test
  void aRemovedPlanAndARemovedServiceAreShown() {
    assertThat(differences(withSmall(p -> null)))
        .containsExactly(
            "catalog_changed broker \"acme\": catalog changed (sha256:… -> sha256:…)",
            "plan_removed " + SMALL + ": removed from the catalog");
    assertThat(differences(new Catalog(List.of())))
        .containsExactly(
            "catalog_changed broker \"acme\": catalog changed (sha256:… -> sha256:…)",
            "service_removed broker \"acme\", service \"db\": removed from the catalog");
  }

  @Test
  void aNewerMaintenanceInfoANewIdAndAChangedFlagAreShown() {
    var changed =
        withSmall(
            p ->
                plan(
                    p,
                    "plan-db-small-v2",
                    !p.free(),
                    Optional.of(new MaintenanceInfo("1.2.0", Optional.empty())),
                    p.schemas()));
    assertThat(differences(changed))
        .containsExactly(
            "catalog_changed broker \"acme\": catalog changed (sha256:… -> sha256:…)",
            "id_changed " + SMALL + ": id plan-db-small -> plan-db-small-v2",
            "maintenance_info_changed " + SMALL + ": maintenance_info 1.1.0 -> 1.2.0 (newer)",
            "flags_changed " + SMALL + ": free false -> true");
  }

  @Test
  void aBrokerOrAPlanTheLockDoesNotListIsShown() {
    var catalogs = Map.of("acme", TestCatalogs.acme(), "beta", TestCatalogs.beta());
    var config = PlanFixtures.config("lock-params.yaml");
    assertThat(CatalogLockDiff.of(lock(), config, catalogs).stream().map(Object::toString))
        .containsExactly(
            "broker \"acme\", service \"db\", plan \"large\": used by instance.ok but not locked",
            "broker \"acme\", service \"cache\", plan \"basic\": used by instance.cache but not"
                + " locked",
            "broker \"beta\": not in catalog.lock.json");
  }

  @Test
  void validateChecksParametersAgainstTheLockedSchemaWithTheirLocation() {
    var config = PlanFixtures.config("lock-params.yaml");
    var locked = CatalogLocks.of(config, Map.of("acme", TestCatalogs.acme()));
    var notes = new ArrayList<String>();
    var problems = LockedParameterCheck.check(config, locked, notes);
    assertThat(problems.stream().map(Object::toString))
        .containsExactly(
            "src/test/resources/dev/catalog/plan/lock-params.yaml:11:31:"
                + " instances[0].parameters.storage_gb: must have a maximum value of 100");
    assertThat(notes).isEmpty();
  }
}
