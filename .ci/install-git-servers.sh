#!/usr/bin/env bash
# The Git servers the git backend tests start on loopback (issue 19 item 7): nginx + fcgiwrap in
# front of Git's own git-http-backend (HTTPS, basic auth), OpenSSH's sshd, ssh-keygen, openssl.
# Idempotent: when every program is there it installs nothing. Needs root (apt-get) otherwise.
set -euo pipefail

needed=(/usr/sbin/nginx /usr/sbin/fcgiwrap /usr/lib/git-core/git-http-backend /usr/sbin/sshd
  /usr/bin/ssh-keygen /usr/bin/openssl)
missing=0
for program in "${needed[@]}"; do
  [ -x "$program" ] || missing=1
done
if [ "$missing" = 1 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # Debian's service scripts would start nginx and sshd as daemons; the tests start their own.
  ours=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    ours=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    git nginx-light fcgiwrap openssh-server openssh-client openssl >/dev/null
  [ "$ours" = 0 ] || $SUDO rm -f /usr/sbin/policy-rc.d
fi
for program in "${needed[@]}"; do
  [ -x "$program" ] || { echo "missing $program after install" >&2; exit 1; }
done
echo "git servers: nginx, fcgiwrap, git-http-backend, sshd ready"
