package dev.catalog.osb;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The spec's orphan-mitigation table (S:1940-1964), row for row in the same order. Issue 6's
 * executor acts on the decisions; this class only decides. Polls are classified by the operation
 * they poll for ({@link OsbOperation#PROVISION}, ...), as the table does.
 */
public final class OrphanMitigationTable {

  /** One row of the table: which requests, which response, which mitigation. */
  public record Row(Set<OsbOperation> requests, ResponseClass response, Mitigation mitigation) {
    public Row {
      requests = Set.copyOf(requests);
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(mitigation, "mitigation");
    }

    boolean matches(OsbOperation request, ResponseClass actual) {
      return requests.contains(request) && response == actual;
    }
  }

  private static final Set<OsbOperation> ALL = EnumSet.allOf(OsbOperation.class);
  private static final Set<OsbOperation> PROVISION = EnumSet.of(OsbOperation.PROVISION);
  private static final Set<OsbOperation> BIND = EnumSet.of(OsbOperation.BIND);
  private static final Set<OsbOperation> UPDATE = EnumSet.of(OsbOperation.UPDATE);
  private static final Set<OsbOperation> INSTANCE_LIFECYCLE =
      EnumSet.of(OsbOperation.PROVISION, OsbOperation.DEPROVISION);
  private static final Set<OsbOperation> BINDING_LIFECYCLE =
      EnumSet.of(OsbOperation.BIND, OsbOperation.UNBIND);
  private static final Set<OsbOperation> ALL_BUT_CREATES =
      EnumSet.complementOf(EnumSet.of(OsbOperation.PROVISION, OsbOperation.BIND));

  /** The table. Rows are disjoint, so order does not change a decision; it mirrors the spec. */
  public static final List<Row> TABLE =
      List.of(
          new Row(ALL, ResponseClass.OK, Mitigation.NONE),
          new Row(ALL, ResponseClass.OK_MALFORMED, Mitigation.NONE),
          new Row(INSTANCE_LIFECYCLE, ResponseClass.LAST_OPERATION_FAILED, Mitigation.INSTANCE),
          new Row(BINDING_LIFECYCLE, ResponseClass.LAST_OPERATION_FAILED, Mitigation.BINDING),
          new Row(ALL, ResponseClass.CREATED, Mitigation.NONE),
          new Row(PROVISION, ResponseClass.CREATED_MALFORMED, Mitigation.INSTANCE),
          new Row(BIND, ResponseClass.CREATED_MALFORMED, Mitigation.BINDING),
          new Row(ALL, ResponseClass.ACCEPTED, Mitigation.NONE),
          new Row(PROVISION, ResponseClass.ACCEPTED_MALFORMED, Mitigation.INSTANCE),
          new Row(BIND, ResponseClass.ACCEPTED_MALFORMED, Mitigation.BINDING),
          new Row(INSTANCE_LIFECYCLE, ResponseClass.OTHER_2XX, Mitigation.INSTANCE),
          new Row(BINDING_LIFECYCLE, ResponseClass.OTHER_2XX, Mitigation.BINDING),
          new Row(UPDATE, ResponseClass.OTHER_2XX, Mitigation.NONE),
          new Row(ALL, ResponseClass.REQUEST_TIMEOUT, Mitigation.NONE),
          new Row(ALL, ResponseClass.OTHER_4XX, Mitigation.NONE),
          new Row(INSTANCE_LIFECYCLE, ResponseClass.SERVER_ERROR, Mitigation.INSTANCE),
          new Row(BINDING_LIFECYCLE, ResponseClass.SERVER_ERROR, Mitigation.BINDING),
          new Row(UPDATE, ResponseClass.SERVER_ERROR, Mitigation.NONE),
          new Row(PROVISION, ResponseClass.TIMEOUT, Mitigation.INSTANCE),
          new Row(BIND, ResponseClass.TIMEOUT, Mitigation.BINDING),
          new Row(ALL_BUT_CREATES, ResponseClass.TIMEOUT, Mitigation.NONE));

  private OrphanMitigationTable() {}

  /**
   * The mitigation for a request and what came back. Combinations the table does not list (a 5xx on
   * a GET, a request that never left) need none. 422 {@code ConcurrencyError} is an "other 4xx", so
   * it never triggers mitigation (checklist OM-03).
   */
  public static Mitigation decide(OsbOperation request, ResponseClass response) {
    for (var row : TABLE) {
      if (row.matches(request, response)) {
        return row.mitigation();
      }
    }
    return Mitigation.NONE;
  }

  /** The mitigation a failure calls for. */
  public static Mitigation decide(BrokerException failure) {
    return decide(failure.operation(), failure.responseClass());
  }
}
