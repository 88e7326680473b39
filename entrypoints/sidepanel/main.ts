import { startPanel } from '../common/panel-app.js';

void startPanel(document.getElementById('report') as HTMLElement);
