/**
 * The Open Service Broker API v2.17 client, platform side: one {@link dev.catalog.osb.BrokerClient}
 * per broker, typed outcomes per operation, the async {@link dev.catalog.osb.OperationPoller},
 * transient-failure retries and the orphan-mitigation decision table.
 *
 * <p>This package knows nothing of config or state: it takes a {@link
 * dev.catalog.osb.BrokerConnection} record and returns values. Conformance notes are in
 * docs/osb-conformance.md; checklist ids (H-01, P-14, ...) refer to
 * shared/spec/osb-platform-checklist.md.
 */
package dev.catalog.osb;
