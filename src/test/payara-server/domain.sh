#!/usr/bin/env bash
# The Payara Server domain of the payara-server profile (pom.xml), started once for the whole profile:
#   domain.sh start <payara home> <domain> <port base> <asadmin file>   a fresh domain, started, the file applied
#   domain.sh stop  <payara home> <domain>                              stops it
# Ports are the port base plus asadmin's offsets: admin +48, HTTP +80, HTTPS +81 (and the others create-domain
# documents), so that the domain does not collide with a Payara Server on the default ports.
set -euo pipefail

action="$1" home="$2" domain="$3"
asadmin=("$home/bin/asadmin" --interactive=false)

case "$action" in
start)
    portbase="$4" settings="$5"
    # A domain left running by an interrupted build would hold the ports.
    "${asadmin[@]}" stop-domain "$domain" >/dev/null 2>&1 || true
    rm -rf "$home/glassfish/domains/$domain"
    "${asadmin[@]}" --user admin create-domain --nopassword=true --portbase "$portbase" "$domain"
    "${asadmin[@]}" start-domain "$domain"
    "${asadmin[@]}" --port $((portbase + 48)) multimode --file "$settings"
    ;;
stop)
    "${asadmin[@]}" stop-domain "$domain"
    ;;
*)
    echo "usage: $0 start|stop <payara home> <domain> [<port base> <asadmin file>]" >&2
    exit 2
    ;;
esac
