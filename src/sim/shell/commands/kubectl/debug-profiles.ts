/**
 * kubectl debug's profiles for an ephemeral container (kubernetes/kubectl@v0.30.5:pkg/cmd/debug/profiles.go, the
 * `ephemeral` debug style): what each one writes into the debug container's securityContext.
 */
import { isObj, type Obj } from './obj.ts';

export const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'] as const;

const sc = (c: Obj): Obj => (isObj(c.securityContext) ? c.securityContext : (c.securityContext = {}));
const caps = (c: Obj): Obj => {
  const s = sc(c);
  return isObj(s.capabilities) ? s.capabilities : (s.capabilities = {});
};
/** addCapability: appended to capabilities.add. */
const addCapability = (c: Obj, cap: string) => {
  const k = caps(c);
  k.add = [...(Array.isArray(k.add) ? k.add : []), cap];
};

/** ProfileApplier.Apply for an ephemeral container `c` (the debug container in the pod copy). */
export function applyProfile(profile: string, c: Obj): void {
  switch (profile) {
    case 'legacy':
      // legacyProfile: "do nothing to the copied pod".
      return;
    case 'general':
      // allowProcessTracing
      addCapability(c, 'SYS_PTRACE');
      return;
    case 'baseline':
      // clearSecurityContext
      delete c.securityContext;
      return;
    case 'restricted': {
      // clearSecurityContext, disallowRoot, dropCapabilities, disallowPrivilegeEscalation, setSeccompProfile
      // (written in core/v1 SecurityContext's field order, as the API server's JSON has it).
      c.securityContext = { capabilities: { drop: ['ALL'] }, runAsNonRoot: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } };
      return;
    }
    case 'netadmin':
      // allowNetadminCapability
      addCapability(c, 'NET_ADMIN');
      addCapability(c, 'NET_RAW');
      return;
    case 'sysadmin':
      // setPrivileged
      sc(c).privileged = true;
      return;
  }
}
