// What the HTTP framework alone costs (issue 17): the same guarded JSON route on Nest + Express (what the API
// ran until issue 17's second part), on Nest + Fastify (what it runs now), and as a bare node:http handler;
// server CPU per request, median of 3 rounds of 5 s at 10 connections. @nestjs/platform-express is no longer a
// dependency of the project, so this runs from a scratch directory:
//   mkdir /tmp/fx && cd /tmp/fx && npm init -y && npm i @nestjs/core@11 @nestjs/common@11 @nestjs/platform-express@11 \
//     @nestjs/platform-fastify@11 reflect-metadata rxjs autocannon && cp <checkout>/bench/profile/frameworks.mjs . && node frameworks.mjs
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const kind = process.argv[2];
if (kind === 'bare') {
  const { createServer } = await import('node:http');
  createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 'u1', email: 'a@b.c', fullName: 'A', role: 'student', yearOfStudy: 1 }));
  }).listen(Number(process.env.PORT), '127.0.0.1');
} else if (kind) {
  const { Controller, Get, Injectable, Module } = await import('@nestjs/common');
  const { APP_GUARD, NestFactory } = await import('@nestjs/core');
  class MeController {
    me() {
      return { id: 'u1', email: 'a@b.c', fullName: 'A', role: 'student', yearOfStudy: 1 };
    }
  }
  Get('me')(MeController.prototype, 'me', Object.getOwnPropertyDescriptor(MeController.prototype, 'me'));
  Controller('api')(MeController);
  // A global guard, as the API has, that only looks at the header (no token check: the framework is measured).
  class HeaderGuard {
    canActivate(context) {
      return typeof context.switchToHttp().getRequest().headers.authorization === 'string';
    }
  }
  Injectable()(HeaderGuard);
  class AppModule {}
  Module({ controllers: [MeController], providers: [{ provide: APP_GUARD, useClass: HeaderGuard }] })(AppModule);
  let app;
  if (kind === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
  } else {
    app = await NestFactory.create(AppModule, { logger: false });
  }
  await app.listen(Number(process.env.PORT), '127.0.0.1');
} else {
  const cpuMs = (pid) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  const results = {};
  for (const [i, k] of ['bare', 'express', 'fastify'].entries()) {
    const port = 4100 + i;
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), k], { env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
    await new Promise((r) => setTimeout(r, 1500));
    const opts = (duration) => ({ url: `http://127.0.0.1:${port}/api/me`, connections: 10, duration, headers: { authorization: 'Bearer x' } });
    await autocannon(opts(2));
    const rounds = [];
    for (let r = 0; r < 3; r++) {
      const before = cpuMs(child.pid);
      const res = await autocannon(opts(5));
      rounds.push({ us: ((cpuMs(child.pid) - before) * 1000) / res.requests.total, rps: res.requests.total / 5 });
    }
    rounds.sort((a, b) => a.us - b.us);
    results[k] = rounds[1];
    child.kill();
  }
  console.log('| server | CPU µs per request | requests/s (autocannon in this process) |\n| --- | --- | --- |');
  for (const [k, r] of Object.entries(results)) console.log(`| ${k} | ${r.us.toFixed(0)} | ${Math.round(r.rps)} |`);
}
