/** Test infrastructure that is neither a broker nor a cluster: console reporting of skips. */
package dev.catalog.testing;
