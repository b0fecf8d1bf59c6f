/**
 * The reference OSB broker for integration tests and the demo: Spring Cloud Open Service Broker
 * 4.1.0 with a synchronous {@code db} and an asynchronous {@code queue} service, basic auth, an
 * inspectable {@link dev.catalog.testbroker.BrokerLedger} and a {@link
 * dev.catalog.testbroker.FaultInjector}. Started in-process by {@link
 * dev.catalog.testbroker.ReferenceBroker#start}, or on its own by {@code bin/demo-broker}.
 */
package dev.catalog.testbroker;
