/**
 * Build contexts the lessons use, on the host under /root (writable: the
 * learner edits them or writes new Dockerfiles with `cat > Dockerfile <<EOF`).
 *   /root/demo    L9: `docker build -t demo:v2 .` (debian + nginx + COPY)
 *   /root/layers  L7 / E7.2: the "delete in a later layer" anti-pattern (demo:bad)
 *   /root/hello   L9 / E9.1 / E9.2: a Go web server, multi-stage, cache-friendly order
 */
const GO_MAIN =
  'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "Hello, 世界") })\n\thttp.ListenAndServe(":8888", nil)\n}\n';

export const DEMO_FILES: Record<string, string> = {
  '/root/demo/Dockerfile': 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx\nCOPY . /app\nRUN rm /etc/nginx/sites-available/default\n',
  '/root/demo/index.html': '<h1>v1</h1>\n',
  '/root/layers/Dockerfile':
    'FROM debian:12\nCOPY . /src\nRUN apt-get update && apt-get install -y build-essential\nRUN make -C /src install\nRUN apt-get autoremove --purge -y build-essential && rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n',
  '/root/layers/Makefile': 'app: main.c\n\tcc -O2 -o app main.c\ninstall: app\n\tinstall -m 0755 app /usr/local/bin/app\n',
  '/root/layers/main.c': 'int main(void){return 0;}\n',
  '/root/hello/Dockerfile':
    'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/hello .\nFROM scratch\nCOPY --from=build /out/hello /hello\nENTRYPOINT ["/hello"]\n',
  '/root/hello/go.mod': 'module github.com/cloudnativedevops/demo/hello\n\ngo 1.22\n\nrequire github.com/gorilla/mux v1.8.1\n',
  '/root/hello/go.sum':
    'github.com/gorilla/mux v1.8.1 h1:TuBL49tXwgrFYWhqrNgrUNEY92u81SPhu7sTdzQEiWY=\ngithub.com/gorilla/mux v1.8.1/go.mod h1:AKf9I4AEqPTmMytcMc0KkNouC66V3BtZ4qD5fmWSiMQ=\n',
  '/root/hello/main.go': GO_MAIN,
};
