package dev.catalog.render;

import dev.catalog.apply.StepAction;

/** Terraform's progress wording per action ({@code Creating...}, {@code Creation complete}). */
enum ActionWords {
  CREATE("Creating", "creating", "Creation"),
  UPDATE("Modifying", "modifying", "Modifications"),
  REPLACE("Replacing", "replacing", "Replacement"),
  DELETE("Destroying", "destroying", "Destruction");

  final String doing;
  final String still;
  final String noun;

  ActionWords(String doing, String still, String noun) {
    this.doing = doing;
    this.still = still;
    this.noun = noun;
  }

  static ActionWords of(StepAction action) {
    return switch (action) {
      case CREATE -> CREATE;
      case UPDATE -> UPDATE;
      case REPLACE -> REPLACE;
      case DELETE -> DELETE;
    };
  }
}
