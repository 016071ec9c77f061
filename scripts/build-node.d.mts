/** Bundles a Node entry into one ES module (scripts/build-node.mjs); resolves to the bundle's absolute path. */
export function buildNode(entry?: string, outfile?: string): Promise<string>
