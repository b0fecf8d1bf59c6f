/**
 * The desired state: the records that {@code catalog.yaml} describes (brokers, instances, bindings,
 * the state backend), the loader that reads them from one or more files with {@code ${ENV}}
 * expansion, the validation that reports every problem with its {@code file:line:column}, and the
 * lazy resolution of secret references. Depends on no other layer.
 */
package dev.catalog.config;
