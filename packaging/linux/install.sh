#!/bin/sh
# reviewtui @VERSION@ for ARM Linux (Kylin, UOS, Debian...): makes the program's own Python
# environment in this folder from the wheels beside this file, with no network, and a
# `reviewtui` command here. Needs Python 3.11, 3.12 or 3.13 with its venv module.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PY=$candidate
      break
    fi
  done
fi
if [ -z "$PY" ]; then
  echo "没有找到 Python 3.11、3.12 或 3.13（含 venv 模块）。请先安装，或用 PYTHON=/路径/python3.11 sh install.sh 指定。" >&2
  echo "Python 3.11, 3.12 or 3.13 (with venv) was not found; install one, or name it: PYTHON=/path/to/python3.11 sh install.sh" >&2
  exit 1
fi
echo "Python: $(command -v "$PY")"
rm -rf "$HERE/env"
"$PY" -m venv "$HERE/env"
"$HERE/env/bin/python" -m pip install --no-index --find-links "$HERE/wheels" reviewtui
cat > "$HERE/reviewtui" <<LAUNCH
#!/bin/sh
exec "$HERE/env/bin/reviewtui" "\$@"
LAUNCH
chmod 755 "$HERE/reviewtui"
"$HERE/reviewtui" --version
echo "安装完成 / installed: $HERE/reviewtui demo   ($HERE/reviewtui run 会议.toml)"
