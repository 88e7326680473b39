import type { VerifyResult } from '../../common/protocol.js';
import { findKey, type FindResolver } from '../finds.js';
import type { VerificationHub } from '../hub.js';
import { dataUrlBytes } from '../probe.js';
import type { Router } from '../router.js';
import type { ReportSurface } from '../surface.js';

/**
 * Page marks: the content script's messages. A content script is unprivileged; it may only verify
 * what it found (links re-recognised here, images by the id the probe gave), probe images, and ask
 * for a report to be opened in the extension's own surface.
 */
export function registerPageMarks(router: Router, hub: VerificationHub, finds: FindResolver, surface: ReportSurface): void {
  router
    .on('verify', async ({ find }, caller) => {
      const job = await finds.jobFor(find, caller.pageUrl);
      if (!job) return undefined;
      const stored = await hub.verify(job, { via: 'page', mark: { tabId: caller.tabId, key: findKey(find) } }, { reuse: true }).catch(() => undefined);
      if (!stored) return undefined;
      const result: VerifyResult = { reportId: stored.reportId, state: stored.report.verdict };
      const title = stored.report.credential?.title ?? stored.report.credential?.achievement?.name;
      if (title) result.title = title.slice(0, 120);
      return result;
    })
    .on('probe-image', ({ src }) => finds.probeImage(src))
    .on('probe-canvas', ({ dataUrl }, caller) => {
      const bytes = dataUrlBytes(dataUrl);
      return bytes ? finds.probeBytes(bytes, `Image drawn on ${caller.pageUrl ?? 'the page'}`) : { finds: [] };
    })
    // Synchronous: the side panel may only be opened inside the user's click.
    .on('open-report', ({ reportId }, caller) => void surface.openReport(caller.tabId, reportId));
}
