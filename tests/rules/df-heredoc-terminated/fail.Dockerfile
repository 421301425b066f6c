FROM debian:12
RUN <<EOF
echo never closed
# expect: line=2 path=/instructions/1 container=-
