FROM alpine:3.19
USER 1000
RUN id
USER root
CMD ["id"]
# expect: line=4 path=/instructions/3 container=-
