/** Kubernetes quantities live in src/k8s (shared with the simulated kubelet). */
export { parseQuantity } from '../k8s/quantity.ts';
