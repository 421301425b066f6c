/** Kubernetes quantities live in src/k8s (shared with the simulated kubelet). */
export { parseQuantity, type Quantity } from '../k8s/quantity.ts';
