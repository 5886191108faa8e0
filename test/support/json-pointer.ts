// Shared by the decompiler's properties, the laws and the security tests.

/** True when a JSON Pointer names something that exists in `root` (own properties; array indices within length). */
export function pointerResolves(root: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  if (!pointer.startsWith('/')) return false;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= node.length) return false;
      node = node[Number(key)];
    } else if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, key)) {
      node = (node as Record<string, unknown>)[key];
    } else return false;
  }
  return true;
}
