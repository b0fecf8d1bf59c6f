package dev.catalog.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.apply.ApplyEvent;
import dev.catalog.apply.ApplyListener;
import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.StepStatus;
import java.io.PrintWriter;

/**
 * Apply progress for {@code --format json}: one JSON object per line and event, then a {@code
 * summary} object. Fields are documented in docs/apply.md; new fields may be added, existing ones
 * keep their meaning ({@value #FORMAT_VERSION}).
 */
public final class JsonProgressRenderer implements ApplyListener {
  /** The version of the event format, on every line as {@code format_version}. */
  public static final String FORMAT_VERSION = "1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean destroy;

  public JsonProgressRenderer(PrintWriter out) {
    this(out, false);
  }

  /**
   * @param destroy whether this is a destroy, which has its own summary words
   */
  public JsonProgressRenderer(PrintWriter out, boolean destroy) {
    this.out = out;
    this.destroy = destroy;
  }

  @Override
  public void onEvent(ApplyEvent event) {
    ObjectNode line = JSON.createObjectNode();
    line.put("format_version", FORMAT_VERSION);
    line.put("type", type(event));
    line.put("address", event.step().address().toString());
    line.put("action", event.step().action().label());
    line.put("timestamp", event.at().toString());
    if (event instanceof ApplyEvent.Polling e) {
      line.put("elapsed_seconds", e.elapsed().getSeconds());
      line.put("description", e.description());
    } else if (event instanceof ApplyEvent.Completed e) {
      line.put("elapsed_seconds", e.elapsed().getSeconds());
    } else if (event instanceof ApplyEvent.LeftInProgress e) {
      line.put("elapsed_seconds", e.elapsed().getSeconds());
    } else if (event instanceof ApplyEvent.Failed e) {
      line.put("elapsed_seconds", e.elapsed().getSeconds());
      line.put("message", e.message());
    } else if (event instanceof ApplyEvent.Skipped e) {
      line.put("reason", e.reason());
    }
    print(line);
  }

  @Override
  public void onFinish(ApplyResult result) {
    ObjectNode line = JSON.createObjectNode();
    line.put("format_version", FORMAT_VERSION);
    line.put("type", "summary");
    line.put("added", result.added());
    line.put("changed", result.changed());
    line.put("destroyed", result.destroyed());
    line.put("succeeded", result.count(StepStatus.SUCCEEDED));
    line.put("failed", result.count(StepStatus.FAILED));
    line.put("skipped", result.count(StepStatus.SKIPPED));
    line.put("in_progress", result.count(StepStatus.IN_PROGRESS));
    line.put("interrupted", result.interrupted());
    line.put("message", ApplySummary.line(result, destroy));
    print(line);
  }

  private static String type(ApplyEvent event) {
    if (event instanceof ApplyEvent.Started) {
      return "started";
    } else if (event instanceof ApplyEvent.Polling) {
      return "polling";
    } else if (event instanceof ApplyEvent.Completed) {
      return "completed";
    } else if (event instanceof ApplyEvent.LeftInProgress) {
      return "in_progress";
    } else if (event instanceof ApplyEvent.Failed) {
      return "failed";
    } else if (event instanceof ApplyEvent.Skipped) {
      return "skipped";
    }
    throw new AssertionError(event);
  }

  private void print(ObjectNode line) {
    try {
      out.println(JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
    out.flush();
  }
}
