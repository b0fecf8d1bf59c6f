/**
 * Executes a plan: {@link dev.catalog.apply.GraphWalker} walks steps in dependency order with a
 * bounded number in flight, skipping the dependents of failures, and reports progress as {@link
 * dev.catalog.apply.ApplyEvent}s; {@link dev.catalog.apply.StateRecorder} serialises every state
 * write so each is persisted before the next operation starts (PRODUCT.md section 5, issue 6). The
 * package never prints; renderers in {@code dev.catalog.render} listen to the events.
 */
package dev.catalog.apply;
