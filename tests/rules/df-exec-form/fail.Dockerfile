FROM nginx:1.25
ENTRYPOINT /docker-entrypoint.sh
CMD nginx -g "daemon off;"
# expect: line=2 path=/instructions/1 container=-
# expect: line=3 path=/instructions/2 container=-
