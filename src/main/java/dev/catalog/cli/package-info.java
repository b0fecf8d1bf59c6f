/** Thin picocli commands that parse options and wire the other layers together. */
package dev.catalog.cli;
