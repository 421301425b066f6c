FROM debian:12
USER 1000
# expect: line=1 path=/instructions/0 container=-
