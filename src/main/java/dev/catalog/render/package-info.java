/**
 * Turns domain results into what people and tools read. Plans: one {@link
 * dev.catalog.render.PlanView} built from a {@link dev.catalog.plan.Plan}, written as
 * Terraform-like text, versioned JSON (docs/plan-json.md) or a Markdown pull-request comment, so
 * the three formats cannot disagree. Apply: three {@link dev.catalog.apply.ApplyListener}s (a live
 * terminal view, a line per event for CI logs, JSON lines for {@code --format json}) and the
 * Terraform-worded summary line. Secret values never reach a view; ANSI escapes live here and
 * nowhere else.
 */
package dev.catalog.render;
