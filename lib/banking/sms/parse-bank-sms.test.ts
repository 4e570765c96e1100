import { describe, expect, it } from 'vitest';
import { type ParsedBankSms, parseBankSms } from './parse-bank-sms';

/** A numeric shortcode names no bank, so these samples are recognised from their text alone. */
const SHORTCODE = '+98700717';
const parse = (text: string, sender = SHORTCODE): ParsedBankSms => parseBankSms({ sender, text });
const lines = (...parts: string[]): string => parts.join('\n');

const persianDigits = (s: string): string => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);
const arabicIndicDigits = (s: string): string => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)] ?? d);
const arabicLetters = (s: string): string => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');

// Reference shapes (../shared/reference/iran-banking.md), " / " written as line breaks.
const MELLAT = lines('حساب1234567890', 'واریز2,500,000', 'مانده21,250,000', '04/07/15-08:42');
const MELLI = lines('بانک ملی ایران', 'واریز: 1,500,000', 'حساب: 0123456789001', 'مانده: 12,345,000', '1405/04/13-11:01');
const SADERAT = lines('بانک صادرات', 'حساب 0123456789', 'واریز 2,000,000 ریال', 'مانده 5,000,000', '1405/04/13');
const TEJARAT = lines(
  'بانک تجارت',
  'کارت: 1111****222233',
  'نوع تراکنش: واریز',
  'مبلغ: 1,000,000 ريال',
  'مانده: 9,000,000 ريال',
  '1405/04/13 - 11:01',
);
const PASARGAD = lines('777.888.20000275.1', '+1,000,000,000', '04/13_10:22', 'مانده: 1,500,000,000');
const SAMAN = lines('بانك سامان', 'واريز مبلغ 30,000,000ريال', 'به 299-100-1112233-1', 'مانده 45,000,000', '1399/4/18');
const PARSIAN = lines('12345671234567', 'مبلغ:16,000,000+', 'مانده:16,100,000', '04/16', '19:36');
const REFAH = lines('بانک رفاه', 'حساب207853186', 'کارت5,000,000+', 'مانده:7,000,000', '1405/04/13');
const BLU = lines(
  'بلو',
  'واریز پول',
  'سارا عزیز، 70,000,000 ریال به حساب شما نشست.',
  'موجودی: 120,000,000 ریال',
  '۱۱:۴۹',
  '۱۴۰۵.۰۳.۱۸',
);
const KESHAVARZI = lines('واریز2,000,000', 'مانده12,500,000', '041001-12:29', 'کارت8783*', 'bki.ir');
const MIDDLE_EAST = lines('+2,500,000', 'مانده 9,000,000', '1405/04/13-11:01');

describe('parseBankSms: a deposit in each bank shape', () => {
  it.each<[string, string, string, ParsedBankSms]>([
    ['Mellat (by layout)', SHORTCODE, MELLAT, { kind: 'deposit', format: 'mellat', bankCode: 'mellat', amount: 2_500_000, account: '1234567890', balance: 21_250_000, amountUnitGuessed: false }],
    ['Melli', SHORTCODE, MELLI, { kind: 'deposit', format: 'melli', bankCode: 'melli', amount: 1_500_000, account: '0123456789001', balance: 12_345_000, amountUnitGuessed: false }],
    ['Saderat', SHORTCODE, SADERAT, { kind: 'deposit', format: 'saderat', bankCode: 'saderat', amount: 2_000_000, account: '0123456789', balance: 5_000_000, amountUnitGuessed: false }],
    ['Tejarat', SHORTCODE, TEJARAT, { kind: 'deposit', format: 'tejarat', bankCode: 'tejarat', amount: 1_000_000, account: '1111****222233', balance: 9_000_000, amountUnitGuessed: false }],
    ['Pasargad (by layout)', SHORTCODE, PASARGAD, { kind: 'deposit', format: 'pasargad', bankCode: 'pasargad', amount: 1_000_000_000, account: '777.888.20000275.1', balance: 1_500_000_000, amountUnitGuessed: false }],
    ['Saman', SHORTCODE, SAMAN, { kind: 'deposit', format: 'saman', bankCode: 'saman', amount: 30_000_000, account: '299-100-1112233-1', balance: 45_000_000, amountUnitGuessed: false }],
    ['Parsian (by layout)', SHORTCODE, PARSIAN, { kind: 'deposit', format: 'parsian', bankCode: 'parsian', amount: 16_000_000, account: '12345671234567', balance: 16_100_000, amountUnitGuessed: false }],
    ['Refah', SHORTCODE, REFAH, { kind: 'deposit', format: 'refah', bankCode: 'refah', amount: 5_000_000, account: '207853186', balance: 7_000_000, amountUnitGuessed: false }],
    ['blu', SHORTCODE, BLU, { kind: 'deposit', format: 'blu', bankCode: 'saman', amount: 70_000_000, account: null, balance: 120_000_000, amountUnitGuessed: false }],
    ['Keshavarzi', SHORTCODE, KESHAVARZI, { kind: 'deposit', format: 'keshavarzi', bankCode: 'keshavarzi', amount: 2_000_000, account: '8783*', balance: 12_500_000, amountUnitGuessed: false }],
    ['Middle East (by sender)', 'Bankino', MIDDLE_EAST, { kind: 'deposit', format: 'middle-east', bankCode: 'middle-east', amount: 2_500_000, account: null, balance: 9_000_000, amountUnitGuessed: false }],
  ])('%s', (_name, sender, text, expected) => {
    expect(parse(text, sender)).toEqual(expected);
  });

  it('reads Melli "انتقال:+amount" as a deposit', () => {
    const text = lines('بانک ملی', 'انتقال:+1,500,000', 'حساب:0123456789001', 'مانده:12,345,000', '1405/04/13-11:01');
    expect(parse(text)).toMatchObject({ kind: 'deposit', format: 'melli', amount: 1_500_000, account: '0123456789001' });
  });

  it('reads Tejarat "انتقال به شتابي" as money in', () => {
    const text = TEJARAT.replace('نوع تراکنش: واریز', 'نوع تراکنش: انتقال به شتابي');
    expect(parse(text)).toMatchObject({ kind: 'deposit', format: 'tejarat', amount: 1_000_000 });
  });

  it('recognises the bank from a sender name when the text does not name it', () => {
    expect(parse(MELLAT, 'Bank Mellat')).toMatchObject({ format: 'mellat', bankCode: 'mellat' });
    expect(parse(PASARGAD, 'BankPasargad')).toMatchObject({ format: 'pasargad', amount: 1_000_000_000 });
    expect(parse(lines('واریز: 1,500,000', 'مانده: 3,000,000'), 'BMI')).toMatchObject({ format: 'melli', amount: 1_500_000 });
    expect(parse(lines('واریز 2,000,000 ریال'), 'بانک صادرات')).toMatchObject({ format: 'saderat', amount: 2_000_000 });
  });

  it('recognises the bank from the text whatever the sender is', () => {
    for (const sender of ['+98700717', '9820001234', 'SMS', '']) {
      expect(parse(TEJARAT, sender)).toMatchObject({ format: 'tejarat', bankCode: 'tejarat', amount: 1_000_000 });
    }
    expect(parse(lines('بانک خاورمیانه', '+2,500,000', 'مانده 9,000,000'))).toMatchObject({ format: 'middle-east' });
  });
});

describe('parseBankSms: money out', () => {
  it.each<[string, string, string, number]>([
    ['Mellat', 'Bank Mellat', lines('حساب1234567890', 'برداشت1,000,000', 'مانده20,250,000', '04/07/15-09:10'), 1_000_000],
    ['Melli', SHORTCODE, lines('بانک ملی', 'انتقال:-1,500,000', 'حساب:0123456789001', 'مانده:10,845,000'), 1_500_000],
    ['Pasargad', SHORTCODE, lines('777.888.20000275.1', '-1,000,000', '04/13_10:22', 'مانده: 999,000,000'), 1_000_000],
    ['Pasargad, RLM and Unicode minus', SHORTCODE, lines('777.888.20000275.1', '\u200F\u22121,000,000', 'مانده: 999,000,000'), 1_000_000],
    ['Parsian', SHORTCODE, lines('12345671234567', 'مبلغ:16,000,000-', 'مانده:100,000', '04/16', '19:36'), 16_000_000],
    ['Refah', SHORTCODE, lines('بانک رفاه', 'حساب207853186', 'کارت5,000,000-', 'مانده:2,000,000'), 5_000_000],
    ['Tejarat', SHORTCODE, TEJARAT.replace('نوع تراکنش: واریز', 'نوع تراکنش: انتقال از شتابي'), 1_000_000],
    ['blu', 'blu', lines('بلو', 'برداشت پول', 'سارا عزیز، 5,000,000 ریال از حساب شما برداشت شد.', 'موجودی: 65,000,000 ریال'), 5_000_000],
    ['Middle East', 'Bankino', lines('-2,500,000', 'مانده 6,500,000'), 2_500_000],
  ])('%s withdrawal', (_name, sender, text, amount) => {
    expect(parse(text, sender)).toMatchObject({ kind: 'withdrawal', amount });
  });

  it.each<[string, string, string, number]>([
    ['Keshavarzi (reference)', SHORTCODE, lines('خرید500,000', 'مانده3,000,000', '041001-12:29', 'کارت8783*', 'bki.ir'), 500_000],
    ['Mellat card purchase', 'Bank Mellat', lines('کارت6104****1234', 'برداشت از کارت بابت خرید: 850,000 ریال', 'مانده: 4,150,000 ریال'), 850_000],
    ['Tejarat', SHORTCODE, TEJARAT.replace('نوع تراکنش: واریز', 'نوع تراکنش: خرید'), 1_000_000],
    ['Saman bill', SHORTCODE, lines('بانک سامان', 'پرداخت قبض', 'مبلغ 1,250,000 ریال', 'مانده 43,750,000'), 1_250_000],
    ['Parsian signed', SHORTCODE, lines('12345671234567', 'خرید', 'مبلغ:850,000-', 'مانده:15,250,000'), 850_000],
  ])('%s purchase', (_name, sender, text, amount) => {
    expect(parse(text, sender)).toMatchObject({ kind: 'purchase', amount });
  });
});

describe('parseBankSms: one-time passwords', () => {
  it.each<[string, string, string, string | null]>([
    ['Mellat رمز پویا', 'Bank Mellat', lines('بانک ملت', 'رمز پویا: 482913', 'مبلغ: 500,000 ریال', 'اعتبار: 2 دقیقه'), 'mellat'],
    ['Tejarat رمز یکبار مصرف', SHORTCODE, lines('بانک تجارت', 'رمز یکبار مصرف شما: 5521'), 'tejarat'],
    ['Saman کد تایید', SHORTCODE, lines('بانک سامان', 'کد تایید: 661204'), 'saman'],
    ['Melli کد تأیید', SHORTCODE, lines('بانک ملی ایران', 'کد تأیید ورود: 1234'), 'melli'],
    ['blu OTP', 'blu', 'OTP: 9981 for blu login', 'blu'],
    ['English password, unknown sender', SHORTCODE, 'Your password: 5541', null],
    ['رمز دوم with a deposit-looking body', SHORTCODE, lines('واریز+2,500,000', 'رمز دوم: 7731'), null],
    ['کد تائید', SHORTCODE, lines('بانک ملت', 'کد تائید: 8812'), 'mellat'],
    ['رمز یک‌بار مصرف with a ZWNJ', SHORTCODE, lines('بانک صادرات', 'رمز یک\u200Cبار مصرف: 3321'), 'saderat'],
    ['رمز یک بار مصرف in three words', SHORTCODE, lines('بانک ملی ایران', 'رمز یک بار مصرف: 3321'), 'melli'],
    ['رمزپویا written joined', SHORTCODE, 'رمزپویا: 90817', null],
    ['کد فعال‌سازی', SHORTCODE, lines('بانک ملت', 'کد فعال\u200Cسازی همراه بانک: 5512'), 'mellat'],
    ['one time password', SHORTCODE, 'Your one time password is 5541', null],
  ])('%s', (_name, sender, text, format) => {
    expect(parse(text, sender)).toMatchObject({ kind: 'otp', format, amount: null, account: null, balance: null });
  });

  it('does not take "رمز" alone for a one-time password', () => {
    expect(parse(lines('بانک ملت', 'رمز خود را در اختیار دیگران قرار ندهید'))).toMatchObject({ kind: 'unknown' });
    expect(parse(lines('حساب1234567890', 'کارمزد5,000', 'مانده21,250,000'))).toMatchObject({ kind: 'unknown' });
  });
});

describe('parseBankSms: real deposits with a fee line or a warning footer', () => {
  it.each<[string, string, number, string]>([
    ['Saderat, کارمزد line', lines('بانک صادرات', 'حساب 0123456789', 'واریز 2,000,000 ریال', 'کارمزد 0', 'مانده 5,000,000', '1405/04/13'), 2_000_000, '0123456789'],
    ['Mellat, کارمزد line', lines('حساب1234567890', 'واریز2,500,000', 'کارمزد0', 'مانده21,250,000', '04/07/15-08:42'), 2_500_000, '1234567890'],
    ['Tejarat, کارمزد after the amount', lines('بانک تجارت', 'کارت: 1111****222233', 'نوع تراکنش: واریز', 'مبلغ: 1,000,000 ريال', 'کارمزد: 5,000 ريال', 'مانده: 9,000,000 ريال'), 1_000_000, '1111****222233'],
    ['Melli, warning footer', lines('بانک ملی ایران', 'واریز: 1,500,000', 'حساب: 0123456789001', 'مانده: 12,345,000', 'رمز خود را در اختیار دیگران قرار ندهید'), 1_500_000, '0123456789001'],
    ['Mellat, fee and footer', lines('بانک ملت', 'حساب1234567890', 'واریز2,500,000', 'کارمزد0', 'مانده21,250,000', 'هرگز رمز کارت خود را به کسی نگویید'), 2_500_000, '1234567890'],
  ])('%s', (_name, text, amount, account) => {
    expect(parse(text)).toMatchObject({ kind: 'deposit', amount, account });
  });
});

describe('parseBankSms: failed, reversed or requested transfers', () => {
  it.each<[string, string, string, number | null]>([
    ['failed transfer', SHORTCODE, lines('بانک ملت', 'انتقال وجه ناموفق', 'مبلغ: 2,500,000 ریال', 'به کارت 6104****1234', '1405/04/13-11:01'), 2_500_000],
    ['failed, written نا موفق', SHORTCODE, lines('بانک تجارت', 'کارت: 1111****222233', 'نوع تراکنش: واریز نا موفق', 'مبلغ: 1,000,000 ريال'), 1_000_000],
    ['failed with a plus sign', SHORTCODE, lines('777.888.20000275.1', '+1,000,000', 'تراکنش ناموفق', 'مانده: 1,500,000'), 1_000_000],
    ['reversed transfer', SHORTCODE, lines('بانک صادرات', 'برگشت وجه', 'واریز 2,000,000 ریال', 'حساب 0123456789', 'مانده 5,000,000'), 2_000_000],
    ['برگشتی transfer', SHORTCODE, lines('بانک تجارت', 'کارت: 1111****222233', 'نوع تراکنش: انتقال برگشتی', 'مبلغ: 1,000,000 ريال'), 1_000_000],
    ['reversed purchase', 'Bank Mellat', lines('حساب1234567890', 'برگشت خرید', 'واریز500,000', 'مانده21,750,000'), 500_000],
    ['transfer request', SHORTCODE, lines('بانک ملت', 'درخواست انتقال وجه شما به مبلغ 2,500,000 ریال ثبت شد.', 'شماره پیگیری: 123456'), 2_500_000],
    ['request over two lines', SHORTCODE, lines('بانک سامان', 'درخواست انتقال پایا', 'مبلغ 30,000,000 ریال', 'به حساب 299-100-1112233-1 ثبت گردید'), 30_000_000],
    ['cancelled deposit', SHORTCODE, lines('بانک ملی ایران', 'واریز: 1,500,000', 'حساب: 0123456789001', 'تراکنش لغو شد'), 1_500_000],
    ['not done', SHORTCODE, lines('بانک ملی ایران', 'انتقال:+1,500,000 انجام نشد'), 1_500_000],
  ])('%s', (_name, sender, text, amount) => {
    expect(parse(text, sender)).toMatchObject({ kind: 'failed', amount });
  });

  it('still reads the bank and the account of a failed transfer', () => {
    const text = lines('بانک ملت', 'انتقال وجه ناموفق', 'مبلغ: 2,500,000 ریال', 'به کارت 6104****1234');
    expect(parse(text)).toEqual({ kind: 'failed', format: 'generic', bankCode: 'mellat', amount: 2_500_000, account: '6104****1234', balance: null, amountUnitGuessed: false });
  });

  it('does not take "درخواست" alone, or "ثبت شد" alone, for a request', () => {
    expect(parse(lines('بانک ملی ایران', 'واریز: 1,500,000', 'برای درخواست تسهیلات به شعبه مراجعه کنید'))).toMatchObject({ kind: 'deposit' });
    expect(parse(lines('بانک ملی ایران', 'واریز 1,500,000 ریال به حساب شما ثبت شد'))).toMatchObject({ kind: 'deposit', amount: 1_500_000 });
  });
});

describe('parseBankSms: the destination account or card as printed', () => {
  it.each<[string, string, string]>([
    ['masked card', lines('بانک تجارت', 'کارت: 1111****222233', 'نوع تراکنش: واریز', 'مبلغ: 1,000,000 ريال'), '1111****222233'],
    ['masked card, BIN and last four', lines('بانک ملت', 'واریز به کارت 6104****1234', 'مبلغ: 2,500,000 ریال'), '6104****1234'],
    ['masked card in dashed groups', lines('بانک تجارت', 'کارت: 6104-33**-****-7890', 'نوع تراکنش: واریز', 'مبلغ: 1,000,000 ريال'), '6104-33**-****-7890'],
    ['masked card in Persian digits', lines('بانک تجارت', 'کارت: ۶۱۰۴-۳۳**-****-۷۸۹۰', 'نوع تراکنش: واریز', 'مبلغ: ۱,۰۰۰,۰۰۰ ريال'), '6104-33**-****-7890'],
    ['حساب with no space', MELLAT, '1234567890'],
    ['Pasargad dotted', PASARGAD, '777.888.20000275.1'],
    ['Saman dashed', SAMAN, '299-100-1112233-1'],
    ['Keshavarzi one group and a star', KESHAVARZI, '8783*'],
  ])('%s', (_name, text, account) => {
    expect(parse(text).account).toBe(account);
  });

  it('does not take a date, a time or an amount for the account', () => {
    expect(parse(lines('بانک رفاه', 'کارت5,000,000+', '1405/04/13-11:01')).account).toBeNull();
  });
});

describe('parseBankSms: digits, letters and units', () => {
  it('reads Persian digits', () => {
    expect(parse(persianDigits(MELLAT))).toMatchObject({ kind: 'deposit', format: 'mellat', amount: 2_500_000, account: '1234567890', balance: 21_250_000, amountUnitGuessed: false });
  });

  it('reads Persian digits grouped with the Arabic thousands separator (U+066C)', () => {
    const text = lines('حساب۱۲۳۴۵۶۷۸۹۰', 'واریز۲٬۵۰۰٬۰۰۰', 'مانده۲۱٬۲۵۰٬۰۰۰', '۰۴/۰۷/۱۵-۰۸:۴۲');
    expect(parse(text)).toMatchObject({ kind: 'deposit', amount: 2_500_000, balance: 21_250_000 });
  });

  it('reads Arabic-Indic digits', () => {
    expect(parse(arabicIndicDigits(PARSIAN))).toMatchObject({ kind: 'deposit', format: 'parsian', amount: 16_000_000, balance: 16_100_000, amountUnitGuessed: false });
    expect(parse(arabicIndicDigits(TEJARAT))).toMatchObject({ kind: 'deposit', format: 'tejarat', amount: 1_000_000 });
  });

  it('reads amounts grouped with the Arabic comma (U+060C)', () => {
    expect(parse(lines('بانک صادرات', 'واریز 2،000،000 ریال', 'مانده 5،000،000'))).toMatchObject({ amount: 2_000_000, balance: 5_000_000 });
  });

  it('reads Arabic letters ي and ك', () => {
    expect(parse(arabicLetters(MELLI))).toMatchObject({ kind: 'deposit', format: 'melli', amount: 1_500_000 });
    expect(parse(arabicLetters(REFAH))).toMatchObject({ kind: 'deposit', format: 'refah', amount: 5_000_000 });
    expect(parse(arabicLetters(BLU))).toMatchObject({ kind: 'deposit', format: 'blu', amount: 70_000_000 });
  });

  it('multiplies an amount written in Toman by 10', () => {
    const text = lines('بانک ملی ایران', 'واریز: 150,000 تومان', 'حساب: 0123456789001', 'مانده: 1,234,500 تومان');
    expect(parse(text)).toMatchObject({ kind: 'deposit', amount: 1_500_000, balance: 12_345_000 });
  });

  it('takes Toman for a bare figure when the message speaks only of Toman', () => {
    expect(parse(lines('بانک ملی ایران', 'واریز: 150,000', 'مانده: 1,234,500 تومان'))).toMatchObject({ amount: 1_500_000 });
    expect(parse(lines('بانک ملی ایران', 'واریز: 150,000', 'مانده: 1,234,500 ریال'))).toMatchObject({ amount: 150_000 });
  });

  it('returns integer Rials', () => {
    for (const text of [MELLAT, MELLI, SADERAT, TEJARAT, PASARGAD, SAMAN, PARSIAN, REFAH, BLU, KESHAVARZI]) {
      const { amount } = parse(text);
      expect(Number.isSafeInteger(amount)).toBe(true);
    }
  });
});

describe('parseBankSms: balance and dates are not the amount', () => {
  it('takes the deposit, not the larger balance printed before it', () => {
    const text = lines('بانک صادرات', 'مانده 50,000,000', 'حساب 0123456789', 'واریز 2,000,000 ریال', '1405/04/13');
    expect(parse(text)).toMatchObject({ kind: 'deposit', amount: 2_000_000, balance: 50_000_000 });
  });

  it('reads no amount from a message holding only a balance and a date', () => {
    expect(parse(lines('حساب1234567890', 'مانده21,250,000', '04/07/15-08:42'), 'Bank Mellat')).toEqual({
      kind: 'unknown',
      format: 'mellat',
      bankCode: 'mellat',
      amount: null,
      account: '1234567890',
      balance: 21_250_000,
      amountUnitGuessed: false,
    });
    expect(parse(lines('واریز', 'مانده: 5,000,000', '1405/04/13 - 11:01'))).toMatchObject({ kind: 'deposit', amount: null, balance: 5_000_000 });
  });

  it('reads a balance printed with a minus as negative', () => {
    expect(parse(lines('777.888.20000275.1', '-1,000,000', 'مانده: -250,000'))).toMatchObject({ kind: 'withdrawal', amount: 1_000_000, balance: -250_000 });
  });

  it('does not read "موجودی قابل برداشت" as a withdrawal', () => {
    const text = lines('بانک ملی ایران', 'واریز: 1,500,000', 'موجودی قابل برداشت: 12,345,000');
    expect(parse(text)).toMatchObject({ kind: 'deposit', amount: 1_500_000, balance: 12_345_000 });
  });
});

describe('parseBankSms: generic fallback', () => {
  it('reads a deposit from a bank with no format of its own', () => {
    const text = lines('بانک آینده', 'واریز به حساب 0101234567', 'مبلغ: 3,000,000 ریال', 'مانده: 10,000,000 ریال', '1405/04/13 - 11:01');
    expect(parse(text, 'Ayandeh')).toEqual({
      kind: 'deposit',
      format: 'generic',
      bankCode: null,
      amount: 3_000_000,
      account: '0101234567',
      balance: 10_000_000,
      amountUnitGuessed: false,
    });
  });

  it('reads a leading "+amount" from an unknown sender', () => {
    expect(parse(MIDDLE_EAST, '+982100000')).toMatchObject({ kind: 'deposit', format: 'generic', bankCode: null, amount: 2_500_000, balance: 9_000_000, amountUnitGuessed: false });
  });

  it('falls back to the generic reading when a known bank words the amount differently', () => {
    const text = lines('بانک تجارت', 'کارت: 1111****222233', 'واریز: 1,000,000 ريال', 'مانده: 9,000,000 ريال');
    expect(parse(text)).toMatchObject({ kind: 'deposit', format: 'generic', bankCode: 'tejarat', amount: 1_000_000 });
  });

  it('does not take a phone number alone on a line for a signed amount', () => {
    expect(parse(lines('پشتیبانی', '+982123456789'), 'Info')).toMatchObject({ kind: 'unknown', format: null, amount: null });
  });

  it('reports nothing readable as unknown', () => {
    expect(parse('سلام، جلسه فردا ساعت 10:30 است', '+989121234567')).toEqual({
      kind: 'unknown',
      format: null,
      bankCode: null,
      amount: null,
      account: null,
      balance: null,
      amountUnitGuessed: false,
    });
  });
});

describe('parseBankSms: wording that must not turn into a deposit, or out of one', () => {
  it('keeps a deposit whose security footer names a one-time password without a code', () => {
    for (const footer of [
      'هرگز رمز دوم یا کد تایید خود را در اختیار دیگران قرار ندهید',
      'دریافت رمز پویا از همراه بانک',
      'رمز دوم را به کسی ندهید\n1405/04/13',
      'bankmellat.ir/otp',
    ]) {
      expect(parse(lines(MELLAT, footer)), footer).toMatchObject({ kind: 'deposit', amount: 2_500_000 });
    }
  });

  it('reads money leaving the account as money out, and both directions named as unknown', () => {
    const out = lines('بانک ملت', 'انتقال وجه از حساب 1234567890', 'به کارت 6037****1234', 'مبلغ 800,010 ریال');
    expect(parse(out)).toMatchObject({ kind: 'withdrawal', amount: 800_010 });
    const both = lines('بانک ملت', 'انتقال وجه از حساب 1234567890', 'به کارت 6037****1234', 'مبلغ 800,010 ریال واریز شد');
    expect(parse(both)).toMatchObject({ kind: 'unknown', amount: null });
    expect(parse(lines('777.888.20000275.1', '+1,000,000', 'انتقال از کارت 6037****1234'))).toMatchObject({ kind: 'unknown' });
  });

  it('flags an amount read as Toman only because another line speaks of Toman', () => {
    const advert = lines(MELLAT, 'جشنواره همراه بانک: 10 میلیون تومان جایزه');
    expect(parse(advert)).toMatchObject({ kind: 'deposit', amount: 25_000_000, amountUnitGuessed: true });
    // Its own unit decides, whatever else the message says.
    expect(parse(lines('بانک ملی ایران', 'واریز: 150,000 تومان', 'حساب: 0123456789001'))).toMatchObject({ amount: 1_500_000, amountUnitGuessed: false });
    expect(parse(lines('بانک صادرات', 'واریز 2,000,000 ریال', 'جایزه 10 میلیون تومان'))).toMatchObject({ amount: 2_000_000, amountUnitGuessed: false });
    expect(parse(MELLAT)).toMatchObject({ amount: 2_500_000, amountUnitGuessed: false });
  });
});
