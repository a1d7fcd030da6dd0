// Messages for the checks survey-core does not make itself, in the response's locale. Where
// survey-core has a string of its own (length, selection count) we use it, so wording matches.
import { surveyLocalization } from 'survey-core';

type OwnKey = 'unknown_key' | 'type' | 'choice' | 'max_count';

const own: Record<string, Record<OwnKey, string>> = {
  en: {
    unknown_key: 'This answer does not belong to any question of this questionnaire version.',
    type: 'This answer has the wrong kind of value: {0} expected.',
    choice: 'This value is not one of the choices offered.',
    max_count: 'At most {0} entries may be given here.',
  },
  fr: {
    unknown_key: 'Cette réponse ne correspond à aucune question de cette version du questionnaire.',
    type: "Cette réponse n'a pas le bon type de valeur : {0} attendu.",
    choice: 'Cette valeur ne fait pas partie des choix proposés.',
    max_count: 'Au plus {0} entrées peuvent être données ici.',
  },
  ar: {
    unknown_key: 'هذه الإجابة لا تخص أي سؤال في هذه النسخة من الاستبيان.',
    type: 'نوع قيمة هذه الإجابة غير صحيح: المتوقع {0}.',
    choice: 'هذه القيمة ليست من الخيارات المعروضة.',
    max_count: 'يمكن إدخال {0} عناصر على الأكثر هنا.',
  },
};

function format(template: string, arg?: string | number): string {
  return arg === undefined ? template : template.replace('{0}', String(arg));
}

export function ownMessage(locale: string, key: OwnKey, arg?: string): string {
  const table = own[locale] ?? own[locale.split('-')[0] ?? ''] ?? own.en!;
  return format(table[key], arg);
}

/** survey-core's localized string (`textMaxLength`, `maxSelectError`, ...), falling back to English. */
export function surveyMessage(locale: string, key: string, arg?: number): string {
  return format(surveyLocalization.getString(key, locale || 'en'), arg);
}
