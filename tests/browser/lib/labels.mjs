// The extension's shared names (extension/ui/labels.js, a classic script that
// sets globalThis.chimeLabels), for tests that check what the pages show.
import '../../../extension/ui/labels.js';

export const { LABELS, KINDS, kindName, kindCue } = globalThis.chimeLabels;
