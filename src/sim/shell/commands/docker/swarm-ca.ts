// docker swarm ca: its cobra definition; what it answers on node1 is said in swarm.ts.
import { defineCommand } from './define.ts';
import { managerOnly } from './swarm.ts';

// cli/command/swarm/ca.go runCA: SwarmInspect comes first, and it is the manager's.
const ca = defineCommand({
  use: 'ca [OPTIONS]',
  short: 'Display and rotate the root CA',
  flags: [
    { long: 'cert-expiry', type: 'duration', default: '2160h0m0s', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)' },
    { long: 'external-ca', type: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    { long: 'rotate', type: 'bool', usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated' },
    { long: 'ca-cert', type: 'pem-file', usage: 'Path to the PEM-formatted root CA certificate to use for the new cluster' },
    { long: 'ca-key', type: 'pem-file', usage: 'Path to the PEM-formatted root CA key to use for the new cluster' },
    { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the root rotation to converge' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
  ],
  run: managerOnly,
});

export default ca;
