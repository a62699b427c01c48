import type { Command } from '../util.js';
import { keygen } from './keygen.js';
import { issue } from './issue.js';
import { verify } from './verify.js';
import { checkMicro } from './check-microcredential.js';
import { bundle, unbundle } from './bundle.js';
import { bake, extract } from './bake.js';
import { status } from './status.js';
import { stack } from './stack.js';
import { serve } from './serve.js';

/** Every CLI command, in help order. */
export const commands: Command[] = [keygen, issue, verify, checkMicro, status, stack, bundle, unbundle, bake, extract, serve];
