/**
 * The broker catalog as the platform reads it (spec S:349-520): offerings, plans, their flags with
 * the spec's defaults and plan-over-offering precedence, parameter schemas kept as JSON, and the
 * validation a platform applies before trusting a catalog (checklist C-06).
 */
package dev.catalog.osb.model;
