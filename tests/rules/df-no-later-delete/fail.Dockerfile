FROM debian:12
RUN apt-get update && apt-get install -y build-essential && rm -rf /var/lib/apt/lists/*
RUN make
RUN apt-get purge -y build-essential && rm -rf /usr/share/doc
# expect: line=4 path=/instructions/3 container=-
