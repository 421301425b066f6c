FROM debian:12
ARG GITHUB_TOKEN
ENV DB_PASSWORD=hunter2 LOG_LEVEL=info
# expect: line=2 path=/instructions/1 container=-
# expect: line=3 path=/instructions/2 container=-
