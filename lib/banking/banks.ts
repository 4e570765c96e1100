/** Iranian banks: card BIN prefixes and Sheba bank codes (../shared/reference/iran-banking.md). */
export interface Bank {
  /** Stable slug stored with a card. */
  code: string;
  nameEn: string;
  nameFa: string;
  binPrefixes: readonly string[];
  shebaCodes: readonly string[];
  /** Brand colour for card tiles. */
  color: string;
}

export const BANKS: readonly Bank[] = [
  { code: 'melli', nameEn: 'Melli', nameFa: 'بانک ملی ایران', binPrefixes: ['603799', '170019'], shebaCodes: ['017'], color: '#1d4f91' },
  { code: 'mellat', nameEn: 'Mellat', nameFa: 'بانک ملت', binPrefixes: ['610433', '991975'], shebaCodes: ['012'], color: '#d71f26' },
  { code: 'saderat', nameEn: 'Saderat', nameFa: 'بانک صادرات ایران', binPrefixes: ['603769', '903769'], shebaCodes: ['019'], color: '#1e3a8a' },
  { code: 'tejarat', nameEn: 'Tejarat', nameFa: 'بانک تجارت', binPrefixes: ['627353', '585983'], shebaCodes: ['018'], color: '#1f3f8f' },
  { code: 'sepah', nameEn: 'Sepah', nameFa: 'بانک سپه', binPrefixes: ['589210'], shebaCodes: ['015'], color: '#f2a900' },
  { code: 'keshavarzi', nameEn: 'Keshavarzi', nameFa: 'بانک کشاورزی', binPrefixes: ['603770', '639217'], shebaCodes: ['016'], color: '#0f7b3a' },
  { code: 'maskan', nameEn: 'Maskan', nameFa: 'بانک مسکن', binPrefixes: ['628023'], shebaCodes: ['014'], color: '#e4701e' },
  { code: 'refah', nameEn: 'Refah', nameFa: 'بانک رفاه کارگران', binPrefixes: ['589463'], shebaCodes: ['013'], color: '#1c4ea1' },
  { code: 'post', nameEn: 'Post Bank', nameFa: 'پست بانک ایران', binPrefixes: ['627760'], shebaCodes: ['021'], color: '#0c8a43' },
  { code: 'sanat-madan', nameEn: 'Sanat-o-Madan', nameFa: 'بانک صنعت و معدن', binPrefixes: ['627961'], shebaCodes: ['011'], color: '#0a3d62' },
  { code: 'tosee-saderat', nameEn: 'Tosee Saderat', nameFa: 'بانک توسعه صادرات', binPrefixes: ['627648', '207177'], shebaCodes: ['020'], color: '#136f3b' },
  { code: 'tosee-taavon', nameEn: 'Tosee Taavon', nameFa: 'بانک توسعه تعاون', binPrefixes: ['502908'], shebaCodes: ['022'], color: '#008b8b' },
  { code: 'parsian', nameEn: 'Parsian', nameFa: 'بانک پارسیان', binPrefixes: ['622106', '627884', '639194'], shebaCodes: ['054'], color: '#a1122e' },
  { code: 'pasargad', nameEn: 'Pasargad', nameFa: 'بانک پاسارگاد', binPrefixes: ['502229', '639347'], shebaCodes: ['057'], color: '#f2b705' },
  { code: 'saman', nameEn: 'Saman', nameFa: 'بانک سامان', binPrefixes: ['621986'], shebaCodes: ['056'], color: '#0b63b6' },
  { code: 'eghtesad-novin', nameEn: 'Eghtesad Novin', nameFa: 'بانک اقتصاد نوین', binPrefixes: ['627412'], shebaCodes: ['055'], color: '#5b2a86' },
  { code: 'karafarin', nameEn: 'Karafarin', nameFa: 'بانک کارآفرین', binPrefixes: ['627488', '502910'], shebaCodes: ['053'], color: '#0f8f60' },
  { code: 'sarmayeh', nameEn: 'Sarmayeh', nameFa: 'بانک سرمایه', binPrefixes: ['639607'], shebaCodes: ['058'], color: '#6b7280' },
  { code: 'sina', nameEn: 'Sina', nameFa: 'بانک سینا', binPrefixes: ['639346'], shebaCodes: ['059'], color: '#1565c0' },
  { code: 'shahr', nameEn: 'Shahr', nameFa: 'بانک شهر', binPrefixes: ['502806', '504706'], shebaCodes: ['061'], color: '#c62828' },
  { code: 'ayandeh', nameEn: 'Ayandeh', nameFa: 'بانک آینده', binPrefixes: ['636214'], shebaCodes: ['062'], color: '#7b3f00' },
  { code: 'dey', nameEn: 'Dey', nameFa: 'بانک دی', binPrefixes: ['502938'], shebaCodes: ['066'], color: '#00838f' },
  { code: 'iran-zamin', nameEn: 'Iran Zamin', nameFa: 'بانک ایران زمین', binPrefixes: ['505785'], shebaCodes: ['069'], color: '#5d3a9b' },
  { code: 'gardeshgari', nameEn: 'Gardeshgari', nameFa: 'بانک گردشگری', binPrefixes: ['505416', '505426'], shebaCodes: ['064'], color: '#b71c1c' },
  { code: 'hekmat', nameEn: 'Hekmat Iranian', nameFa: 'بانک حکمت ایرانیان', binPrefixes: ['636949'], shebaCodes: ['065'], color: '#37474f' },
  { code: 'ansar', nameEn: 'Ansar', nameFa: 'بانک انصار', binPrefixes: ['627381'], shebaCodes: ['063'], color: '#2e7d32' },
  { code: 'ghavamin', nameEn: 'Ghavamin', nameFa: 'بانک قوامین', binPrefixes: ['639599'], shebaCodes: ['052'], color: '#1b5e20' },
  { code: 'mehr-eqtesad', nameEn: 'Mehr Eqtesad', nameFa: 'بانک مهر اقتصاد', binPrefixes: ['639370'], shebaCodes: ['079'], color: '#00695c' },
  { code: 'kosar', nameEn: 'Kosar', nameFa: 'موسسه اعتباری کوثر', binPrefixes: ['505801'], shebaCodes: ['073'], color: '#4e342e' },
  { code: 'mehr-iran', nameEn: 'Qarz-al-Hasaneh Mehr Iran', nameFa: 'بانک قرض‌الحسنه مهر ایران', binPrefixes: ['606373'], shebaCodes: ['060', '090'], color: '#2e7d32' },
  { code: 'resalat', nameEn: 'Resalat', nameFa: 'بانک قرض‌الحسنه رسالت', binPrefixes: ['504172'], shebaCodes: ['070'], color: '#0277bd' },
  { code: 'middle-east', nameEn: 'Middle East', nameFa: 'بانک خاورمیانه', binPrefixes: ['585947'], shebaCodes: ['078'], color: '#ef6c00' },
  { code: 'melal', nameEn: 'Melal', nameFa: 'موسسه اعتباری ملل', binPrefixes: ['606256'], shebaCodes: ['075'], color: '#455a64' },
  { code: 'tosee', nameEn: 'Tosee credit institution', nameFa: 'موسسه اعتباری توسعه', binPrefixes: ['628157'], shebaCodes: ['051'], color: '#283593' },
  { code: 'noor', nameEn: 'Noor', nameFa: 'موسسه اعتباری نور', binPrefixes: ['507677'], shebaCodes: ['080'], color: '#f9a825' },
  { code: 'central', nameEn: 'Central Bank', nameFa: 'بانک مرکزی', binPrefixes: ['636795', '636797'], shebaCodes: ['010'], color: '#263238' },
  { code: 'iran-venezuela', nameEn: 'Iran-Venezuela', nameFa: 'بانک ایران و ونزوئلا', binPrefixes: ['581874'], shebaCodes: ['095'], color: '#8d6e63' },
];

const byBin = new Map(BANKS.flatMap((b) => b.binPrefixes.map((p) => [p, b] as const)));
const byShebaCode = new Map(BANKS.flatMap((b) => b.shebaCodes.map((c) => [c, b] as const)));
const byCode = new Map(BANKS.map((b) => [b.code, b] as const));

export const bankByCardNumber = (digits: string): Bank | undefined => byBin.get(digits.slice(0, 6));
export const bankByShebaCode = (code: string): Bank | undefined => byShebaCode.get(code);
export const bankByCode = (code: string | null | undefined): Bank | undefined => (code ? byCode.get(code) : undefined);
