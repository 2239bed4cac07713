// Type-checked (tsc --strict --noEmit) against the installed package's generated index.d.ts: the
// result's fields, the event union discriminated by `type`, and the errors answer.
import { simulate, explain, validate, type Result, type Errors, type Event } from 'subsim';

function isErrors(answer: Result | Errors): answer is Errors {
  return 'errors' in answer;
}

export async function lastDayOfAccess(text: string): Promise<string | null> {
  const answer = await simulate(text, { today: '2026-03-31' });
  if (isErrors(answer)) return answer.errors[0].pointer;
  const total: number = answer.summary.total_charged;
  const ends = answer.events.filter((e: Event) => e.type === 'cancellation_scheduled');
  for (const e of ends) if (e.type === 'cancellation_scheduled') return e.details.access_until + String(total);
  return null;
}

export async function sentences(text: string): Promise<number> {
  const said = await explain(text, 'fr', { today: '2026-03-31' });
  const checked = await validate(text);
  return (Array.isArray(said) ? said.length : 0) + checked.errors.length;
}
