package dev.catalog.apply;

import java.util.List;

/**
 * Receives a walk's progress. The walker calls it from one thread at a time, in the order events
 * happen, so implementations need no locking of their own against the walk.
 */
public interface ApplyListener {
  /** A listener that ignores everything. */
  ApplyListener NONE = event -> {};

  void onEvent(ApplyEvent event);

  /** A listener that passes every event and the result to each of {@code listeners}, in order. */
  static ApplyListener all(ApplyListener... listeners) {
    var copy = List.of(listeners);
    return new ApplyListener() {
      @Override
      public void onEvent(ApplyEvent event) {
        copy.forEach(listener -> listener.onEvent(event));
      }

      @Override
      public void onFinish(ApplyResult result) {
        copy.forEach(listener -> listener.onFinish(result));
      }
    };
  }

  /** Called once, after the last event. */
  default void onFinish(ApplyResult result) {}
}
