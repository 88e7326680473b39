import { base64ToBytes } from '../../common/wallet.js';
import type { VerificationHub } from '../hub.js';
import type { Router } from '../router.js';
import type { ReportSurface } from '../surface.js';
import type { TabTally } from '../tab-tally.js';
import type { UserInputs } from '../user-inputs.js';

/**
 * The extension's own pages (side panel, popup, wallet, history): reports by id, the tab's selected
 * report and tally, and verification of what the user pasted, dropped or picked.
 */
export function registerExtensionPages(router: Router, hub: VerificationHub, inputs: UserInputs, surface: ReportSurface, tally: TabTally): void {
  router
    .on('get-selected', async ({ tabId }) => {
      const reportId = await surface.selectedFor(tabId);
      return reportId ? hub.getReport(reportId) : undefined;
    })
    .on('get-report', ({ reportId }) => hub.getReport(reportId))
    .on('reverify', ({ reportId }) => hub.reverify(reportId))
    .on('scan-tab', async ({ tabId }) => {
      await surface.scanTab(tabId);
      return true as const;
    })
    .on('verify-input', async ({ input, via }) => hub.verify(await inputs.jobFor(input), { via }))
    .on('decode-qr', async ({ base64 }) => ({ texts: await hub.decodeQr(base64ToBytes(base64)).catch(() => [] as string[]) }))
    .on('fetch-credential', ({ url }) => inputs.fetchCredential(url))
    .on('tab-summary', ({ tabId }) => tally.summary(tabId));
}
