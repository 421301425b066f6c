/**
 * The Kubernetes JSON Schema for the manifest editor, generated at build time from
 * @kubernetes/client-node's model classes (scripts/gen-k8s-schema.ts). The editor fetches
 * it only when the learner opens a manifest exercise.
 */
import type { APIRoute } from 'astro';
import { generateK8sSchema } from '../../../scripts/gen-k8s-schema.ts';

export const prerender = true;

export const GET: APIRoute = () => new Response(JSON.stringify(generateK8sSchema()), { headers: { 'Content-Type': 'application/json' } });
