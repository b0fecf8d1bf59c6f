package dev.catalog.apply;

/**
 * Receives a walk's progress. The walker calls it from one thread at a time, in the order events
 * happen, so implementations need no locking of their own against the walk.
 */
public interface ApplyListener {
  /** A listener that ignores everything. */
  ApplyListener NONE = event -> {};

  void onEvent(ApplyEvent event);

  /** Called once, after the last event. */
  default void onFinish(ApplyResult result) {}
}
