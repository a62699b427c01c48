import type { Command } from '../util.js';
import { keygen } from './keygen.js';
import { issue } from './issue.js';
import { verify } from './verify.js';
import { checkMicro } from './check-microcredential.js';
import { bundle, unbundle } from './bundle.js';
import { bake, extract } from './bake.js';
import { status } from './status.js';
import { stack } from './stack.js';
import { show } from './show.js';
import { init } from './init.js';
import { network } from './network.js';
import { exportCmd, importCmd } from './europass.js';
import { serve } from './serve.js';
import { verifierPage } from './verifier-page.js';

/** Every CLI command, in help order. */
export const commands: Command[] = [keygen, init, issue, verify, show, checkMicro, status, stack, bundle, unbundle, bake, extract, network, exportCmd, importCmd, serve, verifierPage];
