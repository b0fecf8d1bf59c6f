/**
 * A real kube-apiserver and etcd on loopback for tests, from binaries that {@code
 * .ci/install-kube-apiserver.sh} builds (issue 4: real parts in tests).
 */
package dev.catalog.testkube;
