/**
 * `kubectl config set-cluster --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/config/set_cluster.go, through pkg/util/templates/templates.go MainHelpTemplate (checked
 * against the kubectl v1.30.13 binary).
 */
export default `Set a cluster entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.

Examples:
  # Set only the server field on the e2e cluster entry without touching other values
  kubectl config set-cluster e2e --server=https://1.2.3.4
  
  # Embed certificate authority data for the e2e cluster entry
  kubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt
  
  # Disable cert checking for the e2e cluster entry
  kubectl config set-cluster e2e --insecure-skip-tls-verify=true
  
  # Set the custom TLS server name to use for validation for the e2e cluster entry
  kubectl config set-cluster e2e --tls-server-name=my-cluster-name
  
  # Set the proxy URL for the e2e cluster entry
  kubectl config set-cluster e2e --proxy-url=https://1.2.3.4

Options:
    --certificate-authority='':
	Path to certificate-authority file for the cluster entry in kubeconfig

    --embed-certs=false:
	embed-certs for the cluster entry in kubeconfig

    --insecure-skip-tls-verify=false:
	insecure-skip-tls-verify for the cluster entry in kubeconfig

    --proxy-url='':
	proxy-url for the cluster entry in kubeconfig

    --server='':
	server for the cluster entry in kubeconfig

    --tls-server-name='':
	tls-server-name for the cluster entry in kubeconfig

Usage:
  kubectl config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
