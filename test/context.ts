import { CancellationToken } from 'vscode-languageserver';
import { documentContext, type FeatureContext, type WorkspaceLookup } from '../server/src/analysis/context';
import { DEFAULT_SETTINGS, type RuleSettings, type Settings } from '../server/src/analysis/settings';
import type { CableFile, Position } from '../server/src/cable/model';
import { parse } from '../server/src/cable/parse';
import { documentDiagnostics } from '../server/src/diagnostics/documentDiagnostics';
import { describeRuleFailure, type RuleFailureHandler } from '../server/src/diagnostics/engine';
import { foldingRanges } from '../server/src/features/folding';
import { hover } from '../server/src/features/hover';
import { documentSymbols } from '../server/src/features/symbols';

export const URI = 'file:///work/test.cable';
export const NONE = CancellationToken.None;

export interface TestContextOptions {
  readonly uri?: string;
  readonly settings?: Partial<Settings>;
  readonly workspace?: WorkspaceLookup;
  readonly rulesPage?: string;
  readonly canDisableRules?: boolean;
}

/**
 * A feature context for a model or a text, as the server builds one. Anything a feature logs (a
 * rule that threw) fails the test that caused it.
 */
export function contextFor(model: CableFile | string, options: TestContextOptions = {}): FeatureContext {
  const file = typeof model === 'string' ? parse(model) : model;
  return documentContext(options.uri ?? URI, file, {
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    workspace: options.workspace,
    rulesPage: options.rulesPage,
    canDisableRules: options.canDisableRules ?? false,
    log: (message) => {
      throw new Error(`a feature logged a failure: ${message}`);
    },
  });
}

/** `{ textDocument }` of a context, for the params every feature takes. */
export function documentOf(context: FeatureContext): { textDocument: { uri: string } } {
  return { textDocument: { uri: context.uri } };
}

// Shorthands for tests that look at one feature's result on a model, through the feature's own
// `(context, params, token)` entry point.

export function outlineOf(model: CableFile, maxOutlineItems = DEFAULT_SETTINGS.maxOutlineItems) {
  const context = contextFor(model, { settings: { maxOutlineItems } });
  return documentSymbols(context, documentOf(context), NONE);
}

export function foldingOf(model: CableFile, maxFoldingRanges = DEFAULT_SETTINGS.maxFoldingRanges) {
  const context = contextFor(model, { settings: { maxFoldingRanges } });
  return foldingRanges(context, documentOf(context), NONE);
}

export function diagnosticsOf(model: CableFile, options: TestContextOptions & { rules?: RuleSettings } = {}) {
  const context = contextFor(model, { ...options, settings: { diagnostics: { enable: true, rules: options.rules ?? {} } } });
  return documentDiagnostics(context, documentOf(context), NONE);
}

export function hoverAt(model: CableFile, position: Position, options: TestContextOptions = {}) {
  const context = contextFor(model, options);
  return hover(context, { ...documentOf(context), position }, NONE);
}

/** For tests that run rules: a rule that throws fails the test instead of losing its findings quietly. */
export const failOnRuleError: RuleFailureHandler = (code, error) => {
  throw new Error(describeRuleFailure(code, error));
};
