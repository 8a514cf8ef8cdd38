/** The Insights panel's script: the webview side of protocol.ts. */
import './view/zodConfig';
import { InsightsApp } from './view/app';
import { vscodeApi } from './view/vscodeApi';

const root = document.getElementById('insights-app');
if (root) new InsightsApp(root, vscodeApi()).start();
