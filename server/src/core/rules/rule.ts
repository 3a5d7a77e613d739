/**
 * The rule as the unit. A rule is one module that declares everything about itself: its code and
 * default severity, its description and messages in Korean and English, what it reads (for
 * incremental re-analysis), the schema errors it owns, its quick fixes with typed data, and the
 * text of its documentation page. The registry (`registry.ts`) lists the rules; the settings
 * schema, the README table, `docs/rules/`, SARIF and `gpuplan rules` are all derived from it.
 */
import type { CostModel } from '../cost/cost';
import type { Finding, RawFinding, Severity, Span } from '../findings';
import type { ParsedDocument } from '../json/parse';
import type { JsonPath } from '../json/tree';
import { bilingual, inLocale, type Bilingual, type Locale, type Message, type MessageArg } from '../l10n';
import type { Plan } from '../plan/types';
import type { SchemaOwnership } from '../schema/errors';
import type { TextString } from '../schema/prose';
import type { PageEstimate } from '../pages/estimate';
import type { Fix } from '../edit/fix';

export type { Bilingual } from '../l10n';

/**
 * What a rule reads. `prose` rules read only `Text` strings (and what is computed from them):
 * after a keystroke inside a prose string, only they run again. `structure` rules read anything
 * else; after any other keystroke they run again when they read its chapter, as recorded while
 * they ran (reads.ts).
 */
export type RuleReads = 'structure' | 'prose';

/**
 * What a document must be for the rule to run: `text` (any text, even not JSON), `value` (JSON
 * of any shape) or `plan` (a JSON object). Most rules read a plan.
 */
export type RuleNeeds = 'text' | 'value' | 'plan';

export interface RuleOptions {
  /** Acronyms that need no definition: the defaults and the user's. */
  readonly abbreviationAllowlist: ReadonlySet<string>;
  /** Every schema check owned by a rule (the schema rule leaves these to their rules). */
  readonly schemaOwned: readonly SchemaOwnership[];
}

/** What a rule says of a finding besides its range. */
interface ReportFields<Data> {
  readonly message: Message;
  readonly path?: JsonPath;
  readonly data?: Data;
  readonly related?: ReadonlyArray<Span & { readonly message: Message }>;
  /** Overrides the rule's default severity (rare: a rule with two levels). */
  readonly severity?: Severity;
}

/**
 * A finding as a rule reports it: the code and, unless given, the severity are the rule's. Its
 * range is `offset` and `length`, or `at` (a span as `valueSpan` gives it: `at: valueSpan(…)`
 * rather than `...valueSpan(…)`, a spread followed by other fields being slow in V8).
 */
export type Report<Data> = ReportFields<Data> & (Span | { readonly at: Span });

/** Its functions are properties, not methods: a rule takes them apart (`check({ doc, report })`). */
export interface RuleContext<Key extends string, Data> {
  readonly doc: ParsedDocument;
  readonly plan: Plan;
  readonly options: RuleOptions;
  /** Prose strings of every Text field (computed once per analysis). */
  readonly texts: () => readonly TextString[];
  /** The cost model of this plan (computed once per analysis). */
  readonly cost: () => CostModel;
  /** The page estimate of this plan (computed once per analysis, when first asked for). */
  readonly pages: () => PageEstimate;
  /** One of the rule's messages, with its arguments. */
  readonly message: (key: Key, ...args: MessageArg[]) => Message;
  readonly report: (finding: Report<Data>) => void;
}

export interface FixContext<Key extends string> {
  readonly doc: ParsedDocument;
  readonly plan: Plan;
  readonly locale: Locale;
  /** One of the rule's messages in the locale of the fix (fix titles). */
  readonly title: (key: Key, ...args: Array<string | number>) => string;
}

/** A plan change that shows the rule passing or failing: JSON pointer → value (undefined deletes). */
export type PlanPatch = Readonly<Record<string, unknown>>;

/**
 * An example of the rule's documentation: a change to the complete example plan, or (for rules
 * about the text itself, such as syntax) a whole small document.
 */
export type RuleExample = { readonly patch: PlanPatch } | { readonly text: string };

export interface RuleDocs {
  /** The form's own words that the rule enforces, quoted from the 2025.12 form. */
  readonly form: string;
  /** Where in the form those words are. */
  readonly formPlace: Bilingual;
  /** What the rule checks, in more words than the description. */
  readonly checks: Bilingual;
  /** How to fix a finding. */
  readonly fix: Bilingual;
  /**
   * A passing and a failing example; the tests apply them and check that the rule stays quiet
   * and fires. `show` lists extra pointers the page prints for context (e.g. the GPU type next to
   * the servers).
   */
  readonly examples: { readonly pass: RuleExample; readonly fail: RuleExample; readonly show?: readonly string[] };
}

export interface RuleSpec<Code extends string, Key extends string, Data> {
  readonly code: Code;
  readonly severity: Severity;
  /** One line, for the settings, the rule table and SARIF. */
  readonly description: Bilingual;
  readonly reads: RuleReads;
  readonly needs?: RuleNeeds;
  /** Schema errors that this rule explains better than a generic schema message. */
  readonly owns?: readonly SchemaOwnership[];
  /** Codes whose fixes must be applied first, because this rule's fix is computed from their values. */
  readonly fixAfter?: readonly string[];
  readonly messages: Readonly<Record<Key, Bilingual>>;
  readonly docs: RuleDocs;
  check(context: RuleContext<Key, Data>): void;
  /** The quick fixes of one of this rule's findings; `finding.data` is what `check` reported. */
  fixes?(finding: Finding & { readonly data?: Data }, context: FixContext<Key>): Fix[];
}

/** A rule as the registry and the engine see it. */
export interface Rule<Code extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  readonly description: Bilingual;
  readonly reads: RuleReads;
  readonly needs: RuleNeeds;
  readonly owns: readonly SchemaOwnership[];
  readonly fixAfter: readonly string[];
  readonly messages: Readonly<Record<string, Bilingual>>;
  readonly docs: RuleDocs;
  /** Whether the rule declares quick fixes (some of its findings have one). */
  readonly fixable: boolean;
  /** Runs the check; `report` receives findings with this rule's code. */
  run(context: EngineContext): void;
  fixes(finding: Finding, context: Omit<FixContext<string>, 'title'>): Fix[];
}

/** What the engine gives every rule; the rule's own message and report are made from it. */
export interface EngineContext {
  readonly doc: ParsedDocument;
  readonly plan: Plan;
  readonly options: RuleOptions;
  readonly texts: () => readonly TextString[];
  readonly cost: () => CostModel;
  readonly pages: () => PageEstimate;
  readonly report: (finding: RawFinding) => void;
}

/**
 * Declares a rule: `defineRule<Data>()({ … })`, where `Data` is the shape of the `data` its
 * findings carry for their fixes (the code and message keys are inferred from the object).
 */
export const defineRule =
  <Data = undefined>() =>
  <const Code extends string, Key extends string>(spec: RuleSpec<Code, Key, Data>): Rule<Code> =>
    makeRule(spec);

function makeRule<Code extends string, Key extends string, Data>(spec: RuleSpec<Code, Key, Data>): Rule<Code> {
  const messages = spec.messages;
  const message = (key: Key, ...args: MessageArg[]): Message => bilingual(messages[key], ...args);
  return {
    code: spec.code,
    severity: spec.severity,
    description: spec.description,
    reads: spec.reads,
    needs: spec.needs ?? 'plan',
    owns: spec.owns ?? [],
    fixAfter: spec.fixAfter ?? [],
    messages,
    docs: spec.docs,
    fixable: spec.fixes !== undefined,
    run(engine) {
      spec.check({
        doc: engine.doc,
        plan: engine.plan,
        options: engine.options,
        texts: engine.texts,
        cost: engine.cost,
        pages: engine.pages,
        message,
        report: (finding) => {
          // Field by field rather than `{ ...finding, code }` (see Report): a rule may report a
          // thousand findings on one keystroke.
          const span = 'at' in finding ? finding.at : finding;
          engine.report({
            code: spec.code,
            offset: span.offset,
            length: span.length,
            message: finding.message,
            path: finding.path,
            data: finding.data,
            related: finding.related,
            severity: finding.severity,
          });
        },
      });
    },
    fixes(finding, context) {
      if (!spec.fixes) return [];
      const title = (key: Key, ...args: Array<string | number>) => inLocale(context.locale, messages[key], ...args);
      return spec.fixes(finding as Finding & { data?: Data }, { ...context, title });
    },
  };
}
