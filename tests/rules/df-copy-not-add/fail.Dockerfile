FROM debian:12
ADD app /app
# expect: line=2 path=/instructions/1 container=-
