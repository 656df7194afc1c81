// @vitest-environment node
// The import boundaries are only worth having if they fail: lint a few imports as if they were in the app.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const web = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: web, overrideConfigFile: resolve(web, 'eslint.config.js') });

async function problemsOf(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuse one feature importing another', async () => {
    const problems = await problemsOf(
      'src/features/auth/components/x.ts',
      "import { useOrganization } from '@/features/organizations/api/get-organization';\n" +
        'export const x = useOrganization;\n',
    );
    expect(problems.join()).toContain('A feature imports only itself');
  });

  it('refuse shared code importing a feature or the app', async () => {
    expect(
      (await problemsOf('src/lib/x.ts', "import { router } from '@/app/router';\nexport const x = router;\n")).join(),
    ).toContain('Shared code');
    expect(
      (
        await problemsOf(
          'src/components/x.ts',
          "import { signIn } from '@/features/auth/api/sign-in';\nexport const x = signIn;\n",
        )
      ).join(),
    ).toContain('Shared code');
  });

  it('allow a feature its own files, shared code, and the app everything', async () => {
    expect(
      await problemsOf(
        'src/features/auth/components/x.ts',
        "import { signIn } from '@/features/auth/api/sign-in';\n" +
          "import { api } from '@/lib/api-client';\nexport const x = [signIn, api];\n",
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        'src/app/x.ts',
        "import { signIn } from '@/features/auth/api/sign-in';\nexport const x = signIn;\n",
      ),
    ).toEqual([]);
  });
});
