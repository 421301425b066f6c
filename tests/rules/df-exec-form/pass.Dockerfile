FROM nginx:1.25
CMD ["nginx", "-g", "daemon off;"]
