package dev.catalog.render;

/** Colours for progress output; every method returns the text unchanged when colour is off. */
final class AnsiStyle {
  private final boolean colour;

  AnsiStyle(boolean colour) {
    this.colour = colour;
  }

  String green(String text) {
    return wrap("\u001B[32;1m", text);
  }

  String red(String text) {
    return wrap("\u001B[31;1m", text);
  }

  String yellow(String text) {
    return wrap("\u001B[33;1m", text);
  }

  private String wrap(String code, String text) {
    return colour ? code + text + "\u001B[0m" : text;
  }
}
