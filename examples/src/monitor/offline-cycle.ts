// One office, three platforms, two monitoring cycles — with no network: the simulated world
// (invented people and posts) answers on 127.0.0.1 in the shapes of the X and Graph APIs.
import { createFacebookAdapter } from '@sipansos/adapter-facebook';
import { createInstagramAdapter } from '@sipansos/adapter-instagram';
import { createXAdapter } from '@sipansos/adapter-x';
import { createMemoryStore, createMonitor } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { createSimulatedWorld, startWorldServer } from '@sipansos/testkit';
import { err, ok, type Result } from 'neverthrow';
import { run, type ExampleError } from '../lib/run.js';

await run('two monitoring cycles against the simulated world', async (): Promise<Result<string, ExampleError>> => {
  const world = createSimulatedWorld({ subjects: 48 });
  const server = await startWorldServer(world);
  try {
    const adapters = [
      createXAdapter({ bearerToken: 'example-token', baseUrl: server.urls.x }),
      createFacebookAdapter({ accessToken: 'example-token', baseUrl: server.urls.facebook }),
      createInstagramAdapter({ accessToken: 'example-token', baseUrl: server.urls.instagram, igUserId: '17841400000000001' }),
    ];
    const rules = compileRules(BUILTIN_RULE_SETS, world.context);
    if (rules.isErr()) return err(rules.error);
    const created = createMonitor({ store: createMemoryStore(), adapters, rules: rules.value, context: world.context, subjects: world.subjects });
    if (created.isErr()) return err(created.error);
    const lines: string[] = [];
    for (const cycle of [1, 2]) {
      world.advanceTo(cycle);
      const report = await created.value.runCycle();
      if (report.isErr()) return err(report.error);
      const { cycleId, accounts, captures, changes, findings, requestsTotal } = report.value;
      lines.push(`${cycleId}: ${accounts.captured}/${accounts.total} accounts, ${captures.stored} captures, changes ${JSON.stringify(changes)}, findings ${JSON.stringify(findings.byCategory)}, ${requestsTotal} requests`);
    }
    return ok(lines.join('\n'));
  } finally {
    await server.close();
  }
});
