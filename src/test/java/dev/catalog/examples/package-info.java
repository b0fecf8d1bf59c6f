/** Tests that every shipped example (workflows, manifests) is valid and does what it says. */
package dev.catalog.examples;
