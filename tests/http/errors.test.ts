// One error shape for every status: { error: { code, message, details: [{ path, type, message }],
// context?, requestId } }, checked on a real app for each kind of refusal a client can meet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCatalogueMarkdown } from '../../src/errors';
import { z } from 'zod';
import { createTestApp, jsonRequest, type TestApp } from '../support/app';
import { definitionFile, demoAnswers, demoDefinition, instanceId } from '../support/factories';

const Shape = z
  .object({
    error: z
      .object({
        code: z.string().regex(/^[a-z_0-9]+$/),
        message: z.string().min(1),
        details: z.array(z.object({ path: z.string().min(1), type: z.string().min(1), message: z.string().min(1) }).strict()),
        context: z.record(z.string(), z.unknown()).optional(),
        requestId: z.string().min(1),
      })
      .strict(),
  })
  .strict();

describe('every error has one shape', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  const SUBMIT = '/api/v1/questionnaires/demo/versions/1/responses';

  beforeAll(async () => {
    t = createTestApp({ config: { ...(await import('../../src/deps')).defaultConfig, bodyLimitBytes: 4096, rateLimitPerMinute: 1000 } });
    await t.publish([definitionFile(demoDefinition)]);
    admin = (await t.user('admin', { countries: ['*'] })).headers;
    coordinator = (await t.user('coordinator', { countries: ['TUN'] })).headers;
  });
  afterAll(() => t.close());

  it('for 400, 401, 403, 404, 409, 413, 415 and 422, with details naming the field where there is one', async () => {
    const id = instanceId();
    const cases: Array<[string, () => Response | Promise<Response>, number, string | null]> = [
      [
        'zod 400 on the body',
        () => t.app.request(SUBMIT, jsonRequest('POST', { instanceId: 'not a uuid', country: 'TUN', data: {} }, coordinator)),
        400,
        'instanceId',
      ],
      ['zod 400 on the query', () => t.app.request('/api/v1/audit?limit=-1', { headers: admin }), 400, 'query.limit'],
      [
        'a weak password',
        () =>
          t.app.request(
            '/api/v1/users',
            jsonRequest(
              'POST',
              { username: 'weak', displayName: 'W', password: 'password1234', role: 'assessor', countries: ['TUN'] },
              admin,
            ),
          ),
        400,
        'password',
      ],
      [
        'no credentials',
        () => t.app.request(SUBMIT, jsonRequest('POST', { instanceId: id, country: 'TUN', data: demoAnswers() })),
        401,
        null,
      ],
      ['a role that may not', () => t.app.request('/api/v1/users', { headers: coordinator }), 403, null],
      ['an unknown route', () => t.app.request('/api/v1/nothing-here', { headers: admin }), 404, null],
      [
        'a taken user name',
        () =>
          t.app.request(
            '/api/v1/users',
            jsonRequest(
              'POST',
              { username: 'admin1', displayName: 'A', password: 'lantern orchard quietly sixteen', role: 'assessor', countries: ['TUN'] },
              admin,
            ),
          ),
        409,
        null,
      ],
      [
        'a body over the limit',
        () => t.app.request(SUBMIT, jsonRequest('POST', { instanceId: id, country: 'TUN', data: { note: 'x'.repeat(5000) } }, coordinator)),
        413,
        '(body)',
      ],
      [
        'not JSON',
        () => t.app.request(SUBMIT, { method: 'POST', headers: { ...coordinator, 'content-type': 'text/plain' }, body: 'hello' }),
        415,
        'content-type',
      ],
      [
        'an encoding the server does not decode',
        () =>
          t.app.request(SUBMIT, {
            method: 'POST',
            headers: { ...coordinator, 'content-type': 'application/json', 'content-encoding': 'br' },
            body: '{}',
          }),
        415,
        'content-encoding',
      ],
      [
        'answers that fail the rules',
        () => t.app.request(SUBMIT, jsonRequest('POST', { instanceId: id, country: 'TUN', data: { age: 'old' } }, coordinator)),
        422,
        'age',
      ],
    ];
    for (const [what, send, status, path] of cases) {
      const res = await send();
      expect(res.status, what).toBe(status);
      const body = await res.json();
      const parsed = Shape.safeParse(body);
      expect(parsed.success ? null : `${JSON.stringify(body)}\n${parsed.error.message}`, what).toBeNull();
      if (path)
        expect(
          body.error.details.map((d: { path: string }) => d.path),
          what,
        ).toContain(path);
    }
  });

  it('puts facts to act on in context: the state of a 409, the limit of a 413', async () => {
    const id = instanceId();
    expect(
      (await t.app.request(SUBMIT, jsonRequest('POST', { instanceId: id, country: 'TUN', data: demoAnswers() }, coordinator))).status,
    ).toBe(201);
    const again = await t.app.request(
      SUBMIT,
      jsonRequest('POST', { instanceId: id, country: 'TUN', data: demoAnswers({ name: 'someone else' }) }, coordinator),
    );
    expect(again.status).toBe(409);
    const conflict = (await again.json()).error;
    expect(conflict).toMatchObject({ code: 'instance_conflict', details: [], context: { instanceId: id } });
    const big = await t.app.request(
      SUBMIT,
      jsonRequest('POST', { instanceId: id, country: 'TUN', data: { note: 'x'.repeat(5000) } }, coordinator),
    );
    expect((await big.json()).error.context).toEqual({ limitBytes: 4096 });
  });
});

describe('the error catalogue', () => {
  it('is what docs/errors.md shows (npm run docs:errors writes it)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../docs/errors.md'), 'utf8')).toBe(errorCatalogueMarkdown());
  });

  it('is what the OpenAPI description lists, route by route', async () => {
    const t = createTestApp();
    try {
      const doc = await (await t.app.request('/api/v1/openapi.json')).json();
      const listed = new Set<string>();
      for (const methods of Object.values(doc.paths) as Array<Record<string, { responses: Record<string, any> }>>)
        for (const op of Object.values(methods))
          for (const [status, reply] of Object.entries(op.responses))
            for (const code of reply.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? []) {
              // Each code under its own status.
              expect(ERROR_CODES[code as keyof typeof ERROR_CODES]?.[0], code).toBe(Number(status));
              listed.add(code);
            }
      // Every code of the catalogue is one some route answers; none outside it.
      expect([...listed].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    } finally {
      await t.close();
    }
  });

  it('holds every code the source throws', () => {
    const source = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? source(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
      );
    const thrown = new Set<string>();
    for (const text of source(join(import.meta.dirname, '../../src')))
      for (const m of text.matchAll(/(?:new AppError|conflict|tooMany)\(\s*'([a-z_]+)'/g)) thrown.add(m[1]!);
    expect(thrown.size).toBeGreaterThan(20);
    for (const code of thrown) expect(Object.keys(ERROR_CODES), code).toContain(code);
  });
});
