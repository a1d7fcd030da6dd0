// The institutional (practice) checklist of domain.md A.3: yes / partly / no with evidence, and a
// yearly count where one exists. English source; French and Arabic machine-drafted.
type L = { en: string; fr: string; ar: string };
export interface PracticeItem extends L {
  id: string;
  actor: string;
  actorTitle: L;
  count?: L;
}

const G: L = { en: 'Governance', fr: 'Gouvernance', ar: 'الحوكمة' };
const LE: L = { en: 'Law enforcement', fr: 'Services répressifs', ar: 'إنفاذ القانون' };
const P: L = { en: 'Prosecution', fr: 'Poursuites', ar: 'النيابة العامة' };
const J: L = { en: 'Judiciary', fr: 'Pouvoir judiciaire', ar: 'القضاء' };
const C: L = { en: 'International cooperation', fr: 'Coopération internationale', ar: 'التعاون الدولي' };
const PR: L = { en: 'Protection', fr: 'Protection', ar: 'الحماية' };

const item = (actor: string, actorTitle: L, id: string, t: L, count?: L): PracticeItem => ({
  id,
  actor,
  actorTitle,
  ...t,
  ...(count ? { count } : {}),
});

export const INSTITUTIONAL: PracticeItem[] = [
  item('governance', G, 'gov_strategy', {
    en: 'A national strategy or action plan against smuggling of migrants is in force',
    fr: "Une stratégie ou un plan d'action national contre le trafic illicite de migrants est en vigueur",
    ar: 'توجد استراتيجية أو خطة عمل وطنية نافذة لمكافحة تهريب المهاجرين',
  }),
  item('governance', G, 'gov_coordination', {
    en: 'A coordination body brings together the agencies concerned and meets regularly',
    fr: 'Un organe de coordination réunit les services concernés et se réunit régulièrement',
    ar: 'توجد هيئة تنسيق تجمع الأجهزة المعنية وتجتمع بانتظام',
  }),
  item('governance', G, 'gov_data', {
    en: 'Case data are collected and broken down by sex, age and nationality',
    fr: 'Les données sur les affaires sont collectées et ventilées par sexe, âge et nationalité',
    ar: 'تُجمع بيانات القضايا وتُصنَّف حسب الجنس والعمر والجنسية',
  }),
  item('law_enforcement', LE, 'le_unit', {
    en: 'A specialized unit investigates smuggling of migrants',
    fr: 'Une unité spécialisée enquête sur le trafic illicite de migrants',
    ar: 'تحقق وحدة متخصصة في تهريب المهاجرين',
  }),
  item('law_enforcement', LE, 'le_sop', {
    en: 'Standard procedures apply at borders and at disembarkation',
    fr: "Des procédures normalisées s'appliquent aux frontières et au débarquement",
    ar: 'تُطبَّق إجراءات تشغيل موحدة على الحدود وعند الإنزال',
  }),
  item('law_enforcement', LE, 'le_screening', {
    en: 'Screening separates smuggled migrants, trafficking victims, refugees and children, with referral',
    fr: "Un filtrage distingue les migrants objet d'un trafic, les victimes de la traite, les réfugiés et les enfants, avec orientation",
    ar: 'يفصل الفرز بين المهاجرين المهرَّبين وضحايا الاتجار واللاجئين والأطفال، مع الإحالة',
  }),
  item('law_enforcement', LE, 'le_interpreters', {
    en: 'Qualified interpreters are available for interviews',
    fr: 'Des interprètes qualifiés sont disponibles pour les entretiens',
    ar: 'يتوفر مترجمون شفويون مؤهلون للمقابلات',
  }),
  item('law_enforcement', LE, 'le_financial', {
    en: 'Financial investigations are run alongside smuggling cases',
    fr: 'Des enquêtes financières sont menées parallèlement aux affaires de trafic',
    ar: 'تُجرى تحقيقات مالية بالتوازي مع قضايا التهريب',
  }),
  item('law_enforcement', LE, 'le_sit', {
    en: 'Special investigative techniques are used in smuggling cases',
    fr: "Des techniques d'enquête spéciales sont utilisées dans les affaires de trafic",
    ar: 'تُستخدم أساليب التحري الخاصة في قضايا التهريب',
  }),
  item(
    'law_enforcement',
    LE,
    'le_investigations',
    {
      en: 'Smuggling investigations are opened and recorded',
      fr: 'Des enquêtes pour trafic sont ouvertes et enregistrées',
      ar: 'تُفتح تحقيقات في التهريب وتُسجَّل',
    },
    { en: 'Investigations opened in the year', fr: "Enquêtes ouvertes dans l'année", ar: 'عدد التحقيقات المفتوحة خلال السنة' },
  ),
  item('prosecution', P, 'pr_specialized', {
    en: 'Specialized prosecutors handle smuggling cases',
    fr: 'Des procureurs spécialisés traitent les affaires de trafic',
    ar: 'يتولى مدعون عامون متخصصون قضايا التهريب',
  }),
  item('prosecution', P, 'pr_guidance', {
    en: 'Guidance covers financial benefit, aggravating circumstances and the non-liability of migrants (Art. 5)',
    fr: "Des lignes directrices couvrent l'avantage financier, les circonstances aggravantes et la non-responsabilité des migrants (art. 5)",
    ar: 'تغطي التوجيهات المنفعة المالية والظروف المشددة وعدم مسؤولية المهاجرين (المادة 5)',
  }),
  item('prosecution', P, 'pr_evidence', {
    en: "Cases are built on evidence that does not rely on migrants' testimony alone",
    fr: 'Les dossiers reposent sur des preuves qui ne dépendent pas du seul témoignage des migrants',
    ar: 'تُبنى القضايا على أدلة لا تعتمد على شهادات المهاجرين وحدها',
  }),
  item(
    'prosecution',
    P,
    'pr_outcomes',
    { en: 'Prosecution outcomes are recorded', fr: 'Les résultats des poursuites sont enregistrés', ar: 'تُسجَّل نتائج الملاحقات القضائية' },
    {
      en: 'Persons prosecuted for smuggling in the year',
      fr: "Personnes poursuivies pour trafic dans l'année",
      ar: 'عدد الأشخاص الملاحَقين بتهمة التهريب خلال السنة',
    },
  ),
  item(
    'prosecution',
    P,
    'pr_migrants_charged',
    {
      en: 'Migrants are not charged as smugglers for having been smuggled (for example for steering a boat)',
      fr: "Les migrants ne sont pas poursuivis comme passeurs pour avoir fait l'objet d'un trafic (par exemple pour avoir piloté un bateau)",
      ar: 'لا يُتهم المهاجرون بالتهريب لكونهم هُرِّبوا (مثل قيادة قارب)',
    },
    {
      en: 'Migrants prosecuted under the smuggling offences in the year',
      fr: "Migrants poursuivis au titre des infractions de trafic dans l'année",
      ar: 'عدد المهاجرين الملاحَقين بموجب جرائم التهريب خلال السنة',
    },
  ),
  item('judiciary', J, 'ju_training', {
    en: 'Judges receive training on smuggling of migrants',
    fr: 'Les juges reçoivent une formation sur le trafic illicite de migrants',
    ar: 'يتلقى القضاة تدريباً على تهريب المهاجرين',
  }),
  item(
    'judiciary',
    J,
    'ju_sentences',
    {
      en: 'Sentences are recorded and proportionate',
      fr: 'Les peines sont enregistrées et proportionnées',
      ar: 'تُسجَّل الأحكام وتكون متناسبة',
    },
    { en: 'Convictions for smuggling in the year', fr: "Condamnations pour trafic dans l'année", ar: 'عدد الإدانات بالتهريب خلال السنة' },
  ),
  item('judiciary', J, 'ju_aggravation', {
    en: 'Aggravating circumstances are applied by the courts',
    fr: 'Les circonstances aggravantes sont appliquées par les tribunaux',
    ar: 'تطبق المحاكم الظروف المشددة',
  }),
  item(
    'judiciary',
    J,
    'ju_confiscation',
    {
      en: 'Courts order confiscation of proceeds and instruments',
      fr: 'Les tribunaux ordonnent la confiscation des produits et instruments',
      ar: 'تأمر المحاكم بمصادرة العائدات والأدوات',
    },
    { en: 'Confiscation orders in the year', fr: "Décisions de confiscation dans l'année", ar: 'عدد أوامر المصادرة خلال السنة' },
  ),
  item('judiciary', J, 'ju_testimony', {
    en: 'Testimony can be given under protection (remote, recorded, anonymous)',
    fr: 'Les témoignages peuvent être recueillis sous protection (à distance, enregistrés, anonymes)',
    ar: 'يمكن الإدلاء بالشهادة في ظل الحماية (عن بعد، مسجلة، مجهولة الهوية)',
  }),
  item(
    'cooperation',
    C,
    'co_mla',
    {
      en: 'Mutual legal assistance requests are sent and answered',
      fr: "Des demandes d'entraide judiciaire sont envoyées et traitées",
      ar: 'تُرسَل طلبات المساعدة القانونية المتبادلة ويُرَدّ عليها',
    },
    {
      en: 'Mutual legal assistance requests in the year (sent and received)',
      fr: "Demandes d'entraide judiciaire dans l'année (envoyées et reçues)",
      ar: 'عدد طلبات المساعدة القانونية المتبادلة خلال السنة (المرسلة والمتلقاة)',
    },
  ),
  item(
    'cooperation',
    C,
    'co_mla_time',
    {
      en: 'Requests are answered within a known time',
      fr: 'Les demandes reçoivent une réponse dans un délai connu',
      ar: 'يُرَدّ على الطلبات في غضون مدة معروفة',
    },
    {
      en: 'Median days to answer a request',
      fr: 'Nombre médian de jours pour répondre à une demande',
      ar: 'متوسط عدد الأيام للرد على طلب',
    },
  ),
  item(
    'cooperation',
    C,
    'co_extradition',
    {
      en: 'Extradition requests in smuggling cases are made and granted',
      fr: "Des demandes d'extradition sont présentées et accordées dans les affaires de trafic",
      ar: 'تُقدَّم طلبات التسليم في قضايا التهريب وتُمنح',
    },
    { en: 'Extradition requests in the year', fr: "Demandes d'extradition dans l'année", ar: 'عدد طلبات التسليم خلال السنة' },
  ),
  item(
    'cooperation',
    C,
    'co_jit',
    {
      en: 'Joint investigation teams have been set up',
      fr: "Des équipes communes d'enquête ont été constituées",
      ar: 'أُنشئت فرق تحقيق مشتركة',
    },
    {
      en: 'Joint investigation teams in the year',
      fr: "Équipes communes d'enquête dans l'année",
      ar: 'عدد فرق التحقيق المشتركة خلال السنة',
    },
  ),
  item('cooperation', C, 'co_liaison', {
    en: 'Liaison officers are posted or received',
    fr: 'Des officiers de liaison sont détachés ou accueillis',
    ar: 'يُنتدب ضباط اتصال أو يُستقبلون',
  }),
  item('cooperation', C, 'co_interpol', {
    en: 'Interpol and Europol channels and databases are used',
    fr: "Les canaux et bases de données d'Interpol et d'Europol sont utilisés",
    ar: 'تُستخدم قنوات الإنتربول واليوروبول وقواعد بياناتهما',
  }),
  item('protection', PR, 'pt_care', {
    en: 'Medical and psychosocial care is provided to smuggled migrants',
    fr: "Des soins médicaux et psychosociaux sont fournis aux migrants objet d'un trafic",
    ar: 'تُقدَّم الرعاية الطبية والنفسية الاجتماعية للمهاجرين المهرَّبين',
  }),
  item('protection', PR, 'pt_guardianship', {
    en: 'Unaccompanied children get a guardian promptly',
    fr: 'Les enfants non accompagnés se voient rapidement désigner un tuteur',
    ar: 'يحصل الأطفال غير المصحوبين على وصي على وجه السرعة',
  }),
  item('protection', PR, 'pt_alternatives', {
    en: 'Alternatives to immigration detention are used',
    fr: 'Des alternatives à la rétention administrative sont utilisées',
    ar: 'تُستخدم بدائل للاحتجاز المتعلق بالهجرة',
  }),
  item('protection', PR, 'pt_consular', {
    en: 'Consular notification is offered to detained migrants',
    fr: 'La notification consulaire est proposée aux migrants détenus',
    ar: 'يُعرض الإخطار القنصلي على المهاجرين المحتجزين',
  }),
  item('protection', PR, 'pt_complaints', {
    en: 'Migrants can file complaints against officials',
    fr: 'Les migrants peuvent porter plainte contre des agents',
    ar: 'يمكن للمهاجرين تقديم شكاوى ضد الموظفين',
  }),
  item('protection', PR, 'pt_asylum', {
    en: 'Access to asylum is available in practice, including at disembarkation',
    fr: "L'accès à l'asile est possible en pratique, y compris au débarquement",
    ar: 'يتاح الوصول إلى اللجوء عملياً، بما في ذلك عند الإنزال',
  }),
];
