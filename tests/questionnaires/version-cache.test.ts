// What is derived from a published definition is kept once per content hash, in one bounded cache:
// never served for another definition that shares a version id, never derived twice.
import { afterAll, describe, expect, it } from 'vitest';
import { dropIdleVersions, parsedDefinition, perVersion } from '../../src/questionnaires/version-cache';
import { createTestApp, jsonRequest, type TestApp } from '../support/app';
import { definitionFile, instanceId } from '../support/factories';

describe('the version cache', () => {
  it('parses and derives once per content hash, and keeps apart definitions with different hashes', () => {
    let derived = 0;
    const names = perVersion('names', (d) => (derived++, (d.elements as Array<{ name: string }>).map((e) => e.name)));
    const a = { contentHash: 'hash-a', definition: '{"elements":[{"name":"x"}]}' };
    const b = { contentHash: 'hash-b', definition: '{"elements":[{"name":"y"}]}' };
    expect(names(a)).toEqual(['x']);
    expect(names(a)).toBe(names(a));
    expect(names(b)).toEqual(['y']);
    expect(derived).toBe(2);
    expect(parsedDefinition(a)).toBe(parsedDefinition({ ...a }));
  });

  it('is bounded: the least recently used version is dropped and derived again when asked', () => {
    let derived = 0;
    const size = perVersion('size', (d) => (derived++, JSON.stringify(d).length));
    const v = (i: number) => ({ contentHash: `bounded-${i}`, definition: `{"n":${i}}` });
    size(v(0));
    for (let i = 1; i <= 200; i++) size(v(i));
    const before = derived;
    size(v(200)); // recently used: kept
    expect(derived).toBe(before);
    size(v(0)); // dropped long ago
    expect(derived).toBe(before + 1);
  });
});

describe('versions left unused', () => {
  it('are dropped after the idle period, the recently used kept, and derived again when asked', () => {
    let derived = 0;
    const size = perVersion('idle-size', (d) => (derived++, JSON.stringify(d).length));
    const old = { contentHash: 'idle-old', definition: '{"n":1}' };
    const recent = { contentHash: 'idle-recent', definition: '{"n":2}' };
    size(old);
    const usedOld = Date.now();
    size(recent);
    // Everything used before the cut-off goes; the cache is in order of last use.
    const now = usedOld + 60_000;
    expect(dropIdleVersions(60_000, now)).toBeGreaterThanOrEqual(1);
    expect(dropIdleVersions(60_000, now)).toBe(0);
    const before = derived;
    size(old);
    expect(derived).toBe(before + 1);
    // Used again just now: kept by a sweep that drops what is older than a minute.
    expect(dropIdleVersions(60_000)).toBe(0);
    size(old);
    expect(derived).toBe(before + 1);
  });
});

describe('two databases with one version id and different definitions', () => {
  // The test app's ids are deterministic, so both databases give `gap` 1 the same version id.
  const gap = (elementIds: string[]) => ({
    elements: elementIds.map((id) => ({
      type: 'radiogroup',
      name: `${id}_status`,
      elementId: id,
      articleRef: `SOM ${id}`,
      cluster: 'criminalization',
      obligation: 'M',
      choices: ['fully', 'partly', 'not', 'na', 'nd'],
    })),
  });
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  it('score each response against its own definition', async () => {
    const reports = [];
    for (const ids of [['E1'], ['E1', 'E2', 'E3']]) {
      const t = createTestApp();
      apps.push(t);
      await t.publish([definitionFile(gap(ids), { questionnaireId: 'gap' })]);
      const admin = await t.user('admin', { countries: ['*'] });
      const id = instanceId();
      const data = Object.fromEntries(ids.map((e) => [`${e}_status`, 'fully']));
      const res = await t.app.request(
        '/api/v1/questionnaires/gap/versions/1/responses',
        jsonRequest('POST', { instanceId: id, data, country: 'TUN' }, admin.headers),
      );
      expect(res.status).toBe(201);
      reports.push(await (await t.app.request(`/api/v1/responses/${id}/report?format=json`, { headers: admin.headers })).json());
    }
    expect(reports.map((r) => r.legal.counts.fully)).toEqual([1, 3]);
  });
});
