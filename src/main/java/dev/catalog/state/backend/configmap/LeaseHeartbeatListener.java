package dev.catalog.state.backend.configmap;

import java.time.Instant;

/** What the lock's heartbeat thread observed; both methods run on that thread. */
interface LeaseHeartbeatListener {
  LeaseHeartbeatListener NONE = new LeaseHeartbeatListener() {};

  /** The lease was renewed with this renew time. */
  default void renewed(Instant at) {}

  /** The lease is no longer this lock's. */
  default void lost(String reason) {}
}
