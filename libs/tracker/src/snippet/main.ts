import { debug } from './debug';
import { installGoalpost } from './install-goalpost';
import { findOwnScript, readConfig } from './script-config';

try {
  installGoalpost(readConfig(findOwnScript(document), location.href));
} catch (err) {
  debug(err);
}
