import { startHome } from './home.js';

// The popup (Chrome and Firefox): this page's verdicts, verify anything, attach, and the way to wallet, history, settings.
void startHome(document.getElementById('report') as HTMLElement);
