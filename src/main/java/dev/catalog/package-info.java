/**
 * catalog: a declarative reconciler for the Open Service Broker API. Sub-packages are layers:
 * {@code config} (desired state), {@code osb} (broker client), {@code state} (recorded state and
 * its backends), {@code plan}, {@code apply}, {@code sink} (credential delivery), {@code render}
 * and {@code cli}.
 */
package dev.catalog;
