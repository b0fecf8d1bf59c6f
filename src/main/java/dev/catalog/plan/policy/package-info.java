/**
 * Guardrails: the {@code policies:} of the configuration, CEL expressions evaluated on every planned
 * resource. {@link dev.catalog.plan.policy.PolicyCheck} is the entry point; only it touches the CEL
 * classes ({@link dev.catalog.plan.policy.CelRules}), and only when policies exist, so a
 * configuration without policies never loads CEL.
 */
package dev.catalog.plan.policy;
