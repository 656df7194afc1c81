// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from './generate-api-types.mjs';

describe('generated API types', () => {
  it('src/types/api.ts is what openapi-typescript makes from the committed OpenAPI document', async () => {
    const openApi = fileURLToPath(new URL('../src/types/openapi.json', import.meta.url));
    const committed = await readFile(fileURLToPath(new URL('../src/types/api.ts', import.meta.url)), 'utf8');
    expect(committed, 'stale: run scripts/gen-api-types.sh and commit the result').toBe(
      await generateApiTypes(openApi),
    );
  });
});
