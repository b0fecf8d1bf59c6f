package dev.catalog.apply;

/**
 * Hands events to a listener one at a time: polls arrive from worker threads while the walk reports
 * starts and ends from its own, and renderers should not each need a lock.
 */
final class SerialListener {
  private final ApplyListener listener;

  SerialListener(ApplyListener listener) {
    this.listener = listener;
  }

  synchronized void send(ApplyEvent event) {
    listener.onEvent(event);
  }

  synchronized void finish(ApplyResult result) {
    listener.onFinish(result);
  }
}
