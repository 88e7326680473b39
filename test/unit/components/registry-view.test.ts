// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../../components/credential-card.js';
import '../../../components/registry-view.js';
import { registryClaimsOf, matchRegistries, type RegistryFinding } from '../../../lib/training-registry/index.js';
import { sampleRegistries } from '../../support/registries.js';

async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}, attrs: Record<string, string> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete: Promise<unknown> };
  Object.assign(el, props);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

const { rncp } = sampleRegistries();
/** A finding the matcher makes from the sample France Compétences registry, as the check would. */
function findingFor(code: string, issued: string, legalIdentifiers: string[] = []): RegistryFinding {
  const document = { credentialSubject: { achievement: { alignment: [{ targetCode: code }] } } };
  const claims = registryClaimsOf(document, { types: [], issued }, undefined, ['RNCP']);
  return matchRegistries({ ...claims, legalIdentifiers }, [rncp]);
}

describe('registry view', () => {
  it('shows a listing: registry, code, title, level, eligibility, registration period and the provider match', async () => {
    const finding = findingFor('RNCP99901', '2025-06-30', ['FR:12345678900011']);
    expect(finding.outcome).toBe('listed');
    const el = await mount('credlens-registry-view', { finding, issued: '2025-06-30' }, { lang: 'en' });
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=outcome]')!.textContent).toBe('Listed');
    expect(root.querySelector('[part=base]')!.getAttribute('data-outcome')).toBe('listed');
    const all = text(el);
    expect(all).toContain('RNCP and Répertoire spécifique (France Compétences)');
    expect(all).toContain('RNCP99901');
    expect(all).toContain("Développeur d'applications web");
    expect(all).toContain('EQF 5');
    expect(all).toContain('Eligible for CPF (Mon Compte Formation) funding');
    expect(root.querySelector('[data-eligible]')!.textContent).toBe('Yes');
    expect(all).toContain('Sep 1, 2023 to Jun 1, 2028');
    expect(root.querySelector('[data-provider]')!.getAttribute('data-provider')).toBe('true');
    expect(all).toContain('Information only');
  });

  it('says a registration had lapsed at the date of issue, with that date', async () => {
    const finding = findingFor('RNCP99902', '2024-05-01');
    expect(finding.outcome).toBe('lapsed');
    const el = await mount('credlens-registry-view', { finding, issued: '2024-05-01' }, { lang: 'en' });
    expect(el.shadowRoot!.querySelector('[part=outcome]')!.textContent).toBe('Registration expired');
    expect(text(el)).toContain('not in force on the date of issue (May 1, 2024)');
    expect(el.shadowRoot!.querySelector('[data-eligible]')!.textContent).toBe('No');
  });

  it('names the codes a credential claims that no registry lists', async () => {
    const finding = findingFor('RNCP12345', '2025-01-01');
    expect(finding.outcome).toBe('not-listed');
    const el = await mount('credlens-registry-view', { finding }, { lang: 'en' });
    expect(el.shadowRoot!.querySelector('[part=outcome]')!.textContent).toBe('Not listed');
    expect(text(el)).toContain('The credential names RNCP12345, which no registry you use lists.');
    expect(el.shadowRoot!.querySelector('dl')).toBeNull();
  });

  it('speaks French, and shows registry text as text, never markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const finding: RegistryFinding = {
      outcome: 'listed',
      claimed: [],
      registry: { id: 'x', name: hostile },
      entry: { code: 'X1', title: hostile, eligible: false, blocks: 0 },
      providerIsIssuer: false,
    };
    const el = await mount('credlens-registry-view', { finding }, { lang: 'fr' });
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector('.entry')!.textContent).toBe(hostile);
    expect(el.shadowRoot!.querySelector('[part=outcome]')!.textContent).toBe('Enregistrée');
    expect(el.shadowRoot!.querySelector('[data-provider]')!.textContent).toContain('Non');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('is part of the credential card when the report has a registry finding, and absent otherwise', async () => {
    const finding = findingFor('RNCP99901', '2025-06-30');
    const withFinding = await mount('credlens-credential-card', { credential: { types: [], title: 'Web developer', issued: '2025-06-30' }, registry: finding }, { lang: 'en' });
    const view = withFinding.shadowRoot!.querySelector('credlens-registry-view') as HTMLElement & { updateComplete: Promise<unknown> };
    expect(view).not.toBeNull();
    await view.updateComplete;
    expect(text(view)).toContain('RNCP99901');
    const without = await mount('credlens-credential-card', { credential: { types: [], title: 'Web developer' } }, { lang: 'en' });
    expect(without.shadowRoot!.querySelector('credlens-registry-view')).toBeNull();
  });
});
