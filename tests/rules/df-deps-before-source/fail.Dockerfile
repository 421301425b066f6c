FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci
USER 1000
CMD ["node", "server.js"]
# expect: line=3 path=/instructions/2 container=-
