# Shared by scripts/opensearch, scripts/elasticsearch and scripts/s3proxy: the Java
# services CI installs from Maven Central and runs on loopback. Sourced, not run.
#
# The caller defines log() and die(); RUN_USER (for prepare_user) and LOGFILE (for
# fail_start) where it uses those.

DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1

# --- System packages -------------------------------------------------------

APT_UPDATED=
apt_install() {
    [[ $EUID -eq 0 ]] || die "missing $*; install it (or run as root to have it installed)"
    if [[ -z $APT_UPDATED ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

apt_has() { # package has an install candidate
    [[ $EUID -eq 0 ]] || return 1
    [[ -n $APT_UPDATED ]] || { apt-get update -qq >&2; APT_UPDATED=1; }
    apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'
}

need_cmd() { # command [package]
    command -v "$1" >/dev/null || apt_install "${2:-$1}"
}

# --- Java ------------------------------------------------------------------

java_major() { # JAVA_HOME -> major version (17, 21, 25, ...)
    local v=
    [[ -f $1/release ]] && v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
    [[ -n $v ]] || v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
    v=${v#1.} # 1.8 -> 8
    echo "${v%%[.+-]*}"
}

find_java() { # min [max [tool]] -> the newest JAVA_HOME in range that has bin/<tool>
    local d m best='' best_m=0
    for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
        [[ -x $d/bin/${3:-java} ]] || continue
        m=$(java_major "$d")
        [[ $m =~ ^[0-9]+$ ]] || continue
        if ((m >= $1 && m <= ${2:-99} && m > best_m)); then
            best=$d best_m=$m
        fi
    done
    [[ -n $best ]] && realpath "$best"
}

# --- Install ---------------------------------------------------------------

mvn_copy() { # artifact outdir: fetch via Maven so ~/.m2 caches it
    local out
    # Run from the target dir so a pom.xml in the caller's cwd is not picked up.
    if ! out=$(cd "$2" && mvn -q -B -Dstyle.color=never "$DEP_PLUGIN:copy" \
        -Dartifact="$1" -DoutputDirectory=. 2>&1); then
        echo "$out" >&2
        die "mvn could not fetch $1"
    fi
}

# As root, run the service as $RUN_USER; it needs to own its install dir and to
# reach it (e.g. /root is 0700).
prepare_user() { # install dir
    id -u "$RUN_USER" >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$RUN_USER"
    chown -R "$RUN_USER:" "$1"
    # Walk down from / and open (search only, not list) any blocking dir.
    local d='' part parts
    IFS=/ read -ra parts <<<"${1#/}"
    for part in "${parts[@]}"; do
        d=$d/$part
        if ! runuser -u "$RUN_USER" -- test -x "$d"; then
            log "chmod o+x $d (so $RUN_USER can reach $1)"
            chmod o+x "$d"
        fi
    done
}

# --- Processes -------------------------------------------------------------

alive() { # pid is running (a zombie counts as dead)
    local state
    state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ $state != Z ]]
}

fail_start() {
    log "$1"
    log "last lines of $LOGFILE:"
    tail -n 60 "$LOGFILE" >&2 || true
    log "full log: $LOGFILE"
    exit 1
}
