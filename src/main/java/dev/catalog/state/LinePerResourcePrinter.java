package dev.catalog.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

/**
 * Pretty-prints a state document down to its resources and writes each resource on one line:
 *
 * <pre>
 * {
 *   "version": 1,
 *   "resources": {
 *     "instance.db": { "instance_id": "…", "service": { "id": "…", "name": "db" } }
 *   }
 * }
 * </pre>
 *
 * <p>For large states ({@link StateCodec#LINE_PER_RESOURCE_ABOVE}): any JSON reader, older catalogs
 * included, reads it as before.
 */
final class LinePerResourcePrinter extends DefaultPrettyPrinter {
  /** The nesting of a resource's members: {@code root > resources > resource}. */
  private static final int RESOURCE_MEMBERS = 3;

  private final int startNesting;

  LinePerResourcePrinter() {
    this(0);
  }

  /**
   * A printer that starts {@code nesting} levels deep: one resource written alone at {@link
   * ResourceFragments#RESOURCE_NESTING} prints exactly as inside the whole document.
   */
  LinePerResourcePrinter(int nesting) {
    super(
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    var lines = new Lines();
    _objectIndenter = lines;
    _arrayIndenter = lines;
    _nesting = nesting;
    startNesting = nesting;
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new LinePerResourcePrinter(startNesting);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int members) throws IOException {
    if (_nesting >= RESOURCE_MEMBERS) {
      // Inside a resource's line, the closing brace stays on it.
      _nesting--;
      g.writeRaw(" }");
    } else {
      super.writeEndObject(g, members);
    }
  }

  /** A new indented line above a resource's members, a space within them. */
  private static final class Lines extends DefaultIndenter {
    Lines() {
      super("  ", "\n");
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      if (level >= RESOURCE_MEMBERS) {
        g.writeRaw(' ');
      } else {
        super.writeIndentation(g, level);
      }
    }
  }
}
