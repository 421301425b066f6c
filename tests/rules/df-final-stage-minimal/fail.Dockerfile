FROM golang:1.22 AS build
RUN go build -o /app .
FROM golang:1.22
COPY --from=build /app /app
USER 1000
# expect: line=3 path=/instructions/2 container=-
