// A small JSON Schema (draft 2020-12) checker for the keywords docs/export.schema.json uses:
// type (one or a list), properties, required, additionalProperties (false or a schema),
// items, enum, const, pattern, minimum, $ref to #/$defs/…. Returns one line per problem.
type Schema = Record<string, unknown>;

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const problems: string[] = [];
  check(root, root, value, '$', problems);
  return problems;
}

function check(root: Schema, schema: Schema, value: unknown, at: string, problems: string[]): void {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (!target) throw new Error(`unknown $ref ${schema.$ref}`);
    check(root, target, value, at, problems);
    return;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => isType(value, t))) {
      problems.push(`${at}: expected ${types.join(' or ')}, got ${JSON.stringify(value)?.slice(0, 40)}`);
      return;
    }
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.const !== undefined && value !== schema.const) problems.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    problems.push(`${at}: "${value}" does not match ${schema.pattern}`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${at}: ${value} < ${schema.minimum}`);
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, i) => check(root, schema.items as Schema, item, `${at}[${i}]`, problems));
  if (isType(value, 'object')) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in object)) problems.push(`${at}: missing "${name}"`);
    for (const [name, child] of Object.entries(object)) {
      if (properties[name]) check(root, properties[name], child, `${at}.${name}`, problems);
      else if (schema.additionalProperties === false) problems.push(`${at}: unexpected "${name}"`);
      else if (typeof schema.additionalProperties === 'object') check(root, schema.additionalProperties as Schema, child, `${at}.${name}`, problems);
    }
  }
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}
