FROM debian:12
RUN apt-get update
RUN apt-get install -y nginx && rm -rf /var/lib/apt/lists/*
# expect: line=2 path=/instructions/1 container=-
# expect: line=3 path=/instructions/2 container=-
