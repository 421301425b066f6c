FROM golang:1.22 AS build
RUN true
FROM build AS test
RUN true
FROM scratch
COPY --from=build /a /a
