#!/usr/bin/env bash
# Creates (or updates) Quorum's database and its user on a MariaDB server. See --help.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: QUORUM_DB_PASSWORD=... deploy/mariadb/create-database.sh [options] [-- client options]

Creates Quorum's database on a MariaDB 10.10+ server (utf8mb4, collation
utf8mb4_uca1400_vietnamese_as_ci) and a user with ALL privileges on it, for the hosts
'localhost' and '127.0.0.1' (and any given with --host). Safe to run again: the database is
kept, its defaults are set again, and the user's password is set to QUORUM_DB_PASSWORD.

The SQL travels to the client on stdin; no password ever appears on a command line.

Environment:
  QUORUM_DB_PASSWORD      the new user's password (required)
  MARIADB_ADMIN_PASSWORD  the administrator's password, if the server asks for one
                          (handed to the client in a temporary option file, mode 600)

Options:
  --database NAME         database to create (default: quorum)
  --user NAME             user to create (default: quorum)
  --host HOST             also create the user for this host, e.g. '10.0.0.%' (repeatable)
  --admin-host HOST       server to connect to (default: 127.0.0.1)
  --admin-port PORT       its port (default: 3306)
  --admin-socket PATH     connect through this Unix socket instead of host and port
                          (e.g. /run/mysqld/mysqld.sock as root: unix_socket authentication)
  --admin-user NAME       administrative user (default: root)
  --admin-defaults FILE   client option file with the administrator's credentials
                          (e.g. /etc/mysql/debian.cnf)
  --client COMMAND        MariaDB command-line client (default: mariadb, else mysql)
  -h, --help              show this help
  -- ...                  everything after -- is passed to the client (e.g. --ssl)

Example:
  QUORUM_DB_PASSWORD='a long random secret' deploy/mariadb/create-database.sh
  then run Quorum with
  QUORUM_DB_URL=jdbc:mariadb://127.0.0.1:3306/quorum QUORUM_DB_USER=quorum QUORUM_DB_PASSWORD=... mvn -Prun package
EOF
}

die() {
    echo "create-database.sh: $*" >&2
    exit 2
}

database=quorum
user=quorum
hosts=(localhost 127.0.0.1)
admin_host=127.0.0.1
admin_port=3306
admin_socket=
admin_user=root
admin_defaults=
client=
client_args=()

need_value() {
    [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value (see --help)"
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --database) need_value "$@"; database=$2; shift 2 ;;
        --user) need_value "$@"; user=$2; shift 2 ;;
        --host) need_value "$@"; hosts+=("$2"); shift 2 ;;
        --admin-host) need_value "$@"; admin_host=$2; shift 2 ;;
        --admin-port) need_value "$@"; admin_port=$2; shift 2 ;;
        --admin-socket) need_value "$@"; admin_socket=$2; shift 2 ;;
        --admin-user) need_value "$@"; admin_user=$2; shift 2 ;;
        --admin-defaults) need_value "$@"; admin_defaults=$2; shift 2 ;;
        --client) need_value "$@"; client=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; client_args=("$@"); break ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

[[ -n ${QUORUM_DB_PASSWORD:-} ]] || die "set QUORUM_DB_PASSWORD to the password the user '$user' should have"
[[ $database =~ ^[A-Za-z0-9_]{1,64}$ ]] || die "database name '$database' must be 1-64 letters, digits or _"
[[ $user =~ ^[A-Za-z0-9_.-]{1,80}$ ]] || die "user name '$user' must be 1-80 letters, digits, _ . or -"
[[ $admin_port =~ ^[0-9]{1,5}$ ]] || die "--admin-port '$admin_port' is not a port number"
for host in "${hosts[@]}"; do
    [[ $host =~ ^[A-Za-z0-9_.:%/-]{1,255}$ ]] || die "host '$host' may hold only letters, digits and _ . : % / -"
done
[[ -z $admin_defaults || -r $admin_defaults ]] || die "cannot read the option file '$admin_defaults'"

if [[ -z $client ]]; then
    if command -v mariadb >/dev/null; then client=mariadb
    elif command -v mysql >/dev/null; then client=mysql
    else die "no MariaDB client found: install one (Debian: apt-get install mariadb-client) or name it with --client"
    fi
fi
command -v "$client" >/dev/null || die "the client '$client' is not installed"

# A string literal for SQL. The script sets NO_BACKSLASH_ESCAPES first, so doubling ' is the whole job.
literal() {
    printf "'%s'" "${1//\'/\'\'}"
}

# The administrator's password goes into an option file only the current user can read, never onto argv.
options_file=
cleanup() {
    if [[ -n $options_file ]]; then rm -f -- "$options_file"; fi
}
trap cleanup EXIT
if [[ -n ${MARIADB_ADMIN_PASSWORD:-} ]]; then
    options_file=$(umask 077 && mktemp "${TMPDIR:-/tmp}/quorum-admin.XXXXXX.cnf")
    escaped=${MARIADB_ADMIN_PASSWORD//\\/\\\\}
    escaped=${escaped//\"/\\\"}
    printf '[client]\npassword="%s"\n' "$escaped" >"$options_file"
fi

admin=("$client")
# --defaults-extra-file / --defaults-file must come first on the client's command line
if [[ -n $admin_defaults ]]; then admin+=("--defaults-extra-file=$admin_defaults"); fi
if [[ -n $options_file ]]; then
    if [[ -n $admin_defaults ]]; then
        die "give the administrator's password either in MARIADB_ADMIN_PASSWORD or in --admin-defaults, not both"
    fi
    admin+=("--defaults-extra-file=$options_file")
fi
if [[ -n $admin_socket ]]; then
    admin+=("--protocol=socket" "--socket=$admin_socket")
    where=$admin_socket
else
    admin+=("--protocol=tcp" "--host=$admin_host" "--port=$admin_port")
    where=$admin_host:$admin_port
fi
admin+=("--user=$admin_user" "--default-character-set=utf8mb4" "--batch" "--skip-column-names" "${client_args[@]}")

collation=utf8mb4_uca1400_vietnamese_as_ci

version=$("${admin[@]}" <<<"SELECT VERSION();") ||
    die "cannot connect to MariaDB at $where as '$admin_user' (see the client's message above)"
# The collation came with MariaDB 10.10: say so plainly rather than fail on CREATE DATABASE.
"${admin[@]}" <<<"SELECT _utf8mb4'x' COLLATE $collation;" >/dev/null 2>&1 ||
    die "MariaDB $version at $where lacks the collation $collation: Quorum needs MariaDB 10.10 or newer"

sql() {
    local password host account
    password=$(literal "$QUORUM_DB_PASSWORD")
    echo "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES';"
    echo "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE $collation;"
    echo "ALTER DATABASE \`$database\` CHARACTER SET utf8mb4 COLLATE $collation;"
    for host in "${hosts[@]}"; do
        account="$(literal "$user")@$(literal "$host")"
        echo "CREATE USER IF NOT EXISTS $account IDENTIFIED BY $password;"
        echo "ALTER USER $account IDENTIFIED BY $password;"
        echo "GRANT ALL PRIVILEGES ON \`$database\`.* TO $account;"
    done
}

sql | "${admin[@]}" || die "the server at $where refused to create the database or the user (see the client's message above)"

if [[ -n $admin_socket ]]; then url_server=localhost:3306; else url_server=$admin_host:$admin_port; fi
echo "Database \`$database\` ($collation) and user '$user' (hosts: ${hosts[*]}) are ready on $where."
echo "Quorum connects with QUORUM_DB_URL=jdbc:mariadb://$url_server/$database QUORUM_DB_USER=$user and QUORUM_DB_PASSWORD."
