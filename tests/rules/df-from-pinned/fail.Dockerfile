FROM golang AS build
RUN go build
FROM alpine:latest
USER 1000
# expect: line=1 path=/instructions/0 container=-
# expect: line=3 path=/instructions/2 container=-
