#!/usr/bin/env node
// jixiao 命令行入口：运行构建好的 JavaScript（packages/cli/dist），源码较新时先自动重新构建
// (the jixiao CLI: runs the esbuild bundle of src/, rebuilt first when a source is newer; scripts/node-build.mjs).
import { ensureBuilt } from '../../../scripts/node-build.mjs';

const { main } = await import(await ensureBuilt('cli'));
process.exitCode = await main(process.argv.slice(2));
