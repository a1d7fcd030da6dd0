// Our own page strings (the forms' texts come from the questionnaires, the renderer's buttons from
// survey-core's locales). English, French and Arabic; the enumerator app also in Farsi/Dari, Pashto,
// Tigrinya, Amharic and Somali (machine drafts, like the questionnaires' own). A missing
// string falls back to English. The chosen language sets the page's lang and dir.
import { directionOf } from '../../questionnaires/translations';

const en = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  username: 'User name',
  password: 'Password',
  wrongPassword: 'Wrong user name or password.',
  language: 'Language',
  questionnaires: 'Questionnaires you can fill',
  drafts: 'Drafts',
  noDrafts: 'No drafts yet.',
  start: 'Start a new one',
  country: 'Country',
  resume: 'Resume',
  lastSaved: 'last saved {time}',
  translations: 'Translations',
  coverage: '{pct}% translated',
  fieldwork: 'Fieldwork',
  heatmap: 'Countries and articles',
  contents: 'Contents',
  answered: '{done} of {total} answered',
  saving: 'Saving…',
  savedAt: 'Saved at {time}',
  notSaved: 'Not saved yet',
  saveFailed: 'Not saved: {reason}. Your answers stay on this page; saving retries on the next change.',
  conflict:
    'Someone else ({who}) saved this questionnaire at {time}, after you opened it. Your last changes are NOT saved, so that theirs are not overwritten. Reload to see their version, then enter your changes again.',
  reload: 'Reload their version',
  submitted: 'Submitted. Thank you.',
  submitErrors: 'The server found {n} problem(s); they are shown on the questions.',
  print: 'Printable view',
  home: 'Home',
  notFound: 'Not found, or not yours to see.',
  // Enumerator app
  deviceTitle: 'Interviews',
  deviceToken: 'Device code (from your coordinator)',
  enrol: 'Use this device',
  newInterview: 'New interview',
  waiting: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  sendNow: 'Send now',
  offline: 'Offline: interviews are kept on this device and sent when the network returns.',
  online: 'Online',
  nextTry: 'next try {time}',
  interviewSaved: 'Interview saved on this device. It will be sent when possible.',
  refusalSaved: 'Interview ended. Only the refusal count is kept.',
  forget: 'Remove this device',
  forgetWarn: '{n} interview(s) have not reached the server yet. Removing the device deletes them. Remove anyway?',
  forgetOk: 'Remove this device from Periplus on this phone?',
  noQuestionnaires: 'No questionnaire is assigned to this device.',
  why: 'why: {reason}',
  needsHttps: 'This app must be opened over https: without it, interviews could not be protected on this phone.',
  choosePinTitle: 'Choose a PIN for this phone',
  choosePinHelp:
    'Interviews on this phone are locked with this PIN: nobody can read them without it. Use at least {n} digits or characters, not one digit repeated and not a run like 123456. The app locks itself when you leave it or after 3 minutes without use. After 5 wrong PINs everything on this phone is deleted: interviews already sent are safe on the server, interviews not yet sent are lost.',
  pin: 'PIN',
  pinAgain: 'The same PIN again',
  setPin: 'Lock interviews with this PIN',
  pinShort: 'The PIN needs at least {n} digits or characters.',
  pinGuessable: 'That PIN is too easy to guess (one digit repeated, or a run like 123456). Choose another.',
  pinMismatch: 'The two PINs differ. Type the same PIN twice.',
  pinWorking: 'Checking the PIN…',
  unlockTitle: 'Locked',
  unlock: 'Unlock',
  wrongPin: 'Wrong PIN. {n} attempt(s) left before everything on this phone is deleted.',
  wiped: 'Too many wrong PINs: everything on this phone was deleted. Ask your coordinator for a new device code.',
  revoked: 'Your coordinator removed this device from Periplus, so everything on it was deleted.',
  revokedLost: '{n} interview(s) not yet sent were deleted with it.',
  lock: 'Lock now',
};
export type StringKey = keyof typeof en;

const fr: Partial<Record<StringKey, string>> = {
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  username: "Nom d'utilisateur",
  password: 'Mot de passe',
  wrongPassword: "Nom d'utilisateur ou mot de passe incorrect.",
  language: 'Langue',
  questionnaires: 'Questionnaires que vous pouvez remplir',
  drafts: 'Brouillons',
  noDrafts: 'Aucun brouillon.',
  start: 'En commencer un nouveau',
  country: 'Pays',
  resume: 'Reprendre',
  lastSaved: 'enregistré {time}',
  translations: 'Traductions',
  coverage: '{pct} % traduit',
  fieldwork: 'Terrain',
  heatmap: 'Pays et articles',
  contents: 'Sommaire',
  answered: '{done} sur {total} répondues',
  saving: 'Enregistrement…',
  savedAt: 'Enregistré à {time}',
  notSaved: 'Pas encore enregistré',
  saveFailed: 'Non enregistré : {reason}. Vos réponses restent sur cette page ; nouvel essai à la prochaine modification.',
  conflict:
    "Quelqu'un d'autre ({who}) a enregistré ce questionnaire à {time}, après que vous l'avez ouvert. Vos dernières modifications ne sont PAS enregistrées, pour ne pas écraser les siennes. Rechargez pour voir sa version, puis saisissez à nouveau vos modifications.",
  reload: 'Recharger sa version',
  submitted: 'Envoyé. Merci.',
  submitErrors: 'Le serveur a trouvé {n} problème(s) ; ils sont indiqués sur les questions.',
  print: 'Version imprimable',
  home: 'Accueil',
  notFound: 'Introuvable, ou hors de votre périmètre.',
  deviceTitle: 'Entretiens',
  deviceToken: "Code de l'appareil (donné par votre coordinateur)",
  enrol: 'Utiliser cet appareil',
  newInterview: 'Nouvel entretien',
  waiting: "En attente d'envoi",
  sent: 'Envoyés',
  failed: 'Échecs',
  sendNow: 'Envoyer maintenant',
  offline: 'Hors ligne : les entretiens restent sur cet appareil et partiront au retour du réseau.',
  online: 'En ligne',
  nextTry: 'prochain essai {time}',
  interviewSaved: 'Entretien enregistré sur cet appareil. Il sera envoyé dès que possible.',
  refusalSaved: 'Entretien terminé. Seul le décompte des refus est conservé.',
  forget: 'Retirer cet appareil',
  forgetWarn: "{n} entretien(s) ne sont pas encore arrivés au serveur. Retirer l'appareil les supprime. Retirer quand même ?",
  forgetOk: 'Retirer Periplus de ce téléphone ?',
  noQuestionnaires: "Aucun questionnaire n'est attribué à cet appareil.",
  why: 'raison : {reason}',
  needsHttps: 'Cette application doit être ouverte en https : sans cela, les entretiens ne pourraient pas être protégés sur ce téléphone.',
  choosePinTitle: 'Choisissez un code PIN pour ce téléphone',
  choosePinHelp:
    "Les entretiens sur ce téléphone sont verrouillés par ce code : personne ne peut les lire sans lui. Au moins {n} chiffres ou caractères, pas un seul chiffre répété ni une suite comme 123456. L'application se verrouille quand vous la quittez ou après 3 minutes sans usage. Après 5 codes erronés, tout est effacé de ce téléphone : les entretiens déjà envoyés sont en sécurité sur le serveur, ceux qui ne l'ont pas été sont perdus.",
  pin: 'Code PIN',
  pinAgain: 'Le même code encore',
  setPin: 'Verrouiller les entretiens avec ce code',
  pinShort: 'Le code doit avoir au moins {n} chiffres ou caractères.',
  pinGuessable: 'Ce code est trop facile à deviner (un chiffre répété, ou une suite comme 123456). Choisissez-en un autre.',
  pinMismatch: 'Les deux codes diffèrent. Tapez deux fois le même code.',
  pinWorking: 'Vérification du code…',
  unlockTitle: 'Verrouillé',
  unlock: 'Déverrouiller',
  wrongPin: 'Code erroné. Encore {n} essai(s) avant que tout soit effacé de ce téléphone.',
  wiped: "Trop de codes erronés : tout a été effacé de ce téléphone. Demandez un nouveau code d'appareil à votre coordinateur.",
  revoked: 'Votre coordinateur a retiré cet appareil de Periplus : tout ce qu’il contenait a été effacé.',
  revokedLost: '{n} entretien(s) pas encore envoyé(s) ont été effacés avec lui.',
  lock: 'Verrouiller',
};

const ar: Partial<Record<StringKey, string>> = {
  signIn: 'تسجيل الدخول',
  signOut: 'تسجيل الخروج',
  username: 'اسم المستخدم',
  password: 'كلمة المرور',
  wrongPassword: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
  language: 'اللغة',
  questionnaires: 'الاستبيانات التي يمكنك تعبئتها',
  drafts: 'المسودات',
  noDrafts: 'لا توجد مسودات بعد.',
  start: 'ابدأ استبياناً جديداً',
  country: 'البلد',
  resume: 'متابعة',
  lastSaved: 'آخر حفظ {time}',
  translations: 'الترجمات',
  coverage: 'مترجم بنسبة {pct}%',
  fieldwork: 'العمل الميداني',
  heatmap: 'البلدان والمواد',
  contents: 'المحتويات',
  answered: 'أُجيب عن {done} من {total}',
  saving: 'جارٍ الحفظ…',
  savedAt: 'حُفظ في {time}',
  notSaved: 'لم يُحفظ بعد',
  saveFailed: 'لم يُحفظ: {reason}. تبقى إجاباتك في هذه الصفحة؛ تُعاد المحاولة عند التغيير التالي.',
  conflict:
    'قام شخص آخر ({who}) بحفظ هذا الاستبيان في {time} بعد أن فتحته. تعديلاتك الأخيرة لم تُحفظ حتى لا تُمحى تعديلاته. أعد التحميل لرؤية نسخته ثم أدخل تعديلاتك مجدداً.',
  reload: 'إعادة تحميل نسخته',
  submitted: 'تم الإرسال. شكراً.',
  submitErrors: 'وجد الخادم {n} مشكلة؛ وهي معروضة على الأسئلة.',
  print: 'نسخة للطباعة',
  home: 'الرئيسية',
  notFound: 'غير موجود أو خارج صلاحياتك.',
  deviceTitle: 'المقابلات',
  deviceToken: 'رمز الجهاز (من المنسق)',
  enrol: 'استخدام هذا الجهاز',
  newInterview: 'مقابلة جديدة',
  waiting: 'بانتظار الإرسال',
  sent: 'أُرسلت',
  failed: 'فشلت',
  sendNow: 'أرسل الآن',
  offline: 'غير متصل: تُحفظ المقابلات على هذا الجهاز وتُرسل عند عودة الشبكة.',
  online: 'متصل',
  nextTry: 'المحاولة التالية {time}',
  interviewSaved: 'حُفظت المقابلة على هذا الجهاز وستُرسل عند الإمكان.',
  refusalSaved: 'انتهت المقابلة. لا يُحفظ إلا عدد حالات الرفض.',
  forget: 'إزالة هذا الجهاز',
  forgetWarn: 'لم تصل {n} مقابلة إلى الخادم بعد. إزالة الجهاز تحذفها. هل تريد الإزالة رغم ذلك؟',
  forgetOk: 'إزالة Periplus من هذا الهاتف؟',
  noQuestionnaires: 'لا يوجد استبيان مخصص لهذا الجهاز.',
  why: 'السبب: {reason}',
  needsHttps: 'يجب فتح هذا التطبيق عبر https: بدونه لا يمكن حماية المقابلات على هذا الهاتف.',
  choosePinTitle: 'اختر رمز PIN لهذا الهاتف',
  choosePinHelp:
    'تُقفل المقابلات على هذا الهاتف بهذا الرمز: لا يمكن لأحد قراءتها بدونه. استخدم {n} أرقام أو أحرف على الأقل، لا رقمًا واحدًا مكررًا ولا تسلسلًا مثل 123456. يُقفل التطبيق نفسه عندما تغادره أو بعد 3 دقائق دون استخدام. بعد 5 رموز خاطئة يُحذف كل ما على الهاتف: المقابلات المرسلة آمنة على الخادم، وغير المرسلة تضيع.',
  pin: 'رمز PIN',
  pinAgain: 'الرمز نفسه مرة أخرى',
  setPin: 'اقفل المقابلات بهذا الرمز',
  pinShort: 'يحتاج الرمز إلى {n} أرقام أو أحرف على الأقل.',
  pinGuessable: 'هذا الرمز سهل التخمين (رقم مكرر أو تسلسل مثل 123456). اختر غيره.',
  pinMismatch: 'الرمزان مختلفان. اكتب الرمز نفسه مرتين.',
  pinWorking: 'جارٍ التحقق من الرمز…',
  unlockTitle: 'مقفل',
  unlock: 'افتح القفل',
  wrongPin: 'رمز خاطئ. بقيت {n} محاولة قبل حذف كل ما على هذا الهاتف.',
  wiped: 'رموز خاطئة كثيرة: حُذف كل ما على هذا الهاتف. اطلب رمز جهاز جديدًا من المنسق.',
  revoked: 'أزال المنسق هذا الجهاز من Periplus، فحُذف كل ما عليه.',
  revokedLost: 'حُذفت معه {n} مقابلة لم تُرسل بعد.',
  lock: 'اقفل الآن',
};

const fa: Partial<Record<StringKey, string>> = {
  language: 'زبان',
  deviceTitle: 'مصاحبه‌ها',
  deviceToken: 'کد دستگاه (از هماهنگ‌کننده)',
  enrol: 'استفاده از این دستگاه',
  newInterview: 'مصاحبه جدید',
  waiting: 'در انتظار ارسال',
  sent: 'ارسال‌شده',
  failed: 'ناموفق',
  sendNow: 'اکنون ارسال کن',
  offline: 'آفلاین: مصاحبه‌ها روی این دستگاه می‌مانند و با بازگشت شبکه ارسال می‌شوند.',
  online: 'آنلاین',
  nextTry: 'تلاش بعدی {time}',
  interviewSaved: 'مصاحبه روی این دستگاه ذخیره شد و در اولین فرصت ارسال می‌شود.',
  refusalSaved: 'مصاحبه پایان یافت. فقط شمار امتناع نگه داشته می‌شود.',
  forget: 'حذف این دستگاه',
  forgetWarn: '{n} مصاحبه هنوز به سرور نرسیده است. حذف دستگاه آن‌ها را پاک می‌کند. باز هم حذف شود؟',
  forgetOk: 'Periplus از این تلفن حذف شود؟',
  noQuestionnaires: 'هیچ پرسشنامه‌ای به این دستگاه داده نشده است.',
  why: 'دلیل: {reason}',
};

const ps: Partial<Record<StringKey, string>> = {
  language: 'ژبه',
  deviceTitle: 'مرکې',
  deviceToken: 'د آلې کوډ (له همغږي کوونکي)',
  enrol: 'دا آله وکاروئ',
  newInterview: 'نوې مرکه',
  waiting: 'د لېږلو په تمه',
  sent: 'لېږل شوې',
  failed: 'ناکامې',
  sendNow: 'اوس یې ولېږئ',
  offline: 'آفلاین: مرکې په دې آله کې پاتې کېږي او د شبکې په راتګ سره لېږل کېږي.',
  online: 'آنلاین',
  nextTry: 'بله هڅه {time}',
  interviewSaved: 'مرکه په دې آله کې خوندي شوه او ژر تر ژره به ولېږل شي.',
  refusalSaved: 'مرکه پای ته ورسېده. یوازې د انکار شمېر ساتل کېږي.',
  forget: 'دا آله لرې کړئ',
  forgetWarn: '{n} مرکې لا سرور ته نه دي رسېدلې. د آلې لرې کول یې ړنګوي. بیا هم لرې یې کړو؟',
  forgetOk: 'Periplus له دې تلیفون څخه لرې کړو؟',
  noQuestionnaires: 'دې آلې ته هېڅ پوښتنلیک نه دی ورکړل شوی.',
  why: 'لامل: {reason}',
};

const ti: Partial<Record<StringKey, string>> = {
  language: 'ቋንቋ',
  deviceTitle: 'ቃለ-መሕትታት',
  deviceToken: 'ኮድ መሳርሒ (ካብ ኣወሃሃዲ)',
  enrol: 'ነዚ መሳርሒ ተጠቐም',
  newInterview: 'ሓድሽ ቃለ-መሕትት',
  waiting: 'ንምልኣኽ ዝጽበ',
  sent: 'ዝተላእከ',
  failed: 'ዘይተዓወተ',
  sendNow: 'ሕጂ ስደድ',
  offline: 'ካብ መርበብ ወጻኢ፡ ቃለ-መሕትታት ኣብዚ መሳርሒ ይጸንሑ፡ መርበብ ምስ ተመልሰ ይለኣኹ።',
  online: 'ኣብ መርበብ',
  nextTry: 'ዝቕጽል ፈተነ {time}',
  interviewSaved: 'ቃለ-መሕትት ኣብዚ መሳርሒ ተዓቂቡ። ኣብ ዝከኣል ግዜ ክለኣኽ እዩ።',
  refusalSaved: 'ቃለ-መሕትት ተዛዚሙ። ቁጽሪ ምንጻግ ጥራይ ይዕቀብ።',
  forget: 'ነዚ መሳርሒ ኣወግድ',
  forgetWarn: '{n} ቃለ-መሕትት ገና ናብ ሰርቨር ኣይበጽሐን። መሳርሒ ምውጋድ ይድምስሶ። ብዘየገድስ ይወገድ?',
  forgetOk: 'Periplus ካብዚ ተሌፎን ይወገድ?',
  noQuestionnaires: 'ነዚ መሳርሒ ዝተመደበ ሕቶታት የለን።',
  why: 'ምኽንያት፡ {reason}',
};

const am: Partial<Record<StringKey, string>> = {
  language: 'ቋንቋ',
  deviceTitle: 'ቃለ መጠይቆች',
  deviceToken: 'የመሣሪያ ኮድ (ከአስተባባሪዎ)',
  enrol: 'ይህን መሣሪያ ተጠቀም',
  newInterview: 'አዲስ ቃለ መጠይቅ',
  waiting: 'ለመላክ በመጠባበቅ ላይ',
  sent: 'የተላኩ',
  failed: 'ያልተሳኩ',
  sendNow: 'አሁን ላክ',
  offline: 'ከመስመር ውጭ፦ ቃለ መጠይቆች በዚህ መሣሪያ ላይ ይቆያሉ፤ ኔትወርክ ሲመለስ ይላካሉ።',
  online: 'በመስመር ላይ',
  nextTry: 'ቀጣይ ሙከራ {time}',
  interviewSaved: 'ቃለ መጠይቁ በዚህ መሣሪያ ላይ ተቀምጧል። በተቻለ ጊዜ ይላካል።',
  refusalSaved: 'ቃለ መጠይቁ አብቅቷል። የእምቢታ ቁጥር ብቻ ይቀመጣል።',
  forget: 'ይህን መሣሪያ አስወግድ',
  forgetWarn: '{n} ቃለ መጠይቅ ገና ወደ ሰርቨሩ አልደረሰም። መሣሪያውን ማስወገድ ይሰርዛቸዋል። ቢሆንም ይወገድ?',
  forgetOk: 'Periplus ከዚህ ስልክ ይወገድ?',
  noQuestionnaires: 'ለዚህ መሣሪያ የተመደበ መጠይቅ የለም።',
  why: 'ምክንያት፦ {reason}',
};

const so: Partial<Record<StringKey, string>> = {
  language: 'Luqadda',
  deviceTitle: 'Wareysiyada',
  deviceToken: 'Koodhka qalabka (isku-duwahaaga)',
  enrol: 'Isticmaal qalabkan',
  newInterview: 'Wareysi cusub',
  waiting: 'Sugaya in la diro',
  sent: 'La diray',
  failed: 'Fashilmay',
  sendNow: 'Hadda dir',
  offline: 'Khadka ka maqan: wareysiyadu qalabkan ayay ku jiraan, waxaana la diraa marka shabakaddu soo noqoto.',
  online: 'Khadka ku jira',
  nextTry: 'isku day xiga {time}',
  interviewSaved: 'Wareysiga waxaa lagu kaydiyay qalabkan. Waa la diri doonaa marka ay suurtagal tahay.',
  refusalSaved: 'Wareysigu wuu dhammaaday. Tirada diidmada oo keliya ayaa la hayaa.',
  forget: 'Ka saar qalabkan',
  forgetWarn: '{n} wareysi weli ma gaarin server-ka. Ka saaristu way tirtiraysaa. Weli ma la saaraa?',
  forgetOk: 'Ma ka saaraa Periplus taleefankan?',
  noQuestionnaires: 'Qalabkan looma qoondeyn wax su\u2019aalo ah.',
  why: 'sababta: {reason}',
};

const TABLES: Record<string, Partial<Record<StringKey, string>>> = { en, fr, ar, fa, ps, ti, am, so };
export const PAGE_LANGUAGES = ['en', 'fr', 'ar'] as const;

let lang = 'en';

/** The language to start in: the one saved last, else the browser's first we have. */
export function initialLanguage(available: readonly string[] = PAGE_LANGUAGES): string {
  const saved = localStorage.getItem('periplus.lang');
  if (saved && available.includes(saved)) return saved;
  for (const l of navigator.languages ?? []) {
    const base = l.toLowerCase().split('-')[0]!;
    if (available.includes(base)) return base;
  }
  return available[0] ?? 'en';
}

/** Sets our strings' language and the document's lang and direction. */
export function setLanguage(next: string): void {
  lang = next;
  localStorage.setItem('periplus.lang', next);
  document.documentElement.lang = next;
  document.documentElement.dir = directionOf(next);
}

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  const text = TABLES[lang]?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Time of day in the page language (Arabic-Indic digits for Arabic, as people read them). */
export function timeOf(d: Date | string): string {
  return new Date(d).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
export function dateTimeOf(d: Date | string): string {
  return new Date(d).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}
