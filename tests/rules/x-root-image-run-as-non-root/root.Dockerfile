FROM debian:12
COPY demo /demo
CMD ["/demo"]
