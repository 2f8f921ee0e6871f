#!/usr/bin/env bash
# A throw-away Virtuoso 7 (Debian: virtuoso-opensource) for trying govgraph's graph and
# queries by hand; tests/test_stores.py does the same from Python.
#
#   scripts/virtuoso_test_server.sh start DIR [GRAPH.ttl [GRAPH_IRI]]
#       new database in DIR, listening on 127.0.0.1 only (free ports, or $VT_SQL_PORT and
#       $VT_HTTP_PORT), loads GRAPH.ttl (default out/govgraph.ttl) into GRAPH_IRI (default
#       http://govgraph/test) and prints the SPARQL endpoint
#   scripts/virtuoso_test_server.sh stop DIR
#       stops that server (its process group) and leaves DIR for inspection
#
# Example:
#   scripts/virtuoso_test_server.sh start /tmp/vt
#   curl -s --data-urlencode query@ontology/queries/adopters_of_mechanism.rq \
#        --data-urlencode default-graph-uri=http://govgraph/test \
#        -H 'Accept: text/csv' http://127.0.0.1:$(cat /tmp/vt/http.port)/sparql
#   scripts/virtuoso_test_server.sh stop /tmp/vt
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$cmd" in
start)
    command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: apt-get install virtuoso-opensource" >&2; exit 1; }
    ttl=${3:-out/govgraph.ttl}
    graph_iri=${4:-http://govgraph/test}
    [[ -f "$ttl" ]] || { echo "$ttl: no such file (run govgraph build first)" >&2; exit 1; }
    mkdir -p "$dir/www"
    dir=$(cd "$dir" && pwd)
    [[ -e "$dir/virtuoso.pid" ]] && { echo "$dir: a server was started here; stop it first" >&2; exit 1; }
    sql_port=${VT_SQL_PORT:-$(free_port)}
    http_port=${VT_HTTP_PORT:-$(free_port)}
    while [[ "$http_port" == "$sql_port" ]]; do http_port=$(free_port); done
    cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$sql_port
DisableUnixSocket        = 1
MaxClientConnections     = 8
CheckpointInterval       = 0
CaseMode                 = 2
DirsAllowed              = ., $dir
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
ThreadsPerQuery          = 2

[HTTPServer]
ServerPort               = 127.0.0.1:$http_port
ServerRoot               = $dir/www
MaxClientConnections     = 4
ServerThreads            = 4
Charset                  = UTF-8

[SPARQL]
ResultSetMaxRows         = 100000
MaxQueryExecutionTime    = 120
EOF
    echo "$sql_port" >"$dir/sql.port"
    echo "$http_port" >"$dir/http.port"
    # own session (process group), foreground mode: the pid is the server's
    setsid virtuoso-t -f -c "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1 </dev/null &
    echo $! >"$dir/virtuoso.pid"
    t0=$(date +%s)
    ready() {
        python3 -c 'import sys, urllib.request, urllib.parse
urllib.request.urlopen("http://127.0.0.1:%s/sparql?%s" % (sys.argv[1], urllib.parse.urlencode({"query": "ASK {}"})), timeout=2)' \
            "$http_port" 2>/dev/null
    }
    until ready; do
        if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
            echo "virtuoso-t exited; see $dir/virtuoso.log" >&2
            rm -f "$dir/virtuoso.pid"
            exit 1
        fi
        if (( $(date +%s) - t0 > 120 )); then
            echo "virtuoso-t not ready after 120 s; see $dir/virtuoso.log" >&2
            exit 1
        fi
        sleep 0.25
    done
    cp "$ttl" "$dir/data.ttl"
    isql-vt "127.0.0.1:$sql_port" dba dba \
        exec="DB.DBA.TTLP_MT(file_to_string_output('$dir/data.ttl'), '', '$graph_iri', 0); checkpoint;" >/dev/null
    echo "ready in $(( $(date +%s) - t0 )) s: SPARQL http://127.0.0.1:$http_port/sparql (graph <$graph_iri>)," \
         "isql-vt 127.0.0.1:$sql_port dba dba; pid $(cat "$dir/virtuoso.pid")"
    ;;
stop)
    pidfile="$dir/virtuoso.pid"
    [[ -f "$pidfile" ]] || { echo "$dir: no server started here" >&2; exit 1; }
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid"
        for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid"
    fi
    rm -f "$pidfile"
    echo "stopped"
    ;;
*)
    echo "unknown command $cmd (start or stop)" >&2
    exit 2
    ;;
esac
