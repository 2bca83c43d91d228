import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Where `npm run build:web` puts the reps' and managers' console (workspace/). */
export const defaultWebAppDir = path.resolve(import.meta.dirname, '../../workspace/dist');
/** Where it puts the admins' designer (designer/), served under /designer. */
export const defaultDesignerDir = path.resolve(import.meta.dirname, '../../designer/dist');

const notBuiltPage = (en: string, zh: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Stagecraft</title></head>
<body><p>The Stagecraft ${en} has not been built on this server: run <code>npm run build:web</code>, or start with <code>npm start</code>.</p>
<p>Stagecraft ${zh}尚未构建：请运行 <code>npm run build:web</code>，或使用 <code>npm start</code> 启动。</p></body></html>`;

/**
 * Serves the built web apps: the designer at `/designer` and the workspace at `/`. Each answers its files, and its
 * `index.html` for any other page address so the app's own router can show it after a reload. Mounted after the API
 * routes; /api paths and file-like paths an app does not have fall through to the 404 problem.
 */
export function webAppRouter(distDir: string = defaultWebAppDir, designerDistDir: string = defaultDesignerDir): Router {
  const router = Router();
  router.use('/designer', singlePageApp(designerDistDir, notBuiltPage('designer', '流程设计器')));
  // What the designer does not answer (a missing bundle, /designer/api/…) is a 404, not the workspace's page.
  router.use('/designer', (_request, _response, next) => next('router'));
  router.use(singlePageApp(distDir, notBuiltPage('workspace', '工作台')));
  return router;
}

function singlePageApp(distDir: string, notBuilt: string): Router {
  const router = Router();
  const indexFile = path.join(distDir, 'index.html');

  // Vite names bundles by content hash, so a browser may keep them for good; index.html must be asked for each time.
  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: true }),
  );
  router.use(express.static(distDir, { index: false, maxAge: 0 }));

  router.get(/.*/, (request, response, next) => {
    if (request.path === '/api' || request.path.startsWith('/api/') || path.extname(request.path) !== '') return next();
    response.set({
      'Cache-Control': 'no-cache',
      // The built app loads only its own files; nothing inline, nothing from elsewhere, no framing.
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
    if (!existsSync(indexFile)) {
      response.status(503).type('html').send(notBuilt);
      return;
    }
    response.sendFile(indexFile, { cacheControl: false });
  });
  return router;
}
