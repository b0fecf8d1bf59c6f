/**
 * Renders plans: one {@link dev.catalog.render.PlanView} built from a {@link
 * dev.catalog.plan.Plan}, written as Terraform-like text, versioned JSON (docs/plan-json.md) or a
 * Markdown pull-request comment, so the three formats cannot disagree. Secret values never reach
 * the view. ANSI colour lives here and nowhere else.
 */
package dev.catalog.render;
