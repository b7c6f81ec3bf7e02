// Facts about people that the mediation rules need: resident ID numbers (GB 11643-1999),
// Chinese surnames, phone numbers.
import { isIsoDate } from './dates.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of an 18-digit resident ID number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** An 18-digit resident identity card number (公民身份号码) with a real birth date and a correct check character. */
export function isValidResidentIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (birthDateFromIdNumber(id) === null) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17].toUpperCase();
}

/** 'YYYY-MM-DD' birth date encoded in a resident ID number, or null. */
export function birthDateFromIdNumber(id: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return null;
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isIsoDate(date) ? date : null;
}

/** PersonGender encoded in a resident ID number (17th digit: odd = male, even = female). */
export function genderFromIdNumber(id: string): 'male' | 'female' | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

// Two-character (复姓) surnames in current use; everything else takes the first character.
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '澹台',
  '万俟',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '百里',
  '呼延',
  '闻人',
  '申屠',
  '太史',
  '司空',
  '濮阳',
  '淳于',
  '单于',
  '仲孙',
  '赫连',
  '第五',
  '公冶',
  '宗政',
  '拓跋',
  '完颜',
  '左丘',
  '东郭',
  '梁丘',
  '羊舌',
]);

/**
 * The surname of a Chinese name ('欧阳修' → '欧阳', '张三' → '张'). Names written in Latin
 * letters give their last word, lower-cased. Empty for an empty name.
 */
export function chineseSurname(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n === '') return '';
  if (/^[\p{Script=Latin} .'-]+$/u.test(n)) {
    const words = n.split(' ');
    return words[words.length - 1].toLowerCase();
  }
  const chars = [...n.replace(/[·•\s]/g, '')];
  const two = chars.slice(0, 2).join('');
  return COMPOUND_SURNAMES.has(two) && chars.length > 2 ? two : (chars[0] ?? '');
}

/** A mainland mobile number (11 digits, 1[3-9]…) or a landline with area code, optionally +86. */
export function isPlausiblePhone(phone: string): boolean {
  const p = phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}\d{7,8}$/.test(p);
}
