// The migrant-motivation scoping survey, modules M0-M9 of domain.md B, version 5 (versions 1-4 stay
// published as they were; version 5 answers a UNODC review: "prefer not to say" on every sensitive
// question, sea crossings and sea events asked as the sensitive questions they are, no service
// choice that invites self-incrimination, abuses experienced by the respondent apart from those
// seen happening to others, each with where and by whom, the route as ordered legs, costs
// converted from their currency, more hubs, nationalities and interview languages, the
// enumerator's sex and a distress flag). English is the
// source; every other language is a machine draft until translators back-translate and field-test
// it (translationStatus), and strings not yet translated fall back to English.
// No direct identifier is asked, and no self-incriminating question (steering, recruiting, false
// documents, legal status). Every question carries its disclosure role.

import { GLOSSARY, type GlossaryLang } from './scoping-glossary';

type Lang = 'fr' | 'ar' | 'fa' | 'ps' | 'ti' | 'am' | 'so';
type T = { en: string } & Partial<Record<Lang, string>>;
export const SCOPING_LANGUAGES = ['en', 'fr', 'ar', 'fa', 'ps', 'ti', 'am', 'so'] as const;

// A text in every language: its own translation where the source gives one, else the glossary's
// machine draft, else nothing (the form then falls back to English and coverage says so).
const loc = (t: T) => {
  const out: Record<string, string> = { default: t.en };
  const drafted = GLOSSARY.get(t.en);
  for (const l of SCOPING_LANGUAGES.slice(1) as Lang[]) {
    const text = t[l] ?? (drafted && l in drafted ? drafted[l as GlossaryLang] : undefined);
    if (text) out[l] = text;
  }
  return out;
};
// A language's own name, shown the same in every language (the usual form of a language picker).
const endonym = (name: string): T => Object.fromEntries([['en', name], ...SCOPING_LANGUAGES.slice(1).map((l) => [l, name])]) as T;
const c = (value: string, text: T) => ({ value, text: loc(text) });

// Answers used across modules, in all eight languages.
const YES: T = { en: 'Yes', fr: 'Oui', ar: 'نعم', fa: 'بله', ps: 'هو', ti: 'እወ', am: 'አዎ', so: 'Haa' };
const NO: T = { en: 'No', fr: 'Non', ar: 'لا', fa: 'نه', ps: 'نه', ti: 'ኣይፋል', am: 'አይ', so: 'Maya' };
const UNSURE: T = {
  en: 'Not sure',
  fr: 'Pas sûr(e)',
  ar: 'غير متأكد',
  fa: 'مطمئن نیستم',
  ps: 'ډاډه نه یم',
  ti: 'ርግጸኛ ኣይኮንኩን',
  am: 'እርግጠኛ አይደለሁም',
  so: 'Ma hubo',
};
const DONT_KNOW: T = {
  en: "Don't know",
  fr: 'Ne sait pas',
  ar: 'لا أعرف',
  fa: 'نمی‌دانم',
  ps: 'نه پوهېږم',
  ti: 'ኣይፈልጥን',
  am: 'አላውቅም',
  so: 'Ma garanayo',
};
const REFUSED: T = {
  en: 'Prefer not to say',
  fr: 'Préfère ne pas répondre',
  ar: 'أفضل عدم الإجابة',
  fa: 'ترجیح می‌دهم نگویم',
  ps: 'نه غواړم ووایم',
  ti: 'ክገልጽ ኣይደልን',
  am: 'መናገር አልፈልግም',
  so: 'Doorbiday inaanan sheegin',
};
const OTHER: T = { en: 'Other', fr: 'Autre', ar: 'أخرى', fa: 'دیگر', ps: 'نور', ti: 'ካልእ', am: 'ሌላ', so: 'Kale' };
const NONE: T = { en: 'None', fr: 'Aucun', ar: 'لا شيء', fa: 'هیچ‌کدام', ps: 'هېڅ', ti: 'ሓንቲ እኳ', am: 'ምንም', so: 'Midna' };
const yesNo = [c('yes', YES), c('no', NO)];
const yesNoRefused = [c('yes', YES), c('no', NO), c('refused', REFUSED)];
const yesNoUnsure = [c('yes', YES), c('no', NO), c('unsure', UNSURE)];

const COUNTRIES: Array<[string, T]> = [
  ['AFG', { en: 'Afghanistan', fr: 'Afghanistan', ar: 'أفغانستان', fa: 'افغانستان', ps: 'افغانستان' }],
  ['BGD', { en: 'Bangladesh', fr: 'Bangladesh', ar: 'بنغلاديش', fa: 'بنگلادش', ps: 'بنګله دیش' }],
  ['BFA', { en: 'Burkina Faso', fr: 'Burkina Faso', ar: 'بوركينا فاسو' }],
  ['CMR', { en: 'Cameroon', fr: 'Cameroun', ar: 'الكاميرون' }],
  ['TCD', { en: 'Chad', fr: 'Tchad', ar: 'تشاد' }],
  ['CIV', { en: "Côte d'Ivoire", fr: "Côte d'Ivoire", ar: 'كوت ديفوار' }],
  ['EGY', { en: 'Egypt', fr: 'Égypte', ar: 'مصر', fa: 'مصر', ps: 'مصر' }],
  ['ERI', { en: 'Eritrea', fr: 'Érythrée', ar: 'إريتريا', ti: 'ኤርትራ', am: 'ኤርትራ' }],
  ['ETH', { en: 'Ethiopia', fr: 'Éthiopie', ar: 'إثيوبيا', ti: 'ኢትዮጵያ', am: 'ኢትዮጵያ', so: 'Itoobiya' }],
  ['GMB', { en: 'Gambia', fr: 'Gambie', ar: 'غامبيا' }],
  ['GHA', { en: 'Ghana', fr: 'Ghana', ar: 'غانا' }],
  ['GRC', { en: 'Greece', fr: 'Grèce', ar: 'اليونان', fa: 'یونان', ps: 'یونان' }],
  ['GIN', { en: 'Guinea', fr: 'Guinée', ar: 'غينيا' }],
  ['IRN', { en: 'Iran', fr: 'Iran', ar: 'إيران', fa: 'ایران', ps: 'ایران' }],
  ['IRQ', { en: 'Iraq', fr: 'Irak', ar: 'العراق', fa: 'عراق', ps: 'عراق' }],
  ['ITA', { en: 'Italy', fr: 'Italie', ar: 'إيطاليا', fa: 'ایتالیا', ps: 'ایټالیا', ti: 'ጣልያን', am: 'ጣሊያን', so: 'Talyaani' }],
  ['LBY', { en: 'Libya', fr: 'Libye', ar: 'ليبيا', fa: 'لیبی', ps: 'لیبیا', ti: 'ሊብያ', am: 'ሊቢያ', so: 'Liibiya' }],
  ['MLI', { en: 'Mali', fr: 'Mali', ar: 'مالي' }],
  ['MAR', { en: 'Morocco', fr: 'Maroc', ar: 'المغرب' }],
  ['NER', { en: 'Niger', fr: 'Niger', ar: 'النيجر' }],
  ['NGA', { en: 'Nigeria', fr: 'Nigeria', ar: 'نيجيريا' }],
  ['PAK', { en: 'Pakistan', fr: 'Pakistan', ar: 'باكستان', fa: 'پاکستان', ps: 'پاکستان' }],
  ['SEN', { en: 'Senegal', fr: 'Sénégal', ar: 'السنغال' }],
  ['SOM', { en: 'Somalia', fr: 'Somalie', ar: 'الصومال', so: 'Soomaaliya' }],
  ['ESP', { en: 'Spain', fr: 'Espagne', ar: 'إسبانيا' }],
  ['SDN', { en: 'Sudan', fr: 'Soudan', ar: 'السودان', ti: 'ሱዳን', am: 'ሱዳን', so: 'Suudaan' }],
  ['SYR', { en: 'Syria', fr: 'Syrie', ar: 'سوريا', fa: 'سوریه', ps: 'سوریه' }],
  ['TUN', { en: 'Tunisia', fr: 'Tunisie', ar: 'تونس' }],
  ['TUR', { en: 'Türkiye', fr: 'Türkiye', ar: 'تركيا', fa: 'ترکیه', ps: 'ترکیه' }],
  ['DZA', { en: 'Algeria', fr: 'Algérie', ar: 'الجزائر' }],
  ['FRA', { en: 'France', fr: 'France', ar: 'فرنسا' }],
  ['DEU', { en: 'Germany', fr: 'Allemagne', ar: 'ألمانيا', fa: 'آلمان', ps: 'جرمني', ti: 'ጀርመን', am: 'ጀርመን', so: 'Jarmal' }],
  ['GBR', { en: 'United Kingdom', fr: 'Royaume-Uni', ar: 'المملكة المتحدة', fa: 'بریتانیا', ps: 'برتانیه', so: 'Ingiriiska' }],
  ['MRT', { en: 'Mauritania', fr: 'Mauritanie', ar: 'موريتانيا' }],
  ['SLE', { en: 'Sierra Leone', fr: 'Sierra Leone', ar: 'سيراليون' }],
  ['BEN', { en: 'Benin', fr: 'Bénin', ar: 'بنين' }],
  ['COD', { en: 'DR Congo', fr: 'RD Congo', ar: 'جمهورية الكونغو الديمقراطية' }],
  ['YEM', { en: 'Yemen', fr: 'Yémen', ar: 'اليمن', fa: 'یمن', ps: 'یمن', so: 'Yaman' }],
  ['PSE', { en: 'Palestine', fr: 'Palestine', ar: 'فلسطين', fa: 'فلسطین', ps: 'فلسطین', so: 'Falastiin' }],
];
const countryChoices = (extra: Array<ReturnType<typeof c>> = []) => [...COUNTRIES.map(([v, t]) => c(v, t)), c('other', OTHER), ...extra];

// Hubs, with the region each is coarsened to in public exports.
const HUBS: Array<[string, string]> = [
  ['Agadez', 'Niger (Agadez region)'],
  ['Sebha', 'Libya (Fezzan)'],
  ['Zuwara', 'Libya (Tripolitania)'],
  ['Sfax', 'Tunisia (Sfax coast)'],
  ['Oujda', 'Morocco (Oriental)'],
  ['Izmir', 'Türkiye (Aegean coast)'],
  ['Tripoli', 'Libya (Tripolitania)'],
  ['Sabratha', 'Libya (Tripolitania)'],
  ['Benghazi', 'Libya (Cyrenaica)'],
  ['Kufra', 'Libya (Cyrenaica)'],
  ['Zarzis', 'Tunisia (Medenine coast)'],
  ['Lampedusa', 'Italy (Sicily and Pelagie Islands)'],
  ['Tangier', 'Morocco (Tangier-Tetouan)'],
  ['Nador', 'Morocco (Oriental)'],
  ['Laayoune', 'Western Sahara (Laayoune)'],
  ['Oran', 'Algeria (Oran coast)'],
  ['Maghnia', 'Algeria (western border)'],
  ['Gao', 'Mali (Gao region)'],
];

const q = (
  type: string,
  name: string,
  title: T,
  sdcRole: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { visibleIf?: string } => ({ type, name, title: loc(title), sdcRole, ...extra });

const CONSENT_SCRIPT: T = {
  en: 'We are not police or immigration. This survey helps understand journeys and risks. Taking part is voluntary and does not affect any aid or asylum claim. We take no names. You can skip any question or stop at any time. It takes about 30 minutes and some questions are distressing. Results are published only in aggregate. If you have questions, you can contact the organization named on the referral card, which you will receive whatever you decide.',
  fr: "Nous ne sommes ni la police ni les services d'immigration. Cette enquête aide à comprendre les trajets et les risques. La participation est volontaire et n'a aucun effet sur l'aide ou la demande d'asile. Nous ne prenons aucun nom. Vous pouvez sauter une question ou arrêter à tout moment. L'entretien dure environ 30 minutes et certaines questions sont pénibles. Les résultats ne sont publiés que de façon agrégée. Pour toute question, contactez l'organisation indiquée sur la carte d'orientation, que vous recevrez quelle que soit votre décision.",
  ar: 'لسنا من الشرطة ولا من سلطات الهجرة. يساعد هذا الاستطلاع على فهم الرحلات ومخاطرها. المشاركة طوعية ولا تؤثر على أي مساعدة أو طلب لجوء. لا نسجل أي أسماء. يمكنك تخطي أي سؤال أو التوقف في أي وقت. تستغرق المقابلة نحو 30 دقيقة وبعض الأسئلة مؤلمة. لا تُنشر النتائج إلا بشكل إجمالي. للاستفسار يمكنك التواصل مع المنظمة المذكورة في بطاقة الإحالة التي ستحصل عليها مهما كان قرارك.',
  fa: 'ما پلیس یا اداره مهاجرت نیستیم. این نظرسنجی به درک مسیرها و خطرها کمک می‌کند. شرکت داوطلبانه است و بر هیچ کمک یا درخواست پناهندگی اثری ندارد. ما هیچ نامی ثبت نمی‌کنیم. می‌توانید از هر سؤالی بگذرید یا هر زمان متوقف شوید. حدود ۳۰ دقیقه طول می‌کشد و برخی سؤال‌ها دردناک‌اند. نتایج فقط به صورت کلی منتشر می‌شوند. برای پرسش‌ها با سازمانی که نامش روی کارت ارجاع آمده تماس بگیرید؛ این کارت را در هر حال دریافت می‌کنید.',
  ps: 'موږ پولیس یا د مهاجرت اداره نه یو. دا سروې د سفرونو او خطرونو په پوهېدو کې مرسته کوي. ګډون داوطلبانه دی او په هېڅ مرسته یا د پناه غوښتنې په عریضه اغېز نه کوي. موږ هېڅ نوم نه لیکو. تاسو کولای شئ هره پوښتنه پرېږدئ یا هر وخت ودرېږئ. شاوخوا ۳۰ دقیقې وخت نیسي او ځینې پوښتنې دردوونکې دي. پایلې یوازې په ټولیز ډول خپرېږي. د پوښتنو لپاره د ارجاع پر کارت ذکر شوې ادارې سره اړیکه ونیسئ؛ دا کارت به هر ډول تاسو ته درکړل شي.',
  ti: 'ንሕና ፖሊስ ወይ ኢሚግሬሽን ኣይኮንናን። እዚ መጽናዕቲ ጉዕዞታትን ሓደጋታትን ንምርዳእ ይሕግዝ። ምስታፍ ብፍቓድካ እዩ፡ ኣብ ሓገዝ ወይ ሕቶ ዕቑባ ጽልዋ የብሉን። ስም ኣይንጽሕፍን። ዝኾነ ሕቶ ክትሓልፎ ወይ ኣብ ዝኾነ ግዜ ከተቋርጽ ትኽእል። ኣስታት 30 ደቒቕ ይወስድ፡ ገለ ሕቶታት የሕምሙ እዮም። ውጽኢታት ብሓፈሻ ጥራይ ይሕተሙ። ንሕቶታት ነቲ ኣብ ካርድ ምሕላፍ ዝተጠቕሰ ትካል ተወከስ፤ እታ ካርድ ብዘይካ ውሳነኻ ክትወሃበካ እያ።',
  am: 'እኛ ፖሊስ ወይም የኢሚግሬሽን ባለሥልጣን አይደለንም። ይህ ጥናት ጉዞዎችንና አደጋዎችን ለመረዳት ይረዳል። መሳተፍ በፈቃደኝነት ነው፤ በማንኛውም እርዳታ ወይም የጥገኝነት ጥያቄ ላይ ተጽዕኖ የለውም። ስም አንመዘግብም። ማንኛውንም ጥያቄ መዝለል ወይም በማንኛውም ጊዜ ማቆም ይችላሉ። 30 ደቂቃ ያህል ይወስዳል፤ አንዳንድ ጥያቄዎች የሚያሳምሙ ናቸው። ውጤቶች በጥቅል ብቻ ይታተማሉ። ለጥያቄዎች በሪፈራል ካርዱ ላይ የተጠቀሰውን ድርጅት ያነጋግሩ፤ ካርዱን በማንኛውም ሁኔታ ይቀበላሉ።',
  so: "Ma nihin booliis ama socdaal. Sahankani wuxuu caawiyaa fahamka safarada iyo khataraha. Ka qaybgalku waa ikhtiyaari, mana saameynayo gargaar ama codsi magangalyo. Magac ma qorno. Waad ka boodi kartaa su'aal kasta ama joojin kartaa wakhti kasta. Waxay qaadataa ilaa 30 daqiiqo, su'aalaha qaarkoodna waa xanuun badan yihiin. Natiijooyinka waxaa lagu daabacaa si guud oo keliya. Su'aalo haddii aad qabto, la xiriir hay'adda ku qoran kaarka gudbinta, kaas oo la siin doono go'aankaaga kasta ha noqdee.",
};
const CONSENT_AGAIN: T = {
  en: 'The next questions are about smugglers, payments and things that may have happened to you or to people travelling with you. You can skip any of them or stop. We only ask whether something happened, not for details. Do you agree to continue with these questions?',
  fr: "Les questions suivantes portent sur les passeurs, les paiements et ce qui a pu vous arriver, à vous ou aux personnes qui voyageaient avec vous. Vous pouvez en sauter ou arrêter. Nous demandons seulement si quelque chose s'est produit, pas les détails. Acceptez-vous de continuer avec ces questions ?",
  ar: 'تتعلق الأسئلة التالية بالمهربين والمدفوعات وبأمور ربما حدثت لك أو لمن كانوا يسافرون معك. يمكنك تخطي أي منها أو التوقف. نسأل فقط إن كان شيء قد حدث، لا عن التفاصيل. هل توافق على متابعة هذه الأسئلة؟',
  fa: 'سؤال‌های بعدی درباره قاچاقچیان، پرداخت‌ها و اتفاق‌هایی است که شاید برای شما یا همسفرانتان افتاده باشد. می‌توانید از هرکدام بگذرید یا متوقف شوید. فقط می‌پرسیم آیا چیزی اتفاق افتاده، نه جزئیات. آیا موافقید با این سؤال‌ها ادامه دهیم؟',
  ps: 'راتلونکې پوښتنې د قاچاقبرانو، تادیاتو او هغو پېښو په اړه دي چې کېدای شي تاسو یا ستاسو همسفرو ته پېښې شوې وي. تاسو کولای شئ هره یوه پرېږدئ یا ودرېږئ. موږ یوازې پوښتو چې کومه پېښه شوې که نه، نه جزئیات. ایا موافق یاست چې له دې پوښتنو سره دوام ورکړو؟',
  ti: 'ዝቕጽሉ ሕቶታት ብዛዕባ ሰብ ኣሕለፍቲ፡ ክፍሊታትን ኣባኻ ወይ ኣብቶም ምሳኻ ዝጓዓዙ ዘጋጠሙ ነገራትን እዮም። ዝኾነ ክትሓልፎ ወይ ከተቋርጽ ትኽእል። ዝርዝር ዘይኮነ፡ ነገር ኣጋጢሙ እንተኾይኑ ጥራይ ንሓትት። ምስዚ ሕቶታት ክንቅጽል ትሰማማዕዶ?',
  am: 'ቀጣዮቹ ጥያቄዎች ስለ ደላሎች፣ ክፍያዎችና በእርስዎ ወይም አብረውዎት በተጓዙ ሰዎች ላይ ሊደርሱ ስለሚችሉ ነገሮች ናቸው። ማንኛውንም መዝለል ወይም ማቆም ይችላሉ። ዝርዝር ሳይሆን አንድ ነገር መድረሱን ብቻ እንጠይቃለን። በእነዚህ ጥያቄዎች ለመቀጠል ይስማማሉ?',
  so: "Su'aalaha xiga waxay ku saabsan yihiin musaafuriyaasha, lacag bixinta iyo waxyaabo laga yaabo inay kugu dhaceen adiga ama dadka kula socday. Waad ka boodi kartaa ama joojin kartaa. Waxaan weydiinaynaa oo keliya haddii wax dhaceen, ma aha faahfaahin. Ma oggolaanaysaa inaan sii wadno su'aalahan?",
};

const ABUSES: Array<[string, T]> = [
  ['death_companion', { en: 'Death of a travel companion', fr: "Décès d'un compagnon de voyage", ar: 'وفاة أحد رفاق السفر' }],
  ['physical_violence', { en: 'Physical violence', fr: 'Violence physique', ar: 'عنف جسدي' }],
  ['sexual_violence', { en: 'Sexual violence', fr: 'Violence sexuelle', ar: 'عنف جنسي' }],
  ['kidnapping', { en: 'Kidnapping', fr: 'Enlèvement', ar: 'اختطاف' }],
  [
    'detention',
    {
      en: 'Detention by the authorities (in a detention centre or prison)',
      fr: 'Détention par les autorités (dans un centre de détention ou une prison)',
      ar: 'الاحتجاز لدى السلطات (في مركز احتجاز أو سجن)',
    },
  ],
  ['extortion', { en: 'Extortion', fr: 'Extorsion', ar: 'ابتزاز' }],
  ['robbery', { en: 'Robbery', fr: 'Vol', ar: 'سرقة' }],
  ['forced_work', { en: 'Forced or unpaid work', fr: 'Travail forcé ou non payé', ar: 'عمل قسري أو غير مدفوع' }],
  [
    'held',
    {
      en: 'Held against your will by people who are not the authorities (for example for ransom)',
      fr: 'Retenu(e) contre votre gré par des personnes qui ne sont pas les autorités (par exemple contre rançon)',
      ar: 'الإمساك بك رغماً عنك من قِبل أشخاص ليسوا من السلطات (مثلاً مقابل فدية)',
    },
  ],
  [
    'denial_care',
    {
      en: 'Denial of food, water or medical care',
      fr: "Privation de nourriture, d'eau ou de soins",
      ar: 'الحرمان من الطعام أو الماء أو الرعاية الطبية',
    },
  ],
  ['abandonment', { en: 'Abandonment', fr: 'Abandon', ar: 'التخلي' }],
];
const PERPETRATORS: Array<[string, T]> = [
  ['smugglers', { en: 'Smugglers', fr: 'Passeurs', ar: 'مهربون' }],
  ['gangs', { en: 'Criminal gangs', fr: 'Gangs criminels', ar: 'عصابات إجرامية' }],
  ['police', { en: 'Police', fr: 'Police', ar: 'الشرطة' }],
  ['military', { en: 'Military', fr: 'Militaires', ar: 'الجيش' }],
  ['border_officials', { en: 'Border officials', fr: 'Agents des frontières', ar: 'موظفو الحدود' }],
  ['armed_groups', { en: 'Armed groups', fr: 'Groupes armés', ar: 'جماعات مسلحة' }],
  ['migrants', { en: 'Other migrants', fr: "D'autres migrants", ar: 'مهاجرون آخرون' }],
  ['employers', { en: 'Employers', fr: 'Employeurs', ar: 'أصحاب العمل' }],
  ['residents', { en: 'Local residents', fr: 'Habitants', ar: 'سكان محليون' }],
  ['unknown', { en: 'Unknown', fr: 'Inconnu', ar: 'غير معروف' }],
];
const NEEDS: Array<[string, T]> = [
  ['cash', { en: 'Cash', fr: 'Argent liquide', ar: 'نقود' }],
  ['food', { en: 'Food and water', fr: 'Nourriture et eau', ar: 'طعام وماء' }],
  ['shelter', { en: 'Shelter', fr: 'Abri', ar: 'مأوى' }],
  ['health', { en: 'Health care', fr: 'Soins de santé', ar: 'رعاية صحية' }],
  ['psychosocial', { en: 'Psychosocial support', fr: 'Soutien psychosocial', ar: 'دعم نفسي اجتماعي' }],
  ['legal', { en: 'Legal or asylum information', fr: "Information juridique ou sur l'asile", ar: 'معلومات قانونية أو عن اللجوء' }],
  ['documents', { en: 'Documents', fr: 'Documents', ar: 'وثائق' }],
  ['family_contact', { en: 'Contact with family', fr: 'Contact avec la famille', ar: 'التواصل مع العائلة' }],
  ['protection', { en: 'Protection', fr: 'Protection', ar: 'حماية' }],
  ['return_info', { en: 'Information on return', fr: 'Information sur le retour', ar: 'معلومات عن العودة' }],
  ['work', { en: 'Work', fr: 'Travail', ar: 'عمل' }],
];
const SOURCES: Array<[string, T]> = [
  ['family', { en: 'Family or friends at home', fr: 'Famille ou amis au pays', ar: 'الأسرة أو الأصدقاء في البلد' }],
  ['diaspora', { en: 'Diaspora abroad', fr: "Diaspora à l'étranger", ar: 'الجالية في الخارج' }],
  ['migrants', { en: 'Other migrants', fr: "D'autres migrants", ar: 'مهاجرون آخرون' }],
  ['returnees', { en: 'Returnees', fr: 'Migrants de retour', ar: 'مهاجرون عائدون' }],
  ['smugglers', { en: 'Smugglers', fr: 'Passeurs', ar: 'مهربون' }],
  ['messaging', { en: 'Social media or messaging apps', fr: 'Réseaux sociaux ou messageries', ar: 'وسائل التواصل أو تطبيقات المراسلة' }],
  ['ngo_un', { en: 'NGOs or UN agencies', fr: "ONG ou agences de l'ONU", ar: 'منظمات غير حكومية أو وكالات الأمم المتحدة' }],
  ['authorities', { en: 'Authorities', fr: 'Autorités', ar: 'السلطات' }],
  ['radio_tv', { en: 'Radio or TV', fr: 'Radio ou télévision', ar: 'الإذاعة أو التلفزيون' }],
];
const many = (items: Array<[string, T]>, extra: Array<ReturnType<typeof c>> = []) => [...items.map(([v, t]) => c(v, t)), ...extra];
const anyOf = (name: string, values: string[]) => `{${name}} anyof [${values.map((v) => `'${v}'`).join(', ')}]`;

const WHERE: T = {
  en: 'in which countries?',
  fr: 'dans quels pays ?',
  ar: 'في أي بلدان؟',
  fa: 'در کدام کشورها؟',
  ps: 'په کومو هېوادونو کې؟',
  ti: 'ኣብ ኣየኖት ሃገራት?',
  am: 'በየትኞቹ አገሮች?',
  so: 'dalalkee?',
};
const WHO: T = {
  en: 'who did it?',
  fr: "qui l'a fait ?",
  ar: 'من قام بذلك؟',
  fa: 'چه کسی این کار را کرد؟',
  ps: 'دا چا وکړل؟',
  ti: 'መን ገበሮ?',
  am: 'ማን አደረገው?',
  so: 'yaa sameeyay?',
};

const REASONS: Array<[string, T]> = [
  ['economic', { en: 'Economic reasons', fr: 'Raisons économiques', ar: 'أسباب اقتصادية' }],
  ['violence', { en: 'Violence or conflict', fr: 'Violence ou conflit', ar: 'عنف أو نزاع' }],
  ['personal', { en: 'Personal or family reasons', fr: 'Raisons personnelles ou familiales', ar: 'أسباب شخصية أو عائلية' }],
  ['rights', { en: 'Lack of rights or persecution', fr: 'Absence de droits ou persécution', ar: 'انعدام الحقوق أو الاضطهاد' }],
  ['services', { en: 'Lack of services', fr: 'Manque de services', ar: 'نقص الخدمات' }],
  ['environment', { en: 'Environment or climate', fr: 'Environnement ou climat', ar: 'البيئة أو المناخ' }],
];

/**
 * Indicative US dollars per unit of each currency (mid-2025 reference rates, rounded), for a cost
 * comparable across currencies. The definition records them (versionNotes.costRates); the amount
 * and its currency stay in the pseudonymized data, so a researcher can convert again at the rate
 * of the journey's own month.
 */
export const USD_PER_UNIT: Record<string, number> = {
  USD: 1,
  EUR: 1.1,
  GBP: 1.3,
  LYD: 0.18,
  TND: 0.33,
  DZD: 0.0075,
  MAD: 0.1,
  EGP: 0.02,
  SDG: 0.0017,
  NGN: 0.00065,
  XOF: 0.0017,
  XAF: 0.0017,
  ETB: 0.0075,
  ERN: 0.067,
  AFN: 0.014,
  PKR: 0.0035,
  TRY: 0.025,
};
const SCREENING = [
  { reason: 'repeat', if: "{interviewed_before} = 'yes'" },
  { reason: 'under-age', if: "{age_eligible} = 'no'" },
  { reason: 'no-consent', if: "{consent} = 'no'" },
];

export function scopingSurvey() {
  const consented = "{consent} = 'yes'";
  const sensitiveConsent = "{consent} = 'yes' and {consent_sensitive} = 'yes'";
  // "<incident>: <question>" in every language the incident's label and the question have.
  const composed = (incident: T, question: T): T => {
    const label = loc(incident);
    const q2 = loc(question);
    const out: Record<string, string> = { en: `${incident.en}: ${question.en}` };
    for (const l of SCOPING_LANGUAGES.slice(1))
      if (label[l] && q2[l]) out[l] = l === 'fr' ? `${label[l]} : ${q2[l]}` : `${label[l]}: ${q2[l]}`;
    return out as T;
  };
  // As 4Mi asks it: the incidents, then for each one chosen, where and by whom. The sexual-violence
  // item is offered only when the enumerator is of the respondent's sex.
  const abuseBlock = (kind: 'experienced' | 'witnessed', title: T) => [
    q('checkbox', `abuse_${kind}`, title, 'sensitive', {
      choices: many(
        ABUSES.filter(([v]) => v !== 'sexual_violence'),
        [c('refused', REFUSED)],
      ),
      showNoneItem: true,
      noneText: loc(NONE),
      isRequired: true,
    }),
    // Asked on its own, and only by an enumerator of the respondent's sex (domain.md B).
    q(
      'radiogroup',
      `abuse_${kind}_sexual_violence`,
      composed(ABUSES.find(([v]) => v === 'sexual_violence')![1], {
        en: 'did this happen?',
        fr: 'est-ce arrivé ?',
        ar: 'هل حدث ذلك؟',
        fa: 'آیا این اتفاق افتاد؟',
        ps: 'ایا دا پېښه شوه؟',
        ti: 'ኣጋጢሙዶ?',
        am: 'ደርሷል?',
        so: 'ma dhacday?',
      }),
      'sensitive',
      { choices: yesNoRefused, visibleIf: '{enumerator_sex} = {sex}' },
    ),
    ...ABUSES.flatMap(([v, t]) => {
      const chosen = v === 'sexual_violence' ? `{abuse_${kind}_sexual_violence} = 'yes'` : `{abuse_${kind}} contains '${v}'`;
      return [
        q('checkbox', `abuse_${kind}_${v}_where`, composed(t, WHERE), 'sensitive', {
          choices: countryChoices([c('refused', REFUSED)]),
          visibleIf: chosen,
        }),
        q('checkbox', `abuse_${kind}_${v}_by`, composed(t, WHO), 'sensitive', {
          choices: many(PERPETRATORS, [c('refused', REFUSED)]),
          visibleIf: chosen,
        }),
      ];
    }),
  ];
  return {
    title: loc({
      en: 'Migrant scoping survey: why people take the risk',
      fr: 'Enquête exploratoire auprès des migrants : pourquoi prendre le risque',
      ar: 'استطلاع استكشافي للمهاجرين: لماذا يخاطر الناس',
      fa: 'نظرسنجی اکتشافی مهاجران: چرا مردم خطر می‌کنند',
      ps: 'د مهاجرینو سپړونکې سروې: ولې خلک خطر مني',
      ti: 'ዳህሳሳዊ መጽናዕቲ ስደተኛታት፡ ሰባት ስለምንታይ ሓደጋ ይወስዱ',
      am: 'የስደተኞች ዳሰሳ ጥናት፦ ሰዎች ለምን አደጋ ይወስዳሉ',
      so: 'Sahanka muhaajiriinta: sababta dadku khatarta u qaataan',
    }),
    description: loc({
      en: 'Anonymous interview at transit points. No names, phone numbers, photos or document numbers are ever recorded. Interviews in Bambara, Pular, Wolof, Nigerian Pidgin or Bengali are read from the English or French text by a trained interpreter: no written translation exists yet.',
      fr: "Entretien anonyme aux points de transit. Aucun nom, numéro de téléphone, photo ou numéro de document n'est jamais enregistré.",
      ar: 'مقابلة مجهولة الهوية في نقاط العبور. لا تُسجَّل أبداً أي أسماء أو أرقام هواتف أو صور أو أرقام وثائق.',
      fa: 'مصاحبه ناشناس در نقاط عبور. هیچ نام، شماره تلفن، عکس یا شماره سندی ثبت نمی‌شود.',
      ps: 'په تېرېدو ځایونو کې بې نومه مرکه. هېڅ نوم، د تلیفون شمېره، انځور یا د سند شمېره نه ثبتېږي.',
      ti: 'ኣብ መሕለፊ ቦታታት ስም ዘይብሉ ቃለ-መሕትት። ስም፡ ቁጽሪ ተሌፎን፡ ስእሊ ወይ ቁጽሪ ሰነድ ፈጺሙ ኣይምዝገብን።',
      am: 'በመሸጋገሪያ ቦታዎች ስም-አልባ ቃለ መጠይቅ። ስም፣ ስልክ ቁጥር፣ ፎቶ ወይም የሰነድ ቁጥር በጭራሽ አይመዘገብም።',
      so: 'Wareysi aan magac lahayn oo lagu qabto meelaha la maro. Magac, lambar telefoon, sawir ama lambar dukumeenti weligood lama diiwaangeliyo.',
    }),
    family: 'scoping',
    languages: [...SCOPING_LANGUAGES],
    translationStatus: {
      en: 'source',
      fr: 'machine-draft',
      ar: 'machine-draft',
      fa: 'machine-draft',
      ps: 'machine-draft',
      ti: 'machine-draft',
      am: 'machine-draft',
      so: 'machine-draft',
    },
    versionNotes: {
      summary:
        'Version 5: "prefer not to say" on every sensitive question; sea crossings (in bands) and sea events (rescue, pull-back, push-back, boat failure) as sensitive questions in place of sea_attempts and intercepted; no "documents" or "paying officials" service; abuses the respondent experienced apart from those seen happening to others, within the last two years, each with where and by whom; the route as ordered legs (route_legs) in place of transit_countries; legs_count in bands in place of legs; the currency before the amount, more currencies, and the cost in US dollars (cost_usd); more hubs, nationalities and interview languages; the enumerator\'s sex and a distress flag.',
      costRates: { date: '2025-07', usdPerUnit: USD_PER_UNIT },
      closes:
        'Version 1 asked no screening questions (consent, age, repeat interview): publishing version 5 closes it for new data; interviews begun on it before still arrive, flagged screened = 0 in exports.',
    },
    closesVersions: ['1'],
    // The interview stops here, and the server keeps nothing but a refusal count.
    screening: SCREENING,
    // The form ends where the server stops keeping answers: on any screening rule.
    triggers: [{ type: 'complete', expression: SCREENING.map((r) => r.if).join(' or ') }],
    showQuestionNumbers: 'off',
    clearInvisibleValues: 'onHidden',
    pages: [
      {
        name: 'm0_screening',
        title: loc({
          en: 'M0 Screening and consent',
          fr: 'M0 Sélection et consentement',
          ar: 'م0 الفرز والموافقة',
          fa: 'M0 غربالگری و رضایت',
          ps: 'M0 غربالول او رضایت',
          ti: 'M0 ምምራጽን ፍቓድን',
          am: 'M0 ማጣሪያና ፈቃድ',
          so: 'M0 Shaandhayn iyo oggolaansho',
        }),
        elements: [
          q(
            'dropdown',
            'interview_language',
            {
              en: 'Language of the interview',
              fr: "Langue de l'entretien",
              ar: 'لغة المقابلة',
              fa: 'زبان مصاحبه',
              ps: 'د مرکې ژبه',
              ti: 'ቋንቋ ቃለ-መሕትት',
              am: 'የቃለ መጠይቁ ቋንቋ',
              so: 'Luqadda wareysiga',
            },
            'none',
            {
              isRequired: true,
              choices: [
                c('ar', endonym('العربية')),
                c('en', endonym('English')),
                c('fr', endonym('Français')),
                c('fa', endonym('فارسی / دری')),
                c('ps', endonym('پښتو')),
                c('ti', endonym('ትግርኛ')),
                c('am', endonym('አማርኛ')),
                c('so', endonym('Soomaali')),
                // Spoken in interviews, read from the English or French text by a trained interpreter:
                // no written translation exists yet (see the description).
                c('bm', endonym('Bamanankan')),
                c('ff', endonym('Pulaar')),
                c('wo', endonym('Wolof')),
                c('pcm', endonym('Naijá (Nigerian Pidgin)')),
                c('bn', endonym('বাংলা')),
                c('other', OTHER),
              ],
            },
          ),
          q(
            'dropdown',
            'hub',
            {
              en: 'Interview location (hub)',
              fr: "Lieu de l'entretien (pôle)",
              ar: 'مكان المقابلة (المركز)',
              fa: 'محل مصاحبه (مرکز)',
              ps: 'د مرکې ځای (مرکز)',
              ti: 'ቦታ ቃለ-መሕትት',
              am: 'የቃለ መጠይቁ ቦታ',
              so: 'Goobta wareysiga',
            },
            'location',
            {
              isRequired: true,
              choices: [...HUBS.map(([h]) => h), c('other', OTHER)],
              sdcRecode: { kind: 'map', map: Object.fromEntries(HUBS) },
            },
          ),
          q(
            'radiogroup',
            'enumerator_sex',
            {
              en: 'Enumerator: your sex (the sexual-violence item is asked only when it is the respondent’s)',
              fr: "Enquêteur : votre sexe (l'item sur la violence sexuelle n'est posé que s'il est celui de la personne interrogée)",
              ar: 'الباحث الميداني: جنسك (لا يُطرح بند العنف الجنسي إلا إذا كان من جنس المستجيب)',
              fa: 'مصاحبه‌گر: جنسیت شما (مورد خشونت جنسی فقط وقتی پرسیده می‌شود که با جنسیت پاسخ‌دهنده یکی باشد)',
              ps: 'مرکه کوونکی: ستاسو جنس (د جنسي تاوتریخوالي پوښتنه یوازې هغه وخت کېږي چې د ځواب ورکوونکي له جنس سره یو وي)',
            },
            'none',
            {
              isRequired: true,
              choices: [
                c('male', { en: 'Male', fr: 'Homme', ar: 'ذكر', fa: 'مرد', ps: 'نارینه', ti: 'ተባዕታይ', am: 'ወንድ', so: 'Lab' }),
                c('female', { en: 'Female', fr: 'Femme', ar: 'أنثى', fa: 'زن', ps: 'ښځینه', ti: 'ኣንስተይቲ', am: 'ሴት', so: 'Dheddig' }),
              ],
            },
          ),
          q(
            'text',
            'interview_month',
            {
              en: 'Month of the interview',
              fr: "Mois de l'entretien",
              ar: 'شهر المقابلة',
              fa: 'ماه مصاحبه',
              ps: 'د مرکې میاشت',
              ti: 'ወርሒ ቃለ-መሕትት',
              am: 'የቃለ መጠይቁ ወር',
              so: 'Bisha wareysiga',
            },
            'date',
            { inputType: 'month', isRequired: true, sdcRecode: { kind: 'quarter' } },
          ),
          q(
            'radiogroup',
            'interviewed_before',
            {
              en: 'Have you already answered this survey before?',
              fr: 'Avez-vous déjà répondu à cette enquête ?',
              ar: 'هل سبق أن أجبت على هذا الاستطلاع؟',
              fa: 'آیا قبلاً به این نظرسنجی پاسخ داده‌اید؟',
              ps: 'ایا مخکې مو دې سروې ته ځواب ورکړی؟',
              ti: 'ቅድሚ ሕጂ ነዚ መጽናዕቲ መሊስካ ትፈልጥዶ?',
              am: 'ይህን ጥናት ከዚህ በፊት መልሰዋል?',
              so: 'Horay ma uga jawaabtay sahankan?',
            },
            'none',
            { isRequired: true, choices: yesNo },
          ),
          q(
            'radiogroup',
            'age_eligible',
            {
              en: 'Are you 18 years old or older?',
              fr: 'Avez-vous 18 ans ou plus ?',
              ar: 'هل عمرك 18 سنة أو أكثر؟',
              fa: 'آیا ۱۸ سال یا بیشتر دارید؟',
              ps: 'ایا ستاسو عمر ۱۸ کاله یا زیات دی؟',
              ti: '18 ዓመት ወይ ልዕሊኡ ዕድሜ ኣለካዶ?',
              am: 'ዕድሜዎ 18 ዓመት ወይም ከዚያ በላይ ነው?',
              so: 'Ma jirtaa 18 sano ama ka badan?',
            },
            'none',
            { isRequired: true, visibleIf: "{interviewed_before} = 'no'", choices: yesNo },
          ),
          {
            type: 'html',
            name: 'consent_script',
            visibleIf: "{interviewed_before} = 'no' and {age_eligible} = 'yes'",
            html: Object.fromEntries(Object.entries(loc(CONSENT_SCRIPT)).map(([k, v]) => [k, `<p>${v}</p>`])),
          },
          q(
            'radiogroup',
            'consent',
            {
              en: 'Do you agree to take part? (oral consent: tick, never a signature)',
              fr: 'Acceptez-vous de participer ? (consentement oral : cocher, jamais de signature)',
              ar: 'هل توافق على المشاركة؟ (موافقة شفهية: علامة، وليس توقيعاً أبداً)',
              fa: 'آیا موافقید شرکت کنید؟ (رضایت شفاهی: علامت، هرگز امضا)',
              ps: 'ایا په ګډون موافق یاست؟ (شفاهي رضایت: نښه، هېڅکله لاسلیک نه)',
              ti: 'ክትሳተፍ ትሰማማዕዶ? (ብቓል ፍቓድ፡ ምልክት፡ ፈጺሙ ፊርማ ኣይኮነን)',
              am: 'ለመሳተፍ ይስማማሉ? (የቃል ፈቃድ፦ ምልክት እንጂ ፊርማ አይደለም)',
              so: 'Ma oggoshahay inaad ka qaybqaadato? (oggolaansho afka ah: calaamad, weligeed saxiix)',
            },
            'none',
            { isRequired: true, visibleIf: "{interviewed_before} = 'no' and {age_eligible} = 'yes'", choices: yesNo },
          ),
        ],
      },
      {
        name: 'm1_profile',
        visibleIf: consented,
        title: loc({
          en: 'M1 Profile',
          fr: 'M1 Profil',
          ar: 'م1 الملف الشخصي',
          fa: 'M1 مشخصات',
          ps: 'M1 پېژندنه',
          ti: 'M1 መግለጺ',
          am: 'M1 መገለጫ',
          so: 'M1 Astaamaha',
        }),
        elements: [
          q(
            'radiogroup',
            'age_band',
            { en: 'Age', fr: 'Âge', ar: 'العمر', fa: 'سن', ps: 'عمر', ti: 'ዕድሜ', am: 'ዕድሜ', so: "Da'da" },
            'quasi',
            { isRequired: true, choices: ['18-24', '25-34', '35-44', '45-54', '55+'] },
          ),
          q(
            'radiogroup',
            'sex',
            { en: 'Sex', fr: 'Sexe', ar: 'الجنس', fa: 'جنسیت', ps: 'جنس', ti: 'ጾታ', am: 'ጾታ', so: 'Jinsiga' },
            'quasi',
            {
              isRequired: true,
              choices: [
                c('male', { en: 'Male', fr: 'Homme', ar: 'ذكر', fa: 'مرد', ps: 'نارینه', ti: 'ተባዕታይ', am: 'ወንድ', so: 'Lab' }),
                c('female', { en: 'Female', fr: 'Femme', ar: 'أنثى', fa: 'زن', ps: 'ښځینه', ti: 'ኣንስተይቲ', am: 'ሴት', so: 'Dheddig' }),
                c('other', OTHER),
                c('refused', REFUSED),
              ],
            },
          ),
          q(
            'dropdown',
            'nationality',
            { en: 'Nationality', fr: 'Nationalité', ar: 'الجنسية', fa: 'ملیت', ps: 'تابعیت', ti: 'ዜግነት', am: 'ዜግነት', so: 'Dhalashada' },
            'quasi',
            {
              isRequired: true,
              choices: countryChoices([c('refused', REFUSED)]),
              sdcRecode: { kind: 'merge-rare', min: 30, into: 'other' },
            },
          ),
          q(
            'dropdown',
            'residence_country',
            {
              en: 'Country where you lived before leaving',
              fr: 'Pays où vous viviez avant de partir',
              ar: 'البلد الذي كنت تعيش فيه قبل المغادرة',
              fa: 'کشوری که پیش از رفتن در آن زندگی می‌کردید',
              ps: 'هغه هېواد چې له وتلو مخکې پکې اوسېدئ',
              ti: 'ቅድሚ ምውጻእካ ዝነበርካዮ ሃገር',
              am: 'ከመሄድዎ በፊት ይኖሩበት የነበረው አገር',
              so: 'Dalkii aad ku noolayd ka hor intaadan bixin',
            },
            'quasi',
            { choices: countryChoices([c('refused', REFUSED)]), sdcRecode: { kind: 'merge-rare', min: 30, into: 'other' } },
          ),
          q(
            'radiogroup',
            'marital_status',
            {
              en: 'Marital status',
              fr: 'Situation matrimoniale',
              ar: 'الحالة الاجتماعية',
              fa: 'وضعیت تأهل',
              ps: 'مدني حالت',
              ti: 'ኩነታት መውስቦ',
              am: 'የጋብቻ ሁኔታ',
              so: 'Xaaladda guurka',
            },
            'quasi',
            {
              choices: [
                c('single', { en: 'Single', fr: 'Célibataire', ar: 'أعزب' }),
                c('married', { en: 'Married', fr: 'Marié(e)', ar: 'متزوج' }),
                c('separated', { en: 'Separated or divorced', fr: 'Séparé(e) ou divorcé(e)', ar: 'منفصل أو مطلق' }),
                c('widowed', { en: 'Widowed', fr: 'Veuf / veuve', ar: 'أرمل' }),
                c('refused', REFUSED),
              ],
            },
          ),
          q(
            'radiogroup',
            'travelling_with',
            {
              en: 'Who are you travelling with?',
              fr: 'Avec qui voyagez-vous ?',
              ar: 'مع من تسافر؟',
              fa: 'با چه کسی سفر می‌کنید؟',
              ps: 'له چا سره سفر کوئ؟',
              ti: 'ምስ መን ኢኻ እትጓዓዝ ዘለኻ?',
              am: 'ከማን ጋር እየተጓዙ ነው?',
              so: 'Yaad la socotaa?',
            },
            'quasi',
            {
              choices: [
                c('alone', { en: 'Alone', fr: 'Seul(e)', ar: 'وحدي' }),
                c('family', { en: 'With family', fr: 'En famille', ar: 'مع العائلة' }),
                c('friends', { en: 'With friends', fr: 'Avec des amis', ar: 'مع أصدقاء' }),
                c('met_on_route', {
                  en: 'With people met on the way',
                  fr: 'Avec des personnes rencontrées en route',
                  ar: 'مع أشخاص التقيتهم في الطريق',
                }),
              ],
            },
          ),
          q(
            'radiogroup',
            'has_children',
            {
              en: 'Do you have children?',
              fr: 'Avez-vous des enfants ?',
              ar: 'هل لديك أطفال؟',
              fa: 'آیا فرزند دارید؟',
              ps: 'ایا ماشومان لرئ؟',
              ti: 'ውሉድ ኣለውኻዶ?',
              am: 'ልጆች አሉዎት?',
              so: 'Carruur ma leedahay?',
            },
            'quasi',
            { choices: yesNoRefused },
          ),
          q(
            'radiogroup',
            'education',
            {
              en: 'Highest level of education',
              fr: "Plus haut niveau d'études",
              ar: 'أعلى مستوى تعليمي',
              fa: 'بالاترین سطح تحصیلات',
              ps: 'د زده کړې لوړه کچه',
              ti: 'ዝለዓለ ደረጃ ትምህርቲ',
              am: 'ከፍተኛው የትምህርት ደረጃ',
              so: 'Heerka waxbarasho ee ugu sarreeya',
            },
            'quasi',
            {
              choices: [
                c('none', { en: 'None', fr: 'Aucun', ar: 'لا يوجد' }),
                c('religious', { en: 'Religious school', fr: 'École coranique ou religieuse', ar: 'تعليم ديني' }),
                c('primary', { en: 'Primary', fr: 'Primaire', ar: 'ابتدائي' }),
                c('secondary', { en: 'Secondary', fr: 'Secondaire', ar: 'ثانوي' }),
                c('vocational', { en: 'Vocational', fr: 'Professionnel', ar: 'مهني' }),
                c('university', { en: 'University', fr: 'Université', ar: 'جامعي' }),
              ],
              sdcRecode: {
                kind: 'map',
                map: {
                  none: 'basic',
                  religious: 'basic',
                  primary: 'basic',
                  secondary: 'secondary',
                  vocational: 'secondary',
                  university: 'tertiary',
                },
              },
            },
          ),
          q(
            'radiogroup',
            'work_before',
            {
              en: 'Work before leaving',
              fr: 'Travail avant le départ',
              ar: 'العمل قبل المغادرة',
              fa: 'کار پیش از رفتن',
              ps: 'له وتلو مخکې کار',
              ti: 'ቅድሚ ምውጻእ ዝነበረ ስራሕ',
              am: 'ከመሄድ በፊት የነበረ ሥራ',
              so: 'Shaqada ka hor bixitaanka',
            },
            'quasi',
            {
              choices: [
                c('employed', { en: 'Employed', fr: 'Salarié(e)', ar: 'موظف' }),
                c('self_employed', { en: 'Own business or farming', fr: 'Indépendant(e) ou agriculture', ar: 'عمل حر أو زراعة' }),
                c('daily', { en: 'Daily or casual work', fr: 'Travail journalier ou occasionnel', ar: 'عمل يومي أو مؤقت' }),
                c('student', { en: 'Student', fr: 'Étudiant(e)', ar: 'طالب' }),
                c('unemployed', { en: 'No work', fr: 'Sans travail', ar: 'بلا عمل' }),
                c('refused', REFUSED),
              ],
            },
          ),
        ],
      },
      {
        name: 'm2_journey',
        visibleIf: consented,
        title: loc({
          en: 'M2 Journey',
          fr: 'M2 Trajet',
          ar: 'م2 الرحلة',
          fa: 'M2 سفر',
          ps: 'M2 سفر',
          ti: 'M2 ጉዕዞ',
          am: 'M2 ጉዞ',
          so: 'M2 Safarka',
        }),
        elements: [
          q(
            'text',
            'left_month',
            {
              en: 'Month and year you left',
              fr: 'Mois et année du départ',
              ar: 'شهر وسنة المغادرة',
              fa: 'ماه و سال حرکت',
              ps: 'د وتلو میاشت او کال',
              ti: 'ወርሕን ዓመትን ምውጻእ',
              am: 'የሄዱበት ወርና ዓመት',
              so: 'Bisha iyo sanadka aad ka tagtay',
            },
            'date',
            { inputType: 'month', sdcRecode: { kind: 'quarter' } },
          ),
          q(
            'dropdown',
            'departure_country',
            {
              en: 'Country you departed from (may differ from your nationality)',
              fr: 'Pays de départ (peut différer de la nationalité)',
              ar: 'البلد الذي غادرت منه (قد يختلف عن جنسيتك)',
              fa: 'کشور مبدأ (ممکن است با ملیت فرق کند)',
              ps: 'د وتلو هېواد (کېدای شي له تابعیت سره توپیر ولري)',
              ti: 'ዝወጻእካሉ ሃገር',
              am: 'የተነሱበት አገር',
              so: 'Dalka aad ka ambabaxday',
            },
            'quasi',
            { choices: countryChoices([c('refused', REFUSED)]), sdcRecode: { kind: 'merge-rare', min: 30, into: 'other' } },
          ),
          q(
            'paneldynamic',
            'route_legs',
            {
              en: 'Countries you passed through, in order (one leg each; the same country twice if you went back)',
              fr: "Pays traversés, dans l'ordre (une étape chacun ; deux fois le même pays si vous y êtes retourné(e))",
              ar: 'البلدان التي مررت بها بالترتيب (مرحلة لكل بلد؛ البلد نفسه مرتين إذا عدت إليه)',
              fa: 'کشورهایی که از آن‌ها گذشتید، به ترتیب (هر کدام یک مرحله؛ اگر برگشتید، همان کشور دو بار)',
              ps: 'هغه هېوادونه چې ترې تېر شوئ، په ترتیب سره (هر یو یوه برخه؛ که بېرته تللي یاست، هماغه هېواد دوه ځله)',
            },
            'quasi',
            {
              minPanelCount: 0,
              maxPanelCount: 12,
              panelAddText: loc({
                en: 'Add the next country',
                fr: 'Ajouter le pays suivant',
                ar: 'أضف البلد التالي',
                fa: 'کشور بعدی را اضافه کنید',
                ps: 'بل هېواد زیات کړئ',
              }),
              templateElements: [
                q(
                  'dropdown',
                  'leg_country',
                  { en: 'Country', fr: 'Pays', ar: 'البلد', fa: 'کشور', ps: 'هېواد', ti: 'ሃገር', am: 'አገር', so: 'Dalka' },
                  'quasi',
                  { isRequired: true, choices: countryChoices([c('refused', REFUSED)]) },
                ),
                q(
                  'text',
                  'leg_country_other',
                  {
                    en: 'Other country: which?',
                    fr: 'Autre pays : lequel ?',
                    ar: 'بلد آخر: أيّ بلد؟',
                    fa: 'کشور دیگر: کدام؟',
                    ps: 'بل هېواد: کوم؟',
                  },
                  'free-text',
                  { maxLength: 60 },
                ),
              ],
            },
          ),
          q(
            'checkbox',
            'transport',
            {
              en: 'Means of transport used',
              fr: 'Moyens de transport utilisés',
              ar: 'وسائل النقل المستخدمة',
              fa: 'وسایل حمل‌ونقل',
              ps: 'د ترانسپورت وسایل',
              ti: 'ዝተጠቐምካሎም መጓዓዝያ',
              am: 'የተጠቀሙባቸው መጓጓዣዎች',
              so: 'Gaadiidka aad isticmaashay',
            },
            'none',
            {
              choices: [
                c('bus', { en: 'Bus', fr: 'Bus', ar: 'حافلة' }),
                c('truck', { en: 'Truck or pick-up', fr: 'Camion ou pick-up', ar: 'شاحنة' }),
                c('car', { en: 'Car', fr: 'Voiture', ar: 'سيارة' }),
                c('foot', { en: 'On foot', fr: 'À pied', ar: 'سيراً على الأقدام' }),
                c('boat', { en: 'Boat', fr: 'Bateau', ar: 'قارب' }),
                c('plane', { en: 'Plane', fr: 'Avion', ar: 'طائرة' }),
              ],
            },
          ),
          q(
            'text',
            'months_en_route',
            {
              en: 'How many months since you left?',
              fr: 'Combien de mois depuis votre départ ?',
              ar: 'كم شهراً مضى منذ مغادرتك؟',
              fa: 'چند ماه از حرکت شما گذشته؟',
              ps: 'له وتلو راهیسې څو میاشتې تېرې شوې؟',
              ti: 'ካብ እትወጽእ ክንደይ ኣዋርሕ ኮይኑ?',
              am: 'ከሄዱ ስንት ወር ሆነ?',
              so: 'Immisa bilood ayaa ka soo wareegtay markaad ka tagtay?',
            },
            'quasi',
            { inputType: 'number', min: 0, max: 240, sdcRecode: { kind: 'bands', breaks: [0, 3, 6, 12, 24] } },
          ),
          // Sea crossings reveal an irregular exit, an offence in several countries of departure:
          // sensitive, with "prefer not to say", and asked as counts in bands, never exactly.
          q(
            'radiogroup',
            'sea_crossings',
            {
              en: 'How many times have you tried to cross the sea on this journey? (you do not have to answer)',
              fr: "Combien de fois avez-vous tenté de traverser la mer pendant ce voyage ? (vous n'êtes pas obligé(e) de répondre)",
              ar: 'كم مرة حاولت عبور البحر في هذه الرحلة؟ (لست ملزماً بالإجابة)',
              fa: 'در این سفر چند بار تلاش کردید از دریا عبور کنید؟ (مجبور به پاسخ نیستید)',
              ps: 'په دې سفر کې مو څو ځله هڅه کړې چې له سمندر تېر شئ؟ (ځواب ورکول اړین نه دي)',
            },
            'sensitive',
            {
              choices: [
                c('0', { en: 'Never', fr: 'Jamais', ar: 'ولا مرة', fa: 'هرگز', ps: 'هېڅکله' }),
                c('1', { en: 'Once', fr: 'Une fois', ar: 'مرة واحدة', fa: 'یک بار', ps: 'یو ځل' }),
                c('2-3', { en: '2 or 3 times', fr: '2 ou 3 fois', ar: 'مرتان أو ثلاث', fa: '۲ یا ۳ بار', ps: '۲ یا ۳ ځله' }),
                c('4+', { en: '4 times or more', fr: '4 fois ou plus', ar: '4 مرات أو أكثر', fa: '۴ بار یا بیشتر', ps: '۴ ځله یا زیات' }),
                c('refused', REFUSED),
              ],
            },
          ),
          q(
            'checkbox',
            'sea_events',
            {
              en: 'At sea, did any of these happen? (each is a different event)',
              fr: 'En mer, lequel de ces événements est-il arrivé ? (chacun est un événement différent)',
              ar: 'في البحر، هل حدث أيّ مما يلي؟ (كل منها حدث مختلف)',
              fa: 'در دریا، آیا هیچ‌یک از این‌ها اتفاق افتاد؟ (هر کدام رویدادی جداست)',
              ps: 'په سمندر کې، ایا له دې څخه کومه پېښه وشوه؟ (هره یوه بېله پېښه ده)',
            },
            'sensitive',
            {
              visibleIf: "{sea_crossings} anyof ['1', '2-3', '4+']",
              choices: [
                c('rescued', {
                  en: 'Rescued at sea and brought to shore',
                  fr: 'Secouru(e) en mer et ramené(e) à terre',
                  ar: 'أُنقذت في البحر ونُقلت إلى البر',
                }),
                c('pulled_back', {
                  en: 'Intercepted at sea and taken back to the country you left from (pull-back)',
                  fr: 'Intercepté(e) en mer et reconduit(e) dans le pays de départ (pull-back)',
                  ar: 'اعتُرضت في البحر وأُعدت إلى البلد الذي انطلقت منه (الإرجاع)',
                }),
                c('pushed_back', {
                  en: 'Pushed back by the authorities of the country you were trying to reach (push-back)',
                  fr: 'Refoulé(e) par les autorités du pays que vous cherchiez à atteindre (push-back)',
                  ar: 'صدّتك سلطات البلد الذي كنت تحاول الوصول إليه (الصدّ)',
                }),
                c('boat_failed', {
                  en: 'The boat broke down or sank and you returned by yourselves',
                  fr: 'Le bateau est tombé en panne ou a coulé et vous êtes revenu(e)s par vos propres moyens',
                  ar: 'تعطّل القارب أو غرق وعدتم بأنفسكم',
                }),
                c('none', NONE),
                c('refused', REFUSED),
                c('dont_know', DONT_KNOW),
              ],
            },
          ),
          q(
            'dropdown',
            'destination',
            {
              en: 'Where do you want to go?',
              fr: 'Où voulez-vous aller ?',
              ar: 'إلى أين تريد الذهاب؟',
              fa: 'می‌خواهید به کجا بروید؟',
              ps: 'غواړئ چېرته لاړ شئ؟',
              ti: 'ናበይ ክትከይድ ትደሊ?',
              am: 'ወዴት መሄድ ይፈልጋሉ?',
              so: 'Xaggee ayaad rabtaa inaad aaddo?',
            },
            'none',
            { choices: countryChoices([c('dont_know', DONT_KNOW)]) },
          ),
          q(
            'checkbox',
            'destination_reasons',
            {
              en: 'Why there?',
              fr: 'Pourquoi là-bas ?',
              ar: 'لماذا هناك؟',
              fa: 'چرا آنجا؟',
              ps: 'ولې هلته؟',
              ti: 'ስለምንታይ ኣብኡ?',
              am: 'ለምን እዚያ?',
              so: 'Maxay halkaas?',
            },
            'none',
            {
              choices: [
                c('family', { en: 'Family or friends there', fr: 'Famille ou amis sur place', ar: 'عائلة أو أصدقاء هناك' }),
                c('work', { en: 'Work', fr: 'Travail', ar: 'عمل' }),
                c('safety', { en: 'Safety', fr: 'Sécurité', ar: 'الأمان' }),
                c('asylum', { en: 'Asylum or rights', fr: 'Asile ou droits', ar: 'اللجوء أو الحقوق' }),
                c('education', { en: 'Education', fr: 'Études', ar: 'التعليم' }),
                c('language', { en: 'Language', fr: 'Langue', ar: 'اللغة' }),
              ],
              visibleIf: "{destination} notempty and {destination} <> 'dont_know'",
            },
          ),
        ],
      },
      {
        name: 'm3_drivers',
        visibleIf: consented,
        title: loc({
          en: 'M3 Drivers',
          fr: 'M3 Motifs du départ',
          ar: 'م3 دوافع الرحيل',
          fa: 'M3 انگیزه‌ها',
          ps: 'M3 لاملونه',
          ti: 'M3 ምኽንያታት',
          am: 'M3 ምክንያቶች',
          so: 'M3 Sababaha',
        }),
        elements: [
          q(
            'checkbox',
            'reasons',
            {
              en: 'Why did you leave?',
              fr: 'Pourquoi êtes-vous parti(e) ?',
              ar: 'لماذا غادرت؟',
              fa: 'چرا رفتید؟',
              ps: 'ولې ووتلئ؟',
              ti: 'ስለምንታይ ወጺእካ?',
              am: 'ለምን ሄዱ?',
              so: 'Maxaad u tagtay?',
            },
            'sensitive',
            {
              isRequired: true,
              choices: many(REASONS, [c('refused', REFUSED)]),
            },
          ),
          q(
            'radiogroup',
            'main_reason',
            {
              en: 'Which was the main reason?',
              fr: 'Quelle était la raison principale ?',
              ar: 'ما السبب الرئيسي؟',
              fa: 'دلیل اصلی کدام بود؟',
              ps: 'اصلي لامل کوم و؟',
              ti: 'እቲ ቀንዲ ምኽንያት እንታይ ነበረ?',
              am: 'ዋናው ምክንያት የትኛው ነበር?',
              so: 'Sababta ugu weyni waa tee?',
            },
            'sensitive',
            {
              visibleIf: "{reasons.length} > 1 and !({reasons} contains 'refused')",
              // One of the reasons given above, or "prefer not to say".
              choices: many(REASONS, [c('refused', REFUSED)]),
              validators: [
                {
                  type: 'expression',
                  expression: "{main_reason} = 'refused' or {reasons} contains {main_reason}",
                  text: loc({
                    en: 'Choose one of the reasons given above',
                    fr: 'Choisissez l’une des raisons données plus haut',
                    ar: 'اختر أحد الأسباب المذكورة أعلاه',
                  }),
                },
              ],
            },
          ),
          q(
            'checkbox',
            'influenced_by',
            {
              en: 'Who influenced the decision?',
              fr: 'Qui a influencé la décision ?',
              ar: 'من أثّر في القرار؟',
              fa: 'چه کسی بر تصمیم اثر گذاشت؟',
              ps: 'په پرېکړه چا اغېز وکړ؟',
              ti: 'ኣብቲ ውሳነ መን ጸልዩ?',
              am: 'ውሳኔው ላይ ማን ተጽዕኖ አሳደረ?',
              so: "Yaa saameeyay go'aanka?",
            },
            'none',
            {
              choices: [
                c('self', { en: 'Myself', fr: 'Moi-même', ar: 'أنا نفسي' }),
                c('family', { en: 'Family', fr: 'Famille', ar: 'العائلة' }),
                c('diaspora', { en: 'Diaspora', fr: 'Diaspora', ar: 'الجالية' }),
                c('returnees', { en: 'Returnees', fr: 'Migrants de retour', ar: 'المهاجرون العائدون' }),
                c('smugglers', { en: 'Smugglers', fr: 'Passeurs', ar: 'المهربون' }),
                c('social_media', { en: 'Social media', fr: 'Réseaux sociaux', ar: 'وسائل التواصل الاجتماعي' }),
              ],
            },
          ),
          q(
            'checkbox',
            'financing',
            {
              en: 'How was the journey financed?',
              fr: 'Comment le voyage a-t-il été financé ?',
              ar: 'كيف مُوّلت الرحلة؟',
              fa: 'هزینه سفر چگونه تأمین شد؟',
              ps: 'د سفر لګښت څنګه برابر شو؟',
              ti: 'ጉዕዞ ብኸመይ ተመዊሉ?',
              am: 'ጉዞው በምን ተሸፈነ?',
              so: 'Sidee loo maalgeliyay safarka?',
            },
            'sensitive',
            {
              choices: [
                c('savings', { en: 'Savings', fr: 'Économies', ar: 'مدخرات' }),
                c('family', { en: 'Family', fr: 'Famille', ar: 'العائلة' }),
                c('assets_sold', {
                  en: 'Sold land, animals or goods',
                  fr: 'Vente de terres, bétail ou biens',
                  ar: 'بيع أرض أو ماشية أو ممتلكات',
                }),
                c('loan', { en: 'Loan', fr: 'Emprunt', ar: 'قرض' }),
                c('work', { en: 'Work along the way', fr: 'Travail en route', ar: 'العمل أثناء الطريق' }),
                c('refused', REFUSED),
              ],
            },
          ),
        ],
      },
      {
        name: 'm4_information',
        visibleIf: consented,
        title: loc({
          en: 'M4 Information and risks',
          fr: 'M4 Information et risques',
          ar: 'م4 المعلومات والمخاطر',
          fa: 'M4 اطلاعات و خطرها',
          ps: 'M4 معلومات او خطرونه',
          ti: 'M4 ሓበሬታን ሓደጋታትን',
          am: 'M4 መረጃና አደጋዎች',
          so: 'M4 Macluumaad iyo khataraha',
        }),
        elements: [
          q(
            'checkbox',
            'sources_before',
            {
              en: 'Where did you get information before leaving?',
              fr: 'Où vous êtes-vous informé(e) avant de partir ?',
              ar: 'من أين حصلت على المعلومات قبل المغادرة؟',
              fa: 'پیش از رفتن از کجا اطلاعات گرفتید؟',
              ps: 'له وتلو مخکې مو له کومه معلومات ترلاسه کړل؟',
              ti: 'ቅድሚ ምውጻእ ሓበሬታ ካበይ ረኺብካ?',
              am: 'ከመሄድዎ በፊት መረጃ ከየት አገኙ?',
              so: 'Xaggee ka heshay macluumaad ka hor intaadan bixin?',
            },
            'none',
            { choices: many(SOURCES, [c('none', NONE)]) },
          ),
          q(
            'checkbox',
            'sources_during',
            {
              en: 'And during the journey?',
              fr: 'Et pendant le voyage ?',
              ar: 'وأثناء الرحلة؟',
              fa: 'و در طول سفر؟',
              ps: 'او د سفر پر مهال؟',
              ti: 'ኣብ እዋን ጉዕዞኸ?',
              am: 'በጉዞ ወቅትስ?',
              so: 'Intii safarka lagu jiray?',
            },
            'none',
            { choices: many(SOURCES, [c('none', NONE)]) },
          ),
          q(
            'dropdown',
            'most_trusted',
            {
              en: 'Which source did you trust most?',
              fr: 'Quelle source vous inspirait le plus confiance ?',
              ar: 'أي مصدر وثقت به أكثر؟',
              fa: 'به کدام منبع بیشتر اعتماد داشتید؟',
              ps: 'پر کومې سرچینې مو ډېر باور درلود؟',
              ti: 'ኣየናይ ምንጪ ኣዝዩ ተኣሚንካሉ?',
              am: 'የትኛውን ምንጭ ይበልጥ አመኑ?',
              so: 'Ilaha kee ayaad ugu kalsoonayd?',
            },
            'none',
            { choices: many(SOURCES, [c('none', NONE)]) },
          ),
          q(
            'checkbox',
            'risks_known',
            {
              en: 'Which risks did you know about before leaving?',
              fr: 'Quels risques connaissiez-vous avant de partir ?',
              ar: 'ما المخاطر التي كنت تعرفها قبل المغادرة؟',
              fa: 'پیش از رفتن از کدام خطرها آگاه بودید؟',
              ps: 'له وتلو مخکې په کومو خطرونو خبر وئ؟',
              ti: 'ቅድሚ ምውጻእ ኣየኖት ሓደጋታት ትፈልጥ ነይርካ?',
              am: 'ከመሄድዎ በፊት ስለየትኞቹ አደጋዎች ያውቁ ነበር?',
              so: 'Khatarahee ayaad ka ogayd ka hor intaadan bixin?',
            },
            'none',
            {
              choices: [
                c('death_sea', { en: 'Death at sea', fr: 'Mort en mer', ar: 'الموت في البحر' }),
                c('death_desert', { en: 'Death in the desert', fr: 'Mort dans le désert', ar: 'الموت في الصحراء' }),
                c('detention', { en: 'Detention', fr: 'Détention', ar: 'الاحتجاز' }),
                c('kidnapping', { en: 'Kidnapping', fr: 'Enlèvement', ar: 'الاختطاف' }),
                c('violence', { en: 'Violence', fr: 'Violence', ar: 'العنف' }),
                c('sexual_violence', { en: 'Sexual violence', fr: 'Violence sexuelle', ar: 'العنف الجنسي' }),
                c('exploitation', { en: 'Exploitation', fr: 'Exploitation', ar: 'الاستغلال' }),
                c('robbery', { en: 'Robbery', fr: 'Vol', ar: 'السرقة' }),
                c('none', NONE),
              ],
            },
          ),
          q(
            'radiogroup',
            'would_still_leave',
            {
              en: 'Knowing what you know now, would you still leave?',
              fr: 'Sachant ce que vous savez maintenant, partiriez-vous quand même ?',
              ar: 'بعد ما تعرفه الآن، هل كنت ستغادر؟',
              fa: 'با آنچه اکنون می‌دانید، باز هم می‌رفتید؟',
              ps: 'له هغه څه سره چې اوس پرې پوهېږئ، بیا به هم تللئ؟',
              ti: 'ሕጂ ዝፈልጦ እናፈለጥካ፡ ምወጻእካዶ?',
              am: 'አሁን የሚያውቁትን እያወቁ፣ አሁንም ይሄዱ ነበር?',
              so: 'Adigoo og waxaad hadda ogtahay, weli ma tagi lahayd?',
            },
            'none',
            { choices: yesNoUnsure },
          ),
        ],
      },
      {
        name: 'consent_sensitive_page',
        visibleIf: consented,
        title: loc({
          en: 'Before the next modules',
          fr: 'Avant les modules suivants',
          ar: 'قبل الأقسام التالية',
          fa: 'پیش از بخش‌های بعدی',
          ps: 'له راتلونکو برخو مخکې',
          ti: 'ቅድሚ ዝቕጽሉ ክፍልታት',
          am: 'ከቀጣዮቹ ክፍሎች በፊት',
          so: 'Qaybaha xiga ka hor',
        }),
        elements: [q('radiogroup', 'consent_sensitive', CONSENT_AGAIN, 'none', { isRequired: true, choices: yesNo })],
      },
      {
        name: 'm5_smuggling',
        visibleIf: sensitiveConsent,
        title: loc({
          en: 'M5 Smuggling services and costs',
          fr: 'M5 Services des passeurs et coûts',
          ar: 'م5 خدمات التهريب وتكاليفها',
          fa: 'M5 خدمات قاچاق و هزینه‌ها',
          ps: 'M5 د قاچاق خدمتونه او لګښتونه',
          ti: 'M5 ኣገልግሎታትን ዋጋን ሰብ ኣሕለፍቲ',
          am: 'M5 የደላላ አገልግሎቶችና ወጪዎች',
          so: 'M5 Adeegyada musaafurinta iyo kharashka',
        }),
        elements: [
          q(
            'radiogroup',
            'smuggler_use',
            {
              en: 'Did you use a smuggler for your journey?',
              fr: 'Avez-vous eu recours à un passeur pour votre trajet ?',
              ar: 'هل استعنت بمهرب في رحلتك؟',
              fa: 'آیا برای سفرتان از قاچاقچی استفاده کردید؟',
              ps: 'ایا د سفر لپاره مو له قاچاقبر کار اخیستی؟',
              ti: 'ንጉዕዞኻ ሰብ ኣሕለፍቲ ተጠቒምካዶ?',
              am: 'ለጉዞዎ ደላላ ተጠቅመዋል?',
              so: 'Ma isticmaashay musaafuriye safarkaaga?',
            },
            'sensitive',
            {
              choices: [
                c('all', { en: 'For the whole journey', fr: 'Pour tout le trajet', ar: 'للرحلة كلها' }),
                c('part', { en: 'For part of it', fr: 'Pour une partie', ar: 'لجزء منها' }),
                c('none', { en: 'No', fr: 'Non', ar: 'لا' }),
                c('refused', REFUSED),
              ],
            },
          ),
          ...[
            q(
              'dropdown',
              'first_contact',
              {
                en: 'How did you first contact the smuggler?',
                fr: 'Comment avez-vous contacté le passeur la première fois ?',
                ar: 'كيف تواصلت مع المهرب أول مرة؟',
                fa: 'اولین بار چگونه با قاچاقچی تماس گرفتید؟',
                ps: 'لومړی ځل مو له قاچاقبر سره څنګه اړیکه ونیوله؟',
                ti: 'ንመጀመርታ ግዜ ብኸመይ ተራኺብካ?',
                am: 'ከደላላው ጋር ለመጀመሪያ ጊዜ እንዴት ተገናኙ?',
                so: 'Sidee markii ugu horreysay ula xiriirtay musaafuriyaha?',
              },
              'sensitive',
              {
                choices: [
                  c('approached', { en: 'The smuggler approached me', fr: "Le passeur m'a approché(e)", ar: 'المهرب هو من تواصل معي' }),
                  c('friends', { en: 'Through friends or family', fr: 'Par des amis ou la famille', ar: 'عبر أصدقاء أو العائلة' }),
                  c('migrants', { en: 'Through other migrants', fr: "Par d'autres migrants", ar: 'عبر مهاجرين آخرين' }),
                  c('social_media', { en: 'Through social media', fr: 'Par les réseaux sociaux', ar: 'عبر وسائل التواصل' }),
                  c('hub', {
                    en: 'At a hub (station, ghetto, connection house)',
                    fr: 'Dans un pôle (gare, ghetto, maison de passage)',
                    ar: 'في مركز عبور (محطة أو مأوى)',
                  }),
                  c('refused', REFUSED),
                ],
              },
            ),
            q(
              'radiogroup',
              'legs_count',
              {
                en: 'With how many different smugglers or networks?',
                fr: 'Avec combien de passeurs ou réseaux différents ?',
                ar: 'مع كم مهرباً أو شبكة مختلفة؟',
                fa: 'با چند قاچاقچی یا شبکه متفاوت؟',
                ps: 'له څو بېلابېلو قاچاقبرانو یا شبکو سره؟',
                ti: 'ምስ ክንደይ ዝተፈላለዩ ሰብ ኣሕለፍቲ?',
                am: 'ከስንት የተለያዩ ደላሎች ጋር?',
                so: 'Immisa musaafuriye ama shabakad oo kala duwan?',
              },
              'sensitive',
              {
                choices: [
                  c('1', { en: 'One', fr: 'Un', ar: 'واحد', fa: 'یک', ps: 'یو' }),
                  c('2', { en: 'Two', fr: 'Deux', ar: 'اثنان', fa: 'دو', ps: 'دوه' }),
                  c('3-4', { en: '3 or 4', fr: '3 ou 4', ar: '3 أو 4', fa: '۳ یا ۴', ps: '۳ یا ۴' }),
                  c('5+', { en: '5 or more', fr: '5 ou plus', ar: '5 أو أكثر', fa: '۵ یا بیشتر', ps: '۵ یا زیات' }),
                  c('dont_know', DONT_KNOW),
                  c('refused', REFUSED),
                ],
              },
            ),
            q(
              'checkbox',
              'services',
              {
                en: 'Which services did the smugglers provide?',
                fr: 'Quels services les passeurs ont-ils fournis ?',
                ar: 'ما الخدمات التي قدمها المهربون؟',
                fa: 'قاچاقچیان چه خدماتی ارائه کردند؟',
                ps: 'قاچاقبرانو کوم خدمتونه وړاندې کړل؟',
                ti: 'ኣየኖት ኣገልግሎታት ሂቦም?',
                am: 'ደላሎቹ ምን አገልግሎቶች ሰጡ?',
                so: 'Adeegyadee ayay bixiyeen?',
              },
              'sensitive',
              {
                choices: [
                  c('transport', { en: 'Transport', fr: 'Transport', ar: 'النقل' }),
                  c('border', { en: 'Border crossing', fr: 'Passage de frontière', ar: 'عبور الحدود' }),
                  c('lodging', { en: 'Lodging', fr: 'Hébergement', ar: 'الإيواء' }),
                  c('food', { en: 'Food and water', fr: 'Nourriture et eau', ar: 'الطعام والماء' }),
                  c('information', { en: 'Information', fr: 'Information', ar: 'المعلومات' }),
                  c('protection', { en: 'Protection', fr: 'Protection', ar: 'الحماية' }),
                  c('boat', { en: 'A place on a boat', fr: 'Une place sur un bateau', ar: 'مكان في قارب' }),
                  c('refused', REFUSED),
                ],
              },
            ),
            // The currency first: an amount means nothing without it, and one band for 1,000 XOF
            // and 1,000 EUR would mislead. Public releases band the amount in US dollars, converted
            // at the rate of its currency (sdcRecode convert); pseudonymized data keep both as given.
            q(
              'dropdown',
              'cost_currency',
              {
                en: 'In which currency did you pay (most)?',
                fr: 'Dans quelle devise avez-vous (surtout) payé ?',
                ar: 'بأي عملة دفعت (في الغالب)؟',
                fa: 'با کدام واحد پول (بیشتر) پرداخت کردید؟',
                ps: 'په کومې اسعارو مو (ډېری) پیسې ورکړې؟',
              },
              'sensitive',
              { choices: [...Object.keys(USD_PER_UNIT), c('other', OTHER), c('refused', REFUSED)] },
            ),
            q(
              'text',
              'cost_amount',
              {
                en: 'How much did you pay in total so far, in that currency?',
                fr: "Combien avez-vous payé au total jusqu'ici, dans cette devise ?",
                ar: 'كم دفعت إجمالاً حتى الآن بتلك العملة؟',
                fa: 'تاکنون در مجموع چقدر به آن واحد پول پرداخته‌اید؟',
                ps: 'تر اوسه مو په هغه اسعارو ټول څومره ورکړي؟',
              },
              'sensitive',
              {
                inputType: 'number',
                min: 0,
                visibleIf: "{cost_currency} notempty and {cost_currency} <> 'refused'",
                // Public releases: converted to US dollars at the rate of its currency, then banded.
                sdcRecode: {
                  kind: 'bands',
                  breaks: [0, 500, 1000, 2000, 5000, 10000],
                  convert: { by: 'cost_currency', rates: USD_PER_UNIT },
                },
              },
            ),
            q(
              'radiogroup',
              'cost_basis',
              {
                en: 'Was this paid per leg or for the whole journey?',
                fr: 'Payé par étape ou pour tout le trajet ?',
                ar: 'هل دُفع لكل مرحلة أم للرحلة كلها؟',
                fa: 'برای هر مرحله پرداخت شد یا کل سفر؟',
                ps: 'د هرې برخې لپاره ورکړل شول که د ټول سفر؟',
                ti: 'ብመድረኽ ድዩ ወይስ ንምሉእ ጉዕዞ?',
                am: 'በየደረጃው ነው ወይስ ለሙሉ ጉዞው?',
                so: 'Ma marxalad kasta ayaa la bixiyay mise safarka oo dhan?',
              },
              'sensitive',
              {
                choices: [
                  c('per_leg', { en: 'Per leg', fr: 'Par étape', ar: 'لكل مرحلة' }),
                  c('total', { en: 'Whole journey', fr: 'Tout le trajet', ar: 'للرحلة كلها' }),
                  c('dont_know', DONT_KNOW),
                  c('refused', REFUSED),
                ],
                visibleIf: '{cost_amount} notempty',
              },
            ),
            q(
              'checkbox',
              'payment_method',
              {
                en: 'How was it paid?',
                fr: 'Comment a-t-il été payé ?',
                ar: 'كيف تم الدفع؟',
                fa: 'چگونه پرداخت شد؟',
                ps: 'څنګه ورکړل شو؟',
                ti: 'ብኸመይ ተኸፊሉ?',
                am: 'እንዴት ተከፈለ?',
                so: 'Sidee loo bixiyay?',
              },
              'sensitive',
              {
                choices: [
                  c('cash_advance', {
                    en: 'Cash in advance, leg by leg',
                    fr: "En espèces d'avance, étape par étape",
                    ar: 'نقداً مقدماً لكل مرحلة',
                  }),
                  c('cash_arrival', { en: 'Cash on arrival', fr: "En espèces à l'arrivée", ar: 'نقداً عند الوصول' }),
                  c('guarantor', { en: 'Through a guarantor or hawala', fr: 'Par un garant ou la hawala', ar: 'عبر ضامن أو حوالة' }),
                  c('mobile_bank', { en: 'Mobile money or bank', fr: 'Argent mobile ou banque', ar: 'تحويل عبر الهاتف أو البنك' }),
                  c('labour', { en: 'Work or in kind', fr: 'Travail ou en nature', ar: 'عمل أو عيناً' }),
                  c('refused', REFUSED),
                ],
              },
            ),
            q(
              'checkbox',
              'who_paid',
              {
                en: 'Who paid?',
                fr: 'Qui a payé ?',
                ar: 'من دفع؟',
                fa: 'چه کسی پرداخت کرد؟',
                ps: 'چا ورکړل؟',
                ti: 'መን ከፊሉ?',
                am: 'ማን ከፈለ?',
                so: 'Yaa bixiyay?',
              },
              'sensitive',
              {
                choices: [
                  c('self', { en: 'Myself', fr: 'Moi-même', ar: 'أنا' }),
                  c('family_home', { en: 'Family at home', fr: 'Famille au pays', ar: 'العائلة في البلد' }),
                  c('diaspora', {
                    en: 'Family or friends abroad',
                    fr: "Famille ou amis à l'étranger",
                    ar: 'العائلة أو الأصدقاء في الخارج',
                  }),
                  c('refused', REFUSED),
                ],
              },
            ),
            q(
              'radiogroup',
              'promises_kept',
              {
                en: 'Did the smugglers do what they promised?',
                fr: 'Les passeurs ont-ils tenu leurs promesses ?',
                ar: 'هل وفى المهربون بما وعدوا به؟',
                fa: 'آیا قاچاقچیان به وعده‌هایشان عمل کردند؟',
                ps: 'ایا قاچاقبرانو خپلې ژمنې پوره کړې؟',
                ti: 'ሰብ ኣሕለፍቲ ዝተመባጽዕዎ ፈጺሞምዶ?',
                am: 'ደላሎቹ የገቡትን ቃል ጠበቁ?',
                so: 'Musaafuriyaashu ma fuliyeen waxay ballanqaadeen?',
              },
              'sensitive',
              { choices: [c('yes', YES), c('partly', { en: 'Partly', fr: 'En partie', ar: 'جزئياً' }), c('no', NO), c('refused', REFUSED)] },
            ),
            q(
              'radiogroup',
              'debt',
              {
                en: 'Do you still owe money for the journey?',
                fr: "Devez-vous encore de l'argent pour le voyage ?",
                ar: 'هل ما زلت مديناً بمال للرحلة؟',
                fa: 'آیا هنوز برای سفر بدهکارید؟',
                ps: 'ایا لا هم د سفر پوروړی یاست؟',
                ti: 'ንጉዕዞ ዕዳ ኣለካዶ?',
                am: 'ለጉዞው አሁንም ዕዳ አለብዎት?',
                so: 'Weli ma lagugu leeyahay lacag safarka?',
              },
              'sensitive',
              { choices: yesNoRefused },
            ),
          ].map((e) => ({ ...e, visibleIf: [e.visibleIf, anyOf('smuggler_use', ['all', 'part'])].filter(Boolean).join(' and ') })),
        ],
      },
      {
        name: 'm6_abuse',
        visibleIf: sensitiveConsent,
        title: loc({
          en: 'M6 Abuses experienced and witnessed',
          fr: 'M6 Abus subis et observés',
          ar: 'م6 الانتهاكات التي تعرضت لها أو شهدتها',
          fa: 'M6 آزارهای تجربه‌شده و مشاهده‌شده',
          ps: 'M6 تېرې شوې او لیدل شوې ناوړه چلندونه',
          ti: 'M6 ዘጋጠሙን ዝተራእዩን በደላት',
          am: 'M6 የደረሱና የታዩ በደሎች',
          so: 'M6 Xadgudubyada lala kulmay iyo kuwa la arkay',
        }),
        elements: [
          {
            type: 'html',
            name: 'abuse_note',
            html: loc({
              en: '<p>Only whether something happened, where and by whom, never details. First what happened to the respondent, then what they saw happen to others. The journey counts only within the last two years. If the person is distressed, stop and follow the distress protocol.</p>',
              fr: "<p>Seulement si quelque chose s'est produit, où et par qui, jamais les détails. D'abord ce qui est arrivé à la personne, puis ce qu'elle a vu arriver à d'autres. Seul le voyage des deux dernières années compte. En cas de détresse, arrêtez et suivez le protocole.</p>",
              ar: '<p>نسأل فقط إن كان شيء قد حدث، وأين ومن قام به، دون تفاصيل أبداً. أولاً ما حدث للمستجيب نفسه، ثم ما رآه يحدث لغيره. لا يُحتسب إلا ما حدث في رحلة خلال السنتين الأخيرتين. إذا ظهر الضيق على الشخص، توقف واتبع بروتوكول الضيق.</p>',
            }),
          },
          ...abuseBlock('experienced', {
            en: 'On your journey, in the last two years, did any of these happen to you yourself?',
            fr: "Pendant votre voyage, au cours des deux dernières années, l'une de ces choses vous est-elle arrivée, à vous personnellement ?",
            ar: 'خلال رحلتك، في السنتين الأخيرتين، هل حدث لك أنت شخصياً أيّ مما يلي؟',
            fa: 'در سفرتان، در دو سال گذشته، آیا هیچ‌یک از این‌ها برای خود شما اتفاق افتاد؟',
            ps: 'په خپل سفر کې، په تېرو دوو کلونو کې، ایا له دې څخه کومه یوه پخپله تاسو ته پېښه شوه؟',
          }),
          ...abuseBlock('witnessed', {
            en: 'On the same journey, did you see any of these happen to people travelling with you or to others?',
            fr: "Pendant ce même voyage, avez-vous vu l'une de ces choses arriver à des personnes qui voyageaient avec vous ou à d'autres ?",
            ar: 'خلال الرحلة نفسها، هل رأيت أياً من هذه يحدث لمن كانوا يسافرون معك أو لآخرين؟',
            fa: 'در همین سفر، آیا دیدید هیچ‌یک از این‌ها برای همسفرانتان یا دیگران اتفاق بیفتد؟',
            ps: 'په همدې سفر کې، ایا مو ولیدل چې له دې څخه کومه یوه ستاسو همسفرو یا نورو ته پېښه شوه؟',
          }),
        ],
      },
      {
        name: 'm7_needs',
        visibleIf: consented,
        title: loc({
          en: 'M7 Needs and assistance',
          fr: 'M7 Besoins et assistance',
          ar: 'م7 الاحتياجات والمساعدة',
          fa: 'M7 نیازها و کمک',
          ps: 'M7 اړتیاوې او مرسته',
          ti: 'M7 ድሌታትን ሓገዝን',
          am: 'M7 ፍላጎቶችና እርዳታ',
          so: 'M7 Baahiyaha iyo gargaarka',
        }),
        elements: [
          q(
            'checkbox',
            'assistance_received',
            {
              en: 'What assistance have you received on the way?',
              fr: 'Quelle assistance avez-vous reçue en route ?',
              ar: 'ما المساعدة التي تلقيتها في الطريق؟',
              fa: 'در مسیر چه کمکی دریافت کرده‌اید؟',
              ps: 'په لاره کې مو کومه مرسته ترلاسه کړې؟',
              ti: 'ኣብ መገዲ እንታይ ሓገዝ ረኺብካ?',
              am: 'በመንገድ ላይ ምን እርዳታ አገኙ?',
              so: 'Gargaarkee ayaad ka heshay wadada?',
            },
            'none',
            { choices: many(NEEDS, [c('none', NONE)]) },
          ),
          q(
            'checkbox',
            'assistance_from',
            { en: 'From whom?', fr: 'De qui ?', ar: 'ممن؟', fa: 'از چه کسی؟', ps: 'له چا؟', ti: 'ካብ መን?', am: 'ከማን?', so: 'Kaga yimid?' },
            'none',
            {
              choices: [
                c('ngo_un', { en: 'NGOs or UN agencies', fr: "ONG ou agences de l'ONU", ar: 'منظمات غير حكومية أو الأمم المتحدة' }),
                c('authorities', { en: 'Authorities', fr: 'Autorités', ar: 'السلطات' }),
                c('religious', { en: 'Religious groups', fr: 'Groupes religieux', ar: 'جماعات دينية' }),
                c('residents', { en: 'Local residents', fr: 'Habitants', ar: 'السكان المحليون' }),
                c('migrants', { en: 'Other migrants', fr: "D'autres migrants", ar: 'مهاجرون آخرون' }),
              ],
              visibleIf: "{assistance_received} notempty and !({assistance_received} contains 'none')",
            },
          ),
          q(
            'checkbox',
            'current_needs',
            {
              en: 'What do you need most now?',
              fr: 'De quoi avez-vous le plus besoin maintenant ?',
              ar: 'ما أكثر ما تحتاجه الآن؟',
              fa: 'اکنون بیش از همه به چه نیاز دارید؟',
              ps: 'اوس تاسو ته تر ټولو ډېر څه ته اړتیا ده؟',
              ti: 'ሕጂ ብዝያዳ እንታይ የድልየካ?',
              am: 'አሁን በጣም የሚያስፈልግዎ ምንድን ነው?',
              so: 'Maxaad hadda ugu baahan tahay?',
            },
            'none',
            { choices: many(NEEDS, [c('refused', REFUSED)]) },
          ),
        ],
      },
      {
        name: 'm8_intentions',
        visibleIf: consented,
        title: loc({
          en: 'M8 Intentions',
          fr: 'M8 Intentions',
          ar: 'م8 النوايا',
          fa: 'M8 قصدها',
          ps: 'M8 نیتونه',
          ti: 'M8 ሓሳባት',
          am: 'M8 ዕቅዶች',
          so: 'M8 Ujeeddooyinka',
        }),
        elements: [
          q(
            'radiogroup',
            'intention',
            {
              en: 'What do you plan to do next?',
              fr: 'Que comptez-vous faire ensuite ?',
              ar: 'ماذا تنوي أن تفعل بعد ذلك؟',
              fa: 'قصد دارید بعد چه کنید؟',
              ps: 'وروسته څه کول غواړئ؟',
              ti: 'ቀጺልካ እንታይ ክትገብር መዲብካ?',
              am: 'ቀጥሎ ምን ለማድረግ አቅደዋል?',
              so: 'Maxaad qorsheynaysaa inaad xigta sameyso?',
            },
            'sensitive',
            {
              choices: [
                c('continue', { en: 'Continue the journey', fr: 'Continuer le voyage', ar: 'مواصلة الرحلة' }),
                c('stay', { en: 'Stay here', fr: 'Rester ici', ar: 'البقاء هنا' }),
                c('return', { en: 'Return home', fr: 'Rentrer au pays', ar: 'العودة إلى البلد' }),
                c('unsure', UNSURE),
                c('refused', REFUSED),
              ],
            },
          ),
          q(
            'dropdown',
            'intended_destination',
            { en: 'Where to?', fr: 'Vers où ?', ar: 'إلى أين؟', fa: 'به کجا؟', ps: 'چېرته؟', ti: 'ናበይ?', am: 'ወዴት?', so: 'Xaggee?' },
            'none',
            { choices: countryChoices([c('dont_know', DONT_KNOW)]), visibleIf: "{intention} = 'continue'" },
          ),
          q(
            'radiogroup',
            'use_smugglers_again',
            {
              en: 'Would you use smugglers again?',
              fr: 'Feriez-vous à nouveau appel à des passeurs ?',
              ar: 'هل ستستعين بالمهربين مرة أخرى؟',
              fa: 'آیا دوباره از قاچاقچیان استفاده می‌کنید؟',
              ps: 'ایا بیا به له قاچاقبرانو کار واخلئ؟',
              ti: 'ደጊምካ ሰብ ኣሕለፍቲ ክትጥቀም ዲኻ?',
              am: 'እንደገና ደላሎችን ይጠቀማሉ?',
              so: 'Mar kale ma isticmaali lahayd musaafuriyaal?',
            },
            'sensitive',
            { choices: [...yesNoUnsure, c('refused', REFUSED)] },
          ),
          q(
            'radiogroup',
            'aware_regular_options',
            {
              en: 'Do you know of regular ways to migrate, or of assisted return?',
              fr: 'Connaissez-vous des voies régulières de migration ou le retour assisté ?',
              ar: 'هل تعرف طرقاً نظامية للهجرة أو برامج العودة بمساعدة؟',
              fa: 'آیا راه‌های قانونی مهاجرت یا بازگشت داوطلبانه را می‌شناسید؟',
              ps: 'ایا د مهاجرت له قانوني لارو یا مرستندویه راستنېدو خبر یاست؟',
              ti: 'ሕጋዊ መንገድታት ስደት ወይ ብሓገዝ ምምላስ ትፈልጥዶ?',
              am: 'ሕጋዊ የስደት መንገዶችን ወይም በእርዳታ መመለስን ያውቃሉ?',
              so: 'Ma taqaanaa waddooyin sharci ah oo lagu haajiro ama ku noqosho la taageeray?',
            },
            'none',
            { choices: yesNoUnsure },
          ),
        ],
      },
      {
        name: 'm9_close',
        visibleIf: consented,
        title: loc({
          en: 'M9 Close',
          fr: 'M9 Clôture',
          ar: 'م9 الختام',
          fa: 'M9 پایان',
          ps: 'M9 پای',
          ti: 'M9 መዛዘሚ',
          am: 'M9 መዝጊያ',
          so: 'M9 Xiritaan',
        }),
        elements: [
          q(
            'radiogroup',
            'referral_card',
            {
              en: 'Referral card offered?',
              fr: "Carte d'orientation proposée ?",
              ar: 'هل عُرضت بطاقة الإحالة؟',
              fa: 'کارت ارجاع پیشنهاد شد؟',
              ps: 'د ارجاع کارت وړاندې شو؟',
              ti: 'ካርድ ምሕላፍ ቀሪቡዶ?',
              am: 'የሪፈራል ካርድ ቀረበ?',
              so: 'Kaarka gudbinta ma la soo bandhigay?',
            },
            'none',
            {
              isRequired: true,
              choices: [
                c('given', { en: 'Offered and taken', fr: 'Proposée et acceptée', ar: 'عُرضت وأُخذت' }),
                c('declined', { en: 'Offered, declined', fr: 'Proposée, refusée', ar: 'عُرضت ورُفضت' }),
              ],
            },
          ),
          q(
            'radiogroup',
            'distress_end',
            {
              en: 'Enumerator: did the respondent show distress during or at the end of the interview?',
              fr: "Enquêteur : la personne a-t-elle montré de la détresse pendant ou à la fin de l'entretien ?",
              ar: 'الباحث الميداني: هل ظهرت على المستجيب علامات ضيق أثناء المقابلة أو في نهايتها؟',
              fa: 'مصاحبه‌گر: آیا پاسخ‌دهنده در طول یا پایان مصاحبه نشانه‌های پریشانی داشت؟',
              ps: 'مرکه کوونکی: ایا ځواب ورکوونکي د مرکې پر مهال یا په پای کې د پرېشانۍ نښې وښودې؟',
            },
            'none',
            {
              isRequired: true,
              choices: [
                c('no', NO),
                c('referred', {
                  en: 'Yes: the distress protocol was followed and a referral made',
                  fr: 'Oui : le protocole de détresse a été suivi et une orientation faite',
                  ar: 'نعم: اتُّبع بروتوكول الضيق وتمت الإحالة',
                }),
                c('declined', {
                  en: 'Yes: the distress protocol was followed; referral declined',
                  fr: 'Oui : le protocole de détresse a été suivi ; orientation refusée',
                  ar: 'نعم: اتُّبع بروتوكول الضيق؛ ورُفضت الإحالة',
                }),
              ],
            },
          ),
          q(
            'comment',
            'enumerator_notes',
            {
              en: 'Enumerator notes (never names or contacts)',
              fr: "Notes de l'enquêteur (jamais de noms ni de contacts)",
              ar: 'ملاحظات الباحث الميداني (دون أسماء أو جهات اتصال أبداً)',
              fa: 'یادداشت‌های مصاحبه‌گر (هرگز نام یا تماس)',
              ps: 'د مرکه کوونکي یادښتونه (هېڅکله نومونه یا اړیکې نه)',
              ti: 'መዘኻኸሪ ኣካይዲ መጽናዕቲ (ስም ወይ ኣድራሻ ፈጺሙ ኣይኮነን)',
              am: 'የጠያቂው ማስታወሻ (ስም ወይም አድራሻ በጭራሽ)',
              so: 'Qoraallada wareysiyaha (weligood magacyo ama xiriir)',
            },
            'free-text',
            { maxLength: 1000 },
          ),
        ],
      },
    ],
  };
}
