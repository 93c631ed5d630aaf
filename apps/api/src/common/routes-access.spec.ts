import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_KEY } from './access.decorators';

function controllerFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return controllerFiles(full);
    return name.endsWith('.controller.ts') ? [full] : [];
  });
}

// Routes are closed by default and the guard refuses one without a rule; this finds such a route before a
// caller does, and fails when a new controller forgets to say who may call it.
describe('every route states who may call it', () => {
  const routes = controllerFiles(join(__dirname, '..')).flatMap((file) => {
    const exported = Object.values(require(file) as Record<string, unknown>).filter((v): v is new () => object => typeof v === 'function');
    return exported
      .filter((cls) => Reflect.getMetadata(PATH_METADATA, cls) !== undefined)
      .flatMap((cls) =>
        Object.getOwnPropertyNames(cls.prototype)
          .filter((name) => Reflect.getMetadata(METHOD_METADATA, (cls.prototype as Record<string, object>)[name] as object) !== undefined)
          .map((name) => ({ route: `${cls.name}.${name}`, cls, handler: (cls.prototype as Record<string, object>)[name] as object })),
      );
  });

  it('finds the controllers', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it.each(routes.map((r) => [r.route, r] as const))('%s has @Auth or @Public', (_name, r) => {
    expect(Reflect.getMetadata(ACCESS_KEY, r.handler) ?? Reflect.getMetadata(ACCESS_KEY, r.cls)).toBeDefined();
  });
});
