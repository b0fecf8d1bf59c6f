#!/usr/bin/env bash
# Assembles the container image's whole root filesystem except the application, offline, from
# this machine's JDK and its shared libraries, because no registry (and so no base image) is
# reachable where catalog is built (docs/container.md). Jib then layers the application on top
# of `scratch` with this directory as an extra directory.
#
# Usage: build-runtime.sh JAVA_HOME OUTPUT_DIR
# Produces: OUTPUT_DIR/opt/java          jlinked Java runtime with a CDS archive of its classes
#           OUTPUT_DIR/lib*, usr/lib*    exactly the shared libraries that runtime links
#           OUTPUT_DIR/etc/passwd,group  the non-root user catalog (65532) the image runs as
#           OUTPUT_DIR/etc/ssl/...       CA certificates (Java trust store), so TLS to brokers
#           OUTPUT_DIR/tmp, home/catalog writable scratch space
set -euo pipefail
java_home=$1
out=$2

# The modules catalog uses. jdeps cannot analyse the shaded jar, so the list is kept by hand:
# java.net.http (broker client), java.naming + jdk.naming.dns (fabric8/netty DNS), java.sql
# (Jackson's date types), java.management + java.logging (JGit, netty, SLF4J),
# jdk.crypto.ec (TLS with EC keys), java.security.jgss (JGit), java.rmi (Apache MINA sshd: a
# failed SSH connection names java.rmi.ServerException), jdk.unsupported (netty,
# Jackson), jdk.zipfs, java.xml, jdk.charsets, jdk.localedata. Not java.desktop: only optional
# java.beans lookups in Jackson and SnakeYAML reference it, and it would drag in X11 libraries.
modules=java.base,java.logging,java.management,java.naming,java.net.http
modules=$modules,java.rmi,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets
modules=$modules,jdk.crypto.ec,jdk.localedata,jdk.naming.dns,jdk.unsupported,jdk.zipfs

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/home/catalog"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --include-locales=en --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/opt/java"

# Debian's JDK keeps its trust store and security files under /etc as symlinks; the image needs
# real files.
for f in "$out"/opt/java/lib/security/* "$out"/opt/java/conf/security/*; do
  if [ -L "$f" ]; then cp --remove-destination -L "$f" "$f" 2>/dev/null || rm -f "$f"; fi
done
if [ ! -s "$out/opt/java/lib/security/cacerts" ] && [ -s /etc/ssl/certs/java/cacerts ]; then
  cp -L /etc/ssl/certs/java/cacerts "$out/opt/java/lib/security/cacerts"
fi

# The JDK's own CDS archive (class data sharing): measurably faster start, see docs/container.md.
"$out/opt/java/bin/java" -Xshare:dump -XX:SharedArchiveFile="$out/opt/java/lib/server/classes.jsa" \
  > /dev/null

# Every shared library the runtime links, at the path the dynamic loader looks for it.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' \
  | sort -u \
  | grep -v "^$out/" \
  | while read -r lib; do
      cp -L --parents "$lib" "$out"
    done

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
catalog:x:65532:65532:catalog:/home/catalog:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
catalog:x:65532:
GROUP
echo "runtime assembled in $out ($(du -sh "$out" | cut -f1))"
