/** The form's document model and the plan → model renderer (vscode-free). */
export * from './model';
export { planToDocument, FORM_NAME, type RenderInput } from './plan-to-document';
export { documentText } from './document-text';
export { PLEDGE_TEXT, ADDRESSEE } from './cover';
export { CHAPTERS } from './builder';
export { LADDER, NOT_APPLICABLE, MAX_BULLET_LEVEL, bulletItems, textBlocks } from './bullets';
