// Plain JavaScript on purpose: it must run, and say something useful, on whatever Node the machine has.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Stagecraft runs on Node 24 but this is Node ${process.versions.node}. ` +
      'Run `npm install` (without --ignore-scripts) so the pinned `node` devDependency is installed, then use `npm start` / `npm test`.',
  );
  process.exit(1);
}
