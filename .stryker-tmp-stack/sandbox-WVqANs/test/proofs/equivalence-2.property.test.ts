// @ts-nocheck
// Differential tests of the proof layer, part 2 of 2 (see equivalence-suite.ts).
import { equivalenceSuite } from './equivalence-suite.js';

equivalenceSuite(2);
