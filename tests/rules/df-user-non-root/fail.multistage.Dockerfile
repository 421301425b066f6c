FROM golang:1.22 AS build
USER 1000
RUN go build -o /app .
FROM alpine:3.19
COPY --from=build /app /app
CMD ["/app"]
# expect: line=4 path=/instructions/3 container=-
