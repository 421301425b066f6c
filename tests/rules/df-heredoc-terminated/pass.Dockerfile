FROM debian:12
RUN <<-EOT bash
	set -e
	echo hi
	EOT
RUN echo done && \
  <<EOF sh
echo after continuation
EOF
