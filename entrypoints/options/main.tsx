import { sendEarly } from '../../lib/messaging/early-requests.ts';

// The overview and the list of imports are asked for first, then the page's bundle is loaded:
// the background answers while React and the rest are compiled.
sendEarly(['getOverview', 'listImports']);
await import('./options-app.tsx');
