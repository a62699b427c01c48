// @ts-nocheck
// Differential tests of the proof layer, part 1 of 2 (see equivalence-suite.ts).
import { equivalenceSuite } from './equivalence-suite.js';

equivalenceSuite(1);
