package dev.catalog.osb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Catalog parse(String json) throws Exception {
    return CatalogParser.parse(JSON.readTree(json));
  }

  private static String catalog(String serviceFlags, String planFlags) {
    return "{\"services\":[{\"id\":\"s\",\"name\":\"db\",\"description\":\"d\",\"bindable\":true"
        + serviceFlags
        + ",\"plans\":[{\"id\":\"p\",\"name\":\"small\",\"description\":\"d\""
        + planFlags
        + "}]}]}";
  }

  @Test
  @DisplayName("C-02: an empty services list is a valid catalog")
  void emptyCatalogIsValid() throws Exception {
    assertThat(parse("{\"services\":[]}").services()).isEmpty();
  }

  @Test
  @DisplayName("C-09/C-18: defaults: free true, rotatable, retrievable and context flags false")
  void appliesSpecDefaults() throws Exception {
    var offering = parse(catalog("", "")).service("db").orElseThrow();
    var plan = offering.plan("small").orElseThrow();
    assertThat(plan.free()).isTrue();
    assertThat(plan.bindingRotatable()).isFalse();
    assertThat(offering.instancesRetrievable()).isFalse();
    assertThat(offering.bindingsRetrievable()).isFalse();
    assertThat(offering.allowContextUpdates()).isFalse();
    assertThat(offering.planUpdateable(plan)).isFalse();
    assertThat(plan.maximumPollingDuration()).isEmpty();
  }

  static Stream<Arguments> planUpdateableMatrix() {
    return Stream.of(
        Arguments.of("true", "true", true),
        Arguments.of("true", "false", false),
        Arguments.of("true", null, true),
        Arguments.of("false", "true", true),
        Arguments.of("false", "false", false),
        Arguments.of("false", null, false),
        Arguments.of(null, "true", true),
        Arguments.of(null, "false", false),
        Arguments.of(null, null, false));
  }

  @ParameterizedTest(name = "C-08: service {0}, plan {1} -> {2}")
  @MethodSource("planUpdateableMatrix")
  void planLevelPlanUpdateableOverridesServiceLevel(String service, String plan, boolean expected)
      throws Exception {
    var json =
        catalog(
            service == null ? "" : ",\"plan_updateable\":" + service,
            plan == null ? "" : ",\"plan_updateable\":" + plan);
    var offering = parse(json).services().get(0);
    assertThat(offering.planUpdateable(offering.plans().get(0))).isEqualTo(expected);
  }

  @Test
  @DisplayName("C-07: plan bindable false overrides service bindable true")
  void planLevelBindableOverridesServiceLevel() throws Exception {
    var offering = parse(catalog("", ",\"bindable\":false")).services().get(0);
    assertThat(offering.bindable(offering.plans().get(0))).isFalse();
  }

  @Test
  @DisplayName("C-10/C-11/C-12/H-16: plan details, schemas and displayName are read")
  void readsPlanDetails() throws Exception {
    var json =
        catalog(
            ",\"metadata\":{\"displayName\":\"Database\"},\"x_vendor\":1",
            ",\"free\":false,\"maximum_polling_duration\":600,\"metadata\":{\"displayName\":\"S\"},"
                + "\"maintenance_info\":{\"version\":\"1.2.0\",\"description\":\"patch\"},"
                + "\"schemas\":{\"service_instance\":{\"create\":{\"parameters\":{\"type\":\"object\"}}"
                + ",\"update\":{\"parameters\":{\"type\":\"object\"}}},\"service_binding\":{\"create\""
                + ":{\"parameters\":{\"$schema\":\"http://json-schema.org/draft-04/schema#\"}}}}");
    var offering = parse(json).services().get(0);
    var plan = offering.plans().get(0);
    assertThat(offering.displayName()).contains("Database");
    assertThat(plan.displayName()).contains("S");
    assertThat(plan.free()).isFalse();
    assertThat(plan.maximumPollingDuration()).contains(Duration.ofSeconds(600));
    assertThat(plan.maintenanceInfo()).contains(new MaintenanceInfo("1.2.0", Optional.of("patch")));
    assertThat(plan.schemas().instanceCreate()).contains(JSON.readTree("{\"type\":\"object\"}"));
    assertThat(plan.schemas().instanceUpdate()).isPresent();
    assertThat(plan.schemas().bindingCreate().orElseThrow().get("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-04/schema#");
  }

  @Test
  void readsPresentationMetadataAndSkipsMalformedCostsAndBullets() throws Exception {
    var json =
        catalog(
            ",\"metadata\":{\"imageUrl\":\"data:image/png;base64,AA==\",\"longDescription\":"
                + "\"Long\",\"providerDisplayName\":\"Acme\",\"documentationUrl\":\"https://d\","
                + "\"supportUrl\":7}",
            ",\"metadata\":{\"bullets\":[\"1 vCPU\",3,\"\"],\"costs\":[{\"amount\":{\"usd\":"
                + "99.5,\"eur\":90},\"unit\":\"MONTHLY\"},{\"amount\":\"x\",\"unit\":\"DAILY\"},"
                + "{\"amount\":{\"usd\":1}}]}");
    var offering = parse(json).services().get(0);
    assertThat(offering.metadata())
        .isEqualTo(
            new OfferingMetadata(
                Optional.of("data:image/png;base64,AA=="),
                Optional.of("Long"),
                Optional.of("Acme"),
                Optional.of("https://d"),
                Optional.empty()));
    var amounts = new java.util.TreeMap<String, java.math.BigDecimal>();
    amounts.put("EUR", new java.math.BigDecimal("90"));
    amounts.put("USD", new java.math.BigDecimal("99.5"));
    assertThat(offering.plans().get(0).metadata())
        .isEqualTo(
            new PlanMetadata(
                java.util.List.of(new PlanCost(amounts, "MONTHLY")), java.util.List.of("1 vCPU")));
  }

  static Stream<Arguments> invalidCatalogs() {
    return Stream.of(
        Arguments.of("{}", "$.services: required array is missing"),
        Arguments.of(
            "{\"services\":[{\"name\":\"db\",\"description\":\"d\",\"bindable\":true,"
                + "\"plans\":[{\"id\":\"p\",\"name\":\"n\",\"description\":\"d\"}]}]}",
            "$.services[0].id: required non-empty string is missing"),
        Arguments.of(
            "{\"services\":[{\"id\":\"s\",\"name\":\"db\",\"description\":\"d\","
                + "\"plans\":[{\"id\":\"p\",\"name\":\"n\",\"description\":\"d\"}]}]}",
            "$.services[0].bindable: required boolean is missing"),
        Arguments.of(
            "{\"services\":[{\"id\":\"s\",\"name\":\"db\",\"description\":\"d\","
                + "\"bindable\":true,\"plans\":[]}]}",
            "$.services[0].plans: at least one plan is required"),
        Arguments.of(
            "{\"services\":[{\"id\":\"s\",\"name\":\"db\",\"description\":\"d\","
                + "\"bindable\":true,\"plans\":[{\"id\":\"p\",\"name\":\"n\"}]}]}",
            "$.services[0].plans[0].description: required non-empty string is missing"),
        Arguments.of(
            "{\"services\":[" + service("s", "db", "p1") + "," + service("s", "db2", "p2") + "]}",
            "$.services[1].id: duplicate service id \"s\""),
        Arguments.of(
            "{\"services\":[" + service("s1", "db", "p1") + "," + service("s2", "db", "p2") + "]}",
            "$.services[1].name: duplicate service name \"db\""),
        Arguments.of(
            "{\"services\":[" + service("s1", "db", "p") + "," + service("s2", "mq", "p") + "]}",
            "$.services[1].plans[0].id: duplicate plan id \"p\""),
        Arguments.of(
            "{\"services\":[{\"id\":\"s\",\"name\":\"db\",\"description\":\"d\","
                + "\"bindable\":true,\"plans\":[{\"id\":\"p1\",\"name\":\"n\",\"description\":\"d\"},"
                + "{\"id\":\"p2\",\"name\":\"n\",\"description\":\"d\"}]}]}",
            "$.services[0].plans[1].name: duplicate plan name \"n\""));
  }

  private static String service(String id, String name, String planId) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"description\":\"d\","
        + "\"bindable\":true,\"plans\":[{\"id\":\""
        + planId
        + "\",\"name\":\"n\","
        + "\"description\":\"d\"}]}";
  }

  @ParameterizedTest(name = "C-06: {1}")
  @MethodSource("invalidCatalogs")
  void refusesInvalidCatalogsWithJsonPath(String json, String problem) {
    var e = catchThrowableOfType(InvalidCatalogException.class, () -> parse(json));
    assertThat(e.problems()).containsExactly(problem);
  }
}
