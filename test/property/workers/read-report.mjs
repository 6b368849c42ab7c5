// Worker entry: registers tsx's loader in this thread, then runs the TypeScript reader.
import { register } from 'tsx/esm/api';

register();
await import('./read-report.ts');
