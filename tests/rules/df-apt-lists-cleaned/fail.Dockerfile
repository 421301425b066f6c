FROM debian:12
RUN apt-get update && apt-get install -y nginx
# expect: line=2 path=/instructions/1 container=-
