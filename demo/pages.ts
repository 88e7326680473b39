import type { VerificationReport } from '../lib/index.js';
import { GROUPS, type Example } from './examples.js';
import type { DemoIssuers } from './issuers/index.js';

/** HTML of the demo pages. Every dynamic value passes through `escape`: the demo practises what the widget preaches. */
export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, body: string, script?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/assets/demo.css">
${script ? `<script type="module" src="${escape(script)}"></script>` : ''}
</head>
<body>
<header class="site"><a class="brand" href="/">Credlens demo</a><nav aria-label="Demo pages"><a href="/jobs">Job board</a><a href="/examples">Example credentials</a></nav></header>
<main>
${body}
</main>
<footer class="site"><p>Demo only: this verifier is allowed to read <code>http://</code> and loopback addresses so it can reach the local issuer. A real deployment never sets that.</p></footer>
</body>
</html>`;
}

export function indexPage(board: string, issuer: string, examples: readonly Example[]): string {
  return layout(
    'Credlens demo',
    `<h1>Credlens demo</h1>
<p>Everything here runs on this machine, with no internet.</p>
<ul class="links">
  <li><a href="/jobs">Job board</a>: an applicant attaches credentials to an application and the board sees their verification.</li>
  <li><a href="/examples">Example credentials</a>: ${examples.length} credentials in ${new Set(examples.map((e) => e.group)).size} formats (genuine, edited after signing, revoked, expired) verified in place.</li>
  <li><a href="${escape(issuer)}/">Local issuer</a> at <code>${escape(issuer)}</code>: keys, status list and credentials, signed at start-up.</li>
</ul>
<p class="hint">Board: <code>${escape(board)}</code></p>`,
  );
}

export function examplesPage(issuer: string, issuerNoCors: string, examples: readonly Example[]): string {
  const groups = [...new Set(examples.map((e) => e.group))];
  const sections = groups
    .map((group) => {
      const items = examples
        .filter((e) => e.group === group)
        .map((e) => {
          const src = `${e.served === 'no-cors' ? issuerNoCors : issuer}/credentials/${e.id}`;
          const picture = e.contentType.startsWith('image/') ? `<img class="badge-image" src="${escape(src)}" alt="" width="48" height="48">` : '';
          return `<li class="example" data-example="${escape(e.id)}" data-expect="${escape(e.expect)}">
  <div class="example-head">${picture}<h3>${escape(e.title)}</h3></div>
  <p class="explain"><span class="tag tag-${escape(e.variant)}">${escape(VARIANT_LABELS[e.variant])}</span> ${escape(e.explain)} <a href="${escape(src)}">Raw credential</a></p>
  <credlens-verifier compact src="${escape(src)}"${e.registry ? ' registries="/demo/registry.json"' : ''}></credlens-verifier>
</li>`;
        })
        .join('\n');
      const { title, intro } = GROUPS[group];
      return `<section class="group" id="${escape(group)}" aria-labelledby="${escape(group)}-title">
<h2 id="${escape(group)}-title">${escape(title)}</h2>
<p class="intro">${escape(intro)}</p>
<ul class="examples">${items}</ul>
</section>`;
    })
    .join('\n');
  const toc = groups.map((g) => `<li><a href="#${escape(g)}">${escape(GROUPS[g].title)}</a></li>`).join('');
  return layout(
    'Example credentials · Credlens demo',
    `<h1>Example credentials</h1>
<p>Every format Credlens verifies, each as a genuine credential and as it looks when something is wrong: edited after signing, revoked by its issuer, or expired. Each one is fetched from the local issuer (which signed them all when the demo started) and verified here, in your browser. Choose <em>Show details</em> to see every check and why it passed or failed.</p>
<nav class="toc" aria-label="Formats"><ul>${toc}</ul></nav>
${sections}`,
    '/assets/examples.js',
  );
}

const VARIANT_LABELS: Record<Example['variant'], string> = {
  valid: 'genuine',
  tampered: 'edited after signing',
  revoked: 'revoked',
  expired: 'expired',
  unverifiable: 'issuer blocks reads',
  hostile: 'hostile content',
  nonconforming: 'breaks its schema',
  'unknown-signer': 'signer unknown',
  presentation: 'presentation',
};

/** One credential, verified in full: `/verify?src=URL` (the link an applicant would share). */
export function verifyPage(src: string, options: { theme?: 'light' | 'dark'; compact?: boolean; lang?: string }): string {
  const attrs = [
    src ? `src="${escape(src)}"` : 'upload',
    options.theme ? `theme="${options.theme}"` : '',
    options.compact ? 'compact' : '',
    options.lang ? `lang="${escape(options.lang)}"` : '',
  ].filter(Boolean);
  return layout(
    'Verify a credential · Credlens demo',
    `<h1>Verify a credential</h1>
<credlens-verifier ${attrs.join(' ')}></credlens-verifier>`,
    '/assets/examples.js',
  );
}

export function jobsPage(issuer: string, examples: readonly Example[], cvPath: string): string {
  const links = examples
    .filter((e) => e.served === 'cors')
    .map((e) => `<li><code>${escape(`${issuer}/credentials/${e.id}`)}</code> <span class="tag">${escape(e.variant)}</span></li>`)
    .join('');
  return layout(
    'Apply: Junior Data Analyst · Demo Jobs',
    `<h1>Junior Data Analyst <span class="company">at Demo Analytics GmbH, Berlin</span></h1>
<p>Attach your certificates: we check them in place, and again on our server when you apply.</p>
<form class="apply" method="post" action="/jobs/apply" enctype="multipart/form-data">
  <label for="applicant">Your name</label>
  <input id="applicant" name="applicant" autocomplete="name" required>
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" required>
  <p class="field-label" id="cred-label">Your strongest credential (required)</p>
  <credlens-verifier upload required name="credential" proxy="/proxy?url={url}" aria-labelledby="cred-label"></credlens-verifier>
  <p class="field-label">Another credential (optional)</p>
  <credlens-verifier upload name="credential2" proxy="/proxy?url={url}"></credlens-verifier>
  <button type="submit">Send application</button>
</form>
<section class="try-cv" aria-labelledby="try-cv-title">
  <h2 id="try-cv-title">Try it with a CV</h2>
  <p>Download <a href="${escape(cvPath)}" download="anna-kowalska-cv.pdf">Anna Kowalska’s CV (PDF)</a> and drop it on the first field. The field lists every credential the CV carries (links in its text, a clickable link and files attached to the PDF), each with its verdict and where it was found; tick the ones to send.</p>
</section>
<details class="try">
  <summary>Links to paste while trying it</summary>
  <ul>${links}</ul>
</details>`,
    '/assets/jobs.js',
  );
}

export function appliedPage(applicant: string, results: Array<{ field: string; submitted: string; report: VerificationReport }>): string {
  const rows = results
    .map(
      (r) => `<li>
  <p><strong>${escape(r.field)}</strong>: the server verified it again with the same library: <span class="verdict verdict-${escape(r.report.verdict)}">${escape(r.report.verdict)}</span></p>
  <credlens-verifier compact credential="${escape(r.submitted)}"></credlens-verifier>
</li>`,
    )
    .join('\n');
  return layout(
    'Application received · Demo Jobs',
    `<h1>Thank you, ${escape(applicant || 'applicant')}</h1>
<p>This is what the recruiter sees: the credentials as submitted, re-verified on the server.</p>
<ul class="examples">${rows || '<li>No credential was submitted.</li>'}</ul>
<p><a href="/jobs">Back to the job</a></p>`,
    '/assets/examples.js',
  );
}

export function issuerPage(issuers: DemoIssuers, examples: readonly Example[]): string {
  const items = examples.map((e) => `<li><a href="/credentials/${escape(e.id)}">${escape(e.id)}</a>: ${escape(e.title)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo issuer</title><link rel="stylesheet" href="/demo.css"></head><body><main>
<h1>Local demo issuer</h1>
<p>Every key and certificate below was generated when the demo started; nothing is stored.</p>
<h2>Identities</h2>
<ul>
<li>JOSE credentials: <code class="wrap">${escape(issuers.jose.did)}</code> (<a href="/did.json">DID document</a>, <a href="/jwks.json">JWKS</a>, <a href="/status/1">status list</a>)</li>
<li>Data Integrity, SD-JWT VC and EBSI (Ed25519): <code class="wrap">${escape(issuers.ed25519.did)}</code> (<a href="/status/ed25519">status list</a>, <a href="/statuslists/ed25519">token status list</a> of its SD-JWT VCs)</li>
<li>Data Integrity (P-256): <code class="wrap">${escape(issuers.p256.did)}</code> (<a href="/status/p256">status list</a>)</li>
<li>Europass eSeal: ${escape(issuers.sealer.organisation.name)}, under the demo certification authority the job board anchors</li>
<li>Open Badges 2.0: <a href="/ob2/issuer">issuer profile</a>, <a href="/ob2/badges/spreadsheet-modelling">badge class</a>, <a href="/ob2/revocations">revocation list</a></li>
</ul>
<h2>Credentials</h2><ul>${items}</ul></main></body></html>`;
}
