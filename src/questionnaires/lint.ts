// Publish-time lint of a SurveyJS definition: what survey-core only logs or silently accepts is
// refused here, once, so that submissions never meet a broken questionnaire.
import { ConditionsParser, FunctionFactory, Operand, Serializer, type Question } from 'survey-core';
import { lintTranslations } from './translations';
import { disclosureProblems, sitesProblems } from './disclosure-policy';
import { siteReferralProblems } from './referrals';
import { withdrawalProblems } from './withdrawal';
import { createModel, type Model } from './model';
import { closedProperties } from './custom-properties';

export interface LintProblem {
  /** The element concerned (`question 'age'`, `survey`), so authors find it quickly. */
  where: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose string values survey-core evaluates as expressions. */
const EXPRESSION_KEY = /(If|Expression)$|^expression$/;
const CHILD_LISTS = [
  'pages',
  'elements',
  'questions',
  'templateElements',
  'detailElements',
  'columns',
  'items',
  'triggers',
  'calculatedValues',
  'validators',
  'completedHtmlOnCondition',
];

function describe(node: Json, fallback: string): string {
  const kind = typeof node.type === 'string' ? node.type : 'element';
  if (typeof node.name === 'string') return `${kind} '${node.name}'`;
  return typeof node.type === 'string' ? `${node.type} (in ${fallback})` : fallback;
}

/** Every expression with where it stands, found by walking the raw JSON. */
function collectExpressions(node: unknown, where: string, out: Array<{ where: string; key: string; text: string }>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectExpressions(n, where, out));
  if (!isObject(node)) return;
  const here = describe(node, where);
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && EXPRESSION_KEY.test(key) && value.trim() !== '') out.push({ where: here, key, text: value });
    else if (typeof value === 'object') collectExpressions(value, here, out);
  }
}

function functionNames(op: unknown, out: Set<string>): void {
  if (Array.isArray(op)) return op.forEach((o) => functionNames(o, out));
  if (!(op instanceof Operand)) return;
  if (op.getType() === 'function') out.add(String((op as unknown as { originalValue: string }).originalValue));
  for (const value of Object.values(op)) if (value instanceof Operand || Array.isArray(value)) functionNames(value, out);
}

function lintExpressions(json: Json, problems: LintProblem[]): void {
  const found: Array<{ where: string; key: string; text: string }> = [];
  collectExpressions(json, 'survey', found);
  const parser = new ConditionsParser();
  for (const { where, key, text } of found) {
    const op = parser.parseExpression(text);
    if (!op) {
      problems.push({ where, message: `${key} does not parse: ${JSON.stringify(text)}` });
      continue;
    }
    const names = new Set<string>();
    functionNames(op, names);
    for (const name of names)
      if (!FunctionFactory.Instance.hasFunction(name))
        problems.push({ where, message: `${key} calls unknown function '${name}': ${JSON.stringify(text)}` });
  }
}

function lintTypes(node: unknown, problems: LintProblem[], inColumns = false): void {
  if (Array.isArray(node)) return node.forEach((n) => lintTypes(n, problems, inColumns));
  if (!isObject(node)) return;
  const type = node.type ?? node.cellType;
  if (typeof type === 'string' && !inColumns && !Serializer.findClass(type))
    problems.push({ where: describe(node, 'element'), message: `unknown question type '${type}'` });
  for (const key of CHILD_LISTS)
    if (key in node) lintTypes(node[key], problems, key === 'columns' || key === 'items' || key === 'triggers' || key === 'validators');
}

function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const n of names) (seen.has(n) ? dup : seen).add(n);
  return [...dup];
}

function lintNames(questions: Question[], scope: string, problems: LintProblem[]): void {
  const valued = questions.filter((q) => !['html', 'image'].includes(q.getType()));
  for (const name of duplicates(valued.map((q) => q.name))) problems.push({ where: scope, message: `duplicate question name '${name}'` });
  for (const q of valued) {
    const anyQ = q as any;
    if (q.getType() === 'paneldynamic') lintNames(anyQ.template?.questions ?? [], `paneldynamic '${q.name}'`, problems);
    if (q.getType() === 'matrixdropdown' || q.getType() === 'matrixdynamic')
      for (const name of duplicates(anyQ.columns.map((c: { name: string }) => c.name)))
        problems.push({ where: `${q.getType()} '${q.name}'`, message: `duplicate column name '${name}'` });
    if (!q.name) problems.push({ where: q.getType(), message: 'a question has no name' });
  }
}

function lintClosedProperties(json: Json, questions: Question[], problems: LintProblem[]): void {
  for (const { className, name, values } of closedProperties) {
    const targets: Array<[string, unknown]> =
      className === 'survey' ? [['survey', json[name]]] : questions.map((q) => [`question '${q.name}'`, (q as any)[name]]);
    for (const [where, value] of targets)
      if (value !== undefined && value !== null && !values.includes(String(value)))
        problems.push({ where, message: `${name} must be one of ${values.join(', ')} (got ${JSON.stringify(value)})` });
  }
}

/** All problems of a definition; an empty list means it may be published. Pass the model if built. */
export function lintDefinition(json: unknown, built?: Model): LintProblem[] {
  if (!isObject(json)) return [{ where: 'survey', message: 'the definition must be a JSON object' }];
  const problems: LintProblem[] = [];
  const model = built ?? createModel(json);
  for (const e of model.jsonErrors ?? []) {
    const name = (e.element as { name?: unknown } | undefined)?.name;
    problems.push({ where: typeof name === 'string' ? `'${name}'` : 'survey', message: e.message });
  }
  lintTypes(json, problems);
  const questions = model.getAllQuestions(false, false, false) as Question[];
  if (questions.length === 0) problems.push({ where: 'survey', message: 'the questionnaire has no questions' });
  lintNames(questions, 'survey', problems);
  lintExpressions(json, problems);
  lintClosedProperties(json, [...questions, ...questions.flatMap((q) => ((q as any).template?.questions ?? []) as Question[])], problems);
  const languages = Array.isArray(json.languages) ? json.languages.map(String) : ['en'];
  for (const message of lintTranslations(json, languages)) problems.push({ where: 'survey', message });
  for (const message of [
    ...disclosureProblems(json.disclosure),
    ...sitesProblems(json.sites),
    ...siteReferralProblems(json),
    ...withdrawalProblems(json, new Set(questions.map((q) => q.getValueName()))),
  ])
    problems.push({ where: 'survey', message });
  return problems;
}
