FROM debian:12
WORKDIR app
# expect: line=2 path=/instructions/1 container=-
