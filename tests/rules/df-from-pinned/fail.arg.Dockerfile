ARG BASE=node
FROM ${BASE}
USER 1000
# expect: line=2 path=/instructions/1 container=-
