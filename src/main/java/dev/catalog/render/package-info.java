/**
 * Turns domain results into what people and tools read. For apply: three {@link
 * dev.catalog.apply.ApplyListener}s (a live terminal view, a line per event for CI logs, and JSON
 * lines for {@code --format json}) and the Terraform-worded summary line. ANSI escapes live here
 * and nowhere else.
 */
package dev.catalog.render;
