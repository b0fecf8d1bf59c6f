package dev.catalog.state.backend;

import java.util.Map;

/** The contract against the {@code local} backend: a file in a fresh temporary directory. */
class LocalBackendTest extends StateBackendContract {
  @Override
  protected String type() {
    return "local";
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("path", workDir.resolve("state/catalog.state.json").toString());
  }
}
