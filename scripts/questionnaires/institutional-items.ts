// The institutional (practice) checklist, version 2 (domain.md A.3, the Assessment Guide's scope):
// yes / partly / no per item, with evidence, the kind of source it rests on, a key-informant
// reference kept on the server (never exported), a confidence, and yearly counts broken down where
// they exist. Each item names the gap-analysis elements (version 2) whose practice it tests.
// Version 1 stays published as it was (surveys/som-institutional/1.json).
// English source; French and Arabic machine-drafted.
type L = { en: string; fr: string; ar: string };

export interface PracticeCount {
  key: string;
  label: L;
}
export interface PracticeItem extends L {
  id: string;
  actor: string;
  actorTitle: L;
  /** Gap-analysis elements (som-gap-analysis 2) whose practice this item tests. */
  legal?: string[];
  /** Yearly counts, one number each (a breakdown is several). */
  counts?: PracticeCount[];
  /** A yearly count broken down by nationality (ISO 3166 alpha-3 code and number). */
  byNationality?: L;
  /** A yearly value with its currency (ISO 4217). */
  amount?: L;
  /** Version 1 asked this in the legal gap analysis (the element it was). */
  fromGapElement?: string;
}

export const SECTIONS: Record<string, L & { description?: L }> = {
  situation: {
    en: 'Situation and flows',
    fr: 'Situation et flux',
    ar: 'الوضع والتدفقات',
    description: {
      en: 'What is known of smuggling through, from and to the country in the reference year, from official sources.',
      fr: "Ce que l'on sait du trafic à travers le pays, à partir de celui-ci et vers celui-ci pendant l'année de référence, de sources officielles.",
      ar: 'ما هو معروف عن التهريب عبر البلد ومنه وإليه في السنة المرجعية، من مصادر رسمية.',
    },
  },
  governance: { en: 'Governance', fr: 'Gouvernance', ar: 'الحوكمة' },
  resources: { en: 'Resources', fr: 'Moyens', ar: 'الموارد' },
  law_enforcement: { en: 'Law enforcement and borders', fr: 'Services répressifs et frontières', ar: 'إنفاذ القانون والحدود' },
  maritime: {
    en: 'Maritime actors',
    fr: 'Acteurs maritimes',
    ar: 'الجهات البحرية',
    description: {
      en: 'Search and rescue, interception, disembarkation and requests under Art. 8 of the Protocol.',
      fr: "Recherche et sauvetage, interception, débarquement et demandes au titre de l'art. 8 du Protocole.",
      ar: 'البحث والإنقاذ، والاعتراض، والإنزال، والطلبات بموجب المادة 8 من البروتوكول.',
    },
  },
  corruption: { en: 'Corruption of officials', fr: 'Corruption des agents publics', ar: 'فساد الموظفين العموميين' },
  training: { en: 'Training', fr: 'Formation', ar: 'التدريب' },
  prosecution: { en: 'Prosecution', fr: 'Poursuites', ar: 'النيابة العامة' },
  humanitarian: {
    en: 'Prosecutions of humanitarian actors',
    fr: 'Poursuites contre des acteurs humanitaires',
    ar: 'ملاحقة الجهات الإنسانية',
    description: {
      en: 'Whether rescue, humanitarian help and help from family, given without a financial or other material benefit, are prosecuted as smuggling.',
      fr: "Si le sauvetage, l'aide humanitaire et l'aide de la famille, apportés sans avantage financier ou matériel, sont poursuivis comme trafic.",
      ar: 'هل يُلاحَق الإنقاذ والمساعدة الإنسانية ومساعدة الأسرة، المقدَّمة دون منفعة مالية أو مادية، بوصفها تهريباً.',
    },
  },
  judiciary: { en: 'Judiciary', fr: 'Pouvoir judiciaire', ar: 'القضاء' },
  cooperation: { en: 'International cooperation', fr: 'Coopération internationale', ar: 'التعاون الدولي' },
  prevention: { en: 'Prevention', fr: 'Prévention', ar: 'الوقاية' },
  protection: { en: 'Protection', fr: 'Protection', ar: 'الحماية' },
};

const SEX: PracticeCount[] = [
  { key: 'men', label: { en: 'of whom men', fr: 'dont hommes', ar: 'منهم رجال' } },
  { key: 'women', label: { en: 'of whom women', fr: 'dont femmes', ar: 'منهم نساء' } },
];
const n = (key: string, en: string, fr: string, ar: string): PracticeCount => ({ key, label: { en, fr, ar } });

type Opts = Omit<PracticeItem, 'id' | 'actor' | 'actorTitle' | keyof L>;
const items = (actor: string, list: Array<[string, L, Opts?]>): PracticeItem[] =>
  list.map(([id, t, opts]) => ({ id, actor, actorTitle: SECTIONS[actor]!, ...t, ...(opts ?? {}) }));

export const INSTITUTIONAL: PracticeItem[] = [
  ...items('situation', [
    [
      'sf_routes',
      {
        en: 'The main smuggling routes through, from and to the country (land, sea, air) are documented by the authorities',
        fr: 'Les principaux itinéraires du trafic à travers le pays, à partir de celui-ci et vers celui-ci (terre, mer, air) sont documentés par les autorités',
        ar: 'توثّق السلطات طرق التهريب الرئيسية عبر البلد ومنه وإليه (براً وبحراً وجواً)',
      },
      { legal: ['S10.1'] },
    ],
    [
      'sf_detections',
      {
        en: 'Migrants detected in an irregular situation, at the border or inland, are counted',
        fr: 'Les migrants détectés en situation irrégulière, à la frontière ou sur le territoire, sont dénombrés',
        ar: 'يُحصى المهاجرون الذين يُكتشفون في وضع غير نظامي، على الحدود أو داخل البلد',
      },
      {
        counts: [
          n('total', 'Migrants detected in the year', "Migrants détectés dans l'année", 'عدد المهاجرين المكتشفين خلال السنة'),
          ...SEX,
        ],
        byNationality: {
          en: 'Migrants detected, by nationality',
          fr: 'Migrants détectés, par nationalité',
          ar: 'المهاجرون المكتشفون حسب الجنسية',
        },
      },
    ],
    [
      'sf_deaths',
      {
        en: 'Deaths and disappearances of migrants on the journey (at sea, in the desert) are recorded',
        fr: 'Les décès et disparitions de migrants en cours de route (en mer, dans le désert) sont enregistrés',
        ar: 'تُسجَّل وفيات المهاجرين واختفاؤهم أثناء الرحلة (في البحر أو الصحراء)',
      },
      {
        legal: ['S16.1'],
        counts: [
          n(
            'total',
            'Deaths and disappearances recorded in the year',
            "Décès et disparitions enregistrés dans l'année",
            'عدد الوفيات وحالات الاختفاء المسجلة خلال السنة',
          ),
        ],
      },
    ],
  ]),
  ...items('governance', [
    [
      'gov_strategy',
      {
        en: 'A national strategy or action plan against smuggling of migrants is in force',
        fr: "Une stratégie ou un plan d'action national contre le trafic illicite de migrants est en vigueur",
        ar: 'توجد استراتيجية أو خطة عمل وطنية نافذة لمكافحة تهريب المهاجرين',
      },
    ],
    [
      'gov_coordination',
      {
        en: 'A coordination body brings together the agencies concerned and meets regularly',
        fr: 'Un organe de coordination réunit les services concernés et se réunit régulièrement',
        ar: 'توجد هيئة تنسيق تجمع الأجهزة المعنية وتجتمع بانتظام',
      },
    ],
    [
      'gov_data',
      {
        en: 'Case data are collected and broken down by sex, age and nationality',
        fr: 'Les données sur les affaires sont collectées et ventilées par sexe, âge et nationalité',
        ar: 'تُجمع بيانات القضايا وتُصنَّف حسب الجنس والعمر والجنسية',
      },
    ],
  ]),
  ...items('resources', [
    [
      'res_budget',
      {
        en: 'The agencies concerned have a budget of their own for countering smuggling of migrants',
        fr: 'Les services concernés disposent d’un budget propre pour lutter contre le trafic illicite de migrants',
        ar: 'لدى الأجهزة المعنية ميزانية خاصة بمكافحة تهريب المهاجرين',
      },
    ],
    [
      'res_staff',
      {
        en: 'Specialized investigators and prosecutors are enough for the caseload',
        fr: 'Les enquêteurs et procureurs spécialisés sont en nombre suffisant pour le volume des affaires',
        ar: 'عدد المحققين والمدعين العامين المتخصصين كافٍ لحجم القضايا',
      },
      {
        counts: [
          n('investigators', 'Specialized investigators', 'Enquêteurs spécialisés', 'عدد المحققين المتخصصين'),
          n('prosecutors', 'Specialized prosecutors', 'Procureurs spécialisés', 'عدد المدعين العامين المتخصصين'),
        ],
      },
    ],
    [
      'res_equipment',
      {
        en: 'Border and coast-guard units have the equipment they need (vehicles, boats, document-examination tools)',
        fr: "Les unités de garde-frontières et de garde-côtes disposent de l'équipement nécessaire (véhicules, bateaux, outils d'examen des documents)",
        ar: 'لدى وحدات حرس الحدود وخفر السواحل المعدات اللازمة (مركبات، وقوارب، وأدوات فحص الوثائق)',
      },
    ],
  ]),
  ...items('law_enforcement', [
    [
      'le_unit',
      {
        en: 'A specialized unit investigates smuggling of migrants',
        fr: 'Une unité spécialisée enquête sur le trafic illicite de migrants',
        ar: 'تحقق وحدة متخصصة في تهريب المهاجرين',
      },
    ],
    [
      'bo_controls',
      {
        en: 'Border controls are strengthened, to the extent possible, to prevent and detect smuggling (Art. 11(1))',
        fr: 'Les contrôles aux frontières sont renforcés, dans la mesure du possible, pour prévenir et détecter le trafic (art. 11(1))',
        ar: 'تُعزَّز الضوابط الحدودية، قدر الإمكان، لمنع التهريب وكشفه (المادة 11(1))',
      },
      { legal: ['S11.6'], fromGapElement: 'S11.1' },
    ],
    [
      'le_sop',
      {
        en: 'Standard procedures apply at borders and at disembarkation',
        fr: "Des procédures normalisées s'appliquent aux frontières et au débarquement",
        ar: 'تُطبَّق إجراءات تشغيل موحدة على الحدود وعند الإنزال',
      },
    ],
    [
      'le_screening',
      {
        en: 'Screening separates smuggled migrants, trafficking victims, refugees and children, with referral',
        fr: "Un filtrage distingue les migrants objet d'un trafic, les victimes de la traite, les réfugiés et les enfants, avec orientation",
        ar: 'يفصل الفرز بين المهاجرين المهرَّبين وضحايا الاتجار واللاجئين والأطفال، مع الإحالة',
      },
      { legal: ['S16.4', 'S19.2'] },
    ],
    [
      'le_interpreters',
      {
        en: 'Qualified interpreters are available for interviews',
        fr: 'Des interprètes qualifiés sont disponibles pour les entretiens',
        ar: 'يتوفر مترجمون شفويون مؤهلون للمقابلات',
      },
    ],
    [
      'le_financial',
      {
        en: 'Financial investigations are run alongside smuggling cases',
        fr: 'Des enquêtes financières sont menées parallèlement aux affaires de trafic',
        ar: 'تُجرى تحقيقات مالية بالتوازي مع قضايا التهريب',
      },
      { legal: ['U6.1', 'U12.2'] },
    ],
    [
      'le_sit',
      {
        en: 'Special investigative techniques are used in smuggling cases',
        fr: "Des techniques d'enquête spéciales sont utilisées dans les affaires de trafic",
        ar: 'تُستخدم أساليب التحري الخاصة في قضايا التهريب',
      },
      { legal: ['U20.1', 'U20.2'] },
    ],
    [
      'le_investigations',
      {
        en: 'Smuggling investigations are opened and recorded',
        fr: 'Des enquêtes pour trafic sont ouvertes et enregistrées',
        ar: 'تُفتح تحقيقات في التهريب وتُسجَّل',
      },
      {
        counts: [
          n('total', 'Investigations opened in the year', "Enquêtes ouvertes dans l'année", 'عدد التحقيقات المفتوحة خلال السنة'),
          n('suspects', 'Suspects identified', 'Suspects identifiés', 'عدد المشتبه فيهم المحدَّدين'),
        ],
      },
    ],
  ]),
  ...items('maritime', [
    [
      'sea_cooperation',
      {
        en: 'The State cooperates with other States to prevent and suppress smuggling by sea, in accordance with the law of the sea (Art. 7)',
        fr: "L'État coopère avec d'autres États pour prévenir et réprimer le trafic par mer, conformément au droit de la mer (art. 7)",
        ar: 'تتعاون الدولة مع الدول الأخرى لمنع التهريب عن طريق البحر وقمعه، وفقاً لقانون البحار (المادة 7)',
      },
      { legal: ['S8.1', 'S8.5'], fromGapElement: 'S7.1' },
    ],
    [
      'sea_sar',
      {
        en: 'Search and rescue is coordinated by a rescue coordination centre, and people in distress at sea are rescued whatever their status',
        fr: 'La recherche et le sauvetage sont coordonnés par un centre de coordination, et les personnes en détresse en mer sont secourues quel que soit leur statut',
        ar: 'ينسق مركز لتنسيق الإنقاذ عمليات البحث والإنقاذ، ويُنقذ الأشخاص المعرَّضون للخطر في البحر أياً كان وضعهم',
      },
      {
        legal: ['S16.1'],
        counts: [
          n('operations', 'Rescue operations in the year', "Opérations de sauvetage dans l'année", 'عدد عمليات الإنقاذ خلال السنة'),
          n('rescued', 'Persons rescued', 'Personnes secourues', 'عدد الأشخاص الذين أُنقذوا'),
        ],
      },
    ],
    [
      'sea_interception',
      {
        en: 'Interceptions at sea follow written rules that ensure the safety and humane treatment of the persons on board',
        fr: 'Les interceptions en mer suivent des règles écrites qui garantissent la sécurité et le traitement humain des personnes à bord',
        ar: 'تتبع عمليات الاعتراض في البحر قواعد مكتوبة تكفل سلامة الأشخاص على متن السفينة ومعاملتهم معاملة إنسانية',
      },
      {
        legal: ['S9.1', 'S9.3'],
        counts: [
          n('vessels', 'Vessels intercepted in the year', "Navires interceptés dans l'année", 'عدد السفن المعترَضة خلال السنة'),
          n('persons', 'Persons on board', 'Personnes à bord', 'عدد الأشخاص على متنها'),
        ],
      },
    ],
    [
      'sea_disembarkation',
      {
        en: 'People rescued or intercepted are disembarked in a place of safety and screened and referred on arrival',
        fr: 'Les personnes secourues ou interceptées sont débarquées dans un lieu sûr, puis identifiées et orientées à leur arrivée',
        ar: 'يُنزَل الأشخاص الذين أُنقذوا أو اعتُرضوا في مكان آمن ويخضعون للفرز والإحالة عند الوصول',
      },
      { legal: ['S16.1', 'S19.2'] },
    ],
    [
      'sea_requests',
      {
        en: 'Requests under Art. 8 (confirmation of registry, authorization to board) are sent and answered expeditiously',
        fr: "Les demandes au titre de l'art. 8 (confirmation d'immatriculation, autorisation d'arraisonner) sont envoyées et reçoivent une réponse sans retard",
        ar: 'تُرسَل الطلبات بموجب المادة 8 (تأكيد التسجيل، والإذن بالاعتلاء) ويُرَدّ عليها على وجه السرعة',
      },
      {
        legal: ['S8.2', 'S8.3', 'S8.6'],
        counts: [
          n('sent', 'Requests sent in the year', "Demandes envoyées dans l'année", 'عدد الطلبات المرسلة خلال السنة'),
          n('received', 'Requests received', 'Demandes reçues', 'عدد الطلبات المتلقاة'),
        ],
      },
    ],
  ]),
  ...items('corruption', [
    [
      'cor_cases',
      {
        en: 'Corruption of border, police, coast-guard and judicial officials linked to smuggling is investigated and prosecuted',
        fr: "La corruption d'agents des frontières, de la police, des garde-côtes et de la justice liée au trafic fait l'objet d'enquêtes et de poursuites",
        ar: 'يُحقَّق في رشوة موظفي الحدود والشرطة وخفر السواحل والقضاء المرتبطة بالتهريب ويُلاحَق مرتكبوها',
      },
      {
        legal: ['U8.1', 'U9.2'],
        counts: [
          n(
            'investigated',
            'Officials investigated in the year',
            "Agents ayant fait l'objet d'une enquête dans l'année",
            'عدد الموظفين الذين خضعوا للتحقيق خلال السنة',
          ),
          n('convicted', 'Officials convicted', 'Agents condamnés', 'عدد الموظفين المدانين'),
        ],
      },
    ],
    [
      'cor_integrity',
      {
        en: 'Integrity measures (rotation, asset declarations, internal control) apply to border and coast-guard staff',
        fr: "Des mesures d'intégrité (rotation, déclarations de patrimoine, contrôle interne) s'appliquent au personnel des frontières et des garde-côtes",
        ar: 'تُطبَّق تدابير النزاهة (التناوب، والتصريح بالممتلكات، والرقابة الداخلية) على موظفي الحدود وخفر السواحل',
      },
      { legal: ['U9.1'] },
    ],
  ]),
  ...items('training', [
    [
      'tr_officials',
      {
        en: 'Immigration and other relevant officials receive specialized training on preventing smuggling and on the humane treatment of smuggled migrants (Art. 14(1))',
        fr: "Les agents des services d'immigration et autres agents concernés reçoivent une formation spécialisée sur la prévention du trafic et le traitement humain des migrants qui en sont l'objet (art. 14(1))",
        ar: 'يتلقى موظفو الهجرة وغيرهم من الموظفين المعنيين تدريباً متخصصاً على منع التهريب والمعاملة الإنسانية للمهاجرين المهرَّبين (المادة 14(1))',
      },
      { fromGapElement: 'S14.1' },
    ],
    [
      'tr_topics',
      {
        en: "Training covers document security and fraud detection, criminal intelligence, detection at conventional and non-conventional crossing points, and migrants' rights (Art. 14(2))",
        fr: 'La formation couvre la sécurité des documents et la détection de la fraude, le renseignement criminel, la détection aux points de passage conventionnels et non conventionnels et les droits des migrants (art. 14(2))',
        ar: 'يشمل التدريب أمن الوثائق وكشف التزوير، والاستخبارات الجنائية، والكشف في نقاط العبور التقليدية وغير التقليدية، وحقوق المهاجرين (المادة 14(2))',
      },
      { fromGapElement: 'S14.2' },
    ],
    [
      'tr_frontline',
      {
        en: 'Front-line officers (border guards, coast guards, police) are trained in screening and referral',
        fr: 'Les agents de première ligne (garde-frontières, garde-côtes, police) sont formés au filtrage et à l’orientation',
        ar: 'يُدرَّب موظفو الخطوط الأمامية (حرس الحدود، وخفر السواحل، والشرطة) على الفرز والإحالة',
      },
      {
        counts: [
          n(
            'total',
            'Front-line officers trained in the year',
            "Agents de première ligne formés dans l'année",
            'عدد موظفي الخطوط الأمامية المدرَّبين خلال السنة',
          ),
        ],
      },
    ],
    [
      'tr_prosecutors',
      {
        en: 'Prosecutors are trained on smuggling cases: the financial or other material benefit, aggravation and the non-liability of migrants',
        fr: "Les procureurs sont formés aux affaires de trafic : l'avantage financier ou matériel, les circonstances aggravantes et la non-responsabilité des migrants",
        ar: 'يُدرَّب المدعون العامون على قضايا التهريب: المنفعة المالية أو المادية، والظروف المشددة، وعدم مسؤولية المهاجرين',
      },
      {
        counts: [
          n('total', 'Prosecutors trained in the year', "Procureurs formés dans l'année", 'عدد المدعين العامين المدرَّبين خلال السنة'),
        ],
      },
    ],
  ]),
  ...items('prosecution', [
    [
      'pr_specialized',
      {
        en: 'Specialized prosecutors handle smuggling cases',
        fr: 'Des procureurs spécialisés traitent les affaires de trafic',
        ar: 'يتولى مدعون عامون متخصصون قضايا التهريب',
      },
    ],
    [
      'pr_guidance',
      {
        en: 'Guidance covers financial benefit, aggravating circumstances and the non-liability of migrants (Art. 5)',
        fr: "Des lignes directrices couvrent l'avantage financier, les circonstances aggravantes et la non-responsabilité des migrants (art. 5)",
        ar: 'تغطي التوجيهات المنفعة المالية والظروف المشددة وعدم مسؤولية المهاجرين (المادة 5)',
      },
      { legal: ['S5.1', 'S6.3a', 'S6.3b'] },
    ],
    [
      'pr_evidence',
      {
        en: "Cases are built on evidence that does not rely on migrants' testimony alone",
        fr: 'Les dossiers reposent sur des preuves qui ne dépendent pas du seul témoignage des migrants',
        ar: 'تُبنى القضايا على أدلة لا تعتمد على شهادات المهاجرين وحدها',
      },
    ],
    [
      'pr_outcomes',
      { en: 'Prosecution outcomes are recorded', fr: 'Les résultats des poursuites sont enregistrés', ar: 'تُسجَّل نتائج الملاحقات القضائية' },
      {
        counts: [
          n(
            'total',
            'Persons prosecuted for smuggling in the year',
            "Personnes poursuivies pour trafic dans l'année",
            'عدد الأشخاص الملاحَقين بتهمة التهريب خلال السنة',
          ),
          n('organizers', 'of whom organizers or recruiters', 'dont organisateurs ou recruteurs', 'منهم منظمون أو مجنِّدون'),
          n('drivers', 'of whom boat or vehicle drivers', 'dont pilotes de bateau ou conducteurs', 'منهم قادة قوارب أو سائقو مركبات'),
          ...SEX,
        ],
        byNationality: {
          en: 'Persons prosecuted, by nationality',
          fr: 'Personnes poursuivies, par nationalité',
          ar: 'الأشخاص الملاحَقون حسب الجنسية',
        },
      },
    ],
    [
      'pr_migrants_charged',
      {
        en: 'Migrants are not charged as smugglers for having been smuggled (for example for steering a boat)',
        fr: "Les migrants ne sont pas poursuivis comme passeurs pour avoir fait l'objet d'un trafic (par exemple pour avoir piloté un bateau)",
        ar: 'لا يُتهم المهاجرون بالتهريب لكونهم هُرِّبوا (مثل قيادة قارب)',
      },
      {
        legal: ['S5.1', 'S5.2', 'S5.3'],
        counts: [
          n(
            'total',
            'Migrants prosecuted under the smuggling offences in the year',
            "Migrants poursuivis au titre des infractions de trafic dans l'année",
            'عدد المهاجرين الملاحَقين بموجب جرائم التهريب خلال السنة',
          ),
          n(
            'exit',
            'Migrants prosecuted for irregular exit or entry',
            'Migrants poursuivis pour sortie ou entrée irrégulières',
            'عدد المهاجرين الملاحَقين بسبب الخروج أو الدخول غير النظامي',
          ),
        ],
      },
    ],
  ]),
  ...items('humanitarian', [
    [
      'hu_not_prosecuted',
      {
        en: 'Rescuers, humanitarian workers and family members who help without a financial or other material benefit are not prosecuted for smuggling',
        fr: 'Les sauveteurs, les travailleurs humanitaires et les membres de la famille qui aident sans avantage financier ou matériel ne sont pas poursuivis pour trafic',
        ar: 'لا يُلاحَق المنقذون والعاملون في المجال الإنساني وأفراد الأسرة الذين يساعدون دون منفعة مالية أو مادية بتهمة التهريب',
      },
      {
        legal: ['S6.1d', 'S6.1e'],
        counts: [
          n(
            'rescuers',
            'Rescuers or crew of rescue vessels investigated or prosecuted in the year',
            "Sauveteurs ou équipages de navires de sauvetage visés par une enquête ou des poursuites dans l'année",
            'عدد المنقذين أو أطقم سفن الإنقاذ الذين خضعوا للتحقيق أو الملاحقة خلال السنة',
          ),
          n(
            'aid_workers',
            'Humanitarian workers investigated or prosecuted',
            'Travailleurs humanitaires visés par une enquête ou des poursuites',
            'عدد العاملين في المجال الإنساني الذين خضعوا للتحقيق أو الملاحقة',
          ),
          n(
            'family',
            'Family members investigated or prosecuted',
            'Membres de la famille visés par une enquête ou des poursuites',
            'عدد أفراد الأسرة الذين خضعوا للتحقيق أو الملاحقة',
          ),
        ],
      },
    ],
    [
      'hu_guidance',
      {
        en: 'Prosecution guidance says that help given without a financial or other material benefit is not smuggling',
        fr: "Des lignes directrices en matière de poursuites indiquent que l'aide apportée sans avantage financier ou matériel n'est pas du trafic",
        ar: 'تنص توجيهات الملاحقة على أن المساعدة المقدَّمة دون منفعة مالية أو مادية ليست تهريباً',
      },
      { legal: ['S6.1e'] },
    ],
  ]),
  ...items('judiciary', [
    [
      'ju_training',
      {
        en: 'Judges receive training on smuggling of migrants',
        fr: 'Les juges reçoivent une formation sur le trafic illicite de migrants',
        ar: 'يتلقى القضاة تدريباً على تهريب المهاجرين',
      },
    ],
    [
      'ju_sentences',
      {
        en: 'Sentences are recorded and proportionate',
        fr: 'Les peines sont enregistrées et proportionnées',
        ar: 'تُسجَّل الأحكام وتكون متناسبة',
      },
      {
        legal: ['U11.1'],
        counts: [
          n('total', 'Convictions for smuggling in the year', "Condamnations pour trafic dans l'année", 'عدد الإدانات بالتهريب خلال السنة'),
          n('under1', 'of which sentences under 1 year', 'dont peines de moins d’un an', 'منها أحكام بأقل من سنة'),
          n('1to4', 'of which 1 to under 4 years', 'dont 1 à moins de 4 ans', 'منها من سنة إلى أقل من 4 سنوات'),
          n('4to10', 'of which 4 to under 10 years', 'dont 4 à moins de 10 ans', 'منها من 4 إلى أقل من 10 سنوات'),
          n('10plus', 'of which 10 years or more', 'dont 10 ans ou plus', 'منها 10 سنوات أو أكثر'),
        ],
      },
    ],
    [
      'ju_aggravation',
      {
        en: 'Aggravating circumstances are applied by the courts',
        fr: 'Les circonstances aggravantes sont appliquées par les tribunaux',
        ar: 'تطبق المحاكم الظروف المشددة',
      },
      { legal: ['S6.3a', 'S6.3b'] },
    ],
    [
      'ju_confiscation',
      {
        en: 'Courts order confiscation of proceeds and instruments',
        fr: 'Les tribunaux ordonnent la confiscation des produits et instruments',
        ar: 'تأمر المحاكم بمصادرة العائدات والأدوات',
      },
      {
        legal: ['U12.1'],
        counts: [n('total', 'Confiscation orders in the year', "Décisions de confiscation dans l'année", 'عدد أوامر المصادرة خلال السنة')],
        amount: { en: 'Value confiscated in the year', fr: "Valeur confisquée dans l'année", ar: 'القيمة المصادرة خلال السنة' },
      },
    ],
    [
      'ju_testimony',
      {
        en: 'Testimony can be given under protection (remote, recorded, anonymous)',
        fr: 'Les témoignages peuvent être recueillis sous protection (à distance, enregistrés, anonymes)',
        ar: 'يمكن الإدلاء بالشهادة في ظل الحماية (عن بعد، مسجلة، مجهولة الهوية)',
      },
      { legal: ['U24.1'] },
    ],
  ]),
  ...items('cooperation', [
    [
      'co_mla',
      {
        en: 'Mutual legal assistance requests are sent and answered',
        fr: "Des demandes d'entraide judiciaire sont envoyées et traitées",
        ar: 'تُرسَل طلبات المساعدة القانونية المتبادلة ويُرَدّ عليها',
      },
      {
        legal: ['U18.1'],
        counts: [
          n('sent', 'Requests sent in the year', "Demandes envoyées dans l'année", 'عدد الطلبات المرسلة خلال السنة'),
          n('received', 'Requests received', 'Demandes reçues', 'عدد الطلبات المتلقاة'),
        ],
      },
    ],
    [
      'co_mla_time',
      {
        en: 'Requests are answered within a known time',
        fr: 'Les demandes reçoivent une réponse dans un délai connu',
        ar: 'يُرَدّ على الطلبات في غضون مدة معروفة',
      },
      {
        counts: [
          n(
            'median_days',
            'Median days to answer a request',
            'Nombre médian de jours pour répondre à une demande',
            'الوسيط لعدد الأيام للرد على طلب',
          ),
        ],
      },
    ],
    [
      'co_extradition',
      {
        en: 'Extradition requests in smuggling cases are made and granted',
        fr: "Des demandes d'extradition sont présentées et accordées dans les affaires de trafic",
        ar: 'تُقدَّم طلبات التسليم في قضايا التهريب وتُمنح',
      },
      {
        legal: ['U16.1'],
        counts: [n('total', 'Extradition requests in the year', "Demandes d'extradition dans l'année", 'عدد طلبات التسليم خلال السنة')],
      },
    ],
    [
      'co_jit',
      {
        en: 'Joint investigation teams have been set up',
        fr: "Des équipes communes d'enquête ont été constituées",
        ar: 'أُنشئت فرق تحقيق مشتركة',
      },
      {
        legal: ['U19.1'],
        counts: [
          n(
            'total',
            'Joint investigation teams in the year',
            "Équipes communes d'enquête dans l'année",
            'عدد فرق التحقيق المشتركة خلال السنة',
          ),
        ],
      },
    ],
    [
      'co_liaison',
      {
        en: 'Liaison officers are posted or received',
        fr: 'Des officiers de liaison sont détachés ou accueillis',
        ar: 'يُنتدب ضباط اتصال أو يُستقبلون',
      },
      { fromGapElement: 'U27.1' },
    ],
    [
      'co_interpol',
      {
        en: 'Interpol and Europol channels and databases are used',
        fr: "Les canaux et bases de données d'Interpol et d'Europol sont utilisés",
        ar: 'تُستخدم قنوات الإنتربول واليوروبول وقواعد بياناتهما',
      },
      { fromGapElement: 'U27.1' },
    ],
  ]),
  ...items('prevention', [
    [
      'pv_campaigns',
      {
        en: 'Information programmes tell the public that smuggling is a criminal activity, often of organized groups, and dangerous for migrants (Art. 15(1))',
        fr: "Des programmes d'information font savoir au public que le trafic est une activité criminelle, souvent le fait de groupes organisés, et dangereuse pour les migrants (art. 15(1))",
        ar: 'تُعلم برامج التوعية الجمهور بأن التهريب نشاط إجرامي، كثيراً ما ترتكبه جماعات منظمة، وخطير على المهاجرين (المادة 15(1))',
      },
      { legal: ['S15.4'], fromGapElement: 'S15.1' },
    ],
    [
      'pv_evaluation',
      {
        en: 'Campaigns are evaluated for their effect on the people they address',
        fr: 'Les campagnes sont évaluées quant à leur effet sur les personnes visées',
        ar: 'تُقيَّم الحملات من حيث أثرها على الأشخاص المستهدفين',
      },
    ],
    [
      'pv_root_causes',
      {
        en: 'Development programmes address the socio-economic root causes of smuggling, such as poverty and underdevelopment (Art. 15(3))',
        fr: "Des programmes de développement s'attaquent aux causes socio-économiques profondes du trafic, telles que la pauvreté et le sous-développement (art. 15(3))",
        ar: 'تعالج برامج التنمية الأسباب الاجتماعية والاقتصادية الجذرية للتهريب، كالفقر والتخلف الإنمائي (المادة 15(3))',
      },
      { fromGapElement: 'S15.2' },
    ],
  ]),
  ...items('protection', [
    [
      'pt_violence',
      {
        en: 'Smuggled migrants are protected against violence by individuals or groups (Art. 16(2))',
        fr: "Les migrants objet d'un trafic sont protégés contre la violence de personnes ou de groupes (art. 16(2))",
        ar: 'يُحمى المهاجرون المهرَّبون من العنف الذي يمارسه أفراد أو جماعات (المادة 16(2))',
      },
      { legal: ['S16.1'], fromGapElement: 'S16.2' },
    ],
    [
      'pt_assistance',
      {
        en: 'Migrants whose life or safety is endangered by smuggling receive appropriate assistance (Art. 16(3))',
        fr: 'Les migrants dont la vie ou la sécurité est menacée du fait du trafic reçoivent une assistance appropriée (art. 16(3))',
        ar: 'يتلقى المهاجرون الذين تتعرض حياتهم أو سلامتهم للخطر بسبب التهريب المساعدة المناسبة (المادة 16(3))',
      },
      { legal: ['S16.1'], fromGapElement: 'S16.3' },
    ],
    [
      'pt_care',
      {
        en: 'Medical and psychosocial care is provided to smuggled migrants',
        fr: "Des soins médicaux et psychosociaux sont fournis aux migrants objet d'un trafic",
        ar: 'تُقدَّم الرعاية الطبية والنفسية الاجتماعية للمهاجرين المهرَّبين',
      },
    ],
    [
      'pt_guardianship',
      {
        en: 'Unaccompanied children get a guardian promptly',
        fr: 'Les enfants non accompagnés se voient rapidement désigner un tuteur',
        ar: 'يحصل الأطفال غير المصحوبين على وصي على وجه السرعة',
      },
      { legal: ['S16.4', 'S16.6'] },
    ],
    [
      'pt_alternatives',
      {
        en: 'Alternatives to immigration detention are used',
        fr: 'Des alternatives à la rétention administrative sont utilisées',
        ar: 'تُستخدم بدائل للاحتجاز المتعلق بالهجرة',
      },
    ],
    [
      'pt_consular',
      {
        en: 'Detained migrants are told without delay of their right to consular notification and communication',
        fr: 'Les migrants détenus sont informés sans retard de leur droit à la notification consulaire et à la communication avec les fonctionnaires consulaires',
        ar: 'يُبلَّغ المهاجرون المحتجزون دون تأخير بحقهم في الإخطار القنصلي والاتصال بالموظفين القنصليين',
      },
      { legal: ['S16.5'] },
    ],
    [
      'pt_complaints',
      {
        en: 'Migrants can file complaints against officials',
        fr: 'Les migrants peuvent porter plainte contre des agents',
        ar: 'يمكن للمهاجرين تقديم شكاوى ضد الموظفين',
      },
    ],
    [
      'pt_asylum',
      {
        en: 'Access to asylum is available in practice, including at disembarkation',
        fr: "L'accès à l'asile est possible en pratique, y compris au débarquement",
        ar: 'يتاح الوصول إلى اللجوء عملياً، بما في ذلك عند الإنزال',
      },
      { legal: ['S19.2', 'S19.3'] },
    ],
  ]),
];
