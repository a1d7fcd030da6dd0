// What the validation plan knows, per class of the SurveyJS JSON: every property an element,
// choice, row, column, item, validator, page or the survey may carry and still be validated by the
// plan. The gate is an allowlist: a property not listed here, or a class not listed, sends the
// version to the full model, named in the reasons. A property belongs here only when the plan
// reproduces its effect on the verdict and the stored data (compile.ts, run.ts, structural.ts),
// or when it has none on the server (texts, layout, widget behaviour), and the differential tests
// cover a definition that uses it.
import { Serializer } from 'survey-core';

/** Texts and layout that change what is shown, never the verdict or the data; kept for a class only where survey-core defines them. */
const PRESENTATION = [
  'name',
  'title',
  'description',
  'startWithNewLine',
  'width',
  'minWidth',
  'maxWidth',
  'indent',
  'titleLocation',
  'descriptionLocation',
  'errorLocation',
  'hideNumber',
  'state',
  'colCount',
  'placeholder',
  'placeHolder',
  'autocomplete',
  'size',
  'requiredErrorText',
  'questionTitleLocation',
  'navigationTitle',
  'navigationDescription',
  'innerIndent',
  'showNumber',
  'showQuestionNumbers',
  'questionStartIndex',
  'questionErrorLocation',
  'questionDescriptionLocation',
];

/** What every question and panel may carry: the plan reproduces visibility, read-only state and requiredness. */
const ELEMENT = [...PRESENTATION, 'visible', 'visibleIf', 'enableIf', 'readOnly', 'isRequired', 'requiredIf', 'validators'];

/** Select questions: fixed or carried-forward choices, "other" and "none", their texts and order. */
const SELECT = [
  'choices',
  'choicesOrder',
  'showOtherItem',
  'hasOther',
  'otherText',
  'otherPlaceholder',
  'otherPlaceHolder',
  'otherErrorText',
  'showNoneItem',
  'hasNone',
  'noneText',
  'choicesFromQuestion',
  'choicesFromQuestionMode',
  'separateSpecialChoices',
  'optionsCaption',
  'allowClear',
  'searchEnabled',
];

const MATRIX_LAYOUT = [
  'columnColCount',
  'columnMinWidth',
  'horizontalScroll',
  'showHeader',
  'verticalAlign',
  'alternateRows',
  'optionsCaption',
  'rowTitleWidth',
  'columnLayout',
  'transposeData',
  'cellType',
  'choices',
  'placeholder',
  'keyDuplicationError',
  'hideColumnsIfEmpty',
  'emptyRowsText',
  'rowsOrder',
];

/**
 * The JSON properties the plan knows, by survey-core class name: the shared lists above (each name
 * kept where the class defines it) and the class's own names (each must be a property of the class).
 */
const KNOWN: Record<string, { shared?: string[]; own: string[] }> = {
  survey: {
    own: [
      'title',
      'description',
      'locale',
      'logo',
      'logoPosition',
      'logoWidth',
      'logoHeight',
      'logoFit',
      'headerView',
      'showTitle',
      'showPageTitles',
      'showPageNumbers',
      'showQuestionNumbers',
      'questionStartIndex',
      'questionTitleLocation',
      'questionDescriptionLocation',
      'questionErrorLocation',
      'questionTitlePattern',
      'requiredText',
      'requiredMark',
      'showProgressBar',
      'progressBarType',
      'showTOC',
      'tocLocation',
      'showNavigationButtons',
      'showPrevButton',
      'showCompletedPage',
      'completedHtml',
      'completedBeforeHtml',
      'loadingHtml',
      'completeText',
      'pageNextText',
      'pagePrevText',
      'startSurveyText',
      'previewText',
      'editText',
      'showPreviewBeforeComplete',
      'previewMode',
      'goNextPageAutomatic',
      'autoAdvanceEnabled',
      'allowCompleteSurveyAutomatic',
      'autoAdvanceAllowComplete',
      'focusFirstQuestionAutomatic',
      'autoFocusFirstQuestion',
      'focusOnFirstError',
      'autoFocusFirstError',
      'checkErrorsMode',
      'textUpdateMode',
      'widthMode',
      'width',
      'fitToContainer',
      'questionsOrder',
      'clearInvisibleValues',
      'maxTextLength',
      'showBrandInfo',
      'cookieName',
      'sendResultOnPageNext',
      'pages',
      'questions',
      'elements',
      'triggers',
      'calculatedValues',
      'questionTitleTemplate',
      'showTimer',
      'showTimerPanel',
      'timerLocation',
      'navigateToUrl',
      'completedHtmlOnCondition',
    ],
  },
  page: { shared: ELEMENT, own: ['elements', 'questionsOrder'] },
  panel: { shared: ELEMENT, own: ['elements', 'questionsOrder'] },
  text: {
    shared: ELEMENT,
    own: [
      'inputType',
      'min',
      'max',
      'minErrorText',
      'maxErrorText',
      'maxLength',
      'inputSize',
      'dataList',
      'textUpdateMode',
      'inputTextAlignment',
    ],
  },
  comment: { shared: ELEMENT, own: ['maxLength', 'rows', 'cols', 'autoGrow', 'allowResize', 'acceptCarriageReturn', 'textUpdateMode'] },
  radiogroup: { shared: [...ELEMENT, ...SELECT], own: ['showClearButton'] },
  dropdown: {
    shared: [...ELEMENT, ...SELECT],
    own: ['searchMode', 'choicesLazyLoadEnabled', 'choicesLazyLoadPageSize', 'inputFieldComponent', 'itemComponent'],
  },
  checkbox: { shared: [...ELEMENT, ...SELECT], own: ['minSelectedChoices', 'maxSelectedChoices'] },
  tagbox: {
    shared: [...ELEMENT, ...SELECT],
    own: [
      'minSelectedChoices',
      'maxSelectedChoices',
      'searchMode',
      'hideSelectedItems',
      'closeOnSelect',
      'choicesLazyLoadEnabled',
      'choicesLazyLoadPageSize',
    ],
  },
  boolean: { shared: ELEMENT, own: ['labelTrue', 'labelFalse', 'label', 'swapOrder'] },
  rating: {
    shared: ELEMENT,
    own: [
      'rateMin',
      'rateMax',
      'rateStep',
      'rateCount',
      'rateType',
      'rateDisplayMode',
      'displayMode',
      'scaleColorMode',
      'rateColorMode',
      'minRateDescription',
      'maxRateDescription',
      'displayRateDescriptionsAsExtremeItems',
      'autoGenerate',
    ],
  },
  html: { shared: ELEMENT, own: ['html'] },
  image: { shared: ELEMENT, own: ['imageLink', 'altText', 'imageHeight', 'imageWidth', 'imageFit', 'contentMode'] },
  matrix: {
    shared: ELEMENT,
    own: [
      'rows',
      'columns',
      'eachRowRequired',
      'isAllRowRequired',
      'rowsOrder',
      'showHeader',
      'columnMinWidth',
      'rowTitleWidth',
      'alternateRows',
      'verticalAlign',
    ],
  },
  multipletext: { shared: ELEMENT, own: ['items', 'itemSize', 'itemTitleWidth'] },
  paneldynamic: {
    shared: ELEMENT,
    own: [
      'templateElements',
      'templateTitle',
      'templateDescription',
      'templateTabTitle',
      'tabTitlePlaceholder',
      'panelCount',
      'minPanelCount',
      'maxPanelCount',
      'panelAddText',
      'addPanelText',
      'panelRemoveText',
      'removePanelText',
      'panelPrevText',
      'prevPanelText',
      'panelNextText',
      'nextPanelText',
      'noEntriesText',
      'renderMode',
      'displayMode',
      'showRangeInProgress',
      'progressBarLocation',
      'panelsState',
      'allowAddPanel',
      'allowRemovePanel',
      'confirmDelete',
      'confirmDeleteText',
      'panelRemoveButtonLocation',
      'removePanelButtonLocation',
      'newPanelPosition',
      'templateTitleLocation',
    ],
  },
  matrixdropdown: { shared: [...ELEMENT, ...MATRIX_LAYOUT], own: ['rows', 'columns'] },
  matrixdynamic: {
    shared: [...ELEMENT, ...MATRIX_LAYOUT],
    own: [
      'columns',
      'rowCount',
      'maxRowCount',
      'addRowText',
      'removeRowText',
      'addRowButtonLocation',
      'addRowLocation',
      'allowAddRows',
      'allowRemoveRows',
      'confirmDelete',
      'confirmDeleteText',
      'allowRowReorder',
    ],
  },
  /** A column's own properties; its JSON also holds the cell question's, checked against the cell's class. */
  matrixdropdowncolumn: {
    own: [
      'name',
      'title',
      'cellType',
      'isRequired',
      'visible',
      'readOnly',
      'validators',
      'width',
      'minWidth',
      'requiredErrorText',
      'colCount',
    ],
  },
  multipletextitem: {
    own: [
      'name',
      'title',
      'placeholder',
      'placeHolder',
      'inputType',
      'isRequired',
      'validators',
      'maxLength',
      'size',
      'requiredErrorText',
      'inputSize',
    ],
  },
  /** A choice, a matrix row or column: its value and text. Anything else (isExclusive, a comment area, conditions) is not the plan's. */
  itemvalue: { own: ['value', 'text'] },
  choiceitem: { own: ['value', 'text'] },
  checkboxitem: { own: ['value', 'text'] },
  matrixcolumn: { own: ['value', 'text'] },
  numericvalidator: { own: ['minValue', 'maxValue', 'text'] },
  textvalidator: { own: ['minLength', 'maxLength', 'allowDigits', 'text'] },
  answercountvalidator: { own: ['minCount', 'maxCount', 'text'] },
  regexvalidator: { own: ['regex', 'caseInsensitive', 'text'] },
  emailvalidator: { own: ['text'] },
  expressionvalidator: { own: ['expression', 'text'] },
  calculatedvalue: { own: ['name', 'expression', 'includeIntoResult'] },
  /** Complete triggers stop the form early in a browser; the server validates the whole response anyway. */
  completetrigger: { own: ['expression', 'name', 'operator', 'value'] },
};

const resolved = new Map<string, Set<string>>();

/** The names known for a class: its own, the shared ones it defines, and Periplus's metadata properties (custom-properties.ts), which never affect validation. */
function known(className: string): Set<string> | undefined {
  let names = resolved.get(className);
  if (names) return names;
  const entry = KNOWN[className];
  if (!entry) return undefined;
  names = new Set([
    ...entry.own,
    ...(entry.shared ?? []).filter((name) => Serializer.findProperty(className, name)),
    ...Serializer.getProperties(className)
      .filter((p) => p.category === 'periplus')
      .map((p) => p.name),
  ]);
  resolved.set(className, names);
  return names;
}

/**
 * The properties of `json` (an object's toJSON, of a survey-core class) the plan does not know;
 * every property when the class is unknown. `alsoClass`: a matrix column's JSON also carries its
 * cell question's properties, known for the cell's class.
 */
export function unknownProperties(className: string, json: Record<string, unknown> | undefined, alsoClass?: string): string[] {
  if (!json || typeof json !== 'object') return [];
  const names = known(className);
  if (!names) return Object.keys(json).length ? Object.keys(json) : [`(class ${className})`];
  const also = alsoClass ? known(alsoClass) : undefined;
  return Object.keys(json).filter((key) => !names.has(key) && !also?.has(key));
}

/** The lists as written, for the tests that check every name is real. */
export const knownPropertyLists = {
  own: (): Array<[string, string[]]> => Object.entries(KNOWN).map(([className, entry]) => [className, entry.own]),
  shared: [...new Set([...ELEMENT, ...SELECT, ...MATRIX_LAYOUT])],
  classes: Object.keys(KNOWN),
};
