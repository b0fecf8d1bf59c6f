/**
 * Real Git servers on loopback for tests: Git's own smart-HTTP CGI ({@code git-http-backend})
 * behind nginx and fcgiwrap over HTTPS with basic auth, and OpenSSH's sshd, each started by the
 * test from Debian packages that {@code .ci/run} installs (issue 19 item 7).
 */
package dev.catalog.testgit;
