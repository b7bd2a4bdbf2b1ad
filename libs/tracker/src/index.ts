export { TRACKER_PATH, readTrackerScript } from './tracker-script';
export { INSTALL_STUB, snippetTag } from './snippet-tag';
