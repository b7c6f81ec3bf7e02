import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Rewrites `import { Button } from 'antd'` into `import Button from 'antd/es/button/index.js'` (and the same
 * for @ant-design/icons). The bundler otherwise reaches every component through the package's barrel file,
 * and each lazy route then pulls in components only other routes use.
 */
export function deepImports(): Plugin {
  const require = createRequire(import.meta.url);
  const antdEs = join(dirname(require.resolve('antd/package.json')), 'es');
  const antd = new Map<string, string>();
  for (const m of readFileSync(join(antdEs, 'index.js'), 'utf8').matchAll(
    /export \{ default as (\w+) \} from '\.\/([\w-]+)';/g,
  )) {
    antd.set(m[1], `antd/es/${m[2]}/index.js`);
  }
  const importRe = /import\s*\{([^}]*)\}\s*from\s*'(antd|@ant-design\/icons)';/g;

  const rewrite = (names: string, pkg: string): string | null => {
    const out: string[] = [];
    for (const raw of names.split(',')) {
      const spec = raw.trim();
      if (!spec) continue;
      if (spec.startsWith('type ')) continue;
      const [name, alias] = spec.split(/\s+as\s+/);
      const local = alias ?? name;
      const target = pkg === 'antd' ? antd.get(name) : `@ant-design/icons/${name}`;
      if (!target) return null;
      out.push(`import ${local} from '${target}';`);
    }
    return out.join('\n');
  };

  return {
    name: 'hewei-deep-imports',
    enforce: 'pre',
    transform(code, id) {
      if (
        !/\/src\/.*\.tsx?$/.test(id) ||
        (!code.includes("from 'antd'") && !code.includes("@ant-design/icons'"))
      ) {
        return null;
      }
      const next = code.replace(
        importRe,
        (whole, names: string, pkg: string) => rewrite(names, pkg) ?? whole,
      );
      return next === code ? null : { code: next, map: null };
    },
  };
}
