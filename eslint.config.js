// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The dashboard is browser script served as is; bench/ and scripts/ are tools run by hand, outside the type-checked project.
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'src/http/dashboard/', 'bench/', 'scripts/', '.data/'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Plain JavaScript (the examples, this file) is outside the TypeScript project: lint it without type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', Buffer: 'readonly' } },
  },
  {
    rules: {
      // Vendor rules print what the client sent (`unknown` JSON scalars) into messages with String(): that is meant.
      '@typescript-eslint/no-base-to-string': 'off',
      // `{ _unused, ...rest }` drops a property on purpose; the underscore says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read answers' JSON as `any` on purpose (`TestResponse.json`): the expect() after each read is the check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // expect(object.method).toHaveBeenCalled-style reads of methods are not calls.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
