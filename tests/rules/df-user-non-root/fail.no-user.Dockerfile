FROM debian:12
RUN useradd app
CMD ["app"]
# expect: line=1 path=/instructions/0 container=-
