/* Interface labels of the authoring tools (buttons, headings, hints), in English and French.
 * No sentence about what a key means (the engine's field guide) or what happens (the narrator). */
import { LAUNCH_UI } from './launch-strings.js';

export const AUTHORING_UI = {
  en: {
    ...LAUNCH_UI.en,
    editorLabel: 'Scenario JSON',
    editorKeys: 'Tab indents. To leave the editor with the keyboard, press Escape, then Tab.',
    fromTemplate: 'Start from',
    create: 'Create',
    blank: 'Blank scenario',
    cannotFollow: 'The form cannot follow the text until it is valid JSON: ',
    cannotFollowShape: 'The form cannot follow the text: ',
    tooLarge: (kb) => 'The form lays out scenarios up to ' + kb + ' KB; edit this one in the editor.',
    scenarioSection: 'Scenario',
    add: 'Add',
    remove: 'Remove',
    none: '(none)',
    units: { D: 'days', W: 'weeks', M: 'months', Y: 'years' },
    unit: 'Unit',
    exportsTitle: 'Take the results elsewhere',
    ics: 'Add to calendar (.ics)',
    svg: 'Download SVG',
    png: 'Download PNG',
    html: 'Copy HTML for help centers',
    copied: 'HTML copied to the clipboard.',
    copyFallback: 'Select the HTML below and copy it:',
    saved: (name) => name + ' downloaded.',
    invalidForExport: 'Fix the scenario first: ',
    yes: 'yes', no: 'no',
    cancelsBefore: 'only accounts created before a date',
    at: (line, column) => 'line ' + line + ', column ' + column + ': ',
  },
  fr: {
    ...LAUNCH_UI.fr,
    editorLabel: 'Scénario JSON',
    editorKeys: 'Tab indente. Pour quitter l’éditeur au clavier, appuyez sur Échap puis sur Tab.',
    fromTemplate: 'Partir de',
    create: 'Créer',
    blank: 'Scénario vide',
    cannotFollow: 'Le formulaire ne peut pas suivre le texte tant que ce n’est pas du JSON valide : ',
    cannotFollowShape: 'Le formulaire ne peut pas suivre le texte : ',
    tooLarge: (kb) => 'Le formulaire présente les scénarios jusqu’à ' + kb + ' Ko ; modifiez celui-ci dans l’éditeur.',
    scenarioSection: 'Scénario',
    add: 'Ajouter',
    remove: 'Retirer',
    none: '(aucun)',
    units: { D: 'jours', W: 'semaines', M: 'mois', Y: 'ans' },
    unit: 'Unité',
    exportsTitle: 'Emporter les résultats',
    ics: 'Ajouter au calendrier (.ics)',
    svg: 'Télécharger le SVG',
    png: 'Télécharger le PNG',
    html: 'Copier le HTML pour un centre d’aide',
    copied: 'HTML copié dans le presse-papiers.',
    copyFallback: 'Sélectionnez le HTML ci-dessous et copiez-le :',
    saved: (name) => name + ' téléchargé.',
    invalidForExport: 'Corrigez d’abord le scénario : ',
    yes: 'oui', no: 'non',
    cancelsBefore: 'seulement les comptes créés avant une date',
    at: (line, column) => 'ligne ' + line + ', colonne ' + column + ' : ',
  },
};

// The labels of `lang`, English when it is neither.
export function uiOf(lang) { return AUTHORING_UI[lang === 'fr' ? 'fr' : 'en']; }

// The template names shown in "New scenario" (the `source` of the bundled scenarios).
export const SOURCE_NAMES = {
  'DELL-CANCEL': 'Dell', 'DELL-PREMIER': 'Dell Premier', RESCUEASSIST: 'RescueAssist', ZENDESK: 'Zendesk', REDHAT: 'Red Hat',
};
