FROM debian:12
RUN <<EOF
set -e
apt-get update
apt-get install -y nginx
rm -rf /var/lib/apt/lists/*
EOF
