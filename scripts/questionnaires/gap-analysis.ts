// Builds the legislative gap analysis (one panel per element, answered with the template of
// domain.md A.0) and the institutional assessment (A.3) as SurveyJS JSON.
import { CLUSTERS, ELEMENTS, REMOVED, type GapElement } from './gap-elements';
import { INSTITUTIONAL, SECTIONS, type PracticeItem } from './institutional-items';
import { ISO_ALPHA3 } from '../../src/access/countries';
import { esc } from '../../src/reports/html';
import { TREATY } from './treaty-text';

type L = { en: string; fr: string; ar: string };
const loc = (t: L) => ({ default: t.en, fr: t.fr, ar: t.ar });
/** SurveyJS question names: dots and parentheses are not safe in expressions. */
export const elementKey = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

const STATUS = [
  { value: 'fully', text: loc({ en: 'Fully met', fr: 'Pleinement respecté', ar: 'مستوفى بالكامل' }) },
  { value: 'partly', text: loc({ en: 'Partly met', fr: 'Partiellement respecté', ar: 'مستوفى جزئياً' }) },
  { value: 'not', text: loc({ en: 'Not met', fr: 'Non respecté', ar: 'غير مستوفى' }) },
  { value: 'na', text: loc({ en: 'Not applicable', fr: 'Sans objet', ar: 'لا ينطبق' }) },
  { value: 'nd', text: loc({ en: 'Not determined', fr: 'Non déterminé', ar: 'لم يُحدَّد' }) },
];
const LEVEL = [
  { value: 'high', text: loc({ en: 'High', fr: 'Élevée', ar: 'عالية' }) },
  { value: 'medium', text: loc({ en: 'Medium', fr: 'Moyenne', ar: 'متوسطة' }) },
  { value: 'low', text: loc({ en: 'Low', fr: 'Faible', ar: 'منخفضة' }) },
];
const OBLIGATION: Record<GapElement['obligation'], L> = {
  M: { en: 'Mandatory ("shall")', fr: 'Obligatoire (« doit »)', ar: 'إلزامي («تعتمد»)' },
  C: {
    en: 'Mandatory, subject to the basic concepts of the legal system',
    fr: 'Obligatoire, sous réserve des principes fondamentaux du système juridique',
    ar: 'إلزامي، رهناً بالمفاهيم الأساسية للنظام القانوني',
  },
  O: {
    en: 'Optional ("shall consider", "where appropriate", "may"): good-practice score only',
    fr: 'Facultatif (« envisage », « lorsqu’il y a lieu », « peut ») : score de bonnes pratiques seulement',
    ar: 'اختياري («تنظر في»، «حيثما اقتضى الأمر»، «يجوز»): درجة الممارسات الجيدة فقط',
  },
  G: {
    en: 'Good practice: no treaty article requires it; good-practice score only, never a cap',
    fr: "Bonne pratique : aucun article ne l'exige ; score de bonnes pratiques seulement, jamais un plafond",
    ar: 'ممارسة جيدة: لا تشترطها أي مادة من المعاهدة؛ درجة الممارسات الجيدة فقط، ولا تحدّ الدرجة أبداً',
  },
};
const CORE: L = {
  en: '. Core element: if not met, its article and cluster are non-compliant; if not determined, they are not rated',
  fr: ". Élément essentiel : s'il n'est pas respecté, son article et son groupe sont non conformes ; s'il n'est pas déterminé, ils ne sont pas notés",
  ar: '. عنصر أساسي: إذا لم يُستوفَ، تكون مادته ومجموعته غير ممتثلتين؛ وإذا لم يُحدَّد، لا تُقيَّمان',
};
/**
 * The treaty text an element tests, in the form language: the official English and French texts;
 * the Arabic form shows the English one under a caption saying the official Arabic text is not
 * transcribed yet (translationStatus.treatyText).
 */
function treatyHtml(e: GapElement): L {
  const quote = (lang: 'en' | 'fr') =>
    e.treaty.map((ref) => `<p><strong>${esc(ref)}</strong> <span lang="${lang}">${esc(TREATY[ref]![lang])}</span></p>`).join('');
  const guidance = (lang: keyof L) => (e.guidance ? `<p class="guidance">${esc(e.guidance[lang])}</p>` : '');
  return {
    en: `<blockquote class="treaty" lang="en">${quote('en')}</blockquote>${guidance('en')}`,
    fr: `<blockquote class="treaty" lang="fr">${quote('fr')}</blockquote>${guidance('fr')}`,
    ar: `<p>نص المعاهدة (النص الرسمي بالإنكليزية؛ النص العربي الرسمي لم يُدرج هنا بعد):</p><blockquote class="treaty" lang="en" dir="ltr">${quote('en')}</blockquote>${guidance('ar')}`,
  };
}

function elementPanel(e: GapElement) {
  const k = elementKey(e.id);
  const status = `{${k}_status}`;
  const metOrPartly = `${status} anyof ['fully', 'partly']`;
  const gap = `${status} anyof ['partly', 'not']`;
  const fully = `${status} = 'fully'`;
  return {
    type: 'panel',
    name: `element_${k}`,
    title: { default: `${e.id} · ${e.article}: ${e.en}`, fr: `${e.id} · ${e.article} : ${e.fr}`, ar: `${e.id} · ${e.article}: ${e.ar}` },
    description: loc({
      en: `${OBLIGATION[e.obligation].en}${e.core ? CORE.en : ''}`,
      fr: `${OBLIGATION[e.obligation].fr}${e.core ? CORE.fr : ''}`,
      ar: `${OBLIGATION[e.obligation].ar}${e.core ? CORE.ar : ''}`,
    }),
    state: 'collapsed',
    elements: [
      { type: 'html', name: `${k}_treaty`, html: loc(treatyHtml(e)) },
      {
        type: 'radiogroup',
        name: `${k}_status`,
        title: loc({ en: 'Status', fr: 'Statut', ar: 'الحالة' }),
        choices: STATUS,
        colCount: 5,
        isRequired: true,
        articleRef: e.article,
        cluster: e.cluster,
        obligation: e.obligation,
        coreElement: Boolean(e.core),
        elementId: e.id,
        ...(e.change ? { changeNote: e.change } : {}),
        sdcRole: 'none',
      },
      {
        type: 'comment',
        name: `${k}_na_reason`,
        title: loc({ en: 'Why is it not applicable?', fr: 'Pourquoi est-ce sans objet ?', ar: 'لماذا لا ينطبق؟' }),
        visibleIf: `${status} = 'na'`,
        isRequired: e.obligation === 'C' || Boolean(e.whereApplicable),
        sdcRole: 'none',
      },
      {
        type: 'text',
        name: `${k}_instrument`,
        title: loc({
          en: 'National provision: instrument (law in force only; bills go in the notes)',
          fr: 'Disposition nationale : instrument (droit en vigueur seulement ; les projets vont dans les notes)',
          ar: 'الحكم الوطني: الصك (القانون النافذ فقط؛ تُدرج المشاريع في الملاحظات)',
        }),
        visibleIf: metOrPartly,
        requiredIf: fully,
        requiredErrorText: CITE,
        sdcRole: 'none',
      },
      {
        type: 'text',
        name: `${k}_article`,
        title: loc({ en: 'Article', fr: 'Article', ar: 'المادة' }),
        visibleIf: metOrPartly,
        requiredIf: fully,
        requiredErrorText: CITE,
        startWithNewLine: false,
        sdcRole: 'none',
      },
      {
        type: 'text',
        name: `${k}_in_force`,
        inputType: 'date',
        title: loc({ en: 'In force since', fr: 'En vigueur depuis', ar: 'نافذ منذ' }),
        visibleIf: metOrPartly,
        startWithNewLine: false,
        sdcRole: 'none',
      },
      {
        type: 'comment',
        name: `${k}_evidence`,
        title: loc({
          en: 'Evidence (excerpt, regulation, case law, practice data; source and date)',
          fr: 'Éléments de preuve (extrait, règlement, jurisprudence, données de pratique ; source et date)',
          ar: 'الأدلة (مقتطف، لائحة، سوابق قضائية، بيانات الممارسة؛ المصدر والتاريخ)',
        }),
        sdcRole: 'none',
      },
      { type: 'comment', name: `${k}_gap`, title: loc({ en: 'Gap', fr: 'Lacune', ar: 'الفجوة' }), visibleIf: gap, sdcRole: 'none' },
      {
        type: 'comment',
        name: `${k}_recommendation`,
        title: loc({ en: 'Recommendation', fr: 'Recommandation', ar: 'التوصية' }),
        visibleIf: gap,
        sdcRole: 'none',
      },
      {
        type: 'dropdown',
        name: `${k}_priority`,
        title: loc({ en: 'Priority', fr: 'Priorité', ar: 'الأولوية' }),
        choices: LEVEL,
        visibleIf: gap,
        sdcRole: 'none',
      },
      {
        type: 'dropdown',
        name: `${k}_confidence`,
        title: loc({ en: 'Confidence in this answer', fr: 'Degré de confiance dans cette réponse', ar: 'درجة الثقة في هذه الإجابة' }),
        choices: LEVEL,
        startWithNewLine: false,
        sdcRole: 'none',
      },
      {
        type: 'comment',
        name: `${k}_notes`,
        title: loc({
          en: 'Notes (bills, pending reforms)',
          fr: 'Notes (projets de loi, réformes en cours)',
          ar: 'ملاحظات (مشاريع القوانين، الإصلاحات الجارية)',
        }),
        sdcRole: 'none',
      },
    ],
  };
}

/** "Fully met" is refused without the national provision that meets it. */
const CITE = loc({
  en: 'A fully met element must cite the national provision: the instrument and its article.',
  fr: 'Un élément pleinement respecté doit citer la disposition nationale : l’instrument et son article.',
  ar: 'يجب أن يُذكر للعنصر المستوفى بالكامل الحكمُ الوطني: الصك ومادته.',
});

const TRANSLATION_NOTE = { en: 'source', fr: 'machine-draft', ar: 'machine-draft' };

export function gapAnalysis() {
  const clusters = Object.keys(CLUSTERS) as Array<keyof typeof CLUSTERS>;
  return {
    title: loc({
      en: 'Legislative gap analysis: Smuggling of Migrants Protocol and UNTOC',
      fr: 'Analyse des lacunes législatives : Protocole contre le trafic illicite de migrants et UNTOC',
      ar: 'تحليل الثغرات التشريعية: بروتوكول مكافحة تهريب المهاجرين واتفاقية الجريمة المنظمة',
    }),
    description: loc({
      en: `Version 2. One answer per obligation (${ELEMENTS.length} elements in five clusters), each shown with the treaty text it tests. Only law in force counts; date the legal snapshot. "Fully met" must cite the national provision. Practice is assessed in the institutional checklist, never here.`,
      fr: `Version 2. Une réponse par obligation (${ELEMENTS.length} éléments en cinq groupes), chacune présentée avec le texte conventionnel qu'elle examine. Seul le droit en vigueur compte ; datez l'état du droit. « Pleinement respecté » doit citer la disposition nationale. La pratique est évaluée dans la liste institutionnelle, jamais ici.`,
      ar: `الإصدار 2. إجابة واحدة لكل التزام (${ELEMENTS.length} عنصراً في خمس مجموعات)، يُعرض كل منها مع نص المعاهدة الذي يختبره. لا يُحتسب إلا القانون النافذ؛ أرّخ اللقطة القانونية. يجب أن تذكر إجابة «مستوفى بالكامل» الحكم الوطني. تُقيَّم الممارسة في قائمة التقييم المؤسسي، لا هنا.`,
    }),
    family: 'assessment',
    languages: ['en', 'fr', 'ar'],
    translationStatus: TRANSLATION_NOTE,
    // What this version changed (per element: the status question's changeNote) and what it dropped.
    versionNotes: {
      summary:
        'Version 2 corrects version 1 against the treaty texts: obligation types per paragraph (mixed paragraphs split), the four-year penalty and two other elements as good practice (G) instead of obligations, Art. 19 as a saving clause, missing obligations added (8(3), 8(5), 8(7), 9(3), 11(2), 12(b), 15(2), 17, UNTOC 5(1)(b), 6, 9, 25, 26), the non-criminalization of smuggled migrants tested against irregular exit and entry offences (S5.3), and practice moved to som-institutional 2.',
      treatyText: { en: 'official', fr: 'official', ar: 'not transcribed: the English text is shown' },
      removed: REMOVED,
    },
    practiceQuestionnaire: 'som-institutional',
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onComplete',
    pages: [
      {
        name: 'snapshot',
        title: loc({ en: 'Legal snapshot', fr: 'État du droit', ar: 'اللقطة القانونية' }),
        elements: [
          {
            type: 'text',
            name: 'snapshot_date',
            inputType: 'date',
            isRequired: true,
            title: loc({
              en: 'Date of the legal snapshot (law in force on)',
              fr: "Date de l'état du droit (droit en vigueur au)",
              ar: 'تاريخ اللقطة القانونية (القانون النافذ في)',
            }),
            sdcRole: 'none',
          },
          {
            type: 'comment',
            name: 'sources',
            title: loc({ en: 'Main sources consulted', fr: 'Principales sources consultées', ar: 'المصادر الرئيسية التي تمت استشارتها' }),
            sdcRole: 'none',
          },
        ],
      },
      ...clusters.map((c) => ({
        name: `cluster_${c}`,
        title: loc(CLUSTERS[c]),
        description: CLUSTERS[c].articles,
        elements: ELEMENTS.filter((e) => e.cluster === c).map(elementPanel),
      })),
    ],
  };
}

/** The currencies of the region's countries of origin, transit and destination (ISO 4217). */
const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'TND',
  'LYD',
  'DZD',
  'MAD',
  'EGP',
  'SDG',
  'NGN',
  'XOF',
  'XAF',
  'ETB',
  'ERN',
  'TRY',
  'SYP',
  'IQD',
  'AFN',
  'PKR',
  'BDT',
];

const SOURCE_TYPES = [
  { value: 'law', text: loc({ en: 'Law or regulation', fr: 'Loi ou règlement', ar: 'قانون أو لائحة' }) },
  { value: 'statistics', text: loc({ en: 'Official statistics', fr: 'Statistiques officielles', ar: 'إحصاءات رسمية' }) },
  { value: 'interview', text: loc({ en: 'Key-informant interview', fr: 'Entretien avec un informateur clé', ar: 'مقابلة مع مُخبر رئيسي' }) },
  { value: 'document', text: loc({ en: 'Document or report', fr: 'Document ou rapport', ar: 'وثيقة أو تقرير' }) },
];

/** The questions of one practice item: the answer, its evidence and source, and its yearly counts. */
function practiceQuestions(i: PracticeItem, answer: unknown[]) {
  const answered = `{${i.id}} notempty`;
  const legal = i.legal?.length
    ? loc({
        en: `Tests gap-analysis element${i.legal.length > 1 ? 's' : ''} ${i.legal.join(', ')}`,
        fr: `Examine l'application des éléments ${i.legal.join(', ')} de l'analyse des lacunes`,
        ar: `يختبر تطبيق العناصر ${i.legal.join('، ')} من تحليل الثغرات`,
      })
    : undefined;
  const number = (name: string, title: L) => ({ type: 'text', inputType: 'number', name, min: 0, title: loc(title), sdcRole: 'none' });
  // Closed lists, never typed codes: ISO 3166 alpha-3 countries; the currencies of the region.
  const code = (name: string, title: L, codes: readonly string[]) => ({
    type: 'dropdown',
    name,
    title: loc(title),
    choices: [...codes],
    sdcRole: 'none',
  });
  return [
    {
      type: 'radiogroup',
      name: i.id,
      title: loc(i),
      ...(legal ? { description: legal } : {}),
      choices: answer,
      colCount: 4,
      practiceIndicator: i.actor,
      ...(i.legal?.length ? { legalElements: i.legal } : {}),
      sdcRole: 'none',
    },
    {
      type: 'comment',
      name: `${i.id}_evidence`,
      title: loc({ en: 'Evidence', fr: 'Éléments de preuve', ar: 'الأدلة' }),
      visibleIf: answered,
      sdcRole: 'none',
    },
    {
      type: 'checkbox',
      name: `${i.id}_source`,
      title: loc({ en: 'Source of the answer', fr: 'Source de la réponse', ar: 'مصدر الإجابة' }),
      choices: SOURCE_TYPES,
      colCount: 4,
      visibleIf: answered,
      sdcRole: 'none',
    },
    {
      type: 'text',
      name: `${i.id}_informant`,
      title: loc({
        en: 'Key-informant reference (a code from your own list, never a name; kept on the server, never exported)',
        fr: "Référence de l'informateur clé (un code de votre propre liste, jamais un nom ; conservée sur le serveur, jamais exportée)",
        ar: 'مرجع المُخبر الرئيسي (رمز من قائمتك الخاصة، وليس اسماً أبداً؛ يُحفظ على الخادم ولا يُصدَّر أبداً)',
      }),
      visibleIf: `{${i.id}_source} contains 'interview'`,
      maxLength: 40,
      sdcRole: 'direct',
    },
    {
      type: 'dropdown',
      name: `${i.id}_confidence`,
      title: loc({ en: 'Confidence in this answer', fr: 'Degré de confiance dans cette réponse', ar: 'درجة الثقة في هذه الإجابة' }),
      choices: LEVEL,
      visibleIf: answered,
      startWithNewLine: false,
      sdcRole: 'none',
    },
    ...(i.counts ?? []).map((c) => number(`${i.id}_count_${c.key}`, c.label)),
    ...(i.byNationality
      ? [
          {
            type: 'paneldynamic',
            name: `${i.id}_count_by_nationality`,
            title: loc(i.byNationality),
            panelAddText: loc({ en: 'Add a nationality', fr: 'Ajouter une nationalité', ar: 'إضافة جنسية' }),
            minPanelCount: 0,
            maxPanelCount: 60,
            sdcRole: 'none',
            templateElements: [
              code(
                `${i.id}_nationality`,
                {
                  en: 'Nationality (ISO 3166 alpha-3 code, e.g. NGA)',
                  fr: 'Nationalité (code ISO 3166 alpha-3, p. ex. NGA)',
                  ar: 'الجنسية (رمز ISO 3166 الثلاثي، مثل NGA)',
                },
                [...ISO_ALPHA3].sort(),
              ),
              { ...number(`${i.id}_number`, { en: 'Number', fr: 'Nombre', ar: 'العدد' }), startWithNewLine: false },
            ],
          },
        ]
      : []),
    ...(i.amount
      ? [
          number(`${i.id}_value`, i.amount),
          {
            ...code(
              `${i.id}_value_currency`,
              {
                en: 'Currency (ISO 4217; convert any other to USD at the year’s average rate)',
                fr: 'Monnaie (ISO 4217 ; convertissez toute autre en USD au taux moyen de l’année)',
                ar: 'العملة (ISO 4217؛ حوِّل أي عملة أخرى إلى الدولار الأمريكي بمتوسط سعر السنة)',
              },
              CURRENCIES,
            ),
            requiredIf: `{${i.id}_value} notempty`,
            startWithNewLine: false,
          },
        ]
      : []),
  ];
}

export function institutionalAssessment() {
  const answer = [
    { value: 'yes', text: loc({ en: 'Yes', fr: 'Oui', ar: 'نعم' }) },
    { value: 'partly', text: loc({ en: 'Partly', fr: 'En partie', ar: 'جزئياً' }) },
    { value: 'no', text: loc({ en: 'No', fr: 'Non', ar: 'لا' }) },
    { value: 'nd', text: loc({ en: 'Not determined', fr: 'Non déterminé', ar: 'لم يُحدَّد' }) },
  ];
  const sections = Object.keys(SECTIONS).filter((k) => INSTITUTIONAL.some((i) => i.actor === k));
  const moved = INSTITUTIONAL.filter((i) => i.fromGapElement);
  return {
    title: loc({
      en: 'Institutional assessment: the criminal-justice response in practice',
      fr: 'Évaluation institutionnelle : la réponse pénale en pratique',
      ar: 'التقييم المؤسسي: استجابة العدالة الجنائية في الممارسة',
    }),
    description: loc({
      en: 'Version 2. Practice indicators, reported apart from the legal score and never averaged into it. Each answer says what it rests on (law, statistics, a key-informant interview, a document) and how confident you are; a key informant is referred to by a code of your own, which is never exported. Items name the gap-analysis elements whose practice they test.',
      fr: "Version 2. Indicateurs de pratique, présentés à part du score juridique et jamais moyennés avec lui. Chaque réponse indique sur quoi elle repose (loi, statistiques, entretien avec un informateur clé, document) et votre degré de confiance ; un informateur clé est désigné par un code qui vous est propre et qui n'est jamais exporté. Les items indiquent les éléments de l'analyse des lacunes dont ils examinent l'application.",
      ar: 'الإصدار 2. مؤشرات الممارسة، تُعرض بمعزل عن الدرجة القانونية ولا تُدمج فيها أبداً. تذكر كل إجابة ما تستند إليه (قانون، إحصاءات، مقابلة مع مُخبر رئيسي، وثيقة) ودرجة ثقتك؛ ويُشار إلى المُخبر الرئيسي برمز خاص بك لا يُصدَّر أبداً. تذكر البنود عناصر تحليل الثغرات التي تختبر تطبيقها.',
    }),
    family: 'assessment',
    languages: ['en', 'fr', 'ar'],
    translationStatus: TRANSLATION_NOTE,
    versionNotes: {
      summary:
        'Version 2 adds situation and flows, resources, maritime actors, corruption of officials, training, prosecutions of humanitarian actors and prevention; counts broken down (role, sex, nationality, sentence, value confiscated); the source, key-informant reference and confidence of each answer; and the practice items version 1 of the gap analysis scored as law.',
      fromGapAnalysis: Object.fromEntries(moved.map((i) => [i.id, i.fromGapElement])),
    },
    showQuestionNumbers: 'off',
    pages: [
      {
        name: 'period',
        title: loc({ en: 'Reference period', fr: 'Période de référence', ar: 'الفترة المرجعية' }),
        elements: [
          {
            type: 'text',
            name: 'reference_year',
            inputType: 'number',
            min: 2000,
            max: 2100,
            isRequired: true,
            title: loc({
              en: 'Year the counts refer to',
              fr: 'Année à laquelle se rapportent les chiffres',
              ar: 'السنة التي تشير إليها الأرقام',
            }),
            sdcRole: 'none',
          },
        ],
      },
      ...sections.map((section) => ({
        name: `actor_${section}`,
        title: loc(SECTIONS[section]!),
        ...(SECTIONS[section]!.description ? { description: loc(SECTIONS[section]!.description!) } : {}),
        elements: INSTITUTIONAL.filter((i) => i.actor === section).flatMap((i) => practiceQuestions(i, answer)),
      })),
    ],
  };
}
