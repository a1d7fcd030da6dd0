// Builds the legislative gap analysis (one panel per element, answered with the template of
// domain.md A.0) and the institutional assessment (A.3) as SurveyJS JSON.
import { CLUSTERS, ELEMENTS, type GapElement } from './gap-elements';
import { INSTITUTIONAL } from './institutional-items';

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
    en: 'Optional ("shall consider", "may"): good-practice score only',
    fr: 'Facultatif (« envisage », « peut ») : score de bonnes pratiques seulement',
    ar: 'اختياري («تنظر في»، «يجوز»): درجة الممارسات الجيدة فقط',
  },
};

function elementPanel(e: GapElement) {
  const k = elementKey(e.id);
  const status = `{${k}_status}`;
  const metOrPartly = `${status} anyof ['fully', 'partly']`;
  const gap = `${status} anyof ['partly', 'not']`;
  return {
    type: 'panel',
    name: `element_${k}`,
    title: { default: `${e.id} · ${e.article}: ${e.en}`, fr: `${e.id} · ${e.article} : ${e.fr}`, ar: `${e.id} · ${e.article}: ${e.ar}` },
    description: loc({
      en: `${OBLIGATION[e.obligation].en}${e.core ? '. Core element: if not met, the cluster is capped at amber' : ''}`,
      fr: `${OBLIGATION[e.obligation].fr}${e.core ? ". Élément essentiel : s'il n'est pas respecté, le groupe est plafonné à l'orange" : ''}`,
      ar: `${OBLIGATION[e.obligation].ar}${e.core ? '. عنصر أساسي: إذا لم يُستوفَ، تُحدّ المجموعة عند اللون البرتقالي' : ''}`,
    }),
    state: 'collapsed',
    elements: [
      {
        type: 'radiogroup',
        name: `${k}_status`,
        title: loc({ en: 'Status', fr: 'Statut', ar: 'الحالة' }),
        choices: STATUS,
        colCount: 5,
        articleRef: e.article,
        cluster: e.cluster,
        obligation: e.obligation,
        coreElement: Boolean(e.core),
        elementId: e.id,
        sdcRole: 'none',
      },
      {
        type: 'comment',
        name: `${k}_na_reason`,
        title: loc({ en: 'Why is it not applicable?', fr: 'Pourquoi est-ce sans objet ?', ar: 'لماذا لا ينطبق؟' }),
        visibleIf: `${status} = 'na'`,
        isRequired: e.obligation === 'C',
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
        sdcRole: 'none',
      },
      {
        type: 'text',
        name: `${k}_article`,
        title: loc({ en: 'Article', fr: 'Article', ar: 'المادة' }),
        visibleIf: metOrPartly,
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
      en: `One answer per obligation (${ELEMENTS.length} elements in five clusters). Only law in force counts; date the legal snapshot.`,
      fr: `Une réponse par obligation (${ELEMENTS.length} éléments en cinq groupes). Seul le droit en vigueur compte ; datez l'état du droit.`,
      ar: `إجابة واحدة لكل التزام (${ELEMENTS.length} عنصراً في خمس مجموعات). لا يُحتسب إلا القانون النافذ؛ أرّخ اللقطة القانونية.`,
    }),
    family: 'assessment',
    languages: ['en', 'fr', 'ar'],
    translationStatus: TRANSLATION_NOTE,
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

export function institutionalAssessment() {
  const answer = [
    { value: 'yes', text: loc({ en: 'Yes', fr: 'Oui', ar: 'نعم' }) },
    { value: 'partly', text: loc({ en: 'Partly', fr: 'En partie', ar: 'جزئياً' }) },
    { value: 'no', text: loc({ en: 'No', fr: 'Non', ar: 'لا' }) },
    { value: 'nd', text: loc({ en: 'Not determined', fr: 'Non déterminé', ar: 'لم يُحدَّد' }) },
  ];
  const actors = [...new Set(INSTITUTIONAL.map((i) => i.actor))];
  return {
    title: loc({
      en: 'Institutional assessment: the criminal-justice response in practice',
      fr: 'Évaluation institutionnelle : la réponse pénale en pratique',
      ar: 'التقييم المؤسسي: استجابة العدالة الجنائية في الممارسة',
    }),
    description: loc({
      en: 'Practice indicators, reported apart from the legal score and never averaged into it.',
      fr: 'Indicateurs de pratique, présentés à part du score juridique et jamais moyennés avec lui.',
      ar: 'مؤشرات الممارسة، تُعرض بمعزل عن الدرجة القانونية ولا تُدمج فيها أبداً.',
    }),
    family: 'assessment',
    languages: ['en', 'fr', 'ar'],
    translationStatus: TRANSLATION_NOTE,
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
      ...actors.map((actor) => ({
        name: `actor_${actor}`,
        title: loc(INSTITUTIONAL.find((i) => i.actor === actor)!.actorTitle),
        elements: INSTITUTIONAL.filter((i) => i.actor === actor).flatMap((i) => [
          { type: 'radiogroup', name: `${i.id}`, title: loc(i), choices: answer, colCount: 4, practiceIndicator: actor, sdcRole: 'none' },
          {
            type: 'comment',
            name: `${i.id}_evidence`,
            title: loc({ en: 'Evidence', fr: 'Éléments de preuve', ar: 'الأدلة' }),
            visibleIf: `{${i.id}} notempty`,
            sdcRole: 'none',
          },
          ...(i.count ? [{ type: 'text', name: `${i.id}_count`, inputType: 'number', min: 0, title: loc(i.count), sdcRole: 'none' }] : []),
        ]),
      })),
    ],
  };
}
