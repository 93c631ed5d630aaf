// Every HTTP route must say who may call it: `@Auth(...)` for signed-in callers, or `@Public()` to say
// explicitly that anyone may. The global guard refuses a route with neither at run time too; this rule
// catches it earlier, in the editor and in CI.
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
const ACCESS_DECORATORS = new Set(['Auth', 'Public']);

const decoratorName = (decorator) => {
  const expr = decorator.expression;
  if (expr.type === 'CallExpression' && expr.callee.type === 'Identifier') return expr.callee.name;
  if (expr.type === 'Identifier') return expr.name;
  return undefined;
};

export const routeAccessRule = {
  meta: {
    type: 'problem',
    docs: { description: 'every controller route carries @Auth(...) or @Public()' },
    messages: { missing: 'Route "{{name}}" must declare who may call it with @Auth(...) or @Public().' },
    schema: [],
  },
  create(context) {
    return {
      MethodDefinition(node) {
        const names = (node.decorators ?? []).map(decoratorName);
        if (!names.some((n) => HTTP_DECORATORS.has(n))) return;
        const classNode = node.parent.parent;
        const classNames = (classNode.decorators ?? []).map(decoratorName);
        if (names.some((n) => ACCESS_DECORATORS.has(n)) || classNames.some((n) => ACCESS_DECORATORS.has(n))) return;
        context.report({ node: node.key, messageId: 'missing', data: { name: node.key.name ?? '?' } });
      },
    };
  },
};

export const localPlugin = { rules: { 'route-access': routeAccessRule } };
