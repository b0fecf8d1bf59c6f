package dev.catalog.render;

import dev.catalog.apply.ApplyEvent;
import java.util.Optional;

/** The one-line text of each apply event, worded as Terraform's progress lines. */
final class ProgressLines {
  private ProgressLines() {}

  static String started(ApplyEvent.Started e) {
    return e.step().address() + ": " + words(e).doing + "...";
  }

  static String polling(ApplyEvent.Polling e) {
    String line =
        e.step().address()
            + ": Still "
            + words(e).still
            + "... ["
            + Elapsed.format(e.elapsed())
            + " elapsed]";
    String description = printable(e.description());
    return description.isEmpty() ? line : line + " " + description;
  }

  /**
   * The broker's description with control characters (newlines, escape sequences) replaced by
   * spaces: it is text from the network and must neither break a line nor drive the terminal.
   */
  static String printable(String description) {
    var clean = new StringBuilder(description.length());
    description
        .codePoints()
        .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return clean.toString().strip();
  }

  static String completed(ApplyEvent.Completed e) {
    return e.step().address()
        + ": "
        + words(e).noun
        + " complete after "
        + Elapsed.format(e.elapsed());
  }

  static String leftInProgress(ApplyEvent.LeftInProgress e) {
    return e.step().address()
        + ": Still "
        + words(e).still
        + " after "
        + Elapsed.format(e.elapsed())
        + "; left in progress for the next apply or refresh";
  }

  static String failed(ApplyEvent.Failed e) {
    return e.step().address()
        + ": "
        + words(e).noun
        + " failed after "
        + Elapsed.format(e.elapsed());
  }

  static String skipped(ApplyEvent.Skipped e) {
    String reason = e.reason();
    String text =
        reason.startsWith("because ")
            ? "Skipped " + reason
            : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    return e.step().address() + ": " + text;
  }

  /** The line for an event that is printed once (all but polls, which are throttled). */
  static Optional<String> once(ApplyEvent event) {
    if (event instanceof ApplyEvent.Started e) {
      return Optional.of(started(e));
    } else if (event instanceof ApplyEvent.Completed e) {
      return Optional.of(completed(e));
    } else if (event instanceof ApplyEvent.LeftInProgress e) {
      return Optional.of(leftInProgress(e));
    } else if (event instanceof ApplyEvent.Failed e) {
      return Optional.of(failed(e));
    } else if (event instanceof ApplyEvent.Skipped e) {
      return Optional.of(skipped(e));
    } else if (event instanceof ApplyEvent.Polling) {
      return Optional.empty();
    }
    throw new AssertionError(event);
  }

  private static ActionWords words(ApplyEvent e) {
    return ActionWords.of(e.step().action());
  }
}
