/** A Babel NodePath as Stryker's instrumenter passes it to an ignorer (the parts the predicate reads). */
export interface IgnorerPath {
  readonly parentPath?: { readonly node: { readonly type: string; readonly callee?: { readonly type: string; readonly name?: string } } } | null;
  readonly listKey?: string;
  readonly key?: string | number | null;
}
export function isErrorDetail(path: IgnorerPath): boolean;
export const strykerPlugins: unknown[];
