import { describe, expect, it } from 'vitest';
import { detectIdentifying, kindsOf } from './detect';

const kinds = (text: string) => detectIdentifying(text).map((m) => [m.kind, m.text]);

describe('detectIdentifying: what it finds', () => {
  it.each([
    ['Write to her at amira.k@example.org today', 'email', 'amira.k@example.org'],
    ['Call +44 20 7946 0958 after six', 'phone', '+44 20 7946 0958'],
    ['Her number is 020 7946 0958.', 'phone', '020 7946 0958'],
    ['Mobile: (555) 010-4477', 'phone', '(555) 010-4477'],
    ['Tel. 06 12 34 56 78', 'phone', '06 12 34 56 78'],
    ['WhatsApp +5511987654321', 'phone', '+5511987654321'],
    ['She lives at 221B Baker Street, London', 'address', '221B Baker Street'],
    ['Elle habite 12 rue de la Paix', 'address', '12 rue de la Paix'],
    ['Mora na Rua das Flores, 45', 'address', 'Rua das Flores, 45'],
    ['Vive en Calle Mayor 7', 'address', 'Calle Mayor 7'],
    ['PO Box 1234', 'address', 'PO Box 1234'],
    ['near SW1A 1AA', 'address', 'SW1A 1AA'],
    ['The child was born on 12 March 2015', 'date_of_birth', 'born on 12 March 2015'],
    ['DOB: 03/04/2012', 'date_of_birth', 'DOB: 03/04/2012'],
    ['née le 4 juin 2011', 'date_of_birth', 'née le 4 juin 2011'],
    ['fecha de nacimiento 2010-05-14', 'date_of_birth', 'fecha de nacimiento 2010-05-14'],
    ['Case No. 2023-CR-00123 was closed', 'case_number', '2023-CR-00123'],
    ['see case #45821', 'case_number', '45821'],
    ['our ref: AB/12345/2023', 'case_number', 'AB/12345/2023'],
    ['filed as CR-2023-004512', 'case_number', 'CR-2023-004512'],
    ['CyberTipline report 123456789', 'case_number', '123456789'],
    ['photos at https://i.imgur.com/abc123.jpg', 'image_host_link', 'https://i.imgur.com/abc123.jpg'],
    ['see imgur.com/a/xYz', 'image_host_link', 'imgur.com/a/xYz'],
    ['files: https://www.dropbox.com/s/abc/video.zip?dl=0', 'file_sharing_link', 'https://www.dropbox.com/s/abc/video.zip?dl=0'],
    ['https://mega.nz/folder/AbCd#key', 'file_sharing_link', 'https://mega.nz/folder/AbCd#key'],
    ['https://drive.google.com/file/d/1abc/view', 'file_sharing_link', 'https://drive.google.com/file/d/1abc/view'],
  ])('%s', (text, kind, match) => {
    expect(kinds(text)).toContainEqual([kind, match]);
  });

  it('gives offsets into the text itself', () => {
    const text = 'Phone: +1 202 555 0143, mail a@b.org';
    for (const m of detectIdentifying(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(kindsOf(detectIdentifying(text))).toEqual(['email', 'phone']);
  });
});

describe('detectIdentifying: what it leaves alone', () => {
  it.each([
    'We upgraded to version 1.12.0.4 and then 2.3.1',
    'The Global Threat Assessment 2023 covers 2021-2023 and 2019/2020',
    'Reports rose 1,325% between 2023 and 2024',
    'It costs $1 250 000 or €12,500,000 or USD 10000000',
    'A budget of 10 000 000 was approved',
    'ISBN 978-3-16-148410-0 and 9783161484100',
    'The meeting is on 12 March 2025 at 10:00',
    'Deadline 2025-03-12, then 12/03/2025',
    'Read https://www.weprotect.org/resources and https://example.com/report-2023',
    'See the report 2023 and case 1.2 of the framework',
    'Thanks [@Sofia Marín](/people/8a1c3e0f-0f3b-4c1e-9a55-1c2d3e4f5a6b) for the update',
    'Section 4.2.1 of ISO 27001 and RFC 9110',
    'Item 3 of 12 in the Model National Response',
    '100 participants from 112 countries',
    'The office on Avenida Paulista hosted the Calle Mayor meeting',
  ])('%s', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});
