FROM debian:12
RUN apt-get update && apt-get install -y build-essential && make && apt-get autoremove --purge -y build-essential && rm -rf /var/lib/apt/lists/*
