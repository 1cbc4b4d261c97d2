#!/usr/bin/env node
// `pnpm start`：运行构建好的本地服务（packages/server/dist），源码较新时先自动重新构建
// (the local server: runs the esbuild bundle of src/main.ts, rebuilt first when a source is newer;
// scripts/node-build.mjs). Options are main.ts's (see src/cli-args.ts).
import { ensureBuilt } from '../../../scripts/node-build.mjs';

await import(await ensureBuilt('server'));
