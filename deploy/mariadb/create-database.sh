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
  --admin-host HOST       server to connect to over TCP (default: 127.0.0.1)
  --admin-port PORT       its port (default: 3306)
  --admin-socket PATH     connect through this Unix socket instead of host and port
                          (e.g. /run/mysqld/mysqld.sock as root: unix_socket authentication)
  --admin-user NAME       administrative user (default: root; with --admin-defaults, the
                          user that file names)
  --admin-defaults FILE   client option file with the administrator's credentials
                          (e.g. /etc/mysql/debian.cnf); the server is still the one the
                          options above choose
  --client COMMAND        MariaDB command-line client (default: mariadb, else mysql)
  -h, --help              show this help
  -- ...                  client options: -S PATH, -h HOST, -P PORT and -u NAME (or --socket=,
                          --host=, --port=, --user=) mean --admin-socket, --admin-host,
                          --admin-port and --admin-user; TLS and connection settings pass
                          through to the client (--ssl, --ssl-ca=FILE, --ssl-verify-server-cert,
                          --tls-version=..., --connect-timeout=N, --compress,
                          --default-auth=..., --plugin-dir=...); anything else is refused

The last lines say where the database was created, as the client reports its connection.

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
# which of the server's coordinates were asked for, and how (for the messages about conflicts)
host_from= port_from= socket_from= user_from=

need_value() {
    [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value (see --help)"
}

# set_once VARIABLE VALUE HOW: a coordinate of the server given once, or twice alike; never two different ones
set_once() {
    local name=$1 value=$2 how=$3 from_name=${1#admin_}_from
    local before=${!from_name}
    if [[ -n $before && ${!name} != "$value" ]]; then
        die "$before and $how name two different values: give one"
    fi
    printf -v "$name" '%s' "$value"
    printf -v "$from_name" '%s' "$how"
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --database) need_value "$@"; database=$2; shift 2 ;;
        --user) need_value "$@"; user=$2; shift 2 ;;
        --host) need_value "$@"; hosts+=("$2"); shift 2 ;;
        --admin-host) need_value "$@"; set_once admin_host "$2" "--admin-host $2"; shift 2 ;;
        --admin-port) need_value "$@"; set_once admin_port "$2" "--admin-port $2"; shift 2 ;;
        --admin-socket) need_value "$@"; set_once admin_socket "$2" "--admin-socket $2"; shift 2 ;;
        --admin-user) need_value "$@"; set_once admin_user "$2" "--admin-user $2"; shift 2 ;;
        --admin-defaults) need_value "$@"; admin_defaults=$2; shift 2 ;;
        --client) need_value "$@"; client=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; break ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

# The client options after --: those that choose the server or the user become the script's own (so the script
# connects where they say and says so), TLS and connection settings pass through, anything else is refused: it would
# connect elsewhere than the script reports, as someone else, or run other SQL than the script's.
while [[ $# -gt 0 ]]; do
    option=$1 value=
    case $option in
        -S | --socket | -h | --host | -P | --port | -u | --user)
            [[ $# -ge 2 && -n $2 ]] || die "the client option $option needs a value"
            value=$2
            shift ;;
        -S?* | -h?* | -P?* | -u?*) value=${option:2} option=${option:0:2} ;;
        --socket=* | --host=* | --port=* | --user=*) value=${option#*=} option=${option%%=*} ;;
    esac
    case $option in
        -S | --socket) set_once admin_socket "$value" "-- $option $value" ;;
        -h | --host) set_once admin_host "$value" "-- $option $value" ;;
        -P | --port) set_once admin_port "$value" "-- $option $value" ;;
        -u | --user) set_once admin_user "$value" "-- $option $value" ;;
        -p* | --password | --password=*)
            die "a password never goes on a command line: put the administrator's in MARIADB_ADMIN_PASSWORD, or in the file of --admin-defaults" ;;
        --protocol | --protocol=* | --pipe | -W | --shared-memory-base-name=*)
            die "the client option '$option' is not needed: --admin-socket PATH connects through a socket, --admin-host and --admin-port over TCP" ;;
        --defaults-file=* | --defaults-extra-file=* | --defaults-group-suffix=* | --no-defaults | --print-defaults | --login-path=*)
            die "the client option '$option' is not passed on: name an option file with --admin-defaults FILE" ;;
        -e* | --execute | --execute=*)
            die "the client option '$option' is refused: the client runs the script's SQL, and nothing else" ;;
        --ssl | --ssl=* | --ssl-* | --skip-ssl | --tls-version=* | --connect-timeout=* | --compress | -C | --default-auth=* | \
            --plugin-dir=* | --max-allowed-packet=* | --net-buffer-length=*)
            client_args+=("$option") ;;
        -*) die "the client option '$option' is not supported after -- (see --help): choose the server with --admin-host, --admin-port or --admin-socket" ;;
        *) die "'$option' after -- is not a client option (give values as --option=value)" ;;
    esac
    shift
done
if [[ -n $admin_socket && -n $host_from$port_from ]]; then
    die "${socket_from} and ${host_from:-$port_from} choose two ways to the server: a socket, or a host and port"
fi

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
# The command line names the server outright, so neither an option file nor the environment can move it elsewhere.
if [[ -n $admin_socket ]]; then
    admin+=("--protocol=socket" "--socket=$admin_socket")
    where="the socket $admin_socket"
else
    admin+=("--protocol=tcp" "--host=$admin_host" "--port=$admin_port")
    where=$admin_host:$admin_port
fi
if [[ -n $admin_defaults && -z $user_from ]]; then
    who="the user in $admin_defaults" # the file's user, which a --user here would override
else
    admin+=("--user=$admin_user")
    who="'$admin_user'"
fi
admin+=("--default-character-set=utf8mb4" "--batch" "--skip-column-names" "${client_args[@]}")

collation=utf8mb4_uca1400_vietnamese_as_ci

# The client's own account of the connection (its status command): how, and as whom, it is connected.
status=$("${admin[@]}" <<<"status") || die "cannot connect to MariaDB at $where as $who (see the client's message above)"
connection=$(sed -n 's/^Connection:[[:space:]]*//p' <<<"$status")
connected_as=$(sed -n 's/^Current user:[[:space:]]*//p' <<<"$status")
if [[ -n $admin_socket && $connection != *"socket"* || -z $admin_socket && $connection != *"TCP"* ]]; then
    die "the client connected by '${connection:-?}', not to $where as asked: nothing was created"
fi
server=$("${admin[@]}" <<<"SELECT VERSION(), @@port;") ||
    die "cannot query MariaDB at $where as $who (see the client's message above)"
read -r version server_port <<<"$server"
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

echo "Database \`$database\` ($collation) and user '$user' (hosts: ${hosts[*]}) are ready on MariaDB $version at $where"
echo "(the client's connection: $connection, as $connected_as)."
if [[ -n $admin_socket ]]; then
    if [[ $server_port == 0 ]]; then
        echo "This server does not listen on TCP (skip-networking), which Quorum's JDBC driver needs."
        exit 0
    fi
    url_server=localhost:$server_port
else
    url_server=$admin_host:$admin_port
fi
echo "Quorum connects with QUORUM_DB_URL=jdbc:mariadb://$url_server/$database QUORUM_DB_USER=$user and QUORUM_DB_PASSWORD."
