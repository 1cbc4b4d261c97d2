#!/usr/bin/env node
// jixiao 命令行入口：以 tsx 加载 TypeScript 源码后运行 main（the jixiao CLI, run from TypeScript source via tsx）。
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
