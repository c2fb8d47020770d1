#!/bin/sh
# Makes sure the sandbox's system packages are installed: Orthanc and its DICOMweb plugin (Debian packages),
# with --with-chromium the browser CI runs Playwright with, and with --with-nginx the web server of the
# deployment recipe (deploy/), which an e2e project starts. Idempotent: does nothing when all are present.
# As root it installs what is missing with apt-get; otherwise it says what to install and exits 1.
set -eu

with_chromium=false
with_nginx=false
for arg in "$@"; do
  case "$arg" in
    --with-chromium) with_chromium=true ;;
    --with-nginx) with_nginx=true ;;
    -h | --help)
      echo "usage: $0 [--with-chromium] [--with-nginx]"
      exit 0
      ;;
    *)
      echo "unknown option: $arg" >&2
      exit 2
      ;;
  esac
done

missing=""
[ -x /usr/sbin/Orthanc ] || missing="$missing orthanc"
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || missing="$missing orthanc-dicomweb"
# pydicom's test images (one more set of transfer syntaxes for the sandbox); the sandbox runs without them.
[ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ] || missing="$missing python3-pydicom"
if [ "$with_chromium" = true ] && ! command -v chromium >/dev/null 2>&1; then
  missing="$missing chromium"
fi

# nginx-light is the smallest Debian nginx with gzip_static; the brotli module serves the build's .br files.
if [ "$with_nginx" = true ]; then
  [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
fi

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The sandbox needs these Debian packages:$missing" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# The Debian orthanc and nginx packages may start their own services (ports 8042/4242, 80); policy-rc.d
# keeps them from starting here: the sandbox and the e2e setup run their own processes on their own ports.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=true
fi
cleanup() {
  if [ "$created_policy" = true ]; then rm -f "$policy"; fi
}
trap cleanup EXIT
apt-get update
# shellcheck disable=SC2086 # the package list is meant to split into words
apt-get install -y $missing
