/**
 * Documents `gpuplan import` must refuse, built here byte by byte so that nothing in the test
 * fixtures is an opaque blob: an HWP 5 whose file header says it is password-protected, a PDF
 * whose only page is an image (a scan), and a DOCX that is some other document (minutes of a
 * meeting), not the form.
 */
import JSZip from 'jszip';
import * as CFB from 'cfb';

/** An HWP 5 compound file whose FileHeader has the "password" flag (bit 1) set, as Hangul writes it. */
export function encryptedHwp(): Buffer {
  const header = Buffer.alloc(256);
  header.write('HWP Document File', 0, 'ascii');
  // Version 5.1.0.0 (byte 35 is the major version), then the properties: compressed | encrypted.
  header.writeUInt32LE(0x05010000, 32);
  header.writeUInt32LE(0b11, 36);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/FileHeader', header);
  // What follows the header is ciphertext to a reader without the password.
  CFB.utils.cfb_add(cfb, '/DocInfo', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) & 0xff)));
  CFB.utils.cfb_add(cfb, '/BodyText/Section0', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 151 + 7) & 0xff)));
  return Buffer.from(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer);
}

/** A one-page PDF with nothing on its page but a grey 64×64 image: what a scanner makes. */
export function scannedPdf(): Buffer {
  const pixels = Buffer.alloc(64 * 64, 0);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 256;
  const content = 'q 500 0 0 700 50 70 cm /Im0 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    { dict: '<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8', data: pixels },
    { dict: '<<', data: Buffer.from(content, 'latin1') },
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n${object.dict} /Length ${object.data.length} >>\nstream\n`, 'latin1'),
            object.data,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(body);
    length += body.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A valid DOCX of another document: the minutes of a meeting, with a table of its own. */
export async function otherDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;
  const body = [
    p('2026년 1월 정기 운영위원회 회의록'),
    p('일시: 2026. 1. 14.(수) 14:00, 장소: 본관 3층 회의실'),
    `<w:tbl><w:tr>${cell('안건')}${cell('담당')}${cell('결과')}</w:tr><w:tr>${cell('예산 집행 점검')}${cell('기획팀')}${cell('원안 의결')}</w:tr></w:tbl>`,
    p('다음 회의는 2월 11일에 열기로 하였다.'),
  ].join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
