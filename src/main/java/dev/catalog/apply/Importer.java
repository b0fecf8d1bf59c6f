package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.SensitiveJson;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.SecretRef;
import dev.catalog.config.Suggestions;
import dev.catalog.osb.BrokerException;
import dev.catalog.osb.model.Catalog;
import dev.catalog.plan.BrokerClients;
import dev.catalog.plan.Refresher;
import dev.catalog.plan.Resolution;
import dev.catalog.plan.Resolver;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceKind;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code catalog import ADDR OSB_ID} (issue 6, item 8): adopts an instance or binding that exists
 * at its broker into state, like {@code terraform import}. It reads the resource back with {@code
 * GET} when the offering allows it ({@code instances_retrievable}, {@code bindings_retrievable},
 * checklist F-01, F-02) and otherwise records the configuration's values, marked unverified. It
 * sends only GETs: never PUT, PATCH or DELETE, so never an orphan mitigation (the resource was not
 * created by catalog, and a failed read changes nothing at the broker). docs/import.md.
 */
public final class Importer {
  /**
   * What an import produced.
   *
   * @param state the state with the resource added, to be written by the caller
   * @param resource the resource as recorded
   * @param summary the one-line summary to print
   * @param notes anything the user should know about what was recorded
   */
  public record Result(State state, ResourceState resource, String summary, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  private final BrokerClients clients;
  private final Function<SecretRef, SensitiveJson> secrets;
  private final CredentialSinks sinks;
  private final Map<String, String> env;
  private final Clock clock;

  /**
   * @param secrets reads a {@code parametersFrom} reference
   * @param sinks where an imported binding's credentials are delivered
   * @param env the environment, for the fingerprint key ({@link FingerprintKey#ENV})
   */
  public Importer(
      BrokerClients clients,
      Function<SecretRef, SensitiveJson> secrets,
      CredentialSinks sinks,
      Map<String, String> env,
      Clock clock) {
    this.clients = clients;
    this.secrets = secrets;
    this.sinks = sinks;
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  /**
   * Refuses an address the configuration does not declare (before state is read or anything is
   * sent): without a declaration catalog would plan to delete what it just imported.
   */
  public static void checkDeclared(CatalogConfig config, Address address) {
    var instance = address.kind() == ResourceKind.INSTANCE;
    var declared =
        instance
            ? config.instances().stream().map(i -> i.name()).toList()
            : config.bindings().stream().map(b -> b.name()).toList();
    if (declared.contains(address.name())) {
      return;
    }
    var hint =
        Suggestions.nearest(address.name(), declared)
            .map(n -> " (did you mean " + new Address(address.kind(), n) + "?)")
            .orElse("");
    throw new CatalogException(
        address
            + " is not declared in the configuration"
            + hint
            + ": declare it first, so catalog knows what it should be");
  }

  /**
   * Checks {@code address} against {@code state}, reads the resource at its broker when allowed,
   * delivers a read binding's credentials to its sink and returns the state to write. Throws,
   * having written nothing, when the resource cannot be adopted.
   *
   * @param stateIdentity names the state in messages
   */
  public Result adopt(
      CatalogConfig config, State state, Address address, String osbId, String stateIdentity) {
    checkDeclared(config, address);
    checkState(config, state, address, osbId, stateIdentity);
    var instanceName =
        address.kind() == ResourceKind.INSTANCE
            ? address.name()
            : config.binding(address.name()).orElseThrow().instance();
    var declaredInstance = config.instance(instanceName).orElseThrow();
    var brokerName = declaredInstance.broker();
    var client =
        clients
            .client(brokerName)
            .orElseThrow(
                () -> new CatalogException("broker \"" + brokerName + "\" is not configured"));
    var catalog = catalog(brokerName);
    var only =
        new CatalogConfig(
            config.apiVersion(),
            config.backend(),
            config.brokers(),
            List.of(declaredInstance),
            address.kind() == ResourceKind.BINDING
                ? List.of(config.binding(address.name()).orElseThrow())
                : List.of());
    Resolution desired = new Resolver(Map.of(brokerName, catalog), state, secrets).resolve(only);
    var reads = new ImportReads(brokerName, client, catalog, state.lineage(), clock);
    try {
      if (address.kind() == ResourceKind.INSTANCE) {
        return reads.instance(desired.instance(instanceName).orElseThrow(), osbId, state);
      }
      var recordedInstance =
          (InstanceState) state.resource(Address.instance(instanceName)).orElseThrow();
      var key = FingerprintKey.choose(env, state.lineage());
      return reads.binding(
          desired.binding(address.name()).orElseThrow(),
          recordedInstance,
          osbId,
          state,
          sinks,
          key);
    } catch (BrokerException e) {
      throw new CatalogException(address + ": " + e.getMessage() + "; state is unchanged", e);
    }
  }

  private Catalog catalog(String brokerName) {
    return new Refresher(clients, 1).catalogs(Set.of(brokerName)).get(brokerName);
  }

  private static void checkState(
      CatalogConfig config, State state, Address address, String osbId, String stateIdentity) {
    var existing = state.resource(address);
    if (existing.isPresent()) {
      throw new CatalogException(
          address
              + " is already in state "
              + stateIdentity
              + " (id "
              + existing.get().osbId()
              + "): to import it again, first forget it with 'catalog state rm "
              + address
              + "'");
    }
    for (var resource : state.resources().values()) {
      if (resource.address().kind() == address.kind() && resource.osbId().equals(osbId)) {
        throw new CatalogException(
            address.kind().prefix()
                + " id "
                + osbId
                + " is already in state as "
                + resource.address()
                + ": one address per resource; rename it with 'catalog state mv "
                + resource.address()
                + " "
                + address
                + "' instead");
      }
    }
    if (address.kind() == ResourceKind.BINDING) {
      var instance = Address.instance(config.binding(address.name()).orElseThrow().instance());
      var recorded = state.resource(instance);
      if (recorded.isEmpty() || recorded.get() instanceof BindingState) {
        throw new CatalogException(
            address
                + " binds "
                + instance
                + ", which is not in state: import it first ('catalog import "
                + instance
                + " INSTANCE_ID') or create it with 'catalog apply'");
      }
    }
  }
}
