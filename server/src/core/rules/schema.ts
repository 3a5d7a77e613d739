/**
 * `schema`: the plan does not follow the form's structure (type, required field, allowed value,
 * format, unknown property, duplicate key). One best message per place; the checks a rule owns
 * (e.g. the servers' range) are left to that rule.
 */
import type { JsonPath } from '../json/tree';
import { schemaFindings } from '../schema/errors';
import { replaceWithJson } from '../edit/fix';
import { defineRule } from './rule';

/** What the schema mapper puts in `data` (see schema/errors.ts), as far as fixes read it. */
interface SchemaData {
  readonly keyword?: string;
  readonly suggestion?: string;
  readonly parentPath?: JsonPath;
  readonly missing?: readonly string[];
}

export const schema = defineRule<SchemaData>()({
  code: 'schema',
  severity: 'error',
  reads: 'structure',
  needs: 'value',
  description: {
    en: "The plan does not follow the form's structure (type, required field, allowed value, format or unknown property).",
    ko: '양식 구조 위반 (자료형, 필수 항목, 허용 값, 형식, 알 수 없는 항목)',
  },
  messages: {
    duplicateKey: {
      en: 'Duplicate key {0}: this value is ignored because the same key appears again below. Merge the two, or text will be lost.',
      ko: '키 {0|이} 중복되었습니다. 아래에 같은 키가 다시 나오므로 이 값은 무시됩니다. 두 내용을 합치지 않으면 작성한 글이 사라집니다.',
    },
    laterKey: { en: 'The later {0}, whose value is used.', ko: '실제로 사용되는 뒤쪽 {0}' },
    fixRename: { en: 'Rename to {0}', ko: '{0|으로} 이름 바꾸기' },
    fixChange: { en: 'Change to {0}', ko: '{0|으로} 바꾸기' },
    fixInsert: { en: 'Insert {0}', ko: '{0} 넣기' },
  },
  docs: {
    form: '양식(표 등), 제목, 순서 등 삭제 및 수정 불가 (해당 없는 항목은 “해당 없음” 명기)',
    formPlace: { en: 'form, 작성요령, 공통', ko: '양식, 작성요령 — 공통' },
    checks: {
      en: 'Every field of the form has a type, and many a fixed set of values or a format (dates YYYY-MM-DD, e-mail, 사업자등록번호 NNN-NN-NNNNN). Required fields must be there, unknown keys are refused (with the closest known key as a suggestion), and a key written twice is reported because one of the two texts would be lost.',
      ko: '양식의 모든 항목에는 자료형이 있고, 많은 항목에는 정해진 값이나 형식(날짜 YYYY-MM-DD, 이메일, 사업자등록번호 NNN-NN-NNNNN)이 있습니다. 필수 항목이 빠지면 안 되고, 알 수 없는 키는 가장 가까운 키를 제안하며 거부하며, 같은 키를 두 번 쓰면 한쪽 글이 사라지므로 알려 줍니다.',
    },
    fix: {
      en: 'Follow the message: a misspelled key or value has a quick fix with the suggestion; a missing field can be inserted from its snippet.',
      ko: '메시지를 따라 고치세요. 철자가 틀린 키나 값은 제안된 값으로 바꾸는 빠른 수정이 있고, 빠진 항목은 스니펫으로 넣을 수 있습니다.',
    },
    examples: { pass: { patch: { '/projectInfo/stage': 'modelTraining' } }, fail: { patch: { '/projectInfo/stage': 'fineTuning' } } },
  },
  check({ doc, options, message, report }) {
    for (const { key, first } of doc.duplicates) {
      report({
        offset: first.offset,
        length: first.length,
        message: message('duplicateKey', JSON.stringify(first.value)),
        data: { keyword: 'duplicateKey' },
        related: [{ offset: key.offset, length: key.length, message: message('laterKey', JSON.stringify(key.value)) }],
      });
    }
    // Loops, not push(...list): a list of 200,000 findings would overflow the call stack.
    for (const finding of schemaFindings(doc, options.schemaOwned)) report(finding as typeof finding & { data?: SchemaData });
  },
  fixes(finding, { title }) {
    const data = finding.data ?? {};
    const { code } = finding;
    switch (data.keyword) {
      case 'additionalProperties':
        return typeof data.suggestion === 'string'
          ? [
              {
                code,
                title: title('fixRename', JSON.stringify(data.suggestion)),
                edits: [replaceWithJson(finding, data.suggestion)],
                fixAll: false,
                preferred: true,
              },
            ]
          : [];
      case 'enum':
      case 'const':
        return typeof data.suggestion === 'string'
          ? [
              {
                code,
                title: title('fixChange', JSON.stringify(data.suggestion)),
                edits: [replaceWithJson(finding, data.suggestion)],
                fixAll: false,
                preferred: true,
              },
            ]
          : [];
      case 'required':
        return (data.missing ?? []).map((key) => ({
          code,
          title: title('fixInsert', JSON.stringify(key)),
          insertSection: { parentPath: data.parentPath ?? [], key },
          fixAll: false,
          preferred: false,
        }));
      default:
        return [];
    }
  },
});
