/* The few labels the page shows before the authoring tools are loaded ("New scenario", the panels'
 * names, loading and failure), in English and French: the page's bundle imports only this file;
 * strings.js includes them in the tools' labels. */
export const LAUNCH_UI = {
  en: {
    newScenario: 'New scenario',
    builderTitle: 'Build a scenario',
    exportsPanel: 'Calendar, image, HTML for help centers',
    loadingTools: 'Loading the authoring tools…',
    toolsFailed: 'The authoring tools could not be loaded: ',
  },
  fr: {
    newScenario: 'Nouveau scénario',
    builderTitle: 'Construire un scénario',
    exportsPanel: 'Calendrier, image, HTML pour un centre d’aide',
    loadingTools: 'Chargement des outils de rédaction…',
    toolsFailed: 'Les outils de rédaction n’ont pas pu être chargés : ',
  },
};

// The launch labels of `lang`, English when it is neither.
export function launchUiOf(lang) { return LAUNCH_UI[lang === 'fr' ? 'fr' : 'en']; }
