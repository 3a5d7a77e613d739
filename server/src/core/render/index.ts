/** The form's document model and the plan → model renderer (vscode-free). */
export * from './model';
export { planToDocument, documentText, FORM_NAME, PLEDGE_TEXT, ADDRESSEE, CHAPTERS, type RenderInput } from './plan-to-document';
export { LADDER, NOT_APPLICABLE, MAX_BULLET_LEVEL, bulletItems, textBlocks } from './bullets';
