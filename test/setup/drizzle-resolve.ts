/** Each test process resolves Drizzle's modules as the server and the CLI do (bin/drizzle-resolve.ts: Node 24 start-up). */
import '../../bin/drizzle-resolve.ts';
