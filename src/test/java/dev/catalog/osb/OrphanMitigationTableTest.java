package dev.catalog.osb;

import static dev.catalog.osb.OsbOperation.BIND;
import static dev.catalog.osb.OsbOperation.CATALOG;
import static dev.catalog.osb.OsbOperation.DEPROVISION;
import static dev.catalog.osb.OsbOperation.FETCH_BINDING;
import static dev.catalog.osb.OsbOperation.FETCH_INSTANCE;
import static dev.catalog.osb.OsbOperation.POLL_BINDING;
import static dev.catalog.osb.OsbOperation.POLL_INSTANCE;
import static dev.catalog.osb.OsbOperation.PROVISION;
import static dev.catalog.osb.OsbOperation.UNBIND;
import static dev.catalog.osb.OsbOperation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OM-02: the spec's orphan-mitigation table (S:1940-1964), asserted row by row. */
class OrphanMitigationTableTest {

  private static final Set<OsbOperation> ALL = EnumSet.allOf(OsbOperation.class);

  /** Row number, requests of the row, response, expected mitigation: the spec's table. */
  static Stream<Arguments> specRows() {
    return Stream.of(
        row(1, ALL, ResponseClass.OK, Mitigation.NONE),
        row(2, ALL, ResponseClass.OK_MALFORMED, Mitigation.NONE),
        row(
            3,
            EnumSet.of(PROVISION, DEPROVISION),
            ResponseClass.LAST_OPERATION_FAILED,
            Mitigation.INSTANCE),
        row(4, EnumSet.of(BIND, UNBIND), ResponseClass.LAST_OPERATION_FAILED, Mitigation.BINDING),
        row(5, ALL, ResponseClass.CREATED, Mitigation.NONE),
        row(6, EnumSet.of(PROVISION), ResponseClass.CREATED_MALFORMED, Mitigation.INSTANCE),
        row(7, EnumSet.of(BIND), ResponseClass.CREATED_MALFORMED, Mitigation.BINDING),
        row(8, ALL, ResponseClass.ACCEPTED, Mitigation.NONE),
        row(9, EnumSet.of(PROVISION), ResponseClass.ACCEPTED_MALFORMED, Mitigation.INSTANCE),
        row(10, EnumSet.of(BIND), ResponseClass.ACCEPTED_MALFORMED, Mitigation.BINDING),
        row(11, EnumSet.of(PROVISION, DEPROVISION), ResponseClass.OTHER_2XX, Mitigation.INSTANCE),
        row(12, EnumSet.of(BIND, UNBIND), ResponseClass.OTHER_2XX, Mitigation.BINDING),
        row(13, EnumSet.of(UPDATE), ResponseClass.OTHER_2XX, Mitigation.NONE),
        row(14, ALL, ResponseClass.REQUEST_TIMEOUT, Mitigation.NONE),
        row(15, ALL, ResponseClass.OTHER_4XX, Mitigation.NONE),
        row(
            16,
            EnumSet.of(PROVISION, DEPROVISION),
            ResponseClass.SERVER_ERROR,
            Mitigation.INSTANCE),
        row(17, EnumSet.of(BIND, UNBIND), ResponseClass.SERVER_ERROR, Mitigation.BINDING),
        row(18, EnumSet.of(UPDATE), ResponseClass.SERVER_ERROR, Mitigation.NONE),
        row(19, EnumSet.of(PROVISION), ResponseClass.TIMEOUT, Mitigation.INSTANCE),
        row(20, EnumSet.of(BIND), ResponseClass.TIMEOUT, Mitigation.BINDING),
        row(
            21,
            EnumSet.complementOf(EnumSet.of(PROVISION, BIND)),
            ResponseClass.TIMEOUT,
            Mitigation.NONE));
  }

  private static Arguments row(
      int number, Set<OsbOperation> requests, ResponseClass response, Mitigation expected) {
    return Arguments.of(number, requests, response, expected);
  }

  @ParameterizedTest(name = "OM-02 row {0}: {1} answered {2} -> {3}")
  @MethodSource("specRows")
  void decidesEachRowOfTheSpecTable(
      int number, Set<OsbOperation> requests, ResponseClass response, Mitigation expected) {
    for (var request : requests) {
      assertThat(OrphanMitigationTable.decide(request, response)).as("%s", request).isEqualTo(expected);
    }
    var row = OrphanMitigationTable.TABLE.get(number - 1);
    assertThat(row.requests()).isEqualTo(requests);
    assertThat(row.response()).isEqualTo(response);
    assertThat(row.mitigation()).isEqualTo(expected);
  }

  @Test
  @DisplayName("OM-02: the table in code has exactly the spec's 21 rows")
  void tableHasTheSpecRowsOnly() {
    assertThat(OrphanMitigationTable.TABLE).hasSize(21);
  }

  @Test
  @DisplayName("OM-03/U-18: updates, GETs and requests that never left need no mitigation")
  void combinationsOutsideTheTableNeedNoMitigation() {
    for (var get : List.of(CATALOG, FETCH_INSTANCE, FETCH_BINDING, POLL_INSTANCE, POLL_BINDING)) {
      assertThat(OrphanMitigationTable.decide(get, ResponseClass.SERVER_ERROR))
          .isEqualTo(Mitigation.NONE);
    }
    assertThat(OrphanMitigationTable.decide(UPDATE, ResponseClass.LAST_OPERATION_FAILED))
        .isEqualTo(Mitigation.NONE);
    assertThat(OrphanMitigationTable.decide(PROVISION, ResponseClass.NOT_SENT))
        .isEqualTo(Mitigation.NONE);
    assertThat(OrphanMitigationTable.decide(BIND, ResponseClass.OTHER_STATUS))
        .isEqualTo(Mitigation.NONE);
  }
}
