package dev.catalog.cli;

import dev.catalog.osb.BrokerConnection;
import java.util.Objects;

/** A broker as commands see it: its configured name and how to reach it. */
record ConfiguredBroker(String name, BrokerConnection connection) {
  ConfiguredBroker {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connection, "connection");
  }
}
