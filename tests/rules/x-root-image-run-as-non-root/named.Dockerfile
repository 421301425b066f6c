FROM debian:12
USER nobody
CMD ["/demo"]
