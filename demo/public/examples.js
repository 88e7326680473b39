// Demo page script (served as a file: the pages run under a CSP without inline script).
// The board's trust list first (it names the demo issuer, whose key is new at every start), then
// the widget: elements start verifying as soon as it is imported.
const trust = await (await fetch('/demo/trust.json')).json();
const { CredlensVerifier } = await import('/widget/credlens-verifier.js');

CredlensVerifier.defaultOptions = {
  trust: [trust],
  // DEMO ONLY: the local issuer is plain http on loopback. A real job board never sets this.
  network: { allowHttp: true, allowPrivateNetwork: true },
};
