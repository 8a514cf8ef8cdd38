/** The review panel's script: the webview side of protocol.ts. */
import '../timeline/view/zodConfig';
import { vscodeApi } from '../timeline/view/vscodeApi';
import { ReviewApp } from './view/app';

const root = document.getElementById('review-app');
if (root) new ReviewApp(root, vscodeApi()).start();
