/**
 * Delivery of a new binding's credentials to where the configuration sends them: a Kubernetes
 * Secret or a local file (PRODUCT.md section 5, issue 6). Also reads them back for {@code catalog
 * credentials} and removes them on unbind. Credentials stay inside {@link
 * dev.catalog.SensitiveJson}; state only ever receives a {@link dev.catalog.sink.Delivery}: a
 * keyed-hash fingerprint and a description of where they went.
 */
package dev.catalog.sink;
