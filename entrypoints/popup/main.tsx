import { sendEarly } from '../../lib/messaging/early-requests.ts';

// The overview and the stored profile are asked for first, then the page's bundle is loaded:
// the background answers while React and the rest are compiled.
sendEarly(['getOverview', 'getProfile']);
await import('./popup-app.tsx');
