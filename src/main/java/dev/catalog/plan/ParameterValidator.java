package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import dev.catalog.config.ConfigObject;
import dev.catalog.config.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Validates parameters against a plan's JSON Schema (checklist C-12, C-14) with networknt
 * json-schema-validator. Schemas without {@code $schema} are read as draft-04, the oldest draft a
 * broker may use (C-12). A remote {@code $ref} is never fetched (C-13): such a schema is reported
 * and skipped. Errors cite the YAML {@code file:line:column} of the offending parameter; the
 * message for a sensitive value names the keyword only, never the value.
 */
final class ParameterValidator {
  private ParameterValidator() {}

  /**
   * The problems of {@code parameters} against {@code schema}.
   *
   * @param merged the parameters as sent (YAML plus parametersFrom)
   * @param written the YAML {@code parameters}, for locations
   * @param sensitive JSON Pointers of values that must not be quoted
   * @param notes receives a warning when the schema cannot be used
   */
  static List<Diagnostic> validate(
      JsonNode schema,
      JsonNode merged,
      ConfigObject written,
      List<String> sensitive,
      String what,
      List<String> notes) {
    var version = SpecVersionDetector.detectOptionalVersion(schema, false).orElse(VersionFlag.V4);
    var factory =
        JsonSchemaFactory.getInstance(
            version,
            builder ->
                builder.schemaLoaders(
                    loaders ->
                        loaders.values(
                            list -> {
                              list.clear();
                              list.add(DisallowSchemaLoader.getInstance());
                            })));
    List<ValidationMessage> messages;
    try {
      messages = new ArrayList<>(factory.getSchema(schema).validate(merged));
    } catch (RuntimeException e) {
      notes.add(
          what
              + ": the broker's parameter schema cannot be used ("
              + firstLine(e.getMessage())
              + "); remote $ref are never fetched (checklist C-13), so parameters were not"
              + " validated");
      return List.of();
    }
    messages.sort(Comparator.comparing(m -> pointer(m.getInstanceLocation())));
    var out = new ArrayList<Diagnostic>();
    for (var message : messages) {
      var pointer = pointer(message.getInstanceLocation());
      var target = Optional.ofNullable(message.getProperty()).map(p -> pointer + "/" + p);
      var location = written.locationOf(target.orElse(pointer));
      var secret =
          sensitive.stream().anyMatch(s -> pointer.equals(s) || pointer.startsWith(s + "/"));
      var text =
          secret
              ? "a sensitive value does not match the plan's schema (" + message.getType() + ")"
              : message.getError();
      out.add(new Diagnostic(location, written.pathOf(pointer), text, ""));
    }
    return out;
  }

  /** {@code $.tags[0]} as the JSON Pointer {@code /tags/0}. */
  static String pointer(JsonNodePath path) {
    var sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      var element = path.getElement(i);
      sb.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable schema";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
