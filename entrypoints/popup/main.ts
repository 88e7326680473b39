import { startPanel } from '../shared/panel-app.js';

void startPanel(document.getElementById('report') as HTMLElement);
