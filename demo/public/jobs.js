/* global document, queueMicrotask */
// Job board page script: the applicant attaches credentials; the board reacts to their verdicts.
// The board's trust list first (it names the demo issuer, whose key is new at every start), then
// the widget: elements start verifying as soon as it is imported.
const trust = await (await fetch('/demo/trust.json')).json();
const { CredlensVerifier } = await import('/widget/credlens-verifier.js');

CredlensVerifier.defaultOptions = {
  trust: [trust],
  // DEMO ONLY: the local issuer is plain http on loopback. A real job board never sets this.
  network: { allowHttp: true, allowPrivateNetwork: true },
};

const form = document.querySelector('form.apply');
const submit = form?.querySelector('button[type=submit]');

// An invalid credential blocks submission through the element's validity; say why next to the button.
// The element's state covers what it submits (for a PDF: the credentials the applicant ticked).
function explainSubmit() {
  const blocked = [...(form?.querySelectorAll('credlens-verifier') ?? [])].some((el) => el.getAttribute('state') === 'invalid');
  const note = form?.querySelector('.submit-note') ?? document.createElement('p');
  note.className = 'submit-note';
  note.textContent = blocked ? 'An attached credential did not pass verification; remove it to apply.' : '';
  if (submit && !note.isConnected) submit.after(note);
}
document.addEventListener('credlens-verified', () => queueMicrotask(explainSubmit));
form?.addEventListener('change', () => queueMicrotask(explainSubmit));
