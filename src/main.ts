/**
 * Composition root of the adapter page: provide the app to the component tree, then mount the
 * shell (after the provider exists, so the shell's context request is answered at once).
 */
import { startSoftphone } from './app/index.ts';
import './components/softphone-shell/softphone-shell.ts';

startSoftphone(document.body);
document.body.append(document.createElement('dialtone-softphone'));
