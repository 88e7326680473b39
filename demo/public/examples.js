// Demo page script (served as a file: the pages run under a CSP without inline script).
import { CredlensVerifier } from '/widget/credlens-verifier.js';

// DEMO ONLY: the local issuer is plain http on loopback. A real job board never sets this.
CredlensVerifier.defaultOptions = { network: { allowHttp: true, allowPrivateNetwork: true } };
