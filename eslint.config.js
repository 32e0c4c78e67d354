import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'**/*.tmp.*'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The core stays portable: no Svelte, no DOM, no hidden clock or randomness.
		files: ['src/lib/pkce/**/*.ts', 'src/lib/protocol/**/*.ts'],
		ignores: ['**/*.test.ts', '**/*.harness.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', '$app/*', 'node:*'] }],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Inject a RandomOctets source.' },
				{ object: 'Date', property: 'now', message: 'Inject a clock.' }
			],
			'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'location']
		}
	}
);
