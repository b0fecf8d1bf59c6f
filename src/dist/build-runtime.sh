#!/usr/bin/env bash
# The Java runtime the release tarball carries (issue 17), so a user needs no JDK: a jlinked
# runtime of the modules catalog uses with its own class data sharing archive, and for target/dist
# the AppCDS archive of catalog's classes made with that runtime (an archive only works with the
# runtime that made it). linux x64 only where it is built: jlink needs the target platform's jmods, and this build
# has only the host's (docs/install.md).
#
# Usage: build-runtime.sh JAVA_HOME DIST_DIR   (DIST_DIR holds lib/catalog.jar)
# Produces: DIST_DIR/runtime           the jlinked runtime (with lib/server/classes.jsa)
#           DIST_DIR/lib/catalog.jsa   the AppCDS archive bin/catalog uses with that runtime here
#                                      (and lib/catalog.jsa.for, the jar path it was made for)
set -euo pipefail
java_home=$1
dist=$2

# The same module list as the container image (src/image/build-runtime.sh says why each).
modules=java.base,java.logging,java.management,java.naming,java.net.http
modules=$modules,java.rmi,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets
modules=$modules,jdk.crypto.ec,jdk.localedata,jdk.naming.dns,jdk.unsupported,jdk.zipfs

rm -rf "$dist/runtime" "$dist/lib/catalog.jsa" "$dist/lib/catalog.jsa.for"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --include-locales=en --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$dist/runtime"

# Debian's JDK keeps its trust store and security files under /etc as symlinks; a tarball
# unpacked on another machine needs real files.
for f in "$dist"/runtime/lib/security/* "$dist"/runtime/conf/security/*; do
  if [ -L "$f" ]; then cp --remove-destination -L "$f" "$f" 2>/dev/null || rm -f "$f"; fi
done
if [ ! -s "$dist/runtime/lib/security/cacerts" ] && [ -s /etc/ssl/certs/java/cacerts ]; then
  cp -L /etc/ssl/certs/java/cacerts "$dist/runtime/lib/security/cacerts"
fi

# The runtime's own CDS archive, the base the AppCDS archive below extends.
"$dist/runtime/bin/java" -Xshare:dump >/dev/null

# A training run of validate with the launcher's JVM flags, as the cds-archive execution does
# for target/catalog.jsa (pom.xml), for target/dist used in place. JDK 17 accepts the archive only
# for the jar path it was made with, so it is made with the path bin/catalog computes, which
# lib/catalog.jsa.for records; the tarball leaves both out and bin/catalog makes them on a
# release's first run where it was unpacked.
example=$(dirname "$0")/../../examples/catalog.yaml
jar=$(cd "$dist/bin" && pwd)/../lib/catalog.jar
"$dist/runtime/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
  -XX:ArchiveClassesAtExit="$dist/lib/catalog.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$jar" dev.catalog.cli.Main validate -f "$example" >/dev/null
printf '%s\n' "$jar" >"$dist/lib/catalog.jsa.for"
echo "runtime in $dist/runtime ($(du -sh "$dist/runtime" | cut -f1)), archive $(du -sh "$dist/lib/catalog.jsa" | cut -f1)"
