// `entpoort demo-citizens`: the demo citizens as JSON lines, straight from their definitions
// (no database needed), so a developer can pick a BSN for `entpoort dev-token`.
import { parseArgs } from 'node:util';
import { demoCitizens } from '../../dev/demo/expand.ts';
import { UsageError } from '../usageError.ts';
import type { Command } from './index.ts';

export const demoCitizensCommand: Command = {
  summary: 'list the demo citizens as JSON lines (BSN, age, what each shows)',
  devOnly: true,
  async run(args) {
    try {
      parseArgs({ args, options: {}, strict: true, allowPositionals: false });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    for (const c of demoCitizens(new Date())) {
      const line = {
        bsn: c.bsn,
        name: [
          c.name.callName ?? c.name.givenNames.split(' ')[0],
          c.name.familyNamePrefix,
          c.name.familyName,
        ]
          .filter(Boolean)
          .join(' '),
        birthDate: c.birthDate.toISOString().slice(0, 10),
        age: c.age,
        illustrates: c.illustrates,
      };
      console.log(JSON.stringify(line));
    }
    return 0;
  },
};
