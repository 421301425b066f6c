FROM debian:12
USER 10001
CMD ["/demo"]
