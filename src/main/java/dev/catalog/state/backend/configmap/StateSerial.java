package dev.catalog.state.backend.configmap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the top-level {@code serial} of a state document so the head ConfigMap can show it to
 * people using kubectl; the backend otherwise treats the document as opaque bytes.
 */
final class StateSerial {
  private static final JsonFactory JSON = new JsonFactory();

  private StateSerial() {}

  /** The serial as written, or empty when the content is not a JSON object with one. */
  static Optional<String> of(byte[] content) {
    try (JsonParser parser = JSON.createParser(content)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("serial".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
          return Optional.of(parser.getText());
        }
        parser.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
