// Worker threads do not inherit tsx's loader on Node 20: register it, then run the benchmark's worker half.
import { register } from 'tsx/esm/api';

register();
await import('./plan-milestones.bench.ts');
