/** The timeline panel's script: the webview side of protocol.ts. */
import './view/zodConfig';
import { TimelineApp } from './view/app';
import { vscodeApi } from './view/vscodeApi';

const root = document.getElementById('timeline-app');
if (root) new TimelineApp(root, vscodeApi()).start();
