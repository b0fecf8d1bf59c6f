package dev.catalog.osb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Broker answers built in code, for brokers that live in memory (the apply engine's unit tests):
 * the package-private factories of {@link BrokerCredentials} and {@link BrokerException}, opened to
 * tests only.
 */
public final class OsbAnswers {
  private OsbAnswers() {}

  /** Credentials as a bind response carries them. */
  public static BrokerCredentials credentials(ObjectNode values) {
    return BrokerCredentials.of(values);
  }

  /** A 500 answer to {@code operation} on {@code resourceId}, with the broker's description. */
  public static BrokerException serverError(
      OsbOperation operation, String resourceId, String description) {
    var body =
        new BrokerErrorBody(
            Optional.empty(), Optional.of(description), Optional.empty(), Optional.empty());
    return BrokerException.status(
        BrokerException.builder(operation, resourceId, "in-memory")
            .status(500, ResponseClass.SERVER_ERROR)
            .error(body));
  }
}
