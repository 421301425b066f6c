/**
 * `kubectl options` (the global flags; OptionsUsageTemplate), as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/options/options.go, through pkg/util/templates/templates.go MainHelpTemplate.
 */
export default `The following options can be passed to any command:

    --as='':
\tUsername to impersonate for the operation. User could be a regular user or a service account in a namespace.

    --as-group=[]:
\tGroup to impersonate for the operation, this flag can be repeated to specify multiple groups.

    --as-uid='':
\tUID to impersonate for the operation.

    --cache-dir='/root/.kube/cache':
\tDefault cache directory

    --certificate-authority='':
\tPath to a cert file for the certificate authority

    --client-certificate='':
\tPath to a client certificate file for TLS

    --client-key='':
\tPath to a client key file for TLS

    --cluster='':
\tThe name of the kubeconfig cluster to use

    --context='':
\tThe name of the kubeconfig context to use

    --disable-compression=false:
\tIf true, opt-out of response compression for all requests to the server

    --insecure-skip-tls-verify=false:
\tIf true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure

    --kubeconfig='':
\tPath to the kubeconfig file to use for CLI requests.

    --log-flush-frequency=5s:
\tMaximum number of seconds between log flushes

    --match-server-version=false:
\tRequire server version to match client version

    -n, --namespace='':
\tIf present, the namespace scope for this CLI request

    --password='':
\tPassword for basic authentication to the API server

    --profile='none':
\tName of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)

    --profile-output='profile.pprof':
\tName of the file to write the profile to

    --request-timeout='0':
\tThe length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.

    -s, --server='':
\tThe address and port of the Kubernetes API server

    --tls-server-name='':
\tServer name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used

    --token='':
\tBearer token for authentication to the API server

    --user='':
\tThe name of the kubeconfig user to use

    --username='':
\tUsername for basic authentication to the API server

    -v, --v=0:
\tnumber for the log level verbosity

    --vmodule=:
\tcomma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)

    --warnings-as-errors=false:
\tTreat warnings received from the server as errors and exit with a non-zero exit code

`;
