// ---- The package's functions (package/functions.d.ts, appended to the generated types) ----

/** A scenario: the text of a scenario file, or the object it parses to (see schema/scenario.schema.json). */
export type ScenarioInput = string | object;

/** "fr", "en", or "" for the scenario's own locale. */
export type Locale = 'fr' | 'en' | '';

/** The reference date of relative dates ("today", "today+P10D"), "YYYY-MM-DD". Without it, the
 * host's local calendar date, as `subsim run` without `--today`. */
export interface Options { today?: string }

/** The result of a valid scenario, or the errors of an invalid one (same JSON as `subsim run --json`). */
export function simulate(scenario: ScenarioInput, options?: Options): Promise<Result | Errors>;
/** The very text `subsim run --json` prints for this scenario. */
export function simulateText(scenario: ScenarioInput, options?: Options): Promise<string>;
/** Errors only: an empty list when the scenario is valid. */
export function validate(scenario: ScenarioInput, options?: Options): Promise<Errors>;
/** The narrator's sentence for every event, in the order of the result's events (`subsim explain`). */
export function explain(scenario: ScenarioInput, locale?: Locale, options?: Options): Promise<string[] | Errors>;
/** Event sentences, expectation lines and what-if answers. */
export function narration(scenario: ScenarioInput, locale?: Locale, options?: Options): Promise<
  { events: string[]; expectations: string[]; answers: Array<{ action: number; sentence: string }> } | Errors>;
/** The names the engine knows: rules, event types, states, actions, reasons. */
export function catalogue(): Promise<{ rules: Array<{ id: Rule; spec: string; source: string }>; event_types: EventType[];
  states: State[]; actions: ActionName[]; reasons: Reason[] }>;
/** The engine's version, as `subsim --version` prints it. */
export function version(): Promise<string>;
/** Loads the WebAssembly module now (every function loads it on first use). */
export function load(): Promise<unknown>;
